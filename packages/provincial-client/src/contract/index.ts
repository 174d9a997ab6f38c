/**
 * `@jianguan/provincial-client/contract` — the contract of "jianguan provincial interface v1" for code that
 * implements the server side (such as `@jianguan/sandbox`): the endpoint table, the request and response
 * schemas and the record schemas and date helpers the provincial platform applies. Clients need only the
 * main entry.
 *
 * @packageDocumentation
 */
export type {
  CoreSchemaName,
  QualityCheckContext,
  QualityCheckFunction,
  QualityReport,
} from './core-adapter.js';
export { defaultQualityCheck, recordSchema } from './core-adapter.js';
export type { EndpointSpec } from './endpoints.js';
export { ENDPOINTS } from './endpoints.js';
export type { BatchQualityResult, ItemResult, UploadKind } from './wire.js';
export {
  BUSINESS_CODES,
  batchRequestSchema,
  claimRequestSchema,
  complaintStatusRequestSchema,
  publicationSchema,
  taskFeedbackRequestSchema,
  UPLOAD_KIND_NAMES,
  UPLOAD_KINDS,
} from './wire.js';
export type { CommitmentDelivery, CommitmentVerification, DoubleNotification } from './work-items.js';
export {
  commitmentDeliverySchema,
  commitmentVerificationSchema,
  doubleNotificationClaimSchema,
  doubleNotificationFeedbackSchema,
  doubleNotificationSchema,
} from './work-items.js';
