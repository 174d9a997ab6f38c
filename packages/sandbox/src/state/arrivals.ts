import { chinaToday as chinaDate } from '@jianguan/core';
import seedrandom from 'seedrandom';

/**
 * How work items arrive over time (到达计划): the first `initial` items of each feed are there at start, then
 * one arrives every `everyMs` on average (each gap drawn from 0.5–1.5 × `everyMs` by a generator seeded with
 * the sandbox seed and the feed, so a run is reproducible). Time is the sandbox's: its clock since start plus
 * whatever {@link Sandbox.advance} added.
 *
 * @example
 * const arrivals: SandboxArrivals = { everyMs: 86_400_000, initial: 3 };
 */
export interface SandboxArrivals {
  /** Mean gap between two arrivals in one feed, in ms (> 0). */
  readonly everyMs: number;
  /** Items of each feed available at start. Default 0. */
  readonly initial?: number;
}

/**
 * The arrival offsets (ms after start, ascending) of `count` items of `feed`; all 0 without a schedule.
 *
 * @example
 * arrivalOffsets('demo', 'clues', 3, { everyMs: 1000 }); // e.g. [712, 1544, 2861]
 */
export function arrivalOffsets(
  seed: string,
  feed: string,
  count: number,
  arrivals: SandboxArrivals | undefined,
): number[] {
  if (arrivals === undefined) return new Array<number>(count).fill(0);
  const rng = seedrandom(`${seed}:arrivals:${feed}`);
  const initial = arrivals.initial ?? 0;
  const out: number[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (i >= initial) at += Math.max(1, Math.round(arrivals.everyMs * (0.5 + rng())));
    out.push(at);
  }
  return out;
}

/**
 * The civil date (China) an item arriving `offsetMs` after the start of `baseDate` carries.
 *
 * @example
 * arrivalDate('2025-11-03', 86_400_000); // '2025-11-04'
 */
export function arrivalDate(baseDate: string, offsetMs: number): string {
  return chinaDate(new Date(Date.parse(`${baseDate}T00:00:00+08:00`) + offsetMs));
}

/**
 * How many of the ascending `offsets` have arrived at `elapsedMs`.
 *
 * @example
 * releasedCount([0, 10, 20], 15); // 2
 */
export function releasedCount(offsets: readonly number[], elapsedMs: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((offsets[mid] as number) <= elapsedMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
