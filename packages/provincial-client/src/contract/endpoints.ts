import { z } from 'zod';
import { recordSchema } from './core-adapter.js';
import {
  acceptedSchema,
  batchRequestSchema,
  batchResultSchema,
  claimRequestSchema,
  complaintStatusRequestSchema,
  jointTaskDeliverySchema,
  pageOf,
  publicationSchema,
  qualityResultSchema,
  submissionLookupSchema,
  taskFeedbackRequestSchema,
  UPLOAD_KIND_NAMES,
  UPLOAD_KINDS,
} from './wire.js';
import {
  commitmentDeliverySchema,
  commitmentVerificationSchema,
  doubleNotificationClaimSchema,
  doubleNotificationFeedbackSchema,
  doubleNotificationSchema,
} from './work-items.js';

/**
 * One operation of "jianguan provincial interface v1" (the contract), as data: the client, the sandbox and the
 * OpenAPI generator all read this table.
 *
 * @example
 * const e = ENDPOINTS.find((x) => x.id === 'listClues');
 */
export interface EndpointSpec {
  readonly id: string;
  readonly method: 'GET' | 'POST';
  /** Path with `{param}` placeholders, relative to the base URL (no leading slash). */
  readonly path: string;
  readonly tag: string;
  readonly summary: { readonly zh: string; readonly en: string };
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly response: z.ZodType;
  /** Writes carry `Idempotency-Key` and are safe to retry. */
  readonly idempotencyKey: boolean;
}

