import { existsSync } from 'node:fs';
import type { QualityCheckOptions, QualityIssue, QualityResult, RecordType } from '@jianguan/core';
import {
  createQualityChecker,
  fieldDictionary,
  fromExchangeRow,
  isRecord,
  resolveExchangeHeaders,
} from '@jianguan/core';
import { readCsv, readJson, readJsonl } from '@jianguan/core/io';
import type { CommandContext, CommandSpec } from '../runtime/args.js';
import {
  closest,
  dateArgument,
  helpHint,
  integerArgument,
  stringOption,
  stringsOption,
} from '../runtime/args.js';
import { usageError } from '../runtime/errors.js';
import type { ExitCodeValue } from '../runtime/exit-codes.js';
import { ExitCode } from '../runtime/exit-codes.js';
import type { DataFormat } from '../runtime/files.js';
import { assertReadableFile, detectFormat } from '../runtime/files.js';
import { writeJson, writeLine } from '../runtime/io.js';
import { writeSource } from '../runtime/sources.js';
import type { CheckExtension } from './catalog/check-extension.js';
import { catalogCheckHelp, catalogCheckOptions, loadCheckExtension } from './catalog/check-extension.js';
import { COMMAND_SUMMARIES } from './summaries.js';

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
  /** The rule's source (checklist and discretion findings). */
  readonly source?: string;
}

/** A column that matches no field of the record type, with the closest field name. */
interface UnknownColumn {
  readonly column: string;
  readonly suggestion?: string;
}

/** How the record type of a file was decided. */
type TypeSource = 'option' | 'column' | 'inferred' | 'unknown';

