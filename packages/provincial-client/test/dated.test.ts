import type { Sandbox } from '@jianguan/sandbox';
import {
  parseSandboxArgs,
  SANDBOX_CREDENTIALS,
  startSandbox,
  syntheticClues,
  syntheticComplaints,
  syntheticInspectionRecords,
  syntheticJointTasks,
} from '@jianguan/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ClientOptionsError,
  createHmacSha256Signer,
  createMemoryOutboxStore,
  createOutbox,
  createProvincialClient,
  decodeSuperviseData,
  QualityCheckFailedError,
} from '../src/index.js';
import { replayJournal } from '../src/outbox/file-store.js';

const started: Sandbox[] = [];
afterEach(async () => {
  for (const s of started.splice(0)) await s.stop();
});
const sandboxWith = async (options: Parameters<typeof startSandbox>[0]) => {
  const s = await startSandbox({ port: 0, ...options });
  started.push(s);
  return s;
};
const clientFor = (sandbox: Sandbox, today?: string) =>
  createProvincialClient({
    baseUrl: sandbox.url,
    source: '330100-DATED',
    signer: createHmacSha256Signer(SANDBOX_CREDENTIALS),
    retry: { limit: 2, baseDelayMs: 1 },
    ...(today === undefined ? {} : { today }),
  });
/** Clean records inspected in the 60 days up to 2025-06-30. */
const records2025 = (n: number, prefix: string) =>
  syntheticInspectionRecords(prefix, n, { prefix, latestDate: '2025-06-30' });

describe('settlements carry the record id and batch number', () => {
  it('stored and rejected settlements name their record and the batch the province answered in', async () => {
    const sandbox = await sandboxWith({ seed: 'settle', today: '2025-12-31' });
    const store = createMemoryOutboxStore();
    const settled: unknown[] = [];
    const recording = {
      ...store,
      settle: (s: Parameters<typeof store.settle>[0]) => {
        settled.push(...s);
        return store.settle(s);
      },
    };
    const outbox = await createOutbox({ client: clientFor(sandbox, '2025-12-31'), store: recording });
    const good = records2025(3, 'OK');
    const bad: Record<string, unknown> = { ...records2025(1, 'BAD')[0]!, checkPersonnel: ['张伟'] };
    const all = [...good, bad];
    const keys = await outbox.enqueue(
      'behaviours',
      all.map((record) => ({ operation: 'I' as const, record })),
      { force: true },
    );
    const r = await outbox.flush();
    expect(r).toMatchObject({ stored: 3, rejected: 1, remaining: 0 });
    const batchNos = new Set(sandbox.state.writes.map((w) => w.batchNo));
    expect(settled).toHaveLength(4);
    for (const [i, key] of keys.entries()) {
      const s = settled.find((x) => (x as { key: string }).key === key) as {
        recordId: string;
        batchNo: string;
      };
      expect(s.recordId).toBe(String(all[i]!.recordId));
      expect(s.batchNo).toMatch(/^\d{13}$/);
    }
    const [rejected] = outbox.rejected();
    expect(rejected).toMatchObject({ key: keys[3], recordId: 'BAD-0', status: 'rejected' });
    // The batch number is the one the province reports 质检 under.
    expect((await clientFor(sandbox).getQualityResult(rejected!.batchNo)).failed).toBe(1);
    expect(batchNos.has((settled[0] as { batchNo: string }).batchNo)).toBe(true);
  });

  it('replaying an older journal without record ids or kinds takes them from the journaled entries', () => {
    const e = { key: 'k1', kind: 'behaviours', recordId: 'R-1', operation: 'I', enqueuedAt: 0 };
    const text = `${JSON.stringify({ t: 'enq', e })}\n${JSON.stringify({ t: 'set', s: [{ key: 'k1', status: 'rejected' }] })}\n`;
    expect(replayJournal(text).rejected).toEqual([
      { key: 'k1', status: 'rejected', recordId: 'R-1', kind: 'behaviours' },
    ]);
  });
});

