import type { CodeTableRegistry, WorkdayCalendar } from '@jianguan/core';
import { deepFreeze, getDefaultCalendar } from '@jianguan/core';
import { checkObject, requireMethods, requireRegistry } from './boundary.js';
import { BUILT_IN_LIFECYCLES } from './builtin.js';
import type { DueItem, DueListOptions, TimelinessOptions, TimelinessRow } from './deadlines.js';
import { dueList, kpiFactsFromTasks, timeliness } from './deadlines.js';
import type { ReduceContext, TaskState } from './engine.js';
import { reduceValidated, replayTasks } from './engine.js';
import { TaskLogTamperedError } from './errors.js';
import type { TaskEvent, TaskEventInput } from './events.js';
import { parseEventInput, sealEvent, verifyLog } from './events.js';
import type { Lifecycle, LifecycleRegistry } from './lifecycle.js';
import { createLifecycleRegistry } from './lifecycle.js';
import { taskCodeTables } from './reasons.js';
import type { TaskStore } from './store.js';
import { createMemoryTaskStore } from './store.js';

/**
 * Options of {@link openTaskBook}.
 *
 * @example
 * const o: TaskBookOptions = { store: createFileTaskStore('tasks.jsonl'), lifecycles: [...BUILT_IN_LIFECYCLES, zjVariant] };
 */
export interface TaskBookOptions {
  /** Default: an in-memory store. */
  readonly store?: TaskStore;
  /** Lifecycles (default: the built-in ones) or a ready registry. */
  readonly lifecycles?: readonly Lifecycle[] | LifecycleRegistry;
  /** Code tables reasons are checked against (default: core's plus the task reason tables). */
  readonly codeTables?: CodeTableRegistry;
  /** Working-day calendar (default: core's). */
  readonly calendar?: WorkdayCalendar;
}

/**
 * A department's task book (任务台账): the event log and the tasks it replays to, with due lists and KPI facts.
 * Every change goes through {@link TaskBook.apply}: validated, checked against the lifecycle, sealed into the
 * hash chain (a `create` event gets the lifecycle version pinned), made durable, then applied.
 *
 * @example
 * const book = await openTaskBook({ store: createFileTaskStore('tasks.jsonl') });
 * await book.apply({ taskId: 'SGZ-1', action: 'create', at: '2025-09-30', actor: { id: 'scjg-reg' },
 *   task: { lifecycle: 'double_notification', department: 'wjw', entity: { uscc: '91330100799655058B' } } });
 * book.due({ asOf: '2025-10-10' });
 */
export interface TaskBook {
  readonly lifecycles: LifecycleRegistry;
  /** Hash of the last event (the log's head), or the genesis hash. */
  readonly head: string;
  /** Number of events. */
  readonly size: number;
  /** Records one event; rejects (nothing written) when it is invalid or illegal. */
  apply(input: TaskEventInput): Promise<TaskEvent>;
  /** Records several events atomically in one durable write: all or none. */
  applyAll(inputs: readonly TaskEventInput[]): Promise<TaskEvent[]>;
  task(id: string): TaskState | undefined;
  tasks(): TaskState[];
  events(): readonly TaskEvent[];
  /** The actions allowed on a task now. */
  allowed(id: string): readonly string[];
  due(options: Omit<DueListOptions, 'calendar'>): DueItem[];
  timeliness(options: TimelinessOptions): TimelinessRow[];
  kpiFacts(): ReturnType<typeof kpiFactsFromTasks>;
  close(): Promise<void>;
}

/**
 * Opens a task book over a store: loads the log, verifies its hash chain and replays it.
 *
 * @throws {TaskLogTamperedError} the stored log does not verify (`details.index`, `details.reason`).
 * @example
 * const book = await openTaskBook();
 * await book.apply({ taskId: 'c1', action: 'create', at: '2025-09-30', actor: { id: 'p' }, task: { lifecycle: 'risk_clue', department: 'scjg' } });
 */
