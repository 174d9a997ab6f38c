import { timingSafeEqual } from 'node:crypto';
import { finiteArgument, invalidArgument, objectArgument, stringArgument } from '../errors/arguments.js';
import { ClientOptionsError } from '../errors/errors.js';
import { hashHex, hmac, requireHash } from './crypto-util.js';
import type { Signer } from './types.js';

/**
 * Header names of the jianguan contract's canonical-request signature.
 *
 * @example
 * request.headers.get(SIGNATURE_HEADERS.signature);
 */
export const SIGNATURE_HEADERS = {
  appKey: 'x-jg-app-key',
  timestamp: 'x-jg-timestamp',
  nonce: 'x-jg-nonce',
  signature: 'x-jg-signature',
  method: 'x-jg-signature-method',
} as const;

/**
 * Signature algorithms of the jianguan contract: HMAC-SHA256, or HMAC-SM3 (国密 GM/T 0004).
 *
 * @example
 * const a: CanonicalAlgorithm = 'HMAC-SM3';
 */
export type CanonicalAlgorithm = 'HMAC-SHA256' | 'HMAC-SM3';

/**
 * The parts of a canonical request.
 *
 * @example
 * const p: CanonicalParts = { method: 'GET', path: '/v1/clues', query: 'a=1', body: '', timestamp: '1', nonce: 'n', appKey: 'k' };
 */
export interface CanonicalParts {
  readonly method: string;
  readonly path: string;
  /** The raw query string without `?`; it is re-sorted canonically. */
  readonly query: string;
  readonly body: string;
  readonly timestamp: string;
  readonly nonce: string;
  readonly appKey: string;
  /**
   * The `Idempotency-Key` header, when the request carries one: it is then signed too (an eighth line), so a
   * replayed body cannot be paired with another key, nor a key with another body.
   */
  readonly idempotencyKey?: string;
}

function digestName(algorithm: CanonicalAlgorithm): 'sha256' | 'sm3' {
  if (algorithm !== 'HMAC-SHA256' && algorithm !== 'HMAC-SM3') {
    throw invalidArgument(
      ['algorithm'],
      { zh: "'HMAC-SHA256' 或 'HMAC-SM3'", en: "'HMAC-SHA256' or 'HMAC-SM3'" },
      algorithm,
    );
  }
  return algorithm === 'HMAC-SM3' ? 'sm3' : 'sha256';
}

const PART_NAMES = ['method', 'path', 'query', 'body', 'timestamp', 'nonce', 'appKey'] as const;

/** `parts` checked at the boundary: an object of strings (`idempotencyKey` optional). */
function checkedParts(parts: unknown): CanonicalParts {
  const p = objectArgument(parts, ['parts']);
  for (const name of PART_NAMES) stringArgument(p[name], ['parts', name]);
  if (p.idempotencyKey !== undefined) stringArgument(p.idempotencyKey, ['parts', 'idempotencyKey']);
  return p as unknown as CanonicalParts;
}

/**
 * The canonical string to sign: `METHOD \n path \n sorted-query \n hex(hash(body)) \n timestamp \n nonce \n appKey`,
 * plus `\n idempotency-key` when the request carries an `Idempotency-Key`; the body hash using the algorithm's digest
 * (SHA-256 or SM3); query pairs sorted by name then value, RFC 3986 encoded.
 *
 * @example
 * canonicalString({ method: 'get', path: '/v1/x', query: 'b=2&a=1', body: '', timestamp: '1', nonce: 'n', appKey: 'k' }, 'HMAC-SHA256');
 */
export function canonicalString(
  parts: CanonicalParts,
  algorithm: CanonicalAlgorithm = 'HMAC-SHA256',
): string {
  checkedParts(parts);
  const digest = digestName(algorithm);
  const enc = (s: string) =>
    encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const pairs = [...new URLSearchParams(parts.query)].map(([k, v]) => [enc(k), enc(v)] as const);
  pairs.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1));
  return [
    parts.method.toUpperCase(),
    parts.path,
    pairs.map(([k, v]) => `${k}=${v}`).join('&'),
    hashHex(digest, parts.body),
    parts.timestamp,
    parts.nonce,
    parts.appKey,
    ...(parts.idempotencyKey ? [parts.idempotencyKey] : []),
  ].join('\n');
}

/**
 * Hex HMAC of the canonical string.
 *
 * @example
 * signCanonical(parts, 'secret', 'HMAC-SM3');
 */
export function signCanonical(
  parts: CanonicalParts,
  secret: string,
  algorithm: CanonicalAlgorithm = 'HMAC-SHA256',
): string {
  checkedParts(parts);
  stringArgument(secret, ['secret']);
  return hmac(digestName(algorithm), secret, canonicalString(parts, algorithm));
}

/**
 * Options of the jianguan contract signer.
 *
 * @example
 * const o: CanonicalSignerOptions = { appKey: 'dept-001', secret: 's3cret' };
 */
export interface CanonicalSignerOptions {
  readonly appKey: string;
  readonly secret: string;
}

function createCanonicalSigner(options: CanonicalSignerOptions, algorithm: CanonicalAlgorithm): Signer {
  if (!options?.appKey || !options.secret) {
    throw new ClientOptionsError({ zh: '缺少 appKey 或 secret', en: 'appKey and secret are required' });
  }
  requireHash(digestName(algorithm));
  return {
    scheme: algorithm.toLowerCase(),
    sign: ({ method, url, body, now, nonce, idempotencyKey }) => {
      const timestamp = String(now);
      const signature = signCanonical(
        {
          method,
          path: url.pathname,
          query: url.search.slice(1),
          body,
          timestamp,
          nonce,
          appKey: options.appKey,
          ...(idempotencyKey ? { idempotencyKey } : {}),
        },
        options.secret,
        algorithm,
      );
      return {
        headers: {
          [SIGNATURE_HEADERS.appKey]: options.appKey,
          [SIGNATURE_HEADERS.timestamp]: timestamp,
          [SIGNATURE_HEADERS.nonce]: nonce,
          [SIGNATURE_HEADERS.signature]: signature,
          [SIGNATURE_HEADERS.method]: algorithm,
        },
      };
    },
  };
}

