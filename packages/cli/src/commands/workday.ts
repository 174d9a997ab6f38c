import type { ScheduleInput, WorkdayCalendar } from '@jianguan/core';
import {
  chinaToday,
  createCalendar,
  describeZodError,
  holidayCnYearSchema,
  UnknownCalendarYearError,
  yearScheduleSchema,
} from '@jianguan/core';
import type { CommandContext, CommandSpec } from '../runtime/args.js';
import {
  dateArgument,
  helpHint,
  integerArgument,
  noExtraPositionals,
  requiredPositional,
  stringOption,
  stringsOption,
  subcommandArgument,
} from '../runtime/args.js';
import { inputError, usageError } from '../runtime/errors.js';
import type { ExitCodeValue } from '../runtime/exit-codes.js';
import { ExitCode } from '../runtime/exit-codes.js';
import { readJsonFile } from '../runtime/files.js';
import { writeJson, writeLine } from '../runtime/io.js';
import { COMMAND_SUMMARIES } from './summaries.js';

const NAME = 'workday';
const kindLabels: Record<string, { zh: string; en: string }> = {
  workday: { zh: '工作日', en: 'working day' },
  weekend: { zh: '休息日（周末）', en: 'weekend' },
  holiday: { zh: '法定节假日', en: 'public holiday' },
  adjusted_workday: { zh: '调休上班日', en: 'adjusted working day (make-up workday)' },
};

