import { PUBLICATION_CHANNELS, type PublicationChannel, tryDayNumberOf } from '@jianguan/core';
import type { KpiCalendar } from '../calendar/workday-index.js';
import { defaultCalendar, WorkdayIndex } from '../calendar/workday-index.js';
import { KpiError } from '../errors/kpi-error.js';
import { parsePeriod } from '../period/period.js';
import { requireOptions } from '../errors/boundary.js';
import type {
  AssessmentFact,
  BehaviourFact,
  CatalogItemFact,
  ClueFact,
  DoubleNotificationFact,
  KpiData,
  OfficerFact,
  PublicationFact,
} from './facts.js';

/** Marker for "no date". @internal */
export const NONE = -2147483648;

/** Behaviour columns grouped by department (department d owns rows offsets[d]..offsets[d+1]-1). @internal */
export interface BehaviourColumns {
  readonly n: number;
  readonly offsets: Int32Array;
  /** Input index of each row. */
  readonly source: Int32Array;
  /** The record id of a row. */
  readonly recordIdOf: (row: number) => string;
  /** Index into the department's catalog item list, or -1. */
  readonly item: Int32Array;
  /** Day numbers. Working-day positions come from the index's table. */
  readonly actDay: Int32Array;
  readonly repDay: Int32Array;
  /**
   * The rows with a rejection date (few), grouped by department like the rows (department d owns
   * rejOffsets[d]..rejOffsets[d+1]-1), in row order: the row, the rejection day and the fix day (NONE if not fixed).
   */
  readonly rejOffsets: Int32Array;
  readonly rejRow: Int32Array;
  readonly rejDay: Int32Array;
  readonly fixDay: Int32Array;
}

/** A dated event with an optional completion date (clues, 双告知). @internal */
export interface TimedFact {
  readonly id: string;
  readonly eventDay: number;
  readonly eventPos: number;
  readonly doneDay: number;
  readonly donePos: number;
}

/** @internal */
export interface PublicationRow {
  readonly id: string;
  readonly channel: PublicationChannel;
  readonly day: number;
}

/** @internal */
export interface AssessmentRow {
  readonly key: string;
  readonly startDay: number;
  readonly endDay: number;
  readonly period: string;
  readonly value: number;
}

/** @internal */
export interface DepartmentTables {
  readonly items: CatalogItemFact[];
  readonly itemIndex: Map<string, number>;
  readonly officers: OfficerFact[];
  readonly publications: PublicationRow[];
  readonly clues: TimedFact[];
  readonly notifications: TimedFact[];
  readonly assessments: AssessmentRow[];
}

/**
 * Options of {@link prepareKpiData}.
 *
 * @example
 * const options: PrepareOptions = { calendar: createCalendar({ overlays: [GUANGXI_SANYUESAN] }) };
 */
export interface PrepareOptions {
  /** Working-day calendar; defaults to `@jianguan/core`'s. */
  readonly calendar?: KpiCalendar | undefined;
}

/**
 * Scoring input after one validation pass: dates turned into day numbers and working-day positions,
 * behaviour records laid out in typed columns grouped by department. Build it once with
 * {@link prepareKpiData} and score it for many units and periods.
 *
 * @example
 * const prepared = prepareKpiData(data);
 * prepared.departments; // ['hbj', 'scjg', …]
 */
export class PreparedKpiData {
  /** Every department that appears in the data, sorted. */
  readonly departments: readonly string[];
  /** @internal */
  readonly deptIndex: ReadonlyMap<string, number>;
  /** @internal */
  readonly behaviours: BehaviourColumns;
  /** @internal */
  readonly tables: readonly DepartmentTables[];
  /** @internal */
  readonly index: WorkdayIndex;

  /** @internal */
  constructor(
    departments: readonly string[],
    deptIndex: ReadonlyMap<string, number>,
    behaviours: BehaviourColumns,
    tables: readonly DepartmentTables[],
    index: WorkdayIndex,
  ) {
    this.departments = departments;
    this.deptIndex = deptIndex;
    this.behaviours = behaviours;
    this.tables = tables;
    this.index = index;
  }
}

function bad(path: (string | number)[], value: unknown, what: { zh: string; en: string }): never {
  throw new KpiError(
    'invalid_kpi_data',
    { zh: `输入数据无效：${path.join('.')} ${what.zh}`, en: `invalid KPI data at ${path.join('.')}: ${what.en}` },
    { path, details: { value } },
  );
}

