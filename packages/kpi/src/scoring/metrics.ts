import { civilDate } from '../calendar/day-number.js';
import type { DepartmentTables, PreparedKpiData, TimedFact } from '../data/prepare.js';
import { NONE } from '../data/prepare.js';
import type { Metric } from '../indicators/schema.js';
import { below } from './tolerance.js';
import type { EvidenceReason, EvidenceRecord } from './types.js';

/** An evaluation window in day numbers (both inclusive). @internal */
export interface DayWindow {
  readonly startDay: number;
  readonly endDay: number;
}

/** A ratio's parts and the records that keep it below 1. @internal */
export interface RatioValue {
  readonly type: 'ratio';
  readonly numerator: number;
  readonly denominator: number;
  readonly failing: EvidenceRecord[];
}

/** @internal */
export interface CountValue {
  readonly type: 'count';
  readonly count: number;
}

/**
 * Late (or overdue) records as parallel columns, no object per record: raw numbers, turned into evidence only
 * when reported. @internal
 */
export class LateRows {
  readonly ids: string[] = [];
  readonly departments: string[] = [];
  readonly eventDay: number[] = [];
  /** NONE when not done by asOf. */
  readonly doneDay: number[] = [];
  readonly deadlineOrdinal: number[] = [];
  readonly workdaysLate: number[] = [];

  get length(): number {
    return this.ids.length;
  }

  push(
    id: string,
    department: string,
    eventDay: number,
    doneDay: number,
    deadlineOrdinal: number,
    workdaysLate: number,
  ): void {
    this.ids.push(id);
    this.departments.push(department);
    this.eventDay.push(eventDay);
    this.doneDay.push(doneDay);
    this.deadlineOrdinal.push(deadlineOrdinal);
    this.workdaysLate.push(workdaysLate);
  }
}

/** @internal */
export interface TimelinessValue {
  readonly type: 'timeliness';
  readonly due: number;
  readonly onTime: number;
  readonly late: LateRows;
  readonly kind: EvidenceRecord['kind'];
  readonly lateReason: EvidenceReason;
  readonly pendingReason: EvidenceReason;
}

/** @internal */
export type MetricValue = RatioValue | CountValue | TimelinessValue;

/** Unit context: the department indices and the day the data is scored as of. @internal */
export interface UnitContext {
  readonly data: PreparedKpiData;
  readonly depts: readonly number[];
  readonly asOfDay: number;
  readonly asOfPos: number;
}

function tablesOf(ctx: UnitContext): [string, DepartmentTables][] {
  return ctx.depts.map((d) => [ctx.data.departments[d] as string, ctx.data.tables[d] as DepartmentTables]);
}

function ratio(numerator: number, denominator: number, failing: EvidenceRecord[]): RatioValue {
  return { type: 'ratio', numerator, denominator, failing };
}

function behaviourTimeliness(
  ctx: UnitContext,
  w: DayWindow,
  allowed: number,
  which: 'report' | 'fix',
): TimelinessValue {
  const b = ctx.data.behaviours;
  const report = which === 'report';
  // Reports: every row; fixes: the rows with a rejection date.
  const offsets = report ? b.offsets : b.rejOffsets;
  const evDay = report ? b.actDay : b.rejDay;
  const doneDay = report ? b.repDay : b.fixDay;
  const rowOf = report ? undefined : b.rejRow;
  const { startDay, endDay } = w;
  const asOfPos = ctx.asOfPos;
  // Working-day positions from the index's table (every day of the data is in it).
  const index = ctx.data.index;
  const lo = index.lo;
  const table = index.table();
  const size = table.length;
  const posOf = (day: number): number => {
    const k = day - lo;
    const hit = k >= 0 && k < size ? (table[k] as number) : 0;
    return hit !== 0 ? hit - 1 : index.pos(day);
  };
  let due = 0;
  let onTime = 0;
  const late = new LateRows();
  for (const d of ctx.depts) {
    const from = offsets[d] as number;
    const to = offsets[d + 1] as number;
    for (let i = from; i < to; i++) {
      const e = evDay[i] as number;
      if (e < startDay || e > endDay || e === NONE) continue;
      const ep = posOf(e);
      // allowed 0 on a rest day: the next working day (core's workdayLateness), never a day before the act.
      const ordinal = (ep >> 1) + Math.max(allowed, ep & 1);
      const limit = 2 * ordinal;
      const dd = doneDay[i] as number;
      const p = dd === NONE ? -1 : posOf(dd);
      if (p >= 0) {
        due++;
        if (p <= limit) {
          onTime++;
          continue;
        }
      } else if (asOfPos > limit) {
        due++;
      } else {
        continue;
      }
      const ref = p >= 0 ? p : asOfPos;
      late.push(
        b.recordIdOf(rowOf === undefined ? i : (rowOf[i] as number)),
        ctx.data.departments[d] as string,
        e,
        dd,
        ordinal,
        (ref >> 1) - ordinal,
      );
    }
  }
  return {
    type: 'timeliness',
    due,
    onTime,
    late,
    kind: 'behaviour',
    lateReason: which === 'report' ? 'late_report' : 'late_fix',
    pendingReason: which === 'report' ? 'late_report' : 'unfixed',
  };
}