/** `jianguan workday` — working-day arithmetic on China's official calendar. */
export const workdayCommand: CommandSpec = {
  name: NAME,
  summary: COMMAND_SUMMARIES.workday,
  usage: [
    'jianguan workday info [<date>]',
    'jianguan workday add <date> <n>',
    'jianguan workday between <from> <to>',
    'jianguan workday deadline <event-date> <n> [--done <date>]',
  ],
  // One language per line: each Chinese line, then its English line.
  description: [
    'info      查询某日是什么日子（默认：北京时间的今天）',
    '          what kind of day <date> is (default: today in China time)',
    'add       <date> 之后第 n 个工作日（n < 0：之前）',
    '          the n-th working day after <date> (n < 0: before)',
    'between   两日之间的工作日数（`from < w ≤ to`）',
    '          working days w with from < w ≤ to',
    'deadline  “事件发生后 n 个工作日内”的截止日，以及给定 --done 时是否逾期',
    '          "within n working days after the event": the deadline, and with --done whether it was met',
    '',
    '日期按北京时间的日历日，与本机时区无关：2025-09-30，也可写 2025/9/30、2025.9.30、2025年9月30日、',
    '20250930 或 Excel 日期序号（45930）。',
    "Dates are China civil dates (Asia/Shanghai), whatever the machine's time zone: 2025-09-30, also",
    '2025/9/30, 2025.9.30, 20250930 or an Excel serial day number (45930).',
    '',
    '每年的节假日安排来自国务院办公厅通知，通常在上一年 11 月发布。本包未收录的年份（如通知发布前的 2027 年）',
    '需要 --schedule <文件>，即下列两种格式之一的 JSON 文件：',
    "A year's holidays come from the State Council notice, usually published in November of the year before.",
    'Years the package does not ship (e.g. 2027 before its notice) need --schedule <file>, a JSON file in one',
    'of two formats:',
    '  holiday-cn  {"year":2027,"papers":["<URL>"],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true},…]}',
    '              isOffDay 为 false 表示调休上班日',
    '              (isOffDay false = an adjusted working day)',
    '  jianguan    {"year":2027,"notices":[{"number":"国办发明电〔2026〕…","date":"2026-11-…"}],',
    '              "holidays":[{"key":"new_year","nameZh":"元旦","off":["01-01"],"work":[]},…]}',
    '              日期写作 MM-DD 或 YYYY-MM-DD，见 docs/guides/working-days.md',
    '              (dates as MM-DD or YYYY-MM-DD; see docs/guides/working-days.md)',
    '没有该文件时，该年按法定假日及补假推算（不含调休），凡依赖该年的结果都标为临时结果（`stderr` 上有警告，',
    '--json 中 "provisional": true）；--strict 拒绝这样的年份（退出码 3）；--weekend-rule 只按周六周日计算。',
    'Without it such a year is estimated from the statutory holidays (no swaps) and every answer that depends',
    'on it is marked provisional (a warning on stderr, "provisional": true with --json); --strict refuses such',
    'years (exit 3); --weekend-rule counts Saturdays and Sundays only.',
  ],
  options: {
    done: {
      type: 'string',
      value: '<date>',
      description: { zh: '完成日期（用于 `deadline`）', en: 'the day the work was done (deadline)' },
    },
    schedule: {
      type: 'string',
      multiple: true,
      value: '<file>',
      description: {
        zh: '加载某年的节假日安排（jianguan 或 holiday-cn JSON），如新发布的下一年',
        en: "load a year's holiday schedule (jianguan or holiday-cn JSON), e.g. next year's once published",
      },
    },
    strict: {
      type: 'boolean',
      description: {
        zh: '未加载放假通知的年份直接报错（不推算）',
        en: 'refuse years without a loaded holiday notice instead of estimating them',
      },
    },
    'weekend-rule': {
      type: 'boolean',
      description: {
        zh: '对未加载安排的年份按周末规则推算（会给出警告）',
        en: 'for years without a loaded schedule, fall back to Saturday/Sunday (with a warning)',
      },
    },
  },
  examples: [
    'jianguan workday add 2025-09-30 2          # 2025-10-10 (国庆、中秋假期顺延)',
    'jianguan workday info 2025-09-28           # 调休上班日',
    'jianguan workday between 2025-09-30 2025-10-10',
    'jianguan workday deadline 2025-09-30 2 --done 2025-10-13 --json   # exit 1: late',
    'jianguan workday add 2026-12-30 3 --schedule holiday-cn/2027.json',
  ],
  async run(ctx: CommandContext): Promise<ExitCodeValue> {
    try {
      return await runWorkday(ctx);
    } catch (error) {
      if (error instanceof UnknownCalendarYearError) {
        const year = error.year;
        // The weekend rule is offered only where core applies it (1996–2099), and not to a caller who asked for --strict.
        const weekend = year >= 1996 && year <= 2099 && ctx.values.strict !== true;
        throw inputError(
          error.code,
          {
            zh: `没有 ${year} 年的法定节假日安排。国务院办公厅通常在上一年 11 月前后发布放假通知；发布后把该年安排存为 JSON 文件（holiday-cn 格式的 ${year}.json，或 jianguan 格式），用 --schedule ${year}.json 加载${weekend ? '；也可加 --weekend-rule 只按周末推算（会给出警告）' : ''}`,
            en: `there is no official holiday schedule for ${year}. The State Council publishes it around November of the year before; save that year's schedule as a JSON file (holiday-cn ${year}.json or the jianguan format) and load it with --schedule ${year}.json${weekend ? ', or pass --weekend-rule to count Saturdays and Sundays only (with a warning)' : ''}`,
          },
          {
            details: error.details,
            cause: error,
            hint: {
              zh: `运行 \`jianguan workday --help\` 查看 --schedule 文件格式`,
              en: `run \`jianguan workday --help\` for the --schedule file formats`,
            },
          },
        );
      }
      throw error;
    }
  },
};

async function runWorkday(ctx: CommandContext): Promise<ExitCodeValue> {
  const action = subcommandArgument(NAME, ctx.positionals, ['info', 'add', 'between', 'deadline']);
  const args = ctx.positionals.slice(1);
  if (action !== 'deadline' && stringOption(ctx.values, 'done') !== undefined) {
    throw usageError(
      'unexpected_option',
      {
        zh: '--done 只用于 `jianguan workday deadline`',
        en: '--done only applies to `jianguan workday deadline`',
      },
      { hint: helpHint(NAME) },
    );
  }
  const calendar = await calendarFor(ctx);
  switch (action) {
    case 'info':
      return info(ctx, calendar, args);
    case 'add':
      return add(ctx, calendar, args);
    case 'between':
      return between(ctx, calendar, args);
    case 'deadline':
      return deadline(ctx, calendar, args);
  }
}

