import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { EndpointSpec } from '../contract/endpoints.js';
import { BUSINESS_CODES, envelopeOf, SUCCESS_CODE } from '../contract/wire.js';
import type { RequestInfo } from '../errors/errors.js';
import {
  ApiBusinessError,
  AuthError,
  HttpError,
  NetworkError,
  PayloadTooLargeError,
  ProvincialClientError,
  RateLimitError,
  ResponseValidationError,
  SignerError,
  TimeoutError,
} from '../errors/errors.js';
import { redactUrl, redactValue, sanitizeError } from '../errors/redact.js';
import { randomNonce } from '../signing/crypto-util.js';
import type { Signer, SignInput, SignOutput } from '../signing/types.js';
import type { ApiResponse, CallOptions, Logger, ProvincialClientOptions } from './types.js';

const SILENT: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** Statuses a retryable call is retried on. */
const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
/** Statuses whose Retry-After header is honoured. */
const RETRY_AFTER_STATUSES = new Set([429, 503]);

/** Everything needed to perform one contract call. */
export interface CallSpec {
  readonly endpoint: EndpointSpec;
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: unknown;
  readonly idempotencyKey?: string;
}

function retryAfterMs(h: string | null): number | undefined {
  if (!h) return undefined;
  const n = Number(h);
  if (Number.isFinite(n)) return Math.max(0, n * 1000);
  const t = Date.parse(h);
  return Number.isFinite(t) ? Math.max(0, t - Date.now()) : undefined;
}

/** What one attempt produced: a fully read response, or an error (never a pending body or promise). */
type Attempt =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly headers: Headers;
      readonly body: unknown;
      readonly requestId: string;
    }
  | { readonly kind: 'error'; readonly error: unknown; readonly timedOut: boolean };

/**
 * Waits `ms`, or less when `signal` aborts. Never rejects (an abort is read from the signal by the caller), and
 * leaves no timer or listener behind.
 */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted || ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** The logger with every method guarded: a throwing logger never breaks or rejects a call. */
function safeLogger(logger: Logger): Logger {
  const guard =
    (level: keyof Logger) =>
    (message: string, fields?: Readonly<Record<string, unknown>>): void => {
      try {
        logger[level](message, fields);
      } catch {
        // ignored
      }
    };
  return { debug: guard('debug'), info: guard('info'), warn: guard('warn'), error: guard('error') };
}

/** Calls an observation hook; a throwing hook is logged, never allowed to break or reject the call. */
function observe(logger: Logger, name: string, fn: (() => void) | undefined): void {
  if (!fn) return;
  try {
    fn();
  } catch (error) {
    try {
      logger.warn('client hook threw; ignored', { hook: name, error: sanitizeError(error).message });
    } catch {
      // a throwing logger cannot break a call either
    }
  }
}

/**
 * The HTTP engine: signing per attempt, retries with backoff and jitter, Retry-After, per-attempt and total
 * timeouts, caller aborts, error mapping and zod validation.
 *
 * Lifecycle guarantees (why there is no unhandled rejection, whatever combination of retries, timeouts and aborts):
 * - each call owns one `AbortController`; the caller's signal and the total timeout are linked to it by a listener
 *   and a timer that are removed when the call settles, so nothing can abort it afterwards;
 * - each attempt owns its own controller (linked to the call's, plus the per-attempt timer) and awaits both the
 *   fetch and the full body read, so no response body is ever left unread for a later abort to cancel;
 * - backoff waits resolve on abort instead of rejecting.
 */
export class HttpEngine {
  readonly logger: Logger;
  clockOffsetMs: number;
  readonly #o: ProvincialClientOptions;
  readonly #base: string;
  readonly #basicAuth: string | undefined;
  readonly #fetch: typeof fetch;

