import type { MigrateResult, MigrationStatus } from '@jianguan/postgres';
import type { CommandContext, CommandSpec } from '../runtime/args.js';
import {
  helpHint,
  noExtraPositionals,
  stringOption,
  subcommandArgument,
  valueOption,
} from '../runtime/args.js';
import type { DatabaseTarget } from '../runtime/database.js';
import {
  DATABASE_HELP,
  databaseOptions,
  databaseTarget,
  describeDatabase,
  openDatabase,
} from '../runtime/database.js';
import { usageError } from '../runtime/errors.js';
import type { ExitCodeValue } from '../runtime/exit-codes.js';
import { ExitCode } from '../runtime/exit-codes.js';
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
  // One language per line: each Chinese line, then its English line.
  description: [
    'migrate  安装待执行的版本迁移，以及由核心数据模式生成的主题表（单事务、咨询锁，可重复执行）',
    '         apply the pending versioned migrations and the topic tables generated from the core schemas',
    'status   只读查看已安装和待执行的迁移',
    '         list applied and pending migrations without changing anything',
    '',
    ...DATABASE_HELP,
    '退出码：0 完成或已是最新，1（`status`）有待执行的迁移，2 未指定数据库，3 无法连接。',
    'Exit codes: 0 done / up to date, 1 (status) migrations pending, 2 no database given, 3 unreachable.',
  ],
  options: {
    ...databaseOptions,
    digest: valueOption('builtin|pgcrypto', {
      zh: '抽取函数的哈希：内置 sha256()（默认）或 `pgcrypto` 扩展的 `digest()`',
      en: "how the draw functions hash: built-in sha256() (default) or pgcrypto's digest()",
    }),
  },
  examples: [
    'DATABASE_URL=postgres://jianguan@localhost/dept jianguan db migrate',
    'jianguan db migrate --database-url postgres://user@db.example/dept --json',
    'jianguan db status --pglite ./jianguan-data || jianguan db migrate --pglite ./jianguan-data',
  ],
  async run(ctx: CommandContext): Promise<ExitCodeValue> {
    const action = subcommandArgument(NAME, ctx.positionals, ACTIONS);
    noExtraPositionals(NAME, ctx.positionals, 1);
    const digest = stringOption(ctx.values, 'digest');
    if (digest !== undefined && digest !== 'builtin' && digest !== 'pgcrypto') {
      throw usageError(
        'bad_option',
        {
          zh: `--digest 须为 \`builtin\` 或 \`pgcrypto\`，收到 "${digest}"`,
          en: `--digest takes builtin or pgcrypto, got "${digest}"`,
        },
        { details: { option: 'digest', value: digest }, hint: helpHint(NAME) },
      );
    }
    const target = databaseTarget(NAME, ctx.values, ctx.io);
    const { db, close } = await openDatabase(target);
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

function reportMigrate(ctx: CommandContext, target: DatabaseTarget, result: MigrateResult): void {
  if (ctx.json) {
    writeJson(ctx.io.stdout, { database: describeDatabase(target), ...result });
    return;
  }
  // One language per line: each Chinese line, then its English line.
  const out = ctx.io.stdout;
  writeLine(out, `数据库：${describeDatabase(target)}`);
  writeLine(out, `database: ${describeDatabase(target)}`);
  if (result.applied.length === 0) {
    writeLine(out, `已是最新版本 ${result.current}`);
    writeLine(out, `already at version ${result.current}`);
  } else {
    writeLine(out, `已安装：${result.applied.join(', ')}，当前版本 ${result.current}`);
    writeLine(out, `applied: ${result.applied.join(', ')} → version ${result.current}`);
  }
}

function reportStatus(ctx: CommandContext, target: DatabaseTarget, status: MigrationStatus): void {
  if (ctx.json) {
    writeJson(ctx.io.stdout, { database: describeDatabase(target), ...status });
    return;
  }
  const list = (v: readonly number[]) => (v.length === 0 ? '—' : v.join(', '));
  const out = ctx.io.stdout;
  writeLine(out, `数据库：${describeDatabase(target)}`);
  writeLine(out, `database: ${describeDatabase(target)}`);
  writeLine(out, `已安装：${list(status.applied)}；待执行：${list(status.pending)}`);
  writeLine(out, `applied: ${list(status.applied)}; pending: ${list(status.pending)}`);
  writeLine(out, `主题表：${status.topicsCurrent ? '最新' : '待更新'}`);
  writeLine(out, `topic tables: ${status.topicsCurrent ? 'current' : 'out of date'}`);
  if (status.changed.length > 0) {
    // migrate refuses these (migration_changed): running it would not help.
    writeLine(out, `已应用但文本已改动的迁移：${list(status.changed)}（需人工核对）`);
    writeLine(out, `applied from other text: ${list(status.changed)} (check by hand)`);
    return;
  }
  writeLine(out, status.upToDate ? '已是最新。' : '请运行 `jianguan db migrate`。');
  writeLine(out, status.upToDate ? 'up to date.' : 'run `jianguan db migrate`.');
}
