import type { LocalizedMessage } from '@jianguan/core';
import type { Dimension, Indicator, SourceRef } from '../indicators/schema.js';

/**
 * Why a record is behind a deduction.
 *
 * @example
 * const r: EvidenceReason = 'late_report';
 */
export type EvidenceReason =
  | 'late_report'
  | 'late_fix'
  | 'unfixed'
  | 'uncovered'
  | 'unclaimed'
  | 'no_inspection_list'
  | 'incomplete_elements'
  | 'inaccurate_elements'
  | 'unregistered'
  | 'inactive'
  | 'missing_feedback'
  | 'late_feedback'
  | 'unclaimed_notice'
  | 'late_claim'
  | 'shortfall'
  | 'missing_assessment'
  | 'partial_assessment';

/**
 * One record behind a deduction (扣分依据): a late behaviour record with its working days late, an
 * uncovered catalog item, an inactive officer, a month short of its quota …
 *
 * @example
 * const e: EvidenceRecord = {
 *   kind: 'behaviour', id: 'JC-7', department: 'scjg', reason: 'late_report',
 *   eventDate: '2023-04-03', doneDate: '2023-04-07', deadline: '2023-04-06', workdaysLate: 1, points: 0.1,
 * };
 */
export interface EvidenceRecord {
  readonly kind:
    | 'behaviour'
    | 'catalog_item'
    | 'officer'
    | 'publication_period'
    | 'clue'
    | 'double_notification'
    | 'assessment';
  readonly id: string;
  readonly department: string;
  readonly reason: EvidenceReason;
  /** The starting event (act, rejection, clue received, notice pushed). */
  readonly eventDate?: string;
  /** When it was done; `null` when still not done at `asOf`. */
  readonly doneDate?: string | null;
  /** The working-day deadline from core's calendar. */
  readonly deadline?: string;
  readonly workdaysLate?: number;
  /** Points this record costs before the indicator cap. */
  readonly points?: number;
  /** Short free-text detail, e.g. `filled 8/10` or `count 12/20`. */
  readonly detail?: string;
  /**
   * Present (`true`) when the deadline or lateness depends on a day of a year whose holiday notice is not loaded
   * (core's statutory estimate): recompute once the notice is loaded.
   */
  readonly provisional?: true;
}

/**
 * A deduction (扣分项) of one indicator in one window, with the records behind it.
 *
 * @example
 * const d: Deduction = { period: '2023-04', points: 0.8, reason: { zh: '工作动态 12/20', en: 'work news 12/20' }, records: [] };
 */
export interface Deduction {
  readonly period: string;
  readonly points: number;
  readonly reason: LocalizedMessage;
  readonly records: readonly EvidenceRecord[];
}

/**
 * The value of an indicator in one evaluation window (a sub-period, the period, or the year to date).
 *
 * @example
 * const w: WindowResult = { period: '2023-Q2', start: '2023-04-01', end: '2023-06-30', value: 0.5, numerator: 1, denominator: 2, target: 0.4, score: 15 };
 */
export interface WindowResult {
  readonly period: string;
  readonly start: string;
  readonly end: string;
  /** Ratio (0..1), count, or on-time rate; `null` when nothing was due (not applicable). */
  readonly value: number | null;
  readonly numerator?: number;
  readonly denominator?: number;
  readonly target: number | null;
  /** Points earned in this window (for a bonus: bonus points). */
  readonly score: number;
}

/**
 * The outcome of one indicator.
 *
 * @example
 * card.indicators.find((i) => i.id === 'behaviour-report-timeliness')?.deductions[0]?.records.length;
 */
export interface IndicatorResult {
  readonly id: string;
  readonly name: LocalizedMessage;
  readonly dimension: Dimension;
  readonly kind: Indicator['kind'];
  readonly metric: Indicator['metric']['type'];
  /** Maximum points (bonus: maximum bonus). */
  readonly points: number;
  /** Points earned (bonus: bonus points earned). */
  readonly score: number;
  /** Points lost (0 for bonus and veto indicators). */
  readonly deducted: number;
  /** Headline value: the ratio / count / on-time rate over the whole assessment period, or null. */
  readonly value: number | null;
  readonly target: number | null;
  readonly status: 'full' | 'deducted' | 'not_applicable' | 'vetoed' | 'bonus';
  readonly windows: readonly WindowResult[];
  readonly deductions: readonly Deduction[];
  readonly source: readonly SourceRef[];
  /**
   * Present (`true`) when the unit has no data at all: the indicator was scored on empty input (ratios
   * not applicable, manual assessments missing, quotas short, a zero-reporting veto fires), so read its
   * score as "nothing reported", not as a measurement.
   */
  readonly noData?: true;
}

/**
 * Subtotal of one evaluation dimension.
 *
 * @example
 * card.dimensions.map((d) => `${d.dimension} ${d.score}/${d.points}`);
 */
export interface DimensionResult {
  readonly dimension: Dimension;
  readonly nameEn: string;
  readonly points: number;
  readonly score: number;
}

/**
 * What was scored: a department, or a region made of departments (pooled).
 *
 * @example
 * const u: ScoredUnit = { id: '420322', name: '郧西县', departments: ['scjg', 'hbj'] };
 */
export interface ScoredUnit {
  readonly id: string;
  readonly name?: string;
  readonly departments: readonly string[];
  /** Departments of the unit that appear nowhere in the data (scored as empty), when there are any. */
  readonly departmentsWithoutData?: readonly string[];
}

/**
 * A unit's scorecard (考核评分表) for one period under one indicator set.
 *
 * @example
 * const card = scoreIndicators(baselineIndicatorSet, data, { period: '2023-Q2', unit: 'scjg' });
 * card.total; card.passed; card.indicators[0].deductions;
 */
export interface Scorecard {
  readonly setId: string;
  readonly setVersion: string;
  readonly setName: LocalizedMessage;
  readonly unit: ScoredUnit;
  readonly period: string;
  readonly start: string;
  readonly end: string;
  /** The day the data was scored as of (pending items are late when their deadline is before it). */
  readonly asOf: string;
  readonly indicators: readonly IndicatorResult[];
  readonly dimensions: readonly DimensionResult[];
  /** The deduction part: points earned out of `deductionPoints`. */
  readonly deductionScore: number;
  readonly deductionPoints: number;
  /** Bonus points earned (capped), whether or not they count. */
  readonly bonusEarned: number;
  /** Whether the bonus counts (the deduction score is above the convention's threshold). */
  readonly bonusCounted: boolean;
  /** deductionScore + counted bonus. */
  readonly total: number;
  readonly vetoed: boolean;
  /** Ids of the veto indicators that fired. */
  readonly vetoes: readonly string[];
  /** Not vetoed and the deduction score is at least the pass mark. */
  readonly passed: boolean;
  /**
   * Present (`true`) when none of the unit's departments appears in the data. The unit is still scored —
   * every indicator on empty input and marked `noData` — rather than rejected: "reported nothing" is a
   * result an assessor needs to see.
   */
  readonly noData?: true;
}
