/**
 * What a signer sees of one attempt (每次请求的签名输入). A fresh `now` and `nonce` are drawn per attempt.
 *
 * @example
 * const input: SignInput = { method: 'POST', url: new URL('http://x/v1/a'), body: '{}', now: Date.now(), nonce: 'n1' };
 */
export interface SignInput {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** The full request URL, query included. */
  readonly url: URL;
  /** The exact request body bytes as a UTF-8 string ('' when there is none). */
  readonly body: string;
  /** The (skew-corrected) clock reading in epoch milliseconds. */
  readonly now: number;
  /** A fresh random nonce for this attempt. */
  readonly nonce: string;
  /**
   * The request's `Idempotency-Key` header, when it has one. Signers whose scheme allows it include it in the
   * signed material (the jianguan canonical signers do); gateway schemes with a fixed string to sign cannot.
   */
  readonly idempotencyKey?: string;
  /** Injected fetch, for signers that must refresh a token first. */
  readonly fetch?: typeof fetch;
  /** The caller's abort signal. */
  readonly signal?: AbortSignal;
}

/**
 * What a signer adds to the request: headers and/or query parameters.
 *
 * @example
 * const out: SignOutput = { headers: { 'x-tif-signature': 'ABC' } };
 */
export interface SignOutput {
  /** Headers to set. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Query parameters to set. */
  readonly query?: Readonly<Record<string, string>>;
}

/**
 * A pluggable request signer (签名器). Implementations exist for every published gateway scheme.
 *
 * @example
 * const noop: Signer = { scheme: 'none', sign: () => ({}) };
 */
export interface Signer {
  /** A short name of the scheme, e.g. `'hmac-sha256'`, `'zhejiang-irs'`. */
  readonly scheme: string;
  /** Sign one attempt. Called again (with a fresh timestamp and nonce) on every retry. */
  sign(input: SignInput): SignOutput | Promise<SignOutput>;
  /** Called when the server rejected the signature, so token-based signers can drop cached tokens. */
  invalidate?(): void;
}
