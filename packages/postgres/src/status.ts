import { checkClient, type SqlClient } from './db.js';
import { sha256Hex } from './hash.js';
import { CHECKSUMS, MIGRATIONS } from './migrate.js';
import { TOPIC_TABLES, topicTableSql } from './schema.js';

/**
 * Where a database stands against this version's migrations (迁移状态), as {@link migrationStatus} reports it.
 *
 * @example
 * const s: MigrationStatus = { installed: true, applied: [1, 2], pending: [3, 4], latest: 4, topicsCurrent: false, changed: [], upToDate: false };
 */
export interface MigrationStatus {
  /** Whether the `jianguan` schema's migration table exists at all. */
  readonly installed: boolean;
  /** Versioned migrations recorded in `jianguan.schema_migrations`, ascending. */
  readonly applied: number[];
  /** Versions this package has and the database lacks, in the order `migrate` applies them. */
  readonly pending: number[];
  /** The newest version this package knows. */
  readonly latest: number;
  /** Whether the topic tables generated from core's current schemas are installed. */
  readonly topicsCurrent: boolean;
  /**
   * Applied versions recorded with a checksum none of this version's texts has (`migrate` refuses them with
   * `migration_changed`), ascending.
   */
  readonly changed: number[];
  /** Nothing to do: no pending or changed version and current topic tables. */
  readonly upToDate: boolean;
}

/**
 * Reads which migrations a database has (查询迁移状态) without changing anything: the versions applied, the ones
 * {@link migrate} would apply, and whether the topic tables match core's schemas.
 *
 * @example
 * import { PGlite } from '@electric-sql/pglite';
 * const db = new PGlite();
 * (await migrationStatus(db)).installed; // false
 * await migrate(db);
 * (await migrationStatus(db)).upToDate; // true
 */
export async function migrationStatus(db: SqlClient): Promise<MigrationStatus> {
  checkClient(db);
  const latest = MIGRATIONS.at(-1)!.version;
  const exists = await db.query(`select to_regclass('jianguan.schema_migrations') is not null as present`);
  const installed = exists.rows[0]?.present === true;
  // to_jsonb: a table from before checksums were recorded has no `checksum` column yet.
  const rows = installed
    ? (
        await db.query(
          "select version, to_jsonb(m) ->> 'checksum' as checksum from jianguan.schema_migrations m",
        )
      ).rows
    : [];
  const recorded = rows.map((r) => String(r.version));
  const done = new Set(recorded);
  const changed = rows
    .filter((r) => {
      const known = CHECKSUMS.get(String(r.version));
      return known !== undefined && typeof r.checksum === 'string' && !known.includes(r.checksum);
    })
    .map((r) => Number(r.version))
    .sort((a, b) => a - b);
  const applied = recorded
    .filter((v) => /^\d+$/.test(v))
    .map(Number)
    .sort((a, b) => a - b);
  const pending = MIGRATIONS.filter((m) => !done.has(String(m.version))).map((m) => m.version);
  const topicsCurrent = done.has(`topics:${sha256Hex(TOPIC_TABLES.map(topicTableSql).join('\n'))}`);
  return {
    installed,
    applied,
    pending,
    latest,
    topicsCurrent,
    changed,
    upToDate: pending.length === 0 && changed.length === 0 && topicsCurrent,
  };
}
