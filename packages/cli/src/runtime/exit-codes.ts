/**
 * The exit codes of the `jianguan` command (退出码). Scripts can rely on them.
 *
 * | code | meaning |
 * |---|---|
 * | 0 | ok (成功) |
 * | 1 | findings: the quality check found errors, or a draw record did not verify (发现问题 / 校验未通过) |
 * | 2 | usage error: unknown command or option, missing or malformed argument (用法错误) |
 * | 3 | input error: a file is missing, unreadable or not in the expected shape (输入错误) |
 * | 4 | internal error: a bug in jianguan (内部错误) |
 *
 * @example
 * const code = await runCli(['workday', 'add', '2025-09-30', '2'], io);
 * if (code === ExitCode.Ok) console.log('done');
 */
export const ExitCode = {
  /** Success. 成功。 */
  Ok: 0,
  /** Findings: quality errors found, or verification failed. 发现问题或校验未通过。 */
  Findings: 1,
  /** Usage error: unknown command/option, missing or malformed argument. 用法错误。 */
  Usage: 2,
  /** Input error: file missing, unreadable or malformed. 输入错误。 */
  Input: 3,
  /** Internal error: a bug. 内部错误。 */
  Internal: 4,
} as const;

/**
 * One of the {@link ExitCode} values.
 *
 * @example
 * const code: ExitCodeValue = ExitCode.Usage; // 2
 */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
