import { PUBLICATION_CHANNELS, type PublicationChannelSlug, publicationChannelSlug } from '@jianguan/core';
import { z } from 'zod';
import { invalidArgument } from '../errors/arguments.js';
import { recordSchema } from './core-adapter.js';

/** Success code of the contract's response envelope (as the Zhejiang gateway: `code == "00"`). */
export const SUCCESS_CODE = '00';

/**
 * Business codes the contract returns inside HTTP 200, and whether a client may retry them.
 * (No province publishes 质检 codes — reference §2.8 — so these are the contract's own.)
 *
 * @example
 * BUSINESS_CODES['10'].retryable; // true
 */
export const BUSINESS_CODES = {
  '00': { retryable: false, zh: '成功', en: 'success' },
  '10': { retryable: true, zh: '系统繁忙，请稍后重试', en: 'system busy, retry later' },
  '20': { retryable: false, zh: '请求参数有误', en: 'invalid request' },
  '21': { retryable: false, zh: '资源不存在', en: 'not found' },
  '22': { retryable: false, zh: '状态不允许该操作', en: 'operation not allowed in this state' },
  '23': {
    retryable: false,
    zh: '幂等键已用于内容不同的请求',
    en: 'idempotency key already used with a different request body',
  },
  '24': { retryable: false, zh: '请求体过大', en: 'request body too large' },
  '40': { retryable: false, zh: '鉴权失败，鉴权信息有误', en: 'authentication failed' },
} as const;

/** Operation of an exchanged record (national `cd_operation`): insert, update, delete. */
export const operationSchema = z
  .enum(['I', 'U', 'D'])
  .meta({ description: '操作类型 cd_operation: I 新增, U 更新, D 删除' });

/** Batch number: YYYYMMDD + 5-digit sequence. */
export const batchNoSchema = z
  .string()
  .regex(/^\d{13}$/)
  .meta({ description: '批次号 cd_batch = YYYYMMDD + 5 位序号' });

/** Response envelope around every answer. */
export function envelopeOf<T extends z.ZodType>(data: T) {
  return z.object({
    code: z.string().meta({ description: '业务码, "00" = 成功' }),
    msg: z.string(),
    requestId: z.string(),
    data: data.optional(),
  });
}

/**
 * Record families uploaded in batches: the path, the core schema and 质检 record type of each, and the fields
 * that make a record's id when the caller gives none (joined with `/`).
 *
 * @example
 * UPLOAD_KINDS.behaviours.schema; // 'behaviourRecordSchema'
 */
export const UPLOAD_KINDS = {
  behaviours: {
    path: 'behaviours',
    schema: 'behaviourRecordSchema',
    idFields: ['recordId'],
    recordType: 'auto',
    zh: '监管行为',
    en: 'behaviour records',
  },
  catalogItems: {
    path: 'catalog-items',
    schema: 'catalogItemSchema',
    idFields: ['itemCode'],
    recordType: 'catalogItem',
    zh: '监管事项目录',
    en: 'catalog items',
  },
  inspectionLists: {
    path: 'inspection-lists',
    schema: 'inspectionListSchema',
    idFields: ['checkListCode'],
    recordType: 'inspectionList',
    zh: '检查实施清单（认领）',
    en: 'inspection lists (claims)',
  },
  entities: {
    path: 'entities',
    schema: 'regulatedEntitySchema',
    idFields: ['objectId'],
    recordType: 'auto',
    zh: '监管对象',
    en: 'regulated entities',
  },
  officers: {
    path: 'officers',
    schema: 'officerSchema',
    idFields: ['lawEnforcementCertNo'],
    recordType: 'officer',
    zh: '执法人员',
    en: 'officers',
  },
  plans: {
    path: 'plans',
    schema: 'spotCheckPlanSchema',
    idFields: ['planId'],
    recordType: 'spotCheckPlan',
    zh: '双随机抽查计划',
    en: 'spot-check plans',
  },
  drawResults: {
    path: 'draw-results',
    schema: 'drawnObjectSchema',
    idFields: ['planId', 'objectId'],
    recordType: 'drawnObject',
    zh: '抽查结果（抽中对象）',
    en: 'draw results',
  },
} as const;

/**
 * A family of records uploaded in batches: `'behaviours' | 'catalogItems' | …`.
 *
 * @example
 * const k: UploadKind = 'officers';
 */
export type UploadKind = keyof typeof UPLOAD_KINDS;

/** All upload kinds. */
export const UPLOAD_KIND_NAMES = Object.keys(UPLOAD_KINDS) as UploadKind[];

/** `kind` checked at the boundary: one of {@link UPLOAD_KIND_NAMES}. */
function uploadKindArgument(kind: unknown): UploadKind {
  if (typeof kind !== 'string' || !Object.hasOwn(UPLOAD_KINDS, kind)) {
    throw invalidArgument(
      ['kind'],
      {
        zh: `上报类型（${UPLOAD_KIND_NAMES.join('、')}）`,
        en: `an upload kind (${UPLOAD_KIND_NAMES.join(', ')})`,
      },
      kind,
    );
  }
  return kind as UploadKind;
}

