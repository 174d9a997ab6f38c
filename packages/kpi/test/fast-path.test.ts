/**
 * The fast path (one structural pass in `prepareKpiData`, working-day positions from the index's table in the
 * scoring loops) against the general path it replaced, kept here as the reference: the record-by-record
 * validation in reporting order, and per-record working-day arithmetic through core's public calendar
 * (`workdayLateness`). Random records around holidays, 调休 working days and an estimated year, with junk
 * mixed in: either both throw the same error (code, path, both messages) or the counts, the late records with
 * their deadlines and working days late, and coverage agree — and raw data scores exactly like prepared data.
 */
import { fc, test } from '@fast-check/vitest';
import { tryDayNumberOf, type WorkdayLateness, workdayLateness } from '@jianguan/core';
import type {
  BehaviourFact,
  CatalogItemFact,
  ClueFact,
  EvidenceRecord,
  KpiData,
  Scorecard,
} from '@jianguan/kpi';
import {
  baselineIndicatorSet,
  civilDate,
  dayNumber,
  KpiError,
  parsePeriod,
  prepareKpiData,
  scoreIndicators,
} from '@jianguan/kpi';
import { describe, expect } from 'vitest';

// ---------------------------------------------------------------- reference: validation in reporting order
type Path = (string | number)[];
interface RefError {
  readonly code: string;
  readonly path: Path;
  readonly zh: string;
  readonly en: string;
}
class Bad {
  constructor(readonly error: RefError) {}
}
function bad(path: Path, what: { zh: string; en: string }): never {
  throw new Bad({
    code: 'invalid_kpi_data',
    path,
    zh: `输入数据无效：${path.join('.')} ${what.zh}`,
    en: `invalid KPI data at ${path.join('.')}: ${what.en}`,
  });
}
const WANT_DATE = { zh: '应为 YYYY-MM-DD 日期', en: 'want a YYYY-MM-DD civil date' };
const WANT_STRING = { zh: '应为非空字符串', en: 'want a non-empty string' };
const WANT_BOOLEAN = { zh: '应为布尔值', en: 'want a boolean' };
const WANT_COUNT = { zh: '应为非负整数', en: 'want a non-negative integer' };
const str = (v: unknown, path: Path) => {
  if (typeof v !== 'string' || v.length === 0) bad(path, WANT_STRING);
};
const date = (v: unknown, path: Path) => {
  if (tryDayNumberOf(v) === undefined) bad(path, WANT_DATE);
};
const optDate = (v: unknown, path: Path) => {
  if (v !== undefined) date(v, path);
};
const optCount = (v: unknown, path: Path) => {
  if (v !== undefined && !(typeof v === 'number' && Number.isInteger(v) && v >= 0)) bad(path, WANT_COUNT);
};
const optBool = (v: unknown, path: Path) => {
  if (v !== undefined && typeof v !== 'boolean') bad(path, WANT_BOOLEAN);
};
function list(v: unknown, name: string): Record<string, unknown>[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) bad([name], { zh: '应为数组', en: 'want an array' });
  return v;
}