/**
 * HMAC-SHA256 canonical-request signer of the jianguan provincial interface v1 (our own contract; the sandbox default).
 *
 * @example
 * const signer = createHmacSha256Signer({ appKey: 'dept-001', secret: 's3cret' });
 */
export function createHmacSha256Signer(options: CanonicalSignerOptions): Signer {
  return createCanonicalSigner(options, 'HMAC-SHA256');
}

/**
 * HMAC-SM3 (国密) canonical-request signer. Throws {@link SignerError} `hash_unavailable` when Node's OpenSSL has no
 * `sm3` (checked with `crypto.getHashes()`).
 *
 * @example
 * const signer = createHmacSm3Signer({ appKey: 'dept-001', secret: 's3cret' });
 */
export function createHmacSm3Signer(options: CanonicalSignerOptions): Signer {
  return createCanonicalSigner(options, 'HMAC-SM3');
}

/**
 * Result of verifying a canonical signature.
 *
 * @example
 * const r: VerifyResult = { ok: false, reason: 'bad_signature' };
 */
export type VerifyResult =
  | { readonly ok: true; readonly appKey: string }
  | {
      readonly ok: false;
      readonly reason:
        | 'missing_headers'
        | 'unknown_app_key'
        | 'clock_skew'
        | 'bad_signature'
        | 'replayed_nonce'
        | 'unsupported_algorithm';
    };

/**
 * Options of {@link verifyCanonicalRequest}.
 *
 * @example
 * const o: VerifyOptions = { secrets: { k: 's' }, now: Date.now(), maxSkewMs: 300_000 };
 */
export interface VerifyOptions {
  /** appKey → secret. */
  readonly secrets: Readonly<Record<string, string>>;
  readonly now: number;
  /** Accepted |timestamp − now|. Default 5 min. */
  readonly maxSkewMs?: number;
  /** Returns false when the nonce was already seen (replay). */
  readonly checkNonce?: (appKey: string, nonce: string, timestamp: number) => boolean;
}

/**
 * Server-side verification of a canonical signature (used by the sandbox; usable by real gateways).
 *
 * @example
 * verifyCanonicalRequest({ method: 'GET', url: new URL('http://x/v1/a'), body: '', headers: new Headers() }, { secrets: {}, now: 0 });
 */
export function verifyCanonicalRequest(
  request: { readonly method: string; readonly url: URL; readonly body: string; readonly headers: Headers },
  options: VerifyOptions,
): VerifyResult {
  const r = objectArgument(request, ['request']);
  stringArgument(r.method, ['request', 'method']);
  if (!(r.url instanceof URL))
    throw invalidArgument(['request', 'url'], { zh: 'URL 对象', en: 'a URL' }, r.url);
  stringArgument(r.body, ['request', 'body']);
  if (!(r.headers instanceof Headers)) {
    throw invalidArgument(['request', 'headers'], { zh: 'Headers 对象', en: 'a Headers object' }, r.headers);
  }
  const o = objectArgument(options, ['options']);
  objectArgument(o.secrets, ['options', 'secrets']);
  finiteArgument(o.now, ['options', 'now']);
  if (o.maxSkewMs !== undefined) finiteArgument(o.maxSkewMs, ['options', 'maxSkewMs']);
  if (o.checkNonce !== undefined && typeof o.checkNonce !== 'function') {
    throw invalidArgument(['options', 'checkNonce'], { zh: '函数', en: 'a function' }, o.checkNonce);
  }
  const h = request.headers;
  const appKey = h.get(SIGNATURE_HEADERS.appKey);
  const timestamp = h.get(SIGNATURE_HEADERS.timestamp);
  const nonce = h.get(SIGNATURE_HEADERS.nonce);
  const signature = h.get(SIGNATURE_HEADERS.signature);
  const algorithm = (h.get(SIGNATURE_HEADERS.method) ?? 'HMAC-SHA256').toUpperCase();
  const idempotencyKey = h.get('idempotency-key');
  if (!appKey || !timestamp || !nonce || !signature) return { ok: false, reason: 'missing_headers' };
  if (algorithm !== 'HMAC-SHA256' && algorithm !== 'HMAC-SM3')
    return { ok: false, reason: 'unsupported_algorithm' };
  const secret = Object.hasOwn(options.secrets, appKey) ? options.secrets[appKey] : undefined;
  if (typeof secret !== 'string') return { ok: false, reason: 'unknown_app_key' };
  const ts = Number(timestamp);
  if (!Number.isFinite(ts) || Math.abs(ts - options.now) > (options.maxSkewMs ?? 300_000)) {
    return { ok: false, reason: 'clock_skew' };
  }
  const expected = signCanonical(
    {
      method: request.method,
      path: request.url.pathname,
      query: request.url.search.slice(1),
      body: request.body,
      timestamp,
      nonce,
      appKey,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    },
    secret,
    algorithm,
  );
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(signature.toLowerCase(), 'utf8');
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { ok: false, reason: 'bad_signature' };
  if (options.checkNonce && !options.checkNonce(appKey, nonce, ts))
    return { ok: false, reason: 'replayed_nonce' };
  return { ok: true, appKey };
}
