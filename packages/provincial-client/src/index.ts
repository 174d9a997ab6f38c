/**
 * `@jianguan/provincial-client` — the typed client of "jianguan provincial interface v1" (互联网+监管 省级接口),
 * pluggable gateway signers, a durable outbox, and the `superviseData` codec. The contract for server-side
 * implementations is `@jianguan/provincial-client/contract`; the local sandbox server is the separate package
 * `@jianguan/sandbox`, so hono and seedrandom are not dependencies of the client.
 *
 * @packageDocumentation
 */

// client
export type {
  BatchSequence,
  JointTaskItem,
  PreparedItem,
  ProvincialClient,
  PullOptions,
  UploadItem,
  UploadOptions,
  UploadResult,
} from './client/create-client.js';
export { createBatchSequence, createProvincialClient } from './client/create-client.js';
export { batchIdempotencyKey, recordIdempotencyKey, stableStringify } from './client/idempotency.js';
export type { Page, PageIterator } from './client/pagination.js';
export type {
  ApiResponse,
  CallOptions,
  ClientHooks,
  Logger,
  ProvincialClientOptions,
  RequestEvent,
  ResponseEvent,
  ResponseMeta,
  RetryPolicy,
} from './client/types.js';
// codec
export type { SuperviseData } from './codec/supervise-data.js';
export { decodeSuperviseData, encodeSuperviseData, superviseDataSchema } from './codec/supervise-data.js';
// contract
export { formatBatchNo, parseBatchNo } from './contract/batch-no.js';
export type { QualityCheckContext, QualityCheckFunction, QualityReport } from './contract/core-adapter.js';
export { defaultQualityCheck } from './contract/core-adapter.js';
export type { EndpointSpec } from './contract/endpoints.js';
export { ENDPOINTS } from './contract/endpoints.js';
export type { JsonObject } from './contract/openapi.js';
export { buildOpenApiDocument, validateOpenApiDocument } from './contract/openapi.js';
export type {
  Accepted,
  BatchQualityResult,
  BatchResult,
  ItemResult,
  JointTaskDelivery,
  Publication,
  SubmissionLookup,
  UploadKind,
} from './contract/wire.js';
export {
  acceptedSchema,
  BUSINESS_CODES,
  batchResultSchema,
  claimRequestSchema,
  complaintStatusRequestSchema,
  itemResultSchema,
  jointTaskDeliverySchema,
  publicationChannelSchema,
  publicationSchema,
  qualityIssueSchema,
  qualityResultSchema,
  submissionLookupSchema,
  taskFeedbackRequestSchema,
  UPLOAD_KINDS,
} from './contract/wire.js';
export type {
  CommitmentDelivery,
  CommitmentVerification,
  DoubleNotification,
} from './contract/work-items.js';
export {
  commitmentDeliverySchema,
  commitmentVerificationSchema,
  doubleNotificationClaimSchema,
  doubleNotificationFeedbackSchema,
  doubleNotificationSchema,
} from './contract/work-items.js';
// errors
export type { RequestInfo } from './errors/errors.js';
export {
  ApiBusinessError,
  AuthError,
  ClientOptionsError,
  HttpError,
  InvalidItemError,
  NetworkError,
  OutboxLockedError,
  PayloadTooLargeError,
  ProvincialClientError,
  QualityCheckFailedError,
  RateLimitError,
  ResponseValidationError,
  SignerError,
  TimeoutError,
} from './errors/errors.js';
export { redactText, redactUrl, redactValue, sanitizeError } from './errors/redact.js';
// outbox
export type { DeadlineRules } from './outbox/deadlines.js';
export { DEFAULT_DEADLINE_RULES, deadlineRulesSchema } from './outbox/deadlines.js';
export type { FileLock, LockOwner } from './outbox/file-lock.js';
export { acquireFileLock } from './outbox/file-lock.js';
export { createFileBatchSequence, createFileOutboxStore } from './outbox/file-store.js';
export type { DueEntry, FlushResult, Outbox, OutboxOptions } from './outbox/outbox.js';
export { createOutbox } from './outbox/outbox.js';
export type { OutboxEntry, OutboxSettlement, OutboxStore } from './outbox/store.js';
export { createMemoryOutboxStore } from './outbox/store.js';
// signing
export type {
  CanonicalAlgorithm,
  CanonicalParts,
  CanonicalSignerOptions,
  VerifyOptions,
  VerifyResult,
} from './signing/canonical.js';
export {
  canonicalString,
  createHmacSha256Signer,
  createHmacSm3Signer,
  SIGNATURE_HEADERS,
  signCanonical,
  verifyCanonicalRequest,
} from './signing/canonical.js';
export { requireHash } from './signing/crypto-util.js';
export type { GuangdongTifOptions } from './signing/guangdong-tif.js';
export { createGuangdongTifSigner, tifSignature } from './signing/guangdong-tif.js';
export type { MunicipalSha1Options } from './signing/municipal-sha1.js';
export { createMunicipalSha1Signer, municipalSha1Signature } from './signing/municipal-sha1.js';
export type { ShandongOptions } from './signing/shandong.js';
export { createShandongSigner, shandongSignature } from './signing/shandong.js';
export type { Signer, SignInput, SignOutput } from './signing/types.js';
export type { ZhejiangIrsOptions } from './signing/zhejiang-irs.js';
export { createZhejiangIrsSigner, zhejiangIrsSign } from './signing/zhejiang-irs.js';
