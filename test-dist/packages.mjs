// The publishable workspace packages and their entry points, read from package.json (shared by the tests).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @type {{ name: string; dir: string; pkg: any; specifiers: string[] }[]} */
export const packages = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  .workspaces.map((dir) => ({ dir: join(root, dir), pkg: JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) }))
  .filter(({ pkg }) => !pkg.private)
  .map(({ dir, pkg }) => ({
    name: pkg.name,
    dir,
    pkg,
    specifiers: Object.keys(pkg.exports)
      .filter((k) => k !== './package.json')
      .map((k) => (k === '.' ? pkg.name : `${pkg.name}/${k.slice(2)}`)),
  }));

/** Every entry point of every package, e.g. `@jianguan/core/calendar`. */
export const specifiers = packages.flatMap((p) => p.specifiers);

/** Throws unless every package has been built. */
export function assertBuilt() {
  const missing = packages.filter((p) => !existsSync(join(p.dir, 'dist', 'index.js'))).map((p) => p.name);
  if (missing.length > 0) throw new Error(`not built: ${missing.join(', ')} — run \`npm run build\` first`);
}
