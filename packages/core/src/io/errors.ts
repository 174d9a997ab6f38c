import { JianguanError, type JianguanErrorOptions, type LocalizedMessage } from '../errors/jianguan-error.js';

/** Stable codes of {@link InputFileError}. */
export type InputFileErrorCode =
  | 'invalid_encoding'
  | 'invalid_csv'
  | 'invalid_json'
  | 'unsupported_file_type'
  | 'invalid_source';

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
