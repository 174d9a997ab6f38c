import type { CodeTableRegistry, FieldPath, WorkdayCalendar } from '@jianguan/core';
import { civilDateOfDayNumber, dayNumberOf, getDefaultCalendar, isCivilDate } from '@jianguan/core';
import {
  requireCivilDate,
  requireContext,
  requireIterable,
  requireObject,
  requireShape,
  requireString,
  taskStateShape,
} from './boundary.js';
import { IllegalTransitionError, TasksError } from './errors.js';
import type { TaskEvent, TaskEventInput } from './events.js';
import { eventDate } from './events.js';
import type { Lifecycle, LifecycleDeadline, LifecycleRegistry } from './lifecycle.js';
import { transitionOf } from './lifecycle.js';
import { taskCodeTables } from './reasons.js';

/**
 * The clock of one deadline on one task (时限状态). Dates are China civil dates.
 *
 * @example
 * const d: DeadlineState = { id: 'claim', start: '2025-09-28', due: '2025-10-10', met: '2025-10-09', cancelled: false, overridden: false };
 */
export interface DeadlineState {
  readonly id: string;
  /** The day the clock started (the working days are counted after it). */
  readonly start: string;
  /** The last day allowed. */
  readonly due: string;
  /** The day it was met, if it was. */
  readonly met?: string;
  /** Whether it was cancelled (returned / terminated before being met). */
  readonly cancelled: boolean;
  /** Whether `due` came from the task's own `dueDates` rather than the lifecycle. */
  readonly overridden: boolean;
}

/**
 * The current state of one work item (任务), as rebuilt from its events.
 *
 * @example
 * const t: TaskState = book.task('FXYJ-1')!;
 * t.state; // 'claimed'
 */
export interface TaskState {
  readonly id: string;
  readonly kind: string;
  readonly lifecycle: { readonly id: string; readonly version: string };
  readonly state: string;
  readonly department?: string | undefined;
  readonly officer?: string | undefined;
  readonly entity?: { readonly uscc?: string | undefined; readonly name?: string | undefined } | undefined;
  readonly title?: string | undefined;
  readonly source?: { readonly system: string; readonly ref: string } | undefined;
  readonly data?: Readonly<Record<string, unknown>> | undefined;
  readonly created: string;
  /** Civil date of the last event. */
  readonly updated: string;
  /** The day the current state was entered. */
  readonly since: string;
  /** The first day each state was entered. */
  readonly entered: Readonly<Record<string, string>>;
  readonly deadlines: readonly DeadlineState[];
  /** The last reason given (回退/转办/终止), if any. */
  readonly reason?: { readonly code: string; readonly note?: string | undefined } | undefined;
  /** The last note given (处置结果, 反馈意见, 失信约束措施 …). */
  readonly note?: string | undefined;
  /** Number of events applied. */
  readonly events: number;
  /** `seq` of the last event applied. */
  readonly lastSeq: number;
  /** Whether the state is terminal (办结 / 终止). */
  readonly done: boolean;
}

/**
 * What the reducer needs besides the event: the lifecycles, the code tables reasons are checked against
 * and the working-day calendar (core's by default).
 *
 * @example
 * const ctx: ReduceContext = { lifecycles: createLifecycleRegistry(BUILT_IN_LIFECYCLES) };
 */
export interface ReduceContext {
  readonly lifecycles: LifecycleRegistry;
  readonly codeTables?: CodeTableRegistry;
  readonly calendar?: Pick<WorkdayCalendar, 'addWorkdaysToDayNumber'>;
}

/**
 * What the reducer accepts: a sealed {@link TaskEvent}, or an event without its place in the log (`seq`
 * optional, no hashes) — e.g. to try a transition before recording it.
 *
 * @example
 * const e: ReducibleEvent = { taskId: 'c1', action: 'claim', at: '2025-10-09', actor: { id: 'zhang' } };
 */
