import type { SqlClient } from '@jianguan/postgres';
import type { OptionSpec, OptionValues } from './args.js';
import { helpHint, stringOption, valueOption } from './args.js';
import { inputError, usageError } from './errors.js';
import { resolvePath } from './files.js';
import type { CliIo } from './io.js';

/**
 * The database a command works on (数据库): a PostgreSQL server by URL, or an embedded PGlite directory.
 *
 * @example
 * const target: DatabaseTarget = { kind: 'pglite', dir: '/srv/jianguan-data' };
 */
export type DatabaseTarget =
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'pglite'; readonly dir: string };

/** The options of every command that opens the database: `--database-url <url>` or `--pglite <dir>`. */
export const databaseOptions: Readonly<Record<'database-url' | 'pglite', OptionSpec>> = {
  'database-url': valueOption('<url>', {
    zh: 'PostgreSQL 连接串（默认取环境变量 DATABASE_URL）',
    en: 'PostgreSQL connection URL (default: the DATABASE_URL environment variable)',
  }),
  pglite: valueOption('<dir>', {
    zh: '嵌入式 PGlite 数据库目录（不存在则创建）',
    en: 'an embedded PGlite database directory (created if absent)',
  }),
};

/** The help lines that say how the database is chosen (one language per line). */
export const DATABASE_HELP: readonly string[] = [
  '数据库：--database-url <连接串>，否则取环境变量 DATABASE_URL（postgres:// 或 postgresql:// 开头）；',
  '--pglite <目录> 使用该目录中的嵌入式 PGlite 数据库（不存在则创建）。两者只能二选一。',
  'The database: --database-url <url>, else the DATABASE_URL environment variable (postgres:// or',
  'postgresql://); --pglite <dir> uses an embedded PGlite database in that directory (created if absent).',
  'Give one of them, not both.',
];

/** Whether `text` names a PostgreSQL server (`postgres://…`, `postgresql://…`) rather than a directory. */
export function isPostgresUrl(text: string): boolean {
  return /^postgres(ql)?:\/\//i.test(text);
}

/**
 * The database named by a command's options: `--pglite <dir>` (resolved against the working directory), else
 * `--database-url`, else `DATABASE_URL`. Usage errors (exit 2) for both at once, for none, and for a URL that is
 * not `postgres://`.
 */
export function databaseTarget(
  command: string,
  values: OptionValues,
  io: Pick<CliIo, 'cwd' | 'env'>,
): DatabaseTarget {
  const url = stringOption(values, 'database-url');
  const dir = stringOption(values, 'pglite');
  if (url !== undefined && dir !== undefined) {
    throw usageError(
      'conflicting_options',
      {
        zh: '--database-url 与 --pglite 只能二选一',
        en: '--database-url and --pglite cannot be combined',
      },
      { hint: helpHint(command) },
    );
  }
  if (dir !== undefined) return { kind: 'pglite', dir: resolvePath(io.cwd, dir) };
  const chosen = url ?? io.env.DATABASE_URL;
  if (chosen === undefined || chosen === '') {
    throw usageError(
      'missing_database',
      {
        zh: '未指定数据库：请用 --database-url <连接串> 或设置环境变量 DATABASE_URL（如 postgres://用户@主机/库名），或用 --pglite <目录> 使用嵌入式数据库',
        en: 'no database given: pass --database-url <url> or set DATABASE_URL (e.g. postgres://user@host/dbname), or use --pglite <dir> for an embedded database',
      },
      { hint: helpHint(command) },
    );
  }
  if (!isPostgresUrl(chosen)) {
    throw usageError(
      'bad_database_url',
      {
        zh: `数据库连接串须以 postgres:// 或 postgresql:// 开头：${redactUrl(chosen)}`,
        en: `the database URL must start with postgres:// or postgresql://: ${redactUrl(chosen)}`,
      },
      { hint: helpHint(command) },
    );
  }
  return { kind: 'postgres', url: chosen };
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

/** `PGlite <dir>` or `PostgreSQL <url without password>`, for messages. */
export function describeDatabase(target: DatabaseTarget): string {
  return target.kind === 'pglite' ? `PGlite ${target.dir}` : `PostgreSQL ${redactUrl(target.url)}`;
}

/** Open the database (the drivers load only now); an input error (exit 3) when it cannot be opened. */
export async function openDatabase(
  target: DatabaseTarget,
): Promise<{ db: SqlClient; close(): Promise<void> }> {
  try {
    if (target.kind === 'pglite') {
      const { PGlite } = await import('@electric-sql/pglite');
      const db = new PGlite(target.dir);
      await db.waitReady;
      return { db, close: () => db.close() };
    }
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    return { db: client, close: () => client.end() };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw inputError(
      'database_unreachable',
      {
        zh: `无法打开数据库 ${describeDatabase(target)}（原因见下一行）`,
        en: `cannot open the database ${describeDatabase(target)}: ${text}`,
      },
      { cause: error, details: { reason: text } },
    );
  }
}