/** The general path's first error: lists, every list's rows and departments, then fields list by list. */
function referenceError(data: KpiData): RefError | undefined {
  try {
    const behaviours = list(data.behaviours, 'behaviours');
    const catalogItems = list(data.catalogItems, 'catalogItems');
    const officers = list(data.officers, 'officers');
    const publications = list(data.publications, 'publications');
    const clues = list(data.clues, 'clues');
    const notices = list(data.doubleNotifications, 'doubleNotifications');
    const assessments = list(data.assessments, 'assessments');
    for (const [rows, name] of [
      [behaviours, 'behaviours'],
      [catalogItems, 'catalogItems'],
      [officers, 'officers'],
      [publications, 'publications'],
      [clues, 'clues'],
      [notices, 'doubleNotifications'],
      [assessments, 'assessments'],
    ] as const) {
      rows.forEach((row, i) => {
        if (typeof row !== 'object' || row === null) bad([name, i], { zh: '应为对象', en: 'want an object' });
        str(row.department, [name, i, 'department']);
      });
    }
    behaviours.forEach((b, i) => {
      str(b.recordId, ['behaviours', i, 'recordId']);
      str(b.itemCode, ['behaviours', i, 'itemCode']);
      date(b.actDate, ['behaviours', i, 'actDate']);
      date(b.reportedDate, ['behaviours', i, 'reportedDate']);
      optDate(b.rejectedDate, ['behaviours', i, 'rejectedDate']);
      optDate(b.fixedDate, ['behaviours', i, 'fixedDate']);
    });
    clues.forEach((c, i) => {
      str(c.clueId, ['clues', i, 'clueId']);
      date(c.receivedDate, ['clues', i, 'receivedDate']);
      optDate(c.feedbackDate, ['clues', i, 'feedbackDate']);
    });
    const seen = new Set<string>();
    catalogItems.forEach((item, i) => {
      str(item.itemCode, ['catalogItems', i, 'itemCode']);
      if (typeof item.claimed !== 'boolean') bad(['catalogItems', i, 'claimed'], WANT_BOOLEAN);
      optBool(item.requiresInspectionList, ['catalogItems', i, 'requiresInspectionList']);
      optBool(item.hasInspectionList, ['catalogItems', i, 'hasInspectionList']);
      for (const key of ['mandatoryElements', 'filledElements', 'checkedElements', 'accurateElements']) {
        optCount(item[key], ['catalogItems', i, key]);
      }
      const key = `${item.department}\u0000${item.itemCode}`;
      if (seen.has(key)) {
        bad(['catalogItems', i, 'itemCode'], {
          zh: '同一部门的监管事项重复',
          en: 'duplicate catalog item in one department',
        });
      }
      seen.add(key);
    });
    // Officers, publications, 双告知 and assessments are not generated here.
    void officers;
    void publications;
    void assessments;
    return undefined;
  } catch (e) {
    if (e instanceof Bad) return e.error;
    throw e;
  }
}

// ---------------------------------------------------------------- reference: per-record calendar arithmetic
interface Late {
  readonly id: string;
  readonly department: string;
  readonly eventDate: string;
  readonly doneDate: string | null;
  readonly deadline: string;
  readonly workdaysLate: number;
  readonly provisional?: true;
}
interface Counts {
  readonly due: number;
  readonly onTime: number;
  readonly late: Late[];
}
const allowedOf = (id: string) => {
  const metric = baselineIndicatorSet.indicators.find((i) => i.id === id)?.metric;
  if (metric === undefined || !('allowedWorkdays' in metric)) throw new Error(`no ${id}`);
  return metric.allowedWorkdays;
};
const REPORT = allowedOf('behaviour-report-timeliness');
const FIX = allowedOf('behaviour-fix-timeliness');

const byEvent = (a: Late, b: Late) =>
  dayNumber(a.eventDate) - dayNumber(b.eventDate) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) ||
  (a.department < b.department ? -1 : a.department > b.department ? 1 : 0);

function lateRecord(
  id: string,
  department: string,
  event: string,
  done: string | null,
  l: WorkdayLateness<string>,
): Late {
  const r: Late = {
    id,
    department,
    eventDate: event,
    doneDate: done,
    deadline: l.deadline,
    workdaysLate: l.workdaysLate,
  };
  return l.provisional ? { ...r, provisional: true } : r;
}

