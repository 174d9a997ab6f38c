import type { ScoringConventions, SourceRef } from '../indicators/schema.js';

/**
 * The national scoring conventions (国办秘函〔2019〕19号 《政府网站与政务新媒体检查指标》): a 100-point deduction
 * part, a 20-point bonus part counted only above 80, any veto fails, below 60 fails; 2 decimals.
 *
 * @example
 * NATIONAL_CONVENTIONS.passMark; // 60
 */
export const NATIONAL_CONVENTIONS: ScoringConventions = {
  deductionPoints: 100,
  bonusPoints: 20,
  bonusRequiresAbove: 80,
  passMark: 60,
  decimals: 2,
};

/** Source of {@link NATIONAL_CONVENTIONS}. @internal */
export const CONVENTIONS_SOURCE: SourceRef = {
  ref: 'kpi-and-interface.md §1.5 (国办秘函〔2019〕19号; GB/T 33356-2016 for weight × ratio, 2 decimals)',
  status: 'confirmed',
};

/** Where point values and per-record deductions come from when no source gives them. @internal */
export const POINTS_INFERRED: SourceRef = {
  ref: 'kpi-and-interface.md §1.7',
  status: 'inferred',
  note: 'no published 评分细则 gives the points or per-record deductions; configurable defaults',
};
