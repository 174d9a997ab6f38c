// The demo's department database on a real PostgreSQL server (DATABASE_URL, or a throwaway server): a scratch
// database `jianguan_demo` recreated on every run, so a second run starts from an empty outbox and nothing else
// on the server is touched.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../packages/postgres/test/support/server.js';
import { DEMO_DATABASE, openDemoDatabase, outboxCounts } from '../src/county-year/database.js';

describe('the demo database on a PostgreSQL server', () => {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer();
  }, 120_000);
  afterAll(async () => {
    if (server?.url) {
      const admin = new pg.Client({ connectionString: server.url });
      await admin.connect();
      await admin.query(`drop database if exists ${DEMO_DATABASE} with (force)`);
      await admin.end();
    }
    server?.stop();
  });

  it('recreates jianguan_demo, migrated and empty, on every run', async (ctx) => {
    if (!server?.url) return ctx.skip(server?.missing);
    const first = await openDemoDatabase(server.url);
    try {
      expect(first.kind).toBe('postgres');
      expect(first.label).toMatch(/^PostgreSQL postgres:\/\/.*\/jianguan_demo$/);
      await first.db.query(
        `insert into jianguan.outbox (key, kind, record_id, operation, enqueued_at) values ('k', 'behaviours', 'r', 'I', 0)`,
      );
      expect((await outboxCounts(first.db)).entries).toBe(1);
    } finally {
      await first.close();
    }
    const second = await openDemoDatabase(server.url);
    try {
      expect(await outboxCounts(second.db)).toEqual({
        entries: 0,
        stored: 0,
        duplicate: 0,
        rejected: 0,
        pending: 0,
      });
    } finally {
      await second.close();
    }
  });

  it('uses PGlite in memory without a URL', async () => {
    const db = await openDemoDatabase(undefined);
    try {
      expect([db.kind, db.label]).toEqual(['pglite', 'PGlite (in memory 内存)']);
      expect((await outboxCounts(db.db)).entries).toBe(0);
    } finally {
      await db.close();
    }
  });
});