/** Report and fix timeliness and coverage of a unit in one window, one record at a time through core. */
function referenceCounts(
  data: KpiData,
  departments: readonly string[],
  from: number,
  to: number,
  asOf: string,
) {
  const inUnit = new Set(departments);
  const inWindow = (d: string) => dayNumber(d) >= from && dayNumber(d) <= to;
  const report = { due: 0, onTime: 0, late: [] as Late[] };
  const fix = { due: 0, onTime: 0, late: [] as Late[] };
  const covered = new Set<string>();
  for (const b of data.behaviours ?? []) {
    if (!inUnit.has(b.department)) continue;
    if (inWindow(b.actDate)) {
      covered.add(`${b.department}\u0000${b.itemCode}`);
      const l = workdayLateness(b.actDate, b.reportedDate, REPORT);
      report.due++;
      if (l.onTime) report.onTime++;
      else report.late.push(lateRecord(b.recordId, b.department, b.actDate, b.reportedDate, l));
    }
    if (b.rejectedDate !== undefined && inWindow(b.rejectedDate)) {
      if (b.fixedDate !== undefined) {
        const l = workdayLateness(b.rejectedDate, b.fixedDate, FIX);
        fix.due++;
        if (l.onTime) fix.onTime++;
        else fix.late.push(lateRecord(b.recordId, b.department, b.rejectedDate, b.fixedDate, l));
      } else {
        const l = workdayLateness(b.rejectedDate, asOf, FIX);
        if (!l.onTime) {
          fix.due++;
          fix.late.push(lateRecord(b.recordId, b.department, b.rejectedDate, null, l));
        }
      }
    }
  }
  let claimed = 0;
  let hit = 0;
  for (const item of data.catalogItems ?? []) {
    if (!inUnit.has(item.department) || !item.claimed) continue;
    claimed++;
    if (covered.has(`${item.department}\u0000${item.itemCode}`)) hit++;
  }
  report.late.sort(byEvent);
  fix.late.sort(byEvent);
  return { report, fix, coverage: { covered: hit, claimed } };
}

/** Ours in the reference's terms. */
function oursCounts(card: Scorecard) {
  const get = (id: string) => {
    const i = card.indicators.find((x) => x.id === id);
    if (!i) throw new Error(`no ${id}`);
    return i;
  };
  const timeliness = (id: string): Counts => {
    const i = get(id);
    return {
      due: i.windows[0]?.denominator ?? 0,
      onTime: i.windows[0]?.numerator ?? 0,
      late: i.deductions
        .flatMap((d) => d.records)
        .map((r: EvidenceRecord) => {
          const l: Late = {
            id: r.id,
            department: r.department,
            eventDate: r.eventDate as string,
            doneDate: r.doneDate as string | null,
            deadline: r.deadline as string,
            workdaysLate: r.workdaysLate as number,
          };
          return r.provisional ? { ...l, provisional: true as const } : l;
        }),
    };
  };
  const cov = get('behaviour-coverage').windows[0];
  return {
    report: timeliness('behaviour-report-timeliness'),
    fix: timeliness('behaviour-fix-timeliness'),
    coverage: { covered: cov?.numerator ?? 0, claimed: cov?.denominator ?? 0 },
  };
}

// ---------------------------------------------------------------- arbitraries
// 2023-Q2: 清明, 劳动节 (04-23 Sun and 05-06 Sat worked), 端午 (06-25 Sun worked); 2023-Q4: 中秋+国庆
// (10-07, 10-08 worked); 2024-Q1: 春节 (02-04 Sun and 02-18 Sun worked); 2026-Q4 runs into 2027, a year
// answered by the statutory estimate (provisional).
const PERIODS = ['2023-Q2', '2023-Q4', '2024-Q1', '2026-Q4'] as const;
const DEPTS = ['scjg', 'hbj', 'jtj'] as const;
const ITEMS = ['I1', 'I2', 'I3', 'I4'] as const;
const JUNK_DATES = [
  '2023-02-29',
  '2023-13-01',
  '2023-4-01',
  '2023-04-1 ',
  '',
  null,
  20230401,
  {},
  '２０２３-04-01',
];
const JUNK_STRINGS = ['', null, 7, undefined, []];
const JUNK_ROWS = [null, 'record', 42, undefined];

