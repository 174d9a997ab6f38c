#!/usr/bin/env node
// `npm run fuzz`: the fuzz suites (packages/*/test/fuzz) with their large run counts (JIANGUAN_FUZZ=full),
// then a table of inputs, typed throws, untyped throws and silent passes per target. Exits non-zero on any
// untyped throw or silent pass, or when fewer than 1,000,000 inputs ran. Extra arguments go to vitest
// (e.g. `npm run fuzz -- packages/core/test/fuzz/readers.fuzz.test.ts`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MIN_INPUTS = 1_000_000;
// One seed for every fuzz file of the run (the harness reads it): random unless JIANGUAN_FUZZ_SEED replays one.
const seed =
  process.env.JIANGUAN_FUZZ_SEED?.trim() || String((Date.now() ^ (Math.random() * 0x7fffffff)) | 0);
console.log(`fuzz seed ${seed}`);
const report = mkdtempSync(join(tmpdir(), 'jianguan-fuzz-'));
const args = process.argv.slice(2);
const files = args.some((a) => !a.startsWith('-')) ? [] : ['test/fuzz/'];
const started = Date.now();
const run = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    ...files,
    '--testTimeout=3600000',
    '--hookTimeout=3600000',
    '--maxWorkers=2',
    ...args,
  ],
  {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, JIANGUAN_FUZZ: 'full', JIANGUAN_FUZZ_REPORT: report, JIANGUAN_FUZZ_SEED: seed },
  },
);

const rows = [];
for (const file of readdirSync(report)) rows.push(...JSON.parse(readFileSync(join(report, file), 'utf8')));
rmSync(report, { recursive: true, force: true });
rows.sort((a, b) => a.target.localeCompare(b.target));

const total = { target: 'TOTAL', inputs: 0, typedThrows: 0, untypedThrows: 0, silentPasses: 0 };
for (const r of rows)
  for (const k of ['inputs', 'typedThrows', 'untypedThrows', 'silentPasses']) total[k] += r[k];
const fmt = (n) => n.toLocaleString('en-US');
const width = Math.max(6, ...rows.map((r) => r.target.length));
const line = (r) =>
  `${r.target.padEnd(width)}  ${fmt(r.inputs).padStart(11)}  ${fmt(r.typedThrows).padStart(12)}  ${fmt(r.untypedThrows).padStart(15)}  ${fmt(r.silentPasses).padStart(14)}`;
console.log('');
console.log(
  `${'target'.padEnd(width)}  ${'inputs'.padStart(11)}  ${'typed throws'.padStart(12)}  ${'untyped throws'.padStart(15)}  ${'silent passes'.padStart(14)}`,
);
for (const r of rows) console.log(line(r));
console.log(line(total));
console.log(`\n${rows.length} targets, ${((Date.now() - started) / 1000).toFixed(0)} s`);
for (const r of rows) for (const e of r.examples ?? []) console.log(`  ${r.target}: ${e}`);

const failed =
  run.status !== 0 ||
  total.untypedThrows > 0 ||
  total.silentPasses > 0 ||
  (files.length > 0 && total.inputs < MIN_INPUTS);
if (files.length > 0 && total.inputs < MIN_INPUTS) console.error(`fewer than ${fmt(MIN_INPUTS)} inputs ran`);
console.log(`fuzz seed ${seed}`);
if (failed)
  console.error(
    `replay: JIANGUAN_FUZZ_SEED=${seed} npm run fuzz${args.length ? ` -- ${args.join(' ')}` : ''}`,
  );
process.exit(failed ? 1 : 0);
