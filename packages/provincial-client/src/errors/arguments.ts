/**
 * Boundary checks of the package's public functions (internal): each returns the checked value or throws a
 * {@link ClientOptionsError} (`invalid_options`) naming the argument's path, what it must be (zh/en) and what it
 * was, so junk from an untyped caller never surfaces as a `TypeError` from deep inside.
 */
import type { Expected, FieldPath } from '@jianguan/core';
import { describeValue, EXPECTED, isRecord } from '@jianguan/core';
import { ClientOptionsError } from './errors.js';

/** What an argument must be, in both languages (core's {@link Expected}). */
export type { Expected };

/**
 * The error for argument `path` that is not `expected`.
 *
 * @example
 * throw invalidArgument(['appKey'], { zh: '非空字符串', en: 'a non-empty string' }, 1);
 */
export function invalidArgument(path: FieldPath, expected: Expected, actual: unknown): ClientOptionsError {
  return ClientOptionsError.expected(path, expected, actual);
}

const { string: STRING, nonEmptyString: NON_EMPTY } = EXPECTED;

/**
 * `value` when it is a string (`nonEmpty`: and not empty).
 *
 * @example
 * const key = stringArgument(input, ['appKey'], true);
 */
export function stringArgument(value: unknown, path: FieldPath, nonEmpty = false): string {
  if (typeof value !== 'string' || (nonEmpty && value === '')) {
    throw invalidArgument(path, nonEmpty ? NON_EMPTY : STRING, value);
  }
  return value;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * `value` when it is a file-system path: a non-empty, well-formed string without NUL.
 *
 * @example
 * const file = pathArgument(input, ['path']);
 */
export function pathArgument(value: unknown, path: FieldPath): string {
  if (typeof value !== 'string' || value === '' || value.includes('\0') || LONE_SURROGATE.test(value)) {
    throw invalidArgument(
      path,
      { zh: '文件路径（非空、无 NUL 的字符串）', en: 'a file path (a non-empty string without NUL)' },
      value,
    );
  }
  return value;
}

/**
 * `value` when it is a finite number.
 *
 * @example
 * const now = finiteArgument(input, ['timestampMs']);
 */
export function finiteArgument(value: unknown, path: FieldPath): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalidArgument(path, EXPECTED.finiteNumber, value);
  }
  return value;
}

/**
 * `value` when it is a non-null, non-array object (`undefined` is `{}` when `optional`).
 *
 * @example
 * const options = objectArgument(input, ['options'], true);
 */
export function objectArgument(value: unknown, path: FieldPath, optional = false): Record<string, unknown> {
  if (optional && value === undefined) return {};
  if (!isRecord(value)) throw invalidArgument(path, EXPECTED.object, value);
  return value;
}

/**
 * `value` when it is an array of strings.
 *
 * @example
 * const hashes = stringsArgument(input, ['hashes']);
 */
export function stringsArgument(value: unknown, path: FieldPath): readonly string[] {
  if (!Array.isArray(value))
    throw invalidArgument(path, { zh: '字符串数组', en: 'an array of strings' }, value);
  for (let i = 0; i < value.length; i++) stringArgument(value[i], [...path, i]);
  return value as string[];
}

/**
 * The error for a file-system path that cannot be used (a missing directory, a directory where a file is
 * expected, no permission): the system error's code is in `details.code`.
 *
 * @example
 * throw unusablePath(['path'], path, error);
 */
export function unusablePath(path: FieldPath, value: string, error: unknown): ClientOptionsError {
  const code = String((error as { code?: unknown } | null)?.code ?? 'unknown');
  return new ClientOptionsError(
    {
      zh: `无法使用路径 ${describeValue(value)}（${code}）`,
      en: `cannot use the path ${describeValue(value)} (${code})`,
    },
    { code, value },
    path,
  );
}
