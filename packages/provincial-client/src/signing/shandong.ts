import { stringArgument } from '../errors/arguments.js';
import { ClientOptionsError } from '../errors/errors.js';
import { hmac } from './crypto-util.js';
import type { Signer } from './types.js';

/**
 * Credentials of the Shandong 数据开放网关.
 *
 * @example
 * const o: ShandongOptions = { clientId: 'c', tokenSecret: 's' };
 */
export interface ShandongOptions {
  /** `X-Client-Id`. */
  readonly clientId: string;
  /** The token secret used as HMAC key. */
  readonly tokenSecret: string;
}

/**
 * `Base64(HmacSHA256(key = tokenSecret, msg = clientId + timestamp + nonce))`, timestamp epoch ms (reference §2.5 C).
 *
 * @example
 * shandongSignature('client', 'secret', '1700000000000', 'n'); // base64
 */
export function shandongSignature(
  clientId: string,
  tokenSecret: string,
  timestampMs: string,
  nonce: string,
): string {
  stringArgument(clientId, ['clientId']);
  stringArgument(tokenSecret, ['tokenSecret']);
  stringArgument(timestampMs, ['timestampMs']);
  stringArgument(nonce, ['nonce']);
  return hmac('sha256', tokenSecret, `${clientId}${timestampMs}${nonce}`, 'base64');
}

/**
 * Signer for the Shandong 数据开放网关 (`data.sd.gov.cn/gateway/api/…`): headers `X-Client-Id`, `X-Timestamp`
 * (epoch ms, valid 10 min), `X-Nonce`, `X-Signature` (reference §2.5 C).
 *
 * @example
 * const signer = createShandongSigner({ clientId: 'c', tokenSecret: 's' });
 */
export function createShandongSigner(options: ShandongOptions): Signer {
  if (!options?.clientId || !options.tokenSecret) {
    throw new ClientOptionsError({
      zh: '缺少 clientId 或 tokenSecret',
      en: 'clientId and tokenSecret are required',
    });
  }
  return {
    scheme: 'shandong-hmac-sha256',
    sign: ({ now, nonce }) => {
      const ts = String(now);
      return {
        headers: {
          'X-Client-Id': options.clientId,
          'X-Timestamp': ts,
          'X-Nonce': nonce,
          'X-Signature': shandongSignature(options.clientId, options.tokenSecret, ts, nonce),
        },
      };
    },
  };
}
