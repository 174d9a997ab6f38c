import { stringArgument } from '../errors/arguments.js';
import { ClientOptionsError } from '../errors/errors.js';
import { hashHex } from './crypto-util.js';
import type { Signer } from './types.js';

/**
 * Credentials of the Guangdong 里约网关 (Tencent TIF).
 *
 * @example
 * const o: GuangdongTifOptions = { paasId: 'app1', paasToken: 'tok', serviceId: 'C1611889640589' };
 */
export interface GuangdongTifOptions {
  /** `x-tif-paasid`. */
  readonly paasId: string;
  /** The paas token (secret). */
  readonly paasToken: string;
  /** Optional `x-tif-serviceId`. */
  readonly serviceId?: string;
  /** Upper-case the hex signature, as several published clients do (the server compares case-insensitively). */
  readonly upperCase?: boolean;
}

/**
 * `SHA256_hex(timestamp + paasToken + nonce + timestamp)`, timestamp in epoch **seconds** (reference §2.5 B).
 *
 * @example
 * tifSignature('1700000000', 'token', 'nonce'); // 64 hex chars
 */
export function tifSignature(timestampSeconds: string, paasToken: string, nonce: string): string {
  stringArgument(timestampSeconds, ['timestampSeconds']);
  stringArgument(paasToken, ['paasToken']);
  stringArgument(nonce, ['nonce']);
  return hashHex('sha256', `${timestampSeconds}${paasToken}${nonce}${timestampSeconds}`);
}

/**
 * Signer for the Guangdong 数字政府 里约网关: headers `x-tif-paasid`, `x-tif-timestamp` (epoch s, server window
 * ±180 s), `x-tif-nonce`, `x-tif-signature`, optional `x-tif-serviceId` (reference §2.5 B).
 *
 * @example
 * const signer = createGuangdongTifSigner({ paasId: 'app', paasToken: 'secret' });
 */
export function createGuangdongTifSigner(options: GuangdongTifOptions): Signer {
  if (!options?.paasId || !options.paasToken) {
    throw new ClientOptionsError({ zh: '缺少 paasId 或 paasToken', en: 'paasId and paasToken are required' });
  }
  return {
    scheme: 'guangdong-tif',
    sign: ({ now, nonce }) => {
      const ts = String(Math.floor(now / 1000));
      const sig = tifSignature(ts, options.paasToken, nonce);
      return {
        headers: {
          'x-tif-paasid': options.paasId,
          'x-tif-timestamp': ts,
          'x-tif-nonce': nonce,
          'x-tif-signature': options.upperCase ? sig.toUpperCase() : sig,
          ...(options.serviceId ? { 'x-tif-serviceId': options.serviceId } : {}),
        },
      };
    },
  };
}
