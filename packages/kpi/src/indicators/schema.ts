import { PUBLICATION_CHANNELS, SOURCE_STATUSES } from '@jianguan/core';
import { z } from 'zod';
import { above, nearlyEqual } from '../scoring/tolerance.js';

/**
 * The six first-level evaluation dimensions of 监管履职评价 (seed 002, art. 35 and 43).
 *
 * @example
 * dimensionSchema.parse('数据汇聚');
 */
export const dimensionSchema = z.enum([
  '清单管理',
  '数据汇聚',
  '监管履职',
  '信息化建设',
  '系统信息维护',
  '组织保障',
]);

/**
 * An evaluation dimension (评价维度).
 *
 * @example
 * const d: Dimension = '清单管理';
 */
export type Dimension = z.infer<typeof dimensionSchema>;

/**
 * English names of the dimensions, for English output.
 *
 * @example
 * DIMENSION_NAMES_EN['数据汇聚']; // 'data aggregation'
 */
export const DIMENSION_NAMES_EN: Readonly<Record<Dimension, string>> = {
  清单管理: 'catalog management',
  数据汇聚: 'data aggregation',
  监管履职: 'duty performance',
  信息化建设: 'IT build-out',
  系统信息维护: 'system upkeep',
  组织保障: 'organisation',
};

const localizedSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) });
const periodIdSchema = z
  .string()
  .regex(
    /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/,
    'period id like 2023, 2023-Q2, 2023-05 (考核期编号，如 2023、2023-Q2、2023-05)',
  );
const workdaysSchema = z.number().int().min(0).max(366);

/**
 * Where a number comes from (出处): a seed file, a reference section or a regulation, and how sure it is —
 * `confirmed` (seen in the source), `partial` (secondary source) or `inferred` (a configurable default): the
 * subset of core's `SourceStatus` indicator sets use.
 *
 * @example
 * sourceSchema.parse({ ref: 'seed 000 task 12', status: 'confirmed' });
 */
export const sourceSchema = z.object({
  ref: z.string().min(1),
  status: z.enum(SOURCE_STATUSES).extract(['confirmed', 'partial', 'inferred']),
  note: z.string().optional(),
  /**
   * The fields this source supports (dotted paths such as `'points'`, `'target'`,
   * `'metric.allowedWorkdays'`, `'conventions.passMark'`); a source without `covers` supports every field
   * no other source of the same list claims. The sources ledger cites each number by it.
   */
  covers: z.array(z.string().min(1)).min(1).optional(),
});

/**
 * A source citation; see {@link sourceSchema}.
 *
 * @example
 * const s: SourceRef = { ref: 'kpi-and-interface.md §1.1', status: 'confirmed' };
 */
export type SourceRef = z.infer<typeof sourceSchema>;

/**
 * What an indicator measures (度量), discriminated on `type`. Ratio metrics yield numerator ÷ denominator;
 * count metrics a count per period; timeliness metrics a list of due records with their working days late
 * (usable as an on-time ratio or with per-record deductions).
 *
 * @example
 * metricSchema.parse({ type: 'behaviour_report_timeliness', allowedWorkdays: 2 });
 */
export const metricSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('catalog_claim_rate') }),
  z.object({ type: z.literal('inspection_list_completion') }),
  z.object({ type: z.literal('list_completeness') }),
  z.object({ type: z.literal('element_accuracy') }),
  z.object({ type: z.literal('behaviour_coverage') }),
  z.object({ type: z.literal('behaviour_volume') }),
  z.object({ type: z.literal('behaviour_report_timeliness'), allowedWorkdays: workdaysSchema }),
  z.object({ type: z.literal('behaviour_fix_timeliness'), allowedWorkdays: workdaysSchema }),
  z.object({ type: z.literal('officer_registration_rate') }),
  z.object({
    type: z.literal('officer_activity_rate'),
    minLoginsPerMonth: z.number().int().min(0),
    minOnlineDaysPerMonth: z.number().int().min(0).max(31),
  }),
  z.object({
    type: z.literal('publication_count'),
    channel: z.enum(PUBLICATION_CHANNELS),
  }),
  z.object({ type: z.literal('clue_feedback_rate') }),
  z.object({ type: z.literal('clue_feedback_timeliness'), allowedWorkdays: workdaysSchema }),
  z.object({ type: z.literal('double_notification_claim_rate') }),
  z.object({ type: z.literal('double_notification_claim_timeliness'), allowedWorkdays: workdaysSchema }),
  z.object({ type: z.literal('manual_assessment'), key: z.string().min(1) }),
]);

/**
 * A metric definition; see {@link metricSchema}.
 *
 * @example
 * const m: Metric = { type: 'publication_count', channel: 'work_news' };
 */
export type Metric = z.infer<typeof metricSchema>;