const cursorQuery = z.object({
  cursor: z.string().optional().meta({ description: 'opaque cursor from the previous page (增量拉取)' }),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

const uploadEndpoints: EndpointSpec[] = UPLOAD_KIND_NAMES.map((kind) => ({
  id: `upload.${kind}`,
  method: 'POST',
  path: `v1/${UPLOAD_KINDS[kind].path}/batches`,
  tag: 'upload',
  summary: {
    zh: `批量上报${UPLOAD_KINDS[kind].zh}（I/U/D）`,
    en: `Upload ${UPLOAD_KINDS[kind].en} in a batch (I/U/D)`,
  },
  body: batchRequestSchema(kind),
  response: batchResultSchema,
  idempotencyKey: true,
}));

/**
 * Every operation of the contract.
 *
 * @example
 * ENDPOINTS.map((e) => `${e.method} /${e.path}`);
 */
export const ENDPOINTS: readonly EndpointSpec[] = [
  ...uploadEndpoints,
  {
    id: 'getQualityResult',
    method: 'GET',
    path: 'v1/batches/{batchNo}/quality',
    tag: 'quality',
    summary: { zh: '获取批次质检结果', en: 'Get the quality-check result of a batch' },
    response: qualityResultSchema,
    idempotencyKey: false,
  },
  {
    id: 'resubmit',
    method: 'POST',
    path: 'v1/batches/{batchNo}/resubmissions',
    tag: 'quality',
    summary: { zh: '整改后重新提交被拒记录', en: 'Resubmit corrected records of a batch' },
    body: batchRequestSchema('behaviours'),
    response: batchResultSchema,
    idempotencyKey: true,
  },
  {
    id: 'lookupSubmission',
    method: 'GET',
    path: 'v1/submissions/{idempotencyKey}',
    tag: 'quality',
    summary: { zh: '按幂等键对账', en: 'Look up a submission by idempotency key' },
    response: submissionLookupSchema,
    idempotencyKey: false,
  },
  {
    id: 'listClues',
    method: 'GET',
    path: 'v1/clues',
    tag: 'clues',
    summary: { zh: '增量拉取风险预警线索', en: 'Pull risk-warning clues incrementally' },
    query: cursorQuery,
    response: pageOf(recordSchema('riskClueSchema')),
    idempotencyKey: false,
  },
  {
    id: 'clueFeedback',
    method: 'POST',
    path: 'v1/clues/{warningId}/feedback',
    tag: 'clues',
    summary: { zh: '提交线索核查反馈', en: 'Submit verification feedback for a clue' },
    body: recordSchema('clueFeedbackSchema'),
    response: acceptedSchema,
    idempotencyKey: true,
  },
  {
    id: 'listJointTasks',
    method: 'GET',
    path: 'v1/joint-tasks',
    tag: 'joint-tasks',
    summary: { zh: '拉取联合监管任务', en: 'Pull joint-supervision tasks' },
    query: cursorQuery.extend({ status: z.string().optional() }),
    response: pageOf(jointTaskDeliverySchema),
    idempotencyKey: false,
  },
  {
    id: 'claimJointTask',
    method: 'POST',
    path: 'v1/joint-tasks/{taskNo}/claim',
    tag: 'joint-tasks',
    summary: { zh: '认领联合监管任务', en: 'Claim a joint-supervision task' },
    body: claimRequestSchema,
    response: acceptedSchema,
    idempotencyKey: true,
  },
  {
    id: 'jointTaskFeedback',
    method: 'POST',
    path: 'v1/joint-tasks/{taskNo}/feedback',
    tag: 'joint-tasks',
    summary: { zh: '反馈联合监管任务（附监管行为）', en: 'Feed back a joint task with behaviour records' },
    body: taskFeedbackRequestSchema,
    response: acceptedSchema,
    idempotencyKey: true,
  },
  {
    id: 'listComplaints',
    method: 'GET',
    path: 'v1/complaints',
    tag: 'complaints',
    summary: { zh: '拉取投诉举报工单', en: 'Pull complaint work orders' },
    query: cursorQuery,
    response: pageOf(recordSchema('complaintSchema')),
    idempotencyKey: false,
  },
  {
    id: 'updateComplaintStatus',
    method: 'POST',
    path: 'v1/complaints/{complaintId}/status',
    tag: 'complaints',
    summary: { zh: '更新工单办理状态', en: 'Update the status of a complaint work order' },
    body: complaintStatusRequestSchema,
    response: acceptedSchema,
    idempotencyKey: true,
  },
  {
    id: 'listDoubleNotifications',
    method: 'GET',
    path: 'v1/double-notifications',
    tag: 'double-notifications',
    summary: { zh: '增量拉取“双告知”推送事项', en: 'Pull double-notification items incrementally' },
    query: cursorQuery,
    response: pageOf(doubleNotificationSchema),
    idempotencyKey: false,
  },
  {
    id: 'claimDoubleNotification',
    method: 'POST',
    path: 'v1/double-notifications/{itemId}/claim',
    tag: 'double-notifications',
    summary: { zh: '认领接收“双告知”事项', en: 'Claim a double-notification item' },
    body: doubleNotificationClaimSchema,
    response: acceptedSchema,
    idempotencyKey: true,
  },
  {
    id: 'doubleNotificationFeedback',
    method: 'POST',
    path: 'v1/double-notifications/{itemId}/feedback',
    tag: 'double-notifications',
    summary: { zh: '反馈“双告知”事项办理结果', en: 'Feed back the outcome of a double-notification item' },
    body: doubleNotificationFeedbackSchema,
    response: acceptedSchema,
    idempotencyKey: true,
  },
  {
    id: 'listCommitments',
    method: 'GET',
    path: 'v1/commitments',
    tag: 'commitments',
    summary: { zh: '增量拉取待核查的告知承诺', en: 'Pull commitments to verify incrementally' },
    query: cursorQuery,
    response: pageOf(commitmentDeliverySchema),
    idempotencyKey: false,
  },
  {
    id: 'commitmentVerification',
    method: 'POST',
    path: 'v1/commitments/{commitmentId}/verification',
    tag: 'commitments',
    summary: { zh: '提交告知承诺核查结果', en: 'Submit the verification of a commitment' },
    body: commitmentVerificationSchema,
    response: acceptedSchema,
    idempotencyKey: true,
  },
  {
    id: 'publish',
    method: 'POST',
    path: 'v1/publications/{channel}',
    tag: 'publications',
    summary: { zh: '发布到公示渠道（年度计划/工作动态/曝光台）', en: 'Post to a publication channel' },
    body: publicationSchema,
    response: acceptedSchema,
    idempotencyKey: true,
  },
];

/**
 * The endpoint with id `id` (throws on an unknown id — a programming error).
 *
 * @example
 * endpoint('listClues').path; // 'v1/clues'
 */
export function endpoint(id: string): EndpointSpec {
  const e = ENDPOINTS.find((x) => x.id === id);
  if (!e) throw new Error(`unknown endpoint ${id}`);
  return e;
}
