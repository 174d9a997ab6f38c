import { parseArgs } from 'node:util';
import type { LocalizedMessage } from '@jianguan/core';
import { parseDateText } from '@jianguan/core';
import { usageError } from './errors.js';
import type { ExitCodeValue } from './exit-codes.js';
import type { CliIo } from './io.js';
import type { Progress } from './progress.js';

/**
 * One option of a command, as `node:util` `parseArgs` takes it, plus its help text.
 *
 * @example
 * const seed: OptionSpec = { type: 'string', value: '<seed>', description: { zh: '随机种子', en: 'the seed' } };
 */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  /** Placeholder shown in help, e.g. `<file>`. */
  readonly value?: string;
  readonly description: LocalizedMessage;
}

/** A string option taking one value: `value` is its help placeholder (e.g. `<file>`). */
export function valueOption(value: string, description: LocalizedMessage): OptionSpec {
  return { type: 'string', value, description };
}

/** The parsed values of a command's options. */
export type OptionValues = Readonly<Record<string, string | boolean | readonly string[] | undefined>>;

/**
 * What a command's `run` receives: the I/O, the parsed arguments and small helpers.
 */
export interface CommandContext {
  readonly io: CliIo;
  readonly positionals: readonly string[];
  readonly values: OptionValues;
  /** `--json` was given: print one JSON document on stdout and nothing else. */
  readonly json: boolean;
  /** A progress bar on stderr (drawn only when stderr is a terminal). */
  progress(label: string, total: number): Progress;
}

/**
 * A subcommand of `jianguan`: its name, help text, options and what it does.
 */
export interface CommandSpec {
  readonly name: string;
  readonly summary: LocalizedMessage;
  readonly usage: readonly string[];
  readonly description?: readonly string[];
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly examples: readonly string[];
  /**
   * The command parses its own arguments (`positionals` holds every argument but `--json`), e.g. `sandbox`,
   * which shares `jianguan-sandbox`'s parser so both take exactly the same flags.
   */
  readonly rawArgs?: boolean;
  /** A help text of its own, instead of the one rendered from `options` (for `rawArgs` commands). */
  helpText?(): string;
  run(context: CommandContext): Promise<ExitCodeValue>;
}

const NEGATIVE_NUMBER = /^-\d+(\.\d+)?%?$/;
const NEGATIVE_MARK = '\u0000neg:';

/** Options every command takes. */
export const commonOptions: Readonly<Record<string, OptionSpec>> = {
  json: {
    type: 'boolean',
    description: { zh: '输出机器可读的 JSON', en: 'print machine-readable JSON on stdout' },
  },
  help: {
    type: 'boolean',
    short: 'h',
    description: { zh: '显示本命令的帮助', en: 'show help for this command' },
  },
};

/** Parse `argv` against a command's options; unknown options and missing values are usage errors. */
export function parseCommandArgs(
  command: Pick<CommandSpec, 'name' | 'options'>,
  argv: readonly string[],
): { values: OptionValues; positionals: string[] } {
  const options = { ...commonOptions, ...command.options };
  const config: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [name, spec] of Object.entries(options)) {
    config[name] = {
      type: spec.type,
      ...(spec.short === undefined ? {} : { short: spec.short }),
      ...(spec.multiple === undefined ? {} : { multiple: spec.multiple }),
    };
  }
  // Negative numbers (`workday add 2025-10-10 -2`) are arguments, not options: hide them from parseArgs.
  const hide = (arg: string) => (NEGATIVE_NUMBER.test(arg) ? `${NEGATIVE_MARK}${arg}` : arg);
  const show = (arg: string) => (arg.startsWith(NEGATIVE_MARK) ? arg.slice(NEGATIVE_MARK.length) : arg);
  try {
    const parsed = parseArgs({ args: argv.map(hide), options: config, allowPositionals: true, strict: true });
    const values: Record<string, string | boolean | readonly string[] | undefined> = {};
    for (const [name, value] of Object.entries(parsed.values)) {
      values[name] =
        typeof value === 'string'
          ? show(value)
          : Array.isArray(value)
            ? value.map((v) => show(String(v)))
            : value;
    }
    return { values, positionals: parsed.positionals.map(show) };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const text = error instanceof Error ? error.message : String(error);
    const hint = {
      zh: `运行 \`jianguan ${command.name} --help\` 查看用法`,
      en: `run \`jianguan ${command.name} --help\``,
    };
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const option = /'([^']+)'/.exec(text)?.[1] ?? text;
      const suggestion = closest(option.replace(/^-+/, '').split('=')[0] ?? '', Object.keys(options));
      const didYouMean = suggestion === undefined ? '' : ` (did you mean --${suggestion}?)`;
      const zhMean = suggestion === undefined ? '' : `（是否想用 --${suggestion}？）`;
      throw usageError(
        'unknown_option',
        { zh: `未知选项：${option}${zhMean}`, en: `unknown option: ${option}${didYouMean}` },
        { details: { option }, hint },
      );
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const option = /'(-[^']+)'/.exec(text)?.[1] ?? '';
      throw usageError(
        'invalid_option_value',
        {
          zh: `选项 ${option} 的值不正确（字符串选项需要一个值，开关选项不接受值）`,
          en: `bad value for option ${option}: ${text}`,
        },
        { details: { option }, hint },
      );
    }
    throw usageError(
      'bad_arguments',
      { zh: '参数有误（原因见下一行）', en: `bad arguments: ${text}` },
      { details: { reason: text }, hint },
    );
  }
}

