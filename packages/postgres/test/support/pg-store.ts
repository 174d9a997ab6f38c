// The PostgreSQL store for the provincial client's shared outbox suites (fault soak, SIGKILL): a fresh database
// on the test server per suite; each worker is a store with its own lease owner and a block of durable batch
// numbers; a child process opens its own pool from the spec.
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import type {
  OpenedStore,
  OutboxStoreFactory,
} from '../../../provincial-client/test/support/outbox-suite.js';
import { createPostgresOutboxStore, migrate, reserveBatchSequence } from '../../src/index.js';
import { freshDatabase } from './server.js';

interface Spec {
  readonly url: string;
  readonly leaseMs: number;
  readonly claimLimit: number;
}

/** What a child process (or the test) opens: a small pool, a store owned by `worker`, batch numbers for its client. */
export async function openStore(spec: unknown, worker: string): Promise<OpenedStore> {
  const { url, leaseMs, claimLimit } = spec as Spec;
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => undefined);
  return {
    store: createPostgresOutboxStore(pool, { owner: worker, leaseMs, claimLimit }),
    batchSequence: await reserveBatchSequence(pool, { count: 200 }),
    close: () => pool.end(),
  };
}

export const postgresStoreFactory = (counts: {
  soakCount: number;
  killCount: number;
}): OutboxStoreFactory => ({
  name: 'PostgreSQL',
  flushers: 4,
  ...counts,
  async prepare() {
    const database = await freshDatabase(inject('databaseUrl'));
    const { default: pg } = await import('pg');
    const admin = new pg.Pool({ connectionString: database.url, max: 1 });
    await migrate(admin);
    await admin.end();
    const spec: Spec = { url: database.url, leaseMs: 4000, claimLimit: 150 };
    return {
      open: (worker) => openStore(spec, worker),
      childModule: fileURLToPath(import.meta.url),
      childSpec: spec,
      reclaimAfterMs: spec.leaseMs + 1000,
      dispose: () => database.drop(),
    };
  },
});
