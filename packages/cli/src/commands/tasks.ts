import { chinaToday } from '@jianguan/core';
import type { DueItem, DueStatus, TaskEvent } from '@jianguan/tasks';
import {
  BUILT_IN_LIFECYCLES,
  createLifecycleRegistry,
  dueList,
  isTasksError,
  replayTasks,
  summarizeDue,
  verifyLog,
} from '@jianguan/tasks';
import type { CommandContext, CommandSpec } from '../runtime/args.js';
import {
  dateArgument,
  noExtraPositionals,
  requiredOption,
  stringOption,
  subcommandArgument,
  valueOption,
} from '../runtime/args.js';
import { inputError } from '../runtime/errors.js';
import type { ExitCodeValue } from '../runtime/exit-codes.js';
import { ExitCode } from '../runtime/exit-codes.js';
import { readInputText } from '../runtime/files.js';
import { formatTable, writeJson, writeLine } from '../runtime/io.js';
import { COMMAND_SUMMARIES } from './summaries.js';

const NAME = 'tasks';

const ORDER: readonly DueStatus[] = ['overdue', 'due_today', 'at_risk', 'open'];

/** `jianguan tasks due` — what is overdue, due today, at risk or open in a task log (任务到期清单). */
export const tasksCommand: CommandSpec = {
  name: NAME,
  summary: COMMAND_SUMMARIES.tasks,
  usage: [
    'jianguan tasks due --log <tasks.jsonl> [--as-of <date>] [--department <id>] [--officer <id>] [--kind <lifecycle>] [--json]',
  ],
  // One language per line: each Chinese line, then its English line.
  description: [
    'due  截至某日的未完成时限，按紧急程度排序',
    '     the open deadlines as of a day, most urgent first',
    '',
    '输入：@jianguan/tasks 写入的任务事件日志（createFileTaskStore）：JSONL，每行一个事件，带哈希链，如',
    'Input: the event log written by @jianguan/tasks (createFileTaskStore): JSON Lines, one event per line, e.g.',
    '  {"seq":1,"prev":"000…0","hash":"<sha256>","taskId":"clue:FXYJ1","action":"create",',
    '   "at":"2025-09-30","actor":{"id":"province"},"task":{"lifecycle":"risk_clue","version":"…","department":"scjg"}}',
    '日志只读不写：先校验哈希链，再按内置的任务生命周期回放；哈希链校验失败或事件不合法时退出码为 3。',
    'The log is only read: the hash chain is verified and the log replayed with the built-in lifecycles; a broken',
    'chain or an invalid event exits 3.',
    '',
    '状态：已逾期（超过最后期限）、今日到期、临期（进入时限的预警工作日）、办理中。',
    "Statuses: overdue (past the last day), due today, at risk (within the deadline's warning days), open.",
    '表格的状态列为代码：overdue、due_today、at_risk、open。',
    'The table shows the status codes overdue, due_today, at_risk and open.',
    '--as-of 默认为北京时间今天，写作 YYYY-MM-DD（也可写 2025/10/14、2025年10月14日或 Excel 日期序号）。',
    '--as-of defaults to today in China; YYYY-MM-DD (also 2025/10/14 or an Excel serial day number).',
    '有逾期任务时退出码为 1，否则为 0。',
    'Exit 1 if anything is overdue, 0 otherwise.',
  ],
  options: {
    log: valueOption('<tasks.jsonl>', { zh: '任务事件日志文件', en: 'the task event log (JSON Lines)' }),
    'as-of': valueOption('<date>', {
      zh: '统计日期（默认今天）',
      en: 'the day to judge as of (default: today)',
    }),
    department: valueOption('<id>', { zh: '只看该部门', en: 'only this department' }),
    officer: valueOption('<id>', { zh: '只看该承办人', en: 'only this officer' }),
    kind: valueOption('<lifecycle>', {
      zh: '只看该类任务（如 risk_clue、double_notification）',
      en: 'only this kind (e.g. risk_clue, double_notification)',
    }),
  },
  examples: [
    'jianguan tasks due --log tasks.jsonl --as-of 2025-10-14',
    'jianguan tasks due --log tasks.jsonl --department scjg --json | jq .counts',
    'jianguan tasks due --log tasks.jsonl --officer li || echo "something is overdue"',
  ],
  async run(ctx: CommandContext): Promise<ExitCodeValue> {
    subcommandArgument(NAME, ctx.positionals, ['due']);
    noExtraPositionals(NAME, ctx.positionals, 1);
    const file = requiredOption(NAME, ctx.values, 'log');
    const asOfText = stringOption(ctx.values, 'as-of');
    const asOf = asOfText === undefined ? chinaToday() : dateArgument(NAME, '--as-of', asOfText);
    const department = stringOption(ctx.values, 'department');
    const officer = stringOption(ctx.values, 'officer');
    const kind = stringOption(ctx.values, 'kind');
    const events = await readLog(ctx, file);
    const items = dueItems(file, events, { asOf, department, officer, kind });
    const counts: Record<DueStatus, number> = { overdue: 0, due_today: 0, at_risk: 0, open: 0 };
    for (const i of items) counts[i.status]++;
    const code = counts.overdue > 0 ? ExitCode.Findings : ExitCode.Ok;
    if (ctx.json) {
      const { byDepartment, byOfficer } = summarizeDue(items);
      writeJson(ctx.io.stdout, {
        asOf,
        filter: { department, officer, kind },
        events: events.length,
        counts,
        byDepartment: Object.fromEntries(byDepartment),
        byOfficer: Object.fromEntries(byOfficer),
        items,
      });
      return code;
    }
    print(ctx, file, asOf, items, counts);
    return code;
  },
};

