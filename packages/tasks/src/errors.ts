import type { JianguanErrorOptions, LocalizedMessage } from '@jianguan/core';
import { JianguanError } from '@jianguan/core';

/**
 * Stable codes of {@link TasksError}.
 *
 * @example
 * const code: TasksErrorCode = 'illegal_transition';
 */
export type TasksErrorCode =
  | 'invalid_lifecycle'
  | 'unknown_lifecycle'
  | 'invalid_event'
  | 'illegal_transition'
  | 'unknown_task'
  | 'duplicate_task'
  | 'invalid_reason'
  | 'log_tampered'
  | 'store_locked'
  | 'store_corrupt'
  | 'store_closed'
  | 'invalid_risk_rules'
  | 'invalid_input'
  | 'invalid_cursors';

/**
 * An error raised by `@jianguan/tasks` (任务管理错误): a bad lifecycle definition, an illegal transition, a
 * tampered log, a locked or corrupt store. `code` is stable, `path` points into the caller's input.
 *
 * @example
 * try {
 *   book.apply({ taskId: 'c1', action: 'close', at: '2025-10-09', actor: { id: 'u1' } });
 * } catch (error) {
 *   if (error instanceof TasksError) console.log(error.code, error.path, error.messages.zh);
 * }
 */
export class TasksError extends JianguanError {
  override readonly name: 'TasksError' | 'IllegalTransitionError' | 'TaskLogTamperedError' = 'TasksError';
  override readonly code: TasksErrorCode;

  constructor(code: TasksErrorCode, messages: LocalizedMessage, options: JianguanErrorOptions = {}) {
    super(code, messages, options);
    this.code = code;
  }
}

/**
 * A transition that the task's lifecycle does not allow from its current state (非法状态流转).
 * `details` holds `taskId`, `from`, `action` and the actions `allowed` from that state.
 *
 * @example
 * try {
 *   reduceTask(task, event, registry);
 * } catch (error) {
 *   if (error instanceof IllegalTransitionError) console.log(error.details.allowed);
 * }
 */
export class IllegalTransitionError extends TasksError {
  override readonly name = 'IllegalTransitionError' as const;

  constructor(messages: LocalizedMessage, options: JianguanErrorOptions = {}) {
    super('illegal_transition', messages, options);
  }
}

/**
 * The event log's hash chain does not verify (日志被篡改): an event was changed, removed, inserted or
 * reordered. `details.index` is the first bad event.
 *
 * @example
 * const result = verifyLog(events);
 * if (!result.ok) throw new TaskLogTamperedError({ zh: '日志校验失败', en: 'log does not verify' }, { details: { index: result.index } });
 */
export class TaskLogTamperedError extends TasksError {
  override readonly name = 'TaskLogTamperedError' as const;

  constructor(messages: LocalizedMessage, options: JianguanErrorOptions = {}) {
    super('log_tampered', messages, options);
  }
}

/**
 * Whether `value` is a {@link TasksError} (or a subclass), also across copies of the package.
 *
 * @example
 * try { await book.apply(input); } catch (e) { if (isTasksError(e)) console.log(e.code); }
 */
export function isTasksError(value: unknown): value is TasksError {
  return (
    value instanceof TasksError ||
    (value instanceof Error &&
      ['TasksError', 'IllegalTransitionError', 'TaskLogTamperedError'].includes(value.name) &&
      typeof (value as { code?: unknown }).code === 'string')
  );
}
