import type { QualityCheckFunction } from '../contract/core-adapter.js';
import type { Signer } from '../signing/types.js';
import type { BatchSequence } from './create-client.js';

/**
 * An injectable logger (silent by default). Fields never contain secrets or signatures.
 *
 * @example
 * const logger: Logger = { debug() {}, info() {}, warn: (m, f) => process.stderr.write(`${m} ${JSON.stringify(f)}\n`), error() {} };
 */
export interface Logger {
  debug(message: string, fields?: Readonly<Record<string, unknown>>): void;
  info(message: string, fields?: Readonly<Record<string, unknown>>): void;
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void;
  error(message: string, fields?: Readonly<Record<string, unknown>>): void;
}

/**
 * What hooks and events see of one attempt (no secrets).
 *
 * @example
 * const e: RequestEvent = { endpoint: 'listClues', method: 'GET', url: 'http://127.0.0.1/v1/clues', attempt: 0, requestId: 'r' };
 */
export interface RequestEvent {
  readonly endpoint: string;
  readonly method: string;
  /** Redacted URL. */
  readonly url: string;
  /** 0 for the first attempt, then 1, 2, … */
  readonly attempt: number;
  readonly requestId: string;
  readonly idempotencyKey?: string;
}

/**
 * A response event.
 *
 * @example
 * const e: ResponseEvent = { endpoint: 'x', method: 'GET', url: 'u', attempt: 0, requestId: 'r', status: 200, durationMs: 3 };
 */
export interface ResponseEvent extends RequestEvent {
  readonly status: number;
  readonly durationMs: number;
}

/**
 * Observation hooks (they cannot change requests; signing is done by the {@link Signer}).
 *
 * @example
 * const hooks: ClientHooks = { beforeRetry: (e) => metrics.inc('retry', { endpoint: e.endpoint }) };
 */
export interface ClientHooks {
  beforeRequest?(event: RequestEvent): void;
  afterResponse?(event: ResponseEvent): void;
  beforeRetry?(event: RequestEvent & { readonly error: unknown }): void;
  onError?(error: Error): void;
}

/**
 * Retry policy for idempotent calls (GETs and writes that carry an idempotency key).
 *
 * @example
 * const r: RetryPolicy = { limit: 8, baseDelayMs: 20, maxDelayMs: 2000 };
 */
export interface RetryPolicy {
  /** Retries after the first attempt. Default 4. */
  readonly limit?: number;
  /** First backoff; doubles each retry. Default 300 ms. */
  readonly baseDelayMs?: number;
  /** Backoff cap. Default 10 s. */
  readonly maxDelayMs?: number;
  /** Cap on a server's Retry-After. Default 60 s. */
  readonly maxRetryAfterMs?: number;
  /** Randomise each backoff to 50–100 % of its value (default true). */
  readonly jitter?: boolean;
  /** Also retry per-attempt timeouts (default false: a timeout may mean the server is still working). */
  readonly retryOnTimeout?: boolean;
}

/**
 * Options of {@link createProvincialClient}.
 *
 * @example
 * const options: ProvincialClientOptions = {
 *   baseUrl: 'http://127.0.0.1:8787',
 *   source: '330000-DEPT01',
 *   signer: createHmacSha256Signer({ appKey: 'sandbox-app', secret: 'sandbox-secret' }),
 * };
 */
export interface ProvincialClientOptions {
  /** Base URL of the provincial interface (the contract's paths start with `v1/`). */
  readonly baseUrl: string;
  /** 数据来源 (`cd_source`): province region code + department code. */
  readonly source: string;
  /** Request signer; none by default. */
  readonly signer?: Signer;
  /** Injected fetch (tests, proxies). */
  readonly fetch?: typeof fetch;
  /** Per-attempt timeout. Default 10 s. */
  readonly timeoutMs?: number;
  /** Timeout of a whole call including retries and backoff. Default 120 s. */
  readonly totalTimeoutMs?: number;
  readonly retry?: RetryPolicy;
  /** Records per upload request. Default 500 (reference §2.8 design default). */
  readonly batchSize?: number;
  /** Daily sequence of batch numbers. Default: a fresh in-memory sequence per client. */
  readonly batchSequence?: BatchSequence;
  /** Batches in flight at once. Default 2. */
  readonly concurrency?: number;
  /** Local 质检 before upload; `false` disables it. Default: core's `qualityCheck`. */
  readonly qualityCheck?: QualityCheckFunction | false;
  /**
   * The civil date ('YYYY-MM-DD') the local 质检 takes as today (no-future-dates and similar rules), so a run
   * dated in the past is reproducible. Default: China today.
   */
  readonly today?: string;
  /** Clock (epoch ms). Default `Date.now`. */
  readonly now?: () => number;
  /** Known offset to add to the local clock (server − local), in ms. Learned automatically on a clock-skew refusal. */
  readonly clockOffsetMs?: number;
  readonly logger?: Logger;
  readonly hooks?: ClientHooks;
  /** Extra User-Agent product token. */
  readonly userAgent?: string;
}

/**
 * Per-call options.
 *
 * @example
 * await client.getQualityResult('2024031500001', { signal: AbortSignal.timeout(5000) });
 */
export interface CallOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  readonly totalTimeoutMs?: number;
  /** Overrides the derived idempotency key of a single write (the caller's key wins). */
  readonly idempotencyKey?: string;
}

/**
 * Meta data of a completed call.
 *
 * @example
 * const m: ResponseMeta = { requestId: 'r', status: 200, durationMs: 12, attempts: 1 };
 */
export interface ResponseMeta {
  readonly requestId: string;
  readonly status: number;
  readonly durationMs: number;
  readonly attempts: number;
}

/**
 * A validated response plus its meta.
 *
 * @example
 * const { data, meta } = await client.request('listClues', {});
 */
export interface ApiResponse<T> {
  readonly data: T;
  readonly meta: ResponseMeta;
}
