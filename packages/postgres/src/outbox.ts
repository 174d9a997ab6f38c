import { chinaToday, InvalidOptionsError, tryBehaviourActDate } from '@jianguan/core';
import type {
  BatchSequence,
  FlushResult,
  OutboxEntry,
  OutboxOptions,
  OutboxSettlement,
  OutboxStore,
  ProvincialClient,
  UploadItem,
  UploadKind,
} from '@jianguan/provincial-client';
import { createOutbox, QualityCheckFailedError } from '@jianguan/provincial-client';
import { requireOptions } from './boundary.js';
import { checkClient, type SqlClient, withTransaction } from './db.js';
import { PostgresError } from './errors.js';

/**
 * Options of {@link createPostgresOutboxStore}.
 *
 * @example
 * const o: PostgresOutboxStoreOptions = { owner: 'worker-1', leaseMs: 60_000, claimLimit: 5000 };
 */
export interface PostgresOutboxStoreOptions {
  /** This worker's name in leases. Default: a random one per store. */
  readonly owner?: string;
  /** How long a claimed entry stays reserved for this worker (ms). After that any worker may claim it. Default 60 000. */
  readonly leaseMs?: number;
  /** Most entries one `load()` claims. Default 10 000. */
  readonly claimLimit?: number;
}

/**
 * The PostgreSQL outbox store (数据库待报队列): an `OutboxStore` for the provincial client's `createOutbox`, over the
 * `jianguan.outbox` table. `load()` claims unsettled entries whose lease is free or expired with
 * `FOR UPDATE SKIP LOCKED` (so any number of workers take disjoint shares), `append` writes new entries leased to
 * this worker, `settle` records the province's answer once — the first settlement of a key wins, later ones are
 * no-ops — and `close` releases this worker's unsettled leases.
 *
 * @example
 * const store = createPostgresOutboxStore(pool, { owner: 'worker-1' });
 * const outbox = await createOutbox({ client, store });
 * await outbox.flush();
 * await outbox.close();
 */
export interface PostgresOutboxStore extends OutboxStore {
  readonly owner: string;
  /** Deletes settled entries, keeping rejected ones. */
  compact(): Promise<void>;
  /** Releases this worker's unsettled leases. */
  close(): Promise<void>;
  /** Counts by state, for monitoring. */
  counts(): Promise<{ pending: number; leased: number; settled: number; rejected: number }>;
}

interface OutboxRow {
  key: string;
  seq: string | number;
  kind: string;
  record_id: string;
  operation: 'I' | 'U' | 'D';
  record: Record<string, unknown> | null;
  enqueued_at: string | number;
  event_date: string | null;
}

function entryOf(r: OutboxRow): OutboxEntry {
  return {
    key: r.key,
    kind: r.kind as UploadKind,
    recordId: r.record_id,
    operation: r.operation,
    ...(r.record ? { record: r.record } : {}),
    enqueuedAt: Number(r.enqueued_at),
    ...(r.event_date ? { eventDate: r.event_date } : {}),
  };
}

function positive(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new PostgresError(
      'invalid_option',
      { zh: `${name} 必须是正整数`, en: `${name} must be a positive integer` },
      { path: [name], details: { value } },
    );
  }
  return value;
}

const ENTRY_COLUMNS =
  'x(key text, kind text, record_id text, operation text, record jsonb, enqueued_at bigint, event_date text)';

function entryJson(entries: readonly OutboxEntry[]): string {
  return JSON.stringify(
    entries.map((e) => ({
      key: e.key,
      kind: e.kind,
      record_id: e.recordId,
      operation: e.operation,
      record: e.record ?? null,
      enqueued_at: e.enqueuedAt,
      event_date: e.eventDate ?? null,
    })),
  );
}

/**
 * Creates a {@link PostgresOutboxStore} over `db` (a `pg` Pool or PGlite; run {@link migrate} first).
 *
 * @example
 * const outbox = await createOutbox({ client, store: createPostgresOutboxStore(pool) });
 */
