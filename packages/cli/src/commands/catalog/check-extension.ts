import type { BenchmarkSet, Checklist, ChecklistLineResult, EnforcementRuleSet } from '@jianguan/catalog';
import {
  checkEnforcement,
  DEFAULT_ENFORCEMENT_RULES,
  defineBenchmarkSet,
  defineChecklist,
  defineEnforcementRules,
  EXAMPLE_BENCHMARK_SET,
  evaluateChecklistResults,
} from '@jianguan/catalog';
import type { LocalizedMessage, QualityIssue } from '@jianguan/core';
import { parseDateText } from '@jianguan/core';
import type { CommandContext, OptionSpec } from '../../runtime/args.js';
import { integerArgument, stringOption, stringsOption } from '../../runtime/args.js';
import { readJsonFile } from '../../runtime/files.js';

/**
 * The options `jianguan check` takes for checklists and discretion rules (检查表、裁量基准、三项制度).
 *
 * @example
 * const options = { ...checkOwnOptions, ...catalogCheckOptions };
 */
export const catalogCheckOptions: Readonly<Record<string, OptionSpec>> = {
  discretion: {
    type: 'string',
    value: '<file>|example',
    description: {
      zh: '裁量基准（JSON）：检查处罚是否超出幅度、是否注明裁量阶次，并做三项制度检查；`example` 为内置示例',
      en: 'discretion benchmarks (JSON): flag penalties outside their band or without a degree, plus the three-enforcement-systems checks; example = the built-in sample',
    },
  },
  enforcement: {
    type: 'boolean',
    description: {
      zh: '对处罚记录做三项制度检查（重大案件法制审核、公示期限），不需裁量基准',
      en: 'run the three-enforcement-systems checks on penalties (legal review of major cases, publicity deadline) without benchmarks',
    },
  },
  'publicity-workdays': {
    type: 'string',
    value: '<n>',
    description: {
      zh: '行政处罚公示期限（工作日，默认 7）',
      en: 'penalty publicity deadline in working days (default 7)',
    },
  },
  checklist: {
    type: 'string',
    multiple: true,
    value: '<file>',
    description: {
      zh: '标准检查表（JSON，一个或数组）：核对检查记录的逐项结果',
      en: 'standard checklist(s) (JSON, one or an array): validate inspection records’ line-level results',
    },
  },
};

/** The input formats of the options above, for `jianguan check --help`. */
export const catalogCheckHelp: readonly string[] = [
  '',
  '裁量基准与三项制度（--discretion <文件>|example、--enforcement）：对处罚记录检查重大案件（是否重大案件 = 是）',
  '未经法制审核（是否法制审核）、法制审核晚于决定、公示迟延或缺失（公示日期晚于作出行政处罚决定日期加',
  '--publicity-workdays 个工作日）；给出裁量基准时，按处罚依据找到基准条目，要求裁量阶次存在且已知，',
  '罚款金额在该阶次幅度之内（倍数幅度需要裁量基数）。',
  'Discretion and the three enforcement systems (--discretion <file>|example, --enforcement): penalty records',
  'are checked for a major case without legal review, legal review after the decision, and late or missing',
  'publication (publication date later than the decision date plus --publicity-workdays working days); with',
  'benchmarks, the entry is found by the legal basis, the degree must be present and known, and the fine must',
  "lie within the degree's band (a multiple band needs the base amount).",
  '裁量基准 JSON 格式：',
  'The benchmark JSON:',
  '  {"id","version","publisher","source","status":"verified|seed-stated|inferred","checked":"YYYY-MM-DD",',
  '   "entries":[{"id","violation","penaltyBasis":"《…》第X条","statutory":{"fine":{"min","max"}},',
  '   "degrees":[{"degree":"从轻","fine":{"min","max"}} | {"degree","multiple":{"min","max"},"base":"违法所得"}],',
  '   "source","status","checked"}]}',
  '  CSV 列：裁量阶次（discretionDegree）、裁量基数（discretionBaseAmount）、公示日期（publishedDate）',
  '  CSV columns: discretionDegree, discretionBaseAmount, publishedDate (or their Chinese headers)',
  '标准检查表（--checklist <文件>）：JSON 对象或数组，格式如下。检查记录的逐项结果写在 checklistResults（JSON）',
  '或 逐项检查结果 列（CSV，如 "L1=符合;L2=不符合(未公示许可证);L3=不适用"，也可写 pass、fail、na）。',
  '适用的检查表：记录的 checklistId（检查表编号）所指的表，否则按监管事项目录编码匹配，否则唯一给出的表；',
  '逐项核对结果，并与检查结果核对。',
  'Checklists (--checklist <file>): a JSON object or an array, as below. An inspection record carries its line',
  'results as checklistResults (JSON) or a "逐项检查结果" column (CSV, e.g. "L1=符合;L2=不符合"; pass, fail',
  "and na also work). The checklist is the one named by checklistId, else the one for the record's",
  'item code, else the only one given; results are checked line by line and against the inspection result.',
  '  {"id","version","name","itemCode","source","status","checked",',
  '   "items":[{"id":"L1","content","method","legalBasis","finding","key":true,"onFinding":"04"}]}',
  '  checklistResults: [{"id":"L1","result":"pass|fail|na","note"}]',
];

