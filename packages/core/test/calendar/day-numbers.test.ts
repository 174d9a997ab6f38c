import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  addWorkdays,
  addWorkdaysToDayNumber,
  civilDateOfDayNumber,
  createCalendar,
  dayNumberOf,
  GUANGXI_SANYUESAN,
  InvalidCivilDateError,
  InvalidWorkdayCountError,
  isWorkday,
  isWorkdayNumber,
  tryDayNumberOf,
  UnknownCalendarYearError,
  workdaysBetween,
  workdaysBetweenDayNumbers,
} from '../../src/calendar/index.js';
import * as core from '../../src/index.js';
import { count, innerDate } from './arbitraries.js';

const DAY = 86_400_000;

describe('day numbers (日序号)', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2024-01-01', 19_723],
    ['2024-02-29', 19_782],
    ['0001-01-01', -719_162],
    ['9999-12-31', 2_932_896],
  ])('dayNumberOf(%s) = %i and back', (date, n) => {
    expect(dayNumberOf(date)).toBe(n);
    expect(tryDayNumberOf(date)).toBe(n);
    expect(civilDateOfDayNumber(n)).toBe(date);
  });

  test.prop([fc.integer({ min: -719_162, max: 2_932_896 })])('matches Date.UTC over 0001–9999', (n) => {
    const iso = new Date(n * DAY).toISOString().slice(0, 10);
    fc.pre(/^\d{4}-\d{2}-\d{2}$/.test(iso));
    expect(civilDateOfDayNumber(n)).toBe(iso);
    expect(dayNumberOf(iso)).toBe(n);
  });

  it.each(['2025-02-29', '2025-9-30', '0000-01-01', '', '2025-13-01', 'abcd-ef-gh'])('rejects %j', (bad) => {
    expect(tryDayNumberOf(bad)).toBeUndefined();
    expect(() => dayNumberOf(bad)).toThrow(InvalidCivilDateError);
  });

  it('tryDayNumberOf rejects non-strings; dayNumberOf throws a JianguanError, not a TypeError', () => {
    for (const v of [20250101, null, undefined, new Date(0), {}]) expect(tryDayNumberOf(v)).toBeUndefined();
    expect(() => dayNumberOf(20250101 as unknown as string)).toThrow(InvalidCivilDateError);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, -719_163, 2_932_897])(
    'civilDateOfDayNumber rejects %d',
    (bad) => {
      expect(() => civilDateOfDayNumber(bad)).toThrow(InvalidCivilDateError);
    },
  );

  it('is exported from @jianguan/core too', () => {
    expect(core.dayNumberOf).toBe(dayNumberOf);
    expect(core.tryDayNumberOf).toBe(tryDayNumberOf);
    expect(core.civilDateOfDayNumber).toBe(civilDateOfDayNumber);
    expect(core.isWorkdayNumber).toBe(isWorkdayNumber);
    expect(core.workdaysBetweenDayNumbers).toBe(workdaysBetweenDayNumbers);
    expect(core.addWorkdaysToDayNumber).toBe(addWorkdaysToDayNumber);
  });
});

describe('day-number calendar queries agree with the string API', () => {
  it.each([
    ['2025-10-11', true],
    ['2025-10-01', false],
    ['2025-10-12', false],
  ])('isWorkdayNumber(%s) = %s', (date, expected) => {
    expect(isWorkdayNumber(dayNumberOf(date))).toBe(expected);
  });

  it('worked examples from the TSDoc', () => {
    expect(workdaysBetweenDayNumbers(dayNumberOf('2025-09-30'), dayNumberOf('2025-10-11'))).toBe(3);
    expect(civilDateOfDayNumber(addWorkdaysToDayNumber(dayNumberOf('2025-09-30'), 2))).toBe('2025-10-10');
    expect(civilDateOfDayNumber(addWorkdaysToDayNumber(dayNumberOf('2025-10-09'), -1))).toBe('2025-09-30');
  });

  test.prop([innerDate, innerDate, count])('default calendar: same answers', (a, b, n) => {
    const da = dayNumberOf(a);
    const db = dayNumberOf(b);
    expect(isWorkdayNumber(da)).toBe(isWorkday(a));
    expect(workdaysBetweenDayNumbers(da, db)).toBe(workdaysBetween(a, b));
    expect(civilDateOfDayNumber(addWorkdaysToDayNumber(da, n))).toBe(addWorkdays(a, n));
  });

  test.prop([innerDate, innerDate, count], { numRuns: process.env.CI ? 100 : 40 })(
    'calendar with an overlay: same answers',
    (a, b, n) => {
      const cal = createCalendar({ overlays: [GUANGXI_SANYUESAN] });
      const da = dayNumberOf(a);
      const db = dayNumberOf(b);
      expect(cal.isWorkdayNumber(da)).toBe(cal.isWorkday(a));
      expect(cal.workdaysBetweenDayNumbers(da, db)).toBe(cal.workdaysBetween(a, b));
      expect(civilDateOfDayNumber(cal.addWorkdaysToDayNumber(da, n))).toBe(cal.addWorkdays(a, n));
    },
  );

  it('the same errors: unknown years, bad day numbers, bad counts', () => {
    const cal = createCalendar({ unknownYears: 'throw' });
    expect(() => cal.isWorkdayNumber(dayNumberOf('2030-01-02'))).toThrow(UnknownCalendarYearError);
    expect(() => cal.isWorkday('2030-01-02')).toThrow(UnknownCalendarYearError);
    expect(() => cal.workdaysBetweenDayNumbers(dayNumberOf('2026-12-01'), dayNumberOf('2027-01-05'))).toThrow(
      UnknownCalendarYearError,
    );
    expect(() => cal.addWorkdaysToDayNumber(dayNumberOf('2026-12-30'), 5)).toThrow(UnknownCalendarYearError);
    expect(() => cal.isWorkdayNumber(1.5)).toThrow(InvalidCivilDateError);
    expect(() => cal.workdaysBetweenDayNumbers(0, Number.NaN)).toThrow(InvalidCivilDateError);
    expect(() => cal.addWorkdaysToDayNumber(dayNumberOf('2025-09-30'), 0.5)).toThrow(
      InvalidWorkdayCountError,
    );
    expect(cal.addWorkdaysToDayNumber(dayNumberOf('2025-10-01'), 0)).toBe(dayNumberOf('2025-10-01'));
  });

  it('weekend-rule years warn once, like the string API', () => {
    const warnings: number[] = [];
    const cal = createCalendar({ unknownYears: 'weekend-rule', onWarning: (w) => warnings.push(w.year) });
    expect(cal.isWorkdayNumber(dayNumberOf('2030-01-02'))).toBe(true);
    expect(cal.workdaysBetweenDayNumbers(dayNumberOf('2030-01-01'), dayNumberOf('2030-01-08'))).toBe(5);
    expect(warnings).toEqual([2030]);
  });
});
