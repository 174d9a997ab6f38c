import type { BatchResult, VerifyResult } from '@jianguan/provincial-client';
import type {
  QualityCheckFunction as QualityChecker,
  BatchQualityResult as QualityResult,
  UploadKind,
} from '@jianguan/provincial-client/contract';
import type { FaultDecision, SandboxFaults } from './faults.js';
import type { SandboxArrivals } from './state/arrivals.js';
import type { WorkFeed } from './state/work-items.js';

/**
 * Credentials the sandbox accepts by default (HMAC-SHA256 / HMAC-SM3 canonical signing).
 *
 * @example
 * createHmacSha256Signer(SANDBOX_CREDENTIALS);
 */
export const SANDBOX_CREDENTIALS = { appKey: 'sandbox-app', secret: 'sandbox-secret' } as const;

/**
 * How the sandbox authenticates requests.
 *
 * @example
 * const auth: SandboxAuth = { secrets: { 'dept-1': 's3cret' }, maxSkewMs: 60_000 };
 */
export type SandboxAuth =
  | 'none'
  | { readonly secrets?: Readonly<Record<string, string>>; readonly maxSkewMs?: number }
  | {
      readonly verify: (request: {
        method: string;
        url: URL;
        body: string;
        headers: Headers;
      }) => VerifyResult | Promise<VerifyResult>;
    };

/**
 * Options of {@link startSandbox}.
 *
 * @example
 * const sandbox = await startSandbox({ port: 0, seed: 'demo', faults: { serverErrorRate: 0.2 } });
 */
export interface SandboxOptions {
  /** TCP port; 0 picks a free one. Default 0. */
  readonly port?: number;
  /** Host to bind. Default 127.0.0.1. */
  readonly hostname?: string;
  /** Seed of the synthetic data and the fault plan. Default 'jianguan'. */
  readonly seed?: string;
  readonly faults?: SandboxFaults;
  /** Signature verification. Default: HMAC canonical with {@link SANDBOX_CREDENTIALS}. */
  readonly auth?: SandboxAuth;
  /** Keep state in this JSON file (loaded at start, written after changes and at stop). */
  readonly persistPath?: string;
  /** Quality check applied to uploaded records. Default core's `qualityCheck`. */
  readonly qualityCheck?: QualityChecker;
  /** Server clock (epoch ms), e.g. to simulate skew. */
  readonly now?: () => number;
  /**
   * The civil date ('YYYY-MM-DD') the synthetic clues, joint tasks and complaints are dated relative to: they
   * fall in the 300 days before it. Default: today in China.
   */
  readonly baseDate?: string;
  /** The civil date the sandbox's 质检 takes as today (no future dates, …). Default: China today. */
  readonly today?: string;
  /** Synthetic item counts (defaults 120 clues, 60 complaints, 20 joint tasks, 40 双告知 items, 30 commitments). */
  readonly counts?: {
    readonly clues?: number;
    readonly complaints?: number;
    readonly jointTasks?: number;
    readonly doubleNotifications?: number;
    readonly commitments?: number;
  };
  /**
   * Work items arrive over time on this seeded schedule (default: all there at start). Items are then dated the
   * day they arrive, counting from `baseDate`.
   */
  readonly arrivals?: SandboxArrivals;
  /**
   * Largest request body accepted, in bytes (default 16 MiB). Checked before the body is read: a larger
   * `Content-Length` is refused with 413 at once, a body streamed without one is cut off at the limit.
   */
  readonly maxBodyBytes?: number;
}

/**
 * A stored record (current view).
 *
 * @example
 * sandbox.state.records('behaviours')[0]?.recordId;
 */
export interface StoredRecord {
  readonly kind: UploadKind;
  readonly recordId: string;
  readonly operation: 'I' | 'U' | 'D';
  readonly batchNo: string;
  readonly idempotencyKey: string;
  readonly record?: unknown;
}

/**
 * One applied write (each idempotency key appears at most once — the exactly-once ledger).
 *
 * @example
 * sandbox.state.writes.length;
 */
export interface WriteLogEntry {
  readonly kind: UploadKind;
  readonly recordId: string;
  readonly operation: 'I' | 'U' | 'D';
  readonly idempotencyKey: string;
  readonly batchNo: string;
  readonly at: number;
}

/**
 * One request as the sandbox saw it.
 *
 * @example
 * sandbox.state.requests.filter((r) => r.fault === 'drop').length;
 */
export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly fault: FaultDecision['kind'];
  readonly idempotencyKey?: string;
  readonly nonce?: string;
  readonly authFailure?: string;
  /** The batch number (批次号) of an upload or resubmission, when its body was read. */
  readonly batchNo?: string;
  /** Whether the body was read (false for requests refused on their headers: auth, size). */
  readonly bodyRead?: boolean;
}

/**
 * The sandbox's in-memory state, readable by tests.
 *
 * @example
 * expect(sandbox.state.writes.length).toBe(10_000);
 */
export interface SandboxState {
  readonly seed: string;
  /** The base date of the synthetic data (see {@link SandboxOptions.baseDate}). */
  readonly baseDate: string;
  /** Current fault settings (assign to change them at runtime). */
  faults: SandboxFaults;
  /** Current rows of a kind (deleted rows excluded). */
  records(kind?: UploadKind): StoredRecord[];
  readonly writes: readonly WriteLogEntry[];
  readonly requests: readonly RequestLogEntry[];
  /** Batch number → 质检 result. */
  quality(batchNo: string): QualityResult | undefined;
  readonly clueFeedback: ReadonlyMap<string, unknown>;
  readonly jointTasks: ReadonlyMap<string, { status: string; claim?: unknown; feedback?: unknown }>;
  readonly complaintStatus: ReadonlyMap<string, unknown>;
  /** 双告知 item id → the claim and the feedback received. */
  readonly doubleNotifications: ReadonlyMap<string, { claim?: unknown; feedback?: unknown }>;
  /** Commitment id → the verification received (stored once). */
  readonly commitmentVerifications: ReadonlyMap<string, unknown>;
  readonly publications: ReadonlyMap<string, unknown>;
  /** How many items of a feed have arrived so far. */
  released(feed: WorkFeed): number;
  /** Sandbox time since start, in ms (clock plus `advance`). */
  elapsedMs(): number;
  /** Counts by outcome. */
  stats(): {
    requests: number;
    faults: Record<string, number>;
    stored: number;
    duplicates: number;
    rejected: number;
    replays: number;
    authFailures: number;
  };
}

/**
 * A running sandbox.
 *
 * @example
 * const { url, stop, state } = await startSandbox({ seed: 'x' });
 */
export interface Sandbox {
  /** Base URL, e.g. `http://127.0.0.1:54321`. */
  readonly url: string;
  readonly port: number;
  readonly state: SandboxState;
  /** Moves the arrival clock forward by `ms` (items scheduled by then arrive); the signing clock is untouched. */
  advance(ms: number): void;
  /**
   * Applies an upload batch that arrived other than over HTTP (e.g. harvested from a 前置库): the body is what
   * the upload endpoint of `kind` takes (`{ batchNo, source, items }`), checked by the same schema, 质检, dedup
   * and exactly-once ledger. Returns the batch result, or `undefined` when the body does not parse.
   */
  ingest(kind: UploadKind, body: unknown): BatchResult | undefined;
  stop(): Promise<void>;
}
