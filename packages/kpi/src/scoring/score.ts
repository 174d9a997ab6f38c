import type { LocalizedMessage } from '@jianguan/core';
import { validatedOnce } from '@jianguan/core';
import { civilDate, dayNumber } from '../calendar/day-number.js';
import type { KpiCalendar } from '../calendar/workday-index.js';
import type { KpiData } from '../data/facts.js';
import type { DepartmentTables } from '../data/prepare.js';
import { NONE, PreparedKpiData, withDataForOneCall } from '../data/prepare.js';
import { KpiError } from '../errors/kpi-error.js';
import { defineIndicatorSet, resolveTarget } from '../indicators/define.js';
import type { Dimension, Indicator, IndicatorSet } from '../indicators/schema.js';
import { DIMENSION_NAMES_EN, dimensionSchema } from '../indicators/schema.js';
import type { Period, PeriodId } from '../period/period.js';
import { isCoarser, parsePeriod, periodContaining, subPeriods } from '../period/period.js';
import type { DayWindow, LateRows, MetricValue, TimelinessValue, UnitContext } from './metrics.js';
import { evaluateMetric, PERIODIC_METRICS } from './metrics.js';
import { above, atLeast, below, excess, isPositive, roundTo } from './tolerance.js';
import type {
  Deduction,
  DimensionResult,
  EvidenceRecord,
  IndicatorResult,
  Scorecard,
  ScoredUnit,
  WindowResult,
} from './types.js';

/**
 * The unit to score: a department id, or `{ id, name?, departments? }` — a region pools the data of its
 * departments (default: `[id]`).
 *
 * @example
 * const region: UnitSpec = { id: '420322', name: '郧西县', departments: ['scjg', 'hbj', 'jtj'] };
 */
export type UnitSpec =
  | string
  | { readonly id: string; readonly name?: string; readonly departments?: readonly string[] };

/**
 * Options of {@link scoreIndicators}.
 *
 * @example
 * const options: ScoreOptions = { period: '2023-Q2', unit: 'scjg', asOf: '2023-05-15' };
 */
export interface ScoreOptions {
  /** The assessment period: `'2023'`, `'2023-Q2'` or `'2023-05'`. */
  readonly period: PeriodId;
  readonly unit: UnitSpec;
  /**
   * Score as of this civil date (default: the period's last day). Windows end there; items with no done
   * date (not fixed, not answered, not claimed) are late once their deadline is before it. Items with a done
   * date are judged on that date, even when it is after `asOf`.
   */
  readonly asOf?: string | undefined;
  /** Working-day calendar when `data` is not prepared yet (default: core's). */
  readonly calendar?: KpiCalendar | undefined;
}

export { roundTo } from './tolerance.js';

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

interface Window extends DayWindow {
  readonly period: string;
  readonly start: string;
  readonly end: string;
  readonly targetPeriod: Period;
}

/**
 * Windows by indicator object, then period and as-of day: every unit of a comparison has the same ones. The
 * indicators are those of {@link ensureSet}'s deep-frozen sets (never a caller's object), so an entry cannot go
 * stale: an edited set yields a new validated copy with new indicator objects.
 */
const windowCache = new WeakMap<Indicator, Map<string, readonly Window[]>>();

function windowsFor(indicator: Indicator, period: Period, asOfDay: number): readonly Window[] {
  let byPeriod = windowCache.get(indicator);
  if (byPeriod === undefined) {
    byPeriod = new Map();
    windowCache.set(indicator, byPeriod);
  }
  const key = `${period.id}|${asOfDay}`;
  let windows = byPeriod.get(key);
  if (windows === undefined) {
    windows = computeWindows(indicator, period, asOfDay);
    if (byPeriod.size >= 256) byPeriod.clear();
    byPeriod.set(key, windows);
  }
  return windows;
}

