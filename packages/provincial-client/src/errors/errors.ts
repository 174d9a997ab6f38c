import type { Expected, FieldPath, LocalizedMessage } from '@jianguan/core';
import { describeValue, expectedMessage, JianguanError } from '@jianguan/core';
import { redactText, redactUrl, redactValue, sanitizeError } from './redact.js';

/**
 * Facts every provincial-client error carries about the HTTP exchange (secrets already redacted).
 *
 * @example
 * const info: RequestInfo = { method: 'POST', url: 'http://127.0.0.1/v1/x?sign=[REDACTED]', status: 500 };
 */
export interface RequestInfo {
  /** HTTP method. */
  readonly method?: string;
  /** The request URL with signatures, tokens and secrets replaced by `[REDACTED]`. */
  readonly url?: string;
  /** HTTP status; 0 (or absent) when no response arrived. */
  readonly status?: number;
  /** The server's request id (`X-Request-Id`), or the one we generated. */
  readonly requestId?: string;
  /** The idempotency key the request carried, if any. */
  readonly idempotencyKey?: string;
  /** The parsed response body, when there was one (already redacted). */
  readonly data?: unknown;
  /** The underlying error. */
  readonly cause?: unknown;
  /** The bad field or argument (`['options', 'baseUrl']`, `['appKey']`), for argument errors. */
  readonly path?: FieldPath;
  /** Extra facts. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * Base of every error thrown by the provincial client (省级接口客户端错误).
 *
 * @example
 * try {
 *   await client.uploadBehaviours(records);
 * } catch (error) {
 *   if (error instanceof ProvincialClientError) console.log(error.code, error.requestId);
 * }
 */
export class ProvincialClientError extends JianguanError {
  override readonly name: string = 'ProvincialClientError';
  /** HTTP method. */
  readonly method: string | undefined;
  /** Redacted URL. */
  readonly url: string | undefined;
  /** HTTP status, 0 when no response arrived. */
  readonly status: number;
  /** Server or client request id. */
  readonly requestId: string | undefined;
  /** Idempotency key of the failed write, if any. */
  readonly idempotencyKey: string | undefined;
  /** Parsed (redacted) response body. */
  readonly data: unknown;

