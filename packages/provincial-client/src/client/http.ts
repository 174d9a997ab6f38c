import { randomUUID } from 'node:crypto';
import ky, { HTTPError, TimeoutError as KyTimeoutError } from 'ky';
import type { z } from 'zod';
import type { EndpointSpec } from '../contract/endpoints.js';
import { BUSINESS_CODES, envelopeOf, SUCCESS_CODE } from '../contract/wire.js';
import type { RequestInfo } from '../errors/errors.js';
import {
  ApiBusinessError,
  AuthError,
  HttpError,
  NetworkError,
  ProvincialClientError,
  RateLimitError,
  ResponseValidationError,
  TimeoutError,
} from '../errors/errors.js';
import { redactUrl, redactValue } from '../errors/redact.js';
import { randomNonce } from '../signing/crypto-util.js';
import type { ApiResponse, CallOptions, Logger, ProvincialClientOptions } from './types.js';

const SILENT: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** Everything needed to perform one contract call. */
export interface CallSpec {
  readonly endpoint: EndpointSpec;
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: unknown;
  readonly idempotencyKey?: string;
}

type InfoFn = (extra?: Partial<{ status: number; cause: unknown; data: unknown }>) => RequestInfo;

interface AttemptState {
  attempts: number;
  lastBody?: unknown;
  lastStatus?: number;
  lastRequestId?: string;
  lastUrl?: string;
  startedAt?: number;
}

function retryAfterMs(h: string | null): number | undefined {
  if (!h) return undefined;
  const n = Number(h);
  if (Number.isFinite(n)) return Math.max(0, n * 1000);
  const t = Date.parse(h);
  return Number.isFinite(t) ? Math.max(0, t - Date.now()) : undefined;
}

/** Keeps only name, message and code of a transport error (never a request object carrying signatures). */
function sanitizeCause(error: unknown): Error {
  const e = error instanceof Error ? error : new Error(String(error));
  const inner = (e as { cause?: unknown }).cause;
  const out = new Error(redactUrl(e.message));
  out.name = e.name;
  const code = (inner as { code?: unknown } | undefined)?.code ?? (e as { code?: unknown }).code;
  if (typeof code === 'string') (out as Error & { code?: string }).code = code;
  return out;
}

/** The HTTP engine: ky with signing per attempt, retries, timeouts, error mapping and zod validation. */
export class HttpEngine {
  readonly logger: Logger;
  clockOffsetMs: number;
  readonly #o: ProvincialClientOptions;
  readonly #ky: typeof ky;

