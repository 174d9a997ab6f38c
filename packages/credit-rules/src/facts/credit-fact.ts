import type { CivilDate } from '@jianguan/core';
import { isCivilDate } from '@jianguan/core';
import { z } from 'zod';
import { badInput, requireFactDates } from '../boundary.js';
import { abnormalListReasonSchema, penaltyKindSchema, spotCheckResultCodeSchema } from './codes.js';

/**
 * zod schema of a {@link CivilDate}: `'YYYY-MM-DD'`, a real calendar day.
 *
 * @example
 * civilDateSchema.parse('2026-04-01');
 */
export const civilDateSchema = z
  .string()
  .refine(isCivilDate, { message: 'expected a civil date YYYY-MM-DD (应为 YYYY-MM-DD 格式的日期)' });

const recordId = z.string().min(1);

// The enums of the fact schemas, shared by the schemas and the fast profile check below.
const PROCEDURES = ['simple', 'general'] as const;
const COUNTERPARTS = ['natural_person', 'organisation'] as const;
const SEVERITIES = ['minor', 'general', 'serious'] as const;
const OUTCOMES = ['missed', 'failed'] as const;

const common = {
  /** The record id (信用记录编号), cited as evidence when a rule fires. */
  id: recordId,
  /** The day the record entered the system, if later than the act; grading before it ignores the fact. */
  recordedAt: civilDateSchema.exactOptional(),
};

/**
 * 行政处罚 — an administrative penalty decision.
 *
 * @example
 * penaltyFactSchema.parse({ kind: 'penalty', id: 'P1', decisionDate: '2025-03-02', penaltyKinds: ['02'], fineAmount: 5000 });
 */
export const penaltyFactSchema = z.object({
  kind: z.literal('penalty'),
  ...common,
  /** 作出行政处罚决定日期. */
  decisionDate: civilDateSchema,
  /** 处罚种类 codes (at least one). */
  penaltyKinds: z.array(penaltyKindSchema).min(1),
  /** 罚款金额 in yuan. */
  fineAmount: z.number().nonnegative().finite().exactOptional(),
  /** 处罚程序: simple (简易) or general (一般). */
  procedure: z.enum(PROCEDURES).exactOptional(),
  /** 公示日期, when published. */
  publishedAt: civilDateSchema.exactOptional(),
  /** The end of a restriction that lasts longer than the publicity period (限制期限届满日). */
  restrictionEndsAt: civilDateSchema.exactOptional(),
  /** Revoked (撤销) by review or court on this day; ignored from then on. */
  revokedAt: civilDateSchema.exactOptional(),
  /** 行政相对人: natural person or organisation (decides the "low fine" threshold). */
  counterpart: z.enum(COUNTERPARTS).exactOptional(),
  /** 信用信息严重程度 under the NDRC measures, when the source system states it. */
  severity: z.enum(SEVERITIES).exactOptional(),
});

/**
 * 经营异常名录 — an abnormal-operation list entry.
 *
 * @example
 * abnormalListFactSchema.parse({ kind: 'abnormal_list', id: 'AB1', reason: '1', listedAt: '2024-07-01' });
 */
export const abnormalListFactSchema = z.object({
  kind: z.literal('abnormal_list'),
  ...common,
  /** 列入原因 (条例 第17条). */
  reason: abnormalListReasonSchema,
  /** 列入日期. */
  listedAt: civilDateSchema,
  /** 移出日期, once removed. */
  removedAt: civilDateSchema.exactOptional(),
});

/**
 * 严重违法失信名单 — a serious-violation list entry (SAMR Order 44).
 *
 * @example
 * seriousListFactSchema.parse({ kind: 'serious_list', id: 'S1', listedAt: '2025-01-10' });
 */
export const seriousListFactSchema = z.object({
  kind: z.literal('serious_list'),
  ...common,
  /** 列入原因, free text. */
  reason: z.string().exactOptional(),
  listedAt: civilDateSchema,
  removedAt: civilDateSchema.exactOptional(),
});

/**
 * 双随机 spot-check result (one or more result codes for one inspection).
 *
 * @example
 * spotCheckFactSchema.parse({ kind: 'spot_check', id: 'C1', date: '2025-06-01', resultCodes: ['1'] });
 */
export const spotCheckFactSchema = z.object({
  kind: z.literal('spot_check'),
  ...common,
  /** 检查日期. */
  date: civilDateSchema,
  resultCodes: z.array(spotCheckResultCodeSchema).min(1),
});

/**
 * 投诉举报 — a complaint against the entity.
 *
 * @example
 * complaintFactSchema.parse({ kind: 'complaint', id: 'T1', receivedAt: '2025-06-01', substantiated: true });
 */