function computeWindows(indicator: Indicator, period: Period, asOfDay: number): Window[] {
  const g = indicator.period;
  let periods: { p: Period; startDay: number; id: string }[];
  if (isCoarser(g, period.granularity)) {
    const enclosing = periodContaining(period.start, g);
    periods = [{ p: enclosing, startDay: enclosing.startDay, id: `${enclosing.id}…${period.id}` }];
  } else if (PERIODIC_METRICS.has(indicator.metric.type)) {
    periods = subPeriods(period, g).map((p) => ({ p, startDay: p.startDay, id: p.id }));
  } else {
    periods = [{ p: period, startDay: period.startDay, id: period.id }];
  }
  const out: Window[] = [];
  for (const { p, startDay, id } of periods) {
    const endDay = Math.min(isCoarser(g, period.granularity) ? period.endDay : p.endDay, asOfDay);
    if (startDay > endDay) continue;
    out.push({
      period: id,
      startDay,
      endDay,
      start: civilDate(startDay),
      end: civilDate(endDay),
      targetPeriod: p,
    });
  }
  return out;
}

function emptyTables(): DepartmentTables {
  return {
    items: [],
    itemIndex: new Map(),
    officers: [],
    publications: [],
    clues: [],
    notifications: [],
    assessments: [],
  };
}

/** The data plus empty tables for departments it does not mention (scored as "no data"). */
function withEmptyDepartments(data: PreparedKpiData, missing: readonly string[]): PreparedKpiData {
  if (missing.length === 0) return data;
  const departments = [...data.departments, ...missing];
  const deptIndex = new Map(data.deptIndex);
  for (const [i, d] of missing.entries()) deptIndex.set(d, data.departments.length + i);
  const b = data.behaviours;
  const extend = (from: Int32Array) => {
    const out = new Int32Array(departments.length + 1);
    out.set(from);
    out.fill(from[from.length - 1] as number, from.length);
    return out;
  };
  return new PreparedKpiData(
    departments,
    deptIndex,
    { ...b, offsets: extend(b.offsets), rejOffsets: extend(b.rejOffsets) },
    [...data.tables, ...missing.map(emptyTables)],
    data.index,
  );
}

function resolveUnit(
  input: PreparedKpiData,
  spec: UnitSpec,
): { unit: ScoredUnit; depts: number[]; data: PreparedKpiData; noData: boolean } {
  const obj = typeof spec === 'string' ? { id: spec } : spec;
  if (typeof obj !== 'object' || obj === null || typeof obj.id !== 'string' || obj.id.length === 0) {
    throw new KpiError(
      'invalid_unit',
      { zh: '考核对象无效', en: 'invalid unit' },
      { details: { unit: spec } },
    );
  }
  const departments = [...new Set(obj.departments ?? [obj.id])].sort();
  if (departments.length === 0 || departments.some((d) => typeof d !== 'string' || d.length === 0)) {
    throw new KpiError(
      'invalid_unit',
      { zh: '考核对象没有有效的部门', en: `unit ${obj.id} has no valid departments` },
      { details: { unit: spec } },
    );
  }
  const missing = departments.filter((d) => !input.deptIndex.has(d));
  const data = withEmptyDepartments(input, missing);
  const depts = departments.map((d) => data.deptIndex.get(d) as number);
  const base: ScoredUnit =
    'name' in obj && obj.name !== undefined
      ? { id: obj.id, name: obj.name, departments }
      : { id: obj.id, departments };
  const unit: ScoredUnit = missing.length > 0 ? { ...base, departmentsWithoutData: missing } : base;
  return { unit, depts, data, noData: missing.length === departments.length };
}

/**
 * The order of late rows in canonical order (event day, id, department) whatever the input order: a counting
 * sort by event day, then a sort by id and department inside each (small) day bucket; ties keep input order.
 */
