import type { VerifyResult } from '@jianguan/provincial-client';
import { SIGNATURE_HEADERS, verifyCanonicalRequest } from '@jianguan/provincial-client';
import type { Context } from 'hono';
import type { SandboxAuth } from '../types.js';
import { SANDBOX_CREDENTIALS } from '../types.js';

/** The sandbox's request authentication: a header check before the body is read, the full check after. */
export interface Authenticator {
  /**
   * What can be checked of the signature before the body is read (canonical auth only): the headers are there,
   * the app key is known, the timestamp is within the allowed skew. The full check (body digest, nonce) follows
   * once the bounded body is read.
   */
  preauthenticate(c: Context): VerifyResult;
  authenticate(c: Context, bodyText: string): Promise<VerifyResult>;
}

/**
 * Creates the authenticator for `auth` (default: HMAC canonical with {@link SANDBOX_CREDENTIALS}), with its
 * nonce memory.
 *
 * @example
 * const auth = createAuthenticator(undefined, Date.now);
 */
export function createAuthenticator(auth: SandboxAuth | undefined, clock: () => number): Authenticator {
  const nonces = new Map<string, number>();
  const pruneNonces = (now: number) => {
    if (nonces.size < 50_000) return;
    for (const [k, t] of nonces) if (now - t > 600_000) nonces.delete(k);
  };
  const settings = auth ?? {};
  return {
    async authenticate(c, bodyText) {
      if (settings === 'none') return { ok: true, appKey: 'anonymous' };
      const request = {
        method: c.req.method,
        url: new URL(c.req.url),
        body: bodyText,
        headers: c.req.raw.headers,
      };
      if ('verify' in settings) return settings.verify(request);
      const now = clock();
      pruneNonces(now);
      return verifyCanonicalRequest(request, {
        secrets: settings.secrets ?? { [SANDBOX_CREDENTIALS.appKey]: SANDBOX_CREDENTIALS.secret },
        now,
        maxSkewMs: settings.maxSkewMs ?? 300_000,
        checkNonce: (appKey, nonce, ts) => {
          const k = `${appKey}:${nonce}`;
          if (nonces.has(k)) return false;
          nonces.set(k, ts);
          return true;
        },
      });
    },
    preauthenticate(c) {
      if (settings === 'none' || 'verify' in settings) return { ok: true, appKey: '' };
      const h = c.req.raw.headers;
      const appKey = h.get(SIGNATURE_HEADERS.appKey);
      if (
        !appKey ||
        !h.get(SIGNATURE_HEADERS.timestamp) ||
        !h.get(SIGNATURE_HEADERS.nonce) ||
        !h.get(SIGNATURE_HEADERS.signature)
      )
        return { ok: false, reason: 'missing_headers' };
      const secrets = settings.secrets ?? { [SANDBOX_CREDENTIALS.appKey]: SANDBOX_CREDENTIALS.secret };
      if (secrets[appKey] === undefined) return { ok: false, reason: 'unknown_app_key' };
      const ts = Number(h.get(SIGNATURE_HEADERS.timestamp));
      if (!Number.isFinite(ts) || Math.abs(ts - clock()) > (settings.maxSkewMs ?? 300_000))
        return { ok: false, reason: 'clock_skew' };
      return { ok: true, appKey };
    },
  };
}
