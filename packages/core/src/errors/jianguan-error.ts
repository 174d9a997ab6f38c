/**
 * A message in both languages the SDK speaks: Chinese for officers and auditors, English for developers.
 *
 * @example
 * const message: LocalizedMessage = { zh: '校验位错误', en: 'check digit mismatch' };
 */
export interface LocalizedMessage {
  readonly zh: string;
  readonly en: string;
}

/**
 * A path into the caller's input (字段路径), as zod and JSON Pointer use it.
 *
 * @example
 * const path: FieldPath = ['records', 3, 'adminCounterpartCertNo'];
 */
export type FieldPath = readonly (string | number)[];

/**
 * Options shared by every jianguan error.
 *
 * @example
 * const options: JianguanErrorOptions = { path: ['uscc'], cause: new Error('x') };
 */
export interface JianguanErrorOptions {
  /** Where in the caller's input the problem is; `[]` for the whole value. */
  readonly path?: FieldPath;
  /** Extra structured facts (the bad value, the expected length, …). */
  readonly details?: Readonly<Record<string, unknown>>;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/**
 * The base of every error the SDK throws (错误基类): a stable snake_case `code`, the field `path`,
 * and the message in Chinese and English. `message` is `"<en> (<zh>)"` so logs show both.
 *
 * Subclasses set a literal `name`; use {@link isJianguanError} to test across realms and bundles.
 *
 * @example
 * try {
 *   uscc.validate('91330100799655058A');
 * } catch (error) {
 *   if (isJianguanError(error)) console.log(error.code, error.path, error.messages.zh);
 * }
 */
export class JianguanError extends Error {
  override readonly name: string = 'JianguanError';
  /** A stable machine-readable code in snake_case, e.g. `invalid_checksum`. */
  readonly code: string;
  /** Where in the input the problem is. */
  readonly path: FieldPath;
  /** The message in Chinese and English. */
  readonly messages: LocalizedMessage;
  /** Extra structured facts about the failure. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: string, messages: LocalizedMessage, options: JianguanErrorOptions = {}) {
    super(
      `${messages.en} (${messages.zh})`,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.code = code;
    this.messages = messages;
    this.path = options.path ?? [];
    this.details = options.details ?? {};
  }

  /** A plain JSON form, for logs and API responses. */
  toJSON(): {
    name: string;
    code: string;
    path: FieldPath;
    message: string;
    messages: LocalizedMessage;
    details: Readonly<Record<string, unknown>>;
  } {
    return {
      name: this.name,
      code: this.code,
      path: this.path,
      message: this.message,
      messages: this.messages,
      details: this.details,
    };
  }
}

/**
 * Whether `value` is a jianguan error, also when it comes from another copy of the package.
 *
 * @example
 * isJianguanError(new JianguanError('x', { zh: '错', en: 'bad' })); // true
 * isJianguanError(new Error('x')); // false
 */
export function isJianguanError(value: unknown): value is JianguanError {
  return (
    value instanceof JianguanError ||
    (value instanceof Error &&
      typeof (value as { code?: unknown }).code === 'string' &&
      typeof (value as { messages?: { zh?: unknown } }).messages?.zh === 'string' &&
      Array.isArray((value as { path?: unknown }).path))
  );
}