const WANT_DATE = { zh: '应为 YYYY-MM-DD 日期', en: 'want a YYYY-MM-DD civil date' };
const WANT_STRING = { zh: '应为非空字符串', en: 'want a non-empty string' };
const WANT_BOOLEAN = { zh: '应为布尔值', en: 'want a boolean' };
const WANT_COUNT = { zh: '应为非负整数', en: 'want a non-negative integer' };

function str(v: unknown, path: (string | number)[]): string {
  if (typeof v !== 'string' || v.length === 0) bad(path, v, WANT_STRING);
  return v;
}

function day(v: unknown, path: (string | number)[]): number {
  const n = tryDayNumberOf(v);
  if (n === undefined) bad(path, v, WANT_DATE);
  return n;
}

function optDay(v: unknown, path: (string | number)[]): number {
  return v === undefined ? NONE : day(v, path);
}

function optCount(v: unknown, path: (string | number)[]): void {
  if (v !== undefined && !(typeof v === 'number' && Number.isInteger(v) && v >= 0)) bad(path, v, WANT_COUNT);
}

function optBool(v: unknown, path: (string | number)[]): void {
  if (v !== undefined && typeof v !== 'boolean') bad(path, v, WANT_BOOLEAN);
}

function list<T>(v: readonly T[] | undefined, name: string): readonly T[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) bad([name], v, { zh: '应为数组', en: 'want an array' });
  return v;
}

/** Every input list, checked to be an array (or absent), in the order errors are reported. */
interface Lists {
  readonly behaviours: readonly BehaviourFact[];
  readonly catalogItems: readonly CatalogItemFact[];
  readonly officers: readonly OfficerFact[];
  readonly publications: readonly PublicationFact[];
  readonly clues: readonly ClueFact[];
  readonly notifications: readonly DoubleNotificationFact[];
  readonly assessments: readonly AssessmentFact[];
}

/**
 * Checks each row of a list is an object with a non-empty `department` and registers the department
 * (first-seen index). The department check of every list comes before any other field check.
 */
function collect(
  rows: readonly { department?: unknown }[],
  name: string,
  depts: Map<string, number>,
): void {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (typeof row !== 'object' || row === null) bad([name, i], row, { zh: '应为对象', en: 'want an object' });
    const d = str(row.department, [name, i, 'department']);
    if (!depts.has(d)) depts.set(d, depts.size);
  }
}

/** The fields of one behaviour record in reporting order; throws for the first bad one. */
function checkBehaviour(b: BehaviourFact, i: number): void {
  str(b.recordId, ['behaviours', i, 'recordId']);
  str(b.itemCode, ['behaviours', i, 'itemCode']);
  day(b.actDate, ['behaviours', i, 'actDate']);
  day(b.reportedDate, ['behaviours', i, 'reportedDate']);
  optDay(b.rejectedDate, ['behaviours', i, 'rejectedDate']);
  optDay(b.fixedDate, ['behaviours', i, 'fixedDate']);
}

/**
 * The error path: finds and throws the first bad field in reporting order (every list's rows and departments,
 * then the behaviour fields record by record), exactly as a one-record-at-a-time validation would.
 */
function throwFirstBehaviourError(lists: Lists): never {
  const depts = new Map<string, number>();
  collect(lists.behaviours, 'behaviours', depts);
  collect(lists.catalogItems, 'catalogItems', depts);
  collect(lists.officers, 'officers', depts);
  collect(lists.publications, 'publications', depts);
  collect(lists.clues, 'clues', depts);
  collect(lists.notifications, 'doubleNotifications', depts);
  collect(lists.assessments, 'assessments', depts);
  lists.behaviours.forEach(checkBehaviour);
  // Unreachable: the scan only fails on a record that one of the checks above rejects.
  throw new KpiError('invalid_kpi_data', {
    zh: '输入数据无效：behaviours',
    en: 'invalid KPI data at behaviours',
  });
}

const UNSET = Symbol('unset');

const tryDay = (v: unknown): number => (typeof v === 'string' ? (tryDayNumberOf(v) ?? NONE) : NONE);

