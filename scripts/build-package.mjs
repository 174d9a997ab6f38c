#!/usr/bin/env node
// Builds the package in the current directory: ESM only, one output module per source module (no bundling),
// so every module — and every class, default calendar and registry it holds — exists once.
//
//   dist/ ← tsc -p tsconfig.build.json   (.js + .d.ts + declaration and source maps, from src/)
//
// Run by each package's `npm run build` (the root `npm run build` runs them in dependency order).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
rmSync('dist', { recursive: true, force: true });
const tsc = require.resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
