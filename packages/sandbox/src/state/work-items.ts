import {
  syntheticClues,
  syntheticCommitments,
  syntheticComplaints,
  syntheticDoubleNotifications,
  syntheticJointTasks,
} from '../synthetic.js';
import type { SandboxArrivals } from './arrivals.js';
import { arrivalDate, arrivalOffsets, releasedCount } from './arrivals.js';

/** A joint task's state on the province's side (status, and the claim and feedback received). */
export interface JointTaskProgress {
  status: string;
  claim?: unknown;
  feedback?: unknown;
}

/** A 双告知 item's state on the province's side: the claim and the feedback received. */
export interface DoubleNotificationProgress {
  claim?: unknown;
  feedback?: unknown;
}

/**
 * The feeds of pushed work items.
 *
 * @example
 * const f: WorkFeed = 'doubleNotifications';
 */
export type WorkFeed = 'clues' | 'complaints' | 'jointTasks' | 'doubleNotifications' | 'commitments';

/** Counts of synthetic items per feed. */
export interface WorkItemCounts {
  readonly clues?: number;
  readonly complaints?: number;
  readonly jointTasks?: number;
  readonly doubleNotifications?: number;
  readonly commitments?: number;
}

/**
 * The work items the sandbox pushes (线索、联合监管任务、投诉工单、双告知、告知承诺), when each arrives, and the
 * answers it received for them.
 */
export interface WorkItems {
  readonly clues: readonly Record<string, unknown>[];
  readonly complaints: readonly Record<string, unknown>[];
  readonly jointTasks: readonly { taskNo: string; status: string; superviseData: string }[];
  readonly doubleNotifications: readonly Record<string, unknown>[];
  readonly commitments: readonly Record<string, unknown>[];
  /** How many items of `feed` have arrived by now (the visible prefix, in arrival order). */
  released(feed: WorkFeed): number;
  /** Whether item `id` of `feed` has arrived. */
  isReleased(feed: WorkFeed, id: string): boolean;
  /** Moves the sandbox's arrival clock forward by `ms`. */
  advance(ms: number): void;
  /** Ms of sandbox time since start (clock plus advances). */
  elapsed(): number;
  readonly clueFeedback: Map<string, unknown>;
  readonly jointTaskProgress: Map<string, JointTaskProgress>;
  readonly complaintStatus: Map<string, unknown>;
  readonly doubleNotificationProgress: Map<string, DoubleNotificationProgress>;
  readonly commitmentVerifications: Map<string, unknown>;
  readonly publications: Map<string, unknown>;
}

const ID_FIELD: Record<WorkFeed, string> = {
  clues: 'warningId',
  complaints: 'complaintId',
  jointTasks: 'taskNo',
  doubleNotifications: 'itemId',
  commitments: 'id',
};

/**
 * Creates the seeded work items of a sandbox. Without `arrivals` every item is there at start, dated in the
 * 300 days before `baseDate`; with `arrivals` items arrive over time and are dated the day they arrive
 * (counting from `baseDate`).
 *
 * @example
 * const items = createWorkItems({ seed: 'demo', baseDate: '2025-11-01', clock: Date.now });
 */
export function createWorkItems(options: {
  readonly seed: string;
  readonly baseDate: string;
  readonly clock: () => number;
  readonly counts?: WorkItemCounts | undefined;
  readonly arrivals?: SandboxArrivals | undefined;
}): WorkItems {
  const { seed, baseDate, arrivals } = options;
  const counts = options.counts ?? {};
  const n: Record<WorkFeed, number> = {
    clues: counts.clues ?? 120,
    complaints: counts.complaints ?? 60,
    jointTasks: counts.jointTasks ?? 20,
    doubleNotifications: counts.doubleNotifications ?? 40,
    commitments: counts.commitments ?? 30,
  };
  const offsets = Object.fromEntries(
    (Object.keys(n) as WorkFeed[]).map((feed) => [feed, arrivalOffsets(seed, feed, n[feed], arrivals)]),
  ) as Record<WorkFeed, number[]>;
  const dated = (feed: WorkFeed) =>
    arrivals === undefined
      ? { baseDate }
      : { baseDate, dateOf: (i: number) => arrivalDate(baseDate, offsets[feed][i] ?? 0) };
  const jointTasks = syntheticJointTasks(seed, n.jointTasks, dated('jointTasks'));
  const lists: Record<WorkFeed, readonly Record<string, unknown>[]> = {
    clues: syntheticClues(seed, n.clues, dated('clues')),
    complaints: syntheticComplaints(seed, n.complaints, dated('complaints')),
    jointTasks,
    doubleNotifications: syntheticDoubleNotifications(
      seed,
      n.doubleNotifications,
      dated('doubleNotifications'),
    ),
    commitments: syntheticCommitments(seed, n.commitments, dated('commitments')),
  };
  const indexes = Object.fromEntries(
    (Object.keys(lists) as WorkFeed[]).map((feed) => [
      feed,
      new Map(lists[feed].map((item, i) => [String(item[ID_FIELD[feed]]), i])),
    ]),
  ) as Record<WorkFeed, Map<string, number>>;
  const startedAt = options.clock();
  let advanced = 0;
  const elapsed = () => options.clock() - startedAt + advanced;
  const released = (feed: WorkFeed) => releasedCount(offsets[feed], elapsed());
  return {
    clues: lists.clues,
    complaints: lists.complaints,
    jointTasks,
    doubleNotifications: lists.doubleNotifications,
    commitments: lists.commitments,
    released,
    isReleased: (feed, id) => {
      const i = indexes[feed].get(id);
      return i !== undefined && i < released(feed);
    },
    advance(ms) {
      advanced += ms;
    },
    elapsed,
    clueFeedback: new Map(),
    jointTaskProgress: new Map(jointTasks.map((t) => [t.taskNo, { status: t.status }])),
    complaintStatus: new Map(),
    doubleNotificationProgress: new Map(),
    commitmentVerifications: new Map(),
    publications: new Map(),
  };
}
