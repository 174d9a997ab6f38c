/**
 * `@jianguan/sandbox` — a local provincial server implementing "jianguan provincial interface
 * v1", with signature verification, 质检, exactly-once dedup, synthetic data and fault injection.
 *
 * @packageDocumentation
 */

export { parseSandboxArgs, SANDBOX_USAGE } from './cli-args.js';
export type { FaultDecision, SandboxFaults } from './faults.js';
export { FaultPlan } from './faults.js';
export type { ExchangeHarvester, ExchangeHarvesterOptions, HarvestResult } from './harvester/index.js';
export { createExchangeHarvester, openExchangeDatabase, startExchangeHarvest } from './harvester/index.js';
export type { SyntheticRecordOptions } from './records.js';
export { syntheticInspectionRecords } from './records.js';
export { startSandbox } from './server.js';
export type { SandboxArrivals } from './state/arrivals.js';
export type { WorkFeed } from './state/work-items.js';
export type { SyntheticDataOptions } from './synthetic.js';
export {
  syntheticClues,
  syntheticCommitments,
  syntheticComplaints,
  syntheticDoubleNotifications,
  syntheticJointTasks,
} from './synthetic.js';
export type {
  RequestLogEntry,
  Sandbox,
  SandboxAuth,
  SandboxOptions,
  SandboxState,
  StoredRecord,
  WriteLogEntry,
} from './types.js';
export { SANDBOX_CREDENTIALS } from './types.js';