  /**
   * Every fact is redacted here, whoever builds the error: the URL (signatures, tokens, a password in the
   * userinfo), the messages, the details, the data, and the cause (replaced by a sanitised copy holding only name,
   * redacted message and code) — so `message`, `cause`, `details`, `toJSON()` and `util.inspect` never show a secret.
   */
  constructor(code: string, messages: LocalizedMessage, info: RequestInfo = {}) {
    const url = info.url === undefined ? undefined : redactUrl(info.url);
    super(
      code,
      { zh: redactText(messages.zh), en: redactText(messages.en) },
      {
        details: redactValue({
          ...(info.details ?? {}),
          method: info.method,
          url,
          status: info.status ?? 0,
          requestId: info.requestId,
        }) as Record<string, unknown>,
        ...(info.cause === undefined ? {} : { cause: sanitizeError(info.cause) }),
        ...(info.path === undefined ? {} : { path: info.path }),
      },
    );
    if (typeof this.stack === 'string') this.stack = redactText(this.stack);
    this.method = info.method;
    this.url = url;
    this.status = info.status ?? 0;
    this.requestId = info.requestId;
    this.idempotencyKey = info.idempotencyKey;
    this.data = info.data === undefined ? undefined : redactValue(info.data);
  }
}

/**
 * The server refused the request body as too large (HTTP 413, 请求体过大); not retried — split the batch.
 *
 * @example
 * if (error instanceof PayloadTooLargeError) await client.upload(kind, items, { ...options }); // with a smaller batchSize
 */
export class PayloadTooLargeError extends ProvincialClientError {
  override readonly name = 'PayloadTooLargeError' as const;
  constructor(info: RequestInfo) {
    super(
      'payload_too_large',
      {
        zh: '请求体过大，服务端拒收（HTTP 413），请减小批次',
        en: 'request body too large (HTTP 413); use smaller batches',
      },
      info,
    );
  }
}

/**
 * The server answered with an HTTP error status (HTTP 错误).
 *
 * @example
 * if (error instanceof HttpError && error.status === 404) { ... }
 */
export class HttpError extends ProvincialClientError {
  override readonly name: string = 'HttpError';
  constructor(info: RequestInfo) {
    super('http_error', { zh: `HTTP 状态 ${info.status ?? 0}`, en: `HTTP status ${info.status ?? 0}` }, info);
  }
}

/**
 * The server throttled us (HTTP 429, 限流) and retries ran out; `retryAfterMs` says when to come back.
 *
 * @example
 * if (error instanceof RateLimitError) await sleep(error.retryAfterMs ?? 1000);
 */
export class RateLimitError extends ProvincialClientError {
  override readonly name = 'RateLimitError' as const;
  /** The server's Retry-After in milliseconds, if it sent one. */
  readonly retryAfterMs: number | undefined;
  constructor(info: RequestInfo, retryAfterMs: number | undefined) {
    super('rate_limited', { zh: '请求过于频繁（限流）', en: 'rate limited by the gateway' }, info);
    this.retryAfterMs = retryAfterMs;
  }
}

/**
 * The gateway refused our credentials or signature (鉴权失败).
 *
 * @example
 * if (error instanceof AuthError) console.log('check appKey/secret and clock', error.data);
 */
export class AuthError extends ProvincialClientError {
  override readonly name = 'AuthError' as const;
  constructor(info: RequestInfo) {
    super(
      'auth_failed',
      { zh: '鉴权失败，签名或凭据有误', en: 'authentication failed: bad signature or credentials' },
      info,
    );
  }
}

/**
 * No response arrived: connection refused, reset or dropped (网络错误).
 *
 * @example
 * if (error instanceof NetworkError) console.log('gateway unreachable', error.url);
 */
export class NetworkError extends ProvincialClientError {
  override readonly name = 'NetworkError' as const;
  constructor(info: RequestInfo) {
    super('network_error', { zh: '网络错误，未收到响应', en: 'network error: no response received' }, info);
  }
}

/**
 * A per-attempt or total timeout elapsed, or the caller aborted (超时/取消).
 *
 * @example
 * if (error instanceof TimeoutError) console.log(error.details.kind); // 'attempt' | 'total' | 'aborted'
 */
export class TimeoutError extends ProvincialClientError {
  override readonly name = 'TimeoutError' as const;
  constructor(kind: 'attempt' | 'total' | 'aborted', info: RequestInfo) {
    super(
      kind === 'aborted' ? 'aborted' : 'timeout',
      kind === 'aborted'
        ? { zh: '请求已被调用方取消', en: 'request aborted by the caller' }
        : { zh: `请求超时（${kind === 'total' ? '总' : '单次'}）`, en: `request timed out (${kind})` },
      { ...info, details: { ...(info.details ?? {}), kind } },
    );
  }
}

/**
 * HTTP 200 with a business error code in the body (业务错误码).
 *
 * @example
 * if (error instanceof ApiBusinessError) console.log(error.businessCode, error.businessMessage);
 */
export class ApiBusinessError extends ProvincialClientError {
  override readonly name = 'ApiBusinessError' as const;
  /** The `code` field of the response body. */
  readonly businessCode: string;
  /** The `msg` field of the response body. */
  readonly businessMessage: string;
  constructor(businessCode: string, businessMessage: string, info: RequestInfo) {
    super(
      'business_error',
      {
        zh: `业务错误 ${businessCode}：${businessMessage}`,
        en: `business error ${businessCode}: ${businessMessage}`,
      },
      info,
    );
    this.businessCode = businessCode;
    this.businessMessage = businessMessage;
  }
}

/**
 * The response did not match the contract's zod schema (响应格式不符).
 *
 * @example
 * if (error instanceof ResponseValidationError) console.log(error.issues);
 */
export class ResponseValidationError extends ProvincialClientError {
  override readonly name = 'ResponseValidationError' as const;
  /** zod issues, as `{ path, message }`. */
  readonly issues: readonly { path: readonly PropertyKey[]; message: string }[];
  constructor(issues: readonly { path: readonly PropertyKey[]; message: string }[], info: RequestInfo) {
    super('invalid_response', { zh: '响应不符合接口规范', en: 'response does not match the contract' }, info);
    this.issues = issues;
  }
}

/**
 * One item of a pulled page does not match the contract (推送数据不符合接口规范): the page itself was
 * well-formed, so the other items are usable. Thrown by a pull by default; with `onInvalid: 'skip'` it is
 * collected in the iterator's `invalid` list instead and the cursor moves past the item.
 *
 * @example
 * for (const e of iterator.invalid) console.log(e.endpoint, e.itemId, e.issues);
 */
export class InvalidItemError extends ProvincialClientError {
  override readonly name = 'InvalidItemError' as const;
  /** The endpoint the item came from (e.g. `listDoubleNotifications`). */
  readonly endpoint: string;
  /** The item's id when it has a readable one. */
  readonly itemId: string | undefined;
  /** zod issues (or the decoding failure), as `{ path, message }`, paths starting at the item. */
  readonly issues: readonly { path: readonly PropertyKey[]; message: string }[];
  /** The item as received (redacted). */
  readonly item: unknown;
  constructor(
    endpoint: string,
    itemId: string | undefined,
    issues: readonly { path: readonly PropertyKey[]; message: string }[],
    item: unknown,
    info: RequestInfo = {},
  ) {
    const first = issues[0];
    const where = first ? `${first.path.join('.') || '(item)'}: ${first.message}` : '';
    super(
      'invalid_item',
      {
        zh: `${endpoint} 返回的条目${itemId ? ` ${itemId}` : ''}不符合接口规范（${where}）`,
        en: `${endpoint} returned an item${itemId ? ` ${itemId}` : ''} that does not match the contract (${where})`,
      },
      { ...info, details: { ...(info.details ?? {}), endpoint, itemId, path: first?.path } },
    );
    this.endpoint = endpoint;
    this.itemId = itemId;
    this.issues = issues;
    this.item = redactValue(item);
  }
}

/**
 * Records failed the local quality check (本地质检未通过) and `force` was not set; nothing was sent.
 *
 * @example
 * if (error instanceof QualityCheckFailedError) console.table(error.issues);
 */
export class QualityCheckFailedError extends ProvincialClientError {
  override readonly name = 'QualityCheckFailedError' as const;
  /** The blocking issues. */
  readonly issues: readonly unknown[];
  constructor(failed: number, issues: readonly unknown[]) {
    super(
      'quality_check_failed',
      {
        zh: `${failed} 条记录未通过本地质检，未上传（可用 force 强制上传）`,
        en: `${failed} record(s) failed the local quality check and were not uploaded (use force to override)`,
      },
      { details: { failed } },
    );
    this.issues = issues;
  }
}

/**
 * A signer could not sign: missing hash algorithm (e.g. no SM3 in this OpenSSL), bad key, token refresh failed.
 *
 * @example
 * try { createHmacSm3Signer({ appKey: 'a', secret: 's' }); } catch (e) { if (e instanceof SignerError) ... }
 */
export class SignerError extends ProvincialClientError {
  override readonly name = 'SignerError' as const;
  constructor(code: string, messages: LocalizedMessage, info: RequestInfo = {}) {
    super(code, messages, info);
  }
}

/** An argument's message: `参数 ` before the Chinese label, `argument` for the empty path. */
const ARGUMENT = { root: 'argument', zhLead: '参数 ' } as const;

/**
 * Bad options or arguments given to the client, outbox or sandbox (参数错误).
 *
 * @example
 * try { createProvincialClient({ baseUrl: '' } as never); } catch (e) { if (e instanceof ClientOptionsError) ... }
 */
export class ClientOptionsError extends ProvincialClientError {
  override readonly name = 'ClientOptionsError' as const;
  constructor(
    messages: LocalizedMessage,
    details: Readonly<Record<string, unknown>> = {},
    path: FieldPath = [],
  ) {
    super('invalid_options', messages, { details, path });
  }

