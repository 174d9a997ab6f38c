import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { QualityIssue } from '@jianguan/core';
import type {
  ItemResult,
  QualityCheckFunction as QualityChecker,
  BatchQualityResult as QualityResult,
  UploadKind,
} from '@jianguan/provincial-client/contract';
import { type batchRequestSchema, recordSchema, UPLOAD_KINDS } from '@jianguan/provincial-client/contract';
import type { StoredRecord, WriteLogEntry } from '../types.js';

/** A parsed upload batch (the body of `upload.<kind>` or `resubmit`). */
export type BatchBody = ReturnType<ReturnType<typeof batchRequestSchema>['parse']>;

/** Counters of the upload store, shown by `state.stats()`. */
export interface UploadCounters {
  stored: number;
  duplicates: number;
  rejected: number;
  replays: number;
  authFailures: number;
}

/**
 * The uploaded records (上报数据) the sandbox keeps: current rows, the exactly-once write ledger, the
 * idempotency keys seen, the per-batch 质检 issues, and their persistence to a JSON file.
 */
export interface UploadStore {
  readonly rows: Map<string, StoredRecord>;
  readonly writes: WriteLogEntry[];
  readonly keys: Map<string, { recordId: string; batchNo: string }>;
  readonly counters: UploadCounters;
  /** Applies an upload batch synchronously (no awaits: concurrent retries cannot interleave). */
  applyBatch(
    kind: UploadKind,
    body: BatchBody,
  ): {
    batchNo: string;
    accepted: number;
    duplicates: number;
    rejected: number;
    results: ItemResult[];
  };
  hasBatch(batchNo: string): boolean;
  qualityOf(batchNo: string): QualityResult | undefined;
  /** Writes the state file now (and cancels a pending write). */
  flush(): void;
}

interface Persisted {
  rows: [string, StoredRecord][];
  writes: WriteLogEntry[];
  keys: [string, { recordId: string; batchNo: string }][];
  batches: [string, [string, QualityIssue[]][]][];
}

/**
 * Creates the upload store, loading `persistPath` when it exists.
 *
 * @example
 * const store = createUploadStore({ check: defaultQualityCheck, clock: Date.now });
 */