  constructor(options: ProvincialClientOptions) {
    this.#o = options;
    this.logger = safeLogger(options.logger ?? SILENT);
    this.clockOffsetMs = options.clockOffsetMs ?? 0;
    // Credentials in the base URL's userinfo are sent as HTTP Basic auth and never kept in a URL (fetch refuses
    // them, and URLs end up in logs and errors).
    const base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
    this.#basicAuth =
      base.username || base.password
        ? `Basic ${Buffer.from(`${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}`).toString('base64')}`
        : undefined;
    base.username = '';
    base.password = '';
    this.#base = base.toString();
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  now(): number {
    return (this.#o.now ?? Date.now)() + this.clockOffsetMs;
  }

  /** Performs a call; on a signature refusal caused by clock skew or an expired token it adjusts and tries once more. */
  async call<T>(spec: CallSpec, schema: z.ZodType<T>, options: CallOptions = {}): Promise<ApiResponse<T>> {
    try {
      return await this.#callOnce(spec, schema, options);
    } catch (error) {
      if (error instanceof AuthError) {
        const serverTime = Number(
          (error.data as { serverTime?: unknown } | undefined)?.serverTime ?? Number.NaN,
        );
        const reason = (error.data as { reason?: unknown } | undefined)?.reason;
        let again = false;
        if (reason === 'clock_skew' && Number.isFinite(serverTime)) {
          this.clockOffsetMs = serverTime - (this.#o.now ?? Date.now)();
          this.logger.warn('clock skew detected; adjusted offset', { clockOffsetMs: this.clockOffsetMs });
          again = true;
        } else if (this.#o.signer?.invalidate) {
          this.#o.signer.invalidate();
          again = true;
        }
        if (again) return await this.#callOnce(spec, schema, options);
      }
      throw error;
    }
  }

  async #callOnce<T>(spec: CallSpec, schema: z.ZodType<T>, options: CallOptions): Promise<ApiResponse<T>> {
    const o = this.#o;
    const e = spec.endpoint;
    const path = e.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(spec.params?.[name] ?? ''),
    );
    const target = new URL(path, this.#base);
    for (const [k, v] of Object.entries(spec.query ?? {}))
      if (v !== undefined) target.searchParams.set(k, String(v));
    const bodyText = spec.body === undefined ? '' : JSON.stringify(spec.body);
    const requestId = randomUUID();
    const idempotencyKey = options.idempotencyKey ?? spec.idempotencyKey;
    const policy = o.retry ?? {};
    const retryable = e.method === 'GET' || idempotencyKey !== undefined;
    const limit = retryable ? Math.max(0, policy.limit ?? 4) : 0;
    const baseDelay = policy.baseDelayMs ?? 300;
    const maxDelay = policy.maxDelayMs ?? 10_000;
    const maxRetryAfter = policy.maxRetryAfterMs ?? 60_000;
    const jitter = policy.jitter ?? true;
    const timeoutMs = options.timeoutMs ?? o.timeoutMs ?? 10_000;
    const totalMs = options.totalTimeoutMs ?? o.totalTimeoutMs ?? 120_000;
    const started = performance.now();
    const hooks = o.hooks ?? {};

    let attempts = 0;
    let lastUrl = redactUrl(target.toString());
    let lastRequestId: string | undefined;
    let attemptStarted = started;
    const event = () => ({
      endpoint: e.id,
      method: e.method,
      url: lastUrl,
      attempt: attempts - 1,
      requestId,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });
    const info = (extra: { status?: number; cause?: unknown; data?: unknown } = {}): RequestInfo => ({
      method: e.method,
      url: lastUrl,
      requestId: lastRequestId ?? requestId,
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...(extra.status === undefined ? {} : { status: extra.status }),
      ...(extra.cause === undefined ? {} : { cause: extra.cause }),
      ...(extra.data === undefined ? {} : { data: redactValue(extra.data) }),
      details: { endpoint: e.id, attempts },
    });

    // The call's own controller: the caller's signal and the total timeout feed it while the call runs, and are
    // detached when it settles.
    const call = new AbortController();
    let abortKind: 'aborted' | 'total' | undefined;
    const callerSignal = options.signal;
    const onCallerAbort = () => {
      abortKind ??= 'aborted';
      call.abort(callerSignal?.reason);
    };
    const totalTimer = setTimeout(() => {
      abortKind ??= 'total';
      call.abort(new DOMException('total timeout', 'TimeoutError'));
    }, totalMs);
    if (callerSignal?.aborted) onCallerAbort();
    else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });

    const attempt = async (): Promise<Attempt> => {
      attempts++;
      attemptStarted = performance.now();
      const ctl = new AbortController();
      let timedOut = false;
      const onCall = () => ctl.abort(call.signal.reason);
      call.signal.addEventListener('abort', onCall, { once: true });
      const timer = setTimeout(() => {
        timedOut = true;
        ctl.abort(new DOMException('attempt timeout', 'TimeoutError'));
      }, timeoutMs);
      try {
        if (call.signal.aborted) return { kind: 'error', error: call.signal.reason, timedOut: false };
        const url = new URL(target);
        const headers = new Headers({
          'content-type': 'application/json',
          accept: 'application/json',
          'user-agent': `jianguan-provincial-client/0 node/${process.versions.node}${o.userAgent ? ` ${o.userAgent}` : ''}`,
          'x-request-id': requestId,
        });
        if (idempotencyKey) headers.set('idempotency-key', idempotencyKey);
        if (this.#basicAuth) headers.set('authorization', this.#basicAuth);
        if (o.signer) {
          const signed = await signWith(o.signer, {
            method: e.method,
            url,
            body: bodyText,
            now: this.now(),
            nonce: randomNonce(),
            ...(idempotencyKey ? { idempotencyKey } : {}),
            ...(o.fetch ? { fetch: o.fetch } : {}),
            signal: call.signal,
          });
          for (const [k, v] of Object.entries(signed.query ?? {})) url.searchParams.set(k, v);
          for (const [k, v] of Object.entries(signed.headers ?? {})) headers.set(k, v);
        }
        lastUrl = redactUrl(url.toString());
        observe(this.logger, 'beforeRequest', hooks.beforeRequest && (() => hooks.beforeRequest!(event())));
        this.logger.debug('request', event());
        const res = await this.#fetch(url, {
          method: e.method,
          headers,
          ...(bodyText ? { body: bodyText } : {}),
          signal: ctl.signal,
        });
        // Read the whole body now (also of error answers): nothing is left for a later abort to cancel.
        const text = await res.text();
        let body: unknown;
        try {
          body = text === '' ? undefined : JSON.parse(text);
        } catch {
          body = undefined;
        }
        const responseId = res.headers.get('x-request-id') ?? requestId;
        observe(
          this.logger,
          'afterResponse',
          hooks.afterResponse &&
            (() =>
              hooks.afterResponse!({
                ...event(),
                status: res.status,
                durationMs: performance.now() - attemptStarted,
              })),
        );
        return { kind: 'response', status: res.status, headers: res.headers, body, requestId: responseId };
      } catch (error) {
        if (call.signal.aborted) return { kind: 'error', error, timedOut: false };
        if (error instanceof ProvincialClientError) throw error; // a signer's typed error: not retried
        return { kind: 'error', error, timedOut: timedOut && !call.signal.aborted };
      } finally {
        clearTimeout(timer);
        call.signal.removeEventListener('abort', onCall);
      }
    };

