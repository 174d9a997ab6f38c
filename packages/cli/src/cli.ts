import { describeValue, isJianguanError } from '@jianguan/core';
import type { CommandEntry } from './commands/registry.js';
import { commands } from './commands/registry.js';
import type { CommandContext } from './runtime/args.js';
import { closest, EXIT_CODE_LINES, helpHeading, parseCommandArgs, renderHelp } from './runtime/args.js';
import { CliError, usageError } from './runtime/errors.js';
import type { ExitCodeValue } from './runtime/exit-codes.js';
import { ExitCode } from './runtime/exit-codes.js';
import type { CliIo } from './runtime/io.js';
import { writeJson, writeLine } from './runtime/io.js';
import { createProgress } from './runtime/progress.js';
import { cliVersion } from './runtime/version.js';

/**
 * Run the `jianguan` command in-process (运行命令行): `argv` are the arguments after `jianguan`.
 * Nothing is printed outside `io.stdout`/`io.stderr` and the process is never exited; the exit code
 * is returned (0 ok, 1 findings, 2 usage error, 3 input error, 4 internal error — see {@link ExitCode}).
 *
 * @example
 * const out: string[] = [];
 * const code = await runCli(['workday', 'add', '2025-09-30', '2'], {
 *   stdout: { write: (s) => out.push(s) },
 *   stderr: process.stderr,
 *   cwd: process.cwd(),
 *   env: process.env,
 * });
 * // code === 0, out.join('') === '2025-10-10\n'
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCodeValue> {
  checkArguments(argv, io);
  const json = argv.includes('--json');
  const [name, ...rest] = argv;
  try {
    if (name === undefined) {
      io.stderr.write(topLevelHelp());
      return ExitCode.Usage;
    }
    if (name === '--help' || name === '-h') {
      io.stdout.write(topLevelHelp());
      return ExitCode.Ok;
    }
    if (name === '--version' || name === '-v') {
      if (json) writeJson(io.stdout, { version: cliVersion() });
      else writeLine(io.stdout, cliVersion());
      return ExitCode.Ok;
    }
    if (name === 'help') {
      const target = rest[0];
      if (target === undefined) {
        io.stdout.write(topLevelHelp());
        return ExitCode.Ok;
      }
      io.stdout.write(renderHelp(await findCommand(target).load()));
      return ExitCode.Ok;
    }
    const command = await findCommand(name).load();
    const { values, positionals } =
      command.rawArgs === true
        ? { values: { json }, positionals: rest.filter((a) => a !== '--json') }
        : parseCommandArgs(command, rest);
    if (values.help === true) {
      io.stdout.write(renderHelp(command));
      return ExitCode.Ok;
    }
    const context: CommandContext = {
      io,
      positionals,
      values,
      json: values.json === true,
      progress: (label, total) => createProgress(io.stderr, label, total),
    };
    return await command.run(context);
  } catch (error) {
    return report(io, json, error);
  }
}

function findCommand(name: string): CommandEntry {
  const command = commands.find((c) => c.name === name);
  if (command) return command;
  const suggestion = name.startsWith('-')
    ? undefined
    : closest(
        name,
        commands.map((c) => c.name),
      );
  throw usageError(
    name.startsWith('-') ? 'unknown_option' : 'unknown_command',
    name.startsWith('-')
      ? { zh: `未知选项：${name}`, en: `unknown option: ${name}` }
      : {
          zh: `未知命令：“${name}”${suggestion ? `（是否想用 \`jianguan ${suggestion}\`？）` : ''}`,
          en: `unknown command: "${name}"${suggestion ? ` (did you mean \`jianguan ${suggestion}\`?)` : ''}`,
        },
    {
      details: { command: name },
      hint: { zh: '运行 `jianguan --help` 查看所有命令', en: 'run `jianguan --help` to list the commands' },
    },
  );
}

function report(io: CliIo, json: boolean, error: unknown): ExitCodeValue {
  let exitCode: ExitCodeValue = ExitCode.Internal;
  let code = 'internal_error';
  let messages = { zh: '内部错误', en: 'internal error' };
  let hint: { zh: string; en: string } | undefined;
  let details: Readonly<Record<string, unknown>> = {};
  if (error instanceof CliError) {
    exitCode = error.exitCode;
    code = error.code;
    messages = { ...error.messages };
    hint = error.hint;
    details = error.details;
  } else if (isJianguanError(error)) {
    // Errors from the SDK packages are about the user's input (a year outside the calendar, a bad rule set, …).
    exitCode = ExitCode.Input;
    code = error.code;
    messages = { ...error.messages };
    details = error.details;
  } else {
    const text = error instanceof Error ? error.message : String(error);
    // The runtime's own message is English: it goes on the English line only.
    messages = { zh: '内部错误（原始信息见下一行）', en: `internal error: ${text}` };
    hint = {
      zh: '这是 jianguan 的缺陷，请附上命令报告问题',
      en: 'this is a bug in jianguan; please report it with the command line',
    };
  }
  // One language per line, Chinese first.
  writeLine(io.stderr, `jianguan: 错误：${messages.zh}`);
  writeLine(io.stderr, `jianguan: error: ${messages.en}`);
  if (hint) {
    writeLine(io.stderr, `  提示：${hint.zh}`);
    writeLine(io.stderr, `  hint: ${hint.en}`);
  }
  if (exitCode === ExitCode.Internal && error instanceof Error && io.env.JIANGUAN_DEBUG) {
    writeLine(io.stderr, error.stack ?? '');
  }
  if (json) {
    writeJson(io.stdout, { ok: false, exitCode, error: { code, message: messages, details } });
  }
  return exitCode;
}

function topLevelHelp(): string {
  // One language per line: Chinese first, then English (the commands' summaries likewise).
  const width = Math.max(...commands.map((c) => c.name.length));
  const rows = commands.flatMap((c) => [
    `  ${c.name.padEnd(width)}  ${c.summary.zh}`,
    `  ${' '.repeat(width)}  ${c.summary.en}`,
  ]);
  return `${[
    `jianguan ${cliVersion()}：互联网+监管 命令行工具`,
    `jianguan ${cliVersion()}: the Internet + Regulation toolkit on the command line`,
    '',
    ...helpHeading('用法', 'Usage'),
    '  jianguan <command> [options]',
    '',
    ...helpHeading('命令', 'Commands'),
    ...rows,
    '',
    '每个命令都接受 --json（机器可读输出）和 --help（帮助）；运行 `jianguan <命令> --help` 查看其选项和示例。',
    'Every command takes --json (machine output) and --help; run `jianguan <command> --help` for its options and examples.',
    '',
    ...EXIT_CODE_LINES,
  ].join('\n')}\n`;
}

/** `runCli` from an untyped caller: no stream to report to, so a bad `argv` or `io` is a thrown usage error. */
function checkArguments(argv: unknown, io: unknown): void {
  if (!Array.isArray(argv) || argv.some((a) => typeof a !== 'string'))
    throw usageError(
      'invalid_arguments',
      {
        zh: `\`argv\` 应为字符串数组，实际为 ${describeValue(argv)}`,
        en: `argv must be an array of strings, not ${describeValue(argv)}`,
      },
      { path: ['argv'] },
    );
  const streams = io as { stdout?: { write?: unknown }; stderr?: { write?: unknown } } | null;
  if (
    streams === null ||
    typeof streams !== 'object' ||
    typeof streams.stdout?.write !== 'function' ||
    typeof streams.stderr?.write !== 'function'
  )
    throw usageError(
      'invalid_io',
      {
        zh: `io 应为含 stdout.write 与 stderr.write 的对象，实际为 ${describeValue(io)}`,
        en: `io must have stdout.write and stderr.write, not ${describeValue(io)}`,
      },
      { path: ['io'] },
    );
}
