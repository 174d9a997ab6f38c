import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOutbox, type OutboxEntry, parseBatchNo } from '@jianguan/provincial-client';
import { type Sandbox, startSandbox, syntheticInspectionRecords } from '@jianguan/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertExactlyOnce } from '../../provincial-client/test/support/outbox-suite.js';
import {
  createPostgresOutboxStore,
  drainOutbox,
  enqueueInTransaction,
  migrate,
  PostgresError,
  reserveBatchSequence,
  type SqlClient,
  withTransaction,
} from '../src/index.js';
import { BACKENDS, postgresBackend } from './support/backends.js';
import { sandboxClient } from './support/outbox-client.js';

const here = dirname(fileURLToPath(import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const entry = (i: number): OutboxEntry => ({
  key: `k-${i}`,
  kind: 'behaviours',
  recordId: `r-${i}`,
  operation: 'I',
  record: { recordId: `r-${i}`, n: i },
  enqueuedAt: 1_700_000_000_000 + i,
});

async function enqueueRecords(db: SqlClient, sandbox: Sandbox, prefix: string, count: number): Promise<void> {
  const client = await sandboxClient(db, sandbox.url, 1);
  const records = syntheticInspectionRecords(prefix, count, { prefix });
  for (let i = 0; i < records.length; i += 500) {
    await withTransaction(db, (tx) =>
      enqueueInTransaction(
        tx,
        client,
        'behaviours',
        records.slice(i, i + 500).map((record) => ({ operation: 'I' as const, record })),
      ),
    );
  }
}

for (const backend of BACKENDS) {
  describe(`PostgreSQL outbox on ${backend.name}`, () => {
    if (backend.missing) {
      it.skip(`skipped: ${backend.missing}`, () => undefined);
      return;
    }
    let db: SqlClient;
    let close: () => Promise<void>;
    let sandbox: Sandbox;
    beforeAll(async () => {
      ({ db, close } = await backend.open());
      await migrate(db);
      sandbox = await startSandbox({
        seed: `pg-${backend.name}`,
        faults: { latencyMs: [2, 10], serverErrorRate: 0.1, dropRate: 0.05, afterProcessingShare: 0.7 },
      });
    }, 120_000);
    afterAll(async () => {
      await sandbox?.stop();
      await close?.();
    });

    it('enqueues inside the caller transaction: a rollback journals nothing', async () => {
      const client = await sandboxClient(db, sandbox.url, 1);
      const [record] = syntheticInspectionRecords('tx', 1, { prefix: 'TX' });
      await expect(
        withTransaction(db, async (tx) => {
          await enqueueInTransaction(tx, client, 'behaviours', [{ operation: 'I', record: record! }]);
          throw new Error('business write failed');
        }),
      ).rejects.toThrow('business write failed');
      const none = await db.query(
        "select count(*)::int as n from jianguan.outbox where record_id like 'TX%'",
      );
      expect(none.rows[0]!.n).toBe(0);
      const keys = await withTransaction(db, (tx) =>
        enqueueInTransaction(tx, client, 'behaviours', [{ operation: 'I', record: record! }]),
      );
      const one = await db.query('select record_id, event_date from jianguan.outbox where key = $1', [
        keys[0],
      ]);
      expect(one.rows).toHaveLength(1);
      expect(one.rows[0]!.event_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await db.query("delete from jianguan.outbox where record_id like 'TX%'");
    });

    it('claims disjoint shares, re-claims expired leases, settles once, lists rejections', async () => {
      const a = createPostgresOutboxStore(db, { owner: 'a', claimLimit: 3, leaseMs: 300 });
      const b = createPostgresOutboxStore(db, { owner: 'b', claimLimit: 100, leaseMs: 60_000 });
      await withTransaction(db, (tx) =>
        tx.query(
          `insert into jianguan.outbox (key, kind, record_id, operation, record, enqueued_at)
           select 'k-' || i, 'behaviours', 'r-' || i, 'I', '{}'::jsonb, i from generate_series(1, 5) i`,
        ),
      );
      const la = await a.load();
      const lb = await b.load();
      expect(la.pending.map((e) => e.key)).toEqual(['k-1', 'k-2', 'k-3']);
      expect(lb.pending.map((e) => e.key)).toEqual(['k-4', 'k-5']);
      expect((await b.load()).pending).toEqual([]); // all leased
      await sleep(400); // a's lease expires (a "died")
      expect((await b.load()).pending.map((e) => e.key)).toEqual(['k-1', 'k-2', 'k-3']);
      await b.settle([{ key: 'k-1', recordId: 'r-1', batchNo: '2026120200001', status: 'stored' }]);
      await a.settle([
        { key: 'k-1', recordId: 'r-1', batchNo: '2026120200009', status: 'duplicate' },
        {
          key: 'k-2',
          recordId: 'r-2',
          batchNo: '2026120200009',
          status: 'rejected',
          issues: [{ rule: 'x' }],
        },
      ]);
      const settled = await db.query(
        "select key, status, batch_no from jianguan.outbox where key in ('k-1','k-2') order by key",
      );
      expect(settled.rows).toEqual([
        { key: 'k-1', status: 'stored', batch_no: '2026120200001' },
        { key: 'k-2', status: 'rejected', batch_no: '2026120200009' },
      ]);
      const reopened = await createPostgresOutboxStore(db, { owner: 'c' }).load();
      expect(reopened.rejected).toEqual([
        {
          key: 'k-2',
          recordId: 'r-2',
          batchNo: '2026120200009',
          status: 'rejected',
          issues: [{ rule: 'x' }],
        },
      ]);
      expect(reopened.pending).toEqual([]); // k-3..k-5 still leased by b
      await b.close(); // releases b's unsettled leases
      expect((await createPostgresOutboxStore(db, { owner: 'd' }).load()).pending.map((e) => e.key)).toEqual([
        'k-3',
        'k-4',
        'k-5',
      ]);
      await b.append([entry(9)]);
      expect(await b.counts()).toMatchObject({ settled: 2, rejected: 1 });
      await db.query('delete from jianguan.outbox');
    });

    it('reserves durable, disjoint per-day batch numbers', async () => {
      // A day no other test (nor the real clock) reserves numbers for: 2030-06-14 20:00 UTC is 2030-06-15 in China.
      const now = () => Date.parse('2030-06-14T20:00:00Z');
      const s1 = await reserveBatchSequence(db, { count: 3, now });
      const s2 = await reserveBatchSequence(db, { count: 2, now });
      expect([s1.day, s1.first, s1.last, s2.first, s2.last]).toEqual(['2030-06-15', 1, 3, 4, 5]);
      expect([s1.next('2030-06-15'), s1.next('2030-06-15'), s2.next('2030-06-15')]).toEqual([1, 2, 4]);
      s1.next('2030-06-15');
      expect(() => s1.next('2030-06-15')).toThrow(PostgresError);
      expect(() => s2.next('2030-06-16')).toThrow(PostgresError);
      await expect(reserveBatchSequence(db, { count: 99_999, now })).rejects.toMatchObject({
        code: 'batch_sequence_exhausted',
      });
    });

    const COUNT = backend.name === 'postgres' ? 2000 : 600;
    it(`4 concurrent flushers deliver ${COUNT} records exactly once (faults on)`, async () => {
      await enqueueRecords(db, sandbox, 'CC', COUNT);
      const results = await Promise.all(
        [1, 2, 3, 4].map(async (w) =>
          drainOutbox(db, { client: await sandboxClient(db, sandbox.url), owner: `w${w}`, claimLimit: 150 }),
        ),
      );
      expect(results.every((r) => r.remaining === 0)).toBe(true);
      expect(results.filter((r) => r.sent > 0).length).toBeGreaterThan(1);
      assertExactlyOnce(sandbox, 'CC', COUNT);
      const left = await db.query('select count(*)::int as n from jianguan.outbox where settled_at is null');
      expect(left.rows[0]!.n).toBe(0);
      // Batch numbers: today's, and never shared by two batches.
      const byBatch = new Map<string, number>();
      for (const w of sandbox.state.writes) byBatch.set(w.batchNo, (byBatch.get(w.batchNo) ?? 0) + 1);
      for (const [batchNo, n] of byBatch) {
        expect(parseBatchNo(batchNo)).toBeDefined();
        expect(n).toBeLessThanOrEqual(50);
      }
      // A plain createOutbox over the store sees nothing left to do.
      const outbox = await createOutbox({
        client: await sandboxClient(db, sandbox.url, 1),
        store: createPostgresOutboxStore(db),
      });
      expect(outbox.pending()).toEqual([]);
      await outbox.close();
    }, 180_000);
  });
}

describe('a flushing worker killed (SIGKILL) mid-flush', () => {
  it.skipIf(postgresBackend.missing !== '')(
    'loses nothing and duplicates nothing: its leases expire and the others finish',
    async () => {
      const { db, url, close } = await postgresBackend.open();
      const sandbox = await startSandbox({
        seed: 'pg-kill',
        faults: { latencyMs: [5, 20], serverErrorRate: 0.1, dropRate: 0.05, afterProcessingShare: 0.7 },
      });
      try {
        await migrate(db);
        const COUNT = 1200;
        await enqueueRecords(db, sandbox, 'KL', COUNT);
        const leaseMs = 4000;
        const proc = spawn(
          process.execPath,
          [
            '--conditions=@jianguan/source',
            '--import',
            'tsx',
            join(here, 'fixtures/drain-child.ts'),
            sandbox.url,
            url!,
            'doomed',
            String(leaseMs),
          ],
          { cwd: join(here, '..'), stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let err = '';
        proc.stderr.on('data', (d: Buffer) => {
          err += d.toString();
        });
        const exited = new Promise<NodeJS.Signals | null>((resolve) =>
          proc.on('exit', (_c, s) => resolve(s)),
        );
        const deadline = Date.now() + 90_000;
        while (sandbox.state.writes.length < 150 && Date.now() < deadline) await sleep(10);
        proc.kill('SIGKILL');
        expect(await exited).toBe('SIGKILL');
        expect(err).toBe('');
        const atKill = sandbox.state.writes.length;
        expect(atKill).toBeGreaterThan(0);
        expect(atKill).toBeLessThan(COUNT);
        const orphaned = await db.query(
          "select count(*)::int as n from jianguan.outbox where lease_owner = 'doomed' and settled_at is null",
        );
        expect(orphaned.rows[0]!.n).toBeGreaterThan(0);
        // Two survivors drain what is claimable now, then what the dead worker held once its lease expired.
        const survivors = () =>
          Promise.all(
            ['s1', 's2'].map(async (owner) =>
              drainOutbox(db, {
                client: await sandboxClient(db, sandbox.url),
                owner,
                claimLimit: 200,
                leaseMs,
              }),
            ),
          );
        await survivors();
        await sleep(leaseMs + 200);
        await survivors();
        const left = await db.query(
          'select count(*)::int as n from jianguan.outbox where settled_at is null',
        );
        expect(left.rows[0]!.n).toBe(0);
        assertExactlyOnce(sandbox, 'KL', COUNT);
      } finally {
        await sandbox.stop();
        await close();
      }
    },
    180_000,
  );
});
