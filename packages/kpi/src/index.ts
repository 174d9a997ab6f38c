/**
 * `@jianguan/kpi` — versioned 互联网+监管 assessment indicator sets (考核指标体系), an explainable scorer
 * that lists the records behind every deduction, rankings, trends, what-if, and JSON / CSV / self-contained
 * HTML scorecards.
 *
 * @packageDocumentation
 */

export { civilDate, dayNumber } from './calendar/day-number.js';
export type { KpiCalendar } from './calendar/workday-index.js';
export type {
  AssessmentFact,
  BehaviourFact,
  CatalogItemFact,
  ClueFact,
  DoubleNotificationFact,
  KpiData,
  OfficerActivity,
  OfficerFact,
  PublicationFact,
} from './data/facts.js';
export type { BehaviourFactExtras, CatalogItemFactExtras, OfficerFactExtras } from './data/mappers.js';
export {
  behaviourFactFromRecord,
  CATALOG_ELEMENT_FIELDS,
  catalogItemFactFromItem,
  officerFactFromOfficer,
} from './data/mappers.js';
export type { PrepareOptions } from './data/prepare.js';
export { PreparedKpiData, prepareKpiData } from './data/prepare.js';
export type { KpiErrorCode } from './errors/kpi-error.js';
export { KpiError } from './errors/kpi-error.js';
export type { IndicatorSetChanges } from './indicators/define.js';
export { defineIndicatorSet, deriveIndicatorSet, findIndicator, resolveTarget } from './indicators/define.js';
export type { IndicatorSetDiff } from './indicators/diff.js';
export { diffIndicatorSets } from './indicators/diff.js';
export type {
  Dimension,
  Indicator,
  IndicatorSet,
  Metric,
  MetricValueKind,
  RatioScoring,
  ScoringConventions,
  SourceRef,
  Target,
} from './indicators/schema.js';
export {
  conventionsSchema,
  DIMENSION_NAMES_EN,
  dimensionSchema,
  indicatorSchema,
  indicatorSetSchema,
  METRIC_VALUE_KIND,
  metricSchema,
  ratioScoringSchema,
  sourceSchema,
  targetSchema,
} from './indicators/schema.js';
export type { CsvOptions } from './output/csv.js';
export { comparisonToCsv, deductionsToCsv, scorecardToCsv } from './output/csv.js';
export type { HtmlOptions } from './output/html.js';
export { renderScorecardHtml } from './output/html.js';
export type { JsonOptions } from './output/json.js';
export { scorecardToJson } from './output/json.js';
export { publicText } from './output/public-text.js';
export type { Period, PeriodGranularity, PeriodId } from './period/period.js';
export { nextPeriod, parsePeriod, periodContaining, periodRange, subPeriods } from './period/period.js';
export type {
  CompareOptions,
  Comparison,
  ComparisonRow,
  Trend,
  TrendOptions,
  TrendPoint,
} from './scoring/compare.js';
export { compareUnits, scoreTrend } from './scoring/compare.js';
export type { ScoreOptions, UnitSpec } from './scoring/score.js';
export { scoreIndicators } from './scoring/score.js';
export type {
  Deduction,
  DimensionResult,
  EvidenceReason,
  EvidenceRecord,
  IndicatorResult,
  Scorecard,
  ScoredUnit,
  WindowResult,
} from './scoring/types.js';
export type { WhatIfResult, WhatIfRow } from './scoring/what-if.js';
export { whatIf } from './scoring/what-if.js';
export { baselineIndicatorSet } from './sets/baseline.js';
export { NATIONAL_CONVENTIONS } from './sets/conventions.js';
export { hubeiLikeIndicatorSet } from './sets/hubei-like.js';
