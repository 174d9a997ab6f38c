import { EXPECTED, InvalidOptionsError } from '@jianguan/core';
import { badArgument, requireOptions } from './boundary.js';
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
 * Whether `db` is a handle already inside a transaction block that {@link withTransaction} can join: a pg
 * `Client` or `PoolClient` after `BEGIN` (`getTransactionStatus()` is `'T'`, or `'E'` once a statement failed), or
 * a PGlite transaction (the `tx` of PGlite's `transaction`, which has `rollback` and `closed` but no `transaction`
 * of its own). A pool, a PGlite instance and a client between transactions are not.
 */
async function insideTransaction(db: SqlClient): Promise<boolean> {
  const d = db as {
    getTransactionStatus?: unknown;
    rollback?: unknown;
    closed?: unknown;
    transaction?: unknown;
  };
  if (typeof d.getTransactionStatus === 'function') {
    const inBlock = () => {
      const status: unknown = (d.getTransactionStatus as () => unknown).call(db);
      return status === 'T' || status === 'E';
    };
    if (!inBlock()) return false;
    // pg calls back with an error before the server's ReadyForQuery updates the status: right after a failed
    // COMMIT it may still read 'T'. A successful round trip settles it; one that fails is inside an aborted
    // transaction (or on a lost connection), where the caller's ROLLBACK is all that is left.
    return db.query('select 1').then(inBlock, () => true);
  }
  return (
    typeof d.rollback === 'function' && typeof d.closed === 'boolean' && typeof d.transaction !== 'function'
  );
}

/**
 * Options of {@link withTransaction}.
 *
 * @example
 * const o: TransactionOptions = { isolation: 'serializable' };
 */
export interface TransactionOptions {
  /** Isolation level of the transaction started here (a joined transaction keeps the caller's). */
  readonly isolation?: 'read committed' | 'repeatable read' | 'serializable';
  /**
   * Join a transaction the caller already opened on `db` (default `false`): when `db` is a pg `Client` or
   * `PoolClient` after `BEGIN`, or a PGlite transaction (the `tx` of PGlite's `transaction` or of
   * `withTransaction`), `fn` runs on it with no `BEGIN`, `COMMIT` or `ROLLBACK` here — the caller's `COMMIT` or
   * `ROLLBACK` decides, and a failed statement leaves the caller's transaction aborted. Any other handle (a pool,
   * a PGlite instance, a client between transactions) gets its own transaction as without `join`.
   */
  readonly join?: boolean;
}

const ISOLATION_LEVELS: readonly unknown[] = ['read committed', 'repeatable read', 'serializable'];

/**
 * Runs `fn` in one transaction on one connection (a pool lends a client; PGlite uses its `transaction`; a
 * single client runs `BEGIN`/`COMMIT` itself). Rolls back when `fn` throws; a pool's client is always released
 * (and discarded when even the rollback failed). With `{ join: true }`, a handle already inside the caller's
 * transaction is used as it is, so the caller's `COMMIT` or `ROLLBACK` decides.
 *
 * @example
 * await withTransaction(pool, async (tx) => {
 *   await tx.query('insert into orders …');
 *   await enqueueInTransaction(tx, client, 'behaviours', items);
 * });
 * @example
 * // atomic on its own (a pool: BEGIN … COMMIT), or a part of the caller's transaction (a client after BEGIN)
 * const saveDay = (db: SqlClient, facts: BehaviourFact[], feeds: KpiFeeds) =>
 *   withTransaction(db, async (tx) => [await saveKpiFacts(tx, facts), await saveKpiFeeds(tx, feeds)], { join: true });
 */
export async function withTransaction<T>(
  db: SqlClient,
  fn: (tx: SqlClient) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  checkClient(db);
  if (typeof fn !== 'function') badArgument(['fn'], EXPECTED.function, fn);
  requireOptions(options);
  // The level is spliced into `begin isolation level …`: only the three names, never caller text.
  if (options.isolation !== undefined && !ISOLATION_LEVELS.includes(options.isolation))
    throw new InvalidOptionsError(
      'isolation',
      { en: ISOLATION_LEVELS.map((l) => `'${l}'`).join(' | '), zh: ISOLATION_LEVELS.join('、') },
      options.isolation,
    );
  if (options.join !== undefined && typeof options.join !== 'boolean')
    throw new InvalidOptionsError('join', EXPECTED.boolean, options.join);
  if (options.join === true && (await insideTransaction(db))) return fn(db);
  const begin = options.isolation ? `begin isolation level ${options.isolation}` : 'begin';
  if (isPglite(db)) {
    return db.transaction(async (tx) => {
      if (options.isolation) await tx.query(`set transaction isolation level ${options.isolation}`);
      return fn(tx);
    });
  }
  const lent = isPool(db) ? await db.connect() : undefined;
  const conn: SqlClient = lent ?? db;
  // A connection whose rollback failed may still be inside the transaction: the pool must not lend it again.
  let broken: unknown;
  try {
    await conn.query(begin);
    try {
      const out = await fn(conn);
      await conn.query('commit');
      return out;
    } catch (error) {
      await conn.query('rollback').catch((rollbackError: unknown) => {
        broken = rollbackError;
      });
      throw error;
    }
  } finally {
    lent?.release(broken);
  }
}
