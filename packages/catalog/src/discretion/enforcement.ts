import {
  addWorkdays,
  CHECK_TYPES,
  type CheckType,
  describeValue,
  isCivilDate,
  isRecord,
  type LocalizedMessage,
  type QualityIssue,
  type QualitySeverity,
} from '@jianguan/core';
import { z } from 'zod';
import { badInput, functionShape, requireShape } from '../boundary.js';
import { CatalogError, fromZodIssues } from '../errors.js';
import { type dataStatusSchema, provenanceShape } from '../rule-data.js';
import { type BenchmarkSet, benchmarkEntryOf, benchmarkSetSchema } from './benchmarks.js';

/**
 * The zod schema of the enforcement rule set (三项制度 and discretion rules as data): which checks run, their
 * severity and national check type, the publicity deadline in working days, and the source of each.
 *
 * @example
 * enforcementRuleSetSchema.parse(DEFAULT_ENFORCEMENT_RULES);
 */
export const enforcementRuleSetSchema = z.object({
  id: z.string().min(1),
  version: z.string().min(1),
  rules: z.record(
    z.string(),
    z.object({
      severity: z.enum(['error', 'warning']),
      enabled: z.boolean(),
      checkType: z.enum(CHECK_TYPES),
      description: z.object({ zh: z.string(), en: z.string() }),
      ...provenanceShape,
    }),
  ),
  /** Enforcement decisions are published within this many working days of the decision (行政执法公示). */
  publicityWorkdays: z.number().int().min(1),
  publicitySource: z.string().min(1),
});

/**
 * An enforcement rule set; see {@link enforcementRuleSetSchema}.
 *
 * @example
 * const rules: EnforcementRuleSet = DEFAULT_ENFORCEMENT_RULES;
 */
export type EnforcementRuleSet = z.infer<typeof enforcementRuleSetSchema>;

/**
 * The codes of the enforcement checks.
 *
 * @example
 * const code: EnforcementRuleCode = 'major_case_no_legal_review';
 */
export type EnforcementRuleCode =
  | 'record_invalid'
  | 'major_case_no_legal_review'
  | 'legal_review_after_decision'
  | 'publicity_late'
  | 'publicity_missing'
  | 'discretion_no_benchmark'
  | 'discretion_degree_missing'
  | 'discretion_degree_unknown'
  | 'discretion_fine_out_of_band'
  | 'discretion_base_missing';

const rule = (
  severity: QualitySeverity,
  checkType: CheckType,
  zh: string,
  en: string,
  source: string,
  status: z.infer<typeof dataStatusSchema>,
) => ({ severity, enabled: true, checkType, description: { zh, en }, source, status, checked: '2026-12-02' });

/**
 * The built-in enforcement rules (执法三项制度与裁量规则), version 2026.1. Legal review of major decisions is
 * seed-stated (seed 002 (十一), seed 003 (二): 重大执法决定法制审核制度; 行政处罚法 2021 第五十八条 lists the cases —
 * background knowledge, not checked here). The 7-working-day publicity deadline is a district practice
 * (kpi-and-interface.md: Yuhua district 行政执法事后公开程序) — SAMR's own penalty publicity allows 20 working
 * days (sampling-and-credit.md: SAMR Order 45 第9–11条); choose with {@link defineEnforcementRules}.
 *
 * @example
 * DEFAULT_ENFORCEMENT_RULES.publicityWorkdays; // 7
 */
