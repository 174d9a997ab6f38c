/**
 * `@jianguan/credit-rules` — credit grading (信用分级分类) by versioned, declarative rule sets; the
 * supervision measures each grade gets; publicity and credit-repair dates by the regime in force; and
 * commitments (告知承诺 / 信用承诺) tracked to their deadline.
 *
 * @packageDocumentation
 */

// commitments
export type {
  Commitment,
  CommitmentState,
  CommitmentStatus,
  TrackCommitmentOptions,
} from './commitments/commitment.js';
export {
  CommitmentError,
  commitmentFacts,
  commitmentSchema,
  trackCommitment,
} from './commitments/commitment.js';
// dates
export type { CalendarDuration } from './dates/civil-date.js';
export {
  addCalendar,
  anniversary,
  hasElapsed,
  latestElapsedStart,
  subtractCalendar,
} from './dates/civil-date.js';
// grading
export type { CompiledRuleSet, CompileOptions, FiredRule, GradingResult } from './engine/compile.js';
export { compileRuleSet } from './engine/compile.js';
export type { GradeOptions } from './engine/grade.js';
export { CreditInputError, gradeEach, gradeEntity, gradeStream, resolveRuleSet } from './engine/grade.js';
// facts
export type { AbnormalListReason, PenaltyKind, SpotCheckResultCode } from './facts/codes.js';
export {
  ABNORMAL_LIST_REASONS,
  abnormalListReasonSchema,
  HEAVY_PENALTY_KINDS,
  penaltyKindSchema,
  spotCheckResultCodeSchema,
} from './facts/codes.js';
export type {
  AbnormalListFact,
  CommitmentBreachFact,
  ComplaintFact,
  CourtDishonestyFact,
  CreditFact,
  CreditFactKind,
  EntityCreditProfile,
  ExternalGradeFact,
  PenaltyFact,
  SeriousListFact,
  SpotCheckFact,
} from './facts/credit-fact.js';
export {
  abnormalListFactSchema,
  civilDateSchema,
  commitmentBreachFactSchema,
  complaintFactSchema,
  courtDishonestyFactSchema,
  creditFactSchema,
  endsAt,
  entityCreditProfileSchema,
  externalGradeFactSchema,
  factDate,
  isInForce,
  knownFrom,
  penaltyFactSchema,
  seriousListFactSchema,
  spotCheckFactSchema,
} from './facts/credit-fact.js';
export { creditFactFromRecord, penaltyFactFromRecord } from './facts/from-core.js';
// measures
export type { GradeMeasures, ResolvedJointPunishment } from './measures/measures.js';
export {
  measuresForGrade,
  measuresTable,
  samplingRatiosByGrade,
  UnknownGradeError,
} from './measures/measures.js';
// privacy
export type { DeclassifyOptions, InternalGrade, NoInternalGrade } from './privacy/internal-grade.js';
export { declassifyGrade, forPublication, GradeDeclassificationError } from './privacy/internal-grade.js';
export type {
  PublicGradingRecord,
  PublicGradingRecordWithGrade,
  PublicRecordOptions,
} from './privacy/public-record.js';
export { toPublicRecord } from './privacy/public-record.js';
export type {
  AbnormalListDates,
  AppliedLowFine,
  CreditSeverity,
  NotPublishedReason,
  PenaltyPublicity,
  PublicityOptions,
  SeriousListDates,
} from './publicity/dates.js';
export {
  abnormalListDates,
  lowFineBoundary,
  ndrcPenaltyPublicity,
  PublicityError,
  penaltySeverity,
  samrPenaltyPublicity,
  seriousListDates,
} from './publicity/dates.js';
export { effectiveEndsAt, seriousListAutoExitOn } from './publicity/list-terms.js';
// publicity and repair
export type {
  AbnormalListRegime,
  LowFineBound,
  LowFineThreshold,
  NdrcRegime,
  NdrcTier,
  PublicityRegimes,
  RegimeSource,
  SamrPenaltyRegime,
  SamrRepairRegime,
  SeriousListRegime,
} from './publicity/regimes.js';
export {
  defaultPublicityRegimes,
  parsePublicityRegimes,
  publicityRegimesSchema,
} from './publicity/regimes.js';
export type { WorkdayAdder } from './publicity/workdays.js';
export { defaultWorkdays } from './publicity/workdays.js';
export type { RuleSetDiff } from './rule-set/diff.js';
export { diffRuleSets } from './rule-set/diff.js';
export type { RuleSetIssue } from './rule-set/parse.js';
export { FILTER_KEYS_BY_KIND, parseRuleSet, RuleSetValidationError } from './rule-set/parse.js';
export { calendarDurationSchema, creditRuleSetSchema, predicateSchema } from './rule-set/schema.js';

// rule sets
export type {
  BilingualText,
  CreditRule,
  CreditRuleSet,
  FactFilter,
  GradeDefinition,
  GradeMeasuresSpec,
  JointPunishmentMeasure,
  OnSitePolicy,
  Predicate,
  RuleEffect,
  SamplingRatioBand,
  SourceCitation,
  SourceDocument,
  SourceStatus,
} from './rule-set/types.js';
export { samrBaselineRuleSet } from './rule-sets/samr-baseline.js';
export { sdFiveClassRuleSet } from './rule-sets/sd-five-class.js';
