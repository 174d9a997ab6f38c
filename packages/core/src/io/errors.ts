import { JianguanError, type JianguanErrorOptions, type LocalizedMessage } from '../errors/jianguan-error.js';

/** Stable codes of {@link InputFileError}. */
export type InputFileErrorCode =
  | 'invalid_encoding'
  | 'invalid_csv'
  | 'invalid_json'
  | 'unsupported_file_type'
  | 'invalid_source'
  | 'unreadable_file';

/**
 * A problem reading an input file (输入文件错误), with the 1-based physical line it was found on.
 *
 * @example
 * try {
 *   for await (const item of readJsonl('batch.jsonl')) use(item.record);
 * } catch (error) {
 *   if (error instanceof InputFileError) console.log(error.line, error.messages.zh);
 * }
 */
export class InputFileError extends JianguanError {
  override readonly name = 'InputFileError' as const;
  declare readonly code: InputFileErrorCode;
  /** The 1-based physical line of the file where the problem starts, when known. */
  readonly line: number | undefined;

  constructor(
    code: InputFileErrorCode,
    messages: LocalizedMessage,
    options: JianguanErrorOptions & { readonly line?: number } = {},
  ) {
    const { line, ...rest } = options;
    super(code, messages, {
      ...rest,
      details: { ...(rest.details ?? {}), ...(line === undefined ? {} : { line }) },
    });
    this.line = line;
  }
}

/**
 * @internal The options of a reader from an untyped caller: `undefined`/`null` mean the defaults; anything
 * else that is not an object is an `invalid_source` error.
 */
export function readerOptions(options: unknown): Readonly<Record<string, unknown>> {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new InputFileError(
      'invalid_source',
      { zh: '读取选项必须是对象', en: 'the reader options must be an object' },
      { path: ['options'] },
    );
  }
  return options as Readonly<Record<string, unknown>>;
}
