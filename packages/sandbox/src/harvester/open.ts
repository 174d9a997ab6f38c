import type { SqlClient } from '@jianguan/postgres';
import { ClientOptionsError } from '@jianguan/provincial-client';
import { functionArg, invalid, objectArg, sandboxArg, stringArg } from '../arguments.js';
import type { Sandbox } from '../types.js';
import { createExchangeHarvester, type ExchangeHarvester, type HarvestResult } from './harvester.js';

/**
 * Opens the exchange database named on the command line (`--harvest`): a `postgres://` or `postgresql://` URL
 * (a `pg` pool), or else the directory of an embedded PGlite database. The schema is migrated (idempotent), so
 * a fresh database is ready for departments to write into. The drivers load only when this is called.
 *
 * @example
 * const { db, close } = await openExchangeDatabase(process.env.DATABASE_URL ?? './exchange-data');
 * await close();
 */
export async function openExchangeDatabase(
  target: string,
): Promise<{ readonly db: SqlClient; readonly label: string; close(): Promise<void> }> {
  if (typeof target !== 'string') throw invalid(['target'], { zh: '字符串', en: 'a string' }, target);
  if (target === '' || target.includes('\0')) {
    throw new ClientOptionsError({
      zh: '--harvest 需要数据库连接串或 PGlite 目录',
      en: '--harvest takes a database URL or a PGlite directory',
    });
  }
  const { migrate } = await import('@jianguan/postgres');
  if (/^postgres(ql)?:\/\//i.test(target)) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: target, max: 4 });
    pool.on('error', () => undefined); // an idle connection dropped: the pool replaces it
    await migrate(pool).catch(async (error: unknown) => {
      await pool.end();
      throw error;
    });
    const url = new URL(target);
    if (url.password) url.password = '***';
    return { db: pool, label: `PostgreSQL ${url.toString()}`, close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(target);
  await db.waitReady;
  await migrate(db).catch(async (error: unknown) => {
    await db.close();
    throw error;
  });
  return { db, label: `PGlite ${target}`, close: () => db.close() };
}

/**
 * Opens the exchange database `target` (see {@link openExchangeDatabase}) and polls it every `intervalMs` with an
 * {@link ExchangeHarvester} — what `jianguan-sandbox --harvest` does. `stop()` ends polling and closes the database.
 *
 * @example
 * const harvesting = await startExchangeHarvest(sandbox, { target: process.env.DATABASE_URL ?? './exchange-data' });
 * await harvesting.stop();
 */
export async function startExchangeHarvest(
  sandbox: Sandbox,
  options: {
    readonly target: string;
    readonly intervalMs?: number;
    readonly onRound?: (result: HarvestResult) => void;
    readonly onError?: (error: unknown) => void;
  },
): Promise<{ readonly label: string; readonly harvester: ExchangeHarvester; stop(): Promise<void> }> {
  // everything is checked before the database is opened
  sandboxArg(sandbox, ['sandbox']);
  const o = objectArg(options, ['options']);
  stringArg(o.target, ['options', 'target']);
  if (
    o.intervalMs !== undefined &&
    (typeof o.intervalMs !== 'number' || !(o.intervalMs > 0) || !Number.isFinite(o.intervalMs))
  ) {
    throw invalid(['options', 'intervalMs'], { zh: '正数毫秒', en: 'a positive number of ms' }, o.intervalMs);
  }
  functionArg(o.onRound, ['options', 'onRound'], true);
  functionArg(o.onError, ['options', 'onError'], true);
  const { db, label, close } = await openExchangeDatabase(options.target);
  const harvester = createExchangeHarvester(sandbox, db);
  const stopPolling = harvester.start({
    ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
    ...(options.onRound ? { onRound: options.onRound } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });
  return {
    label,
    harvester,
    async stop() {
      await stopPolling();
      await close();
    },
  };
}
