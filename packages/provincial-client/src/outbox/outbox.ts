import { chinaToday, forEachConcurrently } from '@jianguan/core';
import type { PreparedItem, ProvincialClient, UploadItem } from '../client/create-client.js';
import type { Logger } from '../client/types.js';
import { formatBatchNo } from '../contract/batch-no.js';
import { actDateOf, addWorkdaysAdapter, workdayDeadline } from '../contract/core-adapter.js';
import type { UploadKind } from '../contract/wire.js';
import { ClientOptionsError, ProvincialClientError, QualityCheckFailedError } from '../errors/errors.js';
import type { DeadlineRules } from './deadlines.js';
import { DEFAULT_DEADLINE_RULES, eventDateOf } from './deadlines.js';
import { createFileOutboxStore } from './file-store.js';
import type { OutboxEntry, OutboxSettlement, OutboxStore } from './store.js';

/**
 * Options of {@link createOutbox}.
 *
 * @example
 * const o: OutboxOptions = { client, store: '.jianguan/outbox.jsonl' };
 */
export interface OutboxOptions {
  readonly client: ProvincialClient;
  /** A store, or a file path for the default JSONL store. */
  readonly store: OutboxStore | string;
  /** Records per batch when flushing. Default: 500. */
  readonly batchSize?: number;
  /** Batches in flight. Default 2. */
  readonly concurrency?: number;
  /** Working-day deadline rules. */
  readonly deadlines?: DeadlineRules;
  readonly logger?: Logger;
  /** Clock (epoch ms). */
  readonly now?: () => number;
}

/**
 * Outcome of a flush.
 *
 * @example
 * const r: FlushResult = { sent: 10, stored: 9, duplicates: 1, rejected: 0, remaining: 0, failedBatches: 0 };
 */
export interface FlushResult {
  readonly sent: number;
  readonly stored: number;
  readonly duplicates: number;
  readonly rejected: number;
  /** Entries still pending (a batch failed after its retries). */
  readonly remaining: number;
  readonly failedBatches: number;
  /** The first error of a failed batch. */
  readonly error?: Error;
}

/**
 * A queued record and its working-day deadline.
 *
 * @example
 * const d: DueEntry = { key: 'k', recordId: 'r', kind: 'behaviours', eventDate: '2024-03-15', deadline: '2024-03-22', workdaysLeft: 1, overdue: false };
 */
export interface DueEntry {
  readonly key: string;
  readonly recordId: string;
  /** The record's kind; `undefined` only for a rejection from a journal compacted before settlements kept it. */
  readonly kind: UploadKind | undefined;
  /**
   * `upload`: a queued record to get to the province (deadline from the event date); `fix`: a record the province
   * rejected, to fix and re-upload (数据整改, deadline from the day it was rejected — seed 002 art. 14).
   */
  readonly work: 'upload' | 'fix';
  /** The day the clock started: the regulated act's date (`upload`) or the rejection day (`fix`). */
  readonly eventDate: string;
  readonly deadline: string;
  /** Working days left until the deadline (0 = due today); negative when overdue. */
  readonly workdaysLeft: number;
  readonly overdue: boolean;
}

/**
 * The durable outbox (本地待报队列): journal first, send later, exactly once in effect.
 *
 * @example
 * const outbox = await createOutbox({ client, store: '.jianguan/outbox.jsonl' });
 * await outbox.enqueue('behaviours', records.map((record) => ({ operation: 'I', record })));
 * await outbox.flush();
 */
export interface Outbox {
  /** Journal writes durably (fsync) — after this resolves, they survive a crash. Returns their keys. */
  enqueue(
    kind: UploadKind,
    items: readonly UploadItem[],
    options?: { readonly force?: boolean },
  ): Promise<string[]>;
  /** Send everything pending in batches; settle what the province answered. Resumes after a crash. */
  flush(options?: { readonly signal?: AbortSignal }): Promise<FlushResult>;
  /** Pending entries. */
  pending(): readonly OutboxEntry[];
  /** Entries the province rejected (质检 failures), with their record id, batch number and issues. */
  rejected(): readonly OutboxSettlement[];
  /**
   * Work whose working-day deadline is within `withinWorkdays` (default 1) or already past: pending entries to
   * upload, and rejected entries to fix and re-upload within the `rejectionFix` rule (5 working days after the
   * day of the batch that was rejected, seed 002 art. 14).
   */
  dueSoon(options?: { readonly withinWorkdays?: number; readonly today?: string }): DueEntry[];
  close(): Promise<void>;
}

