import { addWorkdays, codeTables, csvCell, getCodeTable, isRecord, lookupCode } from '@jianguan/core';
import { ARRAY, badInput, isList, requireDrawRecord, requireOptions, requireRules } from '../boundary.js';
import { compareCodePoints } from '../draw/order.js';
import { SamplingInputError } from '../errors.js';
import type { DrawRecord } from '../record/types.js';
import { DEFAULT_SAMPLING_RULES, type SamplingRules } from '../rules/sampling-rules.js';

/**
 * What publication needs from a working-day calendar. The default is `@jianguan/core`'s calendar (the free
 * `addWorkdays`, i.e. the official schedules plus whatever `loadSchedule`/`setDefaultCalendar` changed); pass
 * a core `WorkdayCalendar` (`createCalendar({ overlays })`) or any object with `addWorkdays` to override it.
 *
 * @example
 * const calendar: WorkdayAdder = createCalendar({ overlays: [GUANGXI_SANYUESAN] });
 */
export interface WorkdayAdder {
  addWorkdays(date: string, workdays: number): string;
}

/**
 * What publication needs from a result code table. The default is `@jianguan/core`'s `spotCheckResult` table
 * (`getCodeTable('spotCheckResult')`, 2017 list); any core `CodeTable` or a province's own table satisfies it.
 *
 * @example
 * const table: ResultCodeTable = { id: 'spotCheckResult', version: 'zj-2017', entries: [{ code: '1', label: '未发现问题', aliases: [] }] };
 */
export interface ResultCodeTable {
  readonly id: string;
  readonly version: string;
  readonly entries: readonly {
    readonly code: string;
    readonly label: string;
    readonly aliases?: readonly string[];
  }[];
}

/**
 * The recorded result of one inspected entity (检查结果), internal input to {@link buildPublicNotice}.
 *
 * @example
 * const r: InspectionResult = { entityId: '9133…', entityName: '某某公司', inspectionDate: '2026-04-12', results: ['1'] };
 */
export interface InspectionResult {
  readonly entityId: string;
  readonly entityName: string;
  readonly inspectionDate: string;
  /** Codes or labels of the result table; several allowed. */
  readonly results: readonly string[];
}

/**
 * One public line (公示条目). It has no grade, risk level, stratum or rank: publishing those would reveal the
 * internal credit class (see {@link PublicNoticeEntry} keys; a type test keeps it that way).
 *
 * @example
 * const e: PublicNoticeEntry = { taskId: 'T1', department: 'SAMR', entityId: '9133…', entityName: '某某公司', inspectionDate: '2026-04-12', resultCodes: ['1'], resultLabels: ['未发现问题'], publishBy: '2026-05-13' };
 */
export interface PublicNoticeEntry {
  readonly taskId: string;
  readonly department: string;
  readonly entityId: string;
  readonly entityName: string;
  readonly inspectionDate: string;
  readonly resultCodes: readonly string[];
  readonly resultLabels: readonly string[];
  readonly publishBy: string;
}

/**
 * A public notice of a task's results (抽查结果公示), with what a citizen needs to re-run the draw: the seed,
 * the algorithm and per-stratum frame digests under neutral labels (`S1`…`Sn` in frame-digest order, the same
 * labels as `publishDraw`'s public verification record).
 *
 * @example
 * const notice: PublicNotice = buildPublicNotice(record, results, { calendar, resultTable });
 */
export interface PublicNotice {
  readonly format: 'jianguan.public-notice/1';
  readonly taskId: string;
  readonly department: string;
  readonly items: readonly string[];
  readonly seed: string;
  readonly algorithm: string;
  readonly recordDigest: string;
  readonly frames: readonly {
    readonly label: string;
    readonly populationSize: number;
    readonly sampleSize: number;
    readonly populationDigest: string;
  }[];
  readonly publishBy: string;
  readonly entries: readonly PublicNoticeEntry[];
}

/** core's process-wide default calendar, read at call time (so `loadSchedule`/`setDefaultCalendar` apply). */
const coreCalendar: WorkdayAdder = { addWorkdays: (date, n) => addWorkdays(date, n) };

/**
 * The last day to publish results (公示截止日期): `rules.publicationWorkdays` (20) working days after the
 * inspection ends, on `@jianguan/core`'s working-day calendar unless another `calendar` is given. A year
 * without a loaded notice is estimated by core (provisional); core's `UnknownCalendarYearError` is thrown
 * only by a strict calendar (`unknownYears: 'throw'`) or outside the estimate's years.
 *
 * @example
 * publicationDeadline('2025-09-26'); // '2025-10-30' (National Day 10-01…10-08; 09-28 and 10-11 are worked)
 * publicationDeadline('2025-09-26', createCalendar({ overlays: [myClosures] })); // an override
 */
