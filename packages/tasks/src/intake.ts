import { z } from 'zod';
import {
  actorShape,
  functionShape,
  hasShape,
  requireObject,
  requireShape,
  requireString,
} from './boundary.js';
import type { TaskEventInput } from './events.js';

/**
 * A rejected outbox entry, as `@jianguan/provincial-client`'s `outbox.rejected()` returns it
 * (`OutboxSettlement`); accepted structurally, so this package does not depend on the client.
 *
 * @example
 * const r: RejectedEntry = { key: 'jg1-…', recordId: 'JC-1', batchNo: '2025093000001', status: 'rejected', issues: [] };
 */
export interface RejectedEntry {
  readonly key: string;
  readonly recordId: string;
  readonly batchNo: string;
  readonly status: string;
  readonly issues?: readonly unknown[];
}

/**
 * Options of {@link fixTasksFromRejections}.
 *
 * @example
 * const o: FixTaskOptions = { rejectedOn: '2025-09-30', department: 'scjg', actor: { id: 'outbox' } };
 */
export interface FixTaskOptions {
  /** The day the province answered (the 5-working-day clock starts after it). */
  readonly rejectedOn: string;
  /** The department that owns the records (or a function of the entry). */
  readonly department: string | ((entry: RejectedEntry) => string);
  readonly actor: { readonly id: string; readonly department?: string };
  /** Task ids that already exist (e.g. `new Set(book.tasks().map((t) => t.id))`): skipped, so a sync is idempotent. */
  readonly existing?: ReadonlySet<string> | { has(id: string): boolean };
  /** Lifecycle id (default `'quality_fix'`). */
  readonly lifecycle?: string;
}

/**
 * The task id of the fix task for a rejected entry: `fix:<idempotency key>` — one task per rejected write.
 *
 * @example
 * fixTaskId({ key: 'jg1-abc', recordId: 'JC-1', batchNo: 'b', status: 'rejected' }); // 'fix:jg1-abc'
 */
export function fixTaskId(entry: RejectedEntry): string {
  requireObject(entry, ['entry']);
  requireString(entry.key, ['entry', 'key']);
  return `fix:${entry.key}`;
}

const entriesShape = z.array(
  z.looseObject({
    key: z.string(),
    recordId: z.string(),
    batchNo: z.string(),
    status: z.string(),
    issues: z.array(z.unknown()).optional(),
  }),
);

const fixOptionsShape = z.looseObject({
  rejectedOn: z.string(),
  department: z.union([z.string(), functionShape]),
  actor: actorShape,
  existing: hasShape.optional(),
  lifecycle: z.string().optional(),
});

/**
 * Turns the outbox's rejected entries into `create` events of 质检整改 tasks (5 working days, seed 002
 * art. 14), one per entry, skipping entries that are not `rejected` or already have a task. Feed them to
 * `book.applyAll`.
 *
 * @example
 * const events = fixTasksFromRejections(outbox.rejected(), {
 *   rejectedOn: '2025-09-30', department: 'scjg', actor: { id: 'outbox' },
 *   existing: new Set(book.tasks().map((t) => t.id)),
 * });
 * await book.applyAll(events);
 */
export function fixTasksFromRejections(
  entries: readonly RejectedEntry[],
  options: FixTaskOptions,
): TaskEventInput[] {
  requireShape(entriesShape, entries, ['entries']);
  requireShape(fixOptionsShape, options, ['options']);
  const out: TaskEventInput[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (entry.status !== 'rejected') continue;
    const taskId = fixTaskId(entry);
    if (seen.has(taskId) || options.existing?.has(taskId)) continue;
    seen.add(taskId);
    const department =
      typeof options.department === 'function' ? options.department(entry) : options.department;
    out.push({
      taskId,
      action: 'create',
      at: options.rejectedOn,
      actor: options.actor,
      task: {
        lifecycle: options.lifecycle ?? 'quality_fix',
        department,
        title: `质检不通过：${entry.recordId}`,
        source: { system: 'outbox', ref: entry.batchNo },
        data: {
          recordId: entry.recordId,
          batchNo: entry.batchNo,
          key: entry.key,
          issues: entry.issues ?? [],
        },
      },
    });
  }
  return out;
}