function canonicalOrder(late: LateRows): Int32Array {
  const n = late.length;
  const { eventDay, ids, departments } = late;
  const byId = (a: number, b: number) => {
    const x = ids[a] as string;
    const y = ids[b] as string;
    if (x !== y) return x < y ? -1 : 1;
    return cmp(departments[a] as string, departments[b] as string) || a - b;
  };
  const out = new Int32Array(n);
  if (n < 2) {
    if (n === 1) out[0] = 0;
    return out;
  }
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const e = eventDay[i] as number;
    if (e < min) min = e;
    if (e > max) max = e;
  }
  const span = max - min + 1;
  if (span > 4 * n + 1024) {
    for (let i = 0; i < n; i++) out[i] = i;
    return out.sort((a, b) => (eventDay[a] as number) - (eventDay[b] as number) || byId(a, b));
  }
  const starts = new Int32Array(span + 1);
  for (let i = 0; i < n; i++) {
    const k = (eventDay[i] as number) - min + 1;
    starts[k] = (starts[k] as number) + 1;
  }
  for (let d = 0; d < span; d++) starts[d + 1] = (starts[d + 1] as number) + (starts[d] as number);
  const cursor = starts.slice(0, span);
  for (let i = 0; i < n; i++) {
    const k = (eventDay[i] as number) - min;
    out[cursor[k] as number] = i;
    cursor[k] = (cursor[k] as number) + 1;
  }
  for (let d = 0; d < span; d++) {
    const from = starts[d] as number;
    const to = starts[d + 1] as number;
    if (to - from > 32) out.subarray(from, to).sort(byId);
    else {
      // Insertion sort: day buckets are small.
      for (let k = from + 1; k < to; k++) {
        const x = out[k] as number;
        let m = k - 1;
        while (m >= from && byId(out[m] as number, x) > 0) {
          out[m + 1] = out[m] as number;
          m--;
        }
        out[m + 1] = x;
      }
    }
  }
  return out;
}

function lateEvidence(
  v: TimelinessValue,
  ctx: UnitContext,
  perRecord: number,
  perWorkday: number,
  decimals: number,
): EvidenceRecord[] {
  const index = ctx.data.index;
  const late = v.late;
  const order = canonicalOrder(late);
  const withPoints = perRecord > 0 || perWorkday > 0;
  // Provisional answers need an estimated day; one query over every day the rows can touch rules them out.
  let first = Number.POSITIVE_INFINITY;
  let last = ctx.asOfDay;
  let lastOrdinal = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < late.length; i++) {
    const e = late.eventDay[i] as number;
    const done = late.doneDay[i] as number;
    const ordinal = late.deadlineOrdinal[i] as number;
    if (e < first) first = e;
    if (done !== NONE && done > last) last = done;
    if (ordinal > lastOrdinal) lastOrdinal = ordinal;
  }
  const mayBeProvisional =
    late.length > 0 && index.provisional(first, Math.max(last, index.dayOfOrdinal(lastOrdinal)));
  // Points by working days late (few distinct values).
  const points: number[] = [];
  const pointsFor = (days: number): number => {
    let p = points[days];
    if (p === undefined) {
      p = roundTo(perRecord + perWorkday * days, decimals);
      if (days >= 0 && days < 4096) points[days] = p;
    }
    return p;
  };
  const out: EvidenceRecord[] = new Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    const doneDay = late.doneDay[i] as number;
    const eventDay = late.eventDay[i] as number;
    const workdaysLate = late.workdaysLate[i] as number;
    const pending = doneDay === NONE;
    const eventDate = index.date(eventDay);
    const doneDate = pending ? null : index.date(doneDay);
    const deadlineDay = index.dayOfOrdinal(late.deadlineOrdinal[i] as number);
    const deadline = index.date(deadlineDay);
    const reason = pending ? v.pendingReason : v.lateReason;
    // Estimated calendar days between the event and the later of deadline and done (or asOf): provisional.
    const provisional =
      mayBeProvisional && index.provisional(eventDay, Math.max(deadlineDay, pending ? ctx.asOfDay : doneDay));
    const id = late.ids[i] as string;
    const department = late.departments[i] as string;
    const record: EvidenceRecord = withPoints
      ? {
          kind: v.kind,
          id,
          department,
          reason,
          eventDate,
          doneDate,
          deadline,
          workdaysLate,
          points: pointsFor(workdaysLate),
        }
      : {
          kind: v.kind,
          id,
          department,
          reason,
          eventDate,
          doneDate,
          deadline,
          workdaysLate,
        };
    out[k] = provisional ? { ...record, provisional: true } : record;
  }
  return out;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Evidence in a canonical order (department, id, detail), so results do not depend on input order. */
