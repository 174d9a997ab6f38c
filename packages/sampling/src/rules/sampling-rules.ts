import { describeValue, SOURCE_STATUSES, type SourceStatus } from '@jianguan/core';
import { z } from 'zod';
import { SamplingInputError } from '../errors.js';

/**
 * Where a rule's number comes from: a seed file or a section of the research notes, and how sure we are.
 *
 * @example
 * const source: RuleSource = { ref: '行政处罚法(2021) 第42条', status: 'verified' };
 */
export interface RuleSource {
  readonly ref: string;
  /** How sure the number is: `verified` or `inferred` (core's {@link SourceStatus}). */
  readonly status: Extract<SourceStatus, 'verified' | 'inferred'>;
}

const sourceSchema = z.object({
  ref: z.string().min(1),
  status: z.enum(SOURCE_STATUSES).extract(['verified', 'inferred']),
});

/**
 * The versioned numbers of 双随机、一公开 that sampling applies (抽查规则集), each with its source.
 * Override per province with {@link defineSamplingRules}.
 *
 * @example
 * const rules: SamplingRules = defineSamplingRules({ publicationWorkdays: 15 });
 */
export interface SamplingRules {
  readonly id: string;
  readonly version: string;
  /** At least this many certified officers per inspection (检查人员不少于2名). */
  readonly minOfficers: number;
  /** Results published within this many working days after the inspection ends. */
  readonly publicationWorkdays: number;
  /** Default rounding of `ratio × N` ("不少于 x%" → ceil). */
  readonly defaultRounding: 'ceil' | 'round' | 'floor';
  /** Entity statuses never drawn (closed, deregistered, revoked). */
  readonly excludedStatuses: readonly string[];
  /** Officer kinds that may not inspect (auxiliaries, per 国办发〔2024〕54号). */
  readonly forbiddenOfficerKinds: readonly string[];
  readonly sources: Readonly<Record<string, RuleSource>>;
}

/** zod schema of {@link SamplingRules}. */
export const samplingRulesSchema = z.object({
  id: z.string().min(1),
  version: z.string().min(1),
  minOfficers: z.number().int().min(2),
  publicationWorkdays: z.number().int().positive(),
  defaultRounding: z.enum(['ceil', 'round', 'floor']),
  excludedStatuses: z.array(z.string()),
  forbiddenOfficerKinds: z.array(z.string()),
  sources: z.record(z.string(), sourceSchema),
});

/**
 * The national defaults (全国默认规则), with their sources.
 *
 * @example
 * DEFAULT_SAMPLING_RULES.publicationWorkdays; // 20
 */
export const DEFAULT_SAMPLING_RULES: SamplingRules = Object.freeze<SamplingRules>({
  id: 'cn-national',
  version: '2026.1',
  minOfficers: 2,
  publicationWorkdays: 20,
  defaultRounding: 'ceil',
  excludedStatuses: Object.freeze(['closed', 'deregistered', 'revoked']),
  forbiddenOfficerKinds: Object.freeze(['auxiliary', 'grid_worker', 'temporary']),
  sources: Object.freeze<Record<string, RuleSource>>({
    minOfficers: {
      ref: '行政处罚法(2021) 第42、55条; 食品生产经营监督检查管理办法 第23条 (sampling-and-credit.md §0)',
      status: 'verified',
    },
    publicationWorkdays: {
      ref: 'SAMR 2018-06-08 briefing; 食品办法 第39条 (sampling-and-credit.md §0, §A3)',
      status: 'verified',
    },
    defaultRounding: {
      ref: 'SAMR texts say "不少于 x%"; hnjz code rounds up (sampling-and-credit.md §C4)',
      status: 'inferred',
    },
    excludedStatuses: {
      ref: 'result codes 7/9/10/11 (closed, deregistered, revoked) (sampling-and-credit.md §A5)',
      status: 'inferred',
    },
    forbiddenOfficerKinds: {
      ref: '国办发〔2024〕54号: no checks by staff without a law-enforcement certificate (sampling-and-credit.md §A1)',
      status: 'verified',
    },
  }),
});

/**
 * Builds a rule set from the national defaults and a provincial override, validated with zod (throws
 * {@link SamplingInputError} `invalid_rules` with the path of the first problem).
 *
 * @example
 * const zj = defineSamplingRules({ id: 'zj', version: '2026.1', minOfficers: 3 });
 */
export function defineSamplingRules(override: Partial<SamplingRules>): SamplingRules {
  if (override === null || typeof override !== 'object' || Array.isArray(override))
    throw new SamplingInputError(
      'invalid_rules',
      {
        zh: `规则覆盖应为对象，实际为 ${describeValue(override)}`,
        en: `the override must be an object, not ${describeValue(override)}`,
      },
      { path: [] },
    );
  const parsed = samplingRulesSchema.safeParse({ ...DEFAULT_SAMPLING_RULES, ...override });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SamplingInputError(
      'invalid_rules',
      { zh: `抽查规则无效：${issue.message}`, en: `invalid sampling rules: ${issue.message}` },
      { path: issue.path as (string | number)[], cause: parsed.error },
    );
  }
  return Object.freeze(parsed.data);
}
