import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from '@jianguan/sandbox';
import { SANDBOX_CREDENTIALS, startSandbox, syntheticInspectionRecords } from '@jianguan/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmacSha256Signer, createOutbox, createProvincialClient } from '../src/index.js';

const COUNT = 10_000;
let sandbox: Sandbox;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jianguan-soak-'));
  sandbox = await startSandbox({
    seed: 'soak',
    // ≈20 % 5xx, 10 % dropped connections, 5 % 429 with Retry-After; half of the 5xx/drops strike after the write.
    faults: {
      serverErrorRate: 0.2,
      dropRate: 0.1,
      rateLimitRate: 0.05,
      retryAfterSeconds: 0,
      afterProcessingShare: 0.5,
    },
  });
});
afterAll(async () => {
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('fault soak', () => {
  it(`uploads ${COUNT} records through 5xx, dropped connections and 429s: every record stored exactly once`, async () => {
    const client = createProvincialClient({
      baseUrl: sandbox.url,
      source: '330100-SOAK',
      signer: createHmacSha256Signer(SANDBOX_CREDENTIALS),
      batchSize: 200,
      concurrency: 4,
      retry: { limit: 12, baseDelayMs: 2, maxDelayMs: 40 },
    });
    const outbox = await createOutbox({ client, store: join(dir, 'outbox.jsonl') });
    const records = syntheticInspectionRecords('soak', COUNT, { prefix: 'SOAK' });
    const keys = await outbox.enqueue(
      'behaviours',
      records.map((record) => ({ operation: 'I' as const, record })),
    );
    expect(new Set(keys).size).toBe(COUNT);

    let result = await outbox.flush();
    let rounds = 1;
    while (result.remaining > 0 && rounds < 10) {
      result = await outbox.flush();
      rounds++;
    }
    await outbox.close();
    expect(result.remaining).toBe(0);
    expect(outbox.rejected()).toHaveLength(0);

    const writes = sandbox.state.writes;
    expect(writes).toHaveLength(COUNT);
    expect(new Set(writes.map((w) => w.idempotencyKey)).size).toBe(COUNT);
    expect(new Set(writes.map((w) => w.recordId)).size).toBe(COUNT);
    expect(sandbox.state.records('behaviours')).toHaveLength(COUNT);
    expect(new Set(writes.map((w) => w.idempotencyKey))).toEqual(new Set(keys));

    // The faults really happened, and some writes were answered only on a retry (dedup did the work).
    const stats = sandbox.state.stats();
    expect(stats.faults['server-error']).toBeGreaterThan(0);
    expect(stats.faults.drop).toBeGreaterThan(0);
    expect(stats.faults['rate-limit']).toBeGreaterThan(0);
    expect(stats.replays + stats.duplicates).toBeGreaterThan(0);
    expect(stats.stored).toBe(COUNT);
  }, 90_000);
});
