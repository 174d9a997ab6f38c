import type { UploadKind } from '../contract/wire.js';

/**
 * One journaled write waiting to reach the province (待上报记录).
 *
 * @example
 * const e: OutboxEntry = { key: 'jg1-…', kind: 'behaviours', recordId: 'r1', operation: 'I', record: {}, enqueuedAt: 0 };
 */
export interface OutboxEntry {
  /** The idempotency key (also the entry's identity in the journal). */
  readonly key: string;
  readonly kind: UploadKind;
  readonly recordId: string;
  readonly operation: 'I' | 'U' | 'D';
  readonly record?: Readonly<Record<string, unknown>>;
  /** Epoch ms when journaled. */
  readonly enqueuedAt: number;
  /** The civil date of the regulated act (for working-day deadlines), if known. */
  readonly eventDate?: string;
}

/**
 * Final state of an entry: its key, the record it carried and the batch the province answered it in.
 *
 * @example
 * const s: OutboxSettlement = { key: 'jg1-…', recordId: 'r1', batchNo: '2025123100001', status: 'stored' };
 */
export interface OutboxSettlement {
  /** The idempotency key of the entry. */
  readonly key: string;
  /** The record id of the entry (as in {@link OutboxEntry.recordId}). */
  readonly recordId: string;
  /** The batch number (批次号) the province settled the entry in — the one to pass to `getQualityResult`. */
  readonly batchNo: string;
  readonly status: 'stored' | 'duplicate' | 'rejected';
  /** The kind of the record (absent in journals written before settlements carried it). */
  readonly kind?: UploadKind;
  /** Quality issues when rejected. */
  readonly issues?: readonly unknown[];
}

/**
 * A durable store for the outbox journal. `append` and `settle` must be durable when their promise resolves.
 *
 * @example
 * const store: OutboxStore = createMemoryOutboxStore();
 */
export interface OutboxStore {
  /** Pending entries and settled keys, as of the last durable write. */
  load(): Promise<{ pending: OutboxEntry[]; rejected: OutboxSettlement[] }>;
  append(entries: readonly OutboxEntry[]): Promise<void>;
  settle(settlements: readonly OutboxSettlement[]): Promise<void>;
  /** Drop settled entries from durable storage (optional). */
  compact?(): Promise<void>;
  /**
   * The next 5-digit batch sequence (批次序号) of China civil day `civilDate`, persisted durably before it resolves
   * so it is never handed out again (optional; the outbox then numbers its batches with it instead of the client's
   * `batchSequence`).
   */
  nextBatchSequence?(civilDate: string): Promise<number>;
  close?(): Promise<void>;
}

/**
 * An in-memory store (not crash-safe; for tests and short-lived jobs).
 *
 * @example
 * const outbox = await createOutbox({ client, store: createMemoryOutboxStore() });
 */
export function createMemoryOutboxStore(): OutboxStore {
  const pending = new Map<string, OutboxEntry>();
  const rejected = new Map<string, OutboxSettlement>();
  return {
    load: async () => ({ pending: [...pending.values()], rejected: [...rejected.values()] }),
    append: async (entries) => {
      for (const e of entries) pending.set(e.key, e);
    },
    settle: async (settlements) => {
      for (const s of settlements) {
        pending.delete(s.key);
        if (s.status === 'rejected') rejected.set(s.key, s);
      }
    },
  };
}