function sortEvidence(records: EvidenceRecord[]): EvidenceRecord[] {
  return records.sort(
    (a, b) => cmp(a.department, b.department) || cmp(a.id, b.id) || cmp(a.detail ?? '', b.detail ?? ''),
  );
}

function metricParts(v: MetricValue): { value: number | null; numerator?: number; denominator?: number } {
  if (v.type === 'count') return { value: v.count };
  if (v.type === 'ratio') {
    return {
      value: v.denominator === 0 ? null : v.numerator / v.denominator,
      numerator: v.numerator,
      denominator: v.denominator,
    };
  }
  return { value: v.due === 0 ? null : v.onTime / v.due, numerator: v.onTime, denominator: v.due };
}

const METRIC_LABEL: Record<Indicator['metric']['type'], LocalizedMessage> = {
  catalog_claim_rate: { zh: '认领率', en: 'claim rate' },
  inspection_list_completion: { zh: '检查实施清单编制完成率', en: 'inspection-list completion' },
  list_completeness: { zh: '实施清单完备度', en: 'list completeness' },
  element_accuracy: { zh: '要素准确率', en: 'element accuracy' },
  behaviour_coverage: { zh: '监管行为覆盖率', en: 'behaviour coverage' },
  behaviour_volume: { zh: '监管行为数据量', en: 'behaviour records' },
  behaviour_report_timeliness: { zh: '监管行为按时报送率', en: 'on-time reporting rate' },
  behaviour_fix_timeliness: { zh: '异常数据按时整改率', en: 'on-time fix rate' },
  officer_registration_rate: { zh: '执法人员注册率', en: 'officer registration rate' },
  officer_activity_rate: { zh: '账号活跃率', en: 'account activity rate' },
  publication_count: { zh: '发布条数', en: 'publications' },
  clue_feedback_rate: { zh: '线索反馈率', en: 'clue feedback rate' },
  clue_feedback_timeliness: { zh: '线索按时反馈率', en: 'on-time clue feedback rate' },
  double_notification_claim_rate: { zh: '双告知认领率', en: 'double-notification claim rate' },
  double_notification_claim_timeliness: { zh: '双告知按时认领率', en: 'on-time double-notification claims' },
  manual_assessment: { zh: '评价得分率', en: 'assessed share' },
};

