/**
 * Boundary checks of the sandbox's public functions (internal): the checked value, or a `ClientOptionsError`
 * (`invalid_options`) naming the argument's path, what it must be (zh/en) and what it was.
 */
import type { Expected, FieldPath } from '@jianguan/core';
import { EXPECTED, isRecord } from '@jianguan/core';
import { ClientOptionsError } from '@jianguan/provincial-client';

/** What an argument must be, in both languages (core's {@link Expected}). */
export type { Expected };

/**
 * The error for argument `path` that is not `expected`.
 *
 * @example
 * throw invalid(['options', 'seed'], { zh: '字符串', en: 'a string' }, 1);
 */
export function invalid(path: FieldPath, expected: Expected, actual: unknown): ClientOptionsError {
  return ClientOptionsError.expected(path, expected, actual);
}

/**
 * `value` when it is a non-null, non-array object (`undefined` is `{}` when `optional`).
 *
 * @example
 * const o = objectArg(options, ['options'], true);
 */
export function objectArg(value: unknown, path: FieldPath, optional = false): Record<string, unknown> {
  if (optional && value === undefined) return {};
  if (!isRecord(value)) throw invalid(path, EXPECTED.object, value);
  return value;
}

/**
 * `value` when it is a string (or `undefined` when `optional`).
 *
 * @example
 * stringArg(options.seed, ['options', 'seed'], true);
 */
export function stringArg(value: unknown, path: FieldPath, optional = false): string | undefined {
  if (optional && value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(path, EXPECTED.string, value);
  return value;
}

/**
 * `value` when it is a function (or `undefined` when `optional`).
 *
 * @example
 * functionArg(options.now, ['options', 'now'], true);
 */
export function functionArg(value: unknown, path: FieldPath, optional = false): void {
  if (optional && value === undefined) return;
  if (typeof value !== 'function') throw invalid(path, EXPECTED.function, value);
}

/** The largest count the synthetic generators make in one call. */
export const MAX_SYNTHETIC_COUNT = 1_000_000;

/**
 * The common arguments of the synthetic generators: a string seed, a count 0–{@link MAX_SYNTHETIC_COUNT} and an
 * optional options object.
 *
 * @example
 * const options = syntheticArgs(seed, count, options);
 */
export function syntheticArgs(seed: unknown, count: unknown, options: unknown): Record<string, unknown> {
  stringArg(seed, ['seed']);
  if (!Number.isSafeInteger(count) || (count as number) < 0 || (count as number) > MAX_SYNTHETIC_COUNT) {
    throw invalid(
      ['count'],
      { zh: `0–${MAX_SYNTHETIC_COUNT} 的整数`, en: `an integer 0–${MAX_SYNTHETIC_COUNT}` },
      count,
    );
  }
  return objectArg(options, ['options'], true);
}

/**
 * Whether `value` looks like a running sandbox (a `startSandbox` result): checked before a harvester uses it.
 *
 * @example
 * sandboxArg(sandbox, ['sandbox']);
 */
export function sandboxArg(value: unknown, path: FieldPath): void {
  const s = objectArg(value, path);
  if (typeof s.ingest !== 'function' || s.state === null || typeof s.state !== 'object') {
    throw invalid(path, { zh: 'startSandbox 返回的沙箱', en: 'a sandbox returned by startSandbox' }, value);
  }
}