/** Extra CSV columns the extension reads (not fields of the national record, so not "unknown"). */
const EXTRA_COLUMNS = {
  discretionDegree: ['裁量阶次', '裁量情节', 'discretionDegree'],
  discretionBaseAmount: ['裁量基数', 'discretionBaseAmount'],
  publishedDate: ['公示日期', 'publishedDate'],
  checklistResults: ['逐项检查结果', 'checklistResults'],
  checklistId: ['检查表编号', 'checklistId'],
} as const;

/** A finding of the extension, in 质检's issue shape plus the rule's source. */
export type ExtensionIssue = Omit<QualityIssue, 'recordType'> & {
  readonly source?: string;
  readonly benchmark?: unknown;
};

/** The extension for one file: feed it every record, then take its issues. */
export interface CheckExtensionRun {
  /** `type`: the file's record type (`--type`), for records that carry no `kind`. */
  add(record: unknown, raw: unknown, index: number, type?: string): void;
  finish(): ExtensionIssue[];
}

/** What `check` gets from {@link loadCheckExtension}: the extra columns it reads, and a run per file. */
export interface CheckExtension {
  readonly columns: ReadonlySet<string>;
  begin(): CheckExtensionRun;
  /** After every file: warnings when an option found nothing to check (printed on stderr). */
  warnings(): LocalizedMessage[];
}

const LINE_RESULTS: Readonly<Record<string, ChecklistLineResult['result']>> = {
  pass: 'pass',
  符合: 'pass',
  合格: 'pass',
  fail: 'fail',
  不符合: 'fail',
  不合格: 'fail',
  na: 'na',
  不适用: 'na',
  合理缺项: 'na',
};

function text(raw: unknown, names: readonly string[]): string | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  for (const n of names) {
    const v = (raw as Record<string, unknown>)[n];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return undefined;
}

/**
 * Parse `L1=符合;L2=不符合(note)` (or a JSON array) into line results; `undefined` for unparseable text. Full-width
 * `＝`, `：`, `；` and brackets (a Chinese input method) are read like their ASCII forms.
 */
