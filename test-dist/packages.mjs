// The publishable workspace packages and their entry points, read from package.json (shared by the tests).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Set by `scripts/release-check.mjs`: a consumer project that installed the packed tarballs (these test files
 * are copied into it). Unset: the repository, whose node_modules links the built workspace packages.
 */
export const consumer = process.env.JIANGUAN_TEST_DIST_CONSUMER === '1';

/** The project whose node_modules the tests load the packages from. */
export const root = consumer ? dirname(fileURLToPath(import.meta.url)) : repository;

const read = (file) => JSON.parse(readFileSync(file, 'utf8'));
const packageDirs = consumer
  ? Object.keys(read(join(root, 'package.json')).dependencies)
      .filter((name) => name.startsWith('@jianguan/'))
      .map((name) => join(root, 'node_modules', name))
  : read(join(root, 'package.json')).workspaces.map((dir) => join(root, dir));

/** @type {{ name: string; dir: string; pkg: any; specifiers: string[] }[]} */
export const packages = packageDirs
  .map((dir) => ({ dir, pkg: read(join(dir, 'package.json')) }))
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
