import type { QualityIssue } from '@jianguan/core';
import {
  chinaToday as chinaDate,
  isCivilDate as isValidCivilDate,
  type PublicationChannelSlug as PublicationChannel,
} from '@jianguan/core';
import type { z } from 'zod';
import type { SuperviseData } from '../codec/supervise-data.js';
import { decodeSuperviseData } from '../codec/supervise-data.js';
import { formatBatchNo } from '../contract/batch-no.js';
import { defaultQualityCheck, recordSchema } from '../contract/core-adapter.js';
import { endpoint } from '../contract/endpoints.js';
import type {
  Accepted,
  BatchResult,
  ItemResult,
  Publication,
  BatchQualityResult as QualityResult,
  SubmissionLookup,
  UploadKind,
} from '../contract/wire.js';
import {
  acceptedSchema,
  batchResultSchema,
  jointTaskDeliverySchema,
  pageOf,
  qualityResultSchema,
  submissionLookupSchema,
  UPLOAD_KINDS,
} from '../contract/wire.js';
import { ClientOptionsError, QualityCheckFailedError } from '../errors/errors.js';
import { HttpEngine } from './http.js';
import { batchIdempotencyKey, recordIdempotencyKey } from './idempotency.js';
import type { PageIterator } from './pagination.js';
import { pageIterator } from './pagination.js';
import type { ApiResponse, CallOptions, ProvincialClientOptions } from './types.js';

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

/**
 * A pulled joint task with its decoded `superviseData`.
 *
 * @example
 * for await (const t of client.jointTasks()) console.log(t.taskNo, t.superviseData.taskInfo.taskName);
 */
export interface JointTaskItem {
  readonly taskNo: string;
  readonly status: string;
  readonly superviseData: SuperviseData;
  /** The original base64 XML. */
  readonly raw: string;
}

/**
 * Options of a pull.
 *
 * @example
 * client.clues({ cursor: saved, limit: 100 });
 */
export interface PullOptions extends CallOptions {
  /** Start after this cursor (from a previous pull). */
  readonly cursor?: string;
  /** Page size (≤500). */
  readonly limit?: number;
}

/**
 * The typed client of "jianguan provincial interface v1".
 *
 * @example
 * const client = createProvincialClient({ baseUrl, source: '330000-DEPT01', signer });
 * await client.uploadBehaviours(records);
 */
export interface ProvincialClient {
  /** The options the client was made with. */
  readonly options: ProvincialClientOptions;
  /** Low-level: perform one contract operation by id and validate it. */
  request<T>(
    id: string,
    call: {
      params?: Record<string, string>;
      query?: Record<string, string | number | undefined>;
      body?: unknown;
      idempotencyKey?: string;
    },
    schema: z.ZodType<T>,
    options?: CallOptions,
  ): Promise<ApiResponse<T>>;
  /** Prepare writes: assign record ids and idempotency keys (pure). */
  prepare(kind: UploadKind, items: readonly UploadItem[]): PreparedItem[];
  /** Local quality check of the records of `items` (I/U only), as records of `kind`. */
  checkLocally(
    kind: UploadKind,
    items: readonly UploadItem[],
  ): {
    failedIndexes: ReadonlySet<number>;
    issues: readonly QualityIssue[];
  };
  /** Upload writes in batches (batch number = today + sequence). Throws QualityCheckFailedError unless `force`. */
  upload(kind: UploadKind, items: readonly UploadItem[], options?: UploadOptions): Promise<UploadResult>;
  /** Upload 监管行为 records (operation default I). */
  uploadBehaviours(
    records: readonly Readonly<Record<string, unknown>>[],
    options?: UploadOptions & { operation?: 'I' | 'U' },
  ): Promise<UploadResult>;
  /** Send one prepared batch as-is (used by the outbox). */
  sendBatch(
    kind: UploadKind,
    items: readonly PreparedItem[],
    options?: CallOptions & { batchNo?: string },
  ): Promise<BatchResult>;
  getQualityResult(batchNo: string, options?: CallOptions): Promise<QualityResult>;
  resubmit(batchNo: string, items: readonly UploadItem[], options?: UploadOptions): Promise<BatchResult>;
  lookupSubmission(idempotencyKey: string, options?: CallOptions): Promise<SubmissionLookup>;
  clues(options?: PullOptions): PageIterator<Record<string, unknown>>;
  sendClueFeedback(
    warningId: string,
    feedback: Readonly<Record<string, unknown>>,
    options?: CallOptions,
  ): Promise<Accepted>;
  jointTasks(options?: PullOptions & { status?: string }): PageIterator<JointTaskItem>;
  claimJointTask(
    taskNo: string,
    claim: { claimTime: string; unionUnitName: string; unionUnitNo?: string },
    options?: CallOptions,
  ): Promise<Accepted>;
  feedbackJointTask(
    taskNo: string,
    feedback: {
      feedbackTime: string;
      feedbackSuggestion: string;
      recordIds: readonly string[];
      superviseData?: string;
    },
    options?: CallOptions,
  ): Promise<Accepted>;
  complaints(options?: PullOptions): PageIterator<Record<string, unknown>>;
  updateComplaintStatus(
    complaintId: string,
    update: { status: string; note?: string; updatedAt: string },
    options?: CallOptions,
  ): Promise<Accepted>;
  publish(channel: PublicationChannel, publication: Publication, options?: CallOptions): Promise<Accepted>;
}