function factTimeliness(
  ctx: UnitContext,
  w: DayWindow,
  allowed: number,
  pick: (t: DepartmentTables) => readonly TimedFact[],
  kind: EvidenceRecord['kind'],
  lateReason: EvidenceReason,
  pendingReason: EvidenceReason,
): TimelinessValue {
  let due = 0;
  let onTime = 0;
  const late = new LateRows();
  for (const [department, t] of tablesOf(ctx)) {
    for (const f of pick(t)) {
      if (f.eventDay < w.startDay || f.eventDay > w.endDay) continue;
      const ordinal = (f.eventPos >> 1) + Math.max(allowed, f.eventPos & 1);
      const limit = 2 * ordinal;
      const done = f.doneDay !== NONE;
      if (done) {
        due++;
        if (f.donePos <= limit) {
          onTime++;
          continue;
        }
      } else if (ctx.asOfPos > limit) {
        due++;
      } else {
        continue;
      }
      const ref = done ? f.donePos : ctx.asOfPos;
      late.push(f.id, department, f.eventDay, done ? f.doneDay : NONE, ordinal, (ref >> 1) - ordinal);
    }
  }
  return { type: 'timeliness', due, onTime, late, kind, lateReason, pendingReason };
}

function factRate(
  ctx: UnitContext,
  w: DayWindow,
  pick: (t: DepartmentTables) => readonly TimedFact[],
  kind: EvidenceRecord['kind'],
  reason: EvidenceReason,
): RatioValue {
  let num = 0;
  let den = 0;
  const failing: EvidenceRecord[] = [];
  for (const [department, t] of tablesOf(ctx)) {
    for (const f of pick(t)) {
      if (f.eventDay < w.startDay || f.eventDay > w.endDay) continue;
      den++;
      if (f.doneDay !== NONE) num++;
      else
        failing.push({
          kind,
          id: f.id,
          department,
          reason,
          eventDate: civilDate(f.eventDay),
          doneDate: null,
        });
    }
  }
  return ratio(num, den, failing);
}

function coverage(ctx: UnitContext, w: DayWindow): RatioValue {
  const b = ctx.data.behaviours;
  let num = 0;
  let den = 0;
  const failing: EvidenceRecord[] = [];
  for (const d of ctx.depts) {
    const t = ctx.data.tables[d] as DepartmentTables;
    const seen = new Uint8Array(t.items.length);
    const from = b.offsets[d] as number;
    const to = b.offsets[d + 1] as number;
    for (let i = from; i < to; i++) {
      const e = b.actDay[i] as number;
      const item = b.item[i] as number;
      if (item >= 0 && e >= w.startDay && e <= w.endDay) seen[item] = 1;
    }
    const department = ctx.data.departments[d] as string;
    t.items.forEach((item, k) => {
      if (!item.claimed) return;
      den++;
      if (seen[k] === 1) num++;
      else failing.push({ kind: 'catalog_item', id: item.itemCode, department, reason: 'uncovered' });
    });
  }
  return ratio(num, den, failing);
}