/** The result of checking one file. */
interface FileReport {
  readonly file: string;
  readonly format: DataFormat;
  readonly encoding: string | undefined;
  /** The record type the file was checked as (undefined: per record, from kind/entityClass). */
  readonly recordType: string | undefined;
  readonly recordTypeSource: TypeSource;
  /** Columns (CSV headers or JSON keys) that match no field: ignored by the check. */
  readonly unknownColumns: readonly UnknownColumn[];
  /** Required fields with no column. */
  readonly missingColumns: readonly { readonly field: string; readonly zh: string }[];
  /** The file has no records at all (empty, or a header row only). */
  readonly empty: boolean;
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
  summary: COMMAND_SUMMARIES.check,
  usage: [
    'jianguan check <file>… [--type <record-type>] [--today <date>] [--check-links] [--json]',
    'jianguan check a.csv b.csv --type a.csv=inspection --type b.csv=penalty',
    'jianguan check a.csv:inspection b.csv:penalty',
  ],
  // One language per line: each Chinese line, then its English line.
  description: [
    '按省级平台对每条上报记录的质检规则检查：必填项、长度、代码表、统一社会信用代码/身份证号/行政区划代码、',
    '日期、重复记录，以及（--check-links）批内关联。CSV 可为 UTF-8 或 GBK（中文 Windows 上的 Excel）；',
    '表头可用交换格式的中文列名（检查时间、行政相对人名称、…）或字段名（如 checkDate）。',
    'Runs the quality check the provincial system runs on every uploaded record: required fields, lengths, code',
    'tables, USCC / resident ID / region code rules, dates, duplicates and (with --check-links) links inside the',
    'batch. CSV files may be UTF-8 or GBK (Excel on Chinese Windows); headers may be the Chinese column names of',
    'the exchange format or the camelCase field names.',
    '',
    '日期：YYYY-MM-DD；--normalize-dates 先把 CSV 中的 2024/3/5、2024.3.5、2024年3月5日、20240305 和',
    'Excel 日期序号（45356）改写为 2024-03-05。',
    'Dates: YYYY-MM-DD; --normalize-dates first rewrites 2024/3/5, 2024.3.5, 20240305 and Excel serial day',
    'numbers (45356) in CSV files to 2024-03-05.',
    '',
    '记录类型，按文件指定：--type <文件>=<类型> 或 <文件>:<类型>；--type <类型> 用于所有文件；',
    '否则由 `kind`、`entityClass` 或 记录类型 列（JSON 字段）逐条指明；再否则按表头推断',
    '（检查时间 → inspection，处罚决定书文号 → penalty，…）。可用的类型：',
    'Record type, per file: --type <file>=<type> or <file>:<type>; --type <type> for every file; otherwise a',
    '`kind`, `entityClass` or "记录类型" column (or JSON field) names it per record, and failing that the type is',
    'inferred from the headers ("检查时间" → inspection, …). Types:',
    `  ${Object.keys(fieldDictionary).join(', ')}`,
    '各类型的字段及其中文列名见 docs/guides/data-standard.md（字段说明）。',
    'The fields of each type, with their Chinese headers, are in docs/guides/data-standard.md.',
    '不对应任何字段的列会被报告（并提示最接近的字段），缺少的必填列也会被报告。',
    'Headers that match no field are reported (with the closest field), and so are missing required columns.',
    '',
    '退出码：0 全部通过；1 有记录出错（--strict 时含警告），或文件没有记录（空文件或只有表头）；',
    '2 用法错误（未知类型、--type 指向未给出的文件、…）；3 文件无法读取。',
    'Exit 0 all records pass; 1 a record has an error (--strict: or a warning), or a file has no records (empty',
    'or header only); 2 usage error (unknown type, a --type for a file not given, …); 3 unreadable file.',
    ...catalogCheckHelp,
  ],
  options: {
    type: {
      type: 'string',
      multiple: true,
      value: '[<file>=]<type>',
      description: {
        zh: '记录类型，如 inspection、penalty、enterprise、officer；<文件>=<类型> 只用于该文件（默认按表头自动判断）',
        en: 'record type, e.g. inspection, penalty, enterprise, officer; <file>=<type> for one file (default: inferred from the headers)',
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
    ...catalogCheckOptions,
  },
  examples: [
    'jianguan check inspections.csv                 # GBK or UTF-8, Chinese headers',
    'jianguan check batch.jsonl --check-links --json > report.json',
    'jianguan check officers.csv --type officer --today 2025-12-31',
    'jianguan check 检查.csv 处罚.csv --type 处罚.csv=penalty',
    'jianguan check examples/data/catalog/penalties.csv --discretion examples/data/catalog/benchmarks.json',
    'jianguan check examples/data/catalog/inspections.csv --checklist examples/data/catalog/checklist.json',
  ],
  async run(ctx: CommandContext): Promise<ExitCodeValue> {
    if (ctx.positionals.length === 0) {
      throw usageError(
        'missing_argument',
        { zh: '缺少要检查的文件', en: 'missing the files to check' },
        {
          hint: helpHint(NAME),
        },
      );
    }
    const { files, types, allType } = fileTypes(ctx);
    const encoding = encodingOption(stringOption(ctx.values, 'encoding'));
    const todayText = stringOption(ctx.values, 'today');
    const maxText = stringOption(ctx.values, 'max-issues');
    const maxIssues = maxText === undefined ? undefined : integerArgument(NAME, '--max-issues', maxText);
    const options: QualityCheckOptions = {
      ...(todayText === undefined ? {} : { today: dateArgument(NAME, '--today', todayText) }),
      checkLinks: ctx.values['check-links'] === true,
      disable: stringsOption(ctx.values, 'disable'),
      ...(maxIssues === undefined ? {} : { maxIssues }),
    };
    const formatOption = stringOption(ctx.values, 'format');
    const extension = await loadCheckExtension(ctx);
    // Validate every file before the long work starts.
    const inputs: { file: string; full: string; format: DataFormat; type: RecordType | undefined }[] = [];
    for (const file of files) {
      const format = detectFormat(file, formatOption);
      inputs.push({
        file,
        full: await assertReadableFile(ctx.io.cwd, file),
        format,
        type: types.get(file) ?? allType,
      });
    }
    const reports: FileReport[] = [];
    for (const input of inputs) {
      reports.push(
        await checkFile(ctx, input, encoding, options, ctx.values['normalize-dates'] === true, extension),
      );
    }
    for (const w of extension?.warnings() ?? []) {
      writeLine(ctx.io.stderr, `jianguan: 警告：${w.zh}`);
      writeLine(ctx.io.stderr, `jianguan: warning: ${w.en}`);
    }
    const strict = ctx.values.strict === true;
    const findings = reports.some(
      (r) => r.empty || r.errors > 0 || r.failed > 0 || (strict && r.warnings > 0),
    );
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
          `合计：${totals.files} 个文件共 ${totals.total} 条，通过 ${totals.passed}，未通过 ${totals.failed}；错误 ${totals.errors}，警告 ${totals.warnings}`,
        );
        writeLine(
          ctx.io.stdout,
          `Total: ${totals.total} records in ${totals.files} files — ${totals.passed} passed, ${totals.failed} failed; ` +
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
  const suggestion = closest(text, Object.keys(fieldDictionary));
  throw usageError(
    'unknown_record_type',
    {
      zh: `未知的记录类型：“${text}”${suggestion ? `（是否想用 ${suggestion}？）` : ''}（可选：${types}）`,
      en: `unknown record type: "${text}"${suggestion ? ` (did you mean ${suggestion}?)` : ''} (one of: ${types})`,
    },
    { details: { type: text }, hint: helpHint(NAME) },
  );
}

/**
 * The files to check and their record types: `--type <type>` for all, `--type <file>=<type>` and
 * positional `<file>:<type>` for one file (a `:` suffix counts only when it names a record type and the
 * whole argument is not an existing file).
 */
function fileTypes(ctx: CommandContext): {
  files: string[];
  types: Map<string, RecordType>;
  allType: RecordType | undefined;
} {
  const files: string[] = [];
  const types = new Map<string, RecordType>();
  for (const arg of ctx.positionals) {
    const colon = arg.lastIndexOf(':');
    const suffix = colon > 0 ? arg.slice(colon + 1) : '';
    if (colon > 1 && suffix !== '' && !/[\\/]/.test(suffix) && !existsSync(arg)) {
      const file = arg.slice(0, colon);
      types.set(file, recordTypeOption(suffix) as RecordType);
      files.push(file);
    } else files.push(arg);
  }
  let allType: RecordType | undefined;
  for (const value of stringsOption(ctx.values, 'type')) {
    const eq = value.lastIndexOf('=');
    if (eq <= 0) {
      allType = recordTypeOption(value);
      continue;
    }
    const file = value.slice(0, eq);
    if (!files.includes(file)) {
      throw usageError(
        'unknown_file',
        {
          zh: `--type ${value}：${file} 不在要检查的文件中（${files.join('、')}）`,
          en: `--type ${value}: ${file} is not one of the files to check (${files.join(', ')})`,
        },
        { details: { file }, hint: helpHint(NAME) },
      );
    }
    const type = recordTypeOption(value.slice(eq + 1));
    if (type !== undefined) types.set(file, type);
  }
  return { files, types, allType };
}

const TYPE_COLUMN_SET = new Set(TYPE_COLUMNS);

/**
 * The record type whose fields best match `columns` (most matched headers, then fewest missing required
 * fields), or undefined when no type matches any column or two types match equally well.
 */
function inferRecordType(columns: readonly string[]): { type?: RecordType; candidates: RecordType[] } {
  let best: { type: RecordType; matched: number; missing: number }[] = [];
  for (const type of Object.keys(fieldDictionary) as RecordType[]) {
    const mapping = resolveExchangeHeaders(type, columns);
    const matched = Object.keys(mapping.fields).length;
    if (matched === 0) continue;
    const missing = mapping.missingRequired.length;
    const top = best[0];
    if (top === undefined || matched > top.matched || (matched === top.matched && missing < top.missing)) {
      best = [{ type, matched, missing }];
    } else if (matched === top.matched && missing === top.missing) best.push({ type, matched, missing });
  }
  const candidates = best.map((b) => b.type);
  return best.length === 1 ? { type: candidates[0] as RecordType, candidates } : { candidates };
}

/** Unknown and missing columns of a file checked as `type`. */
function columnReport(
  type: RecordType,
  columns: readonly string[],
  extraColumns: ReadonlySet<string> = new Set(),
): { unknown: UnknownColumn[]; missing: { field: string; zh: string }[] } {
  const mapping = resolveExchangeHeaders(type, columns);
  const specs = fieldDictionary[type] as Readonly<Record<string, { readonly zh: string }>>;
  const names = Object.entries(specs).flatMap(([name, spec]) => [spec.zh, name]);
  const unknown = mapping.unknown
    .filter((c) => !TYPE_COLUMN_SET.has(c) && !extraColumns.has(c))
    .map((column) => {
      const suggestion = closest(column, names);
      return suggestion === undefined ? { column } : { column, suggestion };
    });
  const missing = mapping.missingRequired.map((field) => ({ field, zh: specs[field]?.zh ?? field }));
  return { unknown, missing };
}

function encodingOption(text: string | undefined): 'auto' | 'utf-8' | 'gbk' | 'gb18030' {
  if (text === undefined) return 'auto';
  const lower = text.toLowerCase();
  if (!(ENCODINGS as readonly string[]).includes(lower)) {
    throw usageError(
      'unknown_encoding',
      {
        zh: `不支持的编码：“${text}”（可选 auto、utf-8、gbk）`,
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
  input: { file: string; full: string; format: DataFormat; type: RecordType | undefined },
  encoding: 'auto' | 'utf-8' | 'gbk' | 'gb18030',
  options: QualityCheckOptions,
  normalizeDates: boolean,
  extension?: CheckExtension,
): Promise<FileReport> {
  const extra = extension?.begin();
  let type = input.type;
  let typeSource: TypeSource = type === undefined ? 'unknown' : 'option';
  let columns: string[] | undefined;
  let batch: ReturnType<ReturnType<typeof createQualityChecker>['begin']> | undefined;
  const start = (first: unknown): void => {
    if (first !== null && typeof first === 'object' && !Array.isArray(first)) columns = Object.keys(first);
    if (type === undefined && columns !== undefined) {
      const fromColumn = columns.some((c) => TYPE_COLUMN_SET.has(c));
      if (fromColumn) typeSource = 'column';
      else {
        const inferred = inferRecordType(columns);
        if (inferred.type !== undefined) {
          type = inferred.type;
          typeSource = 'inferred';
        } else {
          throw usageError(
            'unknown_record_type',
            inferred.candidates.length > 1
              ? {
                  zh: `无法判断 ${input.file} 的记录类型：表头同样符合 ${inferred.candidates.join('、')}；请用 --type ${input.file}=<类型> 指定`,
                  en: `cannot tell the record type of ${input.file}: its headers fit ${inferred.candidates.join(', ')} equally; name it with --type ${input.file}=<type>`,
                }
              : {
                  zh: `无法判断 ${input.file} 的记录类型：没有任何表头是已知字段；请用 --type ${input.file}=<类型> 指定`,
                  en: `cannot tell the record type of ${input.file}: no header is a known field; name it with --type ${input.file}=<type>`,
                },
            { details: { file: input.file, columns, candidates: inferred.candidates }, hint: helpHint(NAME) },
          );
        }
      }
    }
    // JSON and JSONL records keyed by the exchange format's Chinese headers (or their aliases) are read as a
    // CSV row is: the header row is the first record's keys.
    if (input.format !== 'csv' && type !== undefined && columns !== undefined)
      translateKeys = Object.entries(resolveExchangeHeaders(type, columns).fields).some(([h, f]) => h !== f);
    batch = createQualityChecker({ ...options, ...(type === undefined ? {} : { recordType: type }) }).begin();
  };
  let translateKeys = false;
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
    if (batch === undefined) start(item.record);
    let record: unknown = item.record;
    if (input.format === 'csv') {
      const row = item.record as Readonly<Record<string, string>>;
      const rowType = csvRecordType(row, type);
      record = rowType === undefined ? row : fromExchangeRow(rowType, row, { normalizeDates });
    } else if (translateKeys && type !== undefined && isRecord(item.record)) {
      record = fromExchangeRow(type, item.record, { normalizeDates });
    }
    lines.push(item.line);
    batch?.add(record);
    extra?.add(record, item.record, position, type);
    position++;
  }
  progress.done();
  const result: QualityResult = (batch ?? createQualityChecker(options).begin()).finish();
  const columnsFound =
    type === undefined || columns === undefined
      ? { unknown: [], missing: [] }
      : columnReport(type, columns, extension?.columns);
  const issues: FileIssue[] = result.issues.map((issue) => ({ ...issue, line: lines[issue.index] }));
  // Checklist and discretion findings (--checklist, --discretion): a record they flag fails too.
  const extraIssues = extra?.finish() ?? [];
  const failing = new Set(result.issues.filter((i) => i.severity === 'error').map((i) => i.index));
  const newlyFailed = new Set(
    extraIssues.filter((i) => i.severity === 'error' && !failing.has(i.index)).map((i) => i.index),
  );
  for (const issue of extraIssues) issues.push({ ...issue, line: lines[issue.index] });
  // Unreadable records are numbered after the readable ones; they are always errors.
  for (const u of unreadable) issues.push({ ...u, index: position++ });
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const total = result.total + unreadable.length;
  const failed = result.failed + unreadable.length + newlyFailed.size;
  return {
    file: input.file,
    format: input.format,
    encoding: detected,
    recordType: type,
    recordTypeSource: typeSource,
    unknownColumns: columnsFound.unknown,
    missingColumns: columnsFound.missing,
    empty: total === 0,
    total,
    passed: result.passed - newlyFailed.size,
    failed,
    passRate: total === 0 ? 1 : (result.passed - newlyFailed.size) / total,
    errors: issues.filter((i) => i.severity === 'error').length + (total === 0 ? 1 : 0),
    warnings: issues.filter((i) => i.severity === 'warning').length + columnsFound.unknown.length,
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
    `${report.file}（${report.format}${encoding}）：共 ${report.total} 条，通过 ${report.passed}，未通过 ${report.failed}（${percent}）`,
  );
  writeLine(
    out,
    `${report.file} (${report.format}${encoding}): ${report.total} records — ${report.passed} passed, ${report.failed} failed (${percent})`,
  );
  if (report.empty) {
    writeLine(out, `  错误：${report.file} 没有任何数据记录（文件为空或只有表头）`);
    writeLine(out, `  error: ${report.file} has no records (the file is empty or has a header row only)`);
  }
  if (report.recordType !== undefined && report.recordTypeSource === 'inferred') {
    writeLine(out, `  记录类型：${report.recordType}（按表头判断；可用 --type ${report.file}=<类型> 指定）`);
    writeLine(
      out,
      `  record type: ${report.recordType} (inferred from the headers; set it with --type ${report.file}=<type>)`,
    );
  }
  for (const c of report.unknownColumns) {
    const zh = c.suggestion === undefined ? '' : `（是否想写“${c.suggestion}”？）`;
    const en = c.suggestion === undefined ? '' : ` (did you mean "${c.suggestion}"?)`;
    writeLine(out, `  警告：未知的列“${c.column}”，已忽略${zh}`);
    writeLine(out, `  warning: unknown column "${c.column}" is ignored${en}`);
  }
  if (report.missingColumns.length > 0) {
    writeLine(out, `  缺少必填列：${report.missingColumns.map((m) => m.zh).join('、')}`);
    writeLine(out, `  missing required columns: ${report.missingColumns.map((m) => m.field).join(', ')}`);
  }
  for (const issue of report.issues.slice(0, shown)) {
    // The head line is codes only (L<line> or #<record>, severity/checkType/rule, field=value); then the message,
    // a Chinese line and an English line, and the public document the rule comes from (the raw note stays in --json).
    const where = issue.line === undefined ? `#${issue.index + 1}` : `L${issue.line}`;
    const id = issue.recordId === undefined ? '' : `  ${issue.recordId}`;
    const field = issue.field === '' ? '' : `  ${issue.field}=${JSON.stringify(issue.value) ?? ''}`;
    writeLine(out, `  ${where}${id}  ${issue.severity}/${issue.checkType}/${issue.rule}${field}`);
    writeLine(out, `      ${issue.message.zh}`);
    writeLine(out, `      ${issue.message.en}`);
    if (issue.source !== undefined) {
      writeSource(out, '      ', issue.source);
    }
  }
  if (report.issues.some((i) => i.rule === 'unknown_record_type')) {
    writeLine(
      out,
      `  提示：用 --type ${report.file}=<类型> 指定记录类型（inspection、penalty、enterprise、officer 等）`,
    );
    writeLine(
      out,
      `  hint: name the record type with --type ${report.file}=<type> (inspection, penalty, enterprise, officer, …)`,
    );
  }
  const hidden = report.issues.length - Math.min(shown, report.issues.length);
  if (hidden > 0 || report.issuesTruncated) {
    writeLine(
      out,
      `  …${hidden > 0 ? `另有 ${hidden} 个问题` : '其余问题'}未列出（用 --json 或 --max-issues 查看）`,
    );
    writeLine(
      out,
      `  … ${hidden > 0 ? `${hidden} more issues` : 'more issues'} (use --json or --max-issues)`,
    );
  }
}
