// The outbox's fault, SIGKILL and exactly-once suites, run for every outbox store: the file journal (this
// package's fault-soak and crash-restart tests) and the PostgreSQL store (@jianguan/postgres's
// outbox-conformance test). A store that allows several flushing workers is run with that many at once.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sandbox } from '@jianguan/sandbox';
import { SANDBOX_CREDENTIALS, startSandbox, syntheticInspectionRecords } from '@jianguan/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BatchSequence,
  createHmacSha256Signer,
  createOutbox,
  createProvincialClient,
  type OutboxStore,
  type ProvincialClient,
} from '../../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));

/** One worker's view of the store under test. */
export interface OpenedStore {
  readonly store: OutboxStore | string;
  /** Batch numbers for this worker's client (stores whose numbering lives outside the journal). */
  readonly batchSequence?: BatchSequence;
  close(): Promise<void>;
}

/** A fresh, empty store of the kind under test, shared by the workers of one test. */
export interface PreparedStore {
  open(worker: string): Promise<OpenedStore>;
  /**
   * For the SIGKILL suite: a module exporting `openStore(spec, worker): Promise<OpenedStore>` that a child process
   * imports, and the JSON spec it gets.
   */
  readonly childModule: string;
  readonly childSpec: unknown;
  /** How long the entries a killed worker held stay unclaimable (its lease); 0 when a restart takes them at once. */
  readonly reclaimAfterMs: number;
  dispose(): Promise<void>;
}

/** How the suites make stores of one kind. */
export interface OutboxStoreFactory {
  readonly name: string;
  /** Flushing workers run at once (1 for a single-writer store). */
  readonly flushers: number;
  /** Records of the fault soak. */
  readonly soakCount: number;
  /** Records of the SIGKILL test. */
  readonly killCount: number;
  prepare(): Promise<PreparedStore>;
}

function client(url: string, source: string, opened: OpenedStore, concurrency: number): ProvincialClient {
  return createProvincialClient({
    baseUrl: url,
    source,
    signer: createHmacSha256Signer(SANDBOX_CREDENTIALS),
    batchSize: 200,
    concurrency,
    retry: { limit: 12, baseDelayMs: 2, maxDelayMs: 40 },
    ...(opened.batchSequence ? { batchSequence: opened.batchSequence } : {}),
  });
}

/** Journals `count` records through a worker of its own, and closes it; returns the idempotency keys. */
async function enqueueAll(
  prepared: PreparedStore,
  url: string,
  prefix: string,
  count: number,
): Promise<string[]> {
  const opened = await prepared.open('enqueuer');
  const outbox = await createOutbox({
    client: client(url, `330100-${prefix}`, opened, 1),
    store: opened.store,
  });
  try {
    return await outbox.enqueue(
      'behaviours',
      syntheticInspectionRecords(prefix.toLowerCase(), count, { prefix }).map((record) => ({
        operation: 'I' as const,
        record,
      })),
    );
  } finally {
    await outbox.close();
    await opened.close();
  }
}

