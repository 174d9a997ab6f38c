import { PostgresError } from './errors.js';

/**
 * What the package needs from a database handle (数据库连接): a `pg` `Client`, `PoolClient` or `Pool`, a
 * PGlite instance or a PGlite transaction all fit.
 *
 * @example
 * const db: SqlClient = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 */
export interface SqlClient {
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

interface PgliteLike extends SqlClient {
  exec(text: string): Promise<unknown>;
  transaction<T>(fn: (tx: SqlClient & { exec(text: string): Promise<unknown> }) => Promise<T>): Promise<T>;
}
interface PoolLike extends SqlClient {
  connect(): Promise<SqlClient & { release(error?: unknown): void }>;
  totalCount: number;
}

function isPglite(db: SqlClient): db is PgliteLike {
  return (
    typeof (db as Partial<PgliteLike>).transaction === 'function' &&
    typeof (db as Partial<PgliteLike>).exec === 'function'
  );
}
function isPool(db: SqlClient): db is PoolLike {
  return (
    typeof (db as Partial<PoolLike>).connect === 'function' &&
    typeof (db as Partial<PoolLike>).totalCount === 'number'
  );
}

/**
 * Checks that `db` can run queries; throws a {@link PostgresError} `invalid_client` otherwise.
 *
 * @internal
 */
export function checkClient(db: unknown): asserts db is SqlClient {
  if (db === null || typeof db !== 'object' || typeof (db as SqlClient).query !== 'function') {
    throw new PostgresError(
      'invalid_client',
      { zh: '需要 pg 客户端、连接池或 PGlite 实例', en: 'a pg Client, Pool or PGlite instance is required' },
      { path: ['db'] },
    );
  }
}

/**
 * Runs a multi-statement SQL script (PGlite's `exec`, or pg's simple query protocol).
 *
 * @internal
 */
export async function execScript(db: SqlClient, sql: string): Promise<void> {
  if (typeof (db as Partial<PgliteLike>).exec === 'function') await (db as PgliteLike).exec(sql);
  else await db.query(sql);
}

/**
 * Runs `fn` in one transaction on one connection (a pool lends a client; PGlite uses its `transaction`; a
 * single client runs `BEGIN`/`COMMIT` itself). Rolls back when `fn` throws.
 *
 * @example
 * await withTransaction(pool, async (tx) => {
 *   await tx.query('insert into orders …');
 *   await outboxStore.enqueueIn(tx, client, 'behaviours', items);
 * });
 */
export async function withTransaction<T>(
  db: SqlClient,
  fn: (tx: SqlClient) => Promise<T>,
  options: { readonly isolation?: 'read committed' | 'repeatable read' | 'serializable' } = {},
): Promise<T> {
  checkClient(db);
  const begin = options.isolation ? `begin isolation level ${options.isolation}` : 'begin';
  if (isPglite(db)) {
    return db.transaction(async (tx) => {
      if (options.isolation) await tx.query(`set transaction isolation level ${options.isolation}`);
      return fn(tx);
    });
  }
  const lent = isPool(db) ? await db.connect() : undefined;
  const conn: SqlClient = lent ?? db;
  try {
    await conn.query(begin);
    try {
      const out = await fn(conn);
      await conn.query('commit');
      return out;
    } catch (error) {
      await conn.query('rollback').catch(() => undefined);
      throw error;
    }
  } finally {
    lent?.release();
  }
}