async function readLog(ctx: CommandContext, file: string): Promise<TaskEvent[]> {
  const text = await readInputText(ctx.io.cwd, file);
  const lines = text.split('\n');
  const events: TaskEvent[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, '');
    if (line.trim() === '') continue;
    try {
      events.push(JSON.parse(line) as TaskEvent);
    } catch (cause) {
      // The last line without its newline is a write cut short by a crash; the task store drops it too.
      if (i === lines.length - 1) {
        writeLine(ctx.io.stderr, `警告：${file} 最后一行不完整（写入中断），已忽略`);
        writeLine(
          ctx.io.stderr,
          `warning: the last line of ${file} is incomplete (an interrupted write); ignored`,
        );
        break;
      }
      throw inputError(
        'invalid_jsonl',
        { zh: `${file} 第 ${i + 1} 行不是有效的 JSON`, en: `${file} line ${i + 1} is not valid JSON` },
        { details: { path: file, line: i + 1 }, cause },
      );
    }
  }
  const check = verifyLog(events);
  if (!check.ok)
    throw inputError(
      'task_log_tampered',
      {
        zh: `${file} 第 ${check.index + 1} 个事件的哈希链校验失败（${check.reason}）：日志被改动或不完整`,
        en: `${file} event ${check.index + 1} breaks the hash chain (${check.reason}): the log was altered or is incomplete`,
      },
      { details: { path: file, index: check.index, reason: check.reason } },
    );
  return events;
}

function dueItems(
  file: string,
  events: readonly TaskEvent[],
  filter: {
    asOf: string;
    department?: string | undefined;
    officer?: string | undefined;
    kind?: string | undefined;
  },
): DueItem[] {
  const lifecycles = createLifecycleRegistry(BUILT_IN_LIFECYCLES);
  try {
    const tasks = replayTasks(events, { lifecycles });
    return dueList(tasks.values(), lifecycles, {
      asOf: filter.asOf,
      ...(filter.department !== undefined ? { department: filter.department } : {}),
      ...(filter.officer !== undefined ? { officer: filter.officer } : {}),
      ...(filter.kind !== undefined ? { kind: filter.kind } : {}),
    });
  } catch (error) {
    if (!isTasksError(error)) throw error;
    throw inputError(
      error.code,
      {
        zh: `${file} 无法回放：${error.messages.zh}`,
        en: `${file} cannot be replayed: ${error.messages.en}`,
      },
      { details: { path: file, at: error.path }, cause: error },
    );
  }
}

function print(
  ctx: CommandContext,
  file: string,
  asOf: string,
  items: readonly DueItem[],
  counts: Record<DueStatus, number>,
): void {
  const out = ctx.io.stdout;
  writeLine(
    out,
    `${file} 截至 ${asOf}：已逾期 ${counts.overdue}，今日到期 ${counts.due_today}，临期 ${counts.at_risk}，办理中 ${counts.open}`,
  );
  writeLine(
    out,
    `${file} as of ${asOf}: ${counts.overdue} overdue, ${counts.due_today} due today, ${counts.at_risk} at risk, ${counts.open} open`,
  );
  if (items.length === 0) return;
  // One language per line: a Chinese header row, an English one, then rows of codes, dates and ids.
  const rows = [
    ['状态', '期限', '剩余工作日', '任务', '类型', '时限', '部门', '承办人'],
    ['status', 'due', 'workdays left', 'task', 'kind', 'deadline', 'department', 'officer'],
  ];
  for (const status of ORDER) {
    for (const i of items.filter((x) => x.status === status)) {
      rows.push([
        status,
        i.due,
        String(i.workdaysLeft),
        i.taskId,
        i.kind,
        i.deadline,
        i.department ?? '-',
        i.officer ?? '-',
      ]);
    }
  }
  writeLine(out);
  for (const line of formatTable(rows)) writeLine(out, line);
}
