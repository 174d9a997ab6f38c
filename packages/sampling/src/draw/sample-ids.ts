import { describeValue } from '@jianguan/core';
import { SamplingInputError } from '../errors.js';
import { compareCodePoints } from './order.js';
import { nextTicket, TicketHasher, trimTicket } from './ticket.js';
import { TicketTopK } from './top-k.js';

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
  checkIds(ids);
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
  const top = new TicketTopK(hasher, capacity);
  for (const id of ids) top.offer(id);
  const firsts = top.sorted();
  const out: SampledId[] = [];
  const emit = (e: Entry): void => {
    out.push({ id: e.id, ticket: trimTicket(e.ticket, digits), generation: e.generation });
  };
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
