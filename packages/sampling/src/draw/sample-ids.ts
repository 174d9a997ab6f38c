import { describeValue } from '@jianguan/core';
import { SamplingInputError } from '../errors.js';
import { kernel, type TicketKernel, type TicketSpace } from './kernel.js';
import { compareCodePoints } from './order.js';
import { nextTicket, TicketHasher } from './ticket.js';
import { compareFull, TicketTopK } from './top-k.js';

/**
 * Options of {@link sampleIds}, named as in consistent_sampler's `sampler()`.
 *
 * @example
 * const options: SampleIdsOptions = { seed: '314159', take: 4, digits: 9 };
 */
export interface SampleIdsOptions {
  /** The public seed (随机种子), any string; a number is used as its decimal string (Python `str`). */
  readonly seed: string | number;
  /** How many picks to return after `drop`. Default: all (without replacement). Required with replacement. */
  readonly take?: number;
  /** How many picks of the sequence to skip first (earlier rounds). Default 0. */
  readonly drop?: number;
  /** Sample with replacement (an id may come back with a higher generation). Default false. */
  readonly withReplacement?: boolean;
  /**
   * Significant digits of the returned ticket after its leading 9s (consistent_sampler's `digits`,
   * default 9; Arlo uses 18); `Infinity` returns the full ticket. Ordering always uses full precision.
   */
  readonly digits?: number;
}

/**
 * One pick of a draw: the id, its ticket number (抽签号, trimmed for display) and its generation
 * (1 for the first ticket of an id; 2, 3, … for later tickets when sampling with replacement).
 *
 * @example
 * const pick: SampledId = { id: 'cd-1', ticket: '0.317685817', generation: 1 };
 */
export interface SampledId {
  readonly id: string;
  readonly ticket: string;
  readonly generation: number;
}

function checkCount(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (value === Number.POSITIVE_INFINITY && name === 'take') return value;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new SamplingInputError(
      'invalid_count',
      { zh: `${name} 必须是非负整数`, en: `${name} must be a non-negative integer` },
      { path: [name], details: { value } },
    );
  }
  return value;
}

/** Normalises a seed to its string form (Python `str(seed)` for integers). @internal */
export function seedString(seed: unknown): string {
  if (typeof seed === 'string') return seed;
  if (typeof seed === 'number' && Number.isSafeInteger(seed)) return String(seed);
  if (typeof seed === 'bigint') return seed.toString();
  throw new SamplingInputError(
    'invalid_seed',
    { zh: '随机种子必须是字符串或整数', en: 'the seed must be a string or an integer' },
    { path: ['seed'], details: { seed: describeValue(seed) } },
  );
}

/** Throws when `ids` holds a non-string or a duplicate. @internal */
export function checkIds(ids: readonly unknown[]): asserts ids is readonly string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  ids.forEach((id, index) => {
    if (typeof id !== 'string') {
      throw new SamplingInputError(
        'invalid_id',
        { zh: '对象标识必须是字符串', en: 'every id must be a string' },
        { path: ['ids', index], details: { id: describeValue(id) } },
      );
    }
    if (seen.has(id)) dupes.add(id);
    seen.add(id);
  });
  if (dupes.size > 0) {
    throw new SamplingInputError(
      'duplicate_ids',
      { zh: '对象标识重复', en: 'the id list contains duplicates' },
      { path: ['ids'], details: { duplicates: [...dupes].sort(compareCodePoints) } },
    );
  }
}

/**
 * Throws duplicate_ids ({@link checkIds}) when two ids are equal, found by their 15-digit keys (equal ids have
 * equal keys; keys are uniform, so they index an open-addressing table of id indices directly).
 */
function checkDistinct(ids: readonly string[], keys: Float64Array): void {
  const n = ids.length;
  let size = 16;
  while (size < 2 * n) size *= 2;
  const table = new Int32Array(size); // index + 1; 0 is empty
  const scale = size / 1e15;
  const mask = size - 1;
  for (let j = 0; j < n; j++) {
    const k = keys[j]!;
    let h = Math.floor(k * scale) & mask;
    for (;;) {
      const e = table[h]!;
      if (e === 0) {
        table[h] = j + 1;
        break;
      }
      if (keys[e - 1] === k && ids[e - 1] === ids[j]) checkIds(ids); // throws
      h = (h + 1) & mask;
    }
  }
}

/** Throws when `ids` holds a non-string (duplicates are found while sorting, or by {@link checkIds}). */
function checkIdTypes(ids: readonly unknown[]): asserts ids is readonly string[] {
  for (let index = 0; index < ids.length; index++) {
    if (typeof ids[index] !== 'string') checkIds(ids);
  }
}