  /**
   * The error for argument `path` that is not `expected` (参数类型错误): core's `expectedMessage` with
   * `参数 ` before the Chinese label (`argument` for the empty path), and `details.actual`.
   *
   * @example
   * ClientOptionsError.expected(['appKey'], { zh: '非空字符串', en: 'a non-empty string' }, 1).path; // ['appKey']
   */
  static expected(path: FieldPath, expected: Expected, actual: unknown): ClientOptionsError {
    return new ClientOptionsError(
      expectedMessage(path, expected, actual, ARGUMENT),
      { actual: describeValue(actual) },
      path,
    );
  }
}

/**
 * Another live process holds the outbox journal (单写者锁被占用): `outbox_locked` when opening, or
 * `outbox_lock_lost` when this process no longer holds the lock it took (the write was not acknowledged).
 * `details` carry the journal, the lock file and the holder's pid, host and since.
 *
 * @example
 * try { await createOutbox({ client, store: path }); } catch (e) { if (e instanceof OutboxLockedError) console.log(e.details.pid); }
 */
export class OutboxLockedError extends ProvincialClientError {
  override readonly name = 'OutboxLockedError' as const;
  constructor(
    code: 'outbox_locked' | 'outbox_lock_lost',
    journal: string,
    lockPath: string,
    holder: { readonly pid?: number; readonly host?: string; readonly since?: number } | undefined,
  ) {
    super(
      code,
      code === 'outbox_locked'
        ? {
            zh: `待报队列 ${journal} 已被另一进程（pid ${holder?.pid ?? '?'}）打开，同一队列只允许一个写入进程`,
            en: `outbox journal ${journal} is held by another live process (pid ${holder?.pid ?? '?'}); one writer per journal`,
          }
        : {
            zh: `本进程已不再持有待报队列 ${journal} 的锁，写入未确认`,
            en: `this process no longer holds the lock of outbox journal ${journal}; the write was not acknowledged`,
          },
      {
        details: {
          journal,
          lockPath,
          ...(holder?.pid === undefined ? {} : { pid: holder.pid }),
          ...(holder?.host === undefined ? {} : { host: holder.host }),
          ...(holder?.since === undefined ? {} : { since: holder.since }),
        },
      },
    );
  }
}
