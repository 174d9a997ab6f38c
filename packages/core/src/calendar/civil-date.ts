/**
 * China civil dates (公历日期, Asia/Shanghai) as integer day numbers: days since 1970-01-01.
 *
 * Everything here is arithmetic: no `Date` getters, so the host time zone never matters. China has used
 * a fixed UTC+8 offset since 1991 (no daylight saving), so an instant is read as civil date by adding 8 hours.
 */
import { InvalidArgumentError } from '../errors/invalid-argument.js';
import { InvalidCivilDateError } from './errors.js';

/**
 * A China civil date (公历日期) written `'YYYY-MM-DD'`, e.g. `'2025-10-08'`, in Asia/Shanghai.
 *
 * @example
 * const deadline: CivilDate = '2025-10-10';
 */
export type CivilDate = string;

/**
 * What the calendar functions accept: a civil date string, or a `Date` instant read in Asia/Shanghai.
 *
 * @example
 * const input: DateInput = new Date('2025-09-30T10:00:00+08:00');
 */
export type DateInput = CivilDate | Date;

/** Milliseconds in a day. */
const DAY_MS = 86_400_000;
/** Asia/Shanghai offset (UTC+8, no DST since 1991). */
const SHANGHAI_OFFSET_MS = 28_800_000;
/** Returned by {@link tryParseCivilDate} for anything that is not a valid `YYYY-MM-DD`. */
export const INVALID_DAY = -0x80000000;
/** Day number of 0001-01-01, the first day a {@link CivilDate} can name. */
const MIN_DAY = -719_162;
/** Day number of 9999-12-31, the last day a {@link CivilDate} can name. */
const MAX_DAY = 2_932_896;

/** Days from civil (Howard Hinnant's algorithm), proleptic Gregorian; y/m/d already validated. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Civil year, month (1–12) and day (1–31) of a day number. */
export function civilFromDays(day: number): { year: number; month: number; day: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

/** The civil year of a day number. */
export function yearOfDay(day: number): number {
  return civilFromDays(day).year;
}

/**
 * Whether `year` is a leap year (闰年) of the proleptic Gregorian calendar. The one leap-year rule of the SDK.
 *
 * @example
 * isLeapYear(2024); // true
 * isLeapYear(1900); // false
 */
export function isLeapYear(year: number): boolean {
  if (!Number.isSafeInteger(year))
    throw new InvalidArgumentError('year', { en: 'a whole year', zh: '整数年份' }, year);
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The number of days in `month` (1–12) of `year`; the one month-length table of the SDK.
 *
 * @example
 * daysInMonth(2024, 2); // 29
 * daysInMonth(2025, 4); // 30
 */
export function daysInMonth(year: number, month: number): number {
  return month === 2
    ? isLeapYear(year)
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31;
}

/**
 * Whether year, month and day name a real date of years 0001–9999 (proleptic Gregorian): the one
 * valid-date rule behind {@link isCivilDate}, resident-ID birth dates and the quality check's date rules.
 *
 * @internal
 */
export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!(year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1)) return false;
  return day <= daysInMonth(year, month);
}

// Month-start table for the years 1900–2199: parsing a date is then a table read plus a bounds check. Built on the
// first parse (3,600 months), not at import.
const TABLE_FIRST_YEAR = 1900;
const TABLE_YEARS = 300;
let MONTH_START: Int32Array | undefined;
let MONTH_LENGTH: Uint8Array | undefined;

function buildMonthTable(): void {
  const starts = new Int32Array(TABLE_YEARS * 12);
  const lengths = new Uint8Array(TABLE_YEARS * 12);
  // Filled by running sums (one addition per month) rather than a `daysFromCivil` per month.
  for (let i = 0, start = daysFromCivil(TABLE_FIRST_YEAR, 1, 1); i < TABLE_YEARS * 12; i++) {
    const length = daysInMonth(TABLE_FIRST_YEAR + ((i / 12) | 0), (i % 12) + 1);
    starts[i] = start;
    lengths[i] = length;
    start += length;
  }
  MONTH_START = starts;
  MONTH_LENGTH = lengths;
}

/**
 * Parses `'YYYY-MM-DD'` to a day number with `charCodeAt` arithmetic, or returns {@link INVALID_DAY}.
 * Strict: exactly ten characters, a real calendar date, years 0001–9999.
 */
export function tryParseCivilDate(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return INVALID_DAY;
  const y0 = s.charCodeAt(0) - 48;
  const y1 = s.charCodeAt(1) - 48;
  const y2 = s.charCodeAt(2) - 48;
  const y3 = s.charCodeAt(3) - 48;
  const m0 = s.charCodeAt(5) - 48;
  const m1 = s.charCodeAt(6) - 48;
  const d0 = s.charCodeAt(8) - 48;
  const d1 = s.charCodeAt(9) - 48;
  // Unsigned compare: any non-digit becomes > 9.
  if (
    y0 >>> 0 > 9 ||
    y1 >>> 0 > 9 ||
    y2 >>> 0 > 9 ||
    y3 >>> 0 > 9 ||
    m0 >>> 0 > 9 ||
    m1 >>> 0 > 9 ||
    d0 >>> 0 > 9 ||
    d1 >>> 0 > 9
  ) {
    return INVALID_DAY;
  }
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (m < 1 || m > 12 || d < 1) return INVALID_DAY;
  const row = (y - TABLE_FIRST_YEAR) * 12 + m - 1;
  if (row >= 0 && row < TABLE_YEARS * 12) {
    if (MONTH_START === undefined) buildMonthTable();
    if (d > MONTH_LENGTH![row]!) return INVALID_DAY;
    return MONTH_START![row]! + d - 1;
  }
  if (y === 0 || d > daysInMonth(y, m)) return INVALID_DAY;
  return daysFromCivil(y, m, d);
}