export function createUploadStore(options: {
  readonly check: QualityChecker;
  readonly clock: () => number;
  readonly today?: string | undefined;
  readonly persistPath?: string | undefined;
}): UploadStore {
  const { check, clock, persistPath } = options;
  const rows = new Map<string, StoredRecord>();
  const writes: WriteLogEntry[] = [];
  const keys = new Map<string, { recordId: string; batchNo: string }>();
  const batches = new Map<string, Map<string, QualityIssue[]>>();
  const counters: UploadCounters = { stored: 0, duplicates: 0, rejected: 0, replays: 0, authFailures: 0 };

  if (persistPath) {
    try {
      const p = JSON.parse(readFileSync(persistPath, 'utf8')) as Persisted;
      for (const [k, v] of p.rows) rows.set(k, v);
      writes.push(...p.writes);
      for (const [k, v] of p.keys) keys.set(k, v);
      for (const [b, items] of p.batches) batches.set(b, new Map(items));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  let persistTimer: NodeJS.Timeout | undefined;
  const persistNow = () => {
    if (!persistPath) return;
    const data: Persisted = {
      rows: [...rows],
      writes,
      keys: [...keys],
      batches: [...batches].map(([b, m]) => [b, [...m]]),
    };
    writeFileSync(`${persistPath}.tmp`, JSON.stringify(data));
    renameSync(`${persistPath}.tmp`, persistPath);
  };
  const persistSoon = () => {
    if (!persistPath || persistTimer) return;
    persistTimer = setTimeout(() => {
      persistTimer = undefined;
      persistNow();
    }, 50);
  };

  const qualityOf = (batchNo: string): QualityResult | undefined => {
    const m = batches.get(batchNo);
    if (!m) return undefined;
    const issues = [...m.values()].flat();
    const failed = [...m.values()].filter((list) => list.some((i) => i.severity === 'error')).length;
    const total = m.size;
    return {
      batchNo,
      total,
      passed: total - failed,
      failed,
      passRate: total === 0 ? 1 : (total - failed) / total,
      issues,
    };
  };

  const applyBatch: UploadStore['applyBatch'] = (kind, body) => {
    const checkIdx: number[] = [];
    const toCheck: unknown[] = [];
    body.items.forEach((item, i) => {
      if (item.operation !== 'D' && !keys.has(item.idempotencyKey)) {
        checkIdx.push(i);
        toCheck.push(item.record);
      }
    });
    const issuesByItem = new Map<number, QualityIssue[]>();
    const schema = recordSchema(UPLOAD_KINDS[kind].schema);
    checkIdx.forEach((idx, k) => {
      const parsed = schema.safeParse(toCheck[k]);
      if (!parsed.success) {
        issuesByItem.set(
          idx,
          parsed.error.issues.slice(0, 10).map((zi) => ({
            checkType: '01',
            rule: 'schema',
            index: idx,
            recordId: body.items[idx]!.recordId,
            field: zi.path.join('.'),
            value: undefined,
            message: {
              zh: `[${zi.path.join('.')}]:不符合数据规范`,
              en: `${zi.path.join('.')}: ${zi.message}`,
            },
            severity: 'error' as const,
          })),
        );
      }
    });
    if (toCheck.length > 0) {
      for (const issue of check(toCheck, {
        recordType: UPLOAD_KINDS[kind].recordType,
        ...(options.today === undefined ? {} : { today: options.today }),
      }).issues) {
        const idx = checkIdx[issue.index];
        if (idx === undefined) continue;
        const list = issuesByItem.get(idx) ?? [];
        if (list.some((x) => x.rule === 'schema')) continue;
        list.push({ ...issue, index: idx });
        issuesByItem.set(idx, list);
      }
    }
    const batchMap = batches.get(body.batchNo) ?? new Map<string, QualityIssue[]>();
    batches.set(body.batchNo, batchMap);
    const results: ItemResult[] = body.items.map((item, i) => {
      if (keys.has(item.idempotencyKey)) {
        counters.duplicates++;
        return { recordId: item.recordId, idempotencyKey: item.idempotencyKey, status: 'duplicate' };
      }
      const issues = issuesByItem.get(i) ?? [];
      batchMap.set(item.recordId, issues);
      if (issues.some((x) => x.severity === 'error')) {
        counters.rejected++;
        return { recordId: item.recordId, idempotencyKey: item.idempotencyKey, status: 'rejected', issues };
      }
      keys.set(item.idempotencyKey, { recordId: item.recordId, batchNo: body.batchNo });
      const rowKey = `${kind}/${item.recordId}`;
      if (item.operation === 'D') rows.delete(rowKey);
      else {
        rows.set(rowKey, {
          kind,
          recordId: item.recordId,
          operation: item.operation,
          batchNo: body.batchNo,
          idempotencyKey: item.idempotencyKey,
          record: item.record,
        });
      }
      writes.push({
        kind,
        recordId: item.recordId,
        operation: item.operation,
        idempotencyKey: item.idempotencyKey,
        batchNo: body.batchNo,
        at: clock(),
      });
      counters.stored++;
      return {
        recordId: item.recordId,
        idempotencyKey: item.idempotencyKey,
        status: 'stored',
        ...(issues.length > 0 ? { issues } : {}),
      };
    });
    persistSoon();
    return {
      batchNo: body.batchNo,
      accepted: results.filter((r) => r.status === 'stored').length,
      duplicates: results.filter((r) => r.status === 'duplicate').length,
      rejected: results.filter((r) => r.status === 'rejected').length,
      results,
    };
  };

  return {
    rows,
    writes,
    keys,
    counters,
    applyBatch,
    hasBatch: (batchNo) => batches.has(batchNo),
    qualityOf,
    flush() {
      if (persistTimer) clearTimeout(persistTimer);
      persistTimer = undefined;
      persistNow();
    },
  };
}
