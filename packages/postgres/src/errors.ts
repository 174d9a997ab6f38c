import { JianguanError, type JianguanErrorOptions, type LocalizedMessage } from '@jianguan/core';

/**
 * A database operation of `@jianguan/postgres` failed or was misused (数据库操作错误): an unsupported client,
 * a schema field with no column type, a draw whose in-database picks disagree with `ticket()`, …
 *
 * @example
 * try {
 *   await migrate(db);
 * } catch (error) {
 *   if (error instanceof PostgresError) console.log(error.code);
 * }
 */
export class PostgresError extends JianguanError {
  override readonly name = 'PostgresError' as const;
  constructor(code: string, messages: LocalizedMessage, options: JianguanErrorOptions = {}) {
    super(code, messages, options);
  }
}
