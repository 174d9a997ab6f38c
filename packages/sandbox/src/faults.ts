import seedrandom from 'seedrandom';

/**
 * Faults the sandbox injects on demand (故障注入). Rates are per request, 0..1, drawn from a seeded generator so
 * a run is reproducible.
 *
 * @example
 * const faults: SandboxFaults = { serverErrorRate: 0.2, dropRate: 0.1, rateLimitRate: 0.05, retryAfterSeconds: 0 };
 */
export interface SandboxFaults {
  /** Added latency per request: fixed ms or a `[min, max]` range. */
  readonly latencyMs?: number | readonly [number, number];
  /** Share of requests answered with HTTP 500/502/503. */
  readonly serverErrorRate?: number;
  /** Share of requests whose connection is destroyed without an answer. */
  readonly dropRate?: number;
  /** Share of requests answered 429 with `Retry-After`. */
  readonly rateLimitRate?: number;
  /** Retry-After seconds for 429s. Default 1. */
  readonly retryAfterSeconds?: number;
  /** Share of requests answered HTTP 200 with business code `10` (系统繁忙). */
  readonly businessErrorRate?: number;
  /** Share of list pages that repeat an already delivered item (at-least-once delivery). */
  readonly duplicateDeliveryRate?: number;
  /**
   * Share of 5xx and drops that strike AFTER the request was processed (the write happened, the answer is lost).
   * Default 0.5 — the case idempotency keys exist for.
   */
  readonly afterProcessingShare?: number;
  /** Only requests whose path matches are subject to faults. Default: every `/v1/` path. */
  readonly pathPattern?: RegExp;
}

/**
 * The fault decided for one request.
 *
 * @example
 * const f: FaultDecision = { kind: 'drop', phase: 'after' };
 */
export type FaultDecision =
  | { readonly kind: 'none' }
  | { readonly kind: 'rate-limit' }
  | { readonly kind: 'business-error' }
  | { readonly kind: 'server-error'; readonly status: 500 | 502 | 503; readonly phase: 'before' | 'after' }
  | { readonly kind: 'drop'; readonly phase: 'before' | 'after' };

/**
 * A seeded fault plan: decides, request by request, which fault (if any) strikes.
 *
 * @example
 * new FaultPlan('seed', { dropRate: 0.1 }).decide('/v1/clues'); // { kind: 'none' } or { kind: 'drop', phase }
 */
export class FaultPlan {
  faults: SandboxFaults;
  readonly #rng: seedrandom.PRNG;
  constructor(seed: string, faults: SandboxFaults = {}) {
    this.faults = faults;
    this.#rng = seedrandom(`${seed}:faults`);
  }
  /** Latency to add to the next request, ms. */
  latency(): number {
    const l = this.faults.latencyMs;
    if (l === undefined) return 0;
    if (typeof l === 'number') return l;
    return l[0] + this.#rng() * (l[1] - l[0]);
  }
  /** The fault for the next request to `path`. */
  decide(path: string): FaultDecision {
    const f = this.faults;
    if (!(f.pathPattern ?? /^\/v1\//).test(path)) return { kind: 'none' };
    const r = this.#rng();
    const phase = this.#rng() < (f.afterProcessingShare ?? 0.5) ? 'after' : 'before';
    const statusPick = this.#rng();
    let acc = 0;
    acc += f.serverErrorRate ?? 0;
    if (r < acc)
      return { kind: 'server-error', status: statusPick < 0.6 ? 500 : statusPick < 0.8 ? 502 : 503, phase };
    acc += f.dropRate ?? 0;
    if (r < acc) return { kind: 'drop', phase };
    acc += f.rateLimitRate ?? 0;
    if (r < acc) return { kind: 'rate-limit' };
    acc += f.businessErrorRate ?? 0;
    if (r < acc) return { kind: 'business-error' };
    return { kind: 'none' };
  }
  /** Whether the next list page repeats an item. */
  duplicate(): boolean {
    return this.#rng() < (this.faults.duplicateDeliveryRate ?? 0);
  }
}
