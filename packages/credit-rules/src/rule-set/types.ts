import type { CivilDate, SourceStatus as CoreSourceStatus } from '@jianguan/core';
import type { CalendarDuration } from '../dates/civil-date.js';
import type { AbnormalListReason, PenaltyKind, SpotCheckResultCode } from '../facts/codes.js';
import type { CreditFactKind } from '../facts/credit-fact.js';

/**
 * A text in Chinese and English.
 *
 * @example
 * const t: BilingualText = { zh: '信用风险低', en: 'low credit risk' };
 */
export interface BilingualText {
  readonly zh: string;
  readonly en: string;
}

/**
 * How sure we are of a cited rule: the subset of core's `SourceStatus` credit rules accept — `verified` (seen
 * in a primary or named source), `inferred` (a reasonable reading, a configurable default) or `unverified`
 * (recalled, or read only in a low-authority copy: check before relying on it).
 *
 * @deprecated Use `SourceStatus` from `@jianguan/core` (this alias is `Extract<SourceStatus, 'verified' |
 * 'inferred' | 'unverified'>`, the values rule sets and publicity regimes accept).
 * @example
 * const s: SourceStatus = 'inferred';
 */
export type SourceStatus = Extract<CoreSourceStatus, 'verified' | 'inferred' | 'unverified'>;

/**
 * A document a rule set cites (规范性文件).
 *
 * @example
 * const doc: SourceDocument = { id: 'samr-2022-6', title: '国市监信发〔2022〕6号', ref: 'sampling-and-credit.md §B1' };
 */
export interface SourceDocument {
  readonly id: string;
  /** The document's title or number. */
  readonly title: string;
  /** Where to read it: a URL or a reference section. */
  readonly ref: string;
}

/**
 * A citation from a rule or a measure to one of the rule set's {@link SourceDocument}s.
 *
 * @example
 * const cite: SourceCitation = { doc: 'samr-2022-6', article: '三(二)', status: 'verified' };
 */
export interface SourceCitation {
  /** The `id` of a document in the rule set's `sources`. */
  readonly doc: string;
  /** Article or section, when known. */
  readonly article?: string;
  /** How sure the citation is: `verified`, `inferred` or `unverified` (core's `SourceStatus`). */
  readonly status: Extract<CoreSourceStatus, 'verified' | 'inferred' | 'unverified'>;
  readonly note?: string;
}

/**
 * Selects facts of one kind (what a `count` or `sum` predicate looks at). All given conditions must hold.
 *
 * @example
 * const heavy: FactFilter = { kind: 'penalty', penaltyKinds: ['04', '05'], within: { years: 3 } };
 */
export interface FactFilter {
  readonly kind: CreditFactKind;
  /** Penalty: has at least one of these kinds. */
  readonly penaltyKinds?: readonly PenaltyKind[];
  /** Penalty: fine amount ≥ this (yuan). */
  readonly minFine?: number;
  /** Penalty: procedure. */
  readonly procedure?: 'simple' | 'general';
  /** Spot check: has at least one of these result codes. */
  readonly resultCodes?: readonly SpotCheckResultCode[];
  /** Abnormal list: listed for one of these reasons. */
  readonly reasons?: readonly AbnormalListReason[];
  /** Commitment breach: outcome. */
  readonly outcome?: 'missed' | 'failed';
  /** Complaint: substantiated or not. */
  readonly substantiated?: boolean;
  /** List entries (and external grades): only those still in force on the as-of date. */
  readonly inForce?: boolean;
  /** Only facts dated within this look-back window ending on the as-of date: date > asOf − within. */
  readonly within?: CalendarDuration;
  /** Only facts dated at least this long before the as-of date (e.g. listed for ≥ 3 years). */
  readonly olderThan?: CalendarDuration;
}

/**
 * The predicate vocabulary (判定条件). Small and safe: no code, only these operators.
 *
 * - `always` — true.
 * - `all` / `any` / `not` — combinators.
 * - `count` — the number of matching facts is in `[atLeast ?? 1, atMost ?? ∞]`.
 * - `sum` — the total fine amount of matching penalties is ≥ `atLeast`.
 * - `externalGrade` — the latest grade from `source` in force on the as-of date is one of `in`.
 * - `registered` — age since registration is ≥ `atLeast` and < `lessThan` (false if unknown).
 *
 * @example
 * const p: Predicate = { op: 'all', of: [{ op: 'registered', atLeast: { years: 3 } }, { op: 'not', of: { op: 'count', where: { kind: 'penalty' } } }] };
 */
export type Predicate =
  | { readonly op: 'always' }
  | { readonly op: 'all'; readonly of: readonly Predicate[] }
  | { readonly op: 'any'; readonly of: readonly Predicate[] }
  | { readonly op: 'not'; readonly of: Predicate }
  | { readonly op: 'count'; readonly where: FactFilter; readonly atLeast?: number; readonly atMost?: number }
  | { readonly op: 'sum'; readonly where: FactFilter; readonly atLeast: number }
  | { readonly op: 'externalGrade'; readonly source: string; readonly in: readonly string[] }
  | { readonly op: 'registered'; readonly atLeast?: CalendarDuration; readonly lessThan?: CalendarDuration };