export function publicationDeadline(
  inspectionEnd: string,
  calendar: WorkdayAdder = coreCalendar,
  rules: SamplingRules = DEFAULT_SAMPLING_RULES,
): string {
  if (!isRecord(calendar) || typeof calendar.addWorkdays !== 'function')
    badInput(
      'invalid_options',
      ['calendar'],
      { en: 'a calendar with addWorkdays', zh: '含 addWorkdays 的日历' },
      calendar,
    );
  requireRules(rules);
  return calendar.addWorkdays(inspectionEnd, rules.publicationWorkdays);
}

/** core's spot-check result table (抽查检查结果), the default of {@link buildPublicNotice}. */
function coreResultTable(): ResultCodeTable {
  return getCodeTable('spotCheckResult');
}

function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s、，,。．.（）()「」“”"']/g, '')
    .trim();
}

function resolve(table: ResultCodeTable, value: string): { code: string; label: string } | undefined {
  const exact = table.entries.find((e) => e.code === value);
  if (exact !== undefined) return exact;
  const n = normalise(value);
  const hit = table.entries.find(
    (e) => normalise(e.label) === n || (e.aliases ?? []).some((a) => normalise(a) === n),
  );
  if (hit !== undefined) return hit;
  // A table held by core's registry: also accept what core's tolerant lookup accepts ("01 警告", width, case).
  if (codeTables.has(table.id) && codeTables.get(table.id) === table) {
    const entry = lookupCode(table.id, value);
    if (entry !== undefined) return entry;
  }
  return undefined;
}

/**
 * Options of {@link buildPublicNotice}; both defaults come from `@jianguan/core`.
 *
 * @example
 * const options: PublicNoticeOptions = { calendar: createCalendar({ overlays: [GUANGXI_SANYUESAN] }) };
 */
export interface PublicNoticeOptions {
  /** Working-day calendar for the deadline; default core's calendar (`addWorkdays`). */
  readonly calendar?: WorkdayAdder;
  /** Result vocabulary; default core's `spotCheckResult` table. */
  readonly resultTable?: ResultCodeTable;
  /** Default: the rules stored in the record. */
  readonly rules?: SamplingRules;
}

/**
 * Builds the public notice of one draw record from the recorded results: result codes resolved against the
 * result table (core's `spotCheckResult` by default; labels and aliases tolerated), the publication deadline
 * on the working-day calendar (core's by default), entries sorted by entity id. Only whitelisted fields are
 * copied, so internal grades can never leak. Throws on unknown result codes and on results for entities the
 * draw did not pick.
 *
 * @example
 * const notice = buildPublicNotice(record, results); // core's calendar and spotCheckResult table
 * const csv = publicNoticeToCsv(notice);
 */
export function buildPublicNotice(
  record: DrawRecord,
  results: readonly InspectionResult[],
  options: PublicNoticeOptions = {},
): PublicNotice {
  requireDrawRecord(record);
  if (!isList(results)) badInput('invalid_results', ['results'], ARRAY, results);
  requireOptions(options);
  const calendar = options.calendar ?? coreCalendar;
  const resultTable = options.resultTable ?? coreResultTable();
  const task = record.task;
  const picked = new Set(record.strata.flatMap((s) => s.picks.map((p) => p.id)));
  // Dates are 'YYYY-MM-DD', so the latest is the last in sorted order.
  const end =
    task.inspectionEnd ??
    [task.inspectionStart ?? task.asOf, ...results.map((r) => r.inspectionDate)].sort().at(-1)!;
  const publishBy = publicationDeadline(end, calendar, options.rules ?? record.rules);
  const entries: PublicNoticeEntry[] = results.map((r, i) => {
    if (!picked.has(r.entityId)) {
      throw new SamplingInputError(
        'result_not_drawn',
        { zh: `该对象未被本任务抽中：${r.entityId}`, en: `entity ${r.entityId} was not drawn by this task` },
        { path: ['results', i, 'entityId'] },
      );
    }
    const resolved = r.results.map((value, j) => {
      const hit = resolve(resultTable, value);
      if (hit === undefined) {
        throw new SamplingInputError(
          'unknown_result_code',
          { zh: `未知检查结果：${value}`, en: `unknown result code: ${value}` },
          { path: ['results', i, 'results', j], details: { table: resultTable.id } },
        );
      }
      return hit;
    });
    return {
      taskId: task.id,
      department: task.department,
      entityId: r.entityId,
      entityName: r.entityName,
      inspectionDate: r.inspectionDate,
      resultCodes: resolved.map((x) => x.code),
      resultLabels: resolved.map((x) => x.label),
      publishBy,
    };
  });
  entries.sort((a, b) => compareCodePoints(a.entityId, b.entityId));
  return {
    format: 'jianguan.public-notice/1',
    taskId: task.id,
    department: task.department,
    items: [...task.items],
    seed: record.seed,
    algorithm: `${record.algorithm.id}/${record.algorithm.version}`,
    recordDigest: record.recordDigest,
    // Labelled S1…Sn in the order of the frame digests, as publishDraw labels the strata (not by grade).
    frames: record.strata
      .map((s, i) => ({
        key: s.key,
        populationSize: s.populationSize,
        sampleSize: s.sampleSize,
        populationDigest: record.commitment.strata[i]?.populationDigest ?? '',
      }))
      .sort(
        (a, b) =>
          compareCodePoints(a.populationDigest, b.populationDigest) || compareCodePoints(a.key, b.key),
      )
      .map(({ key: _internal, ...frame }, i) => ({ label: `S${i + 1}`, ...frame })),
    publishBy,
    entries,
  };
}