/** The behaviour records in input order after one structural pass: department index (first seen) and days. */
interface Scan {
  readonly deptOf: Int32Array;
  /** Index of the record's item in its department's catalog items (catalog order), or -1. */
  readonly item: Int32Array;
  readonly act: Int32Array;
  readonly rep: Int32Array;
  /** The record ids in input order, when copied. */
  readonly ids: string[] | undefined;
  /** Records by first-seen department index. */
  readonly counts: number[];
  /** Records with a rejection date (input order), with the rejection and fix day, and their count by department. */
  readonly rejected: number[];
  readonly rejectedDay: number[];
  readonly fixedDay: number[];
  readonly rejections: number[];
  readonly lo: number;
  readonly hi: number;
}

const NO_ITEMS: ReadonlyMap<string, number> = new Map();

/**
 * Each department's catalog item codes with their index among the department's items, in catalog order —
 * what the catalog pass assigns when every item is valid (otherwise that pass throws and this is never used).
 * Rows that are not well-formed are skipped here.
 */
function catalogIndex(items: readonly CatalogItemFact[]): Map<string, Map<string, number>> {
  const byDept = new Map<string, Map<string, number>>();
  const sizes = new Map<string, number>();
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const department = item.department;
    const size = sizes.get(department) ?? 0;
    sizes.set(department, size + 1);
    let codes = byDept.get(department);
    if (codes === undefined) {
      codes = new Map();
      byDept.set(department, codes);
    }
    if (!codes.has(item.itemCode)) codes.set(item.itemCode, size);
  }
  return byDept;
}

/**
 * A reusable block of int32 columns: reused by the next call while the garbage collector has not taken it, so
 * large inputs do not allocate (and collect) tens of megabytes per call. Re-entrant use gets a fresh block.
 */
class Scratch {
  private ref: WeakRef<Int32Array> | undefined;
  private busy = false;

  take(size: number): Int32Array {
    const kept = this.busy ? undefined : this.ref?.deref();
    if (kept !== undefined && kept.length >= size) {
      this.busy = true;
      return kept;
    }
    const fresh = new Int32Array(size);
    if (!this.busy) {
      this.ref = new WeakRef(fresh);
      this.busy = true;
    }
    return fresh;
  }

  release(block: Int32Array): void {
    if (this.ref?.deref() === block) this.busy = false;
  }
}

/** The structural pass: department, item, act day, reported day of each record, in input order. */
const scanScratch = new Scratch();
/** The grouped columns of data scored within one call: source row, item, act day, reported day. */
const columnScratch = new Scratch();

/**
 * One pass over the behaviour records with cheap structural checks: every record an object, ids and department
 * non-empty strings, dates valid (`YYYY-MM-DD`, optional ones absent or valid). Returns `undefined` at the first
 * record that is not well-formed (the caller then builds the error on the slow path).
 */
function scanBehaviours(
  behaviours: readonly BehaviourFact[],
  depts: Map<string, number>,
  catalog: Map<string, Map<string, number>>,
  scratch: Int32Array,
  copyIds: boolean,
): Scan | undefined {
  const n = behaviours.length;
  const deptOf = scratch.subarray(0, n);
  const itemOf = scratch.subarray(n, 2 * n);
  const act = scratch.subarray(2 * n, 3 * n);
  const rep = scratch.subarray(3 * n, 4 * n);
  const counts: number[] = [];
  const itemsOf: ReadonlyMap<string, number>[] = [];
  const rejected: number[] = [];
  const rejectedDay: number[] = [];
  const fixedDay: number[] = [];
  const rejections: number[] = [];
  const ids: string[] | undefined = copyIds ? new Array<string>(n) : undefined;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let lastName: unknown = UNSET;
  let last = -1;
  let items: ReadonlyMap<string, number> = NO_ITEMS;
  for (let i = 0; i < n; i++) {
    const b = behaviours[i] as BehaviourFact;
    if (typeof b !== 'object' || b === null) return undefined;
    const name = b.department;
    let d = last;
    if (name !== lastName) {
      if (typeof name !== 'string' || name.length === 0) return undefined;
      const known = depts.get(name);
      if (known === undefined) {
        d = depts.size;
        depts.set(name, d);
        counts.push(0);
        rejections.push(0);
        itemsOf.push(catalog.get(name) ?? NO_ITEMS);
      } else d = known;
      lastName = name;
      last = d;
      items = itemsOf[d] as ReadonlyMap<string, number>;
    }
    deptOf[i] = d;
    counts[d] = (counts[d] as number) + 1;
    const id = b.recordId;
    const code = b.itemCode;
    if (typeof id !== 'string' || id.length === 0 || typeof code !== 'string' || code.length === 0) {
      return undefined;
    }
    if (ids !== undefined) ids[i] = id;
    itemOf[i] = items.get(code) ?? -1;
    const a = tryDay(b.actDate);
    const r = tryDay(b.reportedDate);
    if (a === NONE || r === NONE) return undefined;
    act[i] = a;
    rep[i] = r;
    if (a < lo) lo = a;
    if (a > hi) hi = a;
    if (r < lo) lo = r;
    if (r > hi) hi = r;
    const rj = b.rejectedDate;
    const fx = b.fixedDate;
    if (rj !== undefined || fx !== undefined) {
      const x = rj === undefined ? 0 : tryDay(rj);
      const y = fx === undefined ? NONE : tryDay(fx);
      if (x === NONE || (fx !== undefined && y === NONE)) return undefined;
      if (rj !== undefined) {
        if (x < lo) lo = x;
        if (x > hi) hi = x;
        rejections[d] = (rejections[d] as number) + 1;
        rejected.push(i);
        rejectedDay.push(x);
        fixedDay.push(y);
      }
      if (fx !== undefined) {
        if (y < lo) lo = y;
        if (y > hi) hi = y;
      }
    }
  }
  return {
    deptOf,
    item: itemOf,
    act,
    rep,
    ids,
    counts,
    rejected,
    rejectedDay,
    fixedDay,
    rejections,
    lo,
    hi,
  };
}

