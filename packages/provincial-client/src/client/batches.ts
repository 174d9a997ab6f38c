import type { QualityIssue } from '@jianguan/core';
import { chinaToday as chinaDate, forEachConcurrently } from '@jianguan/core';
import { formatBatchNo } from '../contract/batch-no.js';
import type { QualityCheckFunction as QualityChecker } from '../contract/core-adapter.js';
import type { BatchResult, ItemResult, UploadKind } from '../contract/wire.js';
import { batchResultSchema, UPLOAD_KINDS } from '../contract/wire.js';
import { ClientOptionsError, QualityCheckFailedError } from '../errors/errors.js';
import type { BatchSequence } from './batch-sequence.js';
import { batchIdempotencyKey, recordIdempotencyKey } from './idempotency.js';
import type { ContractRequest } from './transport.js';
import type { CallOptions } from './types.js';

/**
 * One write in an upload: insert or update carries the record; delete needs only the id.
 *
 * @example
 * const items: UploadItem[] = [{ operation: 'I', record }, { operation: 'D', recordId: 'old-1' }];
 */
export type UploadItem =
  | {
      readonly operation: 'I' | 'U';
      readonly record: Readonly<Record<string, unknown>>;
      readonly recordId?: string;
    }
  | { readonly operation: 'D'; readonly recordId: string };

/**
 * A write prepared for the wire: id, operation, derived idempotency key and record.
 *
 * @example
 * const p: PreparedItem = { recordId: 'r1', operation: 'I', idempotencyKey: 'jg1-…', record: { recordId: 'r1' } };
 */
export interface PreparedItem {
  readonly recordId: string;
  readonly operation: 'I' | 'U' | 'D';
  readonly idempotencyKey: string;
  readonly record?: Readonly<Record<string, unknown>>;
}

/**
 * Options of an upload.
 *
 * @example
 * await client.upload('behaviours', items, { force: true });
 */
export interface UploadOptions extends CallOptions {
  /** Upload even records that fail the local quality check (本地质检). */
  readonly force?: boolean;
}

/**
 * The aggregated outcome of an upload (possibly several batches).
 *
 * @example
 * const r = await client.uploadBehaviours(records); r.stored + r.duplicates + r.rejected === records.length;
 */
export interface UploadResult {
  readonly batches: readonly BatchResult[];
  readonly stored: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly results: readonly ItemResult[];
}

function idFromRecord(
  kind: UploadKind,
  record: Readonly<Record<string, unknown>> | undefined,
): string | undefined {
  if (!record || typeof record !== 'object') return undefined;
  const parts = UPLOAD_KINDS[kind].idFields.map((f) => record[f]);
  return parts.every((p) => typeof p === 'string' && p.length > 0) ? parts.join('/') : undefined;
}

/** What the batch uploader needs from the client. */
export interface BatchUploaderDeps {
  readonly source: string;
  readonly request: ContractRequest;
  /** Clock of batch numbers (the engine's, with the learned offset). */
  readonly now: () => number;
  readonly sequence: BatchSequence;
  readonly checker: QualityChecker | undefined;
  readonly today: string | undefined;
  readonly batchSize: number;
  readonly concurrency: number;
}

/**
 * The batch uploader (批量上报): prepare (ids and idempotency keys), local 质检, batches in parallel with
 * batch numbers YYYYMMDD + daily sequence, and resubmission of corrected records.
 *
 * @example
 * const uploader = createBatchUploader({ source, request, now, sequence, checker, today, batchSize: 500, concurrency: 2 });
 */
