import { SOURCE_STATUSES } from '@jianguan/core';
import { z } from 'zod';
import type { CalendarDuration } from '../dates/civil-date.js';
import { abnormalListReasonSchema, penaltyKindSchema, spotCheckResultCodeSchema } from '../facts/codes.js';
import { CREDIT_FACT_KINDS, civilDateSchema } from '../facts/credit-fact.js';
import type {
  CreditRule,
  CreditRuleSet,
  FactFilter,
  GradeMeasuresSpec,
  Predicate,
  RuleEffect,
  SourceCitation,
} from './types.js';

const bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) });
const id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, {
  message: 'expected a lower-case id (a-z 0-9 . _ -) (应为小写标识符)',
});

/**
 * zod schema of a {@link CalendarDuration} (whole, non-negative units; at least one given).
 *
 * @example
 * calendarDurationSchema.parse({ years: 3 });
 */
export const calendarDurationSchema: z.ZodType<CalendarDuration> = z
  .strictObject({
    years: z.number().int().nonnegative().exactOptional(),
    months: z.number().int().nonnegative().exactOptional(),
    days: z.number().int().nonnegative().exactOptional(),
  })
  .refine((d) => d.years !== undefined || d.months !== undefined || d.days !== undefined, {
    message: 'a duration needs years, months or days (期限须给出年、月或日)',
  });

/**
 * The source statuses credit rules and publicity regimes accept: core's `SOURCE_STATUSES` restricted to
 * `verified`, `inferred` and `unverified`. @internal
 */
export const creditSourceStatusSchema = z
  .enum(SOURCE_STATUSES)
  .extract(['verified', 'inferred', 'unverified']);

const sourceCitationSchema: z.ZodType<SourceCitation> = z.strictObject({
  doc: z.string().min(1),
  article: z.string().min(1).exactOptional(),
  status: creditSourceStatusSchema,
  note: z.string().exactOptional(),
});

const factFilterSchema: z.ZodType<FactFilter> = z.strictObject({
  kind: z.enum(CREDIT_FACT_KINDS),
  penaltyKinds: z.array(penaltyKindSchema).min(1).exactOptional(),
  minFine: z.number().nonnegative().finite().exactOptional(),
  procedure: z.enum(['simple', 'general']).exactOptional(),
  resultCodes: z.array(spotCheckResultCodeSchema).min(1).exactOptional(),
  reasons: z.array(abnormalListReasonSchema).min(1).exactOptional(),
  outcome: z.enum(['missed', 'failed']).exactOptional(),
  substantiated: z.boolean().exactOptional(),
  inForce: z.boolean().exactOptional(),
  within: calendarDurationSchema.exactOptional(),
  olderThan: calendarDurationSchema.exactOptional(),
});

/**
 * zod schema of a {@link Predicate} (recursive, discriminated on `op`).
 *
 * @example
 * predicateSchema.parse({ op: 'count', where: { kind: 'serious_list', inForce: true } });
 */
export const predicateSchema: z.ZodType<Predicate> = z.lazy(() =>
  z.discriminatedUnion('op', [
    z.strictObject({ op: z.literal('always') }),
    z.strictObject({ op: z.literal('all'), of: z.array(predicateSchema).min(1) }),
    z.strictObject({ op: z.literal('any'), of: z.array(predicateSchema).min(1) }),
    z.strictObject({ op: z.literal('not'), of: predicateSchema }),
    z.strictObject({
      op: z.literal('count'),
      where: factFilterSchema,
      atLeast: z.number().int().nonnegative().exactOptional(),
      atMost: z.number().int().nonnegative().exactOptional(),
    }),
    z.strictObject({
      op: z.literal('sum'),
      where: factFilterSchema,
      atLeast: z.number().nonnegative().finite(),
    }),
    z.strictObject({
      op: z.literal('externalGrade'),
      source: z.string().min(1),
      in: z.array(z.string().min(1)).min(1),
    }),
    z.strictObject({
      op: z.literal('registered'),
      atLeast: calendarDurationSchema.exactOptional(),
      lessThan: calendarDurationSchema.exactOptional(),
    }),
  ]),
);

const ruleEffectSchema: z.ZodType<RuleEffect> = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('assign'), grade: z.string().min(1) }),
  z.strictObject({ type: z.literal('downgrade'), steps: z.number().int().positive() }),
  z.strictObject({ type: z.literal('upgrade'), steps: z.number().int().positive() }),
  z.strictObject({ type: z.literal('worst') }),
]);

const ruleSchema: z.ZodType<CreditRule> = z.strictObject({
  id,
  title: bilingual,
  source: sourceCitationSchema,
  when: predicateSchema,
  effect: ruleEffectSchema,
});

const ratio = z.number().min(0).max(1);

const gradeMeasuresSchema: z.ZodType<GradeMeasuresSpec> = z.strictObject({
  samplingRatio: z.strictObject({ min: ratio, max: ratio, default: ratio }),
  yearlyInspectionCap: z.number().int().nonnegative().nullable(),
  onSitePolicy: z.enum(['triggered_only', 'normal', 'when_needed', 'proactive']),
  keySupervision: z.boolean(),
  jointPunishment: z.array(z.string().min(1)),
  source: sourceCitationSchema,
});

/**
 * zod schema of a {@link CreditRuleSet} — the structural part of the check; {@link parseRuleSet} adds the
 * cross-field checks (grade references, citations, ratio bands, unique ids).
 *
 * @example
 * creditRuleSetSchema.safeParse(data).success;
 */
export const creditRuleSetSchema: z.ZodType<CreditRuleSet> = z.strictObject({
  format: z.literal('jianguan.credit-rule-set/1'),
  id,
  version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, {
    message: 'expected a semantic version like 1.0.0 (应为语义化版本号，如 1.0.0)',
  }),
  name: bilingual,
  jurisdiction: z.string().min(1),
  effectiveFrom: civilDateSchema,
  sources: z
    .array(z.strictObject({ id: z.string().min(1), title: z.string().min(1), ref: z.string().min(1) }))
    .min(1),
  grades: z.array(z.strictObject({ code: z.string().min(1), label: bilingual })).min(2),
  defaultGrade: z.string().min(1),
  publicGrades: z.boolean(),
  noClassExemptFromSampling: z.boolean(),
  rules: z.array(ruleSchema),
  measures: z.record(z.string(), gradeMeasuresSchema),
  jointPunishmentMeasures: z.record(
    z.string(),
    z.strictObject({ title: bilingual, source: sourceCitationSchema }),
  ),
});
