import { defaultQualityCheck, parseBatchNo } from '@jianguan/provincial-client';
import { syntheticInspectionRecords } from '@jianguan/sandbox';
import { expect, it } from 'vitest';
import {
  createExchangeTransport,
  drainOutbox,
  enqueueInTransaction,
  harvestExchange,
  PostgresError,
  readExchangeFeedback,
  withTransaction,
  writeExchangeFeedback,
} from '../src/index.js';
import { describeOnMigratedBackends } from './support/backends.js';
import { sandboxClient } from './support/outbox-client.js';

describeOnMigratedBackends('前置库 round trip', (db) => {
  it('write, harvest, quality feedback, fix, re-send', async () => {
    // The HTTP client only prepares and checks here; the transport writes into the exchange tables.
    const http = await sandboxClient(db, 'http://127.0.0.1:9', 1);
    const transport = createExchangeTransport(db, http);
    const records = syntheticInspectionRecords('fq', 5, { prefix: 'FQ' });
    const broken = { ...records[2]!, checkDate: '2026-13-45' };
    const brokenId = (records[2] as { recordId: string }).recordId;
    await withTransaction(db, async (tx) => {
      await enqueueInTransaction(
        tx,
        http,
        'behaviours',
        records.filter((_, i) => i !== 2).map((record) => ({ operation: 'I' as const, record })),
      );
      await enqueueInTransaction(tx, http, 'behaviours', [{ operation: 'I', record: broken }], {
        force: true,
      });
    });
    const first = await drainOutbox(db, { client: transport, owner: 'dept' });
    expect([first.stored, first.remaining]).toEqual([5, 0]);

    // Province: harvest, check, feed back.
    const harvested = await harvestExchange(db, 'behaviours');
    expect(harvested.map((r) => r.cdId)).toEqual(records.map((r) => r.recordId).sort());
    expect(new Set(harvested.map((r) => r.cdOperation))).toEqual(new Set(['i']));
    expect(harvested.every((r) => r.cdSource === '330100-PG' && parseBatchNo(r.cdBatch) !== undefined)).toBe(
      true,
    );
    const report = defaultQualityCheck(
      harvested.map((r) => r.record),
      { recordType: 'auto' },
    );
    const failed = new Map<number, unknown[]>();
    for (const issue of report.issues) {
      if (issue.severity !== 'error') continue;
      failed.set(issue.index, [...(failed.get(issue.index) ?? []), issue]);
    }
    expect([...failed.keys()].map((i) => harvested[i]!.cdId)).toEqual([brokenId]);
    await writeExchangeFeedback(
      db,
      [...failed].map(([i, issues]) => ({
        kind: 'behaviours',
        cdBatch: harvested[i]!.cdBatch,
        cdId: harvested[i]!.cdId,
        issues,
      })),
    );

    // Department: read the feedback, fix, re-send as an update.
    const lastBatch = harvested
      .map((r) => r.cdBatch)
      .sort()
      .at(-1)!;
    const feedback = await readExchangeFeedback(db);
    expect(feedback.map((f) => f.cdId)).toEqual([brokenId]);
    expect((await readExchangeFeedback(db, feedback[0]!.cdBatch)).length).toBe(1);
    await withTransaction(db, (tx) =>
      enqueueInTransaction(tx, http, 'behaviours', [{ operation: 'U', record: records[2]! }]),
    );
    const second = await drainOutbox(db, { client: transport, owner: 'dept' });
    expect(second.stored).toBe(1);

    const again = await harvestExchange(db, 'behaviours', { afterBatch: lastBatch });
    expect(again.map((r) => [r.cdId, r.cdOperation])).toEqual([[brokenId, 'u']]);
    expect(again[0]!.cdBatch > lastBatch).toBe(true);
    expect(
      defaultQualityCheck([again[0]!.record], { recordType: 'auto' }).issues.filter(
        (x) => x.severity === 'error',
      ),
    ).toEqual([]);
    // Still one row per record (upsert by cd_id).
    expect((await harvestExchange(db, 'behaviours')).length).toBe(5);
  });

  it('answers a resend of the same write as a duplicate and refuses unknown kinds', async () => {
    const http = await sandboxClient(db, 'http://127.0.0.1:9', 1);
    const transport = createExchangeTransport(db, http);
    const [record] = syntheticInspectionRecords('dup', 1, { prefix: 'DUP' });
    const items = http.prepare('behaviours', [{ operation: 'I', record: record! }]);
    const a = await transport.sendBatch('behaviours', items);
    const b = await transport.sendBatch('behaviours', items);
    expect([a.results[0]!.status, b.results[0]!.status]).toEqual(['stored', 'duplicate']);
    expect(b.batchNo > a.batchNo).toBe(true);
    await expect(transport.sendBatch('nope' as 'behaviours', items)).rejects.toBeInstanceOf(PostgresError);
  });

  it('reports cd_time as the same Beijing-time text whatever the session TimeZone', async () => {
    const http = await sandboxClient(db, 'http://127.0.0.1:9', 1);
    const transport = createExchangeTransport(db, http);
    const [record] = syntheticInspectionRecords('tz', 1, { prefix: 'TZ' });
    const before = Date.now();
    await transport.sendBatch(
      'behaviours',
      http.prepare('behaviours', [{ operation: 'I', record: record! }]),
    );
    const after = Date.now();
    const seen = new Set<string>();
    for (const zone of ['America/Los_Angeles', 'Asia/Shanghai', 'UTC', 'Pacific/Kiritimati']) {
      const rows = await withTransaction(db, async (tx) => {
        await tx.query(`set local timezone = '${zone}'`);
        return harvestExchange(tx, 'behaviours');
      });
      const row = rows.find((r) => r.cdId === (record as { recordId: string }).recordId)!;
      seen.add(row.cdTime);
    }
    expect(seen.size).toBe(1);
    const [cdTime] = seen;
    expect(cdTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+08:00$/);
    const at = Date.parse(cdTime!);
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(after + 1000);
  });
});
