/**
 * Example: quality-check (质检) a CSV file before it goes to the province — GBK included.
 *
 *   node --conditions=@jianguan/source --import tsx examples/src/examples/quality-check-file.ts [file.csv] [recordType] [today]
 *
 * Excel on Chinese Windows saves "CSV" in GBK with Chinese headers. core's `readCsv` detects the encoding,
 * `fromExchangeRow` maps the Chinese headers (and their common aliases) onto the national fields, and
 * `qualityCheck` runs the province's checks (the 10 检核类型) and says, per record, what is wrong — here
 * printed with the line of the file to fix. Defaults: the GBK sample `examples/data/inspections-gbk.csv`
 * (行政检查 records), checked as of 2024-06-30.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromExchangeRow, qualityCheck, type RecordType } from '@jianguan/core';
import { readCsv } from '@jianguan/core/io';

const here = dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? join(here, '..', '..', 'data', 'inspections-gbk.csv');
const recordType = (process.argv[3] ?? 'inspection') as RecordType;
const today = process.argv[4] ?? '2024-06-30';

// 1. Read: streaming, encoding detected (UTF-8 with or without BOM, else GB 18030 ⊇ GBK).
let encoding = '';
const records: Record<string, unknown>[] = [];
const lines: number[] = [];
const onEncoding = (e: string) => {
  encoding = e;
};
for await (const item of readCsv(file, { errors: 'yield', onEncoding })) {
  if ('error' in item) {
    console.log(`line ${item.line}: cannot read — ${item.error.messages.zh} / ${item.error.messages.en}`);
    continue;
  }
  // 2. Map Chinese headers (检查时间, *检查时间, 行政相对人（单位/个人）名称 …) onto the national fields.
  records.push(fromExchangeRow(recordType, item.record));
  lines.push(item.line);
}
console.log(`${file}: ${records.length} ${recordType} records, encoding ${encoding}`);

// 3. Check them as one batch (duplicates across records are found too).
const result = qualityCheck(records, { recordType, today });
console.log(
  `passed ${result.passed} / ${result.total} (${(result.passRate * 100).toFixed(0)}%), ${result.issues.length} issues`,
);
for (const issue of result.issues) {
  const mark = issue.severity === 'error' ? '✗' : '!';
  console.log(
    `  line ${lines[issue.index]} ${issue.recordId ?? ''} ${mark} [${issue.checkType} ${issue.rule}] ${issue.field}: ${issue.message.zh}`,
  );
}
// For scripts and CI, the CLI does the same with exit codes: `jianguan check file.csv --type inspection`.