export const DEFAULT_ENFORCEMENT_RULES: EnforcementRuleSet = {
  id: 'jianguan-enforcement',
  version: '2026.1',
  rules: {
    record_invalid: rule('error', '01', '不是行政处罚记录', 'not a penalty record', 'SDK', 'inferred'),
    major_case_no_legal_review: rule(
      'error',
      '01',
      '重大执法决定未经法制审核',
      'major enforcement decision without legal review',
      'seed 002 (十一) 重大执法决定法制审核制度; seed 003 (二) 法制审核全覆盖',
      'seed-stated',
    ),
    legal_review_after_decision: rule(
      'error',
      '10',
      '法制审核日期晚于处罚决定日期',
      'legal review dated after the decision',
      'seed 002 (十一): review before the decision (审核决定)',
      'seed-stated',
    ),
    publicity_late: rule(
      'error',
      '10',
      '执法决定未在规定工作日内公示',
      'decision published after the deadline',
      'seed 002 (十一) 行政执法公示; deadline: kpi-and-interface.md (Yuhua district, 7 working days)',
      'verified',
    ),
    publicity_missing: rule(
      'warning',
      '10',
      '公示期限已过但无公示日期',
      'publicity deadline passed with no publication date',
      'seed 002 (十一) 行政执法公示',
      'seed-stated',
    ),
    discretion_no_benchmark: rule(
      'warning',
      '08',
      '处罚依据无对应裁量基准',
      'no discretion benchmark for the penalty basis',
      'seed 002 (十) 健全行政执法自由裁量基准制度',
      'seed-stated',
    ),
    discretion_degree_missing: rule(
      'error',
      '01',
      '处罚未注明裁量阶次',
      'penalty without a degree of circumstances',
      'seed 002 (十) 合理确定裁量范围、种类和幅度',
      'seed-stated',
    ),
    discretion_degree_unknown: rule(
      'error',
      '01',
      '裁量阶次不在裁量基准中',
      'degree not in the benchmark',
      'seed 002 (十)',
      'seed-stated',
    ),
    discretion_fine_out_of_band: rule(
      'error',
      '01',
      '罚款金额超出裁量基准幅度',
      'fine outside the benchmark band',
      'seed 002 (十) 严格限定裁量权的行使; the band: the benchmark entry cited in the issue',
      'seed-stated',
    ),
    discretion_base_missing: rule(
      'warning',
      '01',
      '按倍数裁量但缺少计算基数',
      'band is a multiple but the base amount is missing',
      'SDK',
      'inferred',
    ),
  } satisfies Record<EnforcementRuleCode, unknown>,
  publicityWorkdays: 7,
  publicitySource:
    'kpi-and-interface.md: 行政执法决定 published within 7 working days (Yuhua district, 行政执法事后公开程序) [C]',
};

/**
 * Derives a validated enforcement rule set, e.g. SAMR's 20-working-day penalty publicity.
 *
 * @throws {CatalogError} `invalid_options` when the result does not validate.
 * @example
 * const samr = defineEnforcementRules({ id: 'samr', version: '1', publicityWorkdays: 20,
 *   publicitySource: '市场监督管理行政处罚信息公示规定 (SAMR Order 45) 第9–11条' });
 */
