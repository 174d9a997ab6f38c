#!/usr/bin/env node
// Builds the package in the current directory: ESM only, every module — and every class, default calendar and
// registry it holds — exists once across the package's entry points.
//
//   dist/ ← tsc -p tsconfig.build.json   (.js + .d.ts + declaration and source maps, from src/)
//
// With `--split` (core), esbuild also writes the JavaScript Node.js loads (the `node` export condition):
//
//   dist/node/ ← esbuild, splitting: true   (one file per `./dist/node/….js` target of package.json's `exports`
//                                            and `imports`, plus shared chunks in dist/node/chunks/)
//
// A module used by several entries is in one chunk, so it still exists once. Node.js pays per module loaded
// (resolve, read, compile: ~0.4 ms each on this machine), so core's ~60 modules in a handful of files start
// faster (bench/cold-start.mjs). Bundlers and browsers (`default`) keep tsc's per-module output, which they
// tree-shake module by module (`sideEffects: false`); the two are never mixed, as every `node` target of the
// package points into dist/node/.
//
// Run by each package's `npm run build` (the root `npm run build` runs them in dependency order).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const split = process.argv.includes('--split');
rmSync('dist', { recursive: true, force: true });
const tsc = require.resolve('typescript/bin/tsc');
const result = spawnSync(
  process.execPath,
[tsc, '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
});
if (result.status !== 0 || !split) process.exit(result.status ?? 1);

const { build } = await import('esbuild');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
/** Every `./dist/node/….js` file package.json names, as the `src/….ts` module it is built from. */
const targets = (value) =>
  typeof value === 'string' ? [value] : Object.values(value ?? {}).flatMap((v) => targets(v));
const entryPoints = [
  ...new Set(
    targets({ ...pkg.exports, ...pkg.imports })
      .filter((t) => /^\.\/dist\/node\/.*\.js$/.test(t))
      .map((t) => t.replace(/^\.\/dist\/node\//, 'src/').replace(/\.js$/, '.ts')),
  ),
];
await build({
  entryPoints,
  outbase: 'src',
  outdir: 'dist/node',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: true,
  // The package's own `#imports` are resolved at run time (they pick a module by condition), and dependencies
  // and Node.js built-ins stay imports.
  external: [
    ...Object.keys(pkg.imports ?? {}),
    ...Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }),
    'node:*',
  ],
  charset: 'utf8',
  logLevel: 'warning',
});
