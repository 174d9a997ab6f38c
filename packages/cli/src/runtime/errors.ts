import type { JianguanErrorOptions, LocalizedMessage } from '@jianguan/core';
import { JianguanError } from '@jianguan/core';
import type { ExitCodeValue } from './exit-codes.js';
import { ExitCode } from './exit-codes.js';

/**
 * An error the `jianguan` command reports to its user (命令行错误): a bilingual message and the exit code
 * it ends with. Usage errors exit 2, input errors 3.
 *
 * @example
 * throw new CliError('file_not_found', { zh: '找不到文件：a.csv', en: 'file not found: a.csv' }, ExitCode.Input);
 */
export class CliError extends JianguanError {
  override readonly name = 'CliError' as const;
  /** The process exit code this error ends the command with. */
  readonly exitCode: ExitCodeValue;
  /** An optional next step for the user, e.g. "run `jianguan draw --help`". */
  readonly hint: LocalizedMessage | undefined;

  constructor(
    code: string,
    messages: LocalizedMessage,
    exitCode: ExitCodeValue,
    options: JianguanErrorOptions & { readonly hint?: LocalizedMessage } = {},
  ) {
    super(code, messages, options);
    this.exitCode = exitCode;
    this.hint = options.hint;
  }
}

/** A usage error (exit 2). */
export function usageError(
  code: string,
  messages: LocalizedMessage,
  options: JianguanErrorOptions & { readonly hint?: LocalizedMessage } = {},
): CliError {
  return new CliError(code, messages, ExitCode.Usage, options);
}

/** An input error (exit 3). */
export function inputError(
  code: string,
  messages: LocalizedMessage,
  options: JianguanErrorOptions & { readonly hint?: LocalizedMessage } = {},
): CliError {
  return new CliError(code, messages, ExitCode.Input, options);
}