export function defineEnforcementRules(
  overrides: Partial<Omit<EnforcementRuleSet, 'rules'>> & {
    readonly id: string;
    readonly version: string;
    readonly rules?: Readonly<Record<string, Partial<EnforcementRuleSet['rules'][string]>>>;
  },
  base: EnforcementRuleSet = DEFAULT_ENFORCEMENT_RULES,
): EnforcementRuleSet {
  if (!isRecord(overrides))
    badInput('invalid_options', ['overrides'], { en: 'an object', zh: '对象' }, overrides);
  if (overrides.rules !== undefined && !isRecord(overrides.rules))
    badInput('invalid_options', ['overrides', 'rules'], { en: 'an object', zh: '对象' }, overrides.rules);
  requireShape(enforcementRuleSetSchema, base, ['base'], 'invalid_options');
  const rules: Record<string, unknown> = { ...base.rules };
  for (const [code, patch] of Object.entries(overrides.rules ?? {}))
    Object.defineProperty(rules, code, {
      value: { ...(Object.hasOwn(base.rules, code) ? base.rules[code] : {}), ...patch },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  const parsed = enforcementRuleSetSchema.safeParse({ ...base, ...overrides, rules });
  if (!parsed.success)
    throw fromZodIssues(
      'invalid_options',
      { zh: '执法规则集', en: 'enforcement rule set' },
      parsed.error.issues,
    );
  return parsed.data;
}

/**
 * One finding of {@link checkEnforcement}: core's quality-issue shape plus the rule's source (and, for
 * discretion issues, the benchmark entry and its source).
 *
 * @example
 * const issue: EnforcementIssue = result.issues[0]!;
 * issue.source; // 'seed 002 (十一) …'
 */
export interface EnforcementIssue extends QualityIssue {
  readonly source: string;
  readonly benchmark?: {
    readonly setId: string;
    readonly version: string;
    readonly entryId: string;
    readonly source: string;
  };
}

/** {@link CheckEnforcementOptions} as {@link checkEnforcement} reads them. */
const checkOptionsShape = z.looseObject({
  rules: z.lazy(() => enforcementRuleSetSchema).optional(),
  benchmarks: benchmarkSetSchema.optional(),
  degreeOf: functionShape.optional(),
  baseAmountOf: functionShape.optional(),
  publishedDateOf: functionShape.optional(),
  today: z.string().optional(),
});

/**
 * Options of {@link checkEnforcement}.
 *
 * @example
 * const o: CheckEnforcementOptions = { benchmarks: set, today: '2026-12-02', publishedDateOf: (r) => r.publishedDate };
 */
export interface CheckEnforcementOptions {
  readonly rules?: EnforcementRuleSet;
  /** Discretion benchmarks; without them the discretion checks do not run. */
  readonly benchmarks?: BenchmarkSet;
  /** The degree of circumstances (裁量阶次) of a record; default: its `discretionDegree` field. */
  readonly degreeOf?: (record: Record<string, unknown>) => unknown;
  /** The base amount for multiple-based bands; default: its `discretionBaseAmount` field. */
  readonly baseAmountOf?: (record: Record<string, unknown>) => unknown;
  /** The date the decision was published (公示日期); default: its `publishedDate` field. */
  readonly publishedDateOf?: (record: Record<string, unknown>) => unknown;
  /** Today (China civil date) for `publicity_missing`; default: the check does not run. */
  readonly today?: string;
}

/**
 * The result of {@link checkEnforcement}.
 *
 * @example
 * const { checked, flagged, issues } = checkEnforcement(penalties, { benchmarks });
 */
export interface EnforcementCheckResult {
  readonly checked: number;
  /** Records with at least one error. */
  readonly flagged: number;
  readonly issues: readonly EnforcementIssue[];
}

const field = (record: Record<string, unknown>, name: string) => record[name];

/**
 * Checks penalty records (core's `PenaltyRecord`) against the three enforcement systems (三项制度) and the
 * discretion benchmarks: a major case (`isMajorCase`) without legal review, legal review after the decision,
 * publication later than the deadline in working days (China's official calendar), a penalty without a degree
 * or with a fine outside its degree's band. Issues carry the rule's source and, for discretion, the benchmark
 * entry and its published source, in Chinese and English like 质检. Never throws on bad records.
 *
 * @throws {CatalogError} `invalid_options` for a bad `today`.
 * @example
 * const r = checkEnforcement([{ kind: 'penalty', recordId: 'P1', isMajorCase: true, legalReviewed: false,
 *   setDate: '2025-05-06', punishAccord: '《殡葬管理条例》第二十二条第二款', fineAmount: 9000,
 *   discretionDegree: '一般', discretionBaseAmount: 3000 }], { benchmarks: EXAMPLE_BENCHMARK_SET });
 * r.issues.map((i) => i.rule); // ['major_case_no_legal_review', 'discretion_fine_out_of_band']
 */
export function checkEnforcement(
  records: readonly unknown[],
  options: CheckEnforcementOptions = {},
): EnforcementCheckResult {
  if (!Array.isArray(records))
    badInput('invalid_input', ['records'], { en: 'an array of records', zh: '记录数组' }, records);
  requireShape(checkOptionsShape, options, ['options'], 'invalid_options');
  const rules = options.rules ?? DEFAULT_ENFORCEMENT_RULES;
  if (options.today !== undefined && !isCivilDate(options.today)) {
    throw new CatalogError(
      'invalid_options',
      {
        zh: `today 须为日期：${describeValue(options.today)}`,
        en: `today must be a civil date: ${describeValue(options.today)}`,
      },
      {
        path: ['today'],
      },
    );
  }
  const issues: EnforcementIssue[] = [];
  let flagged = 0;
  records.forEach((raw, index) => {
    const before = issues.length;
    const record = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    const recordId = typeof record.recordId === 'string' ? record.recordId : undefined;
    const emit = (
      code: EnforcementRuleCode,
      fieldName: string,
      value: unknown,
      message: LocalizedMessage,
      extra: Partial<EnforcementIssue> = {},
    ) => {
      const r = rules.rules[code];
      if (!r?.enabled) return;
      issues.push({
        checkType: r.checkType,
        rule: code,
        index,
        ...(recordId === undefined ? {} : { recordId }),
        recordType: 'penalty',
        field: fieldName,
        value,
        message,
        severity: r.severity,
        source: r.source,
        ...extra,
      });
    };
    if (
      raw === null ||
      typeof raw !== 'object' ||
      Array.isArray(raw) ||
      (record.kind !== undefined && record.kind !== 'penalty')
    ) {
      emit('record_invalid', '', raw === null || typeof raw !== 'object' ? raw : record.kind, {
        zh: '不是行政处罚记录（须为对象，kind 为 penalty 或省略）',
        en: 'not a penalty record (an object whose kind is penalty or absent)',
      });
      if (issues.length > before) flagged++;
      return;
    }
    const setDate = field(record, 'setDate');
    const decided = typeof setDate === 'string' && isCivilDate(setDate) ? setDate : undefined;

    // 重大执法决定法制审核
    if (record.isMajorCase === true) {
      if (record.legalReviewed !== true) {
        emit('major_case_no_legal_review', 'legalReviewed', record.legalReviewed, {
          zh: '重大案件未经法制审核（是否法制审核须为“是”）',
          en: 'a major case needs legal review (legalReviewed must be true)',
        });
      } else {
        const reviewed = record.legalReviewDate;
        if (typeof reviewed === 'string' && decided && isCivilDate(reviewed) && reviewed > decided) {
          emit('legal_review_after_decision', 'legalReviewDate', reviewed, {
            zh: `法制审核日期 ${reviewed} 晚于处罚决定日期 ${decided}`,
            en: `legal review on ${reviewed} is after the decision on ${decided}`,
          });
        }
      }
    }

    // 行政执法公示
    if (decided) {
      const deadline = addWorkdays(decided, rules.publicityWorkdays);
      const published = (options.publishedDateOf ?? ((r) => r.publishedDate))(record);
      if (typeof published === 'string' && isCivilDate(published)) {
        if (published > deadline) {
          emit('publicity_late', 'publishedDate', published, {
            zh: `公示日期 ${published} 晚于期限 ${deadline}（决定后 ${rules.publicityWorkdays} 个工作日）`,
            en: `published ${published}, after the deadline ${deadline} (${rules.publicityWorkdays} working days after the decision)`,
          });
        }
      } else if (options.today !== undefined && options.today > deadline) {
        emit('publicity_missing', 'publishedDate', published, {
          zh: `公示期限 ${deadline} 已过，未见公示日期`,
          en: `the publicity deadline ${deadline} has passed and there is no publication date`,
        });
      }
    }

    // 裁量基准
    const set = options.benchmarks;
    if (set) {
      const entry = benchmarkEntryOf(set, record);
      if (!entry) {
        emit('discretion_no_benchmark', 'punishAccord', record.punishAccord, {
          zh: `裁量基准 ${set.id} ${set.version} 中没有与处罚依据对应的条目`,
          en: `benchmark set ${set.id} ${set.version} has no entry for this penalty basis`,
        });
      } else {
        const ref = { setId: set.id, version: set.version, entryId: entry.id, source: entry.source };
        const degree = (options.degreeOf ?? ((r) => r.discretionDegree))(record);
        if (typeof degree !== 'string' || degree.trim() === '') {
          emit(
            'discretion_degree_missing',
            'discretionDegree',
            degree,
            {
              zh: `处罚未注明裁量阶次（${entry.degrees.map((d) => d.degree).join('/')}），基准：${entry.violation}`,
              en: `no degree of circumstances (${entry.degrees.map((d) => d.degree).join('/')}); benchmark: ${entry.id}`,
            },
            { benchmark: ref },
          );
        } else {
          const band = entry.degrees.find((d) => d.degree === degree.trim());
          if (!band) {
            emit(
              'discretion_degree_unknown',
              'discretionDegree',
              degree,
              {
                zh: `裁量阶次“${degree}”不在基准 ${entry.id} 中`,
                en: `degree "${degree}" is not in benchmark ${entry.id}`,
              },
              { benchmark: ref },
            );
          } else if (typeof record.fineAmount === 'number') {
            const fine = record.fineAmount;
            let bounds: { min: number; max: number } | undefined = band.fine;
            if (!bounds && band.multiple) {
              const base = (options.baseAmountOf ?? ((r) => r.discretionBaseAmount))(record);
              if (typeof base === 'number' && Number.isFinite(base) && base >= 0) {
                bounds = { min: band.multiple.min * base, max: band.multiple.max * base };
              } else {
                emit(
                  'discretion_base_missing',
                  'discretionBaseAmount',
                  base,
                  {
                    zh: `${degree}幅度为${band.base ?? '基数'}的${band.multiple.min}–${band.multiple.max}倍，缺少基数`,
                    en: `the ${degree} band is ${band.multiple.min}–${band.multiple.max}× ${band.base ?? 'a base amount'}; the base is missing`,
                  },
                  { benchmark: ref },
                );
              }
            }
            if (bounds && (fine < bounds.min - 1e-6 || fine > bounds.max + 1e-6)) {
              emit(
                'discretion_fine_out_of_band',
                'fineAmount',
                fine,
                {
                  zh: `罚款 ${fine} 元超出“${degree}”幅度 ${bounds.min}–${bounds.max} 元（${entry.violation}；来源：「${entry.source}」）`,
                  en: `fine ${fine} is outside the "${degree}" band ${bounds.min}–${bounds.max} (${entry.id}; source: 「${entry.source}」)`,
                },
                { benchmark: ref },
              );
            }
          }
        }
      }
    }
    if (issues.slice(before).some((i) => i.severity === 'error')) flagged++;
  });
  return { checked: records.length, flagged, issues };
}