/**
 * One item of an upload batch. With `looseRecords` the record is any object (the sandbox checks records one by
 * one so a malformed record is rejected on its own instead of failing the whole batch).
 */
export function batchItemSchema(kind: UploadKind, looseRecords = false) {
  return z.object({
    recordId: z.string().min(1).max(100).meta({ description: '记录唯一标识 record_unique_identity' }),
    operation: operationSchema,
    idempotencyKey: z
      .string()
      .min(8)
      .max(128)
      .meta({ description: '幂等键 derived from the record (same on every retry)' }),
    record: (looseRecords ? z.record(z.string(), z.unknown()) : recordSchema(UPLOAD_KINDS[kind].schema))
      .optional()
      .meta({ description: 'the record; omitted for D' }),
  });
}

/** Request body of a batch upload. */
export function batchRequestSchema(kind: UploadKind, looseRecords = false) {
  uploadKindArgument(kind);
  if (typeof looseRecords !== 'boolean') {
    throw invalidArgument(['looseRecords'], { zh: '布尔值', en: 'a boolean' }, looseRecords);
  }
  return z.object({
    batchNo: batchNoSchema,
    source: z.string().min(1).max(50).meta({ description: '数据来源 cd_source (省份区划代码 + 部门编码)' }),
    items: z.array(batchItemSchema(kind, looseRecords)).min(1).max(5000),
  });
}

/**
 * A 质检 issue on the wire (core's `QualityIssue`).
 *
 * @example
 * qualityIssueSchema.parse(issue);
 */
export const qualityIssueSchema = z.object({
  checkType: z.string().meta({ description: '数据检核类型 01–10' }),
  rule: z.string(),
  index: z.number().int(),
  recordId: z.string().optional(),
  field: z.string(),
  value: z
    .unknown()
    .optional()
    .meta({ description: 'the offending value; absent when the field was missing' }),
  message: z.object({ zh: z.string(), en: z.string() }),
  severity: z.enum(['error', 'warning']),
});

/**
 * A 质检 issue as the client reads it: an issue the province sends in another shape is kept (as `value`) under
 * rule `unreadable_issue` instead of failing the whole answer — one odd issue must never leave a batch
 * unsettled.
 */
const readableIssueSchema = z.preprocess(
  (raw) =>
    qualityIssueSchema.safeParse(raw).success
      ? raw
      : {
          checkType: '00',
          rule: 'unreadable_issue',
          index: -1,
          field: '',
          value: raw,
          message: {
            zh: '省级返回的质检问题格式无法识别，原样保留在 value 中',
            en: 'the province returned a quality issue in an unknown shape; kept as value',
          },
          severity: 'error',
        },
  qualityIssueSchema,
);

/**
 * Per-item outcome of a batch: `stored`, `duplicate` (idempotency key seen before) or `rejected` (质检, with issues).
 *
 * @example
 * itemResultSchema.parse({ recordId: 'r1', idempotencyKey: 'jg1-…', status: 'stored' });
 */
export const itemResultSchema = z.object({
  recordId: z.string(),
  idempotencyKey: z.string(),
  status: z.enum(['stored', 'duplicate', 'rejected']),
  issues: z.array(readableIssueSchema).optional(),
});

/**
 * Answer to a batch upload.
 *
 * @example
 * batchResultSchema.parse({ batchNo: '2024031500001', accepted: 1, duplicates: 0, rejected: 0, results: [] });
 */
export const batchResultSchema = z.object({
  batchNo: batchNoSchema,
  accepted: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  results: z.array(itemResultSchema),
});

/**
 * 质检结果 of a batch, as the province reports it.
 *
 * @example
 * qualityResultSchema.parse({ batchNo: '2024031500001', total: 2, passed: 1, failed: 1, passRate: 0.5, issues: [] });
 */
export const qualityResultSchema = z.object({
  batchNo: batchNoSchema,
  total: z.number().int().nonnegative(),
  passed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  passRate: z.number().min(0).max(1),
  issues: z.array(readableIssueSchema),
});

/** A page of items with an opaque cursor. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().meta({
      description: 'position after this page; pass it back to continue (also later, for new items)',
    }),
    hasMore: z.boolean(),
    totalDataCount: z.number().int().nonnegative().optional(),
  });
}

/**
 * A joint-supervision task as delivered: summary fields plus the base64 XML `superviseData`.
 *
 * @example
 * jointTaskDeliverySchema.parse({ taskNo: 'lhjg111', status: '分发', superviseData: 'PD94…' });
 */
export const jointTaskDeliverySchema = z.object({
  taskNo: z.string(),
  status: z.string().meta({ description: '分发/认领/结束/反馈' }),
  superviseData: z.string().meta({ description: 'base64 of UTF-8 XML <superviseData> (reference §2.3)' }),
});

