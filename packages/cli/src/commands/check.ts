import type { QualityCheckOptions, QualityIssue, QualityResult, RecordType } from '@jianguan/core';
import { createQualityChecker, fieldDictionary, fromExchangeRow } from '@jianguan/core';
import { readCsv, readJson, readJsonl } from '@jianguan/core/io';
import type { CommandContext, CommandSpec } from '../runtime/args.js';
import { dateArgument, helpHint, integerArgument, stringOption, stringsOption } from '../runtime/args.js';
import { usageError } from '../runtime/errors.js';
import type { ExitCodeValue } from '../runtime/exit-codes.js';
import { ExitCode } from '../runtime/exit-codes.js';
import type { DataFormat } from '../runtime/files.js';
import { assertReadableFile, detectFormat } from '../runtime/files.js';
import { writeJson, writeLine } from '../runtime/io.js';

const NAME = 'check';
const ENCODINGS = ['auto', 'utf-8', 'utf8', 'gbk', 'gb18030'] as const;
const BEHAVIOUR_KINDS = new Set(['inspection', 'penalty', 'compulsion', 'other']);
const ENTITY_CLASSES = new Set(['enterprise', 'individualBusiness', 'otherOrganisation', 'naturalPerson']);
/** Column headers that name a CSV row's record type when --type is not given. */
const TYPE_COLUMNS = ['kind', 'entityClass', 'recordType', '记录类型'];

/** One reported problem: a quality issue with the file line it came from, or a record that could not be read. */
interface FileIssue extends Omit<QualityIssue, 'recordType'> {
  readonly line: number | undefined;
  readonly recordType?: string;
}

/** The result of checking one file. */
interface FileReport {
  readonly file: string;
  readonly format: DataFormat;
  readonly encoding: string | undefined;
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly passRate: number;
  readonly errors: number;
  readonly warnings: number;
  readonly issues: readonly FileIssue[];
  readonly issuesTruncated: boolean;
}

