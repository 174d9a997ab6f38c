/**
 * The process-wide default calendar behind the free functions (`isWorkday`, `addWorkdays`, …): the built-in
 * official schedules; years without a notice (2027 as of the 2025-11-04 data) are estimated from the law and
 * marked provisional. Built lazily on first use; `loadSchedule` updates it. For the strict behaviour:
 * `setDefaultCalendar(getDefaultCalendar().extend({ unknownYears: 'throw' }))`.
 */

import { InvalidArgumentError } from '../errors/invalid-argument.js';
import { InvalidOptionsError } from '../errors/invalid-options.js';
import type { DayInfo, SameKind, WorkdayCalendar, WorkdayLateness } from './calendar.js';
import { createCalendar, toYearSchedule } from './calendar.js';
import type { DateInput } from './civil-date.js';
import { CalendarDataError } from './errors.js';
import type { YearSchedule } from './schedule.js';

let current: WorkdayCalendar | undefined;

/** The methods the free functions call: what makes a value a usable calendar. */
const CALENDAR_METHODS = [
  'isWorkday',
  'dayInfo',
  'nextWorkday',
  'previousWorkday',
  'addWorkdays',
  'workdaysBetween',
  'workdayLateness',
  'isWorkdayNumber',
  'workdaysBetweenDayNumbers',
  'addWorkdaysToDayNumber',
  'extend',
] as const;

/**
 * The calendar the free functions use (默认日历): built-in schedules plus whatever `loadSchedule` added.
 *
 * @example
 * getDefaultCalendar().years.at(-1); // 2026
 */
export function getDefaultCalendar(): WorkdayCalendar {
  if (current === undefined) current = createCalendar();
  return current;
}

/**
 * Replaces the calendar the free functions use, e.g. with one that has your overlays or the strict unknown-year
 * policy; returns the previous one.
 *
 * @example
 * const previous = setDefaultCalendar(createCalendar({ overlays: [GUANGXI_SANYUESAN] }));
 * setDefaultCalendar(createCalendar({ unknownYears: 'throw' })); // no estimates: unknown years throw
 * setDefaultCalendar(previous); // back to the built-in calendar
 */
export function setDefaultCalendar(calendar: WorkdayCalendar): WorkdayCalendar {
  const c = calendar as unknown as Record<string, unknown> | null;
  if (
    c === null ||
    typeof c !== 'object' ||
    CALENDAR_METHODS.some((method) => typeof c[method] !== 'function')
  )
    throw new InvalidArgumentError(
      'calendar',
      { en: 'a WorkdayCalendar', zh: '工作日日历（WorkdayCalendar）' },
      calendar,
    );
  const previous = getDefaultCalendar();
  current = calendar;
  return previous;
}

/**
 * Loads schedules into the default calendar at run time (运行时加载年度安排) — e.g. next year's, the day the
 * State Council publishes it, without waiting for an SDK release. Accepts the jianguan format or a holiday-cn
 * year file, an array of them, or their JSON text; validated with zod (throws {@link CalendarDataError}). A year
 * already present is replaced (use this for mid-year changes such as 2020's extension), and a year that was
 * estimated stops being provisional. Returns the validated schedule(s).
 *
 * @example
 * loadSchedule(JSON.parse(await fs.readFile('holiday-cn/2027.json', 'utf8')));
 * loadSchedule(await fs.readFile('holiday-cn/2027.json', 'utf8')); // JSON text works too
 * isWorkday('2027-01-04');
 */
export function loadSchedule(
  input: readonly unknown[],
  options?: { readonly format?: 'auto' | 'jianguan' | 'holiday-cn' },
): YearSchedule[];
export function loadSchedule(
  input: string,
  options?: { readonly format?: 'auto' | 'jianguan' | 'holiday-cn' },
): YearSchedule | YearSchedule[];
export function loadSchedule(
  input: unknown,
  options?: { readonly format?: 'auto' | 'jianguan' | 'holiday-cn' },
): YearSchedule;
export function loadSchedule(
  input: unknown,
  options: { readonly format?: 'auto' | 'jianguan' | 'holiday-cn' } = {},
): YearSchedule | YearSchedule[] {
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new InvalidOptionsError(undefined, { en: 'an object', zh: '对象' }, options);
  const value = typeof input === 'string' ? parseJsonText(input) : input;
  const list = Array.isArray(value) ? value : [value];
  const schedules = list.map((item) => toYearSchedule(item, options.format ?? 'auto'));
  current = getDefaultCalendar().extend({ schedules });
  return Array.isArray(value) ? schedules : schedules[0]!;
}

function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CalendarDataError(
      `schedule text is not valid JSON: ${(error as Error).message}`,
      `放假安排文本不是有效的 JSON：${(error as Error).message}`,
      [],
    );
  }
}