/** One flushing worker: opens the outbox again and again until a fresh open finds nothing to send. */
export async function flushUntilEmpty(
  openWorker: () => Promise<OpenedStore>,
  makeClient: (opened: OpenedStore) => ProvincialClient,
  options: { readonly quietMs?: number } = {},
): Promise<{ sent: number; rounds: number }> {
  let sent = 0;
  let rounds = 0;
  let quietSince: number | undefined;
  for (; rounds < 500; rounds++) {
    const opened = await openWorker();
    const outbox = await createOutbox({ client: makeClient(opened), store: opened.store });
    try {
      if (outbox.pending().length === 0) {
        quietSince ??= Date.now();
        if (Date.now() - quietSince >= (options.quietMs ?? 0)) break;
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      quietSince = undefined;
      let r = await outbox.flush();
      for (let i = 0; i < 20 && r.remaining > 0; i++) r = await outbox.flush();
      sent += r.sent;
    } finally {
      await outbox.close();
      await opened.close();
    }
  }
  return { sent, rounds };
}

/**
 * The exactly-once check on the sandbox's ledger: the writes of records `${prefix}-0` … `${prefix}-${count - 1}` are
 * exactly those records, once each, under `count` distinct idempotency keys (and exactly `keys`, when given).
 */
export function assertExactlyOnce(
  sandbox: Sandbox,
  prefix: string,
  count: number,
  keys?: readonly string[],
): void {
  const writes = sandbox.state.writes.filter((w) => w.recordId.startsWith(`${prefix}-`));
  expect(writes).toHaveLength(count);
  expect(new Set(writes.map((w) => w.idempotencyKey)).size).toBe(count);
  expect(writes.map((w) => w.recordId).sort()).toEqual(
    Array.from({ length: count }, (_, i) => `${prefix}-${i}`).sort(),
  );
  if (keys) expect(new Set(writes.map((w) => w.idempotencyKey))).toEqual(new Set(keys));
}

/** The fault soak: every record stored exactly once through 5xx, dropped connections and 429s. */
export function faultSoakSuite(factory: OutboxStoreFactory): void {
  describe(`fault soak (${factory.name} store, ${factory.flushers} flusher${factory.flushers > 1 ? 's' : ''})`, () => {
    let sandbox: Sandbox;
    let prepared: PreparedStore;
    beforeAll(async () => {
      // ≈20 % 5xx, 10 % dropped connections, 5 % 429 with Retry-After; half of the 5xx/drops strike after the write.
      sandbox = await startSandbox({
        seed: 'soak',
        faults: {
          serverErrorRate: 0.2,
          dropRate: 0.1,
          rateLimitRate: 0.05,
          retryAfterSeconds: 0,
          afterProcessingShare: 0.5,
        },
      });
      prepared = await factory.prepare();
    }, 120_000);
    afterAll(async () => {
      await sandbox?.stop();
      await prepared?.dispose();
    });

    it(`uploads ${factory.soakCount} records: every record stored exactly once`, async () => {
      const keys = await enqueueAll(prepared, sandbox.url, 'SOAK', factory.soakCount);
      expect(new Set(keys).size).toBe(factory.soakCount);
      const perWorker = Math.max(1, Math.floor(4 / factory.flushers));
      const results = await Promise.all(
        Array.from({ length: factory.flushers }, (_, w) =>
          flushUntilEmpty(
            () => prepared.open(`w${w}`),
            (opened) => client(sandbox.url, '330100-SOAK', opened, perWorker),
          ),
        ),
      );
      if (factory.flushers > 1) expect(results.filter((r) => r.sent > 0).length).toBeGreaterThan(1);
      assertExactlyOnce(sandbox, 'SOAK', factory.soakCount, keys);
      expect(sandbox.state.records('behaviours')).toHaveLength(factory.soakCount);
      // Nothing left: a fresh open has nothing pending and nothing rejected.
      const opened = await prepared.open('check');
      const outbox = await createOutbox({
        client: client(sandbox.url, '330100-SOAK', opened, 1),
        store: opened.store,
      });
      expect([outbox.pending().length, outbox.rejected().length]).toEqual([0, 0]);
      await outbox.close();
      await opened.close();
      // The faults really happened, and some writes were answered only on a retry (dedup did the work).
      const stats = sandbox.state.stats();
      expect(stats.faults['server-error']).toBeGreaterThan(0);
      expect(stats.faults.drop).toBeGreaterThan(0);
      expect(stats.faults['rate-limit']).toBeGreaterThan(0);
      expect(stats.replays + stats.duplicates).toBeGreaterThan(0);
      expect(stats.stored).toBe(factory.soakCount);
    }, 300_000);
  });
}

/** A flushing process killed with SIGKILL mid-flush, then restarted: nothing lost, nothing duplicated. */
export function sigkillSuite(factory: OutboxStoreFactory): void {
  describe(`a flushing process killed (SIGKILL) mid-flush and restarted (${factory.name} store)`, () => {
    let sandbox: Sandbox;
    let prepared: PreparedStore;
    beforeAll(async () => {
      // Latency and faults (incl. lost answers after the write happened) make the kill land mid-flush.
      sandbox = await startSandbox({
        seed: 'crash',
        faults: { latencyMs: [5, 20], serverErrorRate: 0.1, dropRate: 0.05, afterProcessingShare: 0.7 },
      });
      prepared = await factory.prepare();
    }, 120_000);
    afterAll(async () => {
      await sandbox?.stop();
      await prepared?.dispose();
    });

    const child = (worker: string) => {
      const proc = spawn(
        process.execPath,
        [
          '--conditions=@jianguan/source',
          '--import',
          'tsx',
          join(here, '../fixtures/outbox-child.ts'),
          prepared.childModule,
          JSON.stringify(prepared.childSpec),
          worker,
          sandbox.url,
          String(prepared.reclaimAfterMs),
        ],
        { cwd: join(here, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      let err = '';
      proc.stdout.on('data', (d: Buffer) => {
        out += d.toString();
      });
      proc.stderr.on('data', (d: Buffer) => {
        err += d.toString();
      });
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        proc.on('exit', (code, signal) => resolve({ code, signal })),
      );
      return { proc, exited, output: () => out, errors: () => err };
    };

    it(`loses nothing and duplicates nothing (${factory.killCount} records, ${factory.flushers} process${factory.flushers > 1 ? 'es' : ''})`, async () => {
      const count = factory.killCount;
      await enqueueAll(prepared, sandbox.url, 'CR', count);
      const doomed = child('doomed');
      const others = Array.from({ length: factory.flushers - 1 }, (_, i) => child(`p${i + 1}`));
      // Wait until part of the flush has reached the province, then kill one worker without warning.
      const deadline = Date.now() + 120_000;
      while (sandbox.state.writes.length < Math.min(150, count / 8) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 10));
      doomed.proc.kill('SIGKILL');
      expect((await doomed.exited).signal).toBe('SIGKILL');
      const storedAtKill = sandbox.state.writes.length;
      expect(storedAtKill).toBeGreaterThan(0);
      expect(storedAtKill).toBeLessThan(count);

      // The restarted process (and the survivors) finish the work, the dead worker's share included.
      const restarted = child('doomed');
      for (const p of [restarted, ...others]) {
        const done = await p.exited;
        expect(p.errors()).toBe('');
        expect(done.code).toBe(0);
        expect(p.output().trim().split('\n').at(-1)).toContain('"event":"done"');
      }
      // With one writer, the restarted process is the one that resumed the killed one's journal.
      if (factory.flushers === 1) {
        const done = JSON.parse(restarted.output().trim().split('\n').at(-1)!) as { sent: number };
        expect(done.sent).toBeGreaterThan(0);
      }
      assertExactlyOnce(sandbox, 'CR', count);
      expect(sandbox.state.records('behaviours')).toHaveLength(count);
    }, 300_000);
  });
}
