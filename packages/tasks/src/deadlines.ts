import type { WorkdayCalendar } from '@jianguan/core';
import { dayNumberOf, describeValue, getDefaultCalendar } from '@jianguan/core';
import { z } from 'zod';
import {
  plainTaskState,
  requireCivilDate,
  requireIterable,
  requireRegistry,
  requireShape,
  requireTaskState,
} from './boundary.js';
import type { DeadlineState, TaskState } from './engine.js';
import { TasksError } from './errors.js';
import type { LifecycleRegistry } from './lifecycle.js';

/**
 * Where an open deadline stands on a day (时限状态): `overdue` (past its last day), `due_today`, `at_risk`
 * (within the deadline's `atRiskWorkdays`), `open`.
 *
 * @example
 * const s: DueStatus = 'at_risk';
 */
export type DueStatus = 'overdue' | 'due_today' | 'at_risk' | 'open';

/**
 * One open deadline on the due list (待办清单).
 *
 * @example
 * const item: DueItem = {
 *   taskId: 'SGZ-1', kind: 'double_notification', deadline: 'claim', label: { zh: '认领', en: 'claim' },
 *   department: 'wjw', state: 'dispatched', start: '2025-09-30', due: '2025-10-13', status: 'overdue', workdaysLeft: -1,
 * };
 */
export interface DueItem {
  readonly taskId: string;
  readonly kind: string;
  readonly deadline: string;
  readonly label: { readonly zh: string; readonly en: string };
  readonly department?: string;
  readonly officer?: string;
  readonly state: string;
  readonly start: string;
  readonly due: string;
  readonly status: DueStatus;
  /** Working days from `asOf` to `due`: 0 due today, negative when overdue. */
  readonly workdaysLeft: number;
  readonly entity?: { readonly uscc?: string | undefined; readonly name?: string | undefined };
}

/**
 * Options of {@link dueList}.
 *
 * @example
 * const o: DueListOptions = { asOf: '2025-10-13', department: 'scjg', statuses: ['overdue', 'due_today'] };
 */
export interface DueListOptions {
  /** China civil date `YYYY-MM-DD`. */
  readonly asOf: string;
  readonly department?: string;
  readonly officer?: string;
  readonly kind?: string;
  /** Keep only these statuses (default: all). */
  readonly statuses?: readonly DueStatus[];
  readonly calendar?: Pick<WorkdayCalendar, 'workdaysBetweenDayNumbers'>;
}

const optionalText = z.string().optional();
const STATUSES = ['overdue', 'due_today', 'at_risk', 'open'] as const;

const dueOptionsShape = z.looseObject({
  asOf: z.string(),
  department: optionalText,
  officer: optionalText,
  kind: optionalText,
  statuses: z.array(z.enum(STATUSES)).optional(),
  calendar: z
    .custom<object>(
      (v) =>
        v !== null &&
        typeof v === 'object' &&
        typeof (v as { workdaysBetweenDayNumbers?: unknown }).workdaysBetweenDayNumbers === 'function',
      { message: 'expected a workday calendar (须为工作日日历)' },
    )
    .optional(),
});

const dueItemsShape = z.array(
  z.looseObject({ status: z.enum(STATUSES), department: optionalText, officer: optionalText }),
);

const timelinessOptionsShape = z.looseObject({
  asOf: z.string(),
  deadline: optionalText,
  kind: optionalText,
  department: optionalText,
  from: optionalText,
  to: optionalText,
});

const fixFactsShape = z.array(
  z.looseObject({ recordId: z.string(), rejectedDate: z.string(), fixedDate: optionalText }),
);

function asOfDay(asOf: string): number {
  try {
    return dayNumberOf(asOf);
  } catch (cause) {
    throw new TasksError(
      'invalid_input',
      { zh: `日期 ${describeValue(asOf)} 不合法`, en: `invalid date ${describeValue(asOf)}` },
      { path: ['asOf'], cause },
    );
  }
}

