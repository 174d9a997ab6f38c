/**
 * Boundary checks for untyped callers (issue #11, total functions): junk becomes a {@link TasksError}
 * `invalid_input` with a field path instead of a `TypeError` from deep inside. Shapes are checked as far as the
 * function reads them (zod for nested data, plain checks on hot paths); the task book, which validates every
 * event when it is written, calls the unchecked internals.
 */
import type { Expected, FieldPath } from '@jianguan/core';
import {
  EXPECTED,
  expectedFailure,
  isCivilDate,
  isRecord,
  localizeZodIssue,
  zodIssuePath,
} from '@jianguan/core';
import { z } from 'zod';
import { TasksError } from './errors.js';

/** Throws {@link TasksError} `invalid_input` at `path`: `what` in English and Chinese, and the value. */
export function badInput(path: FieldPath, what: Expected, value: unknown): never {
  throw new TasksError('invalid_input', ...expectedFailure(path, what, value));
}

export const { object: OBJECT, string: STRING } = EXPECTED;

/** What a China civil date argument must be. */
export const CIVIL_DATE: Expected = { en: 'a civil date YYYY-MM-DD', zh: '日期 YYYY-MM-DD' };

/** `value` is a valid China civil date `YYYY-MM-DD`. */
export function requireCivilDate(value: unknown, path: FieldPath): asserts value is string {
  if (typeof value !== 'string' || !isCivilDate(value)) badInput(path, CIVIL_DATE, value);
}

/** `value` is an object (arrays excluded). */
export function requireObject(value: unknown, path: FieldPath): asserts value is Record<string, unknown> {
  if (!isRecord(value)) badInput(path, OBJECT, value);
}

/** {@link requireObject} without narrowing the caller's typed parameter. */
export function checkObject(value: unknown, path: FieldPath): void {
  if (!isRecord(value)) badInput(path, OBJECT, value);
}

/** `value` is a string. */
export function requireString(value: unknown, path: FieldPath): asserts value is string {
  if (typeof value !== 'string') badInput(path, STRING, value);
}

/** `value` is an array. */
export function requireArray(value: unknown, path: FieldPath): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) badInput(path, EXPECTED.array, value);
}

/** `value` is iterable (an array, a Set, a generator …; a string is not a list of records). */
export function requireIterable(value: unknown, path: FieldPath): asserts value is Iterable<unknown> {
  if (
    value === null ||
    typeof value !== 'object' ||
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function'
  )
    badInput(path, { en: 'an iterable (array)', zh: '可迭代对象（数组）' }, value);
}

/** `value` is an object with the named methods. */
export function requireMethods(
  value: unknown,
  path: FieldPath,
  methods: readonly string[],
  what: Expected,
): void {
  if (
    value === null ||
    typeof value !== 'object' ||
    methods.some((m) => typeof (value as Record<string, unknown>)[m] !== 'function')
  )
    badInput(path, what, value);
}

/**
 * `value` matches `schema` (returned parsed, defaults filled in); else `invalid_input` at `path` plus the issue's
 * path, with core's zod message.
 */
export function requireShape<T>(schema: z.ZodType<T>, value: unknown, path: FieldPath): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const at = [...path, ...zodIssuePath(issue)];
  const text = localizeZodIssue(issue);
  throw new TasksError(
    'invalid_input',
    { zh: `${at.join('.') || '输入'}：${text.zh}`, en: `${at.join('.') || 'input'}: ${text.en}` },
    { path: at },
  );
}

/** A function (a callback option). */
export const functionShape = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', {
  message: 'expected a function (须为函数)',
});

/** An object with a `has` method (a Set of task ids, or anything like it). */
export const hasShape = z.custom<{ has(id: string): boolean }>(
  (v) => v !== null && typeof v === 'object' && typeof (v as { has?: unknown }).has === 'function',
  { message: 'expected a Set or an object with has() (须为 Set 或带 has() 的对象)' },
);

/** The actor of an event. */
export const actorShape = z.looseObject({ id: z.string(), department: z.string().optional() });

const text = z.string();

/** A task's state (from `reduceTask`, `replayTasks` or a task book, possibly through JSON) as the exports read it. */
export const taskStateShape = z.looseObject({
  id: text,
  kind: text,
  lifecycle: z.looseObject({ id: text, version: text }),
  state: text,
  department: text.optional(),
  officer: text.optional(),
  entity: z.looseObject({ uscc: text.optional(), name: text.optional() }).optional(),
  title: text.optional(),
  source: z.looseObject({ system: text, ref: text }).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  created: text,
  updated: text,
  since: text,
  entered: z.record(z.string(), text),
  deadlines: z.array(
    z.looseObject({
      id: text,
      start: text,
      due: text,
      met: text.optional(),
      cancelled: z.boolean(),
      overridden: z.boolean(),
    }),
  ),
  reason: z.looseObject({ code: text, note: text.optional() }).optional(),
  note: text.optional(),
  events: z.number(),
  lastSeq: z.number(),
  done: z.boolean(),
});

const record = isRecord;

const optionalText = (value: unknown): boolean => value === undefined || typeof value === 'string';

/**
 * Whether `t` is a well-formed task state as the due lists, timeliness and KPI facts read it: the fast path,
 * allocating nothing, run on every task (a task book's due list stays as fast).
 */
export function plainTaskState(t: unknown): boolean {
  if (!record(t)) return false;
  const { lifecycle, deadlines, entered, entity, data } = t;
  if (
    typeof t.id !== 'string' ||
    typeof t.kind !== 'string' ||
    typeof t.state !== 'string' ||
    typeof t.done !== 'boolean' ||
    !optionalText(t.department) ||
    !optionalText(t.officer) ||
    !record(lifecycle) ||
    typeof lifecycle.id !== 'string' ||
    typeof lifecycle.version !== 'string' ||
    !record(entered) ||
    (entity !== undefined && !record(entity)) ||
    (data !== undefined && !record(data)) ||
    !Array.isArray(deadlines)
  )
    return false;
  for (const d of deadlines)
    if (
      !record(d) ||
      typeof d.id !== 'string' ||
      typeof d.start !== 'string' ||
      typeof d.due !== 'string' ||
      !optionalText(d.met) ||
      typeof d.cancelled !== 'boolean'
    )
      return false;
  return true;
}

/** A task state: checked on a fast path; on failure {@link taskStateShape} finds the field at fault. */
export function requireTaskState(value: unknown, path: FieldPath): void {
  if (plainTaskState(value)) return;
  requireShape(taskStateShape, value, path);
}

const REGISTRY = { en: 'a lifecycle registry', zh: '生命周期登记表' } as const;

/** A lifecycle registry (from `createLifecycleRegistry`). */
export function requireRegistry(value: unknown, path: FieldPath): void {
  requireMethods(value, path, ['get', 'has', 'transition', 'allowed'], REGISTRY);
}

/** A reduce context: `lifecycles`, and optional `codeTables` and `calendar`. */
export function requireContext(ctx: unknown, path: FieldPath = ['ctx']): void {
  requireObject(ctx, path);
  requireRegistry(ctx.lifecycles, [...path, 'lifecycles']);
  if (ctx.codeTables !== undefined)
    requireMethods(ctx.codeTables, [...path, 'codeTables'], ['isCode'], {
      en: 'a code-table registry',
      zh: '代码表登记表',
    });
  if (ctx.calendar !== undefined)
    requireMethods(ctx.calendar, [...path, 'calendar'], ['addWorkdaysToDayNumber'], {
      en: 'a workday calendar',
      zh: '工作日日历',
    });
}
