// The sandbox as the province harvesting a department's 前置库: the department writes through @jianguan/postgres's
// exchange transport (its outbox in the same database), the harvester checks and stores, writes quality feedback
// back, the department fixes and re-sends — on a real PostgreSQL server and on PGlite, and through the real
// `jianguan-sandbox --harvest` process.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import {
  createExchangeTransport,
  drainOutbox,
  enqueueInTransaction,
  harvestExchange,
  migrate,
  readExchangeFeedback,
  readHarvestCursor,
  type SqlClient,
  withTransaction,
} from '@jianguan/postgres';
import {
  createHmacSha256Signer,
  createProvincialClient,
  type ProvincialClient,
} from '@jianguan/provincial-client';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, startTestServer, type TestServer } from '../../postgres/test/support/server.js';
import {
  createExchangeHarvester,
  parseSandboxArgs,
  SANDBOX_CREDENTIALS,
  startSandbox,
  syntheticInspectionRecords,
} from '../src/index.js';

/** The department's client: it only prepares and checks here; the transport writes into the exchange tables. */
function departmentClient(): ProvincialClient {
  return createProvincialClient({
    baseUrl: 'http://127.0.0.1:9',
    source: '330100-PG',
    signer: createHmacSha256Signer(SANDBOX_CREDENTIALS),
    batchSize: 2,
  });
}

async function enqueue(
  db: SqlClient,
  client: ProvincialClient,
  items: Parameters<ProvincialClient['prepare']>[1],
  force = false,
) {
  await withTransaction(db, (tx) => enqueueInTransaction(tx, client, 'behaviours', items, { force }));
}

async function roundTrip(db: SqlClient): Promise<void> {
  await migrate(db);
  const client = departmentClient();
  const transport = createExchangeTransport(db, client);
  const records = syntheticInspectionRecords('harvest', 5, { prefix: 'HV' });
  const brokenId = String(records[2]!.recordId);
  await enqueue(
    db,
    client,
    records.filter((_, i) => i !== 2).map((record) => ({ operation: 'I' as const, record })),
  );
  await enqueue(db, client, [{ operation: 'I', record: { ...records[2]!, checkDate: '2026-13-45' } }], true);
  expect((await drainOutbox(db, { client: transport, owner: 'dept' })).stored).toBe(5);

  const sandbox = await startSandbox({ seed: 'harvest' });
  try {
    const harvester = createExchangeHarvester(sandbox, db, { kinds: ['behaviours'] });
    const first = await harvester.harvest();
    expect(first).toEqual({ rows: 5, stored: 4, duplicates: 0, rejected: 1, feedback: 1, unreadable: 0 });
    expect(
      sandbox.state
        .records('behaviours')
        .map((r) => r.recordId)
        .sort(),
    ).toEqual(
      records
        .map((r) => String(r.recordId))
        .filter((id) => id !== brokenId)
        .sort(),
    );
    // The feedback the department reads names the broken record and the field, from the sandbox's own checks.
    const feedback = await readExchangeFeedback(db);
    expect(feedback.map((f) => [f.kind, f.cdId])).toEqual([['behaviours', brokenId]]);
    expect(JSON.stringify(feedback[0]!.issues)).toContain('checkDate');
    expect(sandbox.state.quality(feedback[0]!.cdBatch)?.failed).toBe(1);
    // Nothing new: nothing read.
    expect((await harvester.harvest()).rows).toBe(0);

    // The department fixes the record and re-sends it as an update.
    await enqueue(db, client, [{ operation: 'U', record: records[2]! }]);
    expect((await drainOutbox(db, { client: transport, owner: 'dept' })).stored).toBe(1);
    const second = await harvester.harvest();
    expect(second).toEqual({ rows: 1, stored: 1, duplicates: 0, rejected: 0, feedback: 0, unreadable: 0 });
    expect((await readExchangeFeedback(db)).length).toBe(1); // the old batch's feedback only

    // A new harvester resumes from the cursor kept in the exchange database: nothing new, nothing read.
    expect(await readHarvestCursor(db, 'sandbox')).toEqual({ behaviours: harvester.cursor().behaviours });
    expect((await createExchangeHarvester(sandbox, db).harvest()).rows).toBe(0);
    // A harvester without the stored cursor reads everything again: the ledger stays exactly-once.
    const restarted = await createExchangeHarvester(sandbox, db, { persistCursor: false }).harvest();
    expect(restarted).toMatchObject({ rows: 5, stored: 0, duplicates: 5, rejected: 0 });
    const writes = sandbox.state.writes;
    expect(writes.length).toBe(5);
    expect(new Set(writes.map((w) => w.idempotencyKey)).size).toBe(5);
    expect(writes.filter((w) => w.recordId === brokenId).map((w) => w.operation)).toEqual(['U']);
    expect(sandbox.state.records('behaviours').length).toBe(5);
    const rows = await harvestExchange(db, 'behaviours');
    expect(new Set(writes.map((w) => w.idempotencyKey))).toEqual(
      new Set(rows.map((r) => r.recordUniqueIdentity)),
    );
  } finally {
    await sandbox.stop();
  }
}