/**
 * The open deadlines of the given tasks as of a day, per department and officer if asked, most urgent first
 * (by due date, then task id). Met and cancelled deadlines and finished tasks are left out.
 *
 * @example
 * const overdue = dueList(book.tasks(), lifecycles, { asOf: '2025-10-13', statuses: ['overdue'] });
 */
export function dueList(
  tasks: Iterable<TaskState>,
  lifecycles: LifecycleRegistry,
  options: DueListOptions,
): DueItem[] {
  requireIterable(tasks, ['tasks']);
  requireRegistry(lifecycles, ['lifecycles']);
  requireShape(dueOptionsShape, options, ['options']);
  const today = asOfDay(options.asOf);
  const cal = options.calendar ?? getDefaultCalendar();
  const keep = options.statuses === undefined ? undefined : new Set(options.statuses);
  const out: (DueItem & { dueDay: number })[] = [];
  let i = 0;
  for (const t of tasks) {
    if (!plainTaskState(t)) requireTaskState(t, ['tasks', i]);
    i++;
    if (t.done) continue;
    if (options.department !== undefined && t.department !== options.department) continue;
    if (options.officer !== undefined && t.officer !== options.officer) continue;
    if (options.kind !== undefined && t.kind !== options.kind) continue;
    const lifecycle = lifecycles.get(t.lifecycle.id, t.lifecycle.version);
    for (const d of t.deadlines) {
      if (d.met !== undefined || d.cancelled) continue;
      const def = lifecycle.deadlines.find((x) => x.id === d.id);
      if (def === undefined) continue;
      const dueDay = dayNumberOf(d.due);
      const left = cal.workdaysBetweenDayNumbers(today, dueDay);
      const status: DueStatus =
        today > dueDay
          ? 'overdue'
          : today === dueDay
            ? 'due_today'
            : left <= def.atRiskWorkdays
              ? 'at_risk'
              : 'open';
      if (keep !== undefined && !keep.has(status)) continue;
      out.push({
        taskId: t.id,
        kind: t.kind,
        deadline: d.id,
        label: def.label,
        ...(t.department === undefined ? {} : { department: t.department }),
        ...(t.officer === undefined ? {} : { officer: t.officer }),
        state: t.state,
        start: d.start,
        due: d.due,
        status,
        workdaysLeft: today > dueDay ? Math.min(-1, left) : left,
        ...(t.entity === undefined ? {} : { entity: t.entity }),
        dueDay,
      });
    }
  }
  out.sort((a, b) => a.dueDay - b.dueDay || (a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0));
  return out.map(({ dueDay: _d, ...item }) => item);
}

/**
 * Counts per status for a group (department or officer).
 *
 * @example
 * const c: DueCounts = { overdue: 1, due_today: 0, at_risk: 2, open: 10 };
 */
export type DueCounts = Record<DueStatus, number>;

/**
 * Groups a due list by department and by officer (部门/人员预警汇总).
 *
 * @example
 * const { byDepartment } = summarizeDue(dueList(tasks, lifecycles, { asOf: '2025-10-13' }));
 * byDepartment.get('scjg')?.overdue;
 */
export function summarizeDue(items: readonly DueItem[]): {
  readonly byDepartment: Map<string, DueCounts>;
  readonly byOfficer: Map<string, DueCounts>;
} {
  requireShape(dueItemsShape, items, ['items']);
  const byDepartment = new Map<string, DueCounts>();
  const byOfficer = new Map<string, DueCounts>();
  const bump = (m: Map<string, DueCounts>, key: string, s: DueStatus) => {
    let c = m.get(key);
    if (!c) {
      c = { overdue: 0, due_today: 0, at_risk: 0, open: 0 };
      m.set(key, c);
    }
    c[s]++;
  };
  for (const i of items) {
    bump(byDepartment, i.department ?? '', i.status);
    if (i.officer !== undefined) bump(byOfficer, i.officer, i.status);
  }
  return { byDepartment, byOfficer };
}