async function calendarFor(ctx: CommandContext): Promise<WorkdayCalendar> {
  const files = stringsOption(ctx.values, 'schedule');
  const weekendRule = ctx.values['weekend-rule'] === true;
  const strict = ctx.values.strict === true;
  if (weekendRule && strict) {
    throw usageError(
      'conflicting_options',
      { zh: '--weekend-rule 与 --strict 不能同时使用', en: '--weekend-rule and --strict cannot be combined' },
      { hint: helpHint(NAME) },
    );
  }
  const schedules: ScheduleInput[] = [];
  for (const file of files) schedules.push(checkedSchedule(file, await readJsonFile(ctx.io.cwd, file)));
  // The CLI always builds its own calendar so that a year without a loaded notice is reported in CLI terms
  // (--schedule, --strict), one language per line, instead of through Node's process warning.
  return createCalendar({
    schedules,
    unknownYears: strict ? 'throw' : weekendRule ? 'weekend-rule' : 'statutory-estimate',
    onWarning: (warning) => {
      const y = warning.year;
      const how =
        warning.code === 'weekend_rule_fallback'
          ? {
              en: 'counted with the weekend rule only (Mon–Fri working days)',
              zh: '仅按周末规则（周一至周五为工作日）推算',
            }
          : {
              en: 'estimated from the statutory holidays and make-up days (no weekend working-day swaps)',
              zh: '按《全国年节及纪念日放假办法》的法定假日及补假推算（不含调休）',
            };
      writeLine(
        ctx.io.stderr,
        `jianguan: 警告：未加载 ${y} 年国务院办公厅放假通知，${how.zh}，结果为临时结果。通知发布后用 --schedule ${y}.json 加载（holiday-cn 或 jianguan 格式，见 \`jianguan workday --help\`）；加 --strict 则拒绝未知年份。`,
      );
      writeLine(
        ctx.io.stderr,
        `jianguan: warning: no State Council holiday notice loaded for ${y}: ${how.en}; the answer is provisional. Once the notice is out, load it with --schedule ${y}.json (holiday-cn or jianguan format, see \`jianguan workday --help\`); --strict refuses unknown years.`,
      );
    },
  });
}

/** A `--schedule` file, checked as holiday-cn (`days`) or jianguan (`holidays`) JSON with bilingual errors. */
function checkedSchedule(file: string, data: unknown): ScheduleInput {
  const holidayCn = data !== null && typeof data === 'object' && 'days' in data;
  const parsed = (holidayCn ? holidayCnYearSchema : yearScheduleSchema).safeParse(data);
  if (parsed.success) return data as ScheduleInput;
  const problem = describeZodError(parsed.error);
  const format = holidayCn ? 'holiday-cn' : 'jianguan';
  throw inputError(
    'invalid_schedule',
    {
      zh: `${file} 不是有效的 ${format} 格式放假安排：${problem.zh}`,
      en: `${file} is not a valid ${format} holiday schedule: ${problem.en}`,
    },
    {
      path: problem.path,
      details: { file, format },
      hint: {
        zh: '运行 `jianguan workday --help` 查看 --schedule 文件格式',
        en: 'run `jianguan workday --help` for the --schedule file formats',
      },
    },
  );
}

/** `{ provisional: true }` when any day between the two dates comes from an estimated year, else `{}`. */
function provisional(calendar: WorkdayCalendar, a: string, b: string): { provisional?: true } {
  const [from, to] = a <= b ? [a, b] : [b, a];
  return calendar.isProvisional(from, to) ? { provisional: true } : {};
}

