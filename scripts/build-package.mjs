#!/usr/bin/env node
// Builds the package in the current directory: ESM only, every module — and every class, default calendar and
// registry it holds — exists once across the package's entry points.
//
//   dist/ ← tsc -p tsconfig.build.json   (.js + .d.ts + declaration and source maps, from src/)
//
// With `--split` (core), esbuild also writes the JavaScript Node.js loads (the `node` export condition):
//
//   dist/node/ ← esbuild, splitting: true   (one file per `./dist/node/….js` target of package.json's `exports`,
//                                            plus shared chunks in dist/node/chunks/; the package's `#imports`
//                                            bundled as their `node` module)
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
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const split = process.argv.includes('--split');
rmSync('dist', { recursive: true, force: true });
const tsc = require.resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
});
if (result.status !== 0 || !split) process.exit(result.status ?? 1);

const { build } = await import('esbuild');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
/** The `src/….ts` module a `./dist/….js` (or `./dist/node/….js`) target is built from. */
const source = (target) => target.replace(/^\.\/dist\/(node\/)?/, 'src/').replace(/\.js$/, '.ts');
const entryPoints = Object.values(pkg.exports)
  .map((e) => (typeof e === 'object' ? e.node : undefined))
  .filter((t) => typeof t === 'string' && t.startsWith('./dist/node/'))
  .map(source);
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
  minifyWhitespace: true,
  minifySyntax: true,
  charset: 'utf8',
  // Dependencies and Node.js built-ins stay imports.
  external: [...Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }), 'node:*'],
  plugins: [
    {
      // The package's own `#imports` pick a module by condition; this output is only ever loaded under `node`,
      // so each is bundled as its `node` module (no run-time indirection, one file fewer to load).
      name: 'package-imports-node',
      setup(b) {
        b.onResolve({ filter: /^#/ }, (args) => {
          const target = pkg.imports?.[args.path]?.node;
          if (typeof target !== 'string') return { errors: [{ text: `no "node" target for ${args.path}` }] };
          return { path: resolve(source(target)) };
        });
      },
    },
  ],
  logLevel: 'warning',
});