function idFromRecord(
  kind: UploadKind,
  record: Readonly<Record<string, unknown>> | undefined,
): string | undefined {
  if (!record || typeof record !== 'object') return undefined;
  const parts = UPLOAD_KINDS[kind].idFields.map((f) => record[f]);
  return parts.every((p) => typeof p === 'string' && p.length > 0) ? parts.join('/') : undefined;
}

/**
 * Source of the 5-digit daily sequence in batch numbers (批次序号). Share one between clients of the same
 * source, or persist it, so batch numbers never repeat within a day.
 *
 * @example
 * const seq = createBatchSequence({ '2024-03-15': 7 }); seq.next('2024-03-15'); // 8
 */
export interface BatchSequence {
  next(civilDate: string): number;
}

/**
 * An in-memory {@link BatchSequence}, optionally starting after known last sequences per day.
 *
 * @example
 * createBatchSequence().next('2024-03-15'); // 1
 */
export function createBatchSequence(last: Readonly<Record<string, number>> = {}): BatchSequence {
  const seen = new Map(Object.entries(last));
  return {
    next(day) {
      const n = (seen.get(day) ?? 0) + 1;
      seen.set(day, n);
      return n;
    },
  };
}

function keyOf(parts: readonly string[]): string {
  return recordIdempotencyKey({
    source: 'single',
    kind: parts[0]!,
    recordId: parts.slice(1).join('/'),
    operation: 'I',
    record: parts,
  });
}

/**
 * Creates the provincial client on ky: signing per attempt (fresh timestamp + nonce), retries with backoff,
 * jitter and Retry-After for idempotent calls, idempotency keys derived from record ids, per-attempt and total
 * timeouts, AbortSignal, typed errors with request ids, zod validation of every response, local 质检 before upload.
 *
 * @example
 * const client = createProvincialClient({
 *   baseUrl: sandbox.url,
 *   source: '330000-DEPT01',
 *   signer: createHmacSha256Signer({ appKey: 'sandbox-app', secret: 'sandbox-secret' }),
 * });
 * const result = await client.uploadBehaviours(records);
 */
