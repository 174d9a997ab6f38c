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
const check = await checkBatch(sampleBatchFiles(dataDir), { today: SAMPLE_TODAY, checkLinks: true });
console.log(
  formatBatchReport(check, `质检报告 Quality check report — sample batch (today = ${SAMPLE_TODAY})`),
);