/** {@link trimTicket} of a ticket this module computed (well-formed: no re-validation). */
function trim(x: string, digits: number): string {
  if (digits === Number.POSITIVE_INFINITY) return x;
  let i = 2;
  while (i < x.length && x.charCodeAt(i) === 57) i++;
  return x.slice(0, i + digits);
}

/**
 * Tickets written side by side into one text per chunk of about {@link TicketTexts.CHUNK} tickets; each ticket
 * is then a slice of its chunk's text. Slices of 13 characters or more share the chunk's characters (V8 makes
 * them small views of their parent), so a large sample allocates a few large strings instead of one string per
 * ticket, and the garbage collector has far less to copy; shorter ones are copied out of it without a call into
 * native code. Tickets are kept per slot (an id's index, or a position in the sample).
 */
class TicketTexts {
  /** Tickets per chunk: its text (up to 1.4 MB) is then one external string, copied by memcpy. */
  static readonly CHUNK = 16384;
  /** The chunk being written: room for its tickets, or for a whole batch ({@link TicketTexts.takeBatch}). */
  readonly #space: TicketSpace;
  #cursor = 0;
  readonly #texts: string[] = [];
  readonly #chunk: Uint32Array;
  readonly #start: Uint32Array;
  readonly #length: Uint8Array;
  /** `slots` tickets to keep; `batches`: whole batches will be taken. */
  constructor(slots: number, batches = false) {
    this.#chunk = new Uint32Array(slots);
    this.#start = new Uint32Array(slots);
    this.#length = new Uint8Array(slots);
    const tickets = Math.min(TicketTexts.CHUNK, batches ? Math.max(slots, kernel.LANES) : slots);
    const size = kernel.TICKET_ROOM * (tickets + 1);
    // One space serves every call (sampleIds runs to its end without calling out; a chunk's text is a copy):
    // a fresh zeroed megabyte per call would cost more in page faults than the tickets of a small sample.
    if (TicketTexts.#shared === undefined || TicketTexts.#shared.bytes.length < size) {
      TicketTexts.#shared = kernel.ticketSpace(size);
    }
    this.#space = TicketTexts.#shared;
  }
  static #shared: TicketSpace | undefined;
  /** Where the next `room` bytes go: `cursor ≡ residue (mod 4)`, in a chunk with room for them. */
  #place(residue: number, room: number = kernel.TICKET_ROOM): number {
    if (this.#cursor + ((residue - this.#cursor) & 3) + room > this.#space.bytes.length) this.#seal();
    this.#cursor += (residue - this.#cursor) & 3;
    return this.#cursor;
  }
  #record(slot: number, start: number, length: number): void {
    this.#chunk[slot] = this.#texts.length;
    this.#start[slot] = start;
    this.#length[slot] = length;
    this.#cursor = start + length;
  }
  /** Writes the ticket of digest `words[at..at + 8)`, trimmed to `digits`, as the text of `slot`. */
  write(slot: number, words: Int32Array, at: number, digits: number): void {
    const start = this.#place(2);
    this.#record(slot, start, kernel.writeTicket(words, at, digits, this.#space, start));
  }
  /**
   * Writes the ticket of 15-digit key `key` trimmed to `digits` (≤ 15) as the text of `slot`; false, nothing
   * written, when the key alone does not give it (a run of leading 9s).
   */
  writeKey(slot: number, key: number, digits: number): boolean {
    const start = this.#place(3);
    const length = kernel.writeKeyTicket(key, digits, this.#space, start);
    if (length === 0) return false;
    this.#record(slot, start, length);
    return true;
  }
  /**
   * Takes the tickets of a batch that {@link Batch.writeTickets} wrote (every lane of the batch listed): lane
   * `lane`'s ticket, trimmed to `digits`, becomes the text of slot `slots[lane]`.
   */
  takeBatch(batch: InstanceType<TicketKernel['Batch']>, slots: Int32Array, digits: number): void {
    const size = kernel.TICKET_ROOM * batch.count;
    const start = this.#place(2, size);
    const bytes = this.#space.bytes;
    bytes.set(batch.texts.subarray(kernel.TICKETS_AT, kernel.TICKETS_AT + size), start);
    const lengths = batch.lengths;
    const chunk = this.#texts.length;
    for (let lane = 0, at = start; lane < batch.count; lane++, at += kernel.TICKET_ROOM) {
      const slot = slots[lane]!;
      this.#chunk[slot] = chunk;
      this.#start[slot] = at;
      this.#length[slot] = kernel.trimmedLength(bytes, at, lengths[lane]!, digits);
    }
    this.#cursor = start + size;
  }
  #seal(): void {
    this.#texts.push(kernel.text(this.#space.bytes, 0, this.#cursor));
    this.#cursor = 0;
  }
  /** Ends writing. */
  finish(): void {
    if (this.#cursor > 0) this.#seal();
  }
  /** The ticket of `slot` (after {@link finish}). */
  get(slot: number): string {
    const start = this.#start[slot]!;
    return this.#texts[this.#chunk[slot]!]!.slice(start, start + this.#length[slot]!);
  }
}

