import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sandbox } from '@jianguan/sandbox';
import { SANDBOX_CREDENTIALS, startSandbox, syntheticInspectionRecords } from '@jianguan/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFileBatchSequence,
  createHmacSha256Signer,
  createOutbox,
  createProvincialClient,
  OutboxLockedError,
} from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, '..');
let dir: string;
let sandbox: Sandbox;

const client = (baseUrl = 'http://127.0.0.1:9') =>
  createProvincialClient({
    baseUrl,
    source: '330100-JOURNAL',
    signer: createHmacSha256Signer(SANDBOX_CREDENTIALS),
    retry: { limit: 3, baseDelayMs: 1 },
  });
const items = (prefix: string, n: number) =>
  syntheticInspectionRecords(prefix, n, { prefix, latestDate: '2026-06-30' }).map((record) => ({
    operation: 'I' as const,
    record,
  }));

function child(args: string[]) {
  const proc: ChildProcess = spawn(
    process.execPath,
    ['--conditions=@jianguan/source', '--import', 'tsx', join(here, 'fixtures/journal-child.ts'), ...args],
    { cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  proc.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  proc.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const events = () =>
    out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const waitFor = async (event: string, ms = 30_000) => {
    const until = Date.now() + ms;
    while (!events().some((e) => e.event === event)) {
      if (Date.now() > until || proc.exitCode !== null) throw new Error(`no ${event}: ${out} ${err}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return events().find((e) => e.event === event)!;
  };
  return { proc, exited, events, waitFor, errors: () => err };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jianguan-journal-'));
  sandbox = await startSandbox({ seed: 'journal', today: '2026-07-01' });
});
afterAll(async () => {
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('torn tails', () => {
  it('a last record that lost only its final newline is kept, and the next enqueue does not vanish with it', async () => {
    const path = join(dir, 'newline.jsonl');
    const a = await createOutbox({ client: client(), store: path });
    await a.enqueue('behaviours', items('NL', 1));
    await a.close();
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n$/, '')); // torn: the newline never reached disk
    const b = await createOutbox({ client: client(), store: path });
    expect(b.pending()).toHaveLength(1);
    await b.enqueue('behaviours', items('NL2', 1)); // acknowledged
    await b.close();
    const c = await createOutbox({ client: client(), store: path });
    expect(
      c
        .pending()
        .map((e) => e.recordId)
        .sort(),
    ).toEqual(['NL-0', 'NL2-0']);
    await c.close();
  });

  it('a partial last record (crash mid-write) is dropped and the next enqueue is kept', async () => {
    const path = join(dir, 'partial.jsonl');
    const a = await createOutbox({ client: client(), store: path });
    await a.enqueue('behaviours', items('PT', 2));
    await a.close();
    appendFileSync(path, '{"t":"enq","e":{"key":"jg1-torn","kind":"beh');
    const b = await createOutbox({ client: client(), store: path });
    expect(b.pending()).toHaveLength(2);
    await b.enqueue('behaviours', items('PT2', 1));
    await b.close();
    const c = await createOutbox({ client: client(), store: path });
    expect(c.pending()).toHaveLength(3);
    await c.close();
  });

  it('a journal already damaged by a lost newline (two records glued on one line) is recovered', async () => {
    const path = join(dir, 'glued.jsonl');
    const a = await createOutbox({ client: client(), store: path });
    await a.enqueue('behaviours', items('GL', 2));
    await a.close();
    const [l1, l2] = readFileSync(path, 'utf8').trim().split('\n');
    writeFileSync(path, `${l1}${l2}\n`);
    const b = await createOutbox({ client: client(), store: path });
    expect(b.pending()).toHaveLength(2);
    await b.close();
  });
});

describe('single writer per journal', () => {
  it('a second process gets OutboxLockedError and does not touch the journal; the holder keeps every acknowledged append', async () => {
    const path = join(dir, 'shared.jsonl');
    const holder = await createOutbox({ client: client(), store: path });
    await holder.enqueue('behaviours', items('SH', 3));
    appendFileSync(path, 'garbage line that an opener would compact away\n');
    const second = child(['open', path]);
    await second.exited;
    expect(second.events()[0]).toMatchObject({
      event: 'error',
      name: 'OutboxLockedError',
      code: 'outbox_locked',
      pid: process.pid,
    });
    await holder.enqueue('behaviours', items('SH2', 3)); // acknowledged after the second opener tried
    await holder.close();
    const reopened = await createOutbox({ client: client(), store: path });
    expect(reopened.pending()).toHaveLength(6);
    await reopened.close();
  }, 30_000);

  it('in one process too: a second open of a held journal is refused with a typed error (zh/en, path, pid)', async () => {
    const path = join(dir, 'same-process.jsonl');
    const first = await createOutbox({ client: client(), store: path });
    const error = await createOutbox({ client: client(), store: path }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutboxLockedError);
    expect((error as OutboxLockedError).code).toBe('outbox_locked');
    expect((error as OutboxLockedError).messages.zh).toContain('另一进程');
    expect((error as OutboxLockedError).details).toMatchObject({ journal: path, pid: process.pid });
    await first.close();
    const again = await createOutbox({ client: client(), store: path });
    await again.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('a lock left by a SIGKILLed holder is detected as stale; its acknowledged entries are all there', async () => {
    const path = join(dir, 'killed.jsonl');
    const holder = child(['hold', path, 'KL', '7']);
    await holder.waitFor('ready');
    holder.proc.kill('SIGKILL');
    expect((await holder.exited).signal).toBe('SIGKILL');
    expect(existsSync(`${path}.lock`)).toBe(true);
    const next = await createOutbox({ client: client(), store: path });
    expect(next.pending()).toHaveLength(7);
    await next.close();
  }, 30_000);

  it('processes opening at once: exactly one wins, the others get outbox_locked, none crashes, nothing is lost', async () => {
    const path = join(dir, 'race.jsonl');
    const seed = await createOutbox({ client: client(), store: path });
    await seed.enqueue('behaviours', items('RC', 4));
    await seed.close();
    appendFileSync(path, 'junk to compact\n');
    const kids = Array.from({ length: 3 }, () => child(['open', path]));
    const ends = await Promise.all(kids.map((k) => k.exited));
    expect(ends.map((e) => e.code)).toEqual([0, 0, 0]);
    for (const k of kids) expect(k.errors()).toBe('');
    const outcomes = kids.map((k) => k.events()[0]!);
    expect(outcomes.every((o) => o.event === 'opened' || o.code === 'outbox_locked')).toBe(true);
    expect(outcomes.filter((o) => o.event === 'opened').length).toBeGreaterThanOrEqual(1);
    for (const o of outcomes.filter((x) => x.event === 'opened')) expect(o.pending).toBe(4);
    const after = await createOutbox({ client: client(), store: path });
    expect(after.pending()).toHaveLength(4);
    await after.close();
  }, 30_000);
});

describe('durable batch numbers (cd_batch = YYYYMMDD + 5 digits, per China civil day)', () => {
  it('a file sequence persists every number before use and refuses a second holder', () => {
    const path = join(dir, 'seq.json');
    const s1 = createFileBatchSequence(path);
    expect([s1.next('2024-03-15'), s1.next('2024-03-15'), s1.next('2024-03-16')]).toEqual([1, 2, 1]);
    expect(() => createFileBatchSequence(path)).toThrow(OutboxLockedError);
    s1.close();
    const s2 = createFileBatchSequence(path);
    expect([s2.next('2024-03-15'), s2.next('2024-03-16')]).toEqual([3, 2]);
    s2.close();
  });

  it('the outbox numbers batches by the Asia/Shanghai civil day, continuing after a restart', async () => {
    const path = join(dir, 'day.jsonl');
    // 2026-06-30T16:30Z is already 2026-07-01 00:30 in China.
    const now = () => Date.parse('2026-06-30T16:30:00Z');
    const c = client(sandbox.url);
    const seen: string[] = [];
    const before = sandbox.state.requests.length;
    for (const prefix of ['DA', 'DB']) {
      const outbox = await createOutbox({ client: c, store: path, now, batchSize: 2 });
      await outbox.enqueue('behaviours', items(prefix, 3));
      expect(await outbox.flush()).toMatchObject({ remaining: 0 });
      await outbox.close();
    }
    for (const r of sandbox.state.requests.slice(before)) if (r.batchNo) seen.push(r.batchNo);
    expect(seen).toEqual(['2026070100001', '2026070100002', '2026070100003', '2026070100004']);
  });

  it('batch numbers never repeat across SIGKILL and restart of the flushing process', async () => {
    const path = join(dir, 'seq-kill.jsonl');
    const before = sandbox.state.requests.length;
    sandbox.state.faults = { latencyMs: [5, 15], serverErrorRate: 0.2, afterProcessingShare: 0.7 };
    try {
      for (let run = 0; run < 2; run++) {
        const p = child(['flush', path, sandbox.url, run === 0 ? '40' : '0']);
        await p.waitFor('ready');
        const target = sandbox.state.writes.length + 8;
        const until = Date.now() + 20_000;
        while (sandbox.state.writes.length < target && p.proc.exitCode === null && Date.now() < until)
          await new Promise((r) => setTimeout(r, 5));
        p.proc.kill('SIGKILL');
        await p.exited;
      }
      const last = child(['flush', path, sandbox.url, '0']);
      await last.waitFor('done', 60_000);
      expect(last.errors()).toBe('');
    } finally {
      sandbox.state.faults = {};
    }
    // Each batch number was used by one batch request only (retries of the same request share its key).
    const keysByBatch = new Map<string, Set<string>>();
    for (const r of sandbox.state.requests.slice(before)) {
      if (!r.batchNo) continue;
      const set = keysByBatch.get(r.batchNo) ?? new Set<string>();
      set.add(r.idempotencyKey ?? '');
      keysByBatch.set(r.batchNo, set);
    }
    expect(keysByBatch.size).toBeGreaterThan(8);
    for (const [batchNo, keys] of keysByBatch)
      expect({ batchNo, batches: keys.size }).toEqual({ batchNo, batches: 1 });
    const seqWrites = sandbox.state.writes.filter((w) => w.recordId.startsWith('SEQ-'));
    expect(new Set(seqWrites.map((w) => w.recordId)).size).toBe(40);
    expect(seqWrites).toHaveLength(40);
  }, 120_000);
});