/**
 * What a fired rule does to the grade.
 *
 * - `assign` — the grade is at least as bad as `grade` (the result is the worst assigned grade).
 * - `downgrade` — after all assignments, move `steps` classes worse.
 * - `upgrade` — after all assignments, move `steps` classes better (for positive records; keep its
 *   condition free of negative facts so that a new negative fact can only switch it off).
 * - `worst` — override: straight to the worst class, later rules are not evaluated (直接列为最低等级).
 *
 * With no `assign` fired the rule set's `defaultGrade` applies; then downgrades and upgrades are added
 * and the result is clamped to the grade list.
 *
 * @example
 * const e: RuleEffect = { type: 'assign', grade: 'C' };
 */
export type RuleEffect =
  | { readonly type: 'assign'; readonly grade: string }
  | { readonly type: 'downgrade'; readonly steps: number }
  | { readonly type: 'upgrade'; readonly steps: number }
  | { readonly type: 'worst' };

/**
 * One grading rule: when `when` holds as of the date, apply `effect`. Evidence is the ids of the facts
 * that made `when` true.
 *
 * @example
 * const rule: CreditRule = {
 *   id: 'serious-list', title: { zh: '列入严重违法失信名单', en: 'on the serious-violation list' },
 *   source: { doc: 'samr-order-44', status: 'verified' },
 *   when: { op: 'count', where: { kind: 'serious_list', inForce: true } }, effect: { type: 'worst' },
 * };
 */
export interface CreditRule {
  /** Stable id, kebab-case; diffs and evidence use it. */
  readonly id: string;
  readonly title: BilingualText;
  readonly source: SourceCitation;
  readonly when: Predicate;
  readonly effect: RuleEffect;
}

/**
 * One credit class (信用等级), listed best first in {@link CreditRuleSet.grades}.
 *
 * @example
 * const a: GradeDefinition = { code: 'A', label: { zh: '信用风险低', en: 'low credit risk' } };
 */
export interface GradeDefinition {
  readonly code: string;
  readonly label: BilingualText;
}

/**
 * When on-site inspections happen for a class: `triggered_only` (A: only on complaints, alerts, referrals
 * and legal mandates, "无事不扰"), `normal`, `when_needed` (C), `proactive` (D, "无处不在").
 *
 * @example
 * const p: OnSitePolicy = 'triggered_only';
 */
export type OnSitePolicy = 'triggered_only' | 'normal' | 'when_needed' | 'proactive';

/**
 * A sampling-ratio band as fractions 0..1 (抽查比例), `min ≤ default ≤ max`.
 *
 * @example
 * const r: SamplingRatioBand = { min: 0.05, max: 0.2, default: 0.05 };
 */
export interface SamplingRatioBand {
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

/**
 * The supervision measures a class gets (差异化监管措施), as data.
 *
 * @example
 * const m: GradeMeasuresSpec = {
 *   samplingRatio: { min: 0.05, max: 0.2, default: 0.05 }, yearlyInspectionCap: 1, onSitePolicy: 'normal',
 *   keySupervision: false, jointPunishment: [], source: { doc: 'samr-2022-6', status: 'verified' },
 * };
 */
export interface GradeMeasuresSpec {
  readonly samplingRatio: SamplingRatioBand;
  /** The most inspections of one entity per year (检查频次上限); `null` = as needed, no cap. */
  readonly yearlyInspectionCap: number | null;
  readonly onSitePolicy: OnSitePolicy;
  /** Whether the entity is a key-supervision object (重点监管对象). */
  readonly keySupervision: boolean;
  /** Ids into {@link CreditRuleSet.jointPunishmentMeasures}. */
  readonly jointPunishment: readonly string[];
  readonly source: SourceCitation;
}

/**
 * A joint-punishment measure (联合惩戒措施).
 *
 * @example
 * const m: JointPunishmentMeasure = { title: { zh: '不适用告知承诺制', en: 'no notify-and-commit' }, source: { doc: 'samr-order-44', status: 'unverified' } };
 */
export interface JointPunishmentMeasure {
  readonly title: BilingualText;
  readonly source: SourceCitation;
}

/**
 * A versioned, declarative credit rule set (信用分级分类规则集). Authored as JSON or TS data, checked by
 * {@link parseRuleSet}, compiled once by {@link compileRuleSet}.
 *
 * @example
 * const set: CreditRuleSet = parseRuleSet(JSON.parse(text));
 */
export interface CreditRuleSet {
  /** Format marker: `'jianguan.credit-rule-set/1'`. */
  readonly format: 'jianguan.credit-rule-set/1';
  /** Stable id, e.g. `'samr-baseline'` or `'sd-five-class'`. */
  readonly id: string;
  /** Semantic version (`1.2.0`): major for changed grades, minor for new rules, patch for wording. */
  readonly version: string;
  readonly name: BilingualText;
  /** Who publishes it (region code or authority). */
  readonly jurisdiction: string;
  readonly effectiveFrom: CivilDate;
  readonly sources: readonly SourceDocument[];
  /** Best first. */
  readonly grades: readonly GradeDefinition[];
  /** The grade when no `assign` rule fires. */
  readonly defaultGrade: string;
  /** Whether grades may be published (SAMR: recorded under the name; Shandong: 不公开). */
  readonly publicGrades: boolean;
  /** When true, every class must have a sampling ratio above 0 (Shandong 不免抽). */
  readonly noClassExemptFromSampling: boolean;
  /** Evaluated in order. */
  readonly rules: readonly CreditRule[];
  /** One entry per grade code. */
  readonly measures: Readonly<Record<string, GradeMeasuresSpec>>;
  readonly jointPunishmentMeasures: Readonly<Record<string, JointPunishmentMeasure>>;
}
