import type { PublicationChannelSlug as PublicationChannel, QualityIssue } from '@jianguan/core';
import type { z } from 'zod';
import { defaultQualityCheck } from '../contract/core-adapter.js';
import type {
  Accepted,
  BatchResult,
  Publication,
  BatchQualityResult as QualityResult,
  SubmissionLookup,
  UploadKind,
} from '../contract/wire.js';
import { qualityResultSchema, submissionLookupSchema } from '../contract/wire.js';
import type {
  CommitmentDelivery,
  CommitmentVerification,
  DoubleNotification,
} from '../contract/work-items.js';
import { createBatchSequence } from './batch-sequence.js';
import type { PreparedItem, UploadItem, UploadOptions, UploadResult } from './batches.js';
import { createBatchUploader } from './batches.js';
import type { JointTaskItem, PullOptions } from './feeds.js';
import { workItemFeeds } from './feeds.js';
import { HttpEngine } from './http.js';
import { requireNonEmpty, validateClientOptions } from './options.js';
import type { PageIterator } from './pagination.js';
import { publish } from './publications.js';
import type { ContractRequest } from './transport.js';
import { contractRequest } from './transport.js';
import type { ApiResponse, CallOptions, ProvincialClientOptions } from './types.js';

export type { BatchSequence } from './batch-sequence.js';
export { createBatchSequence } from './batch-sequence.js';
export type { PreparedItem, UploadItem, UploadOptions, UploadResult } from './batches.js';
export type { JointTaskItem, PullOptions } from './feeds.js';

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
  /** Pull 双告知 items pushed by registration (登记推送), in arrival order; persist `cursor` to resume. */
  doubleNotifications(options?: PullOptions): PageIterator<DoubleNotification>;
  /** Claim a 双告知 item (认领接收; within 5 working days, seed 004 三(三)2). */
  claimDoubleNotification(
    itemId: string,
    claim: { claimTime: string; department: string; officer?: string },
    options?: CallOptions,
  ): Promise<Accepted>;
  /** Feed back the outcome of a claimed 双告知 item (办理结果). */
  feedbackDoubleNotification(
    itemId: string,
    feedback: { feedbackTime: string; result: string },
    options?: CallOptions,
  ): Promise<Accepted>;
  /** Pull 告知承诺 commitments to verify (事后核查), in arrival order; persist `cursor` to resume. */
  commitments(options?: PullOptions): PageIterator<CommitmentDelivery>;
  /** Send a commitment's verification (履诺 / 未履诺 with 失信约束措施); checked locally before sending. */
  sendCommitmentVerification(
    commitmentId: string,
    verification: CommitmentVerification,
    options?: CallOptions,
  ): Promise<Accepted>;
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
  validateClientOptions(options);
  const http = new HttpEngine(options);
  const request: ContractRequest = contractRequest(http);
  const uploader = createBatchUploader({
    source: options.source,
    request,
    now: () => http.now(),
    sequence: options.batchSequence ?? createBatchSequence(),
    checker: options.qualityCheck === false ? undefined : (options.qualityCheck ?? defaultQualityCheck),
    today: options.today,
    batchSize: options.batchSize ?? 500,
    concurrency: Math.max(1, options.concurrency ?? 2),
  });
  return {
    options,
    request,
    prepare: uploader.prepare,
    checkLocally: uploader.checkLocally,
    upload: uploader.upload,
    uploadBehaviours: (records, o = {}) => {
      const { operation = 'I', ...rest } = o;
      return uploader.upload(
        'behaviours',
        records.map((record) => ({ operation, record })),
        rest,
      );
    },
    sendBatch: uploader.sendBatch,
    getQualityResult: async (batchNo, o) => {
      requireNonEmpty(batchNo, 'batchNo');
      return (await request('getQualityResult', { params: { batchNo } }, qualityResultSchema, o)).data;
    },
    resubmit: async (batchNo, items, o = {}) => {
      requireNonEmpty(batchNo, 'batchNo');
      return uploader.resubmit(batchNo, items, o);
    },
    lookupSubmission: async (key, o) => {
      requireNonEmpty(key, 'idempotencyKey');
      return (
        await request('lookupSubmission', { params: { idempotencyKey: key } }, submissionLookupSchema, o)
      ).data;
    },
    ...workItemFeeds(request),
    publish: (channel, publication, o) => publish(request, channel, publication, o),
  };
}