/**
 * Whether one deadline was or is kept, judged the way `@jianguan/kpi` judges timeliness: counted when met,
 * or when still open and `asOf` is past its last day; on time when met on or before it.
 *
 * @example
 * const row: TimelinessRow = { taskId: 'c1', department: 'scjg', deadline: 'feedback', start: '2025-09-30', due: '2025-10-20', met: '2025-10-22', counted: true, onTime: false };
 */
export interface TimelinessRow {
  readonly taskId: string;
  readonly department?: string;
  readonly deadline: string;
  readonly start: string;
  readonly due: string;
  readonly met?: string;
  /** Whether the item is due (met, or open past its deadline) — the KPI denominator. */
  readonly counted: boolean;
  readonly onTime: boolean;
}

/**
 * Options of {@link timeliness}.
 *
 * @example
 * const o: TimelinessOptions = { asOf: '2025-12-31', deadline: 'claim', from: '2025-10-01', to: '2025-12-31' };
 */
export interface TimelinessOptions {
  readonly asOf: string;
  /** Only this deadline id (e.g. `'claim'`). */
  readonly deadline?: string;
  readonly kind?: string;
  readonly department?: string;
  /** Only clocks started in [from, to] (civil dates, inclusive). */
  readonly from?: string;
  readonly to?: string;
}

/**
 * On time or late, per deadline (及时率明细), with the same rules as the KPI scorer — see {@link TimelinessRow}.
 *
 * @example
 * const rows = timeliness(book.tasks(), { asOf: '2025-12-31', kind: 'double_notification' });
 * rows.filter((r) => r.counted && r.onTime).length;
 */
export function timeliness(tasks: Iterable<TaskState>, options: TimelinessOptions): TimelinessRow[] {
  requireIterable(tasks, ['tasks']);
  requireShape(timelinessOptionsShape, options, ['options']);
  const asOf = asOfDay(options.asOf);
  if (options.from !== undefined) requireCivilDate(options.from, ['options', 'from']);
  if (options.to !== undefined) requireCivilDate(options.to, ['options', 'to']);
  const out: TimelinessRow[] = [];
  let i = 0;
  for (const t of tasks) {
    if (!plainTaskState(t)) requireTaskState(t, ['tasks', i]);
    i++;
    if (options.kind !== undefined && t.kind !== options.kind) continue;
    if (options.department !== undefined && t.department !== options.department) continue;
    for (const d of t.deadlines) {
      if (options.deadline !== undefined && d.id !== options.deadline) continue;
      if (d.cancelled) continue;
      if (options.from !== undefined && d.start < options.from) continue;
      if (options.to !== undefined && d.start > options.to) continue;
      const counted = d.met !== undefined || asOf > dayNumberOf(d.due);
      const onTime = d.met !== undefined && d.met <= d.due;
      out.push({
        taskId: t.id,
        ...(t.department === undefined ? {} : { department: t.department }),
        deadline: d.id,
        start: d.start,
        due: d.due,
        ...(d.met === undefined ? {} : { met: d.met }),
        counted,
        onTime,
      });
    }
  }
  return out;
}

/**
 * A risk-warning clue in `@jianguan/kpi`'s `ClueFact` shape.
 *
 * @example
 * const c: TaskClueFact = { clueId: 'FXYJ-1', department: 'scjg', receivedDate: '2025-09-30', feedbackDate: '2025-10-10' };
 */
export interface TaskClueFact {
  readonly clueId: string;
  readonly department: string;
  readonly receivedDate: string;
  readonly feedbackDate?: string | undefined;
}

/**
 * A 双告知 item in `@jianguan/kpi`'s `DoubleNotificationFact` shape.
 *
 * @example
 * const n: TaskDoubleNotificationFact = { noticeId: 'SGZ-1', department: 'wjw', pushedDate: '2025-09-30', claimedDate: '2025-10-09' };
 */
export interface TaskDoubleNotificationFact {
  readonly noticeId: string;
  readonly department: string;
  readonly pushedDate: string;
  readonly claimedDate?: string | undefined;
}

