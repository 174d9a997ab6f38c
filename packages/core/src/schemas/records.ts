import type { z } from 'zod';
import { loadZod } from '#zod';
import { lazySchema, materialise } from '../internal/lazy.js';
import { fieldDictionary } from './dictionary.js';
import { shapeOf } from './field-spec.js';

const d = fieldDictionary;

/**
 * The record schemas are built on first use (importing `@jianguan/core` loads no zod): each export stands for
 * its schema and builds it when first touched (see ../internal/lazy.ts).
 */
const schema = <T extends object>(build: (zod: typeof z) => T): T => lazySchema(() => build(loadZod()));

/**
 * 监管事项目录清单 — a catalog item (main item, optional sub-item, and the 10 elements of seed 001:
 * 监管部门, 主项名称, 子项名称, 监管方式, 监管措施, 监管对象, 设定依据, 监管流程, 监管结果, 监管层级).
 * Lenient on types; business rules live in {@link qualityCheck}.
 *
 * @example
 * catalogItemSchema.safeParse({ itemCode: '31000000100000', mainItemName: '食品经营监督检查' }).success;
 */
export const catalogItemSchema = schema((z) => z.object(shapeOf(d.catalogItem)));
/**
 * A catalog item (监管事项目录清单); see {@link catalogItemSchema}.
 *
 * @example
 * const item: Partial<CatalogItem> = { itemCode: '31000000100000' };
 */
export type CatalogItem = z.infer<typeof catalogItemSchema>;

/**
 * 检查实施清单 — an inspection implementation list (what is checked, how, by whom); behaviour records
 * link to it through `checkListCode`.
 *
 * @example
 * inspectionListSchema.safeParse({}).success; // false: required fields are missing
 */
export const inspectionListSchema = schema((z) => z.object(shapeOf(d.inspectionList)));
/**
 * An inspection implementation list (检查实施清单); see {@link inspectionListSchema}.
 *
 * @example
 * const list: Partial<InspectionList> = { exerciseLevel: '4' };
 */
export type InspectionList = z.infer<typeof inspectionListSchema>;

/**
 * 企业 — an enterprise legal person, identified by its 统一社会信用代码.
 *
 * @example
 * enterpriseSchema.shape.unifiedSocialCreditCode;
 */
export const enterpriseSchema = schema((z) =>
  z.object({
    entityClass: z.literal('enterprise'),
    ...shapeOf(d.enterprise),
  }),
);
/**
 * 个体工商户 — an individual business.
 *
 * @example
 * individualBusinessSchema.shape.operatorName;
 */
export const individualBusinessSchema = schema((z) =>
  z.object({
    entityClass: z.literal('individualBusiness'),
    ...shapeOf(d.individualBusiness),
  }),
);
/**
 * 其他组织 — a social organisation or other non-enterprise legal person.
 *
 * @example
 * otherOrganisationSchema.shape.legalPersonType;
 */
export const otherOrganisationSchema = schema((z) =>
  z.object({
    entityClass: z.literal('otherOrganisation'),
    ...shapeOf(d.otherOrganisation),
  }),
);
/**
 * 特定自然人 — a natural person, identified by a resident ID number.
 *
 * @example
 * naturalPersonSchema.shape.idCardNo;
 */
export const naturalPersonSchema = schema((z) =>
  z.object({
    entityClass: z.literal('naturalPerson'),
    ...shapeOf(d.naturalPerson),
  }),
);

/**
 * 监管对象 — a regulated entity of any class, discriminated on `entityClass`
 * (`'enterprise' | 'individualBusiness' | 'otherOrganisation' | 'naturalPerson'`).
 *
 * @example
 * regulatedEntitySchema.safeParse({ entityClass: 'naturalPerson', objectId: 'p1', name: '张三',
 *   areaCode: '320102', idCardNo: '34052419800101001X' }).success; // true
 */
export const regulatedEntitySchema = schema((z) =>
  z.discriminatedUnion('entityClass', [
    materialise(enterpriseSchema),
    materialise(individualBusinessSchema),
    materialise(otherOrganisationSchema),
    materialise(naturalPersonSchema),
  ]),
);
/**
 * A regulated entity (监管对象); see {@link regulatedEntitySchema}.
 *
 * @example
 * function idOf(e: RegulatedEntity) { return e.entityClass === 'naturalPerson' ? e.idCardNo : e.unifiedSocialCreditCode; }
 */