/**
 * The kind of value a metric yields.
 *
 * @example
 * const k: MetricValueKind = 'ratio';
 */
export type MetricValueKind = 'ratio' | 'count' | 'timeliness';

/**
 * The value kind of each metric type.
 *
 * @example
 * METRIC_VALUE_KIND.behaviour_coverage; // 'ratio'
 */
export const METRIC_VALUE_KIND: Readonly<Record<Metric['type'], MetricValueKind>> = {
  catalog_claim_rate: 'ratio',
  inspection_list_completion: 'ratio',
  list_completeness: 'ratio',
  element_accuracy: 'ratio',
  behaviour_coverage: 'ratio',
  behaviour_volume: 'count',
  behaviour_report_timeliness: 'timeliness',
  behaviour_fix_timeliness: 'timeliness',
  officer_registration_rate: 'ratio',
  officer_activity_rate: 'ratio',
  publication_count: 'count',
  clue_feedback_rate: 'ratio',
  clue_feedback_timeliness: 'timeliness',
  double_notification_claim_rate: 'ratio',
  double_notification_claim_timeliness: 'timeliness',
  manual_assessment: 'ratio',
};

/**
 * A target (目标值): a number, or a table that steps per period — `initial` until the first step's `from`
 * period, then each step's `value` from its period on (e.g. coverage 40 % in 2023-Q2, 50 % from 2023-Q3).
 * Ratios are fractions 0..1; counts are counts per indicator period.
 *
 * @example
 * targetSchema.parse({ initial: 0.3, steps: [{ from: '2023-Q2', value: 0.4 }] });
 */
export const targetSchema = z.union([
  z.number().min(0),
  z.object({
    initial: z.number().min(0),
    steps: z.array(z.object({ from: periodIdSchema, value: z.number().min(0) })).min(1),
  }),
]);

/**
 * A target; see {@link targetSchema}.
 *
 * @example
 * const t: Target = 1;
 */
export type Target = z.infer<typeof targetSchema>;

const base = {
  id: z.string().regex(/^[a-z][a-z0-9_.-]*$/, 'lower-case id (编号须为小写字母、数字和 _.-)'),
  name: localizedSchema,
  dimension: dimensionSchema,
  period: z.enum(['month', 'quarter', 'year']),
  points: z.number().positive(),
  metric: metricSchema,
  source: z.array(sourceSchema).min(1),
  description: localizedSchema.optional(),
};

/**
 * How a ratio indicator turns a value into points:
 * `proportional` — points × min(1, value ÷ target) (GB/T 33356 style weight × ratio);
 * `all_or_nothing` — full points at or above target, else 0;
 * `per_percent_below` — `points` deducted per percentage point below target.
 *
 * @example
 * ratioScoringSchema.parse({ method: 'per_percent_below', points: 0.5 });
 */
export const ratioScoringSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('proportional') }),
  z.object({ method: z.literal('all_or_nothing') }),
  z.object({ method: z.literal('per_percent_below'), points: z.number().positive() }),
]);

/**
 * Ratio scoring; see {@link ratioScoringSchema}.
 *
 * @example
 * const s: RatioScoring = { method: 'proportional' };
 */
export type RatioScoring = z.infer<typeof ratioScoringSchema>;

/**
 * One assessment indicator (考核指标), discriminated on `kind`:
 * - `ratio` — a rate against a (possibly stepped) target;
 * - `quota` — a count per indicator period, `perShortfall` points off per missing unit;
 * - `timeliness` — per-record deductions for records later than `allowedWorkdays` working days;
 * - `veto` — 单项否决: the whole scorecard fails when the value is below `threshold`;
 * - `bonus` — 加分: `perPercentAbove` (ratio) or `perUnitAbove` (count) points above `above`, up to `points`.
 *
 * Every deduction is capped at the indicator's `points`.
 *
 * @example
 * indicatorSchema.parse({
 *   id: 'work-news', name: { zh: '工作动态', en: 'work news' }, dimension: '系统信息维护', period: 'month',
 *   kind: 'quota', points: 5, metric: { type: 'publication_count', channel: 'work_news' },
 *   target: 20, perShortfall: 0.1, source: [{ ref: 'seed 000 task 16', status: 'confirmed' }],
 * });
 */
export const indicatorSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('ratio'), target: targetSchema, scoring: ratioScoringSchema }),
  z.object({ ...base, kind: z.literal('quota'), target: targetSchema, perShortfall: z.number().positive() }),
  z.object({
    ...base,
    kind: z.literal('timeliness'),
    perRecord: z.number().min(0),
    perWorkdayLate: z.number().min(0),
  }),
  z.object({ ...base, kind: z.literal('veto'), points: z.number().min(0), threshold: z.number().min(0) }),
  z.object({
    ...base,
    kind: z.literal('bonus'),
    above: targetSchema,
    perPercentAbove: z.number().positive().optional(),
    perUnitAbove: z.number().positive().optional(),
  }),
]);

