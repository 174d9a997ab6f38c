// Overhead of the `jianguan` command layer over calling the libraries directly, measured in one run.
// `npm run bench -w packages/cli`. Numbers are per operation; the machine may be shared, so compare ratios.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { addWorkdays, createQualityChecker } from '@jianguan/core';
import { readJsonl } from '@jianguan/core/io';
import { Bench } from 'tinybench';
import { workdayCommand as workday } from '../src/commands/workday.js';
import { runCli } from '../src/index.js';
import { parseCommandArgs } from '../src/runtime/args.js';
import { inspection } from '../test/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'jianguan-cli-bench-'));
// The same valid inspection records as the tests (one fixture: test/fixtures.ts).
const records = Array.from({ length: 2_000 }, (_, i) => inspection(i));
const file = join(dir, 'batch.jsonl');
writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);

const sink = { write: () => true };
const io = { stdout: sink, stderr: sink, cwd: dir, env: {} };

const bench = new Bench({ time: 1_500 });
bench
  .add('jianguan: runCli workday add', async () => {
    await runCli(['workday', 'add', '2025-09-30', '2'], io);
  })
  .add('peer: core addWorkdays', () => {
    addWorkdays('2025-09-30', 2);
  })
  .add('jianguan: parseCommandArgs', () => {
    parseCommandArgs(workday, ['add', '2025-09-30', '-2', '--json']);
  })
  .add('peer: node:util parseArgs', () => {
    parseArgs({
      args: ['add', '2025-09-30', '--json'],
      options: { json: { type: 'boolean' } },
      allowPositionals: true,
    });
  })
  .add('jianguan: runCli check (2,000-record JSONL)', async () => {
    await runCli(['check', 'batch.jsonl', '--today', '2024-06-30', '--json'], io);
  })
  .add('peer: readJsonl + qualityCheck (2,000 records)', async () => {
    const batch = createQualityChecker({ today: '2024-06-30' }).begin();
    for await (const item of readJsonl(file)) batch.add(item.record);
    batch.finish();
  });

await bench.run();
const hz = (name: string): number => {
  const result = bench.tasks.find((t) => t.name === name)?.result as
    | { throughput?: { mean: number } }
    | undefined;
  return result?.throughput?.mean ?? Number.NaN;
};
const row = (ours: string, peer: string) => {
  const a = hz(ours);
  const b = hz(peer);
  console.log(`${ours.padEnd(46)} ${a.toFixed(1).padStart(12)} ops/s`);
  console.log(`${peer.padEnd(46)} ${b.toFixed(1).padStart(12)} ops/s`);
  console.log(`${'  ratio ours/peer'.padEnd(46)} ${(a / b).toFixed(3).padStart(12)}\n`);
};
row('jianguan: runCli workday add', 'peer: core addWorkdays');
row('jianguan: parseCommandArgs', 'peer: node:util parseArgs');
row('jianguan: runCli check (2,000-record JSONL)', 'peer: readJsonl + qualityCheck (2,000 records)');
rmSync(dir, { recursive: true, force: true });
