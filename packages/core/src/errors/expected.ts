import { describeValue } from './describe.js';
import type { FieldPath, JianguanErrorOptions, LocalizedMessage } from './jianguan-error.js';

/**
 * What a value must be (期望的取值), in both languages, for a boundary-check message: `en` reads after
 * "must be", `zh` after "应为".
 *
 * @example
 * const positive: Expected = { en: 'a positive number', zh: '正数' };
 */
export interface Expected {
  readonly en: string;
  readonly zh: string;
}

/**
 * The common {@link Expected} descriptors (常用期望类型): one definition for every package's boundary checks.
 *
 * @example
 * EXPECTED.object.en; // 'an object'
 * EXPECTED.string.zh; // '字符串'
 */
export const EXPECTED = Object.freeze({
  object: Object.freeze({ en: 'an object', zh: '对象' }),
  array: Object.freeze({ en: 'an array', zh: '数组' }),
  string: Object.freeze({ en: 'a string', zh: '字符串' }),
  nonEmptyString: Object.freeze({ en: 'a non-empty string', zh: '非空字符串' }),
  number: Object.freeze({ en: 'a number', zh: '数字' }),
  finiteNumber: Object.freeze({ en: 'a finite number', zh: '有限数值' }),
  boolean: Object.freeze({ en: 'a boolean', zh: '布尔值' }),
  function: Object.freeze({ en: 'a function', zh: '函数' }),
} as const satisfies Readonly<Record<string, Expected>>);

/**
 * Whether `value` is a record (记录对象): a non-null object that is not an array. The type guard behind every
 * "must be an object" boundary check; allocates nothing.
 *
 * @example
 * isRecord({ a: 1 }); // true
 * isRecord([1]); // false
 * isRecord(null); // false
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** How {@link expectedMessage} names the place: the label of the empty path and a Chinese lead word. */
export interface ExpectedMessageOptions {
  /** The label when `path` is empty (default `'input'`). */
  readonly root?: string;
  /** Put before the Chinese label, e.g. `'参数 '` or `'选项 '` (default none). */
  readonly zhLead?: string;
}

/** A path segment as text: strings and numbers as they are, anything else (from an untyped caller) described. */
function segment(part: unknown): string {
  return typeof part === 'string' || typeof part === 'number' ? String(part) : describeValue(part);
}

/** `text` when it is a string, else `fallback` (an untyped caller's descriptor or options). */
function text(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

/**
 * The bilingual "`path` must be `expected`, not `actual`" message (期望值错误信息) of a boundary check:
 * `path` joined with dots (`root` when empty), `actual` rendered with {@link describeValue}. Never throws, like
 * `describeValue`; called only when a check fails, so the success path allocates nothing.
 *
 * @example
 * expectedMessage(['options', 'seed'], EXPECTED.string, 1).en; // 'options.seed must be a string, not 1'
 * expectedMessage([], EXPECTED.object, null).zh; // 'input 应为对象，实际为 null'
 */
export function expectedMessage(
  path: FieldPath,
  expected: Expected,
  actual: unknown,
  options?: ExpectedMessageOptions,
): LocalizedMessage {
  const o: Partial<ExpectedMessageOptions> = isRecord(options) ? options : {};
  const root = text(o.root, 'input');
  const where = Array.isArray(path) && path.length > 0 ? path.map(segment).join('.') : root;
  const e: Partial<Expected> = isRecord(expected) ? expected : {};
  const value = describeValue(actual);
  return {
    zh: `${text(o.zhLead, '')}${where} 应为${text(e.zh, '有效值')}，实际为 ${value}`,
    en: `${where} must be ${text(e.en, 'a valid value')}, not ${value}`,
  };
}

/**
 * The message and the options of a boundary-check error (期望值错误), to spread into a {@link JianguanError}
 * subclass: {@link expectedMessage}, the field path and `details.value` (the value rendered with
 * {@link describeValue}). Never throws.
 *
 * @example
 * const [message, options] = expectedFailure(['seed'], EXPECTED.string, 1);
 * message.en; // 'seed must be a string, not 1'
 * options.details; // { value: '1' }
 * // throw new JianguanError('invalid_input', ...expectedFailure(path, expected, value));
 */
export function expectedFailure(
  path: FieldPath,
  expected: Expected,
  actual: unknown,
): readonly [LocalizedMessage, JianguanErrorOptions] {
  return [
    expectedMessage(path, expected, actual),
    { path: Array.isArray(path) ? path : [], details: { value: describeValue(actual) } },
  ];
}