const behaviourArb = (startDay: number) =>
  fc
    .record({
      id: fc.integer({ min: 0, max: 40 }),
      dept: fc.constantFrom(...DEPTS),
      item: fc.constantFrom(...ITEMS, 'I9'),
      act: fc.integer({ min: -25, max: 100 }),
      delay: fc.integer({ min: -3, max: 16 }),
      rejected: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
      fixDelay: fc.option(fc.integer({ min: 0, max: 14 }), { nil: undefined }),
    })
    .map(({ id, dept, item, act, delay, rejected, fixDelay }): BehaviourFact => {
      const actDay = startDay + act;
      const rejectedDay = rejected === undefined ? undefined : actDay + Math.max(delay, 0) + rejected;
      return {
        recordId: `R${id}`,
        itemCode: item,
        department: dept,
        actDate: civilDate(actDay),
        reportedDate: civilDate(actDay + delay),
        ...(rejectedDay === undefined ? {} : { rejectedDate: civilDate(rejectedDay) }),
        ...(rejectedDay === undefined || fixDelay === undefined
          ? {}
          : { fixedDate: civilDate(rejectedDay + fixDelay) }),
      };
    });

const catalogArb = fc
  .uniqueArray(
    fc.record({ dept: fc.constantFrom(...DEPTS), item: fc.constantFrom(...ITEMS), claimed: fc.boolean() }),
    { selector: (c) => `${c.dept}/${c.item}`, maxLength: 12 },
  )
  .map((rows) =>
    rows.map((r): CatalogItemFact => ({ itemCode: r.item, department: r.dept, claimed: r.claimed })),
  );

const clueArb = (startDay: number) =>
  fc.record({ dept: fc.constantFrom(...DEPTS), at: fc.integer({ min: 0, max: 90 }), id: fc.nat(9) }).map(
    ({ dept, at, id }): ClueFact => ({
      clueId: `C${id}`,
      department: dept,
      receivedDate: civilDate(startDay + at),
    }),
  );

/** One edit that makes the data invalid: a junk field, a junk row, a junk department elsewhere. */
const junkArb: fc.Arbitrary<Junk> = fc.oneof(
  fc.record({
    list: fc.constant('behaviours' as const),
    field: fc.constantFrom('actDate', 'reportedDate', 'rejectedDate', 'fixedDate'),
    value: fc.constantFrom(...JUNK_DATES),
    at: fc.nat(),
  }),
  fc.record({
    list: fc.constant('behaviours' as const),
    field: fc.constantFrom('recordId', 'itemCode', 'department'),
    value: fc.constantFrom(...JUNK_STRINGS),
    at: fc.nat(),
  }),
  fc.record({
    list: fc.constant('behaviours' as const),
    field: fc.constant(undefined),
    value: fc.constantFrom(...JUNK_ROWS),
    at: fc.nat(),
  }),
  fc.record({
    list: fc.constantFrom('catalogItems' as const, 'clues' as const),
    field: fc.constantFrom('department', 'claimed', 'clueId', 'receivedDate'),
    value: fc.constantFrom(...JUNK_STRINGS, ...JUNK_DATES),
    at: fc.nat(),
  }),
);

interface Junk {
  readonly list: 'behaviours' | 'catalogItems' | 'clues';
  readonly field: string | undefined;
  readonly value: unknown;
  readonly at: number;
}

function applyJunk(data: KpiData, edits: readonly Junk[]): KpiData {
  const copy: Record<string, unknown[]> = {
    behaviours: [...(data.behaviours ?? [])],
    catalogItems: [...(data.catalogItems ?? [])],
    clues: [...(data.clues ?? [])],
  };
  for (const e of edits) {
    const rows = copy[e.list] as unknown[];
    if (rows.length === 0) continue;
    const i = e.at % rows.length;
    if (e.field === undefined) rows[i] = e.value;
    else if (typeof rows[i] === 'object' && rows[i] !== null)
      rows[i] = { ...(rows[i] as object), [e.field]: e.value };
  }
  return copy as KpiData;
}

const caseArb = fc.constantFrom(...PERIODS).chain((period) => {
  const p = parsePeriod(period);
  return fc.record({
    period: fc.constant(period),
    behaviours: fc.array(behaviourArb(p.startDay), { maxLength: 40 }),
    catalogItems: catalogArb,
    clues: fc.array(clueArb(p.startDay), { maxLength: 3 }),
    unit: fc.subarray([...DEPTS], { minLength: 1 }),
    asOf: fc.option(fc.integer({ min: 0, max: p.endDay - p.startDay }), { nil: undefined }),
    junk: fc.oneof(
      { weight: 3, arbitrary: fc.constant([] as Junk[]) },
      { weight: 2, arbitrary: fc.array(junkArb, { minLength: 1, maxLength: 3 }) },
    ),
  });
});

