import { syntheticClues, syntheticComplaints, syntheticJointTasks } from '../synthetic.js';

/** A joint task's state on the province's side (status, and the claim and feedback received). */
export interface JointTaskProgress {
  status: string;
  claim?: unknown;
  feedback?: unknown;
}

/**
 * The work items the sandbox pushes (线索、联合监管任务、投诉工单) and the answers it received for them.
 */
export interface WorkItems {
  readonly clues: readonly Record<string, unknown>[];
  readonly complaints: readonly Record<string, unknown>[];
  readonly jointTasks: readonly { taskNo: string; status: string; superviseData: string }[];
  readonly clueFeedback: Map<string, unknown>;
  readonly jointTaskProgress: Map<string, JointTaskProgress>;
  readonly complaintStatus: Map<string, unknown>;
  readonly publications: Map<string, unknown>;
}

/**
 * Creates the seeded work items of a sandbox.
 *
 * @example
 * const items = createWorkItems('demo', { clues: 10 }, '2025-11-01');
 */
export function createWorkItems(
  seed: string,
  counts: { readonly clues?: number; readonly complaints?: number; readonly jointTasks?: number } = {},
  baseDate: string,
): WorkItems {
  const dated = { baseDate };
  const jointTasks = syntheticJointTasks(seed, counts.jointTasks ?? 20, dated);
  return {
    clues: syntheticClues(seed, counts.clues ?? 120, dated),
    complaints: syntheticComplaints(seed, counts.complaints ?? 60, dated),
    jointTasks,
    clueFeedback: new Map(),
    jointTaskProgress: new Map(jointTasks.map((t) => [t.taskNo, { status: t.status }])),
    complaintStatus: new Map(),
    publications: new Map(),
  };
}