describe('a fixed "today" for 质检', () => {
  // Inspected 2025-06-xx: in the future for a run dated 2025-03-31, in the past for one dated 2025-12-31.
  const items = records2025(2, 'T').map((record) => ({ operation: 'I' as const, record }));

  it.each([
    ['2025-03-31', true],
    ['2025-12-31', false],
  ])('the client checks as of %s (future dates fail: %s)', async (today, fails) => {
    const sandbox = await sandboxWith({ seed: 'today', today });
    const client = clientFor(sandbox, today);
    const { failedIndexes, issues } = client.checkLocally('behaviours', items);
    expect(failedIndexes.size > 0).toBe(fails);
    if (fails) expect(issues.some((i) => i.rule === 'future_date')).toBe(true);
    const upload = client.upload('behaviours', items);
    if (fails) await expect(upload).rejects.toBeInstanceOf(QualityCheckFailedError);
    else expect((await upload).stored).toBe(2);
  });

  it('the sandbox checks as of its own today, whatever the client says', async () => {
    const sandbox = await sandboxWith({ seed: 'today-sb', today: '2025-03-31' });
    const result = await clientFor(sandbox, '2025-12-31').upload('behaviours', items);
    expect(result.rejected).toBe(2);
    expect(result.results.flatMap((r) => r.issues ?? []).some((i) => i.rule === 'future_date')).toBe(true);
  });

  it('custom checkers are told the date', () => {
    const seen: unknown[] = [];
    const client = createProvincialClient({
      baseUrl: 'http://127.0.0.1:1',
      source: 'x',
      today: '2025-01-02',
      qualityCheck: (records, ctx) => {
        seen.push(ctx?.today);
        return { total: records.length, passed: records.length, failed: 0, passRate: 1, issues: [] };
      },
    });
    client.checkLocally('behaviours', items);
    expect(seen).toEqual(['2025-01-02']);
  });

  it.each(['2025-02-29', '2025/12/31', ''])('refuses today = %j', async (today) => {
    expect(() => createProvincialClient({ baseUrl: 'http://127.0.0.1:1', source: 'x', today })).toThrow(
      ClientOptionsError,
    );
    await expect(startSandbox({ port: 0, today })).rejects.toBeInstanceOf(ClientOptionsError);
  });
});

describe('sandbox base date', () => {
  const inWindow = (d: string, base: string) => {
    const day = Date.parse(`${d.slice(0, 10)}T00:00:00Z`);
    const b = Date.parse(`${base}T00:00:00Z`);
    return day >= b - 300 * 86_400_000 && day < b;
  };

  it.each(['2025-11-01', '2024-03-01', '2030-01-01'])(
    'dates clues, complaints and joint tasks in the 300 days before %s',
    (baseDate) => {
      for (const c of syntheticClues('base', 50, { baseDate }))
        expect(inWindow(String(c.createdAt), baseDate)).toBe(true);
      for (const c of syntheticComplaints('base', 50, { baseDate }))
        expect(inWindow(String(c.receivedDate), baseDate)).toBe(true);
      for (const t of syntheticJointTasks('base', 20, { baseDate })) {
        const start = String(decodeSuperviseData(t.superviseData).taskInfo.taskStartTime);
        expect(inWindow(start, baseDate)).toBe(true);
      }
    },
  );

  it('moving the base date shifts every date by the same number of days and changes nothing else', () => {
    const a = syntheticClues('shift', 30, { baseDate: '2026-11-01' });
    const b = syntheticClues('shift', 30, { baseDate: '2025-11-01' });
    const days = (s: unknown) => Date.parse(`${String(s).slice(0, 10)}T00:00:00Z`) / 86_400_000;
    for (const [i, x] of a.entries()) {
      const y = b[i]!;
      expect(days(x.createdAt) - days(y.createdAt)).toBe(365);
      expect({ ...x, createdAt: null }).toEqual({ ...y, createdAt: null });
    }
  });

  it('serves the dated data and reports its base date; the default is today in China', async () => {
    const sandbox = await sandboxWith({ seed: 'served', baseDate: '2025-11-01', counts: { clues: 10 } });
    expect(sandbox.state.baseDate).toBe('2025-11-01');
    const clues = [];
    for await (const c of clientFor(sandbox).clues({ limit: 4 })) clues.push(c);
    expect(clues.map((c) => c.createdAt)).toEqual(
      syntheticClues('served', 10, { baseDate: '2025-11-01' }).map((c) => c.createdAt),
    );
    const now = Date.parse('2027-03-05T20:00:00Z'); // 2027-03-06 in Shanghai
    const dflt = await sandboxWith({ seed: 'served', now: () => now });
    expect(dflt.state.baseDate).toBe('2027-03-06');
  });

  it('is exposed as --base-date and validated', () => {
    expect(parseSandboxArgs(['--base-date', '2025-11-01']).options.baseDate).toBe('2025-11-01');
    expect(parseSandboxArgs([]).options.baseDate).toBeUndefined();
    expect(() => parseSandboxArgs(['--base-date', '2025-13-01'])).toThrow(ClientOptionsError);
    expect(() => parseSandboxArgs(['--base-date'])).toThrow(ClientOptionsError);
    expect(() => syntheticClues('x', 1, { baseDate: 'soon' })).toThrow(ClientOptionsError);
  });
});
