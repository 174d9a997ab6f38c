/**
 * Boundary checks for untyped callers (issue #11, total functions): junk becomes a {@link PostgresError}
 * `invalid_input` (or core's `InvalidOptionsError` for an options object) with a field path, instead of a
 * `TypeError` from deep inside.
 */
import {
  EXPECTED,
  type Expected,
  expectedFailure,
  type FieldPath,
  InvalidOptionsError,
  isRecord,
} from '@jianguan/core';
import type { z } from 'zod';
import { PostgresError } from './errors.js';

/** Throws {@link PostgresError} `invalid_input` at `path`: `what` in English and Chinese, and the value. */
export function badArgument(path: FieldPath, what: Expected, value: unknown): never {
  throw new PostgresError('invalid_input', ...expectedFailure(path, what, value));
}

/**
 * An options argument: an object, or `undefined` (the defaults) unless `required`; else core's
 * `InvalidOptionsError`.
 */
export function requireOptions(options: unknown, required = false): void {
  if (!required && options === undefined) return;
  if (!isRecord(options)) throw new InvalidOptionsError(undefined, EXPECTED.object, options);
}

/** `value` is a string. */
export function requireString(value: unknown, path: FieldPath): asserts value is string {
  if (typeof value !== 'string') badArgument(path, EXPECTED.string, value);
}

/** `value` is a zod schema (an object whose `_zod.def.type` is a string). */
export function requireZodType(value: unknown, path: FieldPath): asserts value is z.ZodType {
  const def = (value as { _zod?: { def?: { type?: unknown } } } | null)?._zod?.def;
  if (value === null || typeof value !== 'object' || typeof def?.type !== 'string')
    badArgument(path, { en: 'a zod schema', zh: 'zod 结构定义' }, value);
}