/**
 * Body of a joint-task claim (认领).
 *
 * @example
 * claimRequestSchema.parse({ claimTime: '2024-03-01T09:00:00+08:00', unionUnitName: '市场监管局' });
 */
export const claimRequestSchema = z.object({
  claimTime: z.string().meta({ description: 'ISO datetime' }),
  unionUnitNo: z.string().optional(),
  unionUnitName: z.string(),
});

/**
 * Body of a joint-task feedback (反馈): the ids of the behaviour records that answer it.
 *
 * @example
 * taskFeedbackRequestSchema.parse({ feedbackTime: '…', feedbackSuggestion: '已检查', recordIds: ['JC-1'] });
 */
export const taskFeedbackRequestSchema = z.object({
  feedbackTime: z.string(),
  feedbackSuggestion: z.string(),
  recordIds: z
    .array(z.string())
    .meta({ description: 'ids of uploaded behaviour records that answer the task' }),
  superviseData: z
    .string()
    .optional()
    .meta({ description: 'optional base64 XML with supervisionProcess filled in' }),
});

/**
 * Body of a complaint status update (事件进展状态 1–9).
 *
 * @example
 * complaintStatusRequestSchema.parse({ status: '4', updatedAt: '2024-03-05T10:00:00+08:00' });
 */
export const complaintStatusRequestSchema = z.object({
  status: z
    .string()
    .regex(/^[1-9]$/)
    .meta({ description: '事件进展状态 1–9' }),
  note: z.string().max(2000).optional(),
  updatedAt: z.string(),
});

/**
 * Publication channels (公示渠道).
 *
 * @example
 * publicationChannelSchema.parse('exposure');
 */
export const publicationChannelSchema = z
  .enum(
    PUBLICATION_CHANNELS.map(publicationChannelSlug) as [PublicationChannelSlug, ...PublicationChannelSlug[]],
  )
  .meta({
    description: 'annual-plan 年度抽查计划 · work-news 工作动态 · exposure 曝光台',
  });

/**
 * A post to a publication channel.
 *
 * @example
 * publicationSchema.parse({ publicationId: 'p1', title: '工作动态', content: '…', publishedAt: '2024-03-05' });
 */
export const publicationSchema = z.object({
  publicationId: z.string().min(1).max(100),
  title: z.string().min(1).max(200),
  content: z.string().min(1),
  publishedAt: z.string(),
  url: z.string().optional(),
});

/**
 * A post to a publication channel.
 *
 * @example
 * const p: Publication = { publicationId: 'p1', title: '年度计划', content: '…', publishedAt: '2024-01-05' };
 */
export type Publication = z.infer<typeof publicationSchema>;

/**
 * Answer to a single write: `stored`, or `duplicate` when an equal write was stored before.
 *
 * @example
 * acceptedSchema.parse({ id: 'p1', status: 'stored' });
 */
export const acceptedSchema = z.object({
  id: z.string(),
  status: z.enum(['stored', 'duplicate']),
});

/**
 * Answer to a submission lookup (对账) by idempotency key.
 *
 * @example
 * submissionLookupSchema.parse({ idempotencyKey: 'jg1-…', status: 'unknown' });
 */
export const submissionLookupSchema = z.object({
  idempotencyKey: z.string(),
  status: z.enum(['stored', 'unknown']),
  recordId: z.string().optional(),
  batchNo: z.string().optional(),
});

/**
 * Outcome of one batch upload (批次上报结果).
 *
 * @example
 * const r: BatchResult = { batchNo: '2024031500001', accepted: 1, duplicates: 0, rejected: 0, results: [] };
 */
export type BatchResult = z.infer<typeof batchResultSchema>;
/**
 * One item's outcome in a batch.
 *
 * @example
 * const r: ItemResult = { recordId: 'r1', idempotencyKey: 'k', status: 'stored' };
 */
export type ItemResult = z.infer<typeof itemResultSchema>;
/**
 * 质检结果 of a batch as the province reports it (core's `QualityResult` with the batch number).
 *
 * @example
 * const q: BatchQualityResult = { batchNo: '2024031500001', total: 1, passed: 1, failed: 0, passRate: 1, issues: [] };
 */
export type BatchQualityResult = z.infer<typeof qualityResultSchema>;
/**
 * A delivered joint task (raw).
 *
 * @example
 * const t: JointTaskDelivery = { taskNo: 'lhjg111', status: '分发', superviseData: 'PD94…' };
 */
export type JointTaskDelivery = z.infer<typeof jointTaskDeliverySchema>;
/**
 * Answer of a submission lookup (对账).
 *
 * @example
 * const s: SubmissionLookup = { idempotencyKey: 'k', status: 'unknown' };
 */
export type SubmissionLookup = z.infer<typeof submissionLookupSchema>;
/**
 * Answer of a single write.
 *
 * @example
 * const a: Accepted = { id: 'x', status: 'stored' };
 */
export type Accepted = z.infer<typeof acceptedSchema>;