export function createPostgresOutboxStore(
  db: SqlClient,
  options: PostgresOutboxStoreOptions = {},
): PostgresOutboxStore {
  checkClient(db);
  requireOptions(options);
  const owner = options.owner ?? `worker-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  const leaseMs = positive(options.leaseMs, 'leaseMs', 60_000);
  const claimLimit = positive(options.claimLimit, 'claimLimit', 10_000);
  return {
    owner,
    async load() {
      const claimed = await db.query(
        `with c as (
           select key from jianguan.outbox
           where settled_at is null and (lease_until is null or lease_until < clock_timestamp())
           order by seq limit $2 for update skip locked)
         update jianguan.outbox o
           set lease_owner = $1, lease_until = clock_timestamp() + $3 * interval '1 millisecond', attempts = o.attempts + 1
         from c where o.key = c.key
         returning o.key, o.seq, o.kind, o.record_id, o.operation, o.record, o.enqueued_at, o.event_date`,
        [owner, claimLimit, leaseMs],
      );
      const pending = (claimed.rows as unknown as OutboxRow[])
        .sort((a, b) => Number(a.seq) - Number(b.seq))
        .map(entryOf);
      const rej = await db.query(
        `select key, record_id, batch_no, issues from jianguan.outbox where status = 'rejected' order by seq`,
      );
      const rejected: OutboxSettlement[] = rej.rows.map((r) => ({
        key: String(r.key),
        recordId: String(r.record_id),
        batchNo: String(r.batch_no),
        status: 'rejected' as const,
        ...(r.issues ? { issues: r.issues as unknown[] } : {}),
      }));
      return { pending, rejected };
    },
    async append(entries) {
      if (entries.length === 0) return;
      await db.query(
        `insert into jianguan.outbox (key, kind, record_id, operation, record, enqueued_at, event_date, lease_owner, lease_until)
         select x.key, x.kind, x.record_id, x.operation, x.record, x.enqueued_at, x.event_date, $2,
                clock_timestamp() + $3 * interval '1 millisecond'
         from jsonb_to_recordset($1::jsonb) as ${ENTRY_COLUMNS}
         on conflict (key) do nothing`,
        [entryJson(entries), owner, leaseMs],
      );
    },
    async settle(settlements) {
      if (settlements.length === 0) return;
      await db.query(
        `update jianguan.outbox o
           set status = x.status, batch_no = x.batch_no, issues = x.issues, settled_at = clock_timestamp(),
               lease_owner = null, lease_until = null
         from jsonb_to_recordset($1::jsonb) as x(key text, status text, batch_no text, issues jsonb)
         where o.key = x.key and o.settled_at is null`,
        [
          JSON.stringify(
            settlements.map((s) => ({
              key: s.key,
              status: s.status,
              batch_no: s.batchNo,
              issues: s.issues ?? null,
            })),
          ),
        ],
      );
    },
    async compact() {
      await db.query(`delete from jianguan.outbox where settled_at is not null and status <> 'rejected'`);
    },
    async close() {
      await db.query(
        'update jianguan.outbox set lease_owner = null, lease_until = null where lease_owner = $1 and settled_at is null',
        [owner],
      );
    },
    async counts() {
      const { rows } = await db.query(
        `select count(*) filter (where settled_at is null)::int as pending,
                count(*) filter (where settled_at is null and lease_until >= clock_timestamp())::int as leased,
                count(*) filter (where settled_at is not null)::int as settled,
                count(*) filter (where status = 'rejected')::int as rejected
         from jianguan.outbox`,
      );
      const r = rows[0] ?? {};
      return {
        pending: Number(r.pending),
        leased: Number(r.leased),
        settled: Number(r.settled),
        rejected: Number(r.rejected),
      };
    },
  };
}

/**
 * Journals writes in the caller's transaction (事务内入队): the business write and its outbox entries commit or roll
 * back together. Items are prepared (idempotency keys) and checked (质检) by the provincial client exactly as
 * `outbox.enqueue` does; entries already journaled are left alone. Returns the idempotency keys.
 *
 * @example
 * await withTransaction(pool, async (tx) => {
 *   await tx.query('insert into inspections …', […]);
 *   await enqueueInTransaction(tx, client, 'behaviours', [{ operation: 'I', record }]);
 * });
 */
export async function enqueueInTransaction(
  tx: SqlClient,
  client: ProvincialClient,
  kind: UploadKind,
  items: readonly UploadItem[],
  options: { readonly force?: boolean; readonly now?: () => number } = {},
): Promise<string[]> {
  checkClient(tx);
  requireOptions(options);
  const prepared = client.prepare(kind, items);
  if (!options.force) {
    const { failedIndexes, issues } = client.checkLocally(kind, items);
    if (failedIndexes.size > 0) throw new QualityCheckFailedError(failedIndexes.size, issues);
  }
  const at = (options.now ?? Date.now)();
  const entries: OutboxEntry[] = prepared.map((p) => {
    const d = p.record ? tryBehaviourActDate(p.record) : undefined;
    return {
      key: p.idempotencyKey,
      kind,
      recordId: p.recordId,
      operation: p.operation,
      ...(p.record ? { record: p.record } : {}),
      enqueuedAt: at,
      ...(d === undefined ? {} : { eventDate: String(d) }),
    };
  });
  if (entries.length > 0) {
    await tx.query(
      `insert into jianguan.outbox (key, kind, record_id, operation, record, enqueued_at, event_date)
       select x.key, x.kind, x.record_id, x.operation, x.record, x.enqueued_at, x.event_date
       from jsonb_to_recordset($1::jsonb) as ${ENTRY_COLUMNS}
       on conflict (key) do nothing`,
      [entryJson(entries)],
    );
  }
  return prepared.map((p) => p.idempotencyKey);
}

/**
 * Reserves `count` batch-number sequences (批次号序号) of today (China civil date) from the durable
 * `jianguan.batch_sequences` row of that day — one `update … returning` in its own transaction, so no two workers
 * or restarts ever reuse a number — and returns a `BatchSequence` for `createProvincialClient({ batchSequence })`
 * that hands them out. Asking it for another day, or for more than reserved, throws {@link PostgresError}
 * (`batch_sequence_exhausted`); reserve a block per flush run.
 *
 * @example
 * const batchSequence = await reserveBatchSequence(pool, { count: 100 });
 * const client = createProvincialClient({ …, batchSequence });
 */
export async function reserveBatchSequence(
  db: SqlClient,
  options: { readonly count: number; readonly now?: () => number },
): Promise<BatchSequence & { readonly day: string; readonly first: number; readonly last: number }> {
  checkClient(db);
  requireOptions(options, true);
  const count = positive(options.count, 'count', 1);
  const day = chinaToday(new Date((options.now ?? Date.now)()));
  const last = await withTransaction(db, async (tx) => {
    const { rows } = await tx.query(
      `insert into jianguan.batch_sequences (day, last) values ($1::date, $2)
       on conflict (day) do update set last = jianguan.batch_sequences.last + excluded.last
       returning last`,
      [day, count],
    );
    return Number(rows[0]?.last);
  }).catch((error: unknown) => {
    // Only the day's check constraint (`last` ≤ 99 999) means used up; anything else is passed on as it is.
    if ((error as { code?: unknown } | null)?.code !== '23514') throw error;
    throw new PostgresError(
      'batch_sequence_exhausted',
      {
        zh: `${day} 的批次号已用尽（每日最多 99999）`,
        en: `no batch numbers left for ${day} (99 999 a day)`,
      },
      { details: { day, count }, cause: error },
    );
  });
  const first = last - count + 1;
  let next = first;
  return {
    day,
    first,
    last,
    next(civilDate: string): number {
      if (civilDate !== day || next > last) {
        throw new PostgresError(
          'batch_sequence_exhausted',
          {
            zh: `预留的批次号已用尽或日期不符（${day}，${first}–${last}）`,
            en: `the reserved batch numbers (${day}, ${first}–${last}) are used up or for another day`,
          },
          { details: { day, civilDate, first, last } },
        );
      }
      return next++;
    },
  };
}

/**
 * Options of {@link drainOutbox}: the outbox options (without the store) and the store's.
 *
 * @example
 * const o: DrainOutboxOptions = { client, owner: 'worker-1', leaseMs: 30_000 };
 */
export interface DrainOutboxOptions extends Omit<OutboxOptions, 'store'>, PostgresOutboxStoreOptions {
  /** Stop after this many claim rounds. Default 100. */
  readonly maxRounds?: number;
  readonly signal?: AbortSignal;
}

/**
 * One flushing worker (上报工作进程): claims a share of the queue, flushes it through the provincial client's outbox,
 * and repeats until nothing is claimable. Run any number of them, in any number of processes.
 *
 * @example
 * const totals = await drainOutbox(pool, { client, owner: `worker-${process.pid}` });
 */
export async function drainOutbox(db: SqlClient, options: DrainOutboxOptions): Promise<FlushResult> {
  checkClient(db);
  requireOptions(options, true);
  const rounds = positive(options.maxRounds, 'maxRounds', 100);
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal))
    throw new InvalidOptionsError('signal', { en: 'an AbortSignal', zh: 'AbortSignal' }, options.signal);
  const totals = { sent: 0, stored: 0, duplicates: 0, rejected: 0, remaining: 0, failedBatches: 0 };
  let error: Error | undefined;
  for (let i = 0; i < rounds && !options.signal?.aborted; i++) {
    const store = createPostgresOutboxStore(db, options);
    const outbox = await createOutbox({ ...options, store });
    try {
      if (outbox.pending().length === 0) break;
      const r = await outbox.flush(options.signal ? { signal: options.signal } : {});
      totals.sent += r.sent;
      totals.stored += r.stored;
      totals.duplicates += r.duplicates;
      totals.rejected += r.rejected;
      totals.failedBatches += r.failedBatches;
      totals.remaining = r.remaining;
      error ??= r.error;
    } finally {
      await outbox.close();
    }
  }
  return { ...totals, ...(error ? { error } : {}) };
}
