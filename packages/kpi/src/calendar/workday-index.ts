import { isWorkday } from '@jianguan/core';
import { civilDate } from './day-number.js';

/**
 * The working-day calendar the scorer needs (工作日历): whether a China civil date is an official working day.
 * Defaults to `@jianguan/core`'s calendar; any core `WorkdayCalendar` fits (e.g. `createCalendar(...)` with a
 * regional overlay), so a province can score with its own holidays.
 *
 * @example
 * const calendar: KpiCalendar = createCalendar({ overlays: [GUANGXI_SANYUESAN] });
 */
export interface KpiCalendar {
  isWorkday(date: string): boolean;
}

/** `@jianguan/core`'s default working-day calendar (State Council schedules). @internal */
export function defaultCalendar(): KpiCalendar {
  return { isWorkday: (date: string) => isWorkday(date) };
}

/**
 * An O(1) working-day index over a span of day numbers (prefix sums of working days), built once from a
 * {@link KpiCalendar} so that lateness over a million records is integer arithmetic. The low end is fixed at
 * construction and the index only grows upward, so positions handed out stay valid. @internal
 */
export class WorkdayIndex {
  /** First indexed day; set by the first use when the data has no dates. */
  lo: number;
  private hi: number;
  /** cum[i] = number of working days w with lo ≤ w ≤ lo + i. */
  private cum: Int32Array = new Int32Array(0);
  /** Day numbers of the working days in [lo, hi], ascending. */
  private days: Int32Array = new Int32Array(0);
  private started: boolean;

  constructor(
    private readonly calendar: KpiCalendar,
    lo?: number,
    hi?: number,
  ) {
    this.lo = lo ?? 0;
    this.hi = this.lo - 1;
    this.started = lo !== undefined;
    if (lo !== undefined) this.grow(Math.max(hi ?? lo, lo));
  }

  private grow(to: number): void {
    if (to <= this.hi) return;
    const n = to - this.lo + 1;
    const cum = new Int32Array(n);
    cum.set(this.cum);
    const days: number[] = Array.from(this.days);
    let count = this.hi >= this.lo ? (this.cum[this.hi - this.lo] as number) : 0;
    for (let i = this.hi - this.lo + 1; i < n; i++) {
      if (this.calendar.isWorkday(civilDate(this.lo + i))) {
        count++;
        days.push(this.lo + i);
      }
      cum[i] = count;
    }
    this.hi = to;
    this.cum = cum;
    this.days = Int32Array.from(days);
  }

  /**
   * A day's position: 2 × (working days from lo up to and including it) + 1 if it is not a working day.
   * For a working-day deadline D, `done > D` ⇔ `pos(done) > 2 × cum(D)`. Days before lo give -1.
   */
  pos(day: number): number {
    if (!this.started) {
      this.started = true;
      this.lo = day - 1;
      this.hi = this.lo - 1;
    }
    if (day < this.lo) return -1;
    if (day > this.hi) this.grow(day);
    const i = day - this.lo;
    const c = this.cum[i] as number;
    const prev = i === 0 ? 0 : (this.cum[i - 1] as number);
    return 2 * c + (c === prev ? 1 : 0);
  }

  /** Memoised civil date strings of indexed days (evidence lists repeat the same few hundred dates). */
  private readonly dateCache = new Map<number, string>();

  /** The civil date of a day number, memoised. */
  date(day: number): string {
    let s = this.dateCache.get(day);
    if (s === undefined) {
      s = civilDate(day);
      this.dateCache.set(day, s);
    }
    return s;
  }

  /** Day number of the working day with the given ordinal (1 = the first working day at or after lo). */
  dayOfOrdinal(ordinal: number): number {
    while (ordinal > this.days.length) this.grow(this.hi + 16);
    return this.days[ordinal - 1] as number;
  }
}