/**
 * Validates KPI input once and lays it out for fast scoring (day numbers, behaviour columns grouped by
 * department, working-day positions of the days the data spans from the calendar). Throws
 * `KpiError('invalid_kpi_data')` with the exact path of the first bad field; the input is not mutated.
 *
 * @example
 * const prepared = prepareKpiData({ behaviours, catalogItems });
 * const card = scoreIndicators(baselineIndicatorSet, prepared, { period: '2023-Q2', unit: 'scjg' });
 */
export function prepareKpiData(data: KpiData, options: PrepareOptions = {}): PreparedKpiData {
  return prepare(data, options);
}

/**
 * Runs `use` on {@link prepareKpiData}'s layout of data scored within this synchronous call (`scoreIndicators`
 * and friends on raw data). The layout never outlives the call, so record ids are read from the input records
 * when evidence needs them instead of being copied, and its columns come from a reusable block. @internal
 */
export function withDataForOneCall<T>(
  data: KpiData,
  options: PrepareOptions,
  use: (prepared: PreparedKpiData) => T,
): T {
  const columns: { block?: Int32Array } = {};
  try {
    return use(prepare(data, options, columns));
  } finally {
    if (columns.block !== undefined) columnScratch.release(columns.block);
  }
}

/**
 * @param borrow when given, the data is scored within one call: record ids are read from the input and the
 *   grouped columns live in a reusable block handed back through `borrow.block` (release it after scoring).
 */
function prepare(data: KpiData, options: PrepareOptions, borrow?: { block?: Int32Array }): PreparedKpiData {
  if (typeof data !== 'object' || data === null) bad([], data, { zh: '应为对象', en: 'want an object' });
  requireOptions(options);
  const lists: Lists = {
    behaviours: list(data.behaviours, 'behaviours'),
    catalogItems: list(data.catalogItems, 'catalogItems'),
    officers: list(data.officers, 'officers'),
    publications: list(data.publications, 'publications'),
    clues: list(data.clues, 'clues'),
    notifications: list(data.doubleNotifications, 'doubleNotifications'),
    assessments: list(data.assessments, 'assessments'),
  };
  const scratch = scanScratch.take(4 * lists.behaviours.length);
  try {
    return layOut(lists, options.calendar ?? defaultCalendar(), scratch, borrow);
  } finally {
    scanScratch.release(scratch);
  }
}