function attempt<T>(fn: () => T): { ok: T } | { error: unknown } {
  try {
    return { ok: fn() };
  } catch (error) {
    return { error };
  }
}

describe('property: the fast path equals the general path', () => {
  test.prop([caseArb], { numRuns: 300 })(
    'errors, counts, late records with deadlines, coverage; raw = prepared',
    ({ period, behaviours, catalogItems, clues, unit, asOf, junk }) => {
      const p = parsePeriod(period);
      const data = applyJunk({ behaviours, catalogItems, clues }, junk);
      const options = {
        period,
        unit: { id: 'u', departments: unit },
        ...(asOf === undefined ? {} : { asOf: civilDate(p.startDay + asOf) }),
      };
      const expected = referenceError(data);
      const raw = attempt(() => scoreIndicators(baselineIndicatorSet, data, options));
      if (expected !== undefined) {
        expect('error' in raw).toBe(true);
        const error = (raw as { error: unknown }).error;
        expect(error).toBeInstanceOf(KpiError);
        const k = error as KpiError;
        expect({ code: k.code, path: k.path, zh: k.messages.zh, en: k.messages.en }).toEqual(expected);
        const prep = attempt(() => prepareKpiData(data));
        expect((prep as { error: KpiError }).error?.messages).toEqual(k.messages);
        return;
      }
      if (!('ok' in raw)) throw raw.error;
      const card = raw.ok;
      const asOfDate = options.asOf ?? p.end;
      const ref = referenceCounts(data, [...unit].sort(), p.startDay, dayNumber(asOfDate), asOfDate);
      expect(oursCounts(card)).toEqual(ref);
      expect(scoreIndicators(baselineIndicatorSet, prepareKpiData(data), options)).toEqual(card);
    },
  );
});

describe('regression', () => {
  test('a record reported before its act date, earlier than any other date in the data, is on time', () => {
    // The per-record position columns used to start at the earliest act date, so such a reported date had no
    // position and the record counted as never reported (59 working days late here). core's workdayLateness and
    // the database's jianguan.timeliness both say on time.
    const data: KpiData = {
      behaviours: [
        {
          recordId: 'R0',
          itemCode: 'I1',
          department: 'jtj',
          actDate: '2024-01-01',
          reportedDate: '2023-12-30',
        },
      ],
    };
    const card = scoreIndicators(baselineIndicatorSet, data, { period: '2024-Q1', unit: 'jtj' });
    expect(oursCounts(card).report).toEqual({ due: 1, onTime: 1, late: [] });
    expect(workdayLateness('2024-01-01', '2023-12-30', REPORT).onTime).toBe(true);
  });
});

describe('the indicator set is validated once per object, and edits are seen', () => {
  test('the validated copy is frozen (scorecards cannot edit it) and an edited object is scored by its new content', () => {
    const set = JSON.parse(JSON.stringify(baselineIndicatorSet)) as typeof baselineIndicatorSet;
    const data: KpiData = {
      behaviours: [
        {
          recordId: 'R0',
          itemCode: 'I1',
          department: 'jtj',
          actDate: '2023-04-03',
          reportedDate: '2023-04-20',
        },
      ],
    };
    const options = { period: '2023-Q2', unit: 'jtj' } as const;
    const first = scoreIndicators(set, data, options);
    expect(scoreIndicators(set, data, options)).toEqual(first);
    expect(Object.isFrozen(first.setName)).toBe(true);
    expect(Object.isFrozen(first.indicators[0]?.source)).toBe(true);
    (set.name as { zh: string }).zh = '改过';
    expect(scoreIndicators(set, data, options).setName.zh).toBe('改过');
    (set.indicators[0] as { points: unknown }).points = 'junk';
    expect(() => scoreIndicators(set, data, options)).toThrow(KpiError);
  });
});
