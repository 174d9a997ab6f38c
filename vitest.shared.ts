import { defineProject } from 'vitest/config';

/** The per-package vitest project: tests and type tests resolve `@jianguan/*` to source. */
export function packageProject(name: string, extra: { testTimeout?: number } = {}) {
  return defineProject({
    resolve: { conditions: ['@jianguan/source'] },
    ssr: { resolve: { conditions: ['@jianguan/source'] } },
    test: {
      name,
      include: ['test/**/*.test.ts'],
      typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
      testTimeout: extra.testTimeout ?? 20_000,
    },
  });
}