export async function openTaskBook(options: TaskBookOptions = {}): Promise<TaskBook> {
  checkObject(options, ['options']);
  if (options.store !== undefined)
    requireMethods(options.store, ['options', 'store'], ['load', 'append', 'close'], {
      en: 'a task store (load, append, close)',
      zh: '任务存储（load、append、close）',
    });
  if (options.lifecycles !== undefined && !Array.isArray(options.lifecycles))
    requireRegistry(options.lifecycles, ['options', 'lifecycles']);
  if (options.codeTables !== undefined)
    requireMethods(options.codeTables, ['options', 'codeTables'], ['isCode'], {
      en: 'a code-table registry',
      zh: '代码表登记表',
    });
  if (options.calendar !== undefined)
    requireMethods(
      options.calendar,
      ['options', 'calendar'],
      ['addWorkdaysToDayNumber', 'workdaysBetweenDayNumbers'],
      {
        en: 'a workday calendar',
        zh: '工作日日历',
      },
    );
  const store = options.store ?? createMemoryTaskStore();
  const lifecycles =
    options.lifecycles === undefined
      ? createLifecycleRegistry(BUILT_IN_LIFECYCLES)
      : Array.isArray(options.lifecycles)
        ? createLifecycleRegistry(options.lifecycles as readonly Lifecycle[])
        : (options.lifecycles as LifecycleRegistry);
  const calendar = options.calendar ?? getDefaultCalendar();
  const ctx: ReduceContext = { lifecycles, codeTables: options.codeTables ?? taskCodeTables, calendar };
  const log = await store.load();
  const check = verifyLog(log);
  if (!check.ok) {
    await store.close();
    throw new TaskLogTamperedError(
      {
        zh: `任务日志第 ${check.index + 1} 条校验失败（${check.reason}）`,
        en: `task log entry ${check.index + 1} does not verify (${check.reason})`,
      },
      { path: [check.index], details: { index: check.index, reason: check.reason } },
    );
  }
  // Events and task states are frozen: the book hands them out (task, tasks, events, due lists), and a caller
  // editing one must not change the log or the state the next event is checked against.
  for (const event of log) deepFreeze(event);
  const tasks = replayTasks(log, ctx);
  for (const task of tasks.values()) deepFreeze(task);
  /** A frozen copy of the log for {@link TaskBook.events}, made again after each append. */
  let snapshot: readonly TaskEvent[] | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const applyBatch = (inputs: readonly TaskEventInput[]): Promise<TaskEvent[]> => {
    const run = queue.then(async () => {
      const staged = new Map<string, TaskState>();
      const sealed: TaskEvent[] = [];
      let last: TaskEvent | undefined = log[log.length - 1];
      for (const input of inputs) {
        const parsed = parseEventInput(input);
        // Pin the lifecycle version in the log, so that replaying never depends on what is registered later.
        if (parsed.task !== undefined && parsed.task.version === undefined)
          parsed.task = { ...parsed.task, version: lifecycles.get(parsed.task.lifecycle).version };
        const event = deepFreeze(sealEvent(last, parsed));
        const current = staged.get(event.taskId) ?? tasks.get(event.taskId);
        staged.set(event.taskId, deepFreeze(reduceValidated(current, event, ctx)));
        sealed.push(event);
        last = event;
      }
      await store.append(sealed);
      log.push(...sealed);
      snapshot = undefined;
      for (const [id, t] of staged) tasks.set(id, t);
      return sealed;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    lifecycles,
    get head() {
      return log[log.length - 1]?.hash ?? '0'.repeat(64);
    },
    get size() {
      return log.length;
    },
    apply: async (input) => (await applyBatch([input]))[0] as TaskEvent,
    applyAll: applyBatch,
    task: (id) => tasks.get(id),
    tasks: () => [...tasks.values()],
    events: () => {
      snapshot ??= Object.freeze(log.slice());
      return snapshot;
    },
    allowed: (id) => {
      const t = tasks.get(id);
      return t === undefined ? [] : lifecycles.allowed(t.lifecycle.id, t.state, t.lifecycle.version);
    },
    due: (o) => dueList(tasks.values(), lifecycles, { ...o, calendar }),
    timeliness: (o) => timeliness(tasks.values(), o),
    kpiFacts: () => kpiFactsFromTasks(tasks.values(), lifecycles),
    close: () => store.close(),
  };
}
