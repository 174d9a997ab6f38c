import { civilDateOfDayNumber, isCivilDate as coreIsCivilDate, dayNumberOf } from '@jianguan/core';

/**
 * A China civil date, `'YYYY-MM-DD'` (Asia/Shanghai). ISO dates compare correctly as strings, which the
 * grading engine relies on for speed.
 *
 * @example
 * const day: CivilDate = '2026-04-01';
 */
export type CivilDate = string;

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

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Whether `value` is a real calendar date written `'YYYY-MM-DD'` (2026-02-30 is not); `@jianguan/core`'s
 * `isCivilDate`.
 *
 * @example
 * isCivilDate('2024-02-29'); // true
 * isCivilDate('2023-02-29'); // false
 */
export function isCivilDate(value: unknown): value is CivilDate {
  return coreIsCivilDate(value);
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
  const m = CIVIL_DATE_RE.exec(date);
  if (!m) throw new TypeError(`not a civil date: ${date}`);
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
  return addCalendar(date, {
    years: -(duration.years ?? 0),
    months: -(duration.months ?? 0),
    days: -(duration.days ?? 0),
  });
}