function layOut(
  lists: Lists,
  calendar: KpiCalendar,
  scratch: Int32Array,
  borrow: { block?: Int32Array } | undefined,
): PreparedKpiData {
  const { behaviours, catalogItems, officers, publications, clues, assessments } = lists;
  const notifications = lists.notifications;

  // Behaviour records: one structural pass (departments first seen here, days parsed once). A record that
  // is not well-formed sends the whole input down the slow path, which throws the first error in order.
  const seen = new Map<string, number>();
  const scan = scanBehaviours(behaviours, seen, catalogIndex(catalogItems), scratch, borrow === undefined);
  if (scan === undefined) throwFirstBehaviourError(lists);
  // The other lists' departments (rows and departments of every list are checked before other fields).
  collect(catalogItems, 'catalogItems', seen);
  collect(officers, 'officers', seen);
  collect(publications, 'publications', seen);
  collect(clues, 'clues', seen);
  collect(notifications, 'doubleNotifications', seen);
  collect(assessments, 'assessments', seen);
  const departments = [...seen.keys()].sort();
  const deptIndex = new Map(departments.map((d, i) => [d, i] as const));
  const D = departments.length;
  // rank[first-seen index] = sorted index.
  const rank = new Int32Array(D);
  for (const [name, first] of seen) rank[first] = deptIndex.get(name) as number;

  const tables: {
    items: CatalogItemFact[];
    itemIndex: Map<string, number>;
    officers: OfficerFact[];
    publications: PublicationRow[];
    clues: TimedFact[];
    notifications: TimedFact[];
    assessments: AssessmentRow[];
  }[] = departments.map(() => ({
    items: [],
    itemIndex: new Map(),
    officers: [],
    publications: [],
    clues: [],
    notifications: [],
    assessments: [],
  }));

  let lo = scan.lo;
  let hi = scan.hi;
  const see = (d: number) => {
    if (d === NONE) return;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  };
  const timed = (
    rows: readonly Record<string, unknown>[],
    name: string,
    idKey: string,
    eventKey: string,
    doneKey: string,
  ) =>
    rows.map((row, i) => {
      const id = str(row[idKey], [name, i, idKey]);
      const eventDay = day(row[eventKey], [name, i, eventKey]);
      const doneDay = optDay(row[doneKey], [name, i, doneKey]);
      see(eventDay);
      see(doneDay);
      return { id, eventDay, doneDay, dept: deptIndex.get(row.department as string) as number };
    });
  const clueRows = timed(
    clues as unknown as Record<string, unknown>[],
    'clues',
    'clueId',
    'receivedDate',
    'feedbackDate',
  );
  const noticeRows = timed(
    notifications as unknown as Record<string, unknown>[],
    'doubleNotifications',
    'noticeId',
    'pushedDate',
    'claimedDate',
  );
  const index =
    lo === Number.POSITIVE_INFINITY ? new WorkdayIndex(calendar) : new WorkdayIndex(calendar, lo - 1, hi);
  const posOf = (d: number) => (d === NONE ? -1 : index.pos(d));

  for (const row of clueRows) {
    (tables[row.dept] as DepartmentTables).clues.push({
      id: row.id,
      eventDay: row.eventDay,
      eventPos: posOf(row.eventDay),
      doneDay: row.doneDay,
      donePos: posOf(row.doneDay),
    });
  }
  for (const row of noticeRows) {
    (tables[row.dept] as DepartmentTables).notifications.push({
      id: row.id,
      eventDay: row.eventDay,
      eventPos: posOf(row.eventDay),
      doneDay: row.doneDay,
      donePos: posOf(row.doneDay),
    });
  }

  // Catalog.
  catalogItems.forEach((item, i) => {
    const code = str(item.itemCode, ['catalogItems', i, 'itemCode']);
    if (typeof item.claimed !== 'boolean') bad(['catalogItems', i, 'claimed'], item.claimed, WANT_BOOLEAN);
    optBool(item.requiresInspectionList, ['catalogItems', i, 'requiresInspectionList']);
    optBool(item.hasInspectionList, ['catalogItems', i, 'hasInspectionList']);
    for (const key of ['mandatoryElements', 'filledElements', 'checkedElements', 'accurateElements'] as const) {
      optCount(item[key], ['catalogItems', i, key]);
    }
    const t = tables[deptIndex.get(item.department) as number] as DepartmentTables;
    if (t.itemIndex.has(code)) {
      bad(['catalogItems', i, 'itemCode'], code, {
        zh: '同一部门的监管事项重复',
        en: 'duplicate catalog item in one department',
      });
    }
    t.itemIndex.set(code, t.items.length);
    t.items.push(item);
  });

  officers.forEach((o, i) => {
    str(o.officerId, ['officers', i, 'officerId']);
    if (typeof o.certified !== 'boolean') bad(['officers', i, 'certified'], o.certified, WANT_BOOLEAN);
    if (typeof o.registered !== 'boolean') bad(['officers', i, 'registered'], o.registered, WANT_BOOLEAN);
    list(o.activity, 'activity').forEach((a, j) => {
      if (typeof a.month !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(a.month)) {
        bad(['officers', i, 'activity', j, 'month'], a.month, { zh: '应为 YYYY-MM', en: 'want YYYY-MM' });
      }
      optCount(a.logins, ['officers', i, 'activity', j, 'logins']);
      optCount(a.onlineDays, ['officers', i, 'activity', j, 'onlineDays']);
    });
    (tables[deptIndex.get(o.department) as number] as DepartmentTables).officers.push(o);
  });

  publications.forEach((p, i) => {
    const id = str(p.publicationId, ['publications', i, 'publicationId']);
    if (!(PUBLICATION_CHANNELS as readonly unknown[]).includes(p.channel)) {
      bad(['publications', i, 'channel'], p.channel, {
        zh: '应为 annual_plan、work_news 或 exposure',
        en: 'want annual_plan, work_news or exposure',
      });
    }
    (tables[deptIndex.get(p.department) as number] as DepartmentTables).publications.push({
      id,
      channel: p.channel,
      day: day(p.date, ['publications', i, 'date']),
    });
  });

  assessments.forEach((a: AssessmentFact, i) => {
    const key = str(a.key, ['assessments', i, 'key']);
    if (typeof a.value !== 'number' || !(a.value >= 0 && a.value <= 1)) {
      bad(['assessments', i, 'value'], a.value, { zh: '应为 0 到 1 之间的数', en: 'want a number in 0..1' });
    }
    let period: ReturnType<typeof parsePeriod>;
    try {
      period = parsePeriod(a.period);
    } catch {
      bad(['assessments', i, 'period'], a.period, { zh: '周期格式错误', en: 'invalid period id' });
    }
    (tables[deptIndex.get(a.department) as number] as DepartmentTables).assessments.push({
      key,
      startDay: period.startDay,
      endDay: period.endDay,
      period: period.id,
      value: a.value,
    });
  });

  // Behaviour columns grouped by department (counting sort keeps input order within a department).
  const n = behaviours.length;
  const offsets = new Int32Array(D + 1);
  const rejOffsets = new Int32Array(D + 1);
  scan.counts.forEach((c, first) => {
    offsets[(rank[first] as number) + 1] = c;
    rejOffsets[(rank[first] as number) + 1] = scan.rejections[first] as number;
  });
  for (let d = 0; d < D; d++) {
    offsets[d + 1] = (offsets[d + 1] as number) + (offsets[d] as number);
    rejOffsets[d + 1] = (rejOffsets[d + 1] as number) + (rejOffsets[d] as number);
  }
  const cursor = offsets.slice(0, D);
  const rejCursor = rejOffsets.slice(0, D);
  const r = rejOffsets[D] as number;
  let block: Int32Array | undefined;
  if (borrow !== undefined) {
    block = columnScratch.take(4 * n);
    borrow.block = block;
  }
  const column = (k: number) => (block === undefined ? new Int32Array(n) : block.subarray(k * n, (k + 1) * n));
  const source = column(0);
  const ids = scan.ids;
  const cols: BehaviourColumns = {
    n,
    offsets,
    source,
    recordIdOf:
      scan.ids === undefined
        ? (row) => (behaviours[source[row] as number] as BehaviourFact).recordId
        : (row) => (ids as string[])[source[row] as number] as string,
    item: column(1),
    actDay: column(2),
    repDay: column(3),
    rejOffsets,
    rejRow: new Int32Array(r),
    rejDay: new Int32Array(r),
    fixDay: new Int32Array(r),
  };
  const { deptOf, act, rep } = scan;
  const itemOf = scan.item;
  const { item, actDay, repDay, rejRow, rejDay, fixDay } = cols;
  const { rejected, rejectedDay, fixedDay } = scan;
  let next = 0;
  let nextRejected = rejected.length > 0 ? (rejected[0] as number) : -1;
  for (let i = 0; i < n; i++) {
    const d = rank[deptOf[i] as number] as number;
    const j = cursor[d] as number;
    cursor[d] = j + 1;
    source[j] = i;
    item[j] = itemOf[i] as number;
    actDay[j] = act[i] as number;
    repDay[j] = rep[i] as number;
    if (i === nextRejected) {
      const k = rejCursor[d] as number;
      rejCursor[d] = k + 1;
      rejRow[k] = j;
      rejDay[k] = rejectedDay[next] as number;
      fixDay[k] = fixedDay[next] as number;
      next++;
      nextRejected = next < rejected.length ? (rejected[next] as number) : -1;
    }
  }

  return new PreparedKpiData(departments, deptIndex, cols, tables, index);
}
