/**
 * `@jianguan/tasks` — 任务管理: the regulatory work items a department must handle to deadline (risk-warning
 * clues, joint supervision tasks, complaints, 双告知 items, commitment verification, quality-rejection fixes)
 * as versioned state machines with working-day deadlines, an append-only hash-chained event log, durable
 * stores, due lists, KPI facts, joint-task proposals and risk-warning rules.
 *
 * @packageDocumentation
 */
export type { TaskBook, TaskBookOptions } from './book.js';
export { openTaskBook } from './book.js';
export {
  BUILT_IN_LIFECYCLES,
  commitmentVerificationLifecycle,
  complaintLifecycle,
  doubleNotificationLifecycle,
  jointTaskLifecycle,
  qualityFixLifecycle,
  riskClueLifecycle,
} from './builtin.js';
export type { SyncCursorStore, SyncCursors } from './cursors.js';
export { createFileSyncCursorStore } from './cursors.js';
export type {
  DueCounts,
  DueItem,
  DueListOptions,
  DueStatus,
  TaskClueFact,
  TaskDoubleNotificationFact,
  TaskFixFact,
  TimelinessOptions,
  TimelinessRow,
} from './deadlines.js';
export { applyFixFacts, dueList, kpiFactsFromTasks, summarizeDue, timeliness } from './deadlines.js';
export type { DeadlineState, ReduceContext, ReducibleEvent, TaskState } from './engine.js';
export { reduceTask, replayTasks } from './engine.js';
export type { TasksErrorCode } from './errors.js';
export { IllegalTransitionError, isTasksError, TaskLogTamperedError, TasksError } from './errors.js';
export type { LogVerification, TaskEvent, TaskEventInput } from './events.js';
export {
  eventDate,
  GENESIS_HASH,
  hashEvent,
  parseEventInput,
  sealEvent,
  taskEventInputSchema,
  verifyLog,
} from './events.js';
export type { FixTaskOptions, RejectedEntry } from './intake.js';
export { fixTaskId, fixTasksFromRejections } from './intake.js';
export type { CrossDepartmentEntity, EntityListing, JointProposal, OpenWork } from './joint.js';
export { crossDepartmentLibrary, jointTaskEvent, proposeJointTasks } from './joint.js';
export type {
  Lifecycle,
  LifecycleChanges,
  LifecycleDeadline,
  LifecycleDiff,
  LifecycleInput,
  LifecycleRegistry,
  LifecycleTransition,
} from './lifecycle.js';
export {
  createLifecycleRegistry,
  defineLifecycle,
  deriveLifecycle,
  diffLifecycles,
  lifecycleSchema,
} from './lifecycle.js';
export {
  TASK_REASON_TABLES,
  TASK_RETURN_REASONS,
  TASK_TERMINATION_REASONS,
  TASK_TRANSFER_REASONS,
  taskCodeTables,
} from './reasons.js';
export type { RiskGrade, RiskObservation, RiskRuleSet, RiskSignal } from './risk.js';
export { defineRiskRules, evaluateRiskRules, riskRuleSetSchema, signalsToClueTasks } from './risk.js';
export type { RuleSource, RuleStatus } from './rules.js';
export { ruleSourceSchema } from './rules.js';
export type { FileTaskStoreOptions, TaskStore } from './store.js';
export { createFileTaskStore, createMemoryTaskStore, rebuildStore } from './store.js';
export type {
  FeedbackOptions,
  FeedbackResult,
  IntakeOptions,
  ProvinceClue,
  ProvinceCommitment,
  ProvinceComplaint,
  ProvinceDoubleNotification,
  ProvinceJointTask,
  ProvinceSyncClient,
  SyncKind,
  SyncOptions,
  SyncPull,
  SyncPullOptions,
  SyncResult,
} from './sync.js';
export {
  clueEvents,
  clueTaskId,
  commitmentEvents,
  commitmentTaskId,
  complaintEvents,
  complaintTaskId,
  doubleNotificationEvents,
  doubleNotificationTaskId,
  feedbackToProvince,
  jointTaskEvents,
  jointTaskId,
  syncFromProvince,
} from './sync.js';
