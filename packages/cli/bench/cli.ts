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

const dir = mkdtempSync(join(tmpdir(), 'jianguan-cli-bench-'));
const INSTITUTION = '11330106002490066D';
const records = Array.from({ length: 2_000 }, (_, i) => ({
  kind: 'inspection',
  recordId: `JC-${i}`,
  itemCode: '31000000100000',
  checkListCode: `${INSTITUTION}431000000100000`,
  implementInstitution: '杭州市西湖区市场监督管理局',
  implementInstitutionCode: INSTITUTION,
  adminCounterpartName: '杭州某某食品有限公司',
  adminCounterpartNature: '02',
  adminCounterpartCertType: '001',
  adminCounterpartCertNo: '91330100799655058B',
  areaCode: '330106',
  source: '33000031',
  batchNo: '2024030600001',
  operation: 'I',
  checkActionName: '食品经营日常监督检查',
  checkActionCode: `JC2024${i}`,
  checkForm: '01',
  checkType: '01',
  checkMode: '1',
  checkResult: '01',
  checkDate: '2024-03-05',
  checkPersonnel: ['张三', '李四'],
  checkPersonnelCertNos: ['33010012345', '33010012346'],
  submittedAt: '2024-03-06T10:00:00+08:00',
}));
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