export function createProvincialClient(options: ProvincialClientOptions): ProvincialClient {
  if (!options || typeof options.baseUrl !== 'string' || !/^https?:\/\//.test(options.baseUrl)) {
    throw new ClientOptionsError(
      { zh: 'baseUrl 必须是 http(s) 地址', en: 'baseUrl must be an http(s) URL' },
      { baseUrl: options?.baseUrl },
    );
  }
  if (typeof options.source !== 'string' || options.source.length === 0 || options.source.length > 50) {
    throw new ClientOptionsError({
      zh: 'source（数据来源）必填，≤50 字符',
      en: 'source is required (≤50 chars)',
    });
  }
  const batchSize = options.batchSize ?? 500;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000) {
    throw new ClientOptionsError(
      { zh: 'batchSize 须为 1–5000 的整数', en: 'batchSize must be an integer 1–5000' },
      { batchSize },
    );
  }
  if (options.today !== undefined && !isValidCivilDate(options.today)) {
    throw new ClientOptionsError(
      { zh: 'today 须为 YYYY-MM-DD 日期', en: 'today must be a civil date YYYY-MM-DD' },
      { today: options.today },
    );
  }
  const http = new HttpEngine(options);
  const checker = options.qualityCheck === false ? undefined : (options.qualityCheck ?? defaultQualityCheck);
  const sequence = options.batchSequence ?? createBatchSequence();
  const nextBatchNo = () => {
    const day = chinaDate(new Date(http.now()));
    return formatBatchNo(day, sequence.next(day));
  };

  const request: ProvincialClient['request'] = (id, call, schema, callOptions) =>
    http.call(
      {
        endpoint: endpoint(id),
        ...(call.params ? { params: call.params } : {}),
        ...(call.query ? { query: call.query } : {}),
        ...(call.body === undefined ? {} : { body: call.body }),
        ...(call.idempotencyKey ? { idempotencyKey: call.idempotencyKey } : {}),
      },
      schema,
      callOptions,
    );

  const prepare: ProvincialClient['prepare'] = (kind, items) => {
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
        idempotencyKey: recordIdempotencyKey({
          source: options.source,
          kind,
          recordId,
          operation: item.operation,
          record,
        }),
        ...(record ? { record } : {}),
      };
    });
  };

  const checkLocally: ProvincialClient['checkLocally'] = (kind, items) => {
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
      ...(options.today === undefined ? {} : { today: options.today }),
    });
    const issues = report.issues.map((x) => ({ ...x, index: indexes[x.index] ?? x.index }));
    return {
      failedIndexes: new Set(issues.filter((x) => x.severity === 'error').map((x) => x.index)),
      issues,
    };
  };

  const sendBatch: ProvincialClient['sendBatch'] = async (kind, items, callOptions = {}) => {
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
          source: options.source,
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

  const upload: ProvincialClient['upload'] = async (kind, items, uploadOptions = {}) => {
    const prepared = prepare(kind, items);
    if (!uploadOptions.force) {
      const { failedIndexes, issues } = checkLocally(kind, items);
      if (failedIndexes.size > 0) throw new QualityCheckFailedError(failedIndexes.size, issues);
    }
    const chunks: PreparedItem[][] = [];
    for (let i = 0; i < prepared.length; i += batchSize) chunks.push(prepared.slice(i, i + batchSize));
    const batches: BatchResult[] = new Array(chunks.length);
    let next = 0;
    const { idempotencyKey: _ignored, ...perBatch } = uploadOptions;
    const worker = async () => {
      while (next < chunks.length) {
        const i = next++;
        batches[i] = await sendBatch(kind, chunks[i]!, perBatch);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
    const results = batches.flatMap((b) => b.results);
    return {
      batches,
      stored: results.filter((r) => r.status === 'stored').length,
      duplicates: results.filter((r) => r.status === 'duplicate').length,
      rejected: results.filter((r) => r.status === 'rejected').length,
      results,
    };
  };

  const pull = <T, R>(
    id: string,
    itemSchema: z.ZodType<T>,
    idOf: (t: T) => string,
    map: (t: T) => R,
    opts: PullOptions & { status?: string },
  ) => {
    const { cursor, limit, status, ...callOptions } = opts;
    return pageIterator<R>(
      async (c) => {
        const { data } = await request(
          id,
          { query: { cursor: c, limit, status } },
          pageOf(itemSchema),
          callOptions,
        );
        return { items: (data.items as T[]).map(map), nextCursor: data.nextCursor, hasMore: data.hasMore };
      },
      (r) => idOf(r as unknown as T),
      cursor,
    );
  };

  const single = (
    id: string,
    params: Record<string, string>,
    body: unknown,
    callOptions: CallOptions | undefined,
  ) =>
    request(
      id,
      { params, body, idempotencyKey: keyOf([id, ...Object.values(params), JSON.stringify(body)]) },
      acceptedSchema,
      callOptions,
    ).then((r) => r.data);

  const nonEmpty = (value: unknown, name: string) => {
    if (typeof value !== 'string' || value.length === 0) {
      throw new ClientOptionsError({ zh: `${name} 不能为空`, en: `${name} is required` });
    }
  };

  return {
    options,
    request,
    prepare,
    checkLocally,
    upload,
    uploadBehaviours: (records, o = {}) => {
      const { operation = 'I', ...rest } = o;
      return upload(
        'behaviours',
        records.map((record) => ({ operation, record })),
        rest,
      );
    },
    sendBatch,
    getQualityResult: async (batchNo, o) => {
      nonEmpty(batchNo, 'batchNo');
      return (await request('getQualityResult', { params: { batchNo } }, qualityResultSchema, o)).data;
    },
    resubmit: async (batchNo, items, o = {}) => {
      nonEmpty(batchNo, 'batchNo');
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
          {
            params: { batchNo },
            body: { batchNo, source: options.source, items: prepared },
            idempotencyKey: key,
          },
          batchResultSchema,
          o,
        )
      ).data;
    },
    lookupSubmission: async (key, o) => {
      nonEmpty(key, 'idempotencyKey');
      return (
        await request('lookupSubmission', { params: { idempotencyKey: key } }, submissionLookupSchema, o)
      ).data;
    },
    clues: (o = {}) =>
      pull(
        'listClues',
        recordSchema('riskClueSchema') as z.ZodType<Record<string, unknown>>,
        (c) => String(c.warningId),
        (c) => c,
        o,
      ),
    sendClueFeedback: (warningId, feedback, o) => {
      nonEmpty(warningId, 'warningId');
      return single('clueFeedback', { warningId }, feedback, o);
    },
    jointTasks: (o = {}) =>
      pull(
        'listJointTasks',
        jointTaskDeliverySchema,
        (t) => t.taskNo,
        (t): JointTaskItem => ({
          taskNo: t.taskNo,
          status: t.status,
          superviseData: decodeSuperviseData(t.superviseData),
          raw: t.superviseData,
        }),
        o,
      ),
    claimJointTask: (taskNo, claim, o) => {
      nonEmpty(taskNo, 'taskNo');
      return single('claimJointTask', { taskNo }, claim, o);
    },
    feedbackJointTask: (taskNo, feedback, o) => {
      nonEmpty(taskNo, 'taskNo');
      return single('jointTaskFeedback', { taskNo }, feedback, o);
    },
    complaints: (o = {}) =>
      pull(
        'listComplaints',
        recordSchema('complaintSchema') as z.ZodType<Record<string, unknown>>,
        (c) => String(c.complaintId),
        (c) => c,
        o,
      ),
    updateComplaintStatus: (complaintId, update, o) => {
      nonEmpty(complaintId, 'complaintId');
      return single('updateComplaintStatus', { complaintId }, update, o);
    },
    publish: (channel, publication, o) => {
      if (!['annual-plan', 'work-news', 'exposure'].includes(channel)) {
        throw new ClientOptionsError({
          zh: `未知的公示渠道 ${String(channel)}`,
          en: `unknown publication channel ${String(channel)}`,
        });
      }
      return single('publish', { channel }, publication, o);
    },
  };
}
