import type { Options } from 'tsup';

/**
 * The one tsup configuration every package uses: dual ESM + CJS with declarations,
 * dependencies and peers left external.
 */
export function packageBuild(entry: Record<string, string>, overrides: Options = {}): Options {
  return {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    splitting: false,
    treeshake: true,
    ...overrides,
  };
}
