/**
 * `@jianguan/sampling` — verifiable 双随机、一公开 spot-check draws: consistent SHA-256 sampling
 * (byte-compatible with Rivest's consistent_sampler and VotingWorks Arlo), stratified plans and tasks,
 * append-only draw records with third-party verification, officer assignment, joint inspections and
 * publication.
 *
 * @packageDocumentation
 */

export type {
  GradedSamplingMeasures,
  GradeSamplingMeasures,
  GradeStrataOptions,
} from './adapters/credit.js';
export { strataFromGradeMeasures } from './adapters/credit.js';
// --- draw records ---
export type { DrawTaskOptions, DrawTaskStreamOptions, PopulationSource } from './draw/draw-task.js';
export {
  commitPopulation,
  commitPopulationStream,
  DRAW_ALGORITHM,
  drawTask,
  drawTaskStream,
  sampleSizeFor,
} from './draw/draw-task.js';
// --- draw (consistent sampler) ---
export { compareCodePoints } from './draw/order.js';
export type { SampledId, SampleIdsOptions } from './draw/sample-ids.js';
export { sampleIds } from './draw/sample-ids.js';
export { nextTicket, sha256Uniform, ticket, trimTicket } from './draw/ticket.js';
// --- errors ---
export { DrawLogError, SamplingInputError } from './errors.js';
// --- joint inspections ---
export type { JointMerge, JointVisit } from './joint/merge.js';
export { mergeJointDraws } from './joint/merge.js';
// --- officers ---
export type {
  AssignOfficersOptions,
  IneligibleOfficer,
  InfeasibleVisit,
  OfficerAssignment,
  TeamMember,
  VisitAssignment,
} from './officers/assign.js';
export { assignOfficers } from './officers/assign.js';
export type {
  AvoidanceRule,
  DirectoryOfficer,
  IneligibilityReason,
  InspectionVisit,
  OfficerCertificate,
} from './officers/types.js';
export { visitsFromRecord } from './officers/visits.js';
// --- plans, tasks, strata ---
export { ratioCount } from './plan/counts.js';
export type { ExclusionReason } from './plan/frame.js';
export { exclusionReason, stratumOf } from './plan/frame.js';
export { validatePlan } from './plan/plan.js';
export type {
  AnnualSpotCheckPlan,
  DirectoryEntity,
  ExclusionPolicy,
  PastInspection,
  SpotCheckItem,
  SpotCheckTask,
  StratumFilter,
  StratumSpec,
} from './plan/types.js';
export { directoryEntitySchema, spotCheckTaskSchema } from './plan/types.js';
// --- publication ---
export type {
  InspectionResult,
  PublicNotice,
  PublicNoticeEntry,
  PublicNoticeOptions,
  ResultCodeTable,
  WorkdayAdder,
} from './publication/notice.js';
export {
  buildPublicNotice,
  publicationDeadline,
  publicNoticeToCsv,
  publicNoticeToJson,
} from './publication/notice.js';
export type {
  PublicBundleCheck,
  PublicBundleGuard,
  PublicBundleMismatch,
  PublicDrawBundle,
  PublicFrame,
  PublishDrawOptions,
} from './publication/public-bundle.js';
export {
  assertPublicBundle,
  checkPublicBundle,
  publicFrame,
  publishDraw,
} from './publication/public-bundle.js';
export { canonicalJson } from './record/canonical.js';
export type { DrawLogEntry } from './record/draw-log.js';
export { DrawLog } from './record/draw-log.js';
export type {
  DerivedFrom,
  DrawAlgorithm,
  DrawPick,
  DrawRecord,
  PopulationCommitment,
  StratumCommitment,
  StratumResult,
  Supersedes,
} from './record/types.js';
export type { DrawMismatch, DrawVerification } from './record/verify.js';
export { verifyDraw } from './record/verify.js';
// --- rules ---
export type { RuleSource, SamplingRules } from './rules/sampling-rules.js';
export { DEFAULT_SAMPLING_RULES, defineSamplingRules, samplingRulesSchema } from './rules/sampling-rules.js';

// Synthetic directories (seedrandom; never for audited draws) are in `@jianguan/sampling/synthetic`.