export type ReducibleEvent = Omit<TaskEvent, 'seq' | 'prev' | 'hash'> & { readonly seq?: number };
type EventLike = ReducibleEvent;

function fail(
  code: 'invalid_event' | 'unknown_task' | 'duplicate_task' | 'invalid_reason',
  zh: string,
  en: string,
  path: (string | number)[],
  details: Record<string, unknown>,
): never {
  throw new TasksError(code, { zh, en }, { path, details });
}

const terminalCache = new WeakMap<Lifecycle, ReadonlySet<string>>();

function terminalStates(lifecycle: Lifecycle): ReadonlySet<string> {
  let set = terminalCache.get(lifecycle);
  if (set === undefined) {
    set = new Set(lifecycle.states.filter((s) => s.terminal).map((s) => s.id));
    terminalCache.set(lifecycle, set);
  }
  return set;
}

function startClock(
  d: LifecycleDeadline,
  day: string,
  ctx: ReduceContext,
  override: string | undefined,
): DeadlineState {
  if (override !== undefined)
    return { id: d.id, start: day, due: override, cancelled: false, overridden: true };
  const cal = ctx.calendar ?? getDefaultCalendar();
  const due = civilDateOfDayNumber(cal.addWorkdaysToDayNumber(dayNumberOf(day), d.workdays));
  return { id: d.id, start: day, due, cancelled: false, overridden: false };
}

function createTask(event: EventLike, day: string, ctx: ReduceContext): TaskState {
  const spec = event.task;
  if (!spec) return fail('invalid_event', '创建事件缺少 task', 'a create event needs task', ['task'], {});
  const lifecycle: Lifecycle = ctx.lifecycles.get(spec.lifecycle, spec.version);
  const state = spec.state ?? lifecycle.initial;
  if (state !== lifecycle.initial && !lifecycle.entry.includes(state)) {
    fail(
      'invalid_event',
      `任务不能在状态 ${state} 创建`,
      `a ${lifecycle.id} task cannot be created in state ${state}`,
      ['task', 'state'],
      {
        allowed: [lifecycle.initial, ...lifecycle.entry],
      },
    );
  }
  for (const id of Object.keys(spec.dueDates ?? {})) {
    if (!lifecycle.deadlines.some((d) => d.id === id))
      fail('invalid_event', `未知的时限 ${id}`, `unknown deadline ${id}`, ['task', 'dueDates', id], {
        deadlines: lifecycle.deadlines.map((d) => d.id),
      });
  }
  const deadlines: DeadlineState[] = [];
  for (const d of lifecycle.deadlines) {
    if (d.start.on === 'created' || (d.start.on === 'entered' && d.start.state === state))
      deadlines.push(startClock(d, day, ctx, spec.dueDates?.[d.id]));
  }
  return {
    id: event.taskId,
    kind: lifecycle.kind,
    lifecycle: { id: lifecycle.id, version: lifecycle.version },
    state,
    department: spec.department,
    officer: spec.officer,
    entity: spec.entity,
    title: spec.title,
    source: spec.source,
    data: spec.data,
    created: day,
    updated: day,
    since: day,
    entered: { [state]: day },
    deadlines,
    reason: undefined,
    note: event.note,
    events: 1,
    lastSeq: event.seq ?? 0,
    done: terminalStates(lifecycle).has(state),
  };
}

/**
 * Applies one event to a task (状态流转): `create` makes a new task; any other action must be a transition
 * its lifecycle allows from the current state, with a reason from the right code table when the transition
 * names one, a note when it requires one, and a new department when it reassigns. Pure: returns a new state.
 *
 * @throws {IllegalTransitionError} the action is not allowed from the current state (`details.allowed`).
 * @throws {TasksError} `unknown_task`, `duplicate_task`, `invalid_reason`, `invalid_event`, `unknown_lifecycle`.
 * @example
 * let t = reduceTask(undefined, { taskId: 'c1', action: 'create', at: '2025-09-30', actor: { id: 'p' }, task: { lifecycle: 'risk_clue', department: 'scjg' } }, ctx);
 * t = reduceTask(t, { taskId: 'c1', action: 'claim', at: '2025-10-09', actor: { id: 'zhang' } }, ctx);
 * t.state; // 'claimed'
 */