/**
 * Hashes every id, in batches of four lanes, into its 15-digit key in `keys` and, when given, its digest in
 * `words` (8 per id) or its ticket trimmed to `digits` in `tickets` (converted right away, in id order, while
 * the digest is at hand: no digest array and no scattered reads afterwards).
 */
function hashAll(
  hasher: TicketHasher,
  ids: readonly string[],
  keys: Float64Array,
  words: Int32Array | undefined,
  tickets?: TicketTexts,
  digits = Number.POSITIVE_INFINITY,
): void {
  const mid = hasher.core.mid;
  const batch = new kernel.Batch(mid);
  // Whole batches are converted in the module from a few batches on: its memory grows for the texts once per
  // call, which a handful of ids would not repay.
  const convertBatches = ids.length >= 8 * kernel.LANES;
  const lanes = new Int32Array(kernel.LANES);
  const one = new Int32Array(8);
  const run = (): void => {
    const listed = batch.run(1e6); // every lane, in lane order
    if (tickets !== undefined && convertBatches && batch.writeTickets()) {
      tickets.takeBatch(batch, lanes, digits);
      for (let i = 0; i < listed; i++) keys[lanes[i]!] = batch.keys[i]!;
      batch.clear();
      return;
    }
    for (let i = 0; i < listed; i++) {
      const lane = batch.listed(i);
      const j = lanes[lane]!;
      keys[j] = batch.keys[i]!;
      if (words !== undefined) batch.digest(lane, words, 8 * j);
      else if (tickets !== undefined) {
        batch.digest(lane, one, 0);
        tickets.write(j, one, 0, digits);
      }
    }
    batch.clear();
  };
  for (let j = 0; j < ids.length; j++) {
    const lane = batch.count;
    if (batch.addString(ids[j]!)) {
      lanes[lane] = j;
      if (batch.full) run();
    } else {
      kernel.hashId(mid, ids[j]!, hasher.words);
      keys[j] = kernel.key(hasher.words);
      if (words !== undefined) words.set(hasher.words, 8 * j);
      else if (tickets !== undefined) tickets.write(j, hasher.words, 0, digits);
    }
  }
  if (batch.count > 0) run();
}

interface Entry {
  ticket: string;
  id: string;
  generation: number;
}

function less(a: Entry, b: Entry): boolean {
  if (a.ticket !== b.ticket) return a.ticket < b.ticket;
  const c = compareCodePoints(a.id, b.id);
  if (c !== 0) return c < 0;
  return a.generation < b.generation;
}