export const complaintFactSchema = z.object({
  kind: z.literal('complaint'),
  ...common,
  receivedAt: civilDateSchema,
  /** Whether the complaint was found to be true (属实). */
  substantiated: z.boolean(),
});

/**
 * A broken commitment (告知承诺 / 信用承诺 未履行): missed its deadline or failed verification.
 *
 * @example
 * commitmentBreachFactSchema.parse({ kind: 'commitment_breach', id: 'K1#breach', commitmentId: 'K1', date: '2025-06-01', outcome: 'missed' });
 */
export const commitmentBreachFactSchema = z.object({
  kind: z.literal('commitment_breach'),
  ...common,
  commitmentId: z.string().min(1),
  /** The day the breach became a fact (the day after the deadline, or the verification day). */
  date: civilDateSchema,
  outcome: z.enum(OUTCOMES),
});

/**
 * 失信被执行人 — a court dishonesty record.
 *
 * @example
 * courtDishonestyFactSchema.parse({ kind: 'court_dishonesty', id: 'J1', listedAt: '2025-02-01' });
 */
export const courtDishonestyFactSchema = z.object({
  kind: z.literal('court_dishonesty'),
  ...common,
  listedAt: civilDateSchema,
  removedAt: civilDateSchema.exactOptional(),
});

/**
 * An external grade (公共信用综合评价, an industry grade, …): the latest one per source as of a date counts.
 *
 * @example
 * externalGradeFactSchema.parse({ kind: 'external_grade', id: 'G1', source: 'public-credit', grade: 'A', issuedAt: '2025-01-01' });
 */
export const externalGradeFactSchema = z.object({
  kind: z.literal('external_grade'),
  ...common,
  /** Who graded (e.g. `'public-credit'` for the NDRC 公共信用综合评价). */
  source: z.string().min(1),
  grade: z.string().min(1),
  issuedAt: civilDateSchema,
  /** The grade no longer counts from this day. */
  validUntil: civilDateSchema.exactOptional(),
});

/**
 * zod schema of any {@link CreditFact}, discriminated on `kind`.
 *
 * @example
 * creditFactSchema.parse({ kind: 'complaint', id: 'T1', receivedAt: '2025-06-01', substantiated: false });
 */
export const creditFactSchema = z.discriminatedUnion('kind', [
  penaltyFactSchema,
  abnormalListFactSchema,
  seriousListFactSchema,
  spotCheckFactSchema,
  complaintFactSchema,
  commitmentBreachFactSchema,
  courtDishonestyFactSchema,
  externalGradeFactSchema,
]);

/** A penalty fact. @example const p: PenaltyFact = { kind: 'penalty', id: 'P1', decisionDate: '2025-03-02', penaltyKinds: ['02'] }; */
export type PenaltyFact = z.infer<typeof penaltyFactSchema>;
/** An abnormal-list entry. @example const a: AbnormalListFact = { kind: 'abnormal_list', id: 'A1', reason: '1', listedAt: '2024-07-01' }; */
export type AbnormalListFact = z.infer<typeof abnormalListFactSchema>;
/** A serious-list entry. @example const s: SeriousListFact = { kind: 'serious_list', id: 'S1', listedAt: '2025-01-10' }; */
export type SeriousListFact = z.infer<typeof seriousListFactSchema>;
/** A spot-check result. @example const c: SpotCheckFact = { kind: 'spot_check', id: 'C1', date: '2025-06-01', resultCodes: ['1'] }; */
export type SpotCheckFact = z.infer<typeof spotCheckFactSchema>;
/** A complaint. @example const t: ComplaintFact = { kind: 'complaint', id: 'T1', receivedAt: '2025-06-01', substantiated: true }; */
export type ComplaintFact = z.infer<typeof complaintFactSchema>;
/** A broken commitment. @example const k: CommitmentBreachFact = { kind: 'commitment_breach', id: 'K1#breach', commitmentId: 'K1', date: '2025-06-01', outcome: 'missed' }; */
export type CommitmentBreachFact = z.infer<typeof commitmentBreachFactSchema>;
/** A court dishonesty record. @example const j: CourtDishonestyFact = { kind: 'court_dishonesty', id: 'J1', listedAt: '2025-02-01' }; */
export type CourtDishonestyFact = z.infer<typeof courtDishonestyFactSchema>;
/** An external grade. @example const g: ExternalGradeFact = { kind: 'external_grade', id: 'G1', source: 'public-credit', grade: 'A', issuedAt: '2025-01-01' }; */
export type ExternalGradeFact = z.infer<typeof externalGradeFactSchema>;