const CSV_HEADER = [
  '任务编号',
  '检查部门',
  '统一社会信用代码',
  '对象名称',
  '检查日期',
  '检查结果代码',
  '检查结果',
  '公示截止日期',
];

// Quote everything; core's shared writer neutralises spreadsheet formulas (CSV injection).
const quotedCell = (value: string): string => csvCell(value, { quote: 'always' });

/**
 * The notice as CSV (UTF-8 with BOM for spreadsheet software, CRLF, every cell quoted).
 *
 * @example
 * writeFileSync('notice.csv', publicNoticeToCsv(notice));
 */
export function publicNoticeToCsv(notice: PublicNotice): string {
  assertNoticeShape(notice);
  assertPublic(notice, []);
  const lines = [CSV_HEADER.map(quotedCell).join(',')];
  for (const e of notice.entries) {
    lines.push(
      [
        e.taskId,
        e.department,
        e.entityId,
        e.entityName,
        e.inspectionDate,
        e.resultCodes.join(','),
        e.resultLabels.join('；'),
        e.publishBy,
      ]
        .map(quotedCell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const PUBLIC_KEYS = new Set([
  'format',
  'taskId',
  'department',
  'items',
  'seed',
  'algorithm',
  'recordDigest',
  'frames',
  'label',
  'populationSize',
  'sampleSize',
  'populationDigest',
  'publishBy',
  'entries',
  'entityId',
  'entityName',
  'inspectionDate',
  'resultCodes',
  'resultLabels',
]);

/** A notice from an untyped caller must at least be an object with an array of entries. */
function assertNoticeShape(notice: unknown): void {
  if (
    typeof notice !== 'object' ||
    notice === null ||
    !Array.isArray((notice as { entries?: unknown }).entries) ||
    !(notice as { entries: unknown[] }).entries.every(
      (e) =>
        typeof e === 'object' &&
        e !== null &&
        Array.isArray((e as { resultCodes?: unknown }).resultCodes) &&
        Array.isArray((e as { resultLabels?: unknown }).resultLabels),
    )
  ) {
    throw new SamplingInputError(
      'invalid_notice',
      {
        zh: '公示内容格式错误：应为含 entries 数组的对象',
        en: 'a public notice must be an object with an entries array',
      },
      { path: ['entries'] },
    );
  }
}

function assertPublic(value: unknown, path: (string | number)[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      assertPublic(v, [...path, i]);
    });
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (!PUBLIC_KEYS.has(k)) {
        throw new SamplingInputError(
          'internal_field_in_notice',
          { zh: `公示内容含非公开字段：${k}`, en: `a public notice may not contain the field ${k}` },
          { path: [...path, k] },
        );
      }
      assertPublic(v, [...path, k]);
    }
  }
}

/**
 * The notice as JSON. Every key is checked against the public whitelist at run time, so a notice built by
 * hand with an extra field (a grade, a risk level, a stratum) is refused.
 *
 * @example
 * writeFileSync('notice.json', publicNoticeToJson(notice));
 */
export function publicNoticeToJson(notice: PublicNotice): string {
  assertPublic(notice, []);
  return `${JSON.stringify(notice, null, 2)}\n`;
}
