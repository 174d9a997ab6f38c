/**
 * Boundary checks for untyped callers (issue #11, total functions): junk becomes a {@link SamplingInputError}
 * with a field path instead of a `TypeError` from deep inside. Validation of a task, rule set or record is
 * cached per object, so repeated calls with the same inputs stay cheap.
 */
import { EXPECTED, type Expected, expectedFailure, type FieldPath, isRecord } from '@jianguan/core';
import { SamplingInputError } from './errors.js';
import { spotCheckTaskSchema } from './plan/types.js';
import { shapeMismatches } from './record/verify.js';
import { samplingRulesSchema } from './rules/sampling-rules.js';

/** Throws {@link SamplingInputError} `code` at `path`: `what` in English and Chinese, and the value. */
export function badInput(code: string, path: FieldPath, what: Expected, value: unknown): never {
  throw new SamplingInputError(code, ...expectedFailure(path, what, value));
}

export const { object: OBJECT, array: ARRAY, string: STRING } = EXPECTED;

/** An options argument: an object (the defaults are `{}`). */
export function requireOptions(options: unknown, path: FieldPath = ['options']): void {
  if (!isRecord(options)) badInput('invalid_options', path, OBJECT, options);
}

/** A spot-check task (validated with its schema on every call: a caller may edit it between calls). */
export function requireTask(task: unknown, path: FieldPath = ['task']): void {
  const r = spotCheckTaskSchema.safeParse(task);
  if (r.success) return;
  const issue = r.error.issues[0]!;
  throw new SamplingInputError(
    'invalid_task',
    { zh: `抽查任务定义无效：${issue.message}`, en: `invalid task: ${issue.message}` },
    { path: [...path, ...(issue.path as (string | number)[])] },
  );
}

/** A sampling rule set (validated with its schema on every call: a caller may edit it between calls). */
export function requireRules(rules: unknown, path: FieldPath = ['rules']): void {
  const r = samplingRulesSchema.safeParse(rules);
  if (r.success) return;
  const issue = r.error.issues[0]!;
  throw new SamplingInputError(
    'invalid_rules',
    { zh: `抽查规则无效：${issue.message}`, en: `invalid sampling rules: ${issue.message}` },
    { path: [...path, ...(issue.path as (string | number)[])] },
  );
}

/** A draw record of the right structure (the checks of `verifyDraw`'s `format` mismatches) and a valid task. */
export function requireDrawRecord(record: unknown, path: FieldPath = ['record']): void {
  const [first] = shapeMismatches(record);
  if (first !== undefined)
    throw new SamplingInputError('invalid_record', first.message, { path: [...path, ...first.path] });
  requireTask((record as { task: unknown }).task, [...path, 'task']);
}

/** `Array.isArray` without narrowing the caller's typed parameter. */
export function isList(value: unknown): boolean {
  return Array.isArray(value);
}
