import { requireOptions } from './boundary.js';
import { checkClient, execScript, type SqlClient, withTransaction } from './db.js';
import { PostgresError } from './errors.js';
import { exchangeTablesSql, HARVEST_CURSOR_SQL } from './exchange.js';
import { sha256Hex } from './hash.js';
import { KPI_SQL } from './kpi.js';
import { KPI_FEEDS_SQL } from './kpi-feeds.js';
import { TOPIC_TABLES, topicTableSql } from './schema.js';
import { type DigestFunction, drawFunctionsSql } from './sql-draw.js';
import { TASK_EVENTS_SQL } from './task-store.js';
import { WORKDAYS_SQL } from './workdays.js';

/**
 * One versioned migration (数据库迁移).
 *
 * @example
 * const m: Migration = { version: 1, name: 'base', sql: 'create table …' };
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Key of the advisory lock held while migrating (so two migrators never interleave). */
export const MIGRATION_LOCK_KEY = 0x6a69616e; // 'jian'

/**
 * The versioned migrations, applied in order once each. Topic tables are not listed here: they are generated
 * from core's schemas and synchronised on every {@link migrate} (columns only ever added).
 *
 * @example
 * MIGRATIONS.map((m) => `${m.version} ${m.name}`);
 */
export const MIGRATIONS: readonly Migration[] = migrations('builtin');

function migrations(digest: DigestFunction): readonly Migration[] {
  return Object.freeze([
    {
      version: 1,
      name: 'outbox, batch sequences, draw records',
      sql: `
create table jianguan.outbox (
  key text primary key,
  seq bigint generated always as identity unique,
  kind text not null,
  record_id text not null,
  operation text not null check (operation in ('I', 'U', 'D')),
  record jsonb,
  enqueued_at bigint not null,
  event_date text,
  lease_owner text,
  lease_until timestamptz,
  attempts integer not null default 0,
  status text check (status in ('stored', 'duplicate', 'rejected')),
  batch_no text,
  issues jsonb,
  settled_at timestamptz
);
create index outbox_pending on jianguan.outbox (seq) where settled_at is null;
create table jianguan.batch_sequences (day date primary key, last integer not null check (last between 0 and 99999));
create table jianguan.draw_records (
  record_digest text primary key,
  task_id text not null,
  seed text not null,
  record jsonb not null,
  stored_at timestamptz not null default now()
);`,
    },
    { version: 2, name: 'draw functions (ticket, draw)', sql: drawFunctionsSql(digest) },
    { version: 3, name: '前置库 exchange tables (cd_*) and quality feedback', sql: exchangeTablesSql() },
    { version: 4, name: 'working-day table and lateness functions', sql: WORKDAYS_SQL },
    { version: 5, name: 'task event log (append-only, hash chain per book)', sql: TASK_EVENTS_SQL },
    { version: 6, name: 'KPI behaviour facts, timeliness and per-department counts', sql: KPI_SQL },
    {
      version: 7,
      name: 'KPI feeds (clues, 双告知, publications) and their per-department counts',
      sql: KPI_FEEDS_SQL,
    },
    { version: 8, name: '前置库 harvest cursor (cd_harvest_cursor)', sql: HARVEST_CURSOR_SQL },
    {
      version: 9,
      name: 'KPI counts take civil dates in Asia/Shanghai whatever the session TimeZone',
      // A facts relation may hold timestamps: `::date` inside the counts then gives the Beijing civil date, not
      // the session's (a record at 00:30 on 1 November in Beijing is still 31 October in Los Angeles).
      sql: `
alter function jianguan.behaviour_kpi(regclass, jsonb, integer, integer) set timezone to 'Asia/Shanghai';
alter function jianguan.feed_kpi(regclass, name, name, jsonb, integer) set timezone to 'Asia/Shanghai';
alter function jianguan.coverage_kpi(regclass, regclass, jsonb) set timezone to 'Asia/Shanghai';
alter function jianguan.publication_kpi(regclass, jsonb) set timezone to 'Asia/Shanghai';`,
    },
  ]);
}

/** SHA-256 of each version's text, in either digest variant (the one applied is the one recorded). @internal */
export const CHECKSUMS: ReadonlyMap<string, readonly string[]> = new Map(
  MIGRATIONS.map((m, i) => [
    String(m.version),
    [sha256Hex(m.sql), sha256Hex(migrations('pgcrypto')[i]!.sql)],
  ]),
);