/** The closest of `candidates` to `word` (Levenshtein distance ≤ 2), for "did you mean". */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = levenshtein(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

/** A string option's value, or `undefined`. */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A repeatable string option's values. */
export function stringsOption(values: OptionValues, name: string): readonly string[] {
  const value = values[name];
  if (Array.isArray(value)) return value as readonly string[];
  return typeof value === 'string' ? [value] : [];
}

/** A string option that must be present. */
export function requiredOption(command: string, values: OptionValues, name: string): string {
  const value = stringOption(values, name);
  if (value === undefined || value === '') {
    throw usageError(
      'missing_option',
      { zh: `缺少必需的选项 --${name}`, en: `missing required option --${name}` },
      { details: { option: name }, hint: helpHint(command) },
    );
  }
  return value;
}

/** A positional argument that must be present. */
export function requiredPositional(
  command: string,
  positionals: readonly string[],
  index: number,
  name: string,
): string {
  const value = positionals[index];
  if (value === undefined) {
    throw usageError(
      'missing_argument',
      { zh: `缺少参数 <${name}>`, en: `missing argument <${name}>` },
      { details: { argument: name }, hint: helpHint(command) },
    );
  }
  return value;
}

/**
 * The subcommand of a command with subcommands (`jianguan db migrate`, `jianguan tasks due`, `jianguan catalog gap`):
 * the first positional, which must be one of `names`; a usage error naming the choices (and the closest one)
 * otherwise.
 *
 * @example
 * subcommandArgument('db', ['migrate'], ['migrate', 'status']); // 'migrate'
 */
export function subcommandArgument<const N extends string>(
  command: string,
  positionals: readonly string[],
  names: readonly N[],
): N {
  const sub = positionals[0];
  if (sub !== undefined && (names as readonly string[]).includes(sub)) return sub as N;
  const choices = { zh: names.map((n) => `\`${n}\``).join('、'), en: names.join(', ') };
  if (sub === undefined) {
    throw usageError(
      'missing_argument',
      {
        zh: `\`jianguan ${command}\` 缺少子命令（可选 ${choices.zh}）`,
        en: `\`jianguan ${command}\` needs a subcommand (one of ${choices.en})`,
      },
      { details: { command, choices: names }, hint: helpHint(command) },
    );
  }
  const suggestion = closest(sub, names);
  throw usageError(
    'unknown_command',
    {
      zh: `\`jianguan ${command}\` 没有子命令“${sub}”${suggestion ? `（是否想用 \`jianguan ${command} ${suggestion}\`？）` : ''}（可选 ${choices.zh}）`,
      en: `\`jianguan ${command}\` has no subcommand "${sub}"${suggestion ? ` (did you mean \`jianguan ${command} ${suggestion}\`?)` : ''} (one of ${choices.en})`,
    },
    { details: { command, subcommand: sub, choices: names }, hint: helpHint(command) },
  );
}

/** Reject positional arguments beyond `max`. */
export function noExtraPositionals(command: string, positionals: readonly string[], max: number): void {
  if (positionals.length > max) {
    const extra = positionals.slice(max).join(' ');
    throw usageError(
      'unexpected_argument',
      { zh: `多余的参数：${extra}`, en: `unexpected argument: ${extra}` },
      { details: { extra: positionals.slice(max) }, hint: helpHint(command) },
    );
  }
}

/** Parse an integer argument (a usage error otherwise). */
export function integerArgument(command: string, name: string, text: string): number {
  if (!/^[+-]?\d+$/.test(text.trim())) {
    throw usageError(
      'bad_integer',
      { zh: `${name} 必须是整数，收到“${text}”`, en: `${name} must be an integer, got "${text}"` },
      { details: { argument: name, value: text }, hint: helpHint(command) },
    );
  }
  const value = Number.parseInt(text, 10);
  if (!Number.isSafeInteger(value)) {
    throw usageError(
      'bad_integer',
      { zh: `${name} 超出范围：“${text}”`, en: `${name} is out of range: "${text}"` },
      { details: { argument: name, value: text }, hint: helpHint(command) },
    );
  }
  return value;
}

/**
 * Parse a civil date argument: `YYYY-MM-DD`, also `YYYY/M/D` (`2026/12/1`), `YYYY.M.D`, `YYYY年M月D日`,
 * `YYYYMMDD` and Excel serial day numbers (`45930`), read by core's `parseDateText`; the day must exist.
 */
export function dateArgument(command: string, name: string, text: string): string {
  const date = parseDateText(text);
  if (date === undefined) {
    throw usageError(
      'bad_date',
      {
        zh: `${name} 不是有效日期：“${text}”（应为 YYYY-MM-DD，如 2025-09-30；也可写 2025/9/30、2025年9月30日或 Excel 日期序号）`,
        en: `${name} is not a valid date: "${text}" (expected YYYY-MM-DD such as 2025-09-30; 2025/9/30, 2025.9.30, 20250930 or an Excel serial day number also work)`,
      },
      { details: { argument: name, value: text }, hint: helpHint(command) },
    );
  }
  return date;
}

/** Parse a fraction `0..1`, also written as a percentage (`5%`). */
export function ratioArgument(command: string, name: string, text: string): number {
  const trimmed = text.trim();
  const percent = trimmed.endsWith('%');
  const number = Number(percent ? trimmed.slice(0, -1) : trimmed);
  const value = percent ? number / 100 : number;
  if (trimmed === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw usageError(
      'bad_ratio',
      {
        zh: `${name} 必须是 0 到 1 之间的比例（或百分数如 5%），收到“${text}”`,
        en: `${name} must be a fraction between 0 and 1 (or a percentage like 5%), got "${text}"`,
      },
      { details: { argument: name, value: text }, hint: helpHint(command) },
    );
  }
  return value;
}

/** The "see help" hint for a command. */
export function helpHint(command: string): LocalizedMessage {
  return { zh: `运行 \`jianguan ${command} --help\` 查看用法`, en: `run \`jianguan ${command} --help\`` };
}

/**
 * The exit-code lines every help text ends with: one Chinese line, then one English line (the CLI's rule for
 * terminal text: one language per line, Chinese first).
 */
export const EXIT_CODE_LINES: readonly string[] = [
  '退出码：0 成功 · 1 发现问题或校验未通过 · 2 用法错误 · 3 输入错误 · 4 内部错误',
  'Exit codes: 0 ok · 1 findings · 2 usage error · 3 input error · 4 internal error',
];

/** A help heading: the Chinese line, then the English line. */
export function helpHeading(zh: string, en: string): string[] {
  return [`${zh}：`, `${en}:`];
}

/**
 * Render a command's help text. One language per line: each heading and each option's description is a
 * Chinese line followed by an English line; usage lines and examples are commands, in neither language.
 */
export function renderHelp(command: CommandSpec): string {
  if (command.helpText !== undefined) return command.helpText();
  const lines: string[] = [];
  lines.push(
    `jianguan ${command.name}：${command.summary.zh}`,
    `jianguan ${command.name}: ${command.summary.en}`,
    '',
  );
  lines.push(...helpHeading('用法', 'Usage'));
  for (const u of command.usage) lines.push(`  ${u}`);
  if (command.description && command.description.length > 0) {
    lines.push('');
    for (const d of command.description) lines.push(d === '' ? '' : `  ${d}`);
  }
  lines.push('', ...helpHeading('选项', 'Options'));
  const options = { ...command.options, ...commonOptions };
  const labels = Object.entries(options).map(([name, spec]) => {
    const short = spec.short ? `-${spec.short}, ` : '    ';
    const value = spec.type === 'string' ? ` ${spec.value ?? '<value>'}` : '';
    return [`${short}--${name}${value}`, spec] as const;
  });
  const width = Math.max(...labels.map(([label]) => label.length));
  for (const [label, spec] of labels) {
    lines.push(`  ${label.padEnd(width)}  ${spec.description.zh}${spec.multiple ? '（可重复）' : ''}`);
    lines.push(`  ${' '.repeat(width)}  ${spec.description.en}${spec.multiple ? ' (repeatable)' : ''}`);
  }
  if (command.examples.length > 0) {
    lines.push('', ...helpHeading('示例', 'Examples'));
    for (const e of command.examples) lines.push(`  ${e}`);
  }
  lines.push('', ...EXIT_CODE_LINES);
  return `${lines.join('\n')}\n`;
}
