/**
 * Step "check a batch" (质检一个批次): read every file of a submission batch with core's streaming readers,
 * map Chinese-header CSV rows onto records, run the batch quality check with links on, and keep the
 * file and line of every record so each issue points at the place to fix.
 *
 * Reused by the demo (v1) and, later, by the county-year flow.
 */
import { basename, extname, join } from 'node:path';
import {
  fromExchangeRow,
  type QualityCheckOptions,
  type QualityIssue,
  type QualityResult,
  qualityCheck,
  type RecordType,
} from '@jianguan/core';
import { readRecords } from '@jianguan/core/io';

/** One input file of a batch and the record type its CSV rows hold (JSON records carry `kind`). */
export interface BatchFile {
  readonly path: string;
  /** For CSV files: the record type of every row (Chinese headers are mapped onto its fields). */
  readonly recordType?: RecordType;
}

/** Where a record came from. */
export interface RecordSource {
  readonly file: string;
  readonly line: number;
}

/** A record or line that could not be read at all (bad JSON, broken CSV row). */
export interface ReadProblem extends RecordSource {
  readonly code: string;
  readonly message: { readonly zh: string; readonly en: string };
}

/** The outcome of checking a batch. */
export interface BatchCheck {
  readonly result: QualityResult;
  /** The source of record `i` (same index as `issue.index`). */
  readonly sources: readonly RecordSource[];
  readonly records: readonly unknown[];
  readonly readProblems: readonly ReadProblem[];
  /** Per file: encoding detected and records read. */
  readonly files: readonly { file: string; encoding?: string; records: number }[];
}

/** Reads the files and checks them as one batch. */
export async function checkBatch(
  files: readonly BatchFile[],
  options: QualityCheckOptions = {},
): Promise<BatchCheck> {
  const records: unknown[] = [];
  const sources: RecordSource[] = [];
  const readProblems: ReadProblem[] = [];
  const fileInfo: { file: string; encoding?: string; records: number }[] = [];
  for (const f of files) {
    const file = basename(f.path);
    let encoding: string | undefined;
    let count = 0;
    const isCsv = ['.csv', '.tsv'].includes(extname(f.path).toLowerCase());
    for await (const item of readRecords(f.path, {
      errors: 'yield',
      onEncoding: (e) => {
        encoding = e;
      },
    })) {
      if ('error' in item) {
        readProblems.push({ file, line: item.line, code: item.error.code, message: item.error.messages });
        continue;
      }
      const record =
        isCsv && f.recordType !== undefined
          ? fromExchangeRow(f.recordType, item.record as Record<string, string>)
          : item.record;
      records.push(record);
      sources.push({ file, line: item.line });
      count++;
    }
    fileInfo.push(encoding === undefined ? { file, records: count } : { file, encoding, records: count });
  }
  const result = qualityCheck(records, { checkLinks: true, ...options });
  return { result, sources, records, readProblems, files: fileInfo };
}

/** The sample batch shipped in `examples/data/`. */
export function sampleBatchFiles(dataDir: string): BatchFile[] {
  return [
    { path: join(dataDir, 'inspections-gbk.csv'), recordType: 'inspection' },
    { path: join(dataDir, 'penalties.json') },
    { path: join(dataDir, 'behaviours.jsonl') },
  ];
}

const CHECK_TYPE_NAMES: Record<string, string> = {
  '01': '代码检查 code',
  '02': '数据源标识检查 data source',
  '03': '监管事项目录编码检查 catalog code',
  '04': '检查实施清单编码检查 inspection-list code',
  '05': '数据归并 duplicates',
  '06': '统一社会信用代码编码规则检查 USCC',
  '07': '身份证号码编码规则检查 resident ID',
  '08': '数据关联性检查 links',
  '09': '业务主键检查 business key',
  '10': '时间信息检查 dates',
};

/** A readable bilingual report of a batch check. */
export function formatBatchReport(check: BatchCheck, title = '质检报告 Quality check report'): string {
  const { result, sources, readProblems } = check;
  const out: string[] = [];
  out.push(title, '='.repeat(60));
  for (const f of check.files) {
    out.push(`  ${f.file}: ${f.records} records${f.encoding ? ` (${f.encoding})` : ''}`);
  }
  out.push(
    '',
    `记录 records: ${result.total}   通过 passed: ${result.passed}   未通过 failed: ${result.failed}   ` +
      `通过率 pass rate: ${(result.passRate * 100).toFixed(1)}%`,
  );
  const errors = result.issues.filter((i) => i.severity === 'error').length;
  out.push(
    `问题 issues: ${result.issues.length} (${errors} errors, ${result.issues.length - errors} warnings)`,
  );

  const byType = new Map<string, number>();
  for (const i of result.issues) byType.set(i.checkType, (byType.get(i.checkType) ?? 0) + 1);
  out.push('', '按检核类型 By check type:');
  for (const [type, n] of [...byType].sort()) out.push(`  ${type} ${CHECK_TYPE_NAMES[type] ?? ''}: ${n}`);

  out.push('', '明细 Details:');
  let last = -1;
  for (const issue of result.issues) {
    out.push(...formatIssue(issue, sources, issue.index !== last));
    last = issue.index;
  }
  if (readProblems.length > 0) {
    out.push('', '无法读取的记录 Unreadable records:');
    for (const p of readProblems)
      out.push(`  ${p.file}:${p.line}  [${p.code}] ${p.message.zh} / ${p.message.en}`);
  }
  return out.join('\n');
}

function formatIssue(issue: QualityIssue, sources: readonly RecordSource[], head: boolean): string[] {
  const src = sources[issue.index];
  const lines: string[] = [];
  if (head) {
    lines.push(`  ${src ? `${src.file}:${src.line}` : `#${issue.index}`}  ${issue.recordId ?? ''}`.trimEnd());
  }
  const mark = issue.severity === 'error' ? '✗' : '!';
  lines.push(`    ${mark} [${issue.checkType} ${issue.rule}] ${issue.field}: ${issue.message.zh}`);
  lines.push(`        ${issue.message.en}`);
  return lines;
}
