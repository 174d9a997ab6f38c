import { type CivilDate, civilDateOfDayNumber, dayNumberOf, daysInMonth, isCivilDate } from '@jianguan/core';
import { badInput } from '../boundary.js';

/**
 * A length of time in calendar units (日历月): years and months are added first, clamping to the end of the
 * month (1-31 + 1 month = 2-28/29), then days.
 *
 * @example
 * const window: CalendarDuration = { years: 3 };
 */
export interface CalendarDuration {
  readonly years?: number;
  readonly months?: number;
  readonly days?: number;
}

const CIVIL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A {@link CalendarDuration} from an untyped caller: an object of optional whole numbers. */
function checkDuration(duration: unknown): asserts duration is CalendarDuration {
  if (duration === null || typeof duration !== 'object' || Array.isArray(duration))
    badInput(
      ['duration'],
      { en: 'a duration { years?, months?, days? }', zh: '期间 { years?, months?, days? }' },
      duration,
    );
  const d = duration as Record<string, unknown>;
  for (const key of ['years', 'months', 'days'] as const)
    if (d[key] !== undefined && !Number.isSafeInteger(d[key]))
      badInput(['duration', key], { en: 'a whole number', zh: '整数' }, d[key]);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function format(year: number, month: number, day: number): CivilDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * Adds a calendar duration to a civil date (negative amounts go back). Months clamp to the month end,
 * as publicity periods in 日历月 do: `addCalendar('2024-01-31', { months: 1 })` is `'2024-02-29'`.
 *
 * @example
 * addCalendar('2023-02-28', { years: 1 }); // '2024-02-28'
 * addCalendar('2024-02-29', { years: 1 }); // '2025-02-28'
 * addCalendar('2026-04-01', { days: -1 }); // '2026-03-31'
 */
export function addCalendar(date: CivilDate, duration: CalendarDuration): CivilDate {
  const m = typeof date === 'string' && isCivilDate(date) ? CIVIL_DATE_RE.exec(date) : null;
  if (!m) badInput(['date'], { en: 'a date YYYY-MM-DD', zh: 'YYYY-MM-DD 日期' }, date);
  checkDuration(duration);
  let year = Number(m[1]);
  let month = Number(m[2]);
  let day = Number(m[3]);
  const totalMonths = (duration.years ?? 0) * 12 + (duration.months ?? 0);
  if (totalMonths !== 0) {
    const index = year * 12 + (month - 1) + totalMonths;
    year = Math.floor(index / 12);
    month = (index % 12) + 1;
    day = Math.min(day, daysInMonth(year, month));
  }
  const days = duration.days ?? 0;
  const result = format(year, month, day);
  return days === 0 ? result : civilDateOfDayNumber(dayNumberOf(result) + days);
}

/**
 * Subtracts a calendar duration (the start of a look-back window ending on `date`).
 *
 * @example
 * subtractCalendar('2026-11-21', { years: 3 }); // '2023-11-21'
 */
export function subtractCalendar(date: CivilDate, duration: CalendarDuration): CivilDate {
  checkDuration(duration);
  return addCalendar(date, {
    years: -(duration.years ?? 0),
    months: -(duration.months ?? 0),
    days: -(duration.days ?? 0),
  });
}

/**
 * The day a period of `duration` that starts on `start` is complete (届满之日): the corresponding day of the
 * end month, or that month's last day when it has none (《民法典》第二百零三条) — so the 1-year anniversary of
 * 29 February is 28 February. Every "N years after" rule in jianguan (grading windows, abnormal-list
 * escalation, list terms, publicity periods) uses this one definition.
 *
 * @example
 * anniversary('2024-02-29', { years: 3 }); // '2027-02-28'
 * anniversary('2024-01-31', { months: 1 }); // '2024-02-29'
 */
export function anniversary(start: CivilDate, duration: CalendarDuration): CivilDate {
  return addCalendar(start, duration);
}

/**
 * Whether a period of `duration` starting on `start` is complete on `asOf` (`asOf` ≥ its
 * {@link anniversary}).
 *
 * @example
 * hasElapsed('2024-02-29', { years: 3 }, '2027-02-28'); // true
 * hasElapsed('2024-02-29', { years: 3 }, '2027-02-27'); // false
 */
export function hasElapsed(start: CivilDate, duration: CalendarDuration, asOf: CivilDate): boolean {
  if (!isCivilDate(asOf)) badInput(['asOf'], { en: 'a date YYYY-MM-DD', zh: 'YYYY-MM-DD 日期' }, asOf);
  return anniversary(start, duration) <= asOf;
}

/**
 * The latest start day whose period of `duration` is complete on `asOf`: `x ≤ latestElapsedStart(asOf, d)`
 * exactly when {@link hasElapsed}`(x, d, asOf)`. Look-back windows use it, so that they agree with
 * {@link anniversary} at month ends (as of 2027-02-28, a listing of 2024-02-29 is 3 years old).
 *
 * @example
 * latestElapsedStart('2027-02-28', { years: 3 }); // '2024-02-29'
 * latestElapsedStart('2026-11-21', { years: 3 }); // '2023-11-21'
 */
export function latestElapsedStart(asOf: CivilDate, duration: CalendarDuration): CivilDate {
  checkDuration(duration);
  if (!isCivilDate(asOf)) badInput(['asOf'], { en: 'a date YYYY-MM-DD', zh: 'YYYY-MM-DD 日期' }, asOf);
  let c = subtractCalendar(asOf, duration);
  // addCalendar is monotone (non-decreasing) in the start day, so step to the exact boundary.
  for (;;) {
    const next = addCalendar(c, { days: 1 });
    if (anniversary(next, duration) <= asOf) c = next;
    else break;
  }
  while (anniversary(c, duration) > asOf) c = addCalendar(c, { days: -1 });
  return c;
}
