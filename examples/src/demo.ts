/**
 * jianguan demo, part 1: check the sample submission batch in `examples/data/` — a GBK CSV exported from
 * Excel with Chinese headers, a JSON array and a JSON Lines file, with deliberate errors documented in
 * `examples/data/README.md` — and print a bilingual quality report.
 *
 * `npm run demo` runs this, then part 2, the county year (`examples/src/county-year/main.ts`).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkBatch, formatBatchReport, sampleBatchFiles } from './steps/check-batch.js';

/** The report date of the sample batch (records are from the first half of 2024). */
export const SAMPLE_TODAY = '2024-06-30';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'data');
console.log('第一部分：质检一批样例数据（Excel 导出的 GBK 表格、JSON 和 JSONL 文件，含故意写错的记录）');
console.log(
  'Part 1: quality-check a sample batch (a GBK spreadsheet export, JSON and JSONL, with deliberate errors)',
);
console.log(
  '质检 = 省平台对每条上报数据做的数据质量检查 (the check the province runs on every uploaded record)\n',
);
const check = await checkBatch(sampleBatchFiles(dataDir), { today: SAMPLE_TODAY, checkLinks: true });
console.log(
  formatBatchReport(check, `质检报告 Quality check report — sample batch (today = ${SAMPLE_TODAY})`),
);