export function createBatchUploader(deps: BatchUploaderDeps) {
  const { source, request, sequence, checker, batchSize, concurrency } = deps;
  const nextBatchNo = () => {
    const day = chinaDate(new Date(deps.now()));
    return formatBatchNo(day, sequence.next(day));
  };

  const prepare = (kind: UploadKind, items: readonly UploadItem[]): PreparedItem[] => {
    if (!(kind in UPLOAD_KINDS)) {
      throw new ClientOptionsError({
        zh: `未知的上报类型 ${String(kind)}`,
        en: `unknown upload kind ${String(kind)}`,
      });
    }
    return items.map((item, index) => {
      const recordId =
        item.operation === 'D' ? item.recordId : (item.recordId ?? idFromRecord(kind, item.record));
      if (typeof recordId !== 'string' || recordId.length === 0) {
        throw new ClientOptionsError(
          {
            zh: `第 ${index} 条缺少记录标识（${UPLOAD_KINDS[kind].idFields.join('、')} 或 recordId）`,
            en: `item ${index} has no id (${UPLOAD_KINDS[kind].idFields.join(' + ')}, or pass recordId)`,
          },
          { index },
        );
      }
      if (!['I', 'U', 'D'].includes(item.operation)) {
        throw new ClientOptionsError(
          { zh: `第 ${index} 条操作类型无效`, en: `item ${index}: operation must be I, U or D` },
          { index },
        );
      }
      const record = item.operation === 'D' ? undefined : item.record;
      return {
        recordId,
        operation: item.operation,
        idempotencyKey: recordIdempotencyKey({ source, kind, recordId, operation: item.operation, record }),
        ...(record ? { record } : {}),
      };
    });
  };

  const checkLocally = (
    kind: UploadKind,
    items: readonly UploadItem[],
  ): { failedIndexes: ReadonlySet<number>; issues: readonly QualityIssue[] } => {
    if (!checker) return { failedIndexes: new Set(), issues: [] };
    const indexes: number[] = [];
    const records: unknown[] = [];
    items.forEach((item, i) => {
      if (item.operation !== 'D') {
        indexes.push(i);
        records.push(item.record);
      }
    });
    if (records.length === 0) return { failedIndexes: new Set(), issues: [] };
    const report = checker(records, {
      recordType: UPLOAD_KINDS[kind].recordType,
      ...(deps.today === undefined ? {} : { today: deps.today }),
    });
    const issues = report.issues.map((x) => ({ ...x, index: indexes[x.index] ?? x.index }));
    return {
      failedIndexes: new Set(issues.filter((x) => x.severity === 'error').map((x) => x.index)),
      issues,
    };
  };

  const sendBatch = async (
    kind: UploadKind,
    items: readonly PreparedItem[],
    callOptions: CallOptions & { batchNo?: string } = {},
  ): Promise<BatchResult> => {
    const batchNo = callOptions.batchNo ?? nextBatchNo();
    const key =
      callOptions.idempotencyKey ??
      batchIdempotencyKey(
        batchNo,
        items.map((i) => i.idempotencyKey),
      );
    const res = await request(
      `upload.${kind}`,
      {
        body: {
          batchNo,
          source,
          items: items.map((i) => ({
            recordId: i.recordId,
            operation: i.operation,
            idempotencyKey: i.idempotencyKey,
            ...(i.record ? { record: i.record } : {}),
          })),
        },
        idempotencyKey: key,
      },
      batchResultSchema,
      callOptions,
    );
    return res.data;
  };

  const upload = async (
    kind: UploadKind,
    items: readonly UploadItem[],
    uploadOptions: UploadOptions = {},
  ): Promise<UploadResult> => {
    const prepared = prepare(kind, items);
    if (!uploadOptions.force) {
      const { failedIndexes, issues } = checkLocally(kind, items);
      if (failedIndexes.size > 0) throw new QualityCheckFailedError(failedIndexes.size, issues);
    }
    const chunks: PreparedItem[][] = [];
    for (let i = 0; i < prepared.length; i += batchSize) chunks.push(prepared.slice(i, i + batchSize));
    const batches: BatchResult[] = new Array(chunks.length);
    const { idempotencyKey: _ignored, ...perBatch } = uploadOptions;
    // core's worker pool: batches taken in order, at most `concurrency` in flight (a fractional value counts
    // its whole part, as before).
    await forEachConcurrently(chunks, Math.max(1, Math.floor(concurrency)), async (chunk, i) => {
      batches[i] = await sendBatch(kind, chunk, perBatch);
    });
    const results = batches.flatMap((b) => b.results);
    return {
      batches,
      stored: results.filter((r) => r.status === 'stored').length,
      duplicates: results.filter((r) => r.status === 'duplicate').length,
      rejected: results.filter((r) => r.status === 'rejected').length,
      results,
    };
  };

  const resubmit = async (
    batchNo: string,
    items: readonly UploadItem[],
    o: UploadOptions = {},
  ): Promise<BatchResult> => {
    const prepared = prepare('behaviours', items);
    if (!o.force) {
      const { failedIndexes, issues } = checkLocally('behaviours', items);
      if (failedIndexes.size > 0) throw new QualityCheckFailedError(failedIndexes.size, issues);
    }
    const key =
      o.idempotencyKey ??
      batchIdempotencyKey(
        `${batchNo}/resubmit`,
        prepared.map((i) => i.idempotencyKey),
      );
    return (
      await request(
        'resubmit',
        { params: { batchNo }, body: { batchNo, source, items: prepared }, idempotencyKey: key },
        batchResultSchema,
        o,
      )
    ).data;
  };

  return { prepare, checkLocally, sendBatch, upload, resubmit };
}