export type RegulatedEntity = z.infer<typeof regulatedEntitySchema>;

/**
 * 执法人员 — an enforcement officer with a 执法证.
 *
 * @example
 * officerSchema.safeParse({ name: '李四', orgName: '某市市场监管局', lawEnforcementCertNo: '32010012345' }).success;
 */
export const officerSchema = schema((z) => z.object(shapeOf(d.officer)));
/**
 * An enforcement officer (执法人员); see {@link officerSchema}.
 *
 * @example
 * const o: Officer = { name: '李四', orgName: '某市市场监管局', lawEnforcementCertNo: '32010012345' };
 */
export type Officer = z.infer<typeof officerSchema>;

/**
 * 行政检查 — an inspection record (common header + §3.3 fields), `kind: 'inspection'`.
 *
 * @example
 * inspectionRecordSchema.shape.checkPersonnel;
 */
export const inspectionRecordSchema = schema((z) =>
  z.object({ kind: z.literal('inspection'), ...shapeOf(d.inspection) }),
);
/**
 * 行政处罚 — a penalty record, `kind: 'penalty'`.
 *
 * @example
 * penaltyRecordSchema.shape.setDate;
 */
export const penaltyRecordSchema = schema((z) =>
  z.object({ kind: z.literal('penalty'), ...shapeOf(d.penalty) }),
);
/**
 * 行政强制 — a compulsion record, `kind: 'compulsion'`.
 *
 * @example
 * compulsionRecordSchema.shape.forceType;
 */
export const compulsionRecordSchema = schema((z) =>
  z.object({ kind: z.literal('compulsion'), ...shapeOf(d.compulsion) }),
);
/**
 * 其他监管行为 — any other regulatory behaviour, `kind: 'other'`.
 *
 * @example
 * otherBehaviourRecordSchema.shape.startDate;
 */
export const otherBehaviourRecordSchema = schema((z) =>
  z.object({ kind: z.literal('other'), ...shapeOf(d.other) }),
);

/**
 * 监管行为 — a behaviour record of any of the four kinds, discriminated on
 * `kind: 'inspection' | 'penalty' | 'compulsion' | 'other'`. Every kind carries the common header
 * (recordId, itemCode, checkListCode, implementInstitution(+Code), adminCounterpart*, areaCode,
 * submittedAt, …) and may carry the exchange envelope fields (`operation`, `batchNo`, `source`).
 *
 * @example
 * const r = behaviourRecordSchema.safeParse(record);
 * if (r.success && r.data.kind === 'penalty') console.log(r.data.setDate);
 */
export const behaviourRecordSchema = schema((z) =>
  z.discriminatedUnion('kind', [
    materialise(inspectionRecordSchema),
    materialise(penaltyRecordSchema),
    materialise(compulsionRecordSchema),
    materialise(otherBehaviourRecordSchema),
  ]),
);
/**
 * A behaviour record (监管行为); see {@link behaviourRecordSchema}.
 *
 * @example
 * function code(r: BehaviourRecord) { return r.kind === 'inspection' ? r.checkActionCode : r.recordId; }
 */
export type BehaviourRecord = z.infer<typeof behaviourRecordSchema>;
/**
 * An inspection record (行政检查).
 *
 * @example
 * const dates = (rs: InspectionRecord[]) => rs.map((r) => r.checkDate);
 */
export type InspectionRecord = z.infer<typeof inspectionRecordSchema>;
/**
 * A penalty record (行政处罚).
 *
 * @example
 * const fines = (rs: PenaltyRecord[]) => rs.map((r) => r.fineAmount ?? 0);
 */
export type PenaltyRecord = z.infer<typeof penaltyRecordSchema>;
/**
 * A compulsion record (行政强制).
 *
 * @example
 * const kinds = (rs: CompulsionRecord[]) => rs.map((r) => r.forceType);
 */
export type CompulsionRecord = z.infer<typeof compulsionRecordSchema>;
/**
 * Any other behaviour record (其他监管行为).
 *
 * @example
 * const starts = (rs: OtherBehaviourRecord[]) => rs.map((r) => r.startDate);
 */
export type OtherBehaviourRecord = z.infer<typeof otherBehaviourRecordSchema>;

/**
 * 交换信封 — the exchange metadata of a submitted record (the national `cd_*` columns): `recordId`,
 * `operation` I/U/D, `batchNo` (YYYYMMDD + 5-digit sequence, e.g. `2024031500002`), `source`
 * (province region code + department code) and `submittedAt`.
 *
 * @example
 * exchangeEnvelopeSchema.safeParse({ recordId: 'r1', operation: 'I', batchNo: '2024031500001', source: '32000031' }).success; // true
 */