/**
 * One credit fact (信用信息) about an entity.
 *
 * @example
 * const fact: CreditFact = { kind: 'serious_list', id: 'S1', listedAt: '2025-01-10' };
 */
export type CreditFact = z.infer<typeof creditFactSchema>;

/**
 * The kinds of {@link CreditFact}.
 *
 * @example
 * const k: CreditFactKind = 'penalty';
 */
export type CreditFactKind = CreditFact['kind'];

/**
 * Every {@link CreditFactKind}, in the engine's fixed order (the rule-set schema's enum and the grader's
 * per-kind buckets). @internal
 */
export const CREDIT_FACT_KINDS = [
  'penalty',
  'abnormal_list',
  'serious_list',
  'spot_check',
  'complaint',
  'commitment_breach',
  'court_dishonesty',
  'external_grade',
] as const satisfies readonly CreditFactKind[];

// Compile-time check that the list is complete: fails if a new fact kind is not listed above.
const kindsComplete: Exclude<CreditFactKind, (typeof CREDIT_FACT_KINDS)[number]> extends never
  ? true
  : never = true;
void kindsComplete;

/**
 * Everything the grader needs about one entity (监管对象): its id (USCC), registration date and facts.
 *
 * @example
 * const profile: EntityCreditProfile = { entityId: '91330100799655058B', registeredAt: '2020-05-01', facts: [] };
 */
export interface EntityCreditProfile {
  /** The entity id, normally the 统一社会信用代码. */
  readonly entityId: string;
  /** 成立日期 (registration date); rules on age never fire without it. */
  readonly registeredAt?: CivilDate;
  readonly facts: readonly CreditFact[];
}

/**
 * zod schema of {@link EntityCreditProfile}.
 *
 * @example
 * entityCreditProfileSchema.parse({ entityId: 'X', facts: [] });
 */
export const entityCreditProfileSchema = z.object({
  entityId: z.string().min(1),
  registeredAt: civilDateSchema.exactOptional(),
  facts: z.array(creditFactSchema),
});

type Loose = Readonly<Record<string, unknown>>;

const isText = (v: unknown): boolean => typeof v === 'string' && v.length > 0;
const isAmount = (v: unknown): boolean => typeof v === 'number' && v >= 0 && v < Number.POSITIVE_INFINITY;
const oneOf = (values: readonly string[]) => {
  const set: ReadonlySet<unknown> = new Set(values);
  return (v: unknown): boolean => set.has(v);
};
const codesOf = (values: readonly string[]) => {
  const set: ReadonlySet<unknown> = new Set(values);
  return (v: unknown): boolean => {
    if (!Array.isArray(v) || v.length === 0) return false;
    for (let i = 0; i < v.length; i++) if (!set.has(v[i])) return false;
    return true;
  };
};
const isProcedure = oneOf(PROCEDURES);
const isCounterpart = oneOf(COUNTERPARTS);
const isSeverity = oneOf(SEVERITIES);
const isOutcome = oneOf(OUTCOMES);
const isReason = oneOf(abnormalListReasonSchema.options);
const arePenaltyKinds = codesOf(penaltyKindSchema.options);
const areResultCodes = codesOf(spotCheckResultCodeSchema.options);

/** An `exactOptional` field: absent (not even `key: undefined`, as zod reads it with `in`) or valid. */
const opt = (o: Loose, key: string, v: unknown, ok: (v: unknown) => boolean): boolean =>
  v === undefined ? !(key in o) : ok(v);

/** Per kind: the fields beyond `kind`, `id` and `recordedAt`. One function per kind keeps the loads monomorphic. */
const FACT_CHECKS: ReadonlyMap<unknown, (f: Loose) => boolean> = new Map<
  CreditFactKind,
  (f: Loose) => boolean
>([
  [
    'penalty',
    (f) =>
      isCivilDate(f.decisionDate) &&
      arePenaltyKinds(f.penaltyKinds) &&
      opt(f, 'fineAmount', f.fineAmount, isAmount) &&
      opt(f, 'procedure', f.procedure, isProcedure) &&
      opt(f, 'publishedAt', f.publishedAt, isCivilDate) &&
      opt(f, 'restrictionEndsAt', f.restrictionEndsAt, isCivilDate) &&
      opt(f, 'revokedAt', f.revokedAt, isCivilDate) &&
      opt(f, 'counterpart', f.counterpart, isCounterpart) &&
      opt(f, 'severity', f.severity, isSeverity),
  ],
  [
    'abnormal_list',
    (f) => isReason(f.reason) && isCivilDate(f.listedAt) && opt(f, 'removedAt', f.removedAt, isCivilDate),
  ],
  [
    'serious_list',
    (f) =>
      opt(f, 'reason', f.reason, (v) => typeof v === 'string') &&
      isCivilDate(f.listedAt) &&
      opt(f, 'removedAt', f.removedAt, isCivilDate),
  ],
  ['spot_check', (f) => isCivilDate(f.date) && areResultCodes(f.resultCodes)],
  ['complaint', (f) => isCivilDate(f.receivedAt) && typeof f.substantiated === 'boolean'],
  ['commitment_breach', (f) => isText(f.commitmentId) && isCivilDate(f.date) && isOutcome(f.outcome)],
  ['court_dishonesty', (f) => isCivilDate(f.listedAt) && opt(f, 'removedAt', f.removedAt, isCivilDate)],
  [
    'external_grade',
    (f) =>
      isText(f.source) &&
      isText(f.grade) &&
      isCivilDate(f.issuedAt) &&
      opt(f, 'validUntil', f.validUntil, isCivilDate),
  ],
]);