function volume(ctx: UnitContext, w: DayWindow): CountValue {
  const b = ctx.data.behaviours;
  let count = 0;
  for (const d of ctx.depts) {
    const to = b.offsets[d + 1] as number;
    for (let i = b.offsets[d] as number; i < to; i++) {
      const e = b.actDay[i] as number;
      if (e >= w.startDay && e <= w.endDay) count++;
    }
  }
  return { type: 'count', count };
}

/** The months (`YYYY-MM`, ascending) a window touches, memoised by window (every unit asks for the same). */
const monthCache = new Map<string, readonly string[]>();

function monthsOf(w: DayWindow): readonly string[] {
  const key = `${w.startDay}:${w.endDay}`;
  let months = monthCache.get(key);
  if (months === undefined) {
    const set = new Set<string>();
    for (let day = w.startDay; day <= w.endDay; day++) set.add(civilDate(day).slice(0, 7));
    months = [...set].sort();
    if (monthCache.size >= 1024) monthCache.clear();
    monthCache.set(key, months);
  }
  return months;
}

type AssessmentRowT = DepartmentTables['assessments'][number];

/**
 * Which of two manual assessments overlapping a window counts (order-independent): one that covers the
 * whole window beats one that does not; then the shorter period (more specific); then the later start; then
 * the lower value (conservative). Two assessments equal on all four have the same value, so the input order
 * never changes the score.
 */
function moreSpecific(a: AssessmentRowT, b: AssessmentRowT, w: DayWindow): boolean {
  const coversA = a.startDay <= w.startDay && a.endDay >= w.endDay;
  const coversB = b.startDay <= w.startDay && b.endDay >= w.endDay;
  if (coversA !== coversB) return coversA;
  const spanA = a.endDay - a.startDay;
  const spanB = b.endDay - b.startDay;
  if (spanA !== spanB) return spanA < spanB;
  if (a.startDay !== b.startDay) return a.startDay > b.startDay;
  return a.value < b.value;
}