/**
 * The province restarts between two harvests (sandbox state in `persistPath`, cursor in the exchange database):
 * the second run reads only the rows written since, and every batch is harvested once.
 */
async function restartMidway(db: SqlClient): Promise<void> {
  await migrate(db);
  const client = departmentClient(); // 2 items a batch
  const transport = createExchangeTransport(db, client);
  const records = syntheticInspectionRecords('restart', 7, { prefix: 'RS' });
  const write = async (from: number, to: number) => {
    await enqueue(
      db,
      client,
      records.slice(from, to).map((record) => ({ operation: 'I' as const, record })),
    );
    expect((await drainOutbox(db, { client: transport, owner: 'dept' })).stored).toBe(to - from);
  };
  const dir = await mkdtemp(join(tmpdir(), 'jg-harvest-restart-'));
  const persistPath = join(dir, 'sandbox.json');
  try {
    await write(0, 4); // batches 1 and 2
    const first = await startSandbox({ seed: 'restart', persistPath });
    const before = createExchangeHarvester(first, db, { kinds: ['behaviours'] });
    expect(await before.harvest()).toEqual({
      rows: 4,
      stored: 4,
      duplicates: 0,
      rejected: 0,
      feedback: 0,
      unreadable: 0,
    });
    const harvestedBatches = new Set((await harvestExchange(db, 'behaviours')).map((r) => r.cdBatch));
    await write(4, 7); // batches 3 and 4, written while the province is down
    await first.stop();

    const second = await startSandbox({ seed: 'restart', persistPath });
    try {
      expect(second.state.writes.length).toBe(4); // the ledger came back from persistPath
      const after = createExchangeHarvester(second, db, { kinds: ['behaviours'] });
      const resumed = await after.harvest();
      // Only the 3 new rows are read, and none of them was seen before.
      expect(resumed).toEqual({ rows: 3, stored: 3, duplicates: 0, rejected: 0, feedback: 0, unreadable: 0 });
      expect((await after.harvest()).rows).toBe(0);

      const exchange = await harvestExchange(db, 'behaviours');
      expect(exchange.length).toBe(7);
      const batches = new Map<string, number>();
      for (const r of exchange) batches.set(r.cdBatch, (batches.get(r.cdBatch) ?? 0) + 1);
      expect(batches.size).toBe(4);
      expect([...batches.keys()].filter((b) => harvestedBatches.has(b)).length).toBe(2);
      // Each batch was applied once: its rows are in the ledger once each, under that batch number.
      const writes = second.state.writes;
      expect(writes.length).toBe(7);
      expect(new Set(writes.map((w) => w.idempotencyKey)).size).toBe(7);
      const written = new Map<string, number>();
      for (const w of writes) written.set(w.batchNo, (written.get(w.batchNo) ?? 0) + 1);
      expect(written).toEqual(batches);
      expect(await readHarvestCursor(db, 'sandbox')).toEqual({ behaviours: exchange.at(-1)!.cdBatch });
    } finally {
      await second.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('the sandbox harvesting a 前置库', () => {
  let server: TestServer | undefined;
  const databases: { drop(): Promise<void> }[] = [];
  beforeAll(async () => {
    server = await startTestServer();
  }, 120_000);
  afterAll(async () => {
    for (const d of databases) await d.drop();
    server?.stop();
  });
  const onServer = async (): Promise<{ url: string; pool: pg.Pool } | undefined> => {
    if (!server?.url) return undefined;
    const database = await freshDatabase(server.url);
    databases.push(database);
    return { url: database.url, pool: new pg.Pool({ connectionString: database.url, max: 4 }) };
  };

  it('round trip on a real PostgreSQL server: write, harvest, feedback, fix, re-send, exactly once', async (ctx) => {
    const target = await onServer();
    if (!target) return ctx.skip(server?.missing);
    try {
      await roundTrip(target.pool);
    } finally {
      await target.pool.end();
    }
  }, 120_000);

  it('round trip on PGlite', async () => {
    const db = new PGlite();
    try {
      await roundTrip(db);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('a restarted harvester resumes from its stored cursor on a real PostgreSQL server', async (ctx) => {
    const target = await onServer();
    if (!target) return ctx.skip(server?.missing);
    try {
      await restartMidway(target.pool);
    } finally {
      await target.pool.end();
    }
  }, 120_000);

  it('a restarted harvester resumes from its stored cursor on PGlite', async () => {
    const db = new PGlite();
    try {
      await restartMidway(db);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('the ingest hook refuses a body the upload schema refuses, and unknown kinds are refused', async () => {
    const sandbox = await startSandbox({ seed: 'ingest' });
    try {
      expect(sandbox.ingest('behaviours', { batchNo: 'x', source: 's', items: [] })).toBeUndefined();
      expect(sandbox.state.writes.length).toBe(0);
      expect(() =>
        createExchangeHarvester(
          sandbox,
          { query: async () => ({ rows: [] }) },
          { kinds: ['nope' as 'behaviours'] },
        ),
      ).toThrow(/options\.kinds\.0 must be an upload kind/);
    } finally {
      await sandbox.stop();
    }
  });

  it('parses --harvest and --harvest-interval', () => {
    expect(parseSandboxArgs(['--harvest', 'postgres://h/db']).harvest).toEqual({
      target: 'postgres://h/db',
      intervalMs: 1000,
    });
    expect(parseSandboxArgs(['--harvest', 'dir', '--harvest-interval', '50']).harvest?.intervalMs).toBe(50);
    expect(parseSandboxArgs([]).harvest).toBeUndefined();
    expect(() => parseSandboxArgs(['--harvest-interval', '5'])).toThrow(/at least 10/);
  });

  it('jianguan-sandbox --harvest URL polls the server and stores what departments write', async (ctx) => {
    const target = await onServer();
    if (!target) return ctx.skip(server?.missing);
    const tsx = import.meta.resolve('tsx');
    const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      [
        '--conditions=@jianguan/source',
        '--import',
        tsx,
        bin,
        '--port',
        '0',
        '--harvest',
        target.url,
        '--harvest-interval',
        '100',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    const waitFor = (pattern: RegExp) =>
      new Promise<RegExpMatchArray>((resolve, reject) => {
        const check = () => {
          const m = out.match(pattern);
          if (m) resolve(m);
        };
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          check();
        });
        child.once('exit', (code) => reject(new Error(`sandbox exited ${code}: ${out}`)));
        check();
      });
    try {
      await waitFor(/harvesting PostgreSQL/);
      // The sandbox migrated the database; the department writes three records.
      const client = departmentClient();
      await enqueue(
        target.pool,
        client,
        syntheticInspectionRecords('bin', 3, { prefix: 'BIN' }).map((record) => ({
          operation: 'I' as const,
          record,
        })),
      );
      await drainOutbox(target.pool, { client: createExchangeTransport(target.pool, client), owner: 'dept' });
      const storedSoFar = () =>
        [...out.matchAll(/harvested (\d+) rows: (\d+) stored/g)].reduce((n, m) => n + Number(m[2]), 0);
      for (let i = 0; i < 600 && storedSoFar() < 3; i++) await new Promise((r) => setTimeout(r, 100));
      const totals = storedSoFar();
      expect(totals).toBe(3);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await target.pool.end();
    }
    expect(out).toContain('listening on');
  }, 180_000);
});