export function reduceTask(
  task: TaskState | undefined,
  event: ReducibleEvent | TaskEventInput,
  ctx: ReduceContext,
): TaskState {
  if (task !== undefined) requireShape(taskStateShape, task, ['task']);
  checkEvent(event, ['event']);
  requireContext(ctx);
  return advance(task, event as EventLike, ctx, false);
}

/** {@link reduceTask} of a task book's own, already validated, task and event. @internal */
export function reduceValidated(
  task: TaskState | undefined,
  event: ReducibleEvent | TaskEventInput,
  ctx: ReduceContext,
): TaskState {
  return advance(task, event as EventLike, ctx, false);
}

const OPTIONAL_TEXT = ['version', 'department', 'officer', 'state', 'title'] as const;

/** A plain object (not null, not an array). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Whether `e` is a well-formed transition event (not a create): the fast path replay runs on every event of a
 * log, allocating nothing. Anything else goes through {@link checkEvent}, which finds the field at fault.
 */
function plainEvent(e: unknown): boolean {
  if (!isRecord(e) || (e.task !== undefined && !plainSpec(e.task))) return false;
  const { actor, reason, to, note } = e;
  return (
    typeof e.taskId === 'string' &&
    typeof e.action === 'string' &&
    typeof e.at === 'string' &&
    isRecord(actor) &&
    typeof actor.id === 'string' &&
    (reason === undefined || (isRecord(reason) && typeof reason.code === 'string')) &&
    (to === undefined ||
      (isRecord(to) &&
        (to.department === undefined || typeof to.department === 'string') &&
        (to.officer === undefined || typeof to.officer === 'string'))) &&
    (note === undefined || typeof note === 'string')
  );
}

const optionalText = (value: unknown): boolean => value === undefined || typeof value === 'string';

/** Whether `spec` is a well-formed create `task` (the fast path of {@link plainEvent}). */
function plainSpec(spec: unknown): boolean {
  if (!isRecord(spec) || typeof spec.lifecycle !== 'string') return false;
  for (const key of OPTIONAL_TEXT) if (!optionalText(spec[key])) return false;
  const { dueDates, entity, data, source } = spec;
  if (dueDates !== undefined) {
    if (!isRecord(dueDates)) return false;
    for (const id in dueDates) {
      const due = dueDates[id];
      if (Object.hasOwn(dueDates, id) && (typeof due !== 'string' || !isCivilDate(due))) return false;
    }
  }
  return (
    (entity === undefined || isRecord(entity)) &&
    (data === undefined || isRecord(data)) &&
    (source === undefined ||
      (isRecord(source) && typeof source.system === 'string' && typeof source.ref === 'string'))
  );
}

/**
 * An event as far as a transition reads it, the create event's `task` included; throws `invalid_input` at
 * the first field at fault.
 */
