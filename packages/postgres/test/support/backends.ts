// The two backends every suite runs on: a real PostgreSQL server (a fresh database per call, on the server the
// global setup started or DATABASE_URL names) and an in-memory PGlite.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { migrate, type SqlClient } from '../../src/index.js';

export interface Backend {
  readonly name: 'postgres' | 'pglite';
  /** Why it cannot run here ('' when it can). Only possible outside CI: the global setup fails in CI. */
  readonly missing: string;
  open(): Promise<{ db: SqlClient; url?: string; close(): Promise<void> }>;
}

let counter = 0;

export const postgresBackend: Backend = {
  name: 'postgres',
  missing: inject('databaseMissing'),
  async open() {
    const base = inject('databaseUrl');
    const name = `jg_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name} encoding 'UTF8' template template0`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    const pool = new pg.Pool({ connectionString: url.toString(), max: 8 });
    pool.on('error', () => undefined); // an idle client's connection dropped: the pool replaces it
    return {
      db: pool,
      url: url.toString(),
      async close() {
        await pool.end();
        const a = new pg.Client({ connectionString: base });
        await a.connect();
        try {
          // Wait for this pool's sessions to be gone (a forced drop would kill a session still closing); only
          // sessions of a killed child process remain after that, and those are forced out.
          for (let i = 0; ; i++) {
            try {
              await a.query(`drop database if exists ${name}${i >= 20 ? ' with (force)' : ''}`);
              break;
            } catch (error) {
              if (i >= 20) throw error;
              await new Promise((r) => setTimeout(r, 250));
            }
          }
        } finally {
          await a.end();
        }
      },
    };
  },
};

export const pgliteBackend: Backend = {
  name: 'pglite',
  missing: '',
  async open() {
    const db = new PGlite();
    await db.waitReady;
    return { db, close: () => db.close() };
  },
};

export const BACKENDS: readonly Backend[] = [postgresBackend, pgliteBackend];

/**
 * One `describe` block per backend, `${title} on <backend>`, whose tests share a freshly migrated database: `body`
 * gets a handle that forwards to it once `beforeAll` has opened it. Outside CI a backend that cannot run is
 * reported as one skipped test with the reason (in CI the global setup fails instead).
 */
export function describeOnMigratedBackends(
  title: string,
  body: (db: SqlClient, backend: Backend) => void,
): void {
  for (const backend of BACKENDS) {
    describe(`${title} on ${backend.name}`, () => {
      if (backend.missing) {
        it.skip(`skipped: ${backend.missing}`, () => undefined);
        return;
      }
      let real: SqlClient | undefined;
      let close: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        ({ db: real, close } = await backend.open());
        await migrate(real);
      }, 120_000);
      afterAll(async () => close?.());
      const db = new Proxy({} as SqlClient, {
        get(_target, property) {
          if (real === undefined) throw new Error(`${backend.name}: the database is not open yet`);
          const value: unknown = Reflect.get(real, property, real);
          return typeof value === 'function' ? value.bind(real) : value;
        },
      });
      body(db, backend);
    });
  }
}
