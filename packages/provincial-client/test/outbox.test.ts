import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from '@jianguan/sandbox';
import { SANDBOX_CREDENTIALS, startSandbox, syntheticInspectionRecords } from '@jianguan/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFileOutboxStore,
  createHmacSha256Signer,
  createMemoryOutboxStore,
  createOutbox,
  createProvincialClient,
  DEFAULT_DEADLINE_RULES,
  QualityCheckFailedError,
} from '../src/index.js';

let sandbox: Sandbox;
let dir: string;
const client = () =>
  createProvincialClient({
    baseUrl: sandbox.url,
    source: '330100-OUTBOX',
    signer: createHmacSha256Signer(SANDBOX_CREDENTIALS),
    retry: { limit: 3, baseDelayMs: 1 },
  });
const items = (n: number, prefix: string, latestDate = '2026-06-30') =>
  syntheticInspectionRecords(prefix, n, { prefix, latestDate }).map((record) => ({
    operation: 'I' as const,
    record,
  }));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jianguan-outbox-'));
  sandbox = await startSandbox({ seed: 'outbox' });
});
afterAll(async () => {
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('file journal', () => {
  it('journals before sending, survives a reopen, ignores a torn last line, compacts settled entries', async () => {
    const path = join(dir, 'a.jsonl');
    const c = client();
    const first = await createOutbox({ client: c, store: path });
    await first.enqueue('behaviours', items(5, 'FJ'));
    // Enqueueing the same records again adds nothing.
    await first.enqueue('behaviours', items(5, 'FJ'));
    await first.close();
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(5);
    appendFileSync(path, '{"t":"enq","e":{"key":"torn'); // a crash mid-write
    const second = await createOutbox({ client: c, store: path });
    expect(second.pending()).toHaveLength(5);
    const result = await second.flush();
    expect(result).toMatchObject({ sent: 5, stored: 5, remaining: 0, failedBatches: 0 });
    await second.close();
    const third = await createOutbox({ client: c, store: path });
    expect(third.pending()).toHaveLength(0);
    await third.close();
    expect(readFileSync(path, 'utf8')).toBe('');
  });

  it('keeps failed batches queued and delivers them on the next flush', async () => {
    const c = client();
    const outbox = await createOutbox({ client: c, store: createMemoryOutboxStore() });
    await outbox.enqueue('behaviours', items(3, 'RETRY'));
    sandbox.state.faults = { serverErrorRate: 1, afterProcessingShare: 1 };
    const failed = await outbox.flush();
    sandbox.state.faults = {};
    expect(failed).toMatchObject({ sent: 0, remaining: 3, failedBatches: 1 });
    // The writes did happen (the answers were lost); the next flush learns they are duplicates.
    const ok = await outbox.flush();
    expect(ok).toMatchObject({ remaining: 0, duplicates: 3, stored: 0 });
    expect(sandbox.state.writes.filter((w) => w.recordId.startsWith('RETRY-'))).toHaveLength(3);
  });

  it('refuses records failing the local quality check unless forced; province rejections are kept aside', async () => {
    const outbox = await createOutbox({
      client: client(),
      store: createFileOutboxStore(join(dir, 'qc.jsonl')),
    });
    const bad = {
      operation: 'I' as const,
      record: { ...items(1, 'BAD')[0]!.record, checkPersonnel: ['张伟'] },
    };
    await expect(outbox.enqueue('behaviours', [bad])).rejects.toBeInstanceOf(QualityCheckFailedError);
    expect(outbox.pending()).toHaveLength(0);
    await outbox.enqueue('behaviours', [bad], { force: true });
    const r = await outbox.flush();
    expect(r.rejected).toBe(1);
    expect(outbox.rejected()[0]?.issues?.length).toBeGreaterThan(0);
    await outbox.close();
    const reopened = await createOutbox({ client: client(), store: join(dir, 'qc.jsonl') });
    expect(reopened.pending()).toHaveLength(0);
    expect(reopened.rejected()).toHaveLength(1);
    await reopened.close();
  });
});

describe('working-day deadlines (core calendar)', () => {
  it('reports queued records whose deadline is near or past, counted in working days', async () => {
    const store = createMemoryOutboxStore();
    const outbox = await createOutbox({ client: client(), store });
    const base = items(3, 'DUE')[0]!.record;
    await outbox.enqueue('behaviours', [
      // 2025-09-26 (Fri) + 5 working days: 9-28 (Sun, adjusted working day), 9-29, 9-30, then the National Day
      // holiday 10-1…10-8, then 10-9, 10-10 → deadline 2025-10-10 (a plain weekday count would say 10-03).
      {
        operation: 'I',
        record: {
          ...base,
          recordId: 'DUE-a',
          checkActionCode: 'JC-DUE-a',
          checkDate: '2025-09-26',
          submittedAt: '2025-09-26T18:00:00+08:00',
        },
      },
      {
        operation: 'I',
        record: {
          ...base,
          recordId: 'DUE-b',
          checkActionCode: 'JC-DUE-b',
          checkDate: '2025-09-15',
          submittedAt: '2025-09-15T18:00:00+08:00',
        },
      },
      {
        operation: 'I',
        record: {
          ...base,
          recordId: 'DUE-c',
          checkActionCode: 'JC-DUE-c',
          checkDate: '2025-10-10',
          submittedAt: '2025-10-10T18:00:00+08:00',
        },
      },
    ]);
    expect(DEFAULT_DEADLINE_RULES.rules.behaviours?.allowedWorkdays).toBe(5);
    const due = outbox.dueSoon({ today: '2025-10-09', withinWorkdays: 1 });
    expect(due.map((d) => d.recordId)).toEqual(['DUE-b', 'DUE-a']);
    expect(due[0]).toMatchObject({ overdue: true, deadline: '2025-09-22' });
    expect(due[1]).toMatchObject({ overdue: false, deadline: '2025-10-10', workdaysLeft: 1 });
  });
});

describe('input safety', () => {
  it('does not mutate the caller input', async () => {
    const outbox = await createOutbox({ client: client(), store: createMemoryOutboxStore() });
    const input = items(2, 'IMM');
    const snapshot = JSON.stringify(input);
    await outbox.enqueue('behaviours', input);
    await outbox.flush();
    expect(JSON.stringify(input)).toBe(snapshot);
  });

  it('a garbage journal line is skipped, not fatal', async () => {
    const path = join(dir, 'garbage.jsonl');
    writeFileSync(path, 'not json\n{"t":"weird"}\n');
    const outbox = await createOutbox({ client: client(), store: path });
    expect(outbox.pending()).toHaveLength(0);
    await outbox.close();
  });
});

describe('rejected records are fix work (seed 002 art. 14)', () => {
  it('dueSoon lists a rejected record as fix work due 5 working days after the day its batch was checked', async () => {
    const path = join(dir, 'fix.jsonl');
    // The outbox's clock: 2026-07-01 (Wednesday) in China; the batch number carries that day.
    const now = () => Date.parse('2026-07-01T02:00:00Z');
    const outbox = await createOutbox({ client: client(), store: path, now });
    const bad = {
      operation: 'I' as const,
      record: { ...items(1, 'FIX')[0]!.record, checkPersonnel: ['张伟'] },
    };
    await outbox.enqueue('behaviours', [bad], { force: true });
    expect((await outbox.flush()).rejected).toBe(1);
    expect(outbox.rejected()[0]?.batchNo).toMatch(/^20260701/);
    expect(DEFAULT_DEADLINE_RULES.rules.rejectionFix?.allowedWorkdays).toBe(5);
    // 5 working days after Wed 1 July: 2, 3, 6, 7, 8 July.
    expect(outbox.dueSoon({ today: '2026-07-03' })).toEqual([]);
    expect(outbox.dueSoon({ today: '2026-07-07' })).toEqual([
      {
        key: outbox.rejected()[0]?.key,
        recordId: 'FIX-0',
        kind: 'behaviours',
        work: 'fix',
        eventDate: '2026-07-01',
        deadline: '2026-07-08',
        workdaysLeft: 1,
        overdue: false,
      },
    ]);
    await outbox.close();
    // The kind survives a reopen (and the journal's compaction).
    const reopened = await createOutbox({ client: client(), store: path, now });
    expect(reopened.dueSoon({ today: '2026-07-10' })).toMatchObject([
      { recordId: 'FIX-0', kind: 'behaviours', work: 'fix', overdue: true, workdaysLeft: -2 },
    ]);
    await reopened.close();
  });
});
