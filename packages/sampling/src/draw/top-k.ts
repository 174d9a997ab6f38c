import { kernel, type TicketKernel } from './kernel.js';
import type { TicketHasher } from './ticket.js';

/**
 * Keeps the `capacity` smallest generation-1 tickets seen so far, in a bounded max-heap: memory is
 * proportional to the sample, not the population. Keys are the 15-digit ticket prefixes; ties fall back
 * to the full decimal tickets (and then the ids), so the order is exactly consistent_sampler's.
 * A wrapper over the kernel's `TopK`, which worker threads run too.
 *
 * @internal
 */
export class TicketTopK {
  readonly capacity: number;
  readonly #top: InstanceType<TicketKernel['TopK']>;

  constructor(hasher: TicketHasher, capacity: number) {
    this.capacity = capacity;
    this.#top = new kernel.TopK(hasher.core, capacity);
  }

  /** How many ids were offered. */
  get seen(): number {
    return this.#top.seen;
  }

  /** How many ids are held. */
  get size(): number {
    this.#top.flush();
    return this.#top.keys.length;
  }

  /** The largest key held when full (no larger key can enter), +Infinity before, -1 for capacity 0. */
  get bound(): number {
    return this.#top.bound;
  }

  /** Offers an id (hashed in a batch of up to 1024, four at a time; reads of the heap hash what is pending). */
  offer(id: string): void {
    this.#top.offerString(id);
  }

  /** Offers the id whose UTF-8 bytes are `bytes[start..end)` (the string `id`), batched like {@link offer}. */
  offerBytes(bytes: Uint8Array, start: number, end: number, id: string): void {
    this.#top.offerBytes(bytes, start, end, id);
  }

  /** Offers an id whose key is known. */
  offerKey(key: number, id: string): void {
    this.#top.offer(key, id);
  }

  /** The held ids in ascending ticket order. */
  sortedIds(): string[] {
    return this.#top.sortedIds();
  }

  /** The held ids in ascending ticket order, with their keys. */
  sorted(): { key: number; id: string }[] {
    return this.#top.sorted();
  }
}

/** Full-precision comparison of two ids' generation-1 tickets (then ids, as Python's tuple order). */
export function compareFull(hasher: TicketHasher, a: string, b: string): number {
  return hasher.core.compare(a, b);
}
