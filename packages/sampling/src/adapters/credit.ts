import { describeValue } from '@jianguan/core';
import { SamplingInputError } from '../errors.js';
import type { StratumSpec } from '../plan/types.js';

/**
 * The part of `@jianguan/credit-rules`' per-grade measures that sampling reads — its `GradeMeasuresSpec`
 * (`ruleSet.measures[grade]`) and `GradeMeasures` (`measuresForGrade`, `measuresTable`) both satisfy it (a
 * type test keeps it so): the ratio band (fractions 0..1), the yearly cap, the on-site policy and key
 * supervision.
 *
 * @example
 * const m: GradeSamplingMeasures = { samplingRatio: { min: 0.01, max: 0.05, default: 0.03 }, yearlyInspectionCap: 1, onSitePolicy: 'triggered_only', keySupervision: false };
 */
export interface GradeSamplingMeasures {
  readonly samplingRatio: { readonly min: number; readonly max: number; readonly default: number };
  readonly yearlyInspectionCap: number | null;
  readonly onSitePolicy: string;
  readonly keySupervision: boolean;
}

/**
 * {@link GradeSamplingMeasures} with its grade code, the shape of one element of credit-rules'
 * `measuresTable(ruleSet)` (best grade first).
 *
 * @example
 * const rows: readonly GradedSamplingMeasures[] = measuresTable(samrBaselineRuleSet);
 */
export interface GradedSamplingMeasures extends GradeSamplingMeasures {
  readonly grade: string;
}

/**
 * Options of {@link strataFromGradeMeasures}.
 *
 * @example
 * const o: GradeStrataOptions = { ratios: { D: 0.3 }, ungradedKey: 'B' };
 */
export interface GradeStrataOptions {
  /** Per-grade ratio overrides; each must lie in the grade's band. */
  readonly ratios?: Readonly<Record<string, number>>;
  readonly rounding?: 'ceil' | 'round' | 'floor';
  /**
   * Grades in this order, and only these (default: the order of a `measuresTable` array, best grade first,
   * or the keys of a record in code-point order).
   */
  readonly order?: readonly string[];
  /** Extra filter ANDed into every stratum (e.g. `{ industry: ['food'] }`). */
  readonly where?: Readonly<Record<string, readonly string[]>>;
}

/**
 * Turns credit-rules' per-grade measures into strata (按信用等级分层): one stratum per grade with the default
 * (or overridden) ratio, the grade's yearly cap, key supervision at 100 %, and the "无事不扰" quiet policy
 * for grades whose on-site policy is `'triggered_only'` (A class). Accepts credit-rules' `measuresTable(ruleSet)`
 * (an array, best grade first) or a record by grade such as `ruleSet.measures`. Plain ratios work without
 * credit-rules: write the {@link StratumSpec}s directly.
 *
 * @example
 * import { measuresTable, samrBaselineRuleSet } from '@jianguan/credit-rules';
 * const strata = strataFromGradeMeasures(measuresTable(samrBaselineRuleSet), { ratios: { C: 0.4 } });
 * strata.map((s) => s.key); // ['A', 'B', 'C', 'D']
 */
export function strataFromGradeMeasures(
  measures: Readonly<Record<string, GradeSamplingMeasures>> | readonly GradedSamplingMeasures[],
  options: GradeStrataOptions = {},
): StratumSpec[] {
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new SamplingInputError(
      'invalid_options',
      { zh: '选项应为对象', en: 'options must be an object' },
      { path: ['options'] },
    );
  const byGrade = new Map<string, GradeSamplingMeasures>();
  if (Array.isArray(measures)) {
    for (const [i, m] of (measures as readonly GradedSamplingMeasures[]).entries()) {
      if (m === null || typeof m !== 'object' || typeof m.grade !== 'string' || byGrade.has(m.grade)) {
        throw new SamplingInputError(
          'invalid_measures',
          {
            zh: '每条监管措施必须有唯一的等级代码',
            en: 'every measures row needs a distinct grade code',
          },
          { path: ['measures', i, 'grade'] },
        );
      }
      byGrade.set(m.grade, m);
    }
  } else if (measures !== null && typeof measures === 'object') {
    const record = measures as Readonly<Record<string, GradeSamplingMeasures>>;
    for (const grade of Object.keys(record).sort()) byGrade.set(grade, record[grade]!);
  } else {
    throw new SamplingInputError(
      'invalid_measures',
      { zh: '缺少分级监管措施', en: 'measures by grade are required' },
      { path: ['measures'] },
    );
  }
  const grades = options.order ?? [...byGrade.keys()];
  for (const grade of Object.keys(options.ratios ?? {})) {
    if (!grades.includes(grade)) {
      throw new SamplingInputError(
        'unknown_grade',
        {
          zh: `比例覆盖中的等级 ${grade} 不在分层中`,
          en: `ratio override for grade ${grade}, which is not drawn`,
        },
        { path: ['ratios', grade], details: { grade } },
      );
    }
  }
  if (!Array.isArray(grades) || grades.some((g) => typeof g !== 'string'))
    throw new SamplingInputError(
      'invalid_options',
      { zh: 'order 应为等级代码数组', en: 'order must be an array of grade codes' },
      { path: ['order'] },
    );
  for (const key of ['ratios', 'where'] as const) {
    const v = options[key];
    if (v !== undefined && (v === null || typeof v !== 'object' || Array.isArray(v)))
      throw new SamplingInputError(
        'invalid_options',
        { zh: `${key} 应为对象`, en: `${key} must be an object` },
        { path: [key] },
      );
  }
  return grades.map((grade) => {
    const m = byGrade.get(grade);
    const band = (m as { samplingRatio?: unknown } | undefined)?.samplingRatio as
      | Record<string, unknown>
      | undefined;
    if (
      m !== undefined &&
      (m === null ||
        typeof m !== 'object' ||
        band === null ||
        typeof band !== 'object' ||
        typeof band.default !== 'number' ||
        typeof band.min !== 'number' ||
        typeof band.max !== 'number')
    )
      throw new SamplingInputError(
        'invalid_measures',
        {
          zh: `等级 ${grade} 的监管措施缺少抽查比例区间`,
          en: `measures for grade ${grade} lack a sampling-ratio band`,
        },
        { path: ['measures', grade, 'samplingRatio'] },
      );
    if (m === undefined) {
      throw new SamplingInputError(
        'unknown_grade',
        { zh: `没有等级 ${grade} 的监管措施`, en: `no measures for grade ${grade}` },
        { path: ['order'], details: { grade } },
      );
    }
    const where = { ...(options.where ?? {}), grade: [grade] };
    const base = {
      key: grade,
      where,
      yearlyCap: m.yearlyInspectionCap,
      ...(m.onSitePolicy === 'triggered_only' ? { quiet: true } : {}),
      ...(options.rounding === undefined ? {} : { rounding: options.rounding }),
    };
    if (m.keySupervision) return { ...base, keySupervision: true };
    const ratio = options.ratios?.[grade] ?? m.samplingRatio.default;
    if (typeof ratio !== 'number' || !(ratio >= m.samplingRatio.min && ratio <= m.samplingRatio.max)) {
      throw new SamplingInputError(
        'ratio_out_of_band',
        {
          zh: `等级 ${grade} 的抽查比例 ${describeValue(ratio)} 超出规定区间`,
          en: `ratio ${describeValue(ratio)} for grade ${grade} is outside [${m.samplingRatio.min}, ${m.samplingRatio.max}]`,
        },
        { path: ['ratios', grade], details: { ratio, band: m.samplingRatio } },
      );
    }
    return { ...base, ratio };
  });
}