function checkEvent(e: unknown, path: FieldPath): void {
  if (plainEvent(e)) return;
  requireObject(e, path);
  for (const key of ['taskId', 'action', 'at'] as const) requireString(e[key], [...path, key]);
  requireObject(e.actor, [...path, 'actor']);
  requireString(e.actor.id, [...path, 'actor', 'id']);
  if (e.reason !== undefined) {
    requireObject(e.reason, [...path, 'reason']);
    requireString(e.reason.code, [...path, 'reason', 'code']);
  }
  if (e.to !== undefined) {
    requireObject(e.to, [...path, 'to']);
    for (const key of ['department', 'officer'] as const)
      if (e.to[key] !== undefined) requireString(e.to[key], [...path, 'to', key]);
  }
  if (e.note !== undefined) requireString(e.note, [...path, 'note']);
  if (e.task === undefined) return;
  const at = [...path, 'task'];
  requireObject(e.task, at);
  const spec = e.task;
  requireString(spec.lifecycle, [...at, 'lifecycle']);
  for (const key of OPTIONAL_TEXT) if (spec[key] !== undefined) requireString(spec[key], [...at, key]);
  if (spec.dueDates !== undefined) {
    requireObject(spec.dueDates, [...at, 'dueDates']);
    for (const [id, day] of Object.entries(spec.dueDates)) requireCivilDate(day, [...at, 'dueDates', id]);
  }
  for (const key of ['entity', 'data'] as const)
    if (spec[key] !== undefined) requireObject(spec[key], [...at, key]);
  if (spec.source !== undefined) {
    requireObject(spec.source, [...at, 'source']);
    requireString(spec.source.system, [...at, 'source', 'system']);
    requireString(spec.source.ref, [...at, 'source', 'ref']);
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The one definition of a transition. `inPlace` (replay only, where every state object is owned by the
 * replay and not yet visible to anyone) updates the task object instead of copying it. @internal
 */
function advance(task: TaskState | undefined, e: EventLike, ctx: ReduceContext, inPlace: boolean): TaskState {
  const day = eventDate(e.at);
  if (e.action === 'create') {
    if (task !== undefined)
      fail('duplicate_task', `任务 ${e.taskId} 已存在`, `task ${e.taskId} already exists`, ['taskId'], {
        taskId: e.taskId,
      });
    return createTask(e, day, ctx);
  }
  if (task === undefined)
    return fail('unknown_task', `任务 ${e.taskId} 不存在`, `unknown task ${e.taskId}`, ['taskId'], {
      taskId: e.taskId,
    });
  if (day < task.updated) {
    fail(
      'invalid_event',
      `事件日期 ${day} 早于任务上次更新 ${task.updated}`,
      `event day ${day} is before the task's last update ${task.updated}`,
      ['at'],
      {
        taskId: task.id,
        day,
        updated: task.updated,
      },
    );
  }
  const lifecycle = ctx.lifecycles.get(task.lifecycle.id, task.lifecycle.version);
  const t = transitionOf(lifecycle, task.state, e.action);
  if (t === undefined) {
    const allowed = ctx.lifecycles.allowed(lifecycle.id, task.state, lifecycle.version);
    const from = lifecycle.states.find((s) => s.id === task.state)?.label.zh ?? task.state;
    throw new IllegalTransitionError(
      {
        zh: `任务 ${task.id} 处于“${from}”状态，不能执行 ${e.action}${allowed.length ? `（可执行：${allowed.join('、')}）` : '（已办结）'}`,
        en: `task ${task.id} is ${task.state}: ${e.action} is not allowed${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ' (terminal state)'}`,
      },
      {
        path: ['action'],
        details: { taskId: task.id, lifecycle: lifecycle.id, from: task.state, action: e.action, allowed },
      },
    );
  }
  if (t.reasonTable !== undefined) {
    const tables = ctx.codeTables ?? taskCodeTables;
    if (e.reason === undefined)
      fail(
        'invalid_reason',
        `${t.label.zh}须填写原因（${t.reasonTable}）`,
        `${t.action} needs a reason from ${t.reasonTable}`,
        ['reason'],
        { table: t.reasonTable },
      );
    if (!tables.isCode(t.reasonTable, e.reason.code))
      fail(
        'invalid_reason',
        `原因代码 ${e.reason.code} 不在代码表 ${t.reasonTable} 中`,
        `reason ${e.reason.code} is not a code of ${t.reasonTable}`,
        ['reason', 'code'],
        {
          table: t.reasonTable,
          code: e.reason.code,
        },
      );
  }
  if (t.requiresNote && (e.note === undefined || e.note.trim() === ''))
    fail('invalid_event', `${t.label.zh}须填写说明`, `${t.action} needs a note`, ['note'], {
      action: t.action,
    });
  let department = task.department;
  let officer = task.officer;
  if (t.reassigns === 'department') {
    const next = e.to?.department;
    if (next === undefined)
      fail(
        'invalid_event',
        `${t.label.zh}须指定承办部门`,
        `${t.action} needs to.department`,
        ['to', 'department'],
        { action: t.action },
      );
    department = next;
    officer = e.to?.officer;
  } else if (t.reassigns === 'officer') {
    officer = e.to?.officer ?? e.actor.id;
  } else if (e.to?.officer !== undefined) {
    officer = e.to.officer;
  }
  const to = t.to;
  let deadlines: readonly DeadlineState[] = task.deadlines;
  let next: DeadlineState[] | undefined;
  const defs = lifecycle.deadlines;
  for (let i = 0; i < defs.length; i++) {
    const d = defs[i] as LifecycleDeadline;
    const current = task.deadlines.find((x) => x.id === d.id);
    let updated: DeadlineState | undefined = current;
    if (
      d.restartOn.includes(t.action) ||
      (current === undefined && d.start.on === 'entered' && d.start.state === to)
    ) {
      // A task's own due date (its 办理时限 / 承诺履行期限) is a fixed day: a transfer does not move it.
      updated = startClock(d, day, ctx, current?.overridden ? current.due : undefined);
    } else if (current !== undefined && current.met === undefined && !current.cancelled) {
      if (d.metBy.includes(to)) updated = { ...current, met: day };
      else if (d.cancelledBy.includes(to)) updated = { ...current, cancelled: true };
    }
    if (updated !== current && next === undefined) {
      // Copy the deadlines before this one (in definition order), then continue building.
      next = [];
      for (let j = 0; j < i; j++) {
        const prior = task.deadlines.find((x) => x.id === (defs[j] as LifecycleDeadline).id);
        if (prior !== undefined) next.push(prior);
      }
    }
    if (next !== undefined && updated !== undefined) next.push(updated);
  }
  if (next !== undefined) deadlines = next;
  if (inPlace) {
    const m = task as Mutable<TaskState>;
    if (m.entered[to] === undefined) (m.entered as Record<string, string>)[to] = day;
    if (to !== m.state) m.since = day;
    m.state = to;
    m.department = department;
    m.officer = officer;
    m.updated = day;
    m.deadlines = deadlines;
    if (e.reason !== undefined) m.reason = e.reason;
    if (e.note !== undefined) m.note = e.note;
    m.events++;
    if (e.seq !== undefined) m.lastSeq = e.seq;
    m.done = terminalStates(lifecycle).has(to);
    return m;
  }
  return {
    id: task.id,
    kind: task.kind,
    lifecycle: task.lifecycle,
    state: to,
    department,
    officer,
    entity: task.entity,
    title: task.title,
    source: task.source,
    data: task.data,
    created: task.created,
    updated: day,
    since: to === task.state ? task.since : day,
    entered: task.entered[to] === undefined ? { ...task.entered, [to]: day } : task.entered,
    deadlines,
    reason: e.reason ?? task.reason,
    note: e.note ?? task.note,
    events: task.events + 1,
    lastSeq: e.seq ?? task.lastSeq,
    done: terminalStates(lifecycle).has(to),
  };
}

/**
 * Replays a log into task states (重放): the same events always give the same states.
 *
 * @throws the first error any event raises (a log written by a task book never does).
 * @example
 * const tasks = replayTasks(await store.load(), { lifecycles });
 * tasks.get('FXYJ-1')?.state;
 */
export function replayTasks(events: Iterable<ReducibleEvent>, ctx: ReduceContext): Map<string, TaskState> {
  requireIterable(events, ['events']);
  requireContext(ctx);
  const tasks = new Map<string, TaskState>();
  let i = 0;
  for (const e of events) {
    if (!plainEvent(e)) checkEvent(e, ['events', i]);
    i++;
    const current = tasks.get(e.taskId);
    const next = advance(current, e, ctx, true);
    if (next !== current) tasks.set(e.taskId, next);
  }
  return tasks;
}