export const exchangeEnvelopeSchema = schema((z) =>
  z.object({
    ...shapeOf(d.envelope),
    operation: z.enum(['I', 'U', 'D']),
    batchNo: z.string().regex(/^\d{8}\d{5}$/),
  }),
);
/**
 * The exchange envelope (交换信封); see {@link exchangeEnvelopeSchema}.
 *
 * @example
 * const e: ExchangeEnvelope = { recordId: 'r1', operation: 'U', batchNo: '2024031500001', source: '32000031' };
 */
export type ExchangeEnvelope = z.infer<typeof exchangeEnvelopeSchema>;

/**
 * 投诉举报 — a complaint or report (national `complaintInfo` / `tipInfo`).
 *
 * @example
 * complaintSchema.shape.complaintType;
 */
export const complaintSchema = schema((z) => z.object(shapeOf(d.complaint)));
/**
 * A complaint or report (投诉举报).
 *
 * @example
 * const types = (cs: Complaint[]) => cs.map((c) => c.complaintType);
 */
export type Complaint = z.infer<typeof complaintSchema>;

/**
 * 风险预警线索 — a risk-warning clue pushed down by the province.
 *
 * @example
 * riskClueSchema.shape.warningId;
 */
export const riskClueSchema = schema((z) => z.object(shapeOf(d.riskClue)));
/**
 * A risk-warning clue (风险预警线索).
 *
 * @example
 * const ids = (cs: RiskClue[]) => cs.map((c) => c.warningId);
 */
export type RiskClue = z.infer<typeof riskClueSchema>;

/**
 * 核查反馈 — the department's feedback on a risk-warning clue (claim, verification, linked behaviours).
 *
 * @example
 * clueFeedbackSchema.shape.verifyResult;
 */
export const clueFeedbackSchema = schema((z) => z.object(shapeOf(d.clueFeedback)));
/**
 * Feedback on a risk-warning clue (核查反馈).
 *
 * @example
 * const done = (fs: ClueFeedback[]) => fs.filter((f) => f.feedbackTime !== '');
 */
export type ClueFeedback = z.infer<typeof clueFeedbackSchema>;

/**
 * 信用记录 — a credit record: a credit assessment, an abnormal-operation listing or a
 * serious-violation listing (national `basisData`).
 *
 * @example
 * creditRecordSchema.shape.recordKind;
 */
export const creditRecordSchema = schema((z) => z.object(shapeOf(d.creditRecord)));
/**
 * A credit record (信用记录).
 *
 * @example
 * const listed = (rs: CreditRecord[]) => rs.filter((r) => r.removedDate === undefined);
 */
export type CreditRecord = z.infer<typeof creditRecordSchema>;

/**
 * 双随机抽查计划 — a spot-check plan with its sampling ratio (0–1).
 *
 * @example
 * spotCheckPlanSchema.shape.samplingRatio;
 */
export const spotCheckPlanSchema = schema((z) => z.object(shapeOf(d.spotCheckPlan)));
/**
 * A spot-check plan (抽查计划).
 *
 * @example
 * const ratios = (ps: SpotCheckPlan[]) => ps.map((p) => p.samplingRatio);
 */
export type SpotCheckPlan = z.infer<typeof spotCheckPlanSchema>;

/**
 * 抽取对象 — an entity drawn by a spot-check plan.
 *
 * @example
 * drawnObjectSchema.shape.uscc;
 */
export const drawnObjectSchema = schema((z) => z.object(shapeOf(d.drawnObject)));
/**
 * A drawn object (抽取对象).
 *
 * @example
 * const ids = (os: DrawnObject[]) => os.map((o) => o.objectId);
 */
export type DrawnObject = z.infer<typeof drawnObjectSchema>;

/**
 * 联合监管任务 — a joint-supervision task (national `taskDetails`).
 *
 * @example
 * jointTaskSchema.shape.taskNo;
 */
export const jointTaskSchema = schema((z) => z.object(shapeOf(d.jointTask)));
/**
 * A joint-supervision task (联合监管任务).
 *
 * @example
 * const open = (ts: JointTask[]) => ts.filter((t) => t.status !== '结束');
 */
export type JointTask = z.infer<typeof jointTaskSchema>;