/**
 * A fixed (or not yet fixed) rejected record: the `rejectedDate` / `fixedDate` of `@jianguan/kpi`'s
 * `BehaviourFact`, by record id.
 *
 * @example
 * const f: TaskFixFact = { recordId: 'JC-1', department: 'scjg', rejectedDate: '2025-09-30', fixedDate: '2025-10-09' };
 */
export interface TaskFixFact {
  readonly recordId: string;
  readonly department: string;
  readonly rejectedDate: string;
  readonly fixedDate?: string | undefined;
}

/**
 * The KPI facts the tasks produce (考核数据): pass `clues` and `doubleNotifications` to `scoreIndicators`
 * as they are, and merge `fixes` into the behaviour facts with {@link applyFixFacts}. Each comes from the
 * deadline whose lifecycle tags it (`kpiFact`), its start day and the day it was met; cancelled deadlines
 * (回退, 终止) are left out — so the scorecard counts exactly what {@link timeliness} counts.
 *
 * @example
 * const facts = kpiFactsFromTasks(book.tasks(), lifecycles);
 * scoreIndicators(baselineIndicatorSet, { clues: facts.clues, doubleNotifications: facts.doubleNotifications }, { period: '2025-Q4', unit: 'scjg' });
 */
export function kpiFactsFromTasks(
  tasks: Iterable<TaskState>,
  lifecycles: LifecycleRegistry,
): {
  readonly clues: TaskClueFact[];
  readonly doubleNotifications: TaskDoubleNotificationFact[];
  readonly fixes: TaskFixFact[];
} {
  const clues: TaskClueFact[] = [];
  const doubleNotifications: TaskDoubleNotificationFact[] = [];
  const fixes: TaskFixFact[] = [];
  requireIterable(tasks, ['tasks']);
  requireRegistry(lifecycles, ['lifecycles']);
  let i = 0;
  for (const t of tasks) {
    if (!plainTaskState(t)) requireTaskState(t, ['tasks', i]);
    i++;
    if (t.department === undefined) continue;
    const lifecycle = lifecycles.get(t.lifecycle.id, t.lifecycle.version);
    for (const d of t.deadlines as readonly DeadlineState[]) {
      if (d.cancelled) continue;
      const tag = lifecycle.deadlines.find((x) => x.id === d.id)?.kpiFact;
      if (tag === 'clue_feedback')
        clues.push({
          clueId: t.id,
          department: t.department,
          receivedDate: d.start,
          ...(d.met === undefined ? {} : { feedbackDate: d.met }),
        });
      else if (tag === 'double_notification_claim')
        doubleNotifications.push({
          noticeId: t.id,
          department: t.department,
          pushedDate: d.start,
          ...(d.met === undefined ? {} : { claimedDate: d.met }),
        });
      else if (tag === 'behaviour_fix') {
        const recordId = typeof t.data?.recordId === 'string' ? t.data.recordId : t.id;
        fixes.push({
          recordId,
          department: t.department,
          rejectedDate: d.start,
          ...(d.met === undefined ? {} : { fixedDate: d.met }),
        });
      }
    }
  }
  return { clues, doubleNotifications, fixes };
}

/**
 * Sets `rejectedDate` / `fixedDate` on behaviour facts from the fix tasks, by record id (records without a
 * fix task are returned unchanged).
 *
 * @example
 * const behaviours = applyFixFacts(reported, kpiFactsFromTasks(book.tasks(), lifecycles).fixes);
 */
export function applyFixFacts<T extends { readonly recordId: string }>(
  behaviours: readonly T[],
  fixes: readonly TaskFixFact[],
): (T & { rejectedDate?: string; fixedDate?: string })[] {
  requireShape(z.array(z.looseObject({ recordId: z.string() })), behaviours, ['behaviours']);
  requireShape(fixFactsShape, fixes, ['fixes']);
  const byId = new Map(fixes.map((f) => [f.recordId, f]));
  return behaviours.map((b) => {
    const f = byId.get(b.recordId);
    if (!f) return b;
    return {
      ...b,
      rejectedDate: f.rejectedDate,
      ...(f.fixedDate === undefined ? {} : { fixedDate: f.fixedDate }),
    };
  });
}