/**
 * Whether a China civil date is a working day (是否工作日), by the official schedule.
 *
 * @example
 * isWorkday('2025-10-11'); // true — Saturday, adjusted working day (调休上班)
 * isWorkday('2025-10-01'); // false — National Day
 */
export function isWorkday(date: DateInput): boolean {
  return (current ?? getDefaultCalendar()).isWorkday(date);
}

/**
 * The kind of a day — workday, weekend, holiday or adjusted working day — and its holiday name (日期信息).
 *
 * @example
 * dayInfo('2026-02-14').kind; // 'adjusted_workday'
 * dayInfo('2026-02-16').holiday?.nameZh; // '春节'
 */
export function dayInfo<T extends DateInput>(date: T): DayInfo<SameKind<T>> {
  return (current ?? getDefaultCalendar()).dayInfo(date);
}

/**
 * Adds working days (加 N 个工作日): n > 0 → the n-th working day strictly after `date`; n < 0 → backwards;
 * n = 0 → `date`. "Within N working days after day E" ends at the end of `addWorkdays(E, N)`.
 *
 * @example
 * addWorkdays('2025-09-30', 2); // '2025-10-10'
 * addWorkdays('2025-10-09', -1); // '2025-09-30'
 */
export function addWorkdays<T extends DateInput>(date: T, n: number): SameKind<T> {
  return (current ?? getDefaultCalendar()).addWorkdays(date, n);
}

/**
 * Counts working days w with from < w ≤ to (工作日天数); negative when `to` is before `from`.
 *
 * @example
 * workdaysBetween('2025-09-30', '2025-10-11'); // 3 (10-09, 10-10, 10-11)
 */
export function workdaysBetween(from: DateInput, to: DateInput): number {
  return (current ?? getDefaultCalendar()).workdaysBetween(from, to);
}

/**
 * The first working day strictly after `date` (下一个工作日).
 *
 * @example
 * nextWorkday('2025-09-30'); // '2025-10-09'
 */
export function nextWorkday<T extends DateInput>(date: T): SameKind<T> {
  return (current ?? getDefaultCalendar()).nextWorkday(date);
}

/**
 * The last working day strictly before `date` (上一个工作日).
 *
 * @example
 * previousWorkday('2025-10-09'); // '2025-09-30'
 */
export function previousWorkday<T extends DateInput>(date: T): SameKind<T> {
  return (current ?? getDefaultCalendar()).previousWorkday(date);
}

/**
 * Checks "within N working days after `eventDay`" against the day it was done (逾期判定): the deadline is
 * `addWorkdays(eventDay, N)`; `workdaysLate` = max(0, workdaysBetween(deadline, doneDay)).
 *
 * @example
 * workdayLateness('2025-09-30', '2025-10-10', 2); // { deadline: '2025-10-10', onTime: true, workdaysLate: 0, calendarDaysLate: 0 }
 * workdayLateness('2025-09-30', '2025-10-13', 2).workdaysLate; // 2 (10-11 adjusted Saturday, 10-13)
 */
export function workdayLateness<T extends DateInput>(
  eventDay: T,
  doneDay: DateInput,
  allowedWorkdays: number,
): WorkdayLateness<SameKind<T>> {
  return (current ?? getDefaultCalendar()).workdayLateness(eventDay, doneDay, allowedWorkdays);
}

/**
 * Day-number form of {@link isWorkday} (按日序号判断工作日): `day` is days since 1970-01-01 (see
 * `dayNumberOf`). For hot loops over many dates: no string parsing or formatting.
 *
 * @example
 * isWorkdayNumber(dayNumberOf('2025-10-11')); // true — adjusted working day
 */
export function isWorkdayNumber(day: number): boolean {
  return (current ?? getDefaultCalendar()).isWorkdayNumber(day);
}

/**
 * Day-number form of {@link workdaysBetween}: working days w with from < w ≤ to; negative when `to` < `from`.
 *
 * @example
 * workdaysBetweenDayNumbers(dayNumberOf('2025-09-30'), dayNumberOf('2025-10-11')); // 3
 */
export function workdaysBetweenDayNumbers(from: number, to: number): number {
  return (current ?? getDefaultCalendar()).workdaysBetweenDayNumbers(from, to);
}

/**
 * Day-number form of {@link addWorkdays}: the day number of the n-th working day after `day` (n < 0: before).
 *
 * @example
 * civilDateOfDayNumber(addWorkdaysToDayNumber(dayNumberOf('2025-09-30'), 2)); // '2025-10-10'
 */
export function addWorkdaysToDayNumber(day: number, n: number): number {
  return (current ?? getDefaultCalendar()).addWorkdaysToDayNumber(day, n);
}
