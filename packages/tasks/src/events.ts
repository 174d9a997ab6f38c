import { createHash } from 'node:crypto';
import { canonicalJson, isCivilDate, toCivilDate } from '@jianguan/core';
import { z } from 'zod';
import { badInput, requireArray, requireObject, requireString } from './boundary.js';
import { TasksError } from './errors.js';
import { civilDateSchema } from './rules.js';

/**
 * The `prev` of the first event of a log: 64 zeros.
 *
 * @example
 * book.events()[0]?.prev === GENESIS_HASH; // true
 */
export const GENESIS_HASH = '0'.repeat(64);

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const actorSchema = z.object({ id: z.string().min(1), department: z.string().min(1).optional() });

const entitySchema = z.object({ uscc: z.string().min(1).optional(), name: z.string().min(1).optional() });

const createSchema = z.object({
  lifecycle: z.string().min(1),
  /** The lifecycle version; a task book fills in the current one before sealing, so a log replays the same. */
  version: z.string().min(1).optional(),
  department: z.string().min(1).optional(),
  officer: z.string().min(1).optional(),
  /** The state to start in; must be the lifecycle's initial state or one of its `entry` states. */
  state: z.string().min(1).optional(),
  entity: entitySchema.optional(),
  title: z.string().optional(),
  /** Where the item came from (system and its id: 预警编号, 任务编号, 工单号, 批次号 …). */
  source: z.object({ system: z.string().min(1), ref: z.string().min(1) }).optional(),
  /** A due date per deadline id that replaces the computed one (the task's own 办理时限). */
  dueDates: z.record(z.string(), civilDateSchema).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

/**
 * The zod schema of {@link TaskEventInput}.
 *
 * @example
 * taskEventInputSchema.safeParse({ taskId: 'c1', action: 'claim', at: '2025-09-30', actor: { id: 'u1' } }).success; // true
 */
export const taskEventInputSchema = z
  .object({
    taskId: z.string().min(1).max(200),
    /** `'create'` or a transition action of the task's lifecycle. */
    action: z.string().regex(/^[a-z][a-z0-9_]*$/, 'an action is snake_case'),
    /** A China civil date `YYYY-MM-DD`, or an instant with its offset (`2025-09-30T09:00:00+08:00`). */
    at: z.string().refine((s) => isCivilDate(s) || (INSTANT.test(s) && !Number.isNaN(Date.parse(s))), {
      message: 'expected YYYY-MM-DD or an ISO instant with offset',
    }),
    actor: actorSchema,
    reason: z.object({ code: z.string().min(1), note: z.string().optional() }).optional(),
    to: z
      .object({ department: z.string().min(1).optional(), officer: z.string().min(1).optional() })
      .optional(),
    note: z.string().optional(),
    data: z.record(z.string(), z.unknown()).optional(),
    task: createSchema.optional(),
  })
  .superRefine((e, ctx) => {
    if (e.action === 'create' && e.task === undefined)
      ctx.addIssue({ code: 'custom', path: ['task'], message: 'a create event needs task' });
    if (e.action !== 'create' && e.task !== undefined)
      ctx.addIssue({ code: 'custom', path: ['task'], message: 'only a create event carries task' });
  });

/**
 * What a caller records (事件输入): who did what to which task, when and why. The log adds `seq`, `prev`
 * and `hash`.
 *
 * @example
 * const e: TaskEventInput = {
 *   taskId: 'FXYJ-1', action: 'return', at: '2025-09-30T10:00:00+08:00',
 *   actor: { id: 'zhang', department: 'scjg' }, reason: { code: '01', note: '属环保职责' },
 * };
 */
export type TaskEventInput = z.input<typeof taskEventInputSchema>;

/**
 * One entry of the append-only log (任务事件): the input, its position `seq` (from 1), the hash of the
 * previous entry and its own SHA-256 over the canonical JSON of everything else.
 *
 * @example
 * const e: TaskEvent = { seq: 1, prev: GENESIS_HASH, hash: '…', taskId: 'c1', action: 'create', at: '2025-09-30', actor: { id: 'u' }, task: { lifecycle: 'risk_clue' } };
 */
export type TaskEvent = z.output<typeof taskEventInputSchema> & {
  readonly seq: number;
  readonly prev: string;
  readonly hash: string;
};

/**
 * `value` as the JSON a store writes and reads back (a `Date` becomes its ISO string, functions and
 * `undefined` members go, non-finite numbers become `null`): the event that is hashed is then exactly the
 * event that is stored, and it shares no object with the caller's input.
 */
function asStoredJson(value: Record<string, unknown>, path: (string | number)[]): Record<string, unknown> {
  try {
    return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  } catch (cause) {
    throw new TasksError(
      'invalid_event',
      {
        zh: `任务事件不合法：${path.join('.')} 须可存为 JSON（不能含 BigInt 或循环引用）`,
        en: `invalid task event: ${path.join('.')} must be storable as JSON (${(cause as Error).message})`,
      },
      { path, cause },
    );
  }
}

/**
 * Validates an event input. The result is a detached copy in its stored JSON form: `data` and `task.data`
 * hold what the store will read back (a `Date` becomes its ISO string), so the hash sealed over it still
 * verifies after a reload, and later changes to the caller's objects do not reach the log.
 *
 * @throws {TasksError} `invalid_event` with the path of the first problem (also for `data` that cannot be
 *   stored as JSON: a `BigInt`, a cycle).
 * @example
 * parseEventInput({ taskId: 'c1', action: 'claim', at: '2025-09-30', actor: { id: 'u1' } });
 */
export function parseEventInput(input: unknown): z.output<typeof taskEventInputSchema> {
  const parsed = taskEventInputSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new TasksError(
      'invalid_event',
      { zh: `任务事件不合法：${first?.message ?? ''}`, en: `invalid task event: ${first?.message ?? ''}` },
      {
        path: (first?.path ?? []) as (string | number)[],
        details: { issues: parsed.error.issues.map((i) => ({ path: i.path, message: i.message })) },
      },
    );
  }
  const event = parsed.data;
  if (event.data !== undefined) event.data = asStoredJson(event.data, ['data']);
  if (event.task?.data !== undefined) event.task.data = asStoredJson(event.task.data, ['task', 'data']);
  return event;
}

/**
 * The China civil date of an event's `at` (Asia/Shanghai, whatever the host time zone).
 *
 * @throws {TasksError} `invalid_input` at `at` unless it is `YYYY-MM-DD` or an ISO instant with its offset
 *   (an instant without one would depend on the host's time zone).
 * @example
 * eventDate('2025-09-30T23:30:00Z'); // '2025-10-01'
 */
export function eventDate(at: string): string {
  requireString(at, ['at']);
  const day = at.slice(0, 10);
  if (isCivilDate(at)) return at;
  // Only an instant with its offset names one moment: without it `Date` would read the host's time zone.
  const ms = INSTANT.test(at) && isCivilDate(day) ? Date.parse(at) : Number.NaN;
  if (Number.isNaN(ms))
    badInput(
      ['at'],
      { en: 'YYYY-MM-DD or an ISO instant with its offset', zh: 'YYYY-MM-DD 或带时区偏移的 ISO 时刻' },
      at,
    );
  return toCivilDate(new Date(ms));
}

/**
 * The SHA-256 (hex) an event carries: over the canonical JSON of the event without its `hash`.
 *
 * @example
 * hashEvent({ seq: 1, prev: GENESIS_HASH, taskId: 'c1', action: 'create', at: '2025-09-30', actor: { id: 'u' } });
 */
export function hashEvent(event: Omit<TaskEvent, 'hash'> | TaskEvent): string {
  requireObject(event, ['event']);
  const { hash: _ignored, ...rest } = event as TaskEvent;
  return createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex');
}

/**
 * Seals an already validated input as the next log entry after `previous` (or as the first entry).
 *
 * @example
 * const first = sealEvent(undefined, parseEventInput(input));
 * first.seq; // 1
 */
export function sealEvent(
  previous: Pick<TaskEvent, 'seq' | 'hash'> | undefined,
  input: z.output<typeof taskEventInputSchema>,
): TaskEvent {
  const body = { ...input, seq: (previous?.seq ?? 0) + 1, prev: previous?.hash ?? GENESIS_HASH };
  return { ...body, hash: hashEvent(body) };
}

/**
 * The outcome of {@link verifyLog}.
 *
 * @example
 * const r: LogVerification = { ok: false, index: 3, reason: 'hash_mismatch' };
 */
export type LogVerification =
  | { readonly ok: true; readonly head: string; readonly count: number }
  | {
      readonly ok: false;
      readonly index: number;
      readonly reason: 'seq_gap' | 'prev_mismatch' | 'hash_mismatch';
    };

/**
 * Checks the hash chain of a log: consecutive `seq` from 1, each `prev` the hash before it, each hash
 * recomputed. Any edit, deletion, insertion or reordering breaks it at the first touched entry.
 *
 * @example
 * const r = verifyLog(events);
 * if (!r.ok) console.error(`log broken at entry ${r.index}: ${r.reason}`);
 */
export function verifyLog(events: readonly TaskEvent[]): LogVerification {
  requireArray(events, ['events']);
  for (let i = 0; i < events.length; i++) requireObject(events[i], ['events', i]);
  return verifyChain(events);
}

/** {@link verifyLog} of a checked list (the task book's own log). @internal */
export function verifyChain(events: readonly TaskEvent[]): LogVerification {
  let prev = GENESIS_HASH;
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as TaskEvent;
    if (e.seq !== i + 1) return { ok: false, index: i, reason: 'seq_gap' };
    if (e.prev !== prev) return { ok: false, index: i, reason: 'prev_mismatch' };
    if (hashEvent(e) !== e.hash) return { ok: false, index: i, reason: 'hash_mismatch' };
    prev = e.hash;
  }
  return { ok: true, head: prev, count: events.length };
}