function parseLineResults(value: string): unknown[] | undefined {
  if (value.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value);
      return Array.isArray(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  const out: unknown[] = [];
  for (const part of value.split(/[;；\n]/)) {
    if (part.trim() === '') continue;
    const m = /^\s*([^=＝:：]+?)\s*[=＝:：]\s*([^(（]+?)\s*(?:[(（](.*)[)）])?\s*$/.exec(part);
    if (!m) return undefined;
    const result = LINE_RESULTS[(m[2] ?? '').toLowerCase()] ?? m[2];
    out.push({ id: m[1], result, ...(m[3] ? { note: m[3] } : {}) });
  }
  return out;
}

/**
 * Read the `--discretion`, `--enforcement` and `--checklist` options of `jianguan check`; `undefined` when none
 * is given. Bad files are input errors (exit 3) from the library's validators.
 */
export async function loadCheckExtension(ctx: CommandContext): Promise<CheckExtension | undefined> {
  const discretion = stringOption(ctx.values, 'discretion');
  const checklistFiles = stringsOption(ctx.values, 'checklist');
  const workdaysText = stringOption(ctx.values, 'publicity-workdays');
  const enforcement =
    discretion !== undefined || ctx.values.enforcement === true || workdaysText !== undefined;
  if (!enforcement && checklistFiles.length === 0) return undefined;
  let benchmarks: BenchmarkSet | undefined;
  if (discretion === 'example') benchmarks = defineBenchmarkSet(EXAMPLE_BENCHMARK_SET);
  else if (discretion !== undefined)
    benchmarks = defineBenchmarkSet(await readJsonFile(ctx.io.cwd, discretion));
  let rules: EnforcementRuleSet = DEFAULT_ENFORCEMENT_RULES;
  if (workdaysText !== undefined) {
    const n = integerArgument('check', '--publicity-workdays', workdaysText);
    rules = defineEnforcementRules({
      id: `${DEFAULT_ENFORCEMENT_RULES.id}+cli`,
      version: DEFAULT_ENFORCEMENT_RULES.version,
      publicityWorkdays: n,
      publicitySource: `jianguan check --publicity-workdays ${n}`,
    });
  }
  const checklists: Checklist[] = [];
  for (const file of checklistFiles) {
    const value = await readJsonFile(ctx.io.cwd, file);
    for (const c of Array.isArray(value) ? value : [value]) checklists.push(defineChecklist(c));
  }
  // publicity_missing (deadline passed, no 公示日期) runs only against an explicit --today.
  const todayText = stringOption(ctx.values, 'today');
  const today = todayText === undefined ? undefined : parseDateText(todayText);
  const columns = new Set<string>(Object.values(EXTRA_COLUMNS).flat());
  let penaltiesSeen = 0;
  let inspectionsSeen = 0;
  return {
    columns,
    warnings: () => [
      ...(enforcement && penaltiesSeen === 0
        ? [
            {
              zh: '没有行政处罚记录（`kind` 为 penalty），裁量基准与三项制度检查未执行',
              en: 'no penalty record (kind penalty) found: the discretion and enforcement checks did not run',
            },
          ]
        : []),
      ...(checklists.length > 0 && inspectionsSeen === 0
        ? [
            {
              zh: '没有行政检查记录（`kind` 为 inspection），检查表未使用',
              en: 'no inspection record (kind inspection) found: the checklists were not used',
            },
          ]
        : []),
    ],
    begin: () => {
      const penalties: { record: Record<string, unknown>; index: number }[] = [];
      const issues: ExtensionIssue[] = [];
      return {
        add(record, raw, index, type) {
          if (record === null || typeof record !== 'object' || Array.isArray(record)) return;
          const r = record as Record<string, unknown>;
          const kind = r.kind ?? type;
          if (enforcement && kind === 'penalty') {
            penaltiesSeen++;
            penalties.push({ record: withExtras(r, raw), index });
          }
          if (checklists.length > 0 && kind === 'inspection') {
            inspectionsSeen++;
            issues.push(...checkLines(checklists, r, raw, index));
          }
        },
        finish() {
          if (penalties.length > 0) {
            const result = checkEnforcement(
              penalties.map((p) => p.record),
              {
                rules,
                ...(today === undefined ? {} : { today }),
                ...(benchmarks === undefined ? {} : { benchmarks }),
              },
            );
            for (const issue of result.issues) {
              const { recordType: _type, ...rest } = issue;
              issues.push({ ...rest, index: penalties[issue.index]?.index ?? issue.index });
            }
          }
          return issues.sort((a, b) => a.index - b.index);
        },
      };
    },
  };
}

/** A penalty with the discretion and publicity fields read from CSV columns that are not national fields. */
function withExtras(record: Record<string, unknown>, raw: unknown): Record<string, unknown> {
  if (raw === record) return record;
  const out = { ...record };
  const degree = text(raw, EXTRA_COLUMNS.discretionDegree);
  if (degree !== undefined && out.discretionDegree === undefined) out.discretionDegree = degree;
  const base = text(raw, EXTRA_COLUMNS.discretionBaseAmount);
  if (base !== undefined && out.discretionBaseAmount === undefined) {
    const n = Number(base.replace(/[,，元\s]/g, ''));
    out.discretionBaseAmount = Number.isFinite(n) ? n : base;
  }
  const published = text(raw, EXTRA_COLUMNS.publishedDate);
  if (published !== undefined && out.publishedDate === undefined) {
    out.publishedDate = parseDateText(published) ?? published;
  }
  return out;
}

function checkLines(
  checklists: readonly Checklist[],
  record: Record<string, unknown>,
  raw: unknown,
  index: number,
): ExtensionIssue[] {
  const recordId = typeof record.recordId === 'string' ? record.recordId : undefined;
  const issue = (
    rule: string,
    field: string,
    value: unknown,
    message: LocalizedMessage,
    severity: 'error' | 'warning',
    checkType: QualityIssue['checkType'],
    source: string,
  ): ExtensionIssue => ({
    checkType,
    rule,
    index,
    ...(recordId === undefined ? {} : { recordId }),
    field,
    value,
    message,
    severity,
    source,
  });
  const named =
    (typeof record.checklistId === 'string' ? record.checklistId : undefined) ??
    text(raw, EXTRA_COLUMNS.checklistId);
  const checklist = named
    ? checklists.find((c) => c.id === named)
    : (checklists.find((c) => c.itemCode === record.itemCode) ??
      (checklists.length === 1 ? checklists[0] : undefined));
  const rawResults =
    record.checklistResults ?? (raw === record ? undefined : text(raw, EXTRA_COLUMNS.checklistResults));
  const results = typeof rawResults === 'string' ? parseLineResults(rawResults) : rawResults;
  const source = checklist
    ? `checklist ${checklist.id} ${checklist.version} (${checklist.source})`
    : 'seed 004';
  if (rawResults === undefined) {
    if (!checklist || (named === undefined && checklist.itemCode !== record.itemCode)) return [];
    return [
      issue(
        'checklist_results_missing',
        'checklistResults',
        undefined,
        {
          zh: `检查记录没有逐项检查结果（检查表 ${checklist.id}）`,
          en: `the inspection has no line-level results (checklist ${checklist.id})`,
        },
        'warning',
        '04',
        source,
      ),
    ];
  }
  if (!Array.isArray(results)) {
    return [
      issue(
        'checklist_results_invalid',
        'checklistResults',
        rawResults,
        {
          zh: '逐项检查结果无法识别（应为 L1=符合;L2=不符合 或 JSON 数组）',
          en: 'line-level results not readable (expected L1=pass;L2=fail or a JSON array)',
        },
        'error',
        '04',
        source,
      ),
    ];
  }
  if (!checklist) {
    return [
      issue(
        'checklist_not_found',
        named === undefined ? 'itemCode' : 'checklistId',
        named ?? record.itemCode,
        {
          zh: `没有适用于该检查记录的检查表（${named ?? String(record.itemCode)}）`,
          en: `no checklist given for this inspection (${named ?? String(record.itemCode)})`,
        },
        'error',
        '04',
        'seed 004',
      ),
    ];
  }
  const evaluation = evaluateChecklistResults(checklist, results as ChecklistLineResult[], {
    checkResult: record.checkResult,
  });
  return evaluation.issues.map((i) =>
    issue(
      `checklist_${i.rule}`,
      i.rule === 'conclusion_mismatch' ? 'checkResult' : 'checklistResults',
      i.rule === 'conclusion_mismatch' ? record.checkResult : i.lineId,
      i.message,
      'error',
      i.rule === 'conclusion_mismatch' ? '01' : '04',
      source,
    ),
  );
}
