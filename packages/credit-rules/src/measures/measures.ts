import { JianguanError } from '@jianguan/core';
import type { CompiledRuleSet } from '../engine/compile.js';
import { requireRuleSet } from '../rule-set/parse.js';
import type {
  BilingualText,
  CreditRuleSet,
  OnSitePolicy,
  SamplingRatioBand,
  SourceCitation,
} from '../rule-set/types.js';

/**
 * A joint-punishment measure resolved from its id.
 *
 * @example
 * const m: ResolvedJointPunishment = { id: 'no-notify-commit', title: { zh: '不适用告知承诺制', en: 'no notify-and-commit' }, source: { doc: 'samr-order-44', status: 'unverified' } };
 */
export interface ResolvedJointPunishment {
  readonly id: string;
  readonly title: BilingualText;
  readonly source: SourceCitation;
}

/**
 * The supervision measures for one grade (分级分类监管措施), as the sampling package consumes them.
 * Ratios are fractions 0..1.
 *
 * @example
 * const m: GradeMeasures = measuresForGrade(samrBaselineRuleSet, 'A');
 * m.samplingRatio.default; // 0.03
 * m.onSitePolicy; // 'triggered_only'
 */
export interface GradeMeasures {
  readonly grade: string;
  readonly samplingRatio: SamplingRatioBand;
  readonly yearlyInspectionCap: number | null;
  readonly onSitePolicy: OnSitePolicy;
  readonly keySupervision: boolean;
  readonly jointPunishment: readonly ResolvedJointPunishment[];
  readonly source: SourceCitation;
}

/**
 * Thrown when asking for a grade a rule set does not define.
 *
 * @example
 * try { measuresForGrade(samrBaselineRuleSet, 'E'); } catch (e) { (e as UnknownGradeError).code; } // 'unknown_grade'
 */
export class UnknownGradeError extends JianguanError {
  override readonly name = 'UnknownGradeError' as const;
}

function unwrap(ruleSet: CreditRuleSet | CompiledRuleSet): CreditRuleSet {
  requireRuleSet(ruleSet);
  return 'ruleSet' in ruleSet && typeof (ruleSet as CompiledRuleSet).grade === 'function'
    ? (ruleSet as CompiledRuleSet).ruleSet
    : (ruleSet as CreditRuleSet);
}

/**
 * The measures a rule set attaches to a grade: sampling-ratio band and default, yearly inspection cap,
 * on-site policy, key-supervision flag and joint-punishment measures.
 *
 * @example
 * measuresForGrade(samrBaselineRuleSet, 'D').jointPunishment.map((m) => m.id);
 */
export function measuresForGrade(ruleSet: CreditRuleSet | CompiledRuleSet, grade: string): GradeMeasures {
  const set = unwrap(ruleSet);
  const spec = Object.hasOwn(set.measures, grade) ? set.measures[grade] : undefined;
  if (spec === undefined) {
    const known = set.grades.map((g) => g.code).join(', ');
    throw new UnknownGradeError(
      'unknown_grade',
      {
        zh: `规则集 ${set.id} 没有等级 ${grade}（可用：${known}）`,
        en: `rule set ${set.id} has no grade ${grade} (known: ${known})`,
      },
      { path: ['grade'], details: { grade, ruleSetId: set.id } },
    );
  }
  return {
    grade,
    samplingRatio: { ...spec.samplingRatio },
    yearlyInspectionCap: spec.yearlyInspectionCap,
    onSitePolicy: spec.onSitePolicy,
    keySupervision: spec.keySupervision,
    jointPunishment: spec.jointPunishment.map((id) => {
      const m = set.jointPunishmentMeasures[id]!;
      return { id, title: m.title, source: m.source };
    }),
    source: spec.source,
  };
}

/**
 * The measures for every grade of a rule set, best grade first.
 *
 * @example
 * measuresTable(sdFiveClassRuleSet).map((m) => [m.grade, m.samplingRatio.default]);
 */
export function measuresTable(ruleSet: CreditRuleSet | CompiledRuleSet): GradeMeasures[] {
  const set = unwrap(ruleSet);
  return set.grades.map((g) => measuresForGrade(set, g.code));
}

/**
 * The default sampling ratio per grade (a plain map the sampling package can use as per-stratum ratios).
 *
 * @example
 * samplingRatiosByGrade(samrBaselineRuleSet); // { A: 0.03, B: 0.05, C: 0.3, D: 1 }
 */
export function samplingRatiosByGrade(ruleSet: CreditRuleSet | CompiledRuleSet): Record<string, number> {
  const set = unwrap(ruleSet);
  const out: Record<string, number> = {};
  for (const g of set.grades) out[g.code] = set.measures[g.code]!.samplingRatio.default;
  return out;
}