function scoreIndicator(
  indicator: Indicator,
  ctx: UnitContext,
  period: Period,
  decimals: number,
): { result: IndicatorResult; vetoed: boolean } {
  const windows = windowsFor(indicator, period, ctx.asOfDay);
  const label = METRIC_LABEL[indicator.metric.type];
  const windowResults: WindowResult[] = [];
  const deductions: Deduction[] = [];
  let total = 0;
  let vetoed = false;
  let allNa = true;
  let headline: { value: number | null; numerator?: number; denominator?: number } = { value: null };
  let sumNum = 0;
  let sumDen = 0;
  let sumCount = 0;
  const n = Math.max(1, windows.length);

  for (const w of windows) {
    const v = evaluateMetric(indicator.metric, ctx, w);
    const parts = metricParts(v);
    if (parts.value !== null) allNa = false;
    if (parts.numerator !== undefined) sumNum += parts.numerator;
    if (parts.denominator !== undefined) sumDen += parts.denominator;
    if (v.type === 'count') sumCount += v.count;
    let target: number | null = null;
    let score = 0;

    switch (indicator.kind) {
      case 'ratio': {
        target = resolveTarget(indicator.target, w.targetPeriod);
        const value = parts.value;
        const p = indicator.points;
        if (value === null || target === 0 || atLeast(value, target)) score = p;
        else if (indicator.scoring.method === 'proportional') score = p * (value / target);
        else if (indicator.scoring.method === 'all_or_nothing') score = 0;
        else score = Math.max(0, p - (target - value) * 100 * indicator.scoring.points);
        const lost = (p - score) / n;
        if (isPositive(lost)) {
          const failing =
            v.type === 'ratio'
              ? sortEvidence(v.failing)
              : v.type === 'timeliness'
                ? lateEvidence(v, ctx, 0, 0, decimals)
                : [];
          deductions.push({
            period: w.period,
            points: roundTo(lost, decimals),
            reason: {
              zh: `${label.zh} ${pct(value ?? 0)}（${parts.numerator}/${parts.denominator}）低于目标 ${pct(target)}`,
              en: `${label.en} ${pct(value ?? 0)} (${parts.numerator}/${parts.denominator}) below target ${pct(target)}`,
            },
            records: failing,
          });
        }
        total += score / n;
        break;
      }
      case 'quota': {
        target = resolveTarget(indicator.target, w.targetPeriod);
        const count = v.type === 'count' ? v.count : 0;
        const shortfall = excess(target, count);
        const lost = shortfall * indicator.perShortfall;
        score = Math.max(0, indicator.points - lost);
        if (isPositive(shortfall)) {
          const remaining = Math.max(0, indicator.points - total);
          const applied = Math.min(lost, remaining);
          const capped = below(applied, lost);
          deductions.push({
            period: w.period,
            points: roundTo(applied, decimals),
            reason: {
              zh: `${indicator.name.zh} ${count} 条，少于 ${target} 条，每少 1 条扣 ${indicator.perShortfall} 分${capped ? `（应扣 ${roundTo(lost, decimals)} 分，已达本项满分封顶）` : ''}`,
              en: `${indicator.name.en}: ${count} of ${target}, ${indicator.perShortfall} per missing one${capped ? ` (${roundTo(lost, decimals)} due, capped at the indicator's points)` : ''}`,
            },
            records: [
              {
                kind: 'publication_period',
                id: w.period,
                department: ctx.data.departments[ctx.depts[0] as number] as string,
                reason: 'shortfall',
                detail: `count ${count}/${target}`,
                points: roundTo(lost, decimals),
              },
            ],
          });
        }
        total += lost;
        break;
      }
      case 'timeliness': {
        if (v.type !== 'timeliness') break;
        const late = v.late.length;
        let days = 0;
        for (const x of v.late.workdaysLate) days += x;
        const lost = late * indicator.perRecord + days * indicator.perWorkdayLate;
        score = Math.max(0, indicator.points - lost);
        if (late > 0) {
          const allowed = 'allowedWorkdays' in indicator.metric ? indicator.metric.allowedWorkdays : 0;
          deductions.push({
            period: w.period,
            points: roundTo(Math.min(lost, indicator.points), decimals),
            reason: {
              zh: `${late} 条超过 ${allowed} 个工作日（共超 ${days} 个工作日）：${late}×${indicator.perRecord} + ${days}×${indicator.perWorkdayLate} = ${roundTo(lost, decimals)} 分${above(lost, indicator.points) ? `，封顶 ${indicator.points} 分` : ''}`,
              en: `${late} later than ${allowed} working days (${days} working days late in all): ${late}×${indicator.perRecord} + ${days}×${indicator.perWorkdayLate} = ${roundTo(lost, decimals)}${above(lost, indicator.points) ? `, capped at ${indicator.points}` : ''}`,
            },
            records: lateEvidence(v, ctx, indicator.perRecord, indicator.perWorkdayLate, decimals),
          });
        }
        total += lost;
        break;
      }
      case 'veto': {
        target = indicator.threshold;
        if (parts.value !== null && below(parts.value, indicator.threshold)) {
          vetoed = true;
          deductions.push({
            period: w.period,
            points: 0,
            reason: {
              zh: `单项否决：${indicator.name.zh}（${label.zh} ${parts.value} 低于 ${indicator.threshold}）`,
              en: `veto: ${indicator.name.en} (${label.en} ${parts.value} below ${indicator.threshold})`,
            },
            records: v.type === 'ratio' ? sortEvidence(v.failing) : [],
          });
        }
        break;
      }
      case 'bonus': {
        target = resolveTarget(indicator.above, w.targetPeriod);
        const value = parts.value;
        if (value !== null) {
          score =
            v.type === 'count'
              ? excess(value, target) * (indicator.perUnitAbove ?? 0)
              : excess(value, target) * 100 * (indicator.perPercentAbove ?? 0);
          score = Math.min(score, indicator.points);
        }
        total += score / n;
        break;
      }
    }
    const rounded = roundTo(score, decimals);
    windowResults.push(
      parts.numerator === undefined || parts.denominator === undefined
        ? { period: w.period, start: w.start, end: w.end, value: parts.value, target, score: rounded }
        : {
            period: w.period,
            start: w.start,
            end: w.end,
            value: parts.value,
            numerator: parts.numerator,
            denominator: parts.denominator,
            target,
            score: rounded,
          },
    );
  }

  const only = windows.length === 1 ? (windowResults[0] as WindowResult) : undefined;
  if (only !== undefined) {
    headline =
      only.numerator !== undefined && only.denominator !== undefined
        ? { value: only.value, numerator: only.numerator, denominator: only.denominator }
        : { value: only.value };
  } else if (sumDen > 0 || sumNum > 0) {
    headline = { value: sumDen === 0 ? null : sumNum / sumDen, numerator: sumNum, denominator: sumDen };
  } else if (windowResults.some((w) => w.value !== null)) headline = { value: sumCount };

  let score: number;
  let status: IndicatorResult['status'];
  if (indicator.kind === 'veto') {
    score = 0;
    status = vetoed ? 'vetoed' : allNa ? 'not_applicable' : 'full';
  } else if (indicator.kind === 'bonus') {
    score = roundTo(Math.min(total, indicator.points), decimals);
    status = 'bonus';
  } else if (indicator.kind === 'ratio') {
    score = roundTo(total, decimals);
    status = allNa ? 'not_applicable' : below(score, indicator.points) ? 'deducted' : 'full';
  } else {
    score = roundTo(Math.max(0, indicator.points - total), decimals);
    status = below(score, indicator.points)
      ? 'deducted'
      : allNa && indicator.kind === 'timeliness'
        ? 'not_applicable'
        : 'full';
  }
  const deducted =
    indicator.kind === 'veto' || indicator.kind === 'bonus' ? 0 : roundTo(indicator.points - score, decimals);
  const lastTarget =
    windowResults.length > 0 ? (windowResults[windowResults.length - 1] as WindowResult).target : null;
  return {
    vetoed,
    result: {
      id: indicator.id,
      name: indicator.name,
      dimension: indicator.dimension,
      kind: indicator.kind,
      metric: indicator.metric.type,
      points: indicator.points,
      score,
      deducted,
      value: headline.value,
      target: lastTarget,
      status,
      windows: windowResults,
      deductions,
      source: indicator.source,
    },
  };
}

/** Scores a validated set against prepared data for one unit. @internal */
export function scorePrepared(
  set: IndicatorSet,
  prepared: PreparedKpiData,
  options: ScoreOptions,
): Scorecard {
  const period = parsePeriod(options.period);
  const asOfDay = options.asOf === undefined ? period.endDay : dayNumber(options.asOf);
  const { unit, depts, data, noData } = resolveUnit(prepared, options.unit);
  const ctx: UnitContext = { data, depts, asOfDay, asOfPos: data.index.pos(asOfDay) };
  const decimals = set.conventions.decimals;
  const indicators: IndicatorResult[] = [];
  const vetoes: string[] = [];
  for (const indicator of set.indicators) {
    const { result, vetoed } = scoreIndicator(indicator, ctx, period, decimals);
    indicators.push(noData ? { ...result, noData: true } : result);
    if (vetoed) vetoes.push(indicator.id);
  }
  const dimensions: DimensionResult[] = [];
  for (const dimension of dimensionSchema.options as readonly Dimension[]) {
    const members = indicators.filter(
      (i) => i.dimension === dimension && i.kind !== 'bonus' && i.kind !== 'veto',
    );
    if (members.length === 0) continue;
    dimensions.push({
      dimension,
      nameEn: DIMENSION_NAMES_EN[dimension],
      points: roundTo(
        members.reduce((s, i) => s + i.points, 0),
        decimals,
      ),
      score: roundTo(
        members.reduce((s, i) => s + i.score, 0),
        decimals,
      ),
    });
  }
  const deductionScore = roundTo(
    dimensions.reduce((s, d) => s + d.score, 0),
    decimals,
  );
  const bonusEarned = roundTo(
    Math.min(
      set.conventions.bonusPoints,
      indicators.filter((i) => i.kind === 'bonus').reduce((s, i) => s + i.score, 0),
    ),
    decimals,
  );
  const threshold = set.conventions.bonusRequiresAbove;
  const bonusCounted = isPositive(bonusEarned) && (threshold === null || above(deductionScore, threshold));
  const vetoed = vetoes.length > 0;
  return {
    setId: set.id,
    setVersion: set.version,
    setName: set.name,
    unit,
    period: period.id,
    start: period.start,
    end: period.end,
    asOf: civilDate(asOfDay),
    indicators,
    dimensions,
    deductionScore,
    deductionPoints: set.conventions.deductionPoints,
    bonusEarned,
    bonusCounted,
    total: roundTo(deductionScore + (bonusCounted ? bonusEarned : 0), decimals),
    vetoed,
    vetoes,
    passed: !vetoed && atLeast(deductionScore, set.conventions.passMark),
    ...(noData ? { noData: true as const } : {}),
  };
}

/**
 * Indicator sets validated once (core's `validatedOnce` over {@link defineIndicatorSet}): a deeply frozen set is
 * validated once and then trusted by identity; any other set object gets a deep-frozen validated copy that is
 * compared with the object on every call, so a set edited in place (a weight, a nested threshold or target) is
 * scored by its new content, never by the copy of its old one. Neither later scoring nor a caller holding parts
 * of a scorecard can change a copy.
 */
const validSet = validatedOnce((value: unknown): IndicatorSet => defineIndicatorSet(value));

/** A validated, deep-frozen indicator set equal to `set`'s content now. @internal */
export function ensureSet(set: IndicatorSet): IndicatorSet {
  return validSet(set);
}

/** Runs `use` on prepared data: the given one, or raw data laid out for this call only. @internal */
export function withPrepared<T>(
  data: KpiData | PreparedKpiData,
  calendar: KpiCalendar | undefined,
  use: (prepared: PreparedKpiData) => T,
): T {
  return data instanceof PreparedKpiData
    ? use(data)
    : withDataForOneCall(data, calendar ? { calendar } : {}, use);
}

/**
 * Scores one unit (a department, or a region pooling several) for one period under an indicator set
 * (考核评分). Every deduction lists the records behind it — late records with their deadline and working
 * days late from the calendar, uncovered items, inactive officers, months short of a quota.
 *
 * @example
 * const card = scoreIndicators(baselineIndicatorSet, data, { period: '2023-Q2', unit: 'scjg' });
 * card.total; // e.g. 91.4
 * card.indicators.find((i) => i.id === 'behaviour-report-timeliness')?.deductions[0]?.records;
 */
export function scoreIndicators(
  indicatorSet: IndicatorSet,
  data: KpiData | PreparedKpiData,
  options: ScoreOptions,
): Scorecard {
  if (typeof options !== 'object' || options === null) {
    throw new KpiError('invalid_options', { zh: '缺少评分选项', en: 'missing scoring options' });
  }
  const set = ensureSet(indicatorSet);
  return withPrepared(data, options.calendar, (prepared) => scorePrepared(set, prepared, options));
}