const isRecord = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * @internal The fast path of profile validation: a hand-written check that accepts a profile only if
 * {@link entityCreditProfileSchema} accepts it too (same reads: `key in value` for absent optional keys,
 * `Array.isArray`, finite numbers, the same enums). It may say no to a valid profile; callers then run the
 * schema, which gives the verdict and the error. Grading reads only schema keys, so grading the profile
 * itself gives the same result as grading the schema's stripped copy. Tied to the schema by
 * `test/profile-check.test.ts`.
 */
export function isValidProfile(p: unknown): p is EntityCreditProfile {
  if (!isRecord(p) || !isText(p.entityId)) return false;
  if (!opt(p, 'registeredAt', p.registeredAt, isCivilDate)) return false;
  const facts = p.facts;
  if (!Array.isArray(facts)) return false;
  for (let i = 0; i < facts.length; i++) {
    const f: unknown = facts[i];
    if (!isRecord(f) || !isText(f.id) || !opt(f, 'recordedAt', f.recordedAt, isCivilDate)) return false;
    const check = FACT_CHECKS.get(f.kind);
    if (check === undefined || !check(f)) return false;
  }
  return true;
}

/**
 * The date a fact takes effect (the act, listing, check or issue date).
 *
 * @example
 * factDate({ kind: 'spot_check', id: 'C1', date: '2025-06-01', resultCodes: ['1'] }); // '2025-06-01'
 */
export function factDate(fact: CreditFact): CivilDate {
  requireFactDates(fact);
  switch (fact.kind) {
    case 'penalty':
      return fact.decisionDate;
    case 'abnormal_list':
    case 'serious_list':
    case 'court_dishonesty':
      return fact.listedAt;
    case 'spot_check':
    case 'commitment_breach':
      return fact.date;
    case 'complaint':
      return fact.receivedAt;
    case 'external_grade':
      return fact.issuedAt;
  }
}

/**
 * The first day the fact is known: the later of its own date and `recordedAt`. Grading as of an
 * earlier day ignores it.
 *
 * @example
 * knownFrom({ kind: 'complaint', id: 'T', receivedAt: '2025-01-01', recordedAt: '2025-02-01', substantiated: true }); // '2025-02-01'
 */
export function knownFrom(fact: CreditFact): CivilDate {
  const d = factDate(fact);
  return fact.recordedAt !== undefined && fact.recordedAt > d ? fact.recordedAt : d;
}

/**
 * The day the fact stops being in force (removal, revocation, validity end), if any.
 *
 * @example
 * endsAt({ kind: 'serious_list', id: 'S', listedAt: '2022-01-01', removedAt: '2024-01-01' }); // '2024-01-01'
 */
export function endsAt(fact: CreditFact): CivilDate | undefined {
  requireFactDates(fact);
  switch (fact.kind) {
    case 'abnormal_list':
    case 'serious_list':
    case 'court_dishonesty':
      return fact.removedAt;
    case 'penalty':
      return fact.revokedAt;
    case 'external_grade':
      return fact.validUntil;
    default:
      return undefined;
  }
}

/**
 * Whether the fact is known and in force on `asOf` (listed and not yet removed; a penalty not revoked).
 *
 * @example
 * isInForce({ kind: 'serious_list', id: 'S', listedAt: '2022-01-01', removedAt: '2024-01-01' }, '2023-06-01'); // true
 */
export function isInForce(fact: CreditFact, asOf: CivilDate): boolean {
  if (!isCivilDate(asOf)) badInput(['asOf'], { en: 'a date YYYY-MM-DD', zh: 'YYYY-MM-DD 日期' }, asOf);
  if (knownFrom(fact) > asOf) return false;
  const end = endsAt(fact);
  return end === undefined || asOf < end;
}
