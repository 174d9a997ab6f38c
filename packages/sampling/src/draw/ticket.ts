import { describeValue } from '@jianguan/core';
import { SamplingInputError } from '../errors.js';
import { kernel, type TicketKernel } from './kernel.js';
import { sha256Hex, sha256Words } from './sha256.js';

const encoder = new TextEncoder();

/** Converts 8 digest words (at offset `at`) to the decimal ticket string: digits of the integer, padded to 64, reversed. */
export function wordsToTicket(words: Int32Array, at = 0): string {
  return kernel.ticket(words, at);
}

/**
 * The first 15 ticket digits as an integer in [0, 10^15) (see the kernel): comparing these keys orders
 * tickets exactly like comparing the decimal strings, except on ties, which fall back to the full strings.
 *
 * @internal
 */
export function wordsToKey(words: Int32Array): number {
  return kernel.key(words);
}

/**
 * Computes generation-1 tickets for one seed quickly: the seed's hex digest is exactly one SHA-256 block,
 * so its midstate is computed once and each id costs one compression (ASCII ids up to 55 characters).
 * A thin wrapper over the shared, self-contained {@link kernel}.
 *
 * @internal
 */
export class TicketHasher {
  readonly seed: string;
  readonly seedHex: string;
  /** The kernel hasher (shared with worker threads, which rebuild it from `seedHex`). */
  readonly core: InstanceType<TicketKernel['Hasher']>;
  /** The digest words of the last {@link TicketHasher.hash} call. */
  readonly words: Int32Array;

  constructor(seed: string) {
    this.seed = seed;
    this.seedHex = sha256Hex(seed);
    this.core = new kernel.Hasher(this.seedHex);
    this.words = this.core.words;
  }

  /** Hashes `seedHex + id` into {@link TicketHasher.words}. */
  hash(id: string): void {
    kernel.hashId(this.core.mid, id, this.words);
  }

  /** The 15-digit sort key of `id`'s generation-1 ticket. */
  key(id: string): number {
    return this.core.key(id);
  }

  /** The full decimal generation-1 ticket of `id` (also leaves its digest in {@link TicketHasher.words}). */
  ticket(id: string): string {
    this.hash(id);
    return kernel.ticket(this.words);
  }
}

/**
 * `sha256_uniform(x)` of consistent_sampler: SHA-256 of the UTF-8 text, as an integer written in decimal,
 * zero-padded to 64 digits, reversed, prefixed with `0.`.
 *
 * @example
 * sha256Uniform('abc'); // '0.56998071861792858926477341561059638840106636224182943832566300809078486324348'
 */
export function sha256Uniform(text: string): string {
  assertText(text, 'text');
  return wordsToTicket(sha256Words(encoder.encode(text)));
}

/**
 * The generation-1 ticket number (抽签号) of `id` under `seed`, exactly as consistent_sampler's
 * `first_fraction(id, seed)`: `sha256Uniform(sha256Hex(seed) + id)`, full precision.
 *
 * @example
 * ticket('01382438112797316654', 'AB-130');
 * // '0.26299714122838008416507544297546663599715395525154425586041245287750224561854'
 */
export function ticket(seed: string, id: string): string {
  assertText(seed, 'seed');
  assertText(id, 'id');
  // The seed's hex digest is exactly one SHA-256 block: its midstate is kept for the last seeds used, so a
  // call costs one compression (ASCII ids up to 55 characters) and a BigInt-free decimal conversion.
  let mid = midstates.get(seed);
  if (mid === undefined) {
    if (midstates.size >= MIDSTATE_CACHE) midstates.delete(midstates.keys().next().value as string);
    mid = kernel.midstate(sha256Hex(seed));
    midstates.set(seed, mid);
  }
  kernel.hashId(mid, id, scratchWords);
  return kernel.ticket(scratchWords);
}

/** Seeds whose midstate {@link ticket} keeps (insertion order; the oldest goes first). */
const MIDSTATE_CACHE = 16;
const midstates = new Map<string, Int32Array>();
const scratchWords = new Int32Array(8);

const TICKET = /^0\.[0-9]+$/;

function assertText(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string') {
    throw new SamplingInputError(
      'invalid_input',
      { zh: `${name} 必须是字符串`, en: `${name} must be a string` },
      { path: [name], details: { value: describeValue(value) } },
    );
  }
}

/** A ticket is a decimal fraction in [0, 1) written `0.ddd…`; anything else would never terminate `nextTicket`. */
function assertTicket(x: unknown): asserts x is string {
  if (typeof x !== 'string' || !TICKET.test(x)) {
    throw new SamplingInputError(
      'invalid_ticket',
      { zh: '抽签号必须是 0. 开头的小数字符串', en: 'a ticket must be a decimal string 0.ddd…' },
      { path: ['ticket'], details: { ticket: describeValue(x) } },
    );
  }
}

function firstNonNine(x0: string): number {
  for (let i = 2; i < x0.length; i++) if (x0[i] !== '9') return i;
  return x0.length;
}

/**
 * The next-generation ticket (sampling with replacement), consistent_sampler's `next_fraction(x)`:
 * keep the leading 9s of `x`, replace the rest by `sha256Uniform(x + ':' + i)` digits for i = 1, 2, …
 * until the result is greater than `x`.
 *
 * @example
 * nextTicket('0.25471');
 * // '0.642853261655004694691182528114375607701032283189922170593838029306715548381901'
 */
export function nextTicket(x: string): string {
  assertTicket(x);
  const x0 = `${x}0`;
  const p = firstNonNine(x0);
  const head = x0.slice(0, p);
  for (let i = 1; ; i++) {
    const y = head + sha256Uniform(`${x}:${i}`).slice(2);
    if (y > x0) return y;
  }
}

/**
 * Display form of a ticket, consistent_sampler's `trim(x, digits)`: truncates to `digits` significant
 * digits after the leading run of 9s (no rounding). Ordering always uses the full ticket.
 *
 * @example
 * trimTicket('0.9991234567890', 4); // '0.9991234'
 */
export function trimTicket(x: string, digits: number): string {
  assertTicket(x);
  if (!Number.isFinite(digits)) return x;
  return x.slice(0, firstNonNine(`${x}0`) + digits);
}