/**
 * An indicator; see {@link indicatorSchema}.
 *
 * @example
 * const kinds: Indicator['kind'][] = ['ratio', 'quota', 'timeliness', 'veto', 'bonus'];
 */
export type Indicator = z.infer<typeof indicatorSchema>;

/**
 * The scoring conventions of a set (计分规则), after 国办秘函〔2019〕19号: a deduction part worth
 * `deductionPoints` (100), a bonus part capped at `bonusPoints` (30 in the national inspection indicators) that only counts when the deduction
 * score is above `bonusRequiresAbove` (80), any veto fails the unit, and a total below `passMark` (60) fails.
 *
 * @example
 * conventionsSchema.parse({ deductionPoints: 100, bonusPoints: 20, bonusRequiresAbove: 80, passMark: 60, decimals: 2 });
 */
export const conventionsSchema = z.object({
  deductionPoints: z.number().positive(),
  bonusPoints: z.number().min(0),
  bonusRequiresAbove: z.number().min(0).nullable(),
  passMark: z.number().min(0),
  decimals: z.number().int().min(0).max(6),
});

/**
 * Scoring conventions; see {@link conventionsSchema}.
 *
 * @example
 * const c: ScoringConventions = { deductionPoints: 100, bonusPoints: 20, bonusRequiresAbove: 80, passMark: 60, decimals: 2 };
 */
export type ScoringConventions = z.infer<typeof conventionsSchema>;

/**
 * A versioned indicator set (考核指标体系): conventions, indicators and the sources behind them.
 * The deduction indicators' points must add up to `conventions.deductionPoints`; bonus indicators' points to
 * at most `conventions.bonusPoints`; ids are unique.
 *
 * @example
 * const parsed = indicatorSetSchema.parse(baselineIndicatorSet);
 */
export const indicatorSetSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_.-]*$/),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'semver such as 1.0.0 (版本号须为 1.0.0 形式)'),
    name: localizedSchema,
    description: localizedSchema.optional(),
    extends: z.object({ id: z.string(), version: z.string() }).optional(),
    conventions: conventionsSchema,
    indicators: z.array(indicatorSchema).min(1),
    sources: z.array(sourceSchema).min(1),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    let deduction = 0;
    let bonus = 0;
    set.indicators.forEach((indicator, i) => {
      if (seen.has(indicator.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'id'],
          message: `duplicate id ${indicator.id} (指标编号重复：${indicator.id})`,
        });
      }
      seen.add(indicator.id);
      const valueKind = METRIC_VALUE_KIND[indicator.metric.type];
      const allowed: Record<Indicator['kind'], readonly MetricValueKind[]> = {
        ratio: ['ratio', 'timeliness'],
        quota: ['count'],
        timeliness: ['timeliness'],
        veto: ['ratio', 'count', 'timeliness'],
        bonus: ['ratio', 'count', 'timeliness'],
      };
      if (!allowed[indicator.kind].includes(valueKind)) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'metric'],
          message: `a ${indicator.kind} indicator cannot use the ${valueKind} metric ${indicator.metric.type} (${indicator.kind} 类指标不能使用 ${valueKind} 类度量 ${indicator.metric.type})`,
        });
      }
      if (indicator.kind === 'bonus') {
        bonus += indicator.points;
        const count = valueKind === 'count';
        if (count ? indicator.perUnitAbove === undefined : indicator.perPercentAbove === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['indicators', i],
            message: count
              ? 'a count bonus needs perUnitAbove (计数类加分项须给出 perUnitAbove)'
              : 'a ratio bonus needs perPercentAbove (比率类加分项须给出 perPercentAbove)',
          });
        }
      } else if (indicator.kind !== 'veto') {
        deduction += indicator.points;
      }
    });
    if (!nearlyEqual(deduction, set.conventions.deductionPoints)) {
      ctx.addIssue({
        code: 'custom',
        path: ['indicators'],
        message: `deduction indicators add up to ${deduction}, conventions say ${set.conventions.deductionPoints} (扣分指标合计 ${deduction} 分，与约定的 ${set.conventions.deductionPoints} 分不符)`,
      });
    }
    if (above(bonus, set.conventions.bonusPoints)) {
      ctx.addIssue({
        code: 'custom',
        path: ['indicators'],
        message: `bonus indicators add up to ${bonus}, more than the bonus cap ${set.conventions.bonusPoints} (加分指标合计 ${bonus} 分，超过加分上限 ${set.conventions.bonusPoints} 分)`,
      });
    }
  });

/**
 * A validated indicator set; see {@link indicatorSetSchema}.
 *
 * @example
 * const set: IndicatorSet = defineIndicatorSet(json);
 */
export type IndicatorSet = z.infer<typeof indicatorSetSchema>;