/** `jianguan check` — the provincial data-quality check (质检) on CSV, JSON and JSONL files. */
export const checkCommand: CommandSpec = {
  name: NAME,
  summary: {
    zh: '按数据标准质检 CSV/JSON/JSONL 文件',
    en: 'quality-check CSV, JSON or JSONL files against the data standard',
  },
  usage: ['jianguan check <file>… [--type <record-type>] [--today <date>] [--check-links] [--json]'],
  description: [
    'Runs the quality check (质检) the provincial system runs on every uploaded record: required fields,',
    'lengths, code tables, USCC / resident ID / region code rules, dates, duplicates and (with --check-links)',
    'links inside the batch. CSV files may be UTF-8 or GBK (Excel on Chinese Windows); headers may be the',
    'Chinese column names of the exchange format (检查时间, 行政相对人名称, …) or the camelCase field names.',
    '',
    'Record types 记录类型: behaviour records carry `kind` (inspection, penalty, compulsion, other) and entities',
    '`entityClass`; other types need --type. Exit 1 when any record has an error (--strict: or a warning).',
  ],
  options: {
    type: {
      type: 'string',
      value: '<record-type>',
      description: {
        zh: '记录类型，如 inspection、penalty、enterprise、officer（默认按 kind/entityClass 自动判断）',
        en: 'record type, e.g. inspection, penalty, enterprise, officer (default: from kind/entityClass)',
      },
    },
    format: {
      type: 'string',
      value: 'csv|json|jsonl',
      description: { zh: '文件格式（默认按扩展名）', en: 'file format (default: from the extension)' },
    },
    encoding: {
      type: 'string',
      value: 'auto|utf-8|gbk',
      description: {
        zh: '文本编码（默认自动识别 UTF-8/GBK）',
        en: 'text encoding (default: detect UTF-8 or GBK)',
      },
    },
    today: {
      type: 'string',
      value: '<date>',
      description: {
        zh: '“今天”的日期，用于未来日期检查（默认北京时间今天）',
        en: "today's date for the no-future-dates rule (default: today in China)",
      },
    },
    'check-links': {
      type: 'boolean',
      description: {
        zh: '检查批内关联（如处罚关联的检查行为）',
        en: "check links inside the batch (a penalty's inspection exists, …)",
      },
    },
    disable: {
      type: 'string',
      multiple: true,
      value: '<rule>',
      description: { zh: '关闭某条质检规则', en: 'switch a rule off' },
    },
    'normalize-dates': {
      type: 'boolean',
      description: {
        zh: 'CSV 中 2024/3/5 等日期先规范为 2024-03-05',
        en: 'rewrite spreadsheet dates such as 2024/3/5 in CSV files first',
      },
    },
    'max-issues': {
      type: 'string',
      value: '<n>',
      description: {
        zh: '每个文件最多列出的问题数（默认 50，--json 时不限）',
        en: 'issues listed per file (default 50; unlimited with --json)',
      },
    },
    strict: {
      type: 'boolean',
      description: { zh: '有警告也以退出码 1 结束', en: 'exit 1 on warnings too' },
    },
  },
  examples: [
    'jianguan check inspections.csv                 # GBK or UTF-8, Chinese headers',
    'jianguan check batch.jsonl --check-links --json > report.json',
    'jianguan check officers.csv --type officer --today 2025-12-31',
  ],
  async run(ctx: CommandContext): Promise<ExitCodeValue> {
    const files = ctx.positionals;
    if (files.length === 0) {
      throw usageError(
        'missing_argument',
        { zh: '缺少要检查的文件', en: 'missing the files to check' },
        {
          hint: helpHint(NAME),
        },
      );
    }
    const type = recordTypeOption(stringOption(ctx.values, 'type'));
    const encoding = encodingOption(stringOption(ctx.values, 'encoding'));
    const todayText = stringOption(ctx.values, 'today');
    const maxText = stringOption(ctx.values, 'max-issues');
    const maxIssues = maxText === undefined ? undefined : integerArgument(NAME, '--max-issues', maxText);
    const options: QualityCheckOptions = {
      ...(type === undefined ? {} : { recordType: type }),
      ...(todayText === undefined ? {} : { today: dateArgument(NAME, '--today', todayText) }),
      checkLinks: ctx.values['check-links'] === true,
      disable: stringsOption(ctx.values, 'disable'),
      ...(maxIssues === undefined ? {} : { maxIssues }),
    };
    const formatOption = stringOption(ctx.values, 'format');
    // Validate every file before the long work starts.
    const inputs: { file: string; full: string; format: DataFormat }[] = [];
    for (const file of files) {
      const format = detectFormat(file, formatOption);
      inputs.push({ file, full: await assertReadableFile(ctx.io.cwd, file), format });
    }
    const reports: FileReport[] = [];
    for (const input of inputs) {
      reports.push(
        await checkFile(ctx, input, type, encoding, options, ctx.values['normalize-dates'] === true),
      );
    }
    const strict = ctx.values.strict === true;
    const findings = reports.some((r) => r.errors > 0 || r.failed > 0 || (strict && r.warnings > 0));
    const totals = {
      files: reports.length,
      total: sum(reports, 'total'),
      passed: sum(reports, 'passed'),
      failed: sum(reports, 'failed'),
      errors: sum(reports, 'errors'),
      warnings: sum(reports, 'warnings'),
    };
    if (ctx.json) {
      writeJson(ctx.io.stdout, { ok: !findings, ...totals, files: reports });
    } else {
      const shown = maxIssues ?? 50;
      for (const report of reports) printReport(ctx, report, shown);
      if (reports.length > 1) {
        writeLine(
          ctx.io.stdout,
          `Total 合计: ${totals.total} records in ${totals.files} files — ${totals.passed} passed, ${totals.failed} failed; ` +
            `${totals.errors} errors, ${totals.warnings} warnings`,
        );
      }
    }
    return findings ? ExitCode.Findings : ExitCode.Ok;
  },
};

function sum(
  reports: readonly FileReport[],
  key: 'total' | 'passed' | 'failed' | 'errors' | 'warnings',
): number {
  return reports.reduce((n, r) => n + r[key], 0);
}

function recordTypeOption(text: string | undefined): RecordType | undefined {
  if (text === undefined || text === 'auto') return undefined;
  if (Object.hasOwn(fieldDictionary, text)) return text as RecordType;
  const types = Object.keys(fieldDictionary).join(', ');
  throw usageError(
    'unknown_record_type',
    {
      zh: `未知的记录类型：${text}（可选：${types}）`,
      en: `unknown record type: ${text} (one of: ${types})`,
    },
    { details: { type: text }, hint: helpHint(NAME) },
  );
}

function encodingOption(text: string | undefined): 'auto' | 'utf-8' | 'gbk' | 'gb18030' {
  if (text === undefined) return 'auto';
  const lower = text.toLowerCase();
  if (!(ENCODINGS as readonly string[]).includes(lower)) {
    throw usageError(
      'unknown_encoding',
      {
        zh: `不支持的编码：${text}（可选 auto、utf-8、gbk）`,
        en: `unknown encoding: ${text} (use auto, utf-8 or gbk)`,
      },
      { hint: helpHint(NAME) },
    );
  }
  return lower === 'utf8' ? 'utf-8' : (lower as 'auto' | 'utf-8' | 'gbk' | 'gb18030');
}