    /** The typed error of an attempt's outcome. */
    const failure = (a: Attempt): ProvincialClientError => {
      if (call.signal.aborted) return new TimeoutError(abortKind ?? 'aborted', info({}));
      if (a.kind === 'error') {
        if (a.timedOut) return new TimeoutError('attempt', info({}));
        return new NetworkError(info({ cause: sanitizeError(a.error) }));
      }
      const status = a.status;
      const data = a.body;
      if (status >= 200 && status < 300) {
        const b = data as { code?: unknown; msg?: unknown } | undefined;
        return new ApiBusinessError(
          typeof b?.code === 'string' ? b.code : '?',
          typeof b?.msg === 'string' ? b.msg : '',
          info({ status, data }),
        );
      }
      if (status === 401 || status === 403) return new AuthError(info({ status, data }));
      if (status === 429)
        return new RateLimitError(info({ status, data }), retryAfterMs(a.headers.get('retry-after')));
      if (status === 413) return new PayloadTooLargeError(info({ status, data }));
      return new HttpError(info({ status, data }));
    };

    /** The delay before the next attempt, or undefined when `a` is final. */
    const retryDelay = (a: Attempt): number | undefined => {
      if (call.signal.aborted || attempts > limit) return undefined;
      const backoff = () => {
        const d = Math.min(maxDelay, baseDelay * 2 ** (attempts - 1));
        return jitter ? d * (0.5 + Math.random() * 0.5) : d;
      };
      if (a.kind === 'error') {
        if (a.timedOut) return policy.retryOnTimeout ? backoff() : undefined;
        return backoff();
      }
      if (a.status >= 200 && a.status < 300) {
        const code = (a.body as { code?: unknown } | undefined)?.code;
        if (typeof code === 'string' && code !== SUCCESS_CODE) {
          const known = BUSINESS_CODES[code as keyof typeof BUSINESS_CODES];
          return known?.retryable ? backoff() : undefined;
        }
        return undefined;
      }
      if (!RETRY_STATUSES.has(a.status)) return undefined;
      if (RETRY_AFTER_STATUSES.has(a.status)) {
        const after = retryAfterMs(a.headers.get('retry-after'));
        if (after !== undefined) return Math.min(after, maxRetryAfter);
      }
      return backoff();
    };