/**
 * Applied migrations are fixed text: a version recorded with a checksum that none of this package's texts of that
 * version has was installed from different SQL (an edited migration), and its objects may not be what this code
 * expects — refuse with `migration_changed` rather than build on them. Rows from before checksums were recorded
 * get this package's checksum.
 */
async function checkAppliedText(tx: SqlClient, recorded: Map<string, string | null>): Promise<void> {
  for (const [version, checksum] of recorded) {
    const known = CHECKSUMS.get(version);
    if (known === undefined) continue;
    if (checksum === null) {
      await tx.query('update jianguan.schema_migrations set checksum = $2 where version = $1', [
        version,
        known[0],
      ]);
    } else if (!known.includes(checksum)) {
      throw new PostgresError(
        'migration_changed',
        {
          zh: `已应用的迁移 ${version} 与本版本的迁移文本不一致（校验和不同）`,
          en: `applied migration ${version} differs from this version's text (checksum mismatch)`,
        },
        { path: ['migrations', version], details: { version, recorded: checksum, expected: known } },
      );
    }
  }
}

/**
 * The result of {@link migrate}.
 *
 * @example
 * const r: MigrateResult = { applied: [1, 2, 3, 4, 5, 6, 7, 8, 9], current: 9, topicsDigest: '…' };
 */
export interface MigrateResult {
  /** Versions applied by this call (empty when already up to date). */
  readonly applied: number[];
  readonly current: number;
  /** SHA-256 of the generated topic-table DDL now installed. */
  readonly topicsDigest: string;
}

/**
 * Installs or upgrades the `jianguan` schema (安装数据库结构): pending versioned migrations, then the topic tables
 * generated from core's record schemas, in one transaction under an advisory lock — idempotent, and safe when
 * several processes migrate at once. Each applied version is recorded with the SHA-256 of its text; a version
 * recorded from different text throws {@link PostgresError} `migration_changed` and changes nothing.
 *
 * @example
 * const db = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migrate(db); // { applied: [1, 2, 3, 4, 5, 6, 7, 8, 9], current: 9, … } the first time, applied: [] afterwards
 */
export async function migrate(
  db: SqlClient,
  options: {
    /**
     * How the draw functions hash: PostgreSQL's built-in `sha256()` (default) or pgcrypto's `digest()` for engines
     * without it (the extension must be installed). Same tickets either way.
     */
    readonly digest?: DigestFunction;
  } = {},
): Promise<MigrateResult> {
  checkClient(db);
  requireOptions(options);
  const list = options.digest === 'pgcrypto' ? migrations('pgcrypto') : MIGRATIONS;
  return withTransaction(db, async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await execScript(
      tx,
      `create schema if not exists jianguan;
create table if not exists jianguan.schema_migrations (version text primary key, name text not null, applied_at timestamptz not null default now());
alter table jianguan.schema_migrations add column if not exists checksum text;`,
    );
    const recorded = new Map(
      (await tx.query('select version, checksum from jianguan.schema_migrations')).rows.map((r) => [
        String(r.version),
        r.checksum === null || r.checksum === undefined ? null : String(r.checksum),
      ]),
    );
    await checkAppliedText(tx, recorded);
    const applied: number[] = [];
    for (const m of list) {
      if (recorded.has(String(m.version))) continue;
      await execScript(tx, m.sql);
      await tx.query('insert into jianguan.schema_migrations (version, name, checksum) values ($1, $2, $3)', [
        String(m.version),
        m.name,
        sha256Hex(m.sql),
      ]);
      applied.push(m.version);
    }
    const topicSql = TOPIC_TABLES.map(topicTableSql).join('\n');
    const topicsDigest = sha256Hex(topicSql);
    if (!recorded.has(`topics:${topicsDigest}`)) {
      await execScript(tx, topicSql);
      await tx.query('insert into jianguan.schema_migrations (version, name) values ($1, $2)', [
        `topics:${topicsDigest}`,
        'topic tables generated from @jianguan/core schemas',
      ]);
    }
    return { applied, current: list.at(-1)!.version, topicsDigest };
  });
}