/** The China civil day number of an instant (fixed UTC+8), or {@link INVALID_DAY} for an invalid `Date`. */
export function dayFromInstant(date: Date): number {
  const t = date.getTime();
  if (Number.isNaN(t)) return INVALID_DAY;
  return Math.floor((t + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** The instant 00:00 Asia/Shanghai of a day number. */
export function instantFromDay(day: number): Date {
  return new Date(day * DAY_MS - SHANGHAI_OFFSET_MS);
}

const PAD2: readonly string[] = Array.from({ length: 32 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** Formats a day number as `'YYYY-MM-DD'` (years 0001–9999). */
export function formatDay(day: number): CivilDate {
  const { year, month, day: d } = civilFromDays(day);
  const y = year < 1000 ? String(year).padStart(4, '0') : String(year);
  return `${y}-${PAD2[month]}-${PAD2[d]}`;
}

/** Day of week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * Reads a `DateInput` as a day number or throws {@link InvalidCivilDateError} naming `argument`.
 * Used on every public entry point; never returns NaN.
 */
export function toDayNumber(input: unknown, argument: string): number {
  let day = INVALID_DAY;
  if (typeof input === 'string') day = tryParseCivilDate(input);
  else if (input instanceof Date) day = dayFromInstant(input);
  if (day === INVALID_DAY) throw new InvalidCivilDateError(input, argument);
  return day;
}

/** Whether `day` is an integer day number of a date in 0001-01-01 … 9999-12-31. */
export function isDayNumber(day: unknown): day is number {
  return typeof day === 'number' && Number.isInteger(day) && day >= MIN_DAY && day <= MAX_DAY;
}

/** Checks a day-number argument or throws {@link InvalidCivilDateError} naming `argument`. */
export function checkDayNumber(day: number, argument: string): number {
  if (!isDayNumber(day)) throw new InvalidCivilDateError(day, argument);
  return day;
}

/**
 * The day number (日序号) of a China civil date: whole days since 1970-01-01, so date arithmetic is integer
 * arithmetic. Throws {@link InvalidCivilDateError} for anything that is not a real `'YYYY-MM-DD'` date.
 *
 * @example
 * dayNumberOf('1970-01-02'); // 1
 * dayNumberOf('2025-10-01') - dayNumberOf('2025-09-30'); // 1
 */
export function dayNumberOf(date: CivilDate): number {
  const day = typeof date === 'string' ? tryParseCivilDate(date) : INVALID_DAY;
  if (day === INVALID_DAY) throw new InvalidCivilDateError(date, 'date');
  return day;
}

/**
 * Like {@link dayNumberOf} but returns `undefined` instead of throwing for anything that is not a valid
 * `'YYYY-MM-DD'` China civil date (for validating untrusted input in one pass).
 *
 * @example
 * tryDayNumberOf('2024-02-29'); // 19_782
 * tryDayNumberOf('2025-02-29'); // undefined
 * tryDayNumberOf(20250101); // undefined
 */
export function tryDayNumberOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const day = tryParseCivilDate(value);
  return day === INVALID_DAY ? undefined : day;
}

/**
 * The China civil date `'YYYY-MM-DD'` of a day number (日序号); the inverse of {@link dayNumberOf}.
 * Throws {@link InvalidCivilDateError} unless `day` is an integer naming a date in 0001-01-01 … 9999-12-31.
 *
 * @example
 * civilDateOfDayNumber(19_723); // '2024-01-01'
 * civilDateOfDayNumber(dayNumberOf('2025-09-30') + 1); // '2025-10-01'
 */
export function civilDateOfDayNumber(day: number): CivilDate {
  return formatDay(checkDayNumber(day, 'day'));
}

/**
 * Whether `value` is a valid China civil date string `'YYYY-MM-DD'` (a real calendar day).
 *
 * @example
 * isCivilDate('2024-02-29'); // true
 * isCivilDate('2025-02-29'); // false
 * isCivilDate('2025-9-30'); // false
 */
export function isCivilDate(value: unknown): value is CivilDate {
  return typeof value === 'string' && tryParseCivilDate(value) !== INVALID_DAY;
}

/**
 * Converts a `DateInput` to a China civil date string; a `Date` is read in Asia/Shanghai (UTC+8) whatever
 * the host time zone. Throws {@link InvalidCivilDateError} for anything else.
 *
 * @example
 * toCivilDate(new Date('2025-09-30T20:00:00Z')); // '2025-10-01' (04:00 next morning in Beijing)
 * toCivilDate('2025-10-01'); // '2025-10-01'
 */
export function toCivilDate(input: DateInput): CivilDate {
  const day = toDayNumber(input, 'date');
  return typeof input === 'string' ? input : formatDay(day);
}

/**
 * Today's civil date in China (Asia/Shanghai), for the instant `now` (default: the current time).
 *
 * @example
 * chinaToday(new Date('2025-12-31T17:30:00Z')); // '2026-01-01' — already New Year in Beijing
 */
export function chinaToday(now: Date = new Date()): CivilDate {
  return formatDay(toDayNumber(now, 'now'));
}
