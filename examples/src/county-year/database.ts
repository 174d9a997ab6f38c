/**
 * The department's database (部门业务库): where the market-regulation bureau's outbox — what it still has to
 * report, what the province answered, what was rejected — lives during the demo. PGlite (embedded PostgreSQL, in
 * memory) by default; with `DATABASE_URL` set, a real PostgreSQL server: the demo then works in a scratch database
 * `jianguan_demo` on that server, recreated on every run and left behind to look at, so nothing else there is
 * touched.
 */
import { PGlite } from '@electric-sql/pglite';
import { migrate, type SqlClient } from '@jianguan/postgres';
import pg from 'pg';

/** The name of the scratch database the demo recreates on a `DATABASE_URL` server. */
export const DEMO_DATABASE = 'jianguan_demo';

/** An open department database. */
export interface DemoDatabase {
  readonly db: SqlClient;
  readonly kind: 'pglite' | 'postgres';
  /** What to print: `PGlite (in memory)` or `PostgreSQL postgres://…/jianguan_demo` (no password). */
  readonly label: string;
  close(): Promise<void>;
}

function withoutPassword(url: URL): string {
  const copy = new URL(url);
  if (copy.password) copy.password = '***';
  return copy.toString();
}

/**
 * Opens (and migrates) the department's database: PGlite in memory, or the scratch database on the server
 * `databaseUrl` names (default `process.env.DATABASE_URL`).
 */
export async function openDemoDatabase(
  databaseUrl: string | undefined = process.env.DATABASE_URL,
): Promise<DemoDatabase> {
  if (!databaseUrl) {
    const db = new PGlite();
    await db.waitReady;
    await migrate(db);
    return { db, kind: 'pglite', label: 'PGlite (in memory 内存)', close: () => db.close() };
  }
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${DEMO_DATABASE} with (force)`);
    await admin.query(`create database ${DEMO_DATABASE} encoding 'UTF8' template template0`);
  } finally {
    await admin.end();
  }
  const url = new URL(databaseUrl);
  url.pathname = `/${DEMO_DATABASE}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  pool.on('error', () => undefined); // an idle connection dropped: the pool replaces it
  await migrate(pool);
  return { db: pool, kind: 'postgres', label: `PostgreSQL ${withoutPassword(url)}`, close: () => pool.end() };
}

/** What the department's outbox table holds, by state (the demo prints it: the state is in the database). */
export async function outboxCounts(db: SqlClient): Promise<{
  readonly entries: number;
  readonly stored: number;
  readonly duplicate: number;
  readonly rejected: number;
  readonly pending: number;
}> {
  const { rows } = await db.query(
    `select count(*)::int as entries,
            count(*) filter (where status = 'stored')::int as stored,
            count(*) filter (where status = 'duplicate')::int as duplicate,
            count(*) filter (where status = 'rejected')::int as rejected,
            count(*) filter (where settled_at is null)::int as pending
     from jianguan.outbox`,
  );
  const r = rows[0] ?? {};
  return {
    entries: Number(r.entries),
    stored: Number(r.stored),
    duplicate: Number(r.duplicate),
    rejected: Number(r.rejected),
    pending: Number(r.pending),
  };
}
