/**
 * `@jianguan/cli` — the `jianguan` command (互联网+监管 命令行工具): quality checks (质检), working days
 * (工作日), credit grading (信用分级), spot-check draws and their verification (双随机抽取与复核),
 * KPI scorecards (考核计分) and the provincial sandbox (省级平台沙箱).
 *
 * The library part exposes {@link runCli} so the command can be run and tested in-process.
 *
 * @packageDocumentation
 */

export { runCli } from './cli.js';
export { CliError } from './runtime/errors.js';
export type { ExitCodeValue } from './runtime/exit-codes.js';
export { ExitCode } from './runtime/exit-codes.js';
export type { CliIo, CliStream } from './runtime/io.js';
