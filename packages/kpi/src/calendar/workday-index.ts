import type { WorkdayCalendar } from '@jianguan/core';
import { civilDateOfDayNumber, getDefaultCalendar } from '@jianguan/core';

/**
 * The working-day calendar the scorer needs (工作日历): `@jianguan/core`'s day-number queries. Defaults to
 * core's calendar; any core `WorkdayCalendar` fits (e.g. `createCalendar(...)` with a regional overlay or
 * `organisationClosures`), so a province can score with its own holidays.
 *
 * @example
 * const calendar: KpiCalendar = createCalendar({ overlays: [GUANGXI_SANYUESAN] });
 */
export type KpiCalendar = Pick<
  WorkdayCalendar,
  'isWorkdayNumber' | 'workdaysBetweenDayNumbers' | 'addWorkdaysToDayNumber'
> &
  Partial<Pick<WorkdayCalendar, 'isProvisionalDayNumber'>>;

/** `@jianguan/core`'s default working-day calendar (State Council schedules), read at use. @internal */
export function defaultCalendar(): KpiCalendar {
  return {
    isWorkdayNumber: (day) => getDefaultCalendar().isWorkdayNumber(day),
    workdaysBetweenDayNumbers: (from, to) => getDefaultCalendar().workdaysBetweenDayNumbers(from, to),
    addWorkdaysToDayNumber: (day, n) => getDefaultCalendar().addWorkdaysToDayNumber(day, n),
    // A hand-made default calendar (setDefaultCalendar checks only the methods it needs) may lack it.
    isProvisionalDayNumber: (from, to) => getDefaultCalendar().isProvisionalDayNumber?.(from, to) === true,
  };
}

/**
 * Working-day positions of the days a data set uses, relative to a fixed low day `lo`, so that lateness over a
 * million records is integer comparison. The arithmetic is core's ({@link KpiCalendar}); this only caches the
 * positions of the span the data covers. The low end is fixed at construction and the cache only grows
 * upward, so positions handed out stay valid. @internal
 */
export class WorkdayIndex {
  /** First indexed day; set by the first use when the data has no dates. */
  lo: number;
  /** cache[i] = pos(lo + i) + 1, or 0 when not computed yet. */
  private cache: Int32Array = new Int32Array(0);
  private started: boolean;

  constructor(
    private readonly calendar: KpiCalendar,
    lo?: number,
    hi?: number,
  ) {
    this.lo = lo ?? 0;
    this.started = lo !== undefined;
    if (lo !== undefined) {
      const to = Math.max(hi ?? lo, lo);
      this.cache = new Int32Array(to - lo + 1);
      for (let day = lo; day <= to; day++) this.pos(day);
    }
  }

  /**
   * A day's position: 2 × (working days from lo up to and including it) + 1 if it is not a working day.
   * For a working-day deadline D, `done > D` ⇔ `pos(done) > 2 × cum(D)`. Days before lo give -1.
   */
  pos(day: number): number {
    if (!this.started) {
      this.started = true;
      this.lo = day - 1;
    }
    const i = day - this.lo;
    if (i < 0) return -1;
    let cache = this.cache;
    if (i < cache.length) {
      const hit = cache[i] as number;
      if (hit !== 0) return hit - 1;
    } else {
      cache = new Int32Array(Math.max(i + 1, cache.length * 2));
      cache.set(this.cache);
      this.cache = cache;
    }
    const cal = this.calendar;
    const p = 2 * cal.workdaysBetweenDayNumbers(this.lo - 1, day) + (cal.isWorkdayNumber(day) ? 0 : 1);
    cache[i] = p + 1;
    return p;
  }

  /**
   * The position cache for hot loops: `table()[day - lo]` is `pos(day) + 1`, or 0 when not computed yet (then
   * call {@link WorkdayIndex.pos}). Every day of the data the index was built for is computed. The array is
   * replaced when the cache grows, so read it again after calling `pos`.
   */
  table(): Int32Array {
    return this.cache;
  }

  /** Memoised civil date strings by day − lo (evidence lists repeat the same few hundred dates). */
  private readonly dates: (string | undefined)[] = [];
  private readonly farDates = new Map<number, string>();

  /** The civil date of a day number, memoised. */
  date(day: number): string {
    const k = day - this.lo;
    if (k >= 0 && k < MEMO_LIMIT) {
      let s = this.dates[k];
      if (s === undefined) {
        s = civilDateOfDayNumber(day);
        this.dates[k] = s;
      }
      return s;
    }
    let s = this.farDates.get(day);
    if (s === undefined) {
      s = civilDateOfDayNumber(day);
      this.farDates.set(day, s);
    }
    return s;
  }

  /**
   * Whether days from..to (inclusive) hold a day the calendar estimated (a year without a loaded notice), so an
   * answer over them is provisional. `false` for calendars without `isProvisionalDayNumber`.
   */
  provisional(from: number, to: number): boolean {
    return this.calendar.isProvisionalDayNumber?.(from, to) === true;
  }

  /** Memoised {@link WorkdayIndex.dayOfOrdinal}: days[ordinal], NONE_DAY when not computed yet. */
  private ordinalDays = new Int32Array(0);

  /** Day number of the working day with the given ordinal (1 = the first working day at or after lo). */
  dayOfOrdinal(ordinal: number): number {
    if (ordinal >= 0 && ordinal < MEMO_LIMIT) {
      let days = this.ordinalDays;
      if (ordinal < days.length) {
        const hit = days[ordinal] as number;
        if (hit !== NONE_DAY) return hit;
      } else {
        days = new Int32Array(Math.max(ordinal + 1, 2 * days.length)).fill(NONE_DAY);
        days.set(this.ordinalDays);
        this.ordinalDays = days;
      }
      const day = this.calendar.addWorkdaysToDayNumber(this.lo - 1, ordinal);
      days[ordinal] = day;
      return day;
    }
    return this.calendar.addWorkdaysToDayNumber(this.lo - 1, ordinal);
  }
}

/** Days (or ordinals) past lo memoised in arrays; farther ones go through a map or the calendar. */
const MEMO_LIMIT = 1 << 16;
/** Not a day number any calendar answers (they are within ±3 million). */
const NONE_DAY = -2147483648;
