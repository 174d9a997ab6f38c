import { kernel } from './kernel.js';

/**
 * SHA-256 helpers over the ticket kernel's pure-JS SHA-256 (FIPS 180-4), the one implementation the package
 * uses for tickets. Tests compare it with `node:crypto` on random inputs.
 *
 * @internal
 */

const encoder = new TextEncoder();

/** SHA-256 of `bytes` as 8 signed 32-bit words (big-endian words of the digest). */
export function sha256Words(bytes: Uint8Array): Int32Array {
  return kernel.digest(bytes);
}

/** Formats 8 digest words as 64 lowercase hex digits. */
export function wordsToHex(words: Int32Array): string {
  return kernel.hex(words);
}

/** SHA-256 of the UTF-8 encoding of `text`, as 64 lowercase hex digits. */
export function sha256Hex(text: string): string {
  return kernel.hex(kernel.digest(encoder.encode(text)));
}