/** Evaluates a metric for a unit in one window. @internal */
export function evaluateMetric(metric: Metric, ctx: UnitContext, w: DayWindow): MetricValue {
  switch (metric.type) {
    case 'catalog_claim_rate': {
      let num = 0;
      let den = 0;
      const failing: EvidenceRecord[] = [];
      for (const [department, t] of tablesOf(ctx)) {
        for (const item of t.items) {
          den++;
          if (item.claimed) num++;
          else failing.push({ kind: 'catalog_item', id: item.itemCode, department, reason: 'unclaimed' });
        }
      }
      return ratio(num, den, failing);
    }
    case 'inspection_list_completion': {
      let num = 0;
      let den = 0;
      const failing: EvidenceRecord[] = [];
      for (const [department, t] of tablesOf(ctx)) {
        for (const item of t.items) {
          if (!item.claimed || item.requiresInspectionList === false) continue;
          den++;
          if (item.hasInspectionList === true) num++;
          else
            failing.push({
              kind: 'catalog_item',
              id: item.itemCode,
              department,
              reason: 'no_inspection_list',
            });
        }
      }
      return ratio(num, den, failing);
    }
    case 'list_completeness':
    case 'element_accuracy': {
      const completeness = metric.type === 'list_completeness';
      let num = 0;
      let den = 0;
      const failing: EvidenceRecord[] = [];
      for (const [department, t] of tablesOf(ctx)) {
        for (const item of t.items) {
          if (!item.claimed) continue;
          const total = (completeness ? item.mandatoryElements : item.checkedElements) ?? 0;
          const good = Math.min(total, (completeness ? item.filledElements : item.accurateElements) ?? 0);
          den += total;
          num += good;
          if (good < total) {
            failing.push({
              kind: 'catalog_item',
              id: item.itemCode,
              department,
              reason: completeness ? 'incomplete_elements' : 'inaccurate_elements',
              detail: `${completeness ? 'filled' : 'accurate'} ${good}/${total}`,
            });
          }
        }
      }
      return ratio(num, den, failing);
    }
    case 'behaviour_coverage':
      return coverage(ctx, w);
    case 'behaviour_volume':
      return volume(ctx, w);
    case 'behaviour_report_timeliness':
      return behaviourTimeliness(ctx, w, metric.allowedWorkdays, 'report');
    case 'behaviour_fix_timeliness':
      return behaviourTimeliness(ctx, w, metric.allowedWorkdays, 'fix');
    case 'officer_registration_rate': {
      let num = 0;
      let den = 0;
      const failing: EvidenceRecord[] = [];
      for (const [department, t] of tablesOf(ctx)) {
        for (const o of t.officers) {
          if (!o.certified) continue;
          den++;
          if (o.registered) num++;
          else failing.push({ kind: 'officer', id: o.officerId, department, reason: 'unregistered' });
        }
      }
      return ratio(num, den, failing);
    }
    case 'officer_activity_rate': {
      const months = monthsOf(w);
      let num = 0;
      let den = 0;
      const failing: EvidenceRecord[] = [];
      for (const [department, t] of tablesOf(ctx)) {
        for (const o of t.officers) {
          if (!o.registered) continue;
          for (const month of months) {
            den++;
            let logins = 0;
            let online = 0;
            for (const a of o.activity ?? []) {
              if (a.month === month) {
                logins += a.logins;
                online += a.onlineDays;
              }
            }
            if (logins >= metric.minLoginsPerMonth && online >= metric.minOnlineDaysPerMonth) num++;
            else {
              failing.push({
                kind: 'officer',
                id: o.officerId,
                department,
                reason: 'inactive',
                detail: `${month} logins ${logins}/${metric.minLoginsPerMonth}, online days ${online}/${metric.minOnlineDaysPerMonth}`,
              });
            }
          }
        }
      }
      return ratio(num, den, failing);
    }
    case 'publication_count': {
      let count = 0;
      for (const [, t] of tablesOf(ctx)) {
        for (const p of t.publications) {
          if (p.channel === metric.channel && p.day >= w.startDay && p.day <= w.endDay) count++;
        }
      }
      return { type: 'count', count };
    }
    case 'clue_feedback_rate':
      return factRate(ctx, w, (t) => t.clues, 'clue', 'missing_feedback');
    case 'clue_feedback_timeliness':
      return factTimeliness(
        ctx,
        w,
        metric.allowedWorkdays,
        (t) => t.clues,
        'clue',
        'late_feedback',
        'missing_feedback',
      );
    case 'double_notification_claim_rate':
      return factRate(ctx, w, (t) => t.notifications, 'double_notification', 'unclaimed_notice');
    case 'double_notification_claim_timeliness':
      return factTimeliness(
        ctx,
        w,
        metric.allowedWorkdays,
        (t) => t.notifications,
        'double_notification',
        'late_claim',
        'unclaimed_notice',
      );
    case 'manual_assessment': {
      let num = 0;
      let den = 0;
      const failing: EvidenceRecord[] = [];
      for (const [department, t] of tablesOf(ctx)) {
        den++;
        let best: DepartmentTables['assessments'][number] | undefined;
        let candidates = 0;
        for (const a of t.assessments) {
          if (a.key !== metric.key || a.startDay > w.endDay || a.endDay < w.startDay) continue;
          candidates++;
          if (best === undefined || moreSpecific(a, best, w)) best = a;
        }
        if (best === undefined) {
          failing.push({ kind: 'assessment', id: metric.key, department, reason: 'missing_assessment' });
          continue;
        }
        num += best.value;
        if (below(best.value, 1)) {
          failing.push({
            kind: 'assessment',
            id: metric.key,
            department,
            reason: 'partial_assessment',
            detail: `${best.period} ${best.value}${candidates > 1 ? ` (chosen from ${candidates} overlapping assessments)` : ''}`,
          });
        }
      }
      return ratio(num, den, failing);
    }
  }
}

/** Metric types evaluated per sub-period of the indicator's own period. @internal */
export const PERIODIC_METRICS: ReadonlySet<Metric['type']> = new Set([
  'behaviour_coverage',
  'behaviour_volume',
  'officer_activity_rate',
  'publication_count',
  'manual_assessment',
]);
