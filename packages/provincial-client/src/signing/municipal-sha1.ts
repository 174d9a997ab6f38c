import { finiteArgument, stringArgument } from '../errors/arguments.js';
import { ClientOptionsError } from '../errors/errors.js';
import { hashHex } from './crypto-util.js';
import type { Signer } from './types.js';

/**
 * Credentials of the municipal 数据报送 appKey scheme.
 *
 * @example
 * const o: MunicipalSha1Options = { appKey: 'testOnlyAppKey', appSecret: 'testOnlyappSecret' };
 */
export interface MunicipalSha1Options {
  readonly appKey: string;
  readonly appSecret: string;
}

/**
 * `sha1(appKey + appSecret + timestamp)` lower-case hex, timestamp in epoch ms (reference §2.5 D).
 *
 * @example
 * municipalSha1Signature('testOnlyAppKey', 'testOnlyappSecret', 1635478320000);
 * // '89037df84706b6e4ebb58fde9d8f0cf94560b438'
 */
export function municipalSha1Signature(appKey: string, appSecret: string, timestampMs: number): string {
  stringArgument(appKey, ['appKey']);
  stringArgument(appSecret, ['appSecret']);
  finiteArgument(timestampMs, ['timestampMs']);
  return hashHex('sha1', `${appKey}${appSecret}${timestampMs}`);
}

/**
 * Signer for the municipal 数据报送 API (district → city): headers `appKey`, `timestamp` (epoch ms, server
 * window ±1 h) and `signature = sha1(appKey + appSecret + timestamp)` (reference §2.5 D, easydoc 23766332).
 *
 * @example
 * const signer = createMunicipalSha1Signer({ appKey: 'k', appSecret: 's' });
 */
export function createMunicipalSha1Signer(options: MunicipalSha1Options): Signer {
  if (!options?.appKey || !options.appSecret) {
    throw new ClientOptionsError({ zh: '缺少 appKey 或 appSecret', en: 'appKey and appSecret are required' });
  }
  const { appKey, appSecret } = options;
  return {
    scheme: 'municipal-sha1',
    sign: ({ now }) => ({
      headers: { appKey, timestamp: String(now), signature: municipalSha1Signature(appKey, appSecret, now) },
    }),
  };
}
