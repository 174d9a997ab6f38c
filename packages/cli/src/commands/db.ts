import type { MigrateResult, MigrationStatus, SqlClient } from '@jianguan/postgres';
import type { CommandContext, CommandSpec } from '../runtime/args.js';
import { helpHint, noExtraPositionals, stringOption, valueOption } from '../runtime/args.js';
import { inputError, usageError } from '../runtime/errors.js';
import type { ExitCodeValue } from '../runtime/exit-codes.js';
import { ExitCode } from '../runtime/exit-codes.js';
import { resolvePath } from '../runtime/files.js';
import { writeJson, writeLine } from '../runtime/io.js';
import { COMMAND_SUMMARIES } from './summaries.js';

const NAME = 'db';
const ACTIONS = ['migrate', 'status'] as const;

/**
 * `jianguan db migrate|status` — install or inspect the `jianguan` schema (数据库迁移) in PostgreSQL (`--database-url`,
 * default `DATABASE_URL`) or an embedded PGlite directory (`--pglite`). The database packages load only when
 * the command runs.
 */
export const dbCommand: CommandSpec = {
  name: NAME,
  summary: COMMAND_SUMMARIES.db,
  usage: [
    'jianguan db migrate [--database-url <url> | --pglite <dir>] [--digest builtin|pgcrypto] [--json]',
    'jianguan db status  [--database-url <url> | --pglite <dir>] [--json]',
  ],
  description: [
    'migrate  apply the pending versioned migrations and the topic tables generated from core',
    '         安装待执行的版本迁移及由 core 模式生成的主题表（单事务、咨询锁，可重复执行）',
    'status   list applied and pending migrations without changing anything 只读查看迁移状态',
    '',
    'The database: --database-url, else the DATABASE_URL environment variable; --pglite <dir> uses an',
    'embedded PGlite database in that directory (created if absent).',
    '数据库：--database-url，否则取环境变量 DATABASE_URL；--pglite <目录> 使用该目录中的嵌入式 PGlite 数据库。',
    'Exit codes: 0 done / up to date, 1 (status) migrations pending, 2 no database given, 3 unreachable.',
    '退出码：0 完成或已是最新，1（status）有待执行的迁移，2 未指定数据库，3 无法连接。',
  ],
  options: {
    'database-url': valueOption('<url>', {
      zh: 'PostgreSQL 连接串（默认取 DATABASE_URL）',
      en: 'PostgreSQL connection URL (default: DATABASE_URL)',
    }),
    pglite: valueOption('<dir>', {
      zh: '嵌入式 PGlite 数据库目录',
      en: 'an embedded PGlite database directory',
    }),
    digest: valueOption('builtin|pgcrypto', {
      zh: '抽取函数的哈希：内置 sha256()（默认）或 pgcrypto 的 digest()',
      en: "how the draw functions hash: built-in sha256() (default) or pgcrypto's digest()",
    }),
  },
  examples: [
    'DATABASE_URL=postgres://jianguan@localhost/dept jianguan db migrate',
    'jianguan db migrate --database-url postgres://user@db.example/dept --json',
    'jianguan db status --pglite ./jianguan-data || jianguan db migrate --pglite ./jianguan-data',
  ],
  async run(ctx: CommandContext): Promise<ExitCodeValue> {
    const [action] = ctx.positionals;
    if (action === undefined || !(ACTIONS as readonly string[]).includes(action)) {
      throw usageError(
        action === undefined ? 'missing_argument' : 'unknown_command',
        action === undefined
          ? { zh: '缺少子命令：migrate 或 status', en: 'missing subcommand: migrate or status' }
          : {
              zh: `未知的 db 子命令：${action}（可选 migrate、status）`,
              en: `unknown db subcommand: ${action} (use migrate or status)`,
            },
        { hint: helpHint(NAME) },
      );
    }
    noExtraPositionals(NAME, ctx.positionals, 1);
    const digest = stringOption(ctx.values, 'digest');
    if (digest !== undefined && digest !== 'builtin' && digest !== 'pgcrypto') {
      throw usageError(
        'bad_option',
        {
          zh: `--digest 须为 builtin 或 pgcrypto，收到 "${digest}"`,
          en: `--digest takes builtin or pgcrypto, got "${digest}"`,
        },
        { details: { option: 'digest', value: digest }, hint: helpHint(NAME) },
      );
    }
    const target = databaseTarget(ctx);
    const { db, close } = await open(target);
    try {
      const pg = await import('@jianguan/postgres');
      if (action === 'migrate') {
        const result = await pg.migrate(db, digest === 'pgcrypto' ? { digest: 'pgcrypto' } : {});
        reportMigrate(ctx, target, result);
        return ExitCode.Ok;
      }
      const status = await pg.migrationStatus(db);
      reportStatus(ctx, target, status);
      return status.upToDate ? ExitCode.Ok : ExitCode.Findings;
    } finally {
      await close();
    }
  },
};