function info(ctx: CommandContext, calendar: WorkdayCalendar, args: readonly string[]): ExitCodeValue {
  noExtraPositionals(`${NAME} info`, args, 1);
  const date = args[0] === undefined ? chinaToday() : dateArgument(NAME, '<date>', args[0]);
  const day = calendar.dayInfo(date);
  if (ctx.json) {
    writeJson(ctx.io.stdout, day);
    return ExitCode.Ok;
  }
  const label = kindLabels[day.kind] ?? { zh: day.kind, en: day.kind };
  // One language per line: the Chinese line, then the English line.
  writeLine(
    ctx.io.stdout,
    `${day.date}  ${label.zh}${day.holiday ? `：${day.holiday.nameZh}` : ''}，${day.isWorkday ? '是工作日' : '非工作日'}`,
  );
  writeLine(
    ctx.io.stdout,
    `${day.date}  ${label.en}${day.holiday ? `: ${day.holiday.name}` : ''}; working day: ${day.isWorkday ? 'yes' : 'no'}`,
  );
  return ExitCode.Ok;
}

function add(ctx: CommandContext, calendar: WorkdayCalendar, args: readonly string[]): ExitCodeValue {
  const date = dateArgument(NAME, '<date>', requiredPositional(NAME, args, 0, 'date'));
  const n = integerArgument(NAME, '<n>', requiredPositional(NAME, args, 1, 'n'));
  noExtraPositionals(`${NAME} add`, args, 2);
  const result = calendar.addWorkdays(date, n);
  if (ctx.json)
    writeJson(ctx.io.stdout, { date, workdays: n, result, ...provisional(calendar, date, result) });
  else writeLine(ctx.io.stdout, result);
  return ExitCode.Ok;
}

function between(ctx: CommandContext, calendar: WorkdayCalendar, args: readonly string[]): ExitCodeValue {
  const from = dateArgument(NAME, '<from>', requiredPositional(NAME, args, 0, 'from'));
  const to = dateArgument(NAME, '<to>', requiredPositional(NAME, args, 1, 'to'));
  noExtraPositionals(`${NAME} between`, args, 2);
  const workdays = calendar.workdaysBetween(from, to);
  if (ctx.json) writeJson(ctx.io.stdout, { from, to, workdays, ...provisional(calendar, from, to) });
  else writeLine(ctx.io.stdout, String(workdays));
  return ExitCode.Ok;
}

function deadline(ctx: CommandContext, calendar: WorkdayCalendar, args: readonly string[]): ExitCodeValue {
  const event = dateArgument(NAME, '<event-date>', requiredPositional(NAME, args, 0, 'event-date'));
  const n = integerArgument(NAME, '<n>', requiredPositional(NAME, args, 1, 'n'));
  noExtraPositionals(`${NAME} deadline`, args, 2);
  const doneText = stringOption(ctx.values, 'done');
  if (doneText === undefined) {
    const due = calendar.addWorkdays(event, n);
    if (ctx.json) {
      writeJson(ctx.io.stdout, {
        eventDate: event,
        workdays: n,
        deadline: due,
        ...provisional(calendar, event, due),
      });
    } else writeLine(ctx.io.stdout, due);
    return ExitCode.Ok;
  }
  const done = dateArgument(NAME, '--done', doneText);
  const result = calendar.workdayLateness(event, done, n);
  if (ctx.json) {
    writeJson(ctx.io.stdout, { eventDate: event, workdays: n, doneDate: done, ...result });
  } else {
    writeLine(
      ctx.io.stdout,
      `截止日：${result.deadline}，${result.onTime ? '按时' : `逾期 ${result.workdaysLate} 个工作日`}`,
    );
    writeLine(
      ctx.io.stdout,
      `deadline: ${result.deadline}, ${result.onTime ? 'on time' : `late by ${result.workdaysLate} working day(s)`}`,
    );
  }
  return result.onTime ? ExitCode.Ok : ExitCode.Findings;
}