function csvRecordType(
  row: Readonly<Record<string, string>>,
  fixed: RecordType | undefined,
): RecordType | undefined {
  if (fixed !== undefined) return fixed;
  for (const column of TYPE_COLUMNS) {
    const value = row[column]?.trim();
    if (
      value !== undefined &&
      (BEHAVIOUR_KINDS.has(value) || ENTITY_CLASSES.has(value) || Object.hasOwn(fieldDictionary, value))
    ) {
      return value as RecordType;
    }
  }
  return undefined;
}

async function checkFile(
  ctx: CommandContext,
  input: { file: string; full: string; format: DataFormat },
  type: RecordType | undefined,
  encoding: 'auto' | 'utf-8' | 'gbk' | 'gb18030',
  options: QualityCheckOptions,
  normalizeDates: boolean,
): Promise<FileReport> {
  const batch = createQualityChecker(options).begin();
  const lines: number[] = [];
  const unreadable: FileIssue[] = [];
  let detected: string | undefined;
  const readOptions = {
    encoding,
    errors: 'yield' as const,
    onEncoding: (e: 'utf-8' | 'gb18030') => {
      detected = e;
    },
  };
  const progress = ctx.progress(`check ${input.file}`, 0);
  const items =
    input.format === 'csv'
      ? readCsv(input.full, readOptions)
      : input.format === 'jsonl'
        ? readJsonl(input.full, readOptions)
        : readJson(input.full, readOptions);
  let position = 0;
  for await (const item of items) {
    progress.tick();
    if ('error' in item) {
      unreadable.push({
        checkType: '09',
        rule: 'unreadable_record',
        index: lines.length + unreadable.length,
        field: '',
        value: undefined,
        message: item.error.messages,
        severity: 'error',
        line: item.line,
      });
      continue;
    }
    let record: unknown = item.record;
    if (input.format === 'csv') {
      const row = item.record as Readonly<Record<string, string>>;
      const rowType = csvRecordType(row, type);
      record = rowType === undefined ? row : fromExchangeRow(rowType, row, { normalizeDates });
    }
    lines.push(item.line);
    batch.add(record);
    position++;
  }
  progress.done();
  const result: QualityResult = batch.finish();
  const issues: FileIssue[] = result.issues.map((issue) => ({ ...issue, line: lines[issue.index] }));
  // Unreadable records are numbered after the readable ones; they are always errors.
  for (const u of unreadable) issues.push({ ...u, index: position++ });
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const total = result.total + unreadable.length;
  const failed = result.failed + unreadable.length;
  return {
    file: input.file,
    format: input.format,
    encoding: detected,
    total,
    passed: result.passed,
    failed,
    passRate: total === 0 ? 1 : result.passed / total,
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
    issues,
    issuesTruncated: result.issuesTruncated,
  };
}

function printReport(ctx: CommandContext, report: FileReport, shown: number): void {
  const out = ctx.io.stdout;
  const percent = `${(report.passRate * 100).toFixed(1)}%`;
  const encoding = report.encoding === undefined ? '' : `, ${report.encoding}`;
  writeLine(
    out,
    `${report.file} (${report.format}${encoding}): ${report.total} records — ${report.passed} passed, ${report.failed} failed (${percent})` +
      `（共 ${report.total} 条，通过 ${report.passed}，未通过 ${report.failed}）`,
  );
  for (const issue of report.issues.slice(0, shown)) {
    const where = issue.line === undefined ? `#${issue.index + 1}` : `line ${issue.line}`;
    const id = issue.recordId === undefined ? '' : `  ${issue.recordId}`;
    const field = issue.field === '' ? '' : `  ${issue.field}=${JSON.stringify(issue.value) ?? ''}`;
    writeLine(out, `  ${where}${id}  ${issue.severity} ${issue.checkType} ${issue.rule}${field}`);
    writeLine(out, `      ${issue.message.zh} / ${issue.message.en}`);
  }
  if (report.issues.some((i) => i.rule === 'unknown_record_type')) {
    writeLine(
      out,
      '  hint: name the record type with --type (inspection, penalty, enterprise, officer, …)（用 --type 指定记录类型）',
    );
  }
  const hidden = report.issues.length - Math.min(shown, report.issues.length);
  if (hidden > 0 || report.issuesTruncated) {
    writeLine(
      out,
      `  … ${hidden > 0 ? `${hidden} more issues` : 'more issues'} (use --json or --max-issues)（其余问题略）`,
    );
  }
}