type Target =
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'pglite'; readonly dir: string };

function databaseTarget(ctx: CommandContext): Target {
  const url = stringOption(ctx.values, 'database-url');
  const dir = stringOption(ctx.values, 'pglite');
  if (url !== undefined && dir !== undefined) {
    throw usageError(
      'conflicting_options',
      {
        zh: '--database-url 与 --pglite 只能二选一',
        en: '--database-url and --pglite cannot be combined',
      },
      { hint: helpHint(NAME) },
    );
  }
  if (dir !== undefined) return { kind: 'pglite', dir: resolvePath(ctx.io.cwd, dir) };
  const chosen = url ?? ctx.io.env.DATABASE_URL;
  if (chosen === undefined || chosen === '') {
    throw usageError(
      'missing_database',
      {
        zh: '未指定数据库：请用 --database-url <连接串> 或设置环境变量 DATABASE_URL（如 postgres://用户@主机/库名），或用 --pglite <目录> 使用嵌入式数据库',
        en: 'no database given: pass --database-url <url> or set DATABASE_URL (e.g. postgres://user@host/dbname), or use --pglite <dir> for an embedded database',
      },
      { hint: helpHint(NAME) },
    );
  }
  if (!/^postgres(ql)?:\/\//i.test(chosen)) {
    throw usageError(
      'bad_database_url',
      {
        zh: `数据库连接串须以 postgres:// 或 postgresql:// 开头：${redact(chosen)}`,
        en: `the database URL must start with postgres:// or postgresql://: ${redact(chosen)}`,
      },
      { hint: helpHint(NAME) },
    );
  }
  return { kind: 'postgres', url: chosen };
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

function describeTarget(target: Target): string {
  return target.kind === 'pglite' ? `PGlite ${target.dir}` : `PostgreSQL ${redact(target.url)}`;
}

async function open(target: Target): Promise<{ db: SqlClient; close(): Promise<void> }> {
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
        zh: `无法打开数据库 ${describeTarget(target)}：${text}`,
        en: `cannot open the database ${describeTarget(target)}: ${text}`,
      },
      { cause: error },
    );
  }
}

function reportMigrate(ctx: CommandContext, target: Target, result: MigrateResult): void {
  if (ctx.json) {
    writeJson(ctx.io.stdout, { database: describeTarget(target), ...result });
    return;
  }
  writeLine(ctx.io.stdout, `database 数据库: ${describeTarget(target)}`);
  writeLine(
    ctx.io.stdout,
    result.applied.length === 0
      ? `already at version ${result.current} 已是最新版本 ${result.current}`
      : `applied 已安装: ${result.applied.join(', ')} → version ${result.current} 当前版本 ${result.current}`,
  );
}

function reportStatus(ctx: CommandContext, target: Target, status: MigrationStatus): void {
  if (ctx.json) {
    writeJson(ctx.io.stdout, { database: describeTarget(target), ...status });
    return;
  }
  const list = (v: readonly number[]) => (v.length === 0 ? '—' : v.join(', '));
  writeLine(ctx.io.stdout, `database 数据库: ${describeTarget(target)}`);
  writeLine(ctx.io.stdout, `applied 已安装: ${list(status.applied)}`);
  writeLine(ctx.io.stdout, `pending 待执行: ${list(status.pending)}`);
  writeLine(
    ctx.io.stdout,
    `topic tables 主题表: ${status.topicsCurrent ? 'current 最新' : 'out of date 待更新'}`,
  );
  writeLine(
    ctx.io.stdout,
    status.upToDate ? 'up to date 已是最新' : 'run `jianguan db migrate` 请运行 `jianguan db migrate`',
  );
}