/** Working days from `today` to `deadline` (capped just past `within`), negative when late. */
function workdaysLeft(today: string, deadline: string, workdaysLate: number, within: number): number {
  if (workdaysLate > 0) return -workdaysLate;
  let left = 0;
  for (let d = today; d < deadline && left <= within; d = addWorkdaysAdapter(d, 1)) left++;
  return left;
}

/**
 * Opens (and recovers) an outbox over `store`. Records are journaled before sending; each carries an idempotency
 * key derived from its id and content, so a record whose acknowledgement was lost in a crash is recognised by
 * the province as a duplicate on resend — exactly once in effect.
 *
 * @example
 * const outbox = await createOutbox({ client, store: 'outbox.jsonl' });
 * await outbox.flush(); // resumes whatever was pending before a crash
 */
export async function createOutbox(options: OutboxOptions): Promise<Outbox> {
  if (!options?.client) throw new ClientOptionsError({ zh: '缺少 client', en: 'client is required' });
  const store = typeof options.store === 'string' ? createFileOutboxStore(options.store) : options.store;
  const batchSize = options.batchSize ?? options.client.options.batchSize ?? 500;
  const concurrency = Math.max(1, options.concurrency ?? options.client.options.concurrency ?? 2);
  const rules = options.deadlines ?? DEFAULT_DEADLINE_RULES;
  const now = options.now ?? Date.now;
  const loaded = await store.load();
  const pending = new Map<string, OutboxEntry>(loaded.pending.map((e) => [e.key, e]));
  const rejected = new Map<string, OutboxSettlement>(loaded.rejected.map((s) => [s.key, s]));
  const inFlight = new Set<string>();
  let flushing: Promise<FlushResult> | undefined;

  async function flushOnce(signal: AbortSignal | undefined): Promise<FlushResult> {
    const groups = new Map<UploadKind, OutboxEntry[]>();
    for (const e of pending.values()) {
      if (inFlight.has(e.key)) continue;
      const list = groups.get(e.kind) ?? [];
      list.push(e);
      groups.set(e.kind, list);
    }
    const batches: { kind: UploadKind; entries: OutboxEntry[] }[] = [];
    for (const [kind, list] of groups) {
      for (let i = 0; i < list.length; i += batchSize)
        batches.push({ kind, entries: list.slice(i, i + batchSize) });
    }
    let sent = 0;
    let stored = 0;
    let duplicates = 0;
    let rej = 0;
    let failedBatches = 0;
    let firstError: Error | undefined;
    const sendOne = async (b: (typeof batches)[number]): Promise<void> => {
      for (const e of b.entries) inFlight.add(e.key);
      try {
        const items: PreparedItem[] = b.entries.map((e) => ({
          recordId: e.recordId,
          operation: e.operation,
          idempotencyKey: e.key,
          ...(e.record ? { record: e.record } : {}),
        }));
        let batchNo: string | undefined;
        if (store.nextBatchSequence) {
          const day = chinaToday(new Date(now()));
          batchNo = formatBatchNo(day, await store.nextBatchSequence(day));
        }
        const result = await options.client.sendBatch(b.kind, items, {
          ...(signal ? { signal } : {}),
          ...(batchNo ? { batchNo } : {}),
        });
        const settlements: OutboxSettlement[] = [];
        const known = new Map(b.entries.map((e) => [e.key, e]));
        for (const r of result.results) {
          const entry = known.get(r.idempotencyKey);
          if (!entry) continue;
          settlements.push({
            key: r.idempotencyKey,
            recordId: entry.recordId,
            kind: entry.kind,
            batchNo: result.batchNo,
            status: r.status,
            ...(r.issues ? { issues: r.issues } : {}),
          });
        }
        await store.settle(settlements);
        for (const s of settlements) {
          pending.delete(s.key);
          if (s.status === 'rejected') rejected.set(s.key, s);
          if (s.status === 'stored') stored++;
          else if (s.status === 'duplicate') duplicates++;
          else rej++;
        }
        sent += b.entries.length;
      } catch (error) {
        failedBatches++;
        firstError ??= error as Error;
        options.logger?.warn('outbox batch failed; it stays queued', {
          kind: b.kind,
          size: b.entries.length,
          code: error instanceof ProvincialClientError ? error.code : undefined,
        });
      } finally {
        for (const e of b.entries) inFlight.delete(e.key);
      }
    };
    await forEachConcurrently(batches, concurrency, sendOne, { signal });
    return {
      sent,
      stored,
      duplicates,
      rejected: rej,
      remaining: pending.size,
      failedBatches,
      ...(firstError ? { error: firstError } : {}),
    };
  }

  return {
    async enqueue(kind, items, enqueueOptions = {}) {
      const prepared = options.client.prepare(kind, items);
      if (!enqueueOptions.force) {
        const { failedIndexes, issues } = options.client.checkLocally(kind, items);
        if (failedIndexes.size > 0) throw new QualityCheckFailedError(failedIndexes.size, issues);
      }
      const at = now();
      const fresh: OutboxEntry[] = [];
      for (const p of prepared) {
        if (pending.has(p.idempotencyKey)) continue;
        const eventDate = eventDateOf(p.record, actDateOf);
        fresh.push({
          key: p.idempotencyKey,
          kind,
          recordId: p.recordId,
          operation: p.operation,
          ...(p.record ? { record: p.record } : {}),
          enqueuedAt: at,
          ...(eventDate ? { eventDate } : {}),
        });
      }
      await store.append(fresh);
      for (const e of fresh) pending.set(e.key, e);
      return prepared.map((p) => p.idempotencyKey);
    },
    flush(flushOptions = {}) {
      flushing ??= flushOnce(flushOptions.signal).finally(() => {
        flushing = undefined;
      });
      return flushing;
    },
    pending: () => [...pending.values()],
    rejected: () => [...rejected.values()],
    dueSoon(dueOptions = {}) {
      const within = dueOptions.withinWorkdays ?? 1;
      const today = dueOptions.today ?? chinaToday(new Date(now()));
      const horizon = addWorkdaysAdapter(today, within);
      const out: DueEntry[] = [];
      for (const e of pending.values()) {
        if (!e.eventDate) continue;
        const rule = rules.rules[e.kind];
        if (!rule) continue;
        const { deadline, workdaysLate } = workdayDeadline(e.eventDate, rule.allowedWorkdays, today);
        if (deadline > horizon) continue;
        out.push({
          key: e.key,
          recordId: e.recordId,
          kind: e.kind,
          work: 'upload',
          eventDate: e.eventDate,
          deadline,
          workdaysLeft: workdaysLeft(today, deadline, workdaysLate, within),
          overdue: workdaysLate > 0,
        });
      }
      const fixRule = rules.rules.rejectionFix ?? DEFAULT_DEADLINE_RULES.rules.rejectionFix;
      for (const s of fixRule ? rejected.values() : []) {
        // The batch number starts with the China date it was sent and checked on (批次号 = YYYYMMDD + 序号).
        const m = /^(\d{4})(\d{2})(\d{2})\d{5}$/.exec(s.batchNo);
        if (!m || !fixRule) continue;
        const rejectedOn = `${m[1]}-${m[2]}-${m[3]}`;
        const { deadline, workdaysLate } = workdayDeadline(rejectedOn, fixRule.allowedWorkdays, today);
        if (deadline > horizon) continue;
        out.push({
          key: s.key,
          recordId: s.recordId,
          kind: s.kind,
          work: 'fix',
          eventDate: rejectedOn,
          deadline,
          workdaysLeft: workdaysLeft(today, deadline, workdaysLate, within),
          overdue: workdaysLate > 0,
        });
      }
      return out.sort((a, b) =>
        a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.recordId < b.recordId ? -1 : 1,
      );
    },
    async close() {
      await flushing?.catch(() => undefined);
      await store.close?.();
    },
  };
}
