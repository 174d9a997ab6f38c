import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  addWorkdays,
  createCalendar,
  dayInfo,
  isWorkday,
  nextWorkday,
  previousWorkday,
  toCivilDate,
  workdaysBetween,
} from '../../src/calendar/index.js';
import { civilDate, count, DAY, innerDate } from './arbitraries.js';

/** Reference: count day by day (slow, obviously right). */
function naiveBetween(a: string, b: string): number {
  const sign = a <= b ? 1 : -1;
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  let n = 0;
  for (let t = Date.parse(`${lo}T00:00:00Z`) + DAY; t <= Date.parse(`${hi}T00:00:00Z`); t += DAY) {
    if (isWorkday(new Date(t).toISOString().slice(0, 10))) n++;
  }
  return n === 0 ? 0 : sign * n;
}

describe('calendar invariants (fast-check)', () => {
  test.prop([innerDate, count])('addWorkdays lands on a working day (n ≠ 0)', (d, n) => {
    fc.pre(n !== 0);
    expect(isWorkday(addWorkdays(d, n))).toBe(true);
  });

  test.prop([innerDate, count])(
    'workdaysBetween(a, addWorkdays(a, n)) === n (n < 0: from a working day)',
    (d, n) => {
      // With the (a, b] convention the identity holds for every a when n ≥ 0; going backwards it holds when a
      // itself is a working day (otherwise the count is off by exactly the missing a).
      const back = addWorkdays(d, n);
      if (n >= 0 || isWorkday(d)) expect(workdaysBetween(d, back)).toBe(n);
      else expect(workdaysBetween(d, back)).toBe(n + 1);
    },
  );

  test.prop([innerDate, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 })])(
    'addWorkdays is monotonic in n and composes',
    (d, m, n) => {
      const [lo, hi] = m <= n ? [m, n] : [n, m];
      expect(addWorkdays(d, lo) <= addWorkdays(d, hi)).toBe(true);
      if (lo > 0) expect(addWorkdays(addWorkdays(d, lo), hi)).toBe(addWorkdays(d, lo + hi));
    },
  );

  test.prop([civilDate, civilDate, civilDate])(
    'workdaysBetween is monotonic in b and additive',
    (a, b, c) => {
      const [x, y, z] = [a, b, c].sort();
      expect(workdaysBetween(x!, y!)).toBeLessThanOrEqual(workdaysBetween(x!, z!));
      expect(workdaysBetween(x!, y!) + workdaysBetween(y!, z!)).toBe(workdaysBetween(x!, z!));
      expect(workdaysBetween(z!, x!)).toBe(0 - workdaysBetween(x!, z!)); // 0 - n: +0, not -0
    },
  );

  test.prop([civilDate, fc.integer({ min: -90, max: 90 })], { numRuns: process.env.CI ? 200 : 50 })(
    'workdaysBetween equals a day-by-day count',
    (a, span) => {
      const b = new Date(Date.parse(`${a}T00:00:00Z`) + span * DAY).toISOString().slice(0, 10);
      fc.pre(b >= '2004-01-01' && b <= '2026-12-31');
      expect(workdaysBetween(a, b)).toBe(naiveBetween(a, b));
    },
  );

  test.prop([innerDate])('next/previous are the nearest working days strictly after/before', (d) => {
    const next = nextWorkday(d);
    const prev = previousWorkday(d);
    expect(next > d && prev < d).toBe(true);
    expect(workdaysBetween(d, next)).toBe(1);
    expect(workdaysBetween(prev, d)).toBe(isWorkday(d) ? 1 : 0);
  });

  test.prop([civilDate])('dayInfo agrees with isWorkday; kind matches the weekday', (d) => {
    const info = dayInfo(d);
    expect(info.isWorkday).toBe(isWorkday(d));
    const weekend = [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
    if (info.kind === 'weekend') expect(weekend).toBe(true);
    if (info.kind === 'adjusted_workday') expect(weekend).toBe(true);
    expect(info.isWorkday).toBe(info.kind === 'workday' || info.kind === 'adjusted_workday');
  });

  test.prop([
    fc.date({
      min: new Date('2004-01-01T00:00:00+08:00'),
      max: new Date('2026-12-01T00:00:00+08:00'),
      noInvalidDate: true,
    }),
    count,
  ])('Date and string inputs agree (Date read at UTC+8)', (instant, n) => {
    const civil = new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    fc.pre(civil >= '2004-07-01' && civil <= '2026-06-30');
    expect(toCivilDate(instant)).toBe(civil);
    expect(isWorkday(instant)).toBe(isWorkday(civil));
    expect(toCivilDate(addWorkdays(instant, n))).toBe(addWorkdays(civil, n));
  });

  test.prop([innerDate, count], { numRuns: 50 })('a weekend-rule calendar agrees on known years', (d, n) => {
    const lenient = createCalendar({ unknownYears: 'weekend-rule', onWarning: () => {} });
    expect(lenient.addWorkdays(d, n)).toBe(addWorkdays(d, n));
  });
});
