import { createHash } from 'node:crypto';

/**
 * A straightforward reference implementation, the way consistent_sampler's Python does it: hex digest,
 * BigInt, decimal string, reverse, compare strings. Used as the named peer in the benchmarks.
 */
export function referenceTicket(seedHex: string, id: string): string {
  const hex = createHash('sha256')
    .update(seedHex + id, 'utf8')
    .digest('hex');
  const decimal = BigInt(`0x${hex}`).toString().padStart(64, '0');
  return `0.${[...decimal].reverse().join('')}`;
}

export function referenceSeedHex(seed: string): string {
  return createHash('sha256').update(seed, 'utf8').digest('hex');
}

/** The reference sampler without replacement: all tickets, sorted, first k. */
export function referenceSample(ids: readonly string[], seed: string, k: number): string[] {
  const seedHex = referenceSeedHex(seed);
  return ids
    .map((id) => ({ id, t: referenceTicket(seedHex, id) }))
    .sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : 0))
    .slice(0, k)
    .map((x) => x.id);
}