    let final: Attempt;
    try {
      for (;;) {
        let a: Attempt;
        try {
          a = await attempt();
        } catch (error) {
          throw this.#report(error as ProvincialClientError);
        }
        if (a.kind === 'response') lastRequestId = a.requestId;
        const delay = retryDelay(a);
        if (delay === undefined) {
          final = a;
          break;
        }
        const why = failure(a);
        observe(
          this.logger,
          'beforeRetry',
          hooks.beforeRetry && (() => hooks.beforeRetry!({ ...event(), error: why })),
        );
        this.logger.debug('retry', { ...event(), error: why.message, delayMs: Math.round(delay) });
        await pause(delay, call.signal);
      }
    } finally {
      clearTimeout(totalTimer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    }

    const ok =
      final.kind === 'response' &&
      final.status >= 200 &&
      final.status < 300 &&
      (final.body as { code?: unknown } | undefined)?.code === SUCCESS_CODE;
    if (
      final.kind === 'error' ||
      !(final.status >= 200 && final.status < 300) ||
      (!ok && isRetryCode(final.body))
    ) {
      throw this.#report(failure(final));
    }
    const body = final.body;
    const envelope = envelopeOf(schema).safeParse(body);
    if (!envelope.success) {
      throw this.#report(
        new ResponseValidationError(
          envelope.error.issues.map((i) => ({ path: i.path, message: i.message })),
          info({ status: final.status, data: body }),
        ),
      );
    }
    if (envelope.data.code !== SUCCESS_CODE) {
      throw this.#report(
        new ApiBusinessError(
          envelope.data.code,
          envelope.data.msg,
          info({ status: final.status, data: body }),
        ),
      );
    }
    if (envelope.data.data === undefined) {
      throw this.#report(
        new ResponseValidationError(
          [{ path: ['data'], message: 'missing data' }],
          info({ status: final.status, data: body }),
        ),
      );
    }
    return {
      data: envelope.data.data as T,
      meta: {
        requestId: envelope.data.requestId || (lastRequestId ?? requestId),
        status: final.status,
        durationMs: performance.now() - started,
        attempts,
      },
    };
  }

  /** Tells the hooks and the logger about a failed call; returns the error. */
  #report(mapped: ProvincialClientError): ProvincialClientError {
    const onError = this.#o.hooks?.onError;
    observe(this.logger, 'onError', onError && (() => onError(mapped)));
    try {
      this.logger.warn('request failed', {
        code: mapped.code,
        status: mapped.status,
        url: mapped.url,
        requestId: mapped.requestId,
      });
    } catch {
      // a throwing logger cannot break a call
    }
    return mapped;
  }
}

/** Runs a signer; anything but the SDK's typed errors becomes a {@link SignerError} `sign_failed` (not retried). */
async function signWith(signer: Signer, input: SignInput): Promise<SignOutput> {
  try {
    return await signer.sign(input);
  } catch (error) {
    if (error instanceof ProvincialClientError) throw error;
    throw new SignerError(
      'sign_failed',
      { zh: `签名器 ${signer.scheme} 签名失败`, en: `signer ${signer.scheme} failed to sign the request` },
      { cause: error },
    );
  }
}

/** Whether a 200 body carries a retryable business code (the call ran out of retries on it). */
function isRetryCode(body: unknown): boolean {
  const code = (body as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && BUSINESS_CODES[code as keyof typeof BUSINESS_CODES]?.retryable === true;
}
