import { createHash, createHmac, getHashes, randomBytes } from 'node:crypto';
import { stringArgument, stringsArgument } from '../errors/arguments.js';
import { SignerError } from '../errors/errors.js';

/**
 * Throws a clear {@link SignerError} when this Node/OpenSSL build lacks `algorithm` (e.g. `sm3`).
 *
 * @example
 * requireHash('sm3', ['sha256']); // throws SignerError ('hash_unavailable': this list of hashes has no sm3)
 */
export function requireHash(algorithm: string, hashes: readonly string[] = getHashes()): void {
  stringArgument(algorithm, ['algorithm'], true);
  stringsArgument(hashes, ['hashes']);
  if (!hashes.includes(algorithm)) {
    throw new SignerError(
      'hash_unavailable',
      {
        zh: `当前 Node/OpenSSL 不支持 ${algorithm} 摘要算法（crypto.getHashes() 中没有）`,
        en: `this Node/OpenSSL build has no '${algorithm}' hash (not in crypto.getHashes()); use a build with it`,
      },
      { details: { algorithm } },
    );
  }
}

/**
 * Hex digest of a UTF-8 string.
 *
 * @example
 * hashHex('sha1', 'abc'); // 'a9993e36…'
 */
export function hashHex(algorithm: string, data: string): string {
  return createHash(algorithm).update(data, 'utf8').digest('hex');
}

/**
 * HMAC of a UTF-8 string, hex or base64.
 *
 * @example
 * hmac('sha256', 'key', 'msg', 'base64');
 */
export function hmac(
  algorithm: string,
  key: string | Buffer,
  data: string,
  encoding: 'hex' | 'base64' = 'hex',
): string {
  return createHmac(algorithm, key).update(data, 'utf8').digest(encoding);
}

/**
 * A random 128-bit nonce as 32 hex characters.
 *
 * @example
 * randomNonce().length; // 32
 */
export function randomNonce(): string {
  return randomBytes(16).toString('hex');
}