/** A small binary min-heap on (ticket, id, generation), Python's heapq order. */
class MinHeap {
  readonly items: Entry[] = [];
  push(e: Entry): void {
    const a = this.items;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): Entry | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const r = l + 1;
        const m = r < a.length && less(a[r]!, a[l]!) ? r : l;
        if (!less(a[m]!, a[i]!)) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Consistent sampling (一致性抽样) of distinct ids, byte-compatible with Rivest's consistent_sampler
 * `sampler(ids, seed, with_replacement, drop, take, digits)` as used by VotingWorks Arlo. Each id gets the
 * ticket `ticket(seed, id)`; ids are picked in ascending ticket order. The result does not depend on the
 * order of `ids`; a subset's sample is the superset's sample filtered; `drop`/`take` extend a draw in
 * rounds without changing earlier picks. The input is never mutated.
 *
 * Tickets of 13 characters or more in a large sample share their text with their neighbours (slices of a few
 * large strings, for speed): memory is freed when no ticket of a chunk is referenced any more. A few tickets
 * kept from a very large result can therefore hold up to about 1.4 MB of text each.
 *
 * @example
 * sampleIds(['ab-1', 'ab-2', 'cd-1', 'ef-3'], { seed: '314159', take: 4 });
 * // [{ id: 'cd-1', ticket: '0.317685817', generation: 1 }, { id: 'ef-3', ticket: '0.832984519', … },
 * //  { id: 'ab-1', ticket: '0.9098039269', … }, { id: 'ab-2', ticket: '0.9231549043', … }]
 */
export function sampleIds(ids: readonly string[], options: SampleIdsOptions): SampledId[] {
  if (!Array.isArray(ids)) {
    throw new SamplingInputError(
      'invalid_ids',
      { zh: '对象标识列表必须是数组', en: 'ids must be an array' },
      { path: ['ids'] },
    );
  }
  if (options === null || typeof options !== 'object') {
    throw new SamplingInputError(
      'invalid_options',
      { zh: '缺少抽样参数', en: 'options are required' },
      { path: [] },
    );
  }
  checkIdTypes(ids);
  const seed = seedString(options.seed);
  const withReplacement = options.withReplacement ?? false;
  if (typeof withReplacement !== 'boolean') {
    throw new SamplingInputError(
      'invalid_option',
      { zh: 'withReplacement 必须是布尔值', en: 'withReplacement must be a boolean' },
      { path: ['withReplacement'] },
    );
  }
  const drop = checkCount(options.drop, 'drop', 0);
  const take = checkCount(options.take, 'take', Number.POSITIVE_INFINITY);
  const digits = options.digits ?? 9;
  if (digits !== Number.POSITIVE_INFINITY && (!Number.isInteger(digits) || digits < 1)) {
    throw new SamplingInputError(
      'invalid_option',
      { zh: 'digits 必须是正整数', en: 'digits must be a positive integer' },
      { path: ['digits'], details: { digits } },
    );
  }
  if (withReplacement && take === Number.POSITIVE_INFINITY) {
    throw new SamplingInputError(
      'unbounded_sample',
      { zh: '放回抽样必须给定 take', en: 'sampling with replacement needs a finite take' },
      { path: ['take'] },
    );
  }
  const hasher = new TicketHasher(seed);
  const want = drop + take;
  // Only ids whose generation-1 ticket is among the `want` smallest can appear in the first `want`
  // picks, with or without replacement (picks come out in increasing ticket order).
  const capacity = Math.min(ids.length, want);
  const out: SampledId[] = [];
  const emit = (e: Entry): void => {
    out.push({ id: e.id, ticket: trim(e.ticket, digits), generation: e.generation });
  };
  if (!withReplacement && capacity * 4 >= ids.length) {
    // Most ids are returned: hash each once (four at a time), keep its digest, sort all keys, convert the
    // kept digests.
    const n = ids.length;
    const keys = new Float64Array(n);
    // Tickets longer than the key's 15 digits for at least half the ids: convert them while hashing. Up to
    // 15 digits the keys give them (the rare exceptions, after a run of leading 9s, are hashed again): no
    // digests are kept either.
    const eager = digits > 15 && (capacity - drop) * 2 >= n;
    const words = digits > 15 && !eager ? new Int32Array(8 * n) : undefined;
    const tickets = eager ? new TicketTexts(n, true) : undefined;
    hashAll(hasher, ids, keys, words, tickets, digits);
    tickets?.finish();
    const order = kernel.sortByKey(keys, (a, b) => compareFull(hasher, ids[a]!, ids[b]!));
    for (let i = 1; i < n; i++) {
      const a = order[i]!;
      const b = order[i - 1]!;
      if (keys[a] === keys[b] && ids[a] === ids[b]) checkIds(ids); // throws duplicate_ids
    }
    // Filled by index: a large array grown by push() is copied several times on the way.
    const picked = new Array<SampledId>(Math.max(0, capacity - drop));
    if (tickets !== undefined) {
      for (let i = drop; i < capacity; i++) {
        const j = order[i]!;
        picked[i - drop] = { id: ids[j]!, ticket: tickets.get(j), generation: 1 };
      }
      return picked;
    }
    // The tickets in sample order, then the picks.
    const texts = new TicketTexts(picked.length);
    for (let i = drop; i < capacity; i++) {
      const j = order[i]!;
      if (digits <= 15 && texts.writeKey(i - drop, keys[j]!, digits)) continue;
      if (words !== undefined) texts.write(i - drop, words, 8 * j, digits);
      else {
        kernel.hashId(hasher.core.mid, ids[j]!, hasher.words);
        texts.write(i - drop, hasher.words, 0, digits);
      }
    }
    texts.finish();
    for (let i = drop; i < capacity; i++) {
      picked[i - drop] = { id: ids[order[i]!]!, ticket: texts.get(i - drop), generation: 1 };
    }
    return picked;
  }
  // A few picks: the keys of all ids show duplicates (without a Set of every id, many times slower) and feed
  // the bounded heap of the smallest.
  const keys = new Float64Array(ids.length);
  hashAll(hasher, ids, keys, undefined);
  checkDistinct(ids, keys);
  const top = new TicketTopK(hasher, capacity);
  for (let j = 0; j < ids.length; j++) top.offerKey(keys[j]!, ids[j]!);
  const firsts = top.sorted();
  if (!withReplacement) {
    for (let i = drop; i < firsts.length && i < want; i++) {
      const { id } = firsts[i]!;
      emit({ id, ticket: hasher.ticket(id), generation: 1 });
    }
    return out;
  }
  const heap = new MinHeap();
  for (const { id } of firsts) heap.push({ id, ticket: hasher.ticket(id), generation: 1 });
  for (let count = 1; count <= want; count++) {
    const e = heap.pop();
    if (e === undefined) break;
    heap.push({ id: e.id, ticket: nextTicket(e.ticket), generation: e.generation + 1 });
    if (count > drop) emit(e);
  }
  return out;
}