  constructor(options: ProvincialClientOptions) {
    this.#o = options;
    this.logger = options.logger ?? SILENT;
    this.clockOffsetMs = options.clockOffsetMs ?? 0;
    const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
    this.#ky = ky.create({
      prefixUrl: base,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      throwHttpErrors: true,
      headers: {
        'user-agent': `jianguan-provincial-client/0 node/${process.versions.node}${options.userAgent ? ` ${options.userAgent}` : ''}`,
      },
    });
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
    const searchParams = new URLSearchParams();
    for (const [k, v] of Object.entries(spec.query ?? {}))
      if (v !== undefined) searchParams.set(k, String(v));
    const bodyText = spec.body === undefined ? '' : JSON.stringify(spec.body);
    const requestId = randomUUID();
    const idempotencyKey = options.idempotencyKey ?? spec.idempotencyKey;
    const policy = o.retry ?? {};
    const retryable = e.method === 'GET' || idempotencyKey !== undefined;
    const total = options.totalTimeoutMs ?? o.totalTimeoutMs ?? 120_000;
    const totalSignal = AbortSignal.timeout(total);
    const signal = options.signal ? AbortSignal.any([options.signal, totalSignal]) : totalSignal;
    const st: AttemptState = { attempts: 0 };
    const started = performance.now();
    const hooks = o.hooks ?? {};
    const event = () => ({
      endpoint: e.id,
      method: e.method,
      url: st.lastUrl ?? redactUrl(`${o.baseUrl}/${path}`),
      attempt: st.attempts - 1,
      requestId,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });
    const baseDelay = policy.baseDelayMs ?? 300;
    const maxDelay = policy.maxDelayMs ?? 10_000;
    const jitter = policy.jitter ?? true;

    const info: InfoFn = (extra = {}) => ({
      method: e.method,
      url: st.lastUrl ?? redactUrl(`${o.baseUrl}/${path}`),
      requestId: st.lastRequestId ?? requestId,
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...(extra.status === undefined ? {} : { status: extra.status }),
      ...(extra.cause === undefined ? {} : { cause: extra.cause }),
      ...(extra.data === undefined ? {} : { data: redactValue(extra.data) }),
      details: { endpoint: e.id, attempts: st.attempts },
    });

    let response: Response;
    try {
      response = await this.#ky(path, {
        method: e.method,
        ...(searchParams.size > 0 ? { searchParams } : {}),
        ...(bodyText ? { body: bodyText } : {}),
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'x-request-id': requestId,
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
        signal,
        timeout: options.timeoutMs ?? o.timeoutMs ?? 10_000,
        retry: {
          limit: retryable ? (policy.limit ?? 4) : 0,
          methods: ['get', 'post'],
          statusCodes: [408, 429, 500, 502, 503, 504],
          afterStatusCodes: [429, 503],
          maxRetryAfter: policy.maxRetryAfterMs ?? 60_000,
          retryOnTimeout: policy.retryOnTimeout ?? false,
          delay: (n) => Math.min(maxDelay, baseDelay * 2 ** (n - 1)),
          ...(jitter ? { jitter: (d: number) => d * (0.5 + Math.random() * 0.5) } : {}),
        },
        hooks: {
          beforeRequest: [
            async (request) => {
              st.attempts++;
              st.startedAt = performance.now();
              const url = new URL(request.url);
              let headersOut: Readonly<Record<string, string>> | undefined;
              if (o.signer) {
                const signed = await o.signer.sign({
                  method: e.method,
                  url,
                  body: bodyText,
                  now: this.now(),
                  nonce: randomNonce(),
                  ...(o.fetch ? { fetch: o.fetch } : {}),
                  signal,
                });
                headersOut = signed.headers;
                if (signed.query && Object.keys(signed.query).length > 0) {
                  for (const [k, v] of Object.entries(signed.query)) url.searchParams.set(k, v);
                }
              }
              st.lastUrl = redactUrl(url.toString());
              hooks.beforeRequest?.(event());
              this.logger.debug('request', event());
              if (url.toString() !== request.url) {
                const next = new Request(url, request);
                for (const [k, v] of Object.entries(headersOut ?? {})) next.headers.set(k, v);
                return next;
              }
              for (const [k, v] of Object.entries(headersOut ?? {})) request.headers.set(k, v);
              return undefined;
            },
          ],
          beforeRetry: [
            ({ error }) => {
              hooks.beforeRetry?.({ ...event(), error });
              this.logger.debug('retry', {
                ...event(),
                error: error instanceof Error ? error.message : String(error),
              });
            },
          ],
          afterResponse: [
            async (_request, _options, res) => {
              st.lastStatus = res.status;
              st.lastRequestId = res.headers.get('x-request-id') ?? requestId;
              hooks.afterResponse?.({
                ...event(),
                status: res.status,
                durationMs: performance.now() - (st.startedAt ?? started),
              });
              if (res.ok) {
                let body: unknown;
                try {
                  body = await res.clone().json();
                } catch {
                  body = undefined;
                }
                st.lastBody = body;
                const code = (body as { code?: unknown } | undefined)?.code;
                if (typeof code === 'string' && code !== SUCCESS_CODE) {
                  const known = BUSINESS_CODES[code as keyof typeof BUSINESS_CODES];
                  if (known?.retryable && retryable) return ky.retry();
                }
              }
              return undefined;
            },
          ],
        },
      });
    } catch (error) {
      throw await this.#mapError(error, st, info, options.signal, totalSignal);
    }

    const body = st.lastBody;
    const envelope = envelopeOf(schema).safeParse(body);
    if (!envelope.success) {
      throw new ResponseValidationError(
        envelope.error.issues.map((i) => ({ path: i.path, message: i.message })),
        info({ status: response.status, data: body }),
      );
    }
    if (envelope.data.code !== SUCCESS_CODE) {
      throw new ApiBusinessError(
        envelope.data.code,
        envelope.data.msg,
        info({ status: response.status, data: body }),
      );
    }
    if (envelope.data.data === undefined) {
      throw new ResponseValidationError(
        [{ path: ['data'], message: 'missing data' }],
        info({ status: response.status, data: body }),
      );
    }
    return {
      data: envelope.data.data as T,
      meta: {
        requestId: envelope.data.requestId || (st.lastRequestId ?? requestId),
        status: response.status,
        durationMs: performance.now() - started,
        attempts: st.attempts,
      },
    };
  }

  async #mapError(
    error: unknown,
    st: AttemptState,
    info: InfoFn,
    callerSignal: AbortSignal | undefined,
    totalSignal: AbortSignal,
  ): Promise<ProvincialClientError> {
    const mk = info;
    let mapped: ProvincialClientError;
    if (error instanceof ProvincialClientError) mapped = error;
    else if (error instanceof HTTPError) {
      const res = error.response;
      let data: unknown;
      try {
        data = await res.clone().json();
      } catch {
        data = undefined;
      }
      const status = res.status;
      if (status === 401 || status === 403) mapped = new AuthError(mk({ status, data }));
      else if (status === 429)
        mapped = new RateLimitError(mk({ status, data }), retryAfterMs(res.headers.get('retry-after')));
      else mapped = new HttpError(mk({ status, data }));
    } else if (callerSignal?.aborted) mapped = new TimeoutError('aborted', mk({ cause: error }));
    else if (totalSignal.aborted) mapped = new TimeoutError('total', mk({ cause: error }));
    else if (error instanceof KyTimeoutError) mapped = new TimeoutError('attempt', mk({}));
    else if (error instanceof Error && error.name === 'ForceRetryError') {
      const b = st.lastBody as { code?: string; msg?: string } | undefined;
      mapped = new ApiBusinessError(
        b?.code ?? '?',
        b?.msg ?? '',
        mk({ status: st.lastStatus ?? 200, data: b }),
      );
    } else mapped = new NetworkError(mk({ cause: sanitizeCause(error) }));
    this.#o.hooks?.onError?.(mapped);
    this.logger.warn('request failed', {
      code: mapped.code,
      status: mapped.status,
      url: mapped.url,
      requestId: mapped.requestId,
    });
    return mapped;
  }
}
