/**
 * Years without a loaded notice: the statutory estimate (issue 13, item 1). Cross-checked against every official
 * year 2008–2026 under the rule version then in force.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addWorkdays,
  type CalendarWarning,
  createCalendar,
  dayInfo,
  estimateStatutoryYear,
  getDefaultCalendar,
  isWorkday,
  loadSchedule,
  STATUTORY_HOLIDAY_RULES,
  setDefaultCalendar,
  statutoryRulesFor,
  UnknownCalendarYearError,
  workdayLateness,
  workdaysBetween,
} from '../../src/calendar/index.js';

function* days(from: string, to: string): Generator<string> {
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    yield new Date(t).toISOString().slice(0, 10);
  }
}

describe('done when: 2026-12-30 + 2 working days', () => {
  it('answers 2027-01-04 on the default calendar, provisionally; strict mode still throws', () => {
    expect(addWorkdays('2026-12-30', 2)).toBe('2027-01-04'); // 12-31, (01-01 New Year), 01-04
    const info = dayInfo('2027-01-01');
    expect(info).toMatchObject({ kind: 'holiday', isWorkday: false, provisional: true });
    expect(info.source).toBe('statutory-estimate');
    expect(info.holiday?.nameZh).toBe('元旦');
    const lateness = workdayLateness('2026-12-30', '2027-01-05', 2);
    expect(lateness).toEqual({
      deadline: '2027-01-04',
      onTime: false,
      workdaysLate: 1,
      calendarDaysLate: 1,
      provisional: true,
    });
    expect(getDefaultCalendar().isProvisional('2026-12-30', '2027-01-04')).toBe(true);
    const strict = createCalendar({ unknownYears: 'throw' });
    expect(() => strict.addWorkdays('2026-12-30', 2)).toThrow(UnknownCalendarYearError);
    expect(() => strict.workdayLateness('2026-12-30', '2027-01-05', 2)).toThrow(UnknownCalendarYearError);
  });

  it('official answers carry no provisional mark', () => {
    expect(dayInfo('2026-10-01').provisional).toBeUndefined();
    expect(dayInfo('2026-10-01').source).toBeUndefined();
    expect(workdayLateness('2026-12-01', '2026-12-04', 2).provisional).toBeUndefined();
    expect(getDefaultCalendar().isProvisional('2004-01-01', '2026-12-31')).toBe(false);
  });

  it('a deadline computed before the estimated year is reached is not provisional', () => {
    // 12-30 + 1 = 12-31: the answer does not depend on 2027.
    expect(workdayLateness('2026-12-30', '2026-12-31', 1).provisional).toBeUndefined();
    // …but done in 2027 (late across the estimated New Year) is.
    expect(workdayLateness('2026-12-30', '2027-01-04', 1)).toMatchObject({
      workdaysLate: 1,
      provisional: true,
    });
  });

  it('works with Date input and day numbers', () => {
    const d = addWorkdays(new Date('2026-12-30T10:00:00+08:00'), 2);
    expect(d.toISOString()).toBe('2027-01-03T16:00:00.000Z'); // 2027-01-04 00:00 Beijing
    expect(dayInfo(new Date('2027-01-01T08:00:00+08:00')).provisional).toBe(true);
  });
});

describe('the statutory estimate', () => {
  it('2027 under decree 795: statutory days, make-up days after the block, no 调休', () => {
    const e = estimateStatutoryYear(2027);
    expect(e?.rules.id).toBe('decree-795');
    expect(e?.statutory.map((d) => `${d.key} ${d.date}`)).toEqual([
      'new_year 2027-01-01',
      'spring_festival 2027-02-05', // 除夕
      'spring_festival 2027-02-06',
      'spring_festival 2027-02-07',
      'spring_festival 2027-02-08',
      'qingming 2027-04-05',
      'labour_day 2027-05-01',
      'labour_day 2027-05-02',
      'dragon_boat 2027-06-09',
      'mid_autumn 2027-09-15',
      'national_day 2027-10-01',
      'national_day 2027-10-02',
      'national_day 2027-10-03',
    ]);
    expect(e?.makeUp.map((d) => `${d.date} for ${d.makeUpFor}`)).toEqual([
      '2027-02-09 for 2027-02-06',
      '2027-02-10 for 2027-02-07',
      '2027-05-03 for 2027-05-01',
      '2027-05-04 for 2027-05-02',
      '2027-10-04 for 2027-10-02',
      '2027-10-05 for 2027-10-03',
    ]);
    const cal = createCalendar({ onWarning: () => {} });
    const weekendsWorked = [...days('2027-01-01', '2027-12-31')].filter(
      (d) => cal.dayInfo(d).kind === 'adjusted_workday',
    );
    expect(weekendsWorked).toEqual([]);
    // 261 weekdays − 7 statutory days on weekdays − 6 make-up days; 248 is also the 2025 and 2026 count
    expect(cal.workdaysBetween('2026-12-31', '2027-12-31')).toBe(248);
  });

  it('a holiday sharing a day with another gets a make-up day too (中秋 on 10-03 in 2028)', () => {
    const e = estimateStatutoryYear(2028);
    expect(e?.makeUp.map((d) => `${d.date} for ${d.makeUpFor}`)).toEqual([
      '2028-01-03 for 2028-01-01', // New Year on a Saturday → Monday
      '2028-05-29 for 2028-05-28', // 端午 on a Sunday
      '2028-10-04 for 2028-10-01',
      '2028-10-05 for 2028-10-03', // 中秋 = 国庆 day 3
    ]);
  });

  it('uses the rule version in force (2008: 除夕–初二, 2014: 初一–初三, 2025: 除夕–初三 and 5-02)', () => {
    expect(STATUTORY_HOLIDAY_RULES.map((r) => r.id)).toEqual(['decree-513', 'decree-644', 'decree-795']);
    expect(statutoryRulesFor(2007)).toBeUndefined();
    expect(statutoryRulesFor(2013)?.springFestival).toBe('eve_to_second');
    expect(statutoryRulesFor(2024)?.springFestival).toBe('first_to_third');
    expect(statutoryRulesFor(2026)?.labourDayDays).toBe(2);
    expect(estimateStatutoryYear(2007)).toBeUndefined();
    expect(estimateStatutoryYear(2051)).toBeUndefined();
  });

  it('cross-check with every official year 2008–2026: every statutory day is a rest day; 61 of 63 make-up days are', () => {
    const official = createCalendar({ unknownYears: 'throw' });
    const statutoryWorked: string[] = [];
    const makeUpWorked: string[] = [];
    let statutory = 0;
    let makeUp = 0;
    const yearsWithSameCount: number[] = [];
    for (let y = 2008; y <= 2026; y++) {
      const e = estimateStatutoryYear(y);
      if (e === undefined) throw new Error(`no estimate for ${y}`);
      for (const d of e.statutory) {
        statutory++;
        if (official.isWorkday(d.date)) statutoryWorked.push(`${d.date} ${d.key}`);
      }
      for (const d of e.makeUp) {
        makeUp++;
        if (official.isWorkday(d.date)) makeUpWorked.push(`${d.date} ${d.key}`);
      }
      const est = createCalendar({ builtIn: false, schedules: [e.schedule], unknownYears: 'throw' });
      const span = [`${y - 1}-12-31`, `${y}-12-31`] as const;
      if (est.workdaysBetween(...span) === official.workdaysBetween(...span)) yearsWithSameCount.push(y);
    }
    expect(statutory).toBe(213);
    expect(statutoryWorked).toEqual([]);
    expect(makeUp).toBe(63);
    // 2012: 端午 on Saturday 06-23, the notice gave Friday 06-22; 2015: 中秋 on Sunday 09-27, no make-up day given.
    expect(makeUpWorked).toEqual(['2012-06-25 dragon_boat', '2015-09-28 mid_autumn']);
    // 调休 swaps cancel out over a year: the yearly working-day count matches in 15 of 19 years.
    expect(yearsWithSameCount).toHaveLength(15);
    expect([2011, 2012, 2015, 2020].some((y) => yearsWithSameCount.includes(y))).toBe(false);
  });
});

describe('policies and warnings', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('warns once per estimated year through onWarning', () => {
    const warnings: CalendarWarning[] = [];
    const cal = createCalendar({ onWarning: (w) => warnings.push(w) });
    expect(cal.unknownYears).toBe('statutory-estimate');
    expect(cal.estimatedYears[0]).toBe(2027);
    expect(cal.estimatedYears.at(-1)).toBe(2050);
    cal.addWorkdays('2026-12-30', 2);
    cal.isWorkday('2027-05-03');
    cal.workdaysBetween('2026-12-01', '2028-01-10');
    expect(warnings.map((w) => `${w.code} ${w.year}`)).toEqual([
      'statutory_estimate 2027',
      'statutory_estimate 2028',
    ]);
    expect(warnings[0]?.message.zh).toContain('临时');
  });

  it('the default handler emits one process warning with a code per year', () => {
    const spy = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const a = createCalendar();
    const b = createCalendar();
    a.isWorkday('2044-03-01');
    b.isWorkday('2044-03-02');
    const calls = spy.mock.calls.filter((c) => String(c[0]).includes('2044'));
    expect(calls).toHaveLength(1);
    expect(calls[0]?.[1]).toMatchObject({ code: 'JIANGUAN_CALENDAR_STATUTORY_ESTIMATE' });
  });

  it('the weekend rule is unchanged but now marked provisional', () => {
    const cal = createCalendar({ unknownYears: 'weekend-rule', onWarning: () => {} });
    expect(cal.addWorkdays('2026-12-31', 1)).toBe('2027-01-01');
    expect(cal.dayInfo('2027-01-01')).toMatchObject({
      kind: 'workday',
      provisional: true,
      source: 'weekend-rule',
    });
  });

  it('setDefaultCalendar with unknownYears: "throw" restores strict free functions', () => {
    const before = setDefaultCalendar(getDefaultCalendar().extend({ unknownYears: 'throw' }));
    try {
      expect(() => addWorkdays('2026-12-30', 2)).toThrow(UnknownCalendarYearError);
    } finally {
      setDefaultCalendar(before);
    }
    expect(addWorkdays('2026-12-30', 2)).toBe('2027-01-04');
  });

  it('loading the notice (holiday-cn file, one line) replaces the estimate', () => {
    const before = getDefaultCalendar();
    try {
      // A holiday-cn style file for a hypothetical 2027 notice (not the real one: it is not published).
      loadSchedule({
        year: 2027,
        papers: ['https://example.invalid/2027-notice'],
        days: [
          { name: '元旦', date: '2027-01-01', isOffDay: true },
          { name: '元旦', date: '2027-01-02', isOffDay: true },
          { name: '元旦', date: '2027-01-03', isOffDay: true },
        ],
      });
      expect(isWorkday('2027-01-04')).toBe(true);
      expect(dayInfo('2027-01-01').provisional).toBeUndefined();
      expect(workdayLateness('2026-12-30', '2027-01-05', 2).provisional).toBeUndefined();
      expect(workdaysBetween('2027-02-04', '2027-02-11')).toBe(5); // no estimate left in 2027: plain weekdays
    } finally {
      setDefaultCalendar(before);
    }
  });

  it('an array of holiday-cn files or JSON text loads in one call', () => {
    const before = getDefaultCalendar();
    try {
      const loaded = loadSchedule(
        JSON.stringify([
          { year: 2027, papers: ['u'], days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }] },
          { year: 2028, papers: ['u'], days: [{ name: '元旦', date: '2028-01-01', isOffDay: true }] },
        ]),
      );
      expect(Array.isArray(loaded) && loaded.map((s) => s.year)).toEqual([2027, 2028]);
      expect(getDefaultCalendar().years.slice(-2)).toEqual([2027, 2028]);
      expect(dayInfo('2028-01-03').provisional).toBeUndefined();
    } finally {
      setDefaultCalendar(before);
    }
  });
});

describe('allowedWorkdays 0 (same-day rule)', () => {
  it('a same-day report of a rest-day act is on time; the deadline is never before the act', () => {
    // Saturday 2025-09-27 (rest); Sunday 09-28 is an adjusted working day.
    expect(workdayLateness('2025-09-27', '2025-09-27', 0)).toEqual({
      deadline: '2025-09-28',
      onTime: true,
      workdaysLate: 0,
      calendarDaysLate: 0,
    });
    expect(workdayLateness('2025-09-27', '2025-09-28', 0).onTime).toBe(true);
    expect(workdayLateness('2025-09-27', '2025-09-29', 0)).toMatchObject({ onTime: false, workdaysLate: 1 });
    // A working-day act: the deadline is the day itself.
    expect(workdayLateness('2025-09-26', '2025-09-26', 0)).toMatchObject({
      deadline: '2025-09-26',
      onTime: true,
    });
    expect(workdayLateness('2025-09-26', '2025-09-28', 0)).toMatchObject({ onTime: false, workdaysLate: 1 });
  });
});

describe('the unknownYears option', () => {
  it('accepts each documented policy, explicitly too, and refuses anything else with a typed error', () => {
    const quiet = { onWarning: () => undefined };
    expect(
      createCalendar({ unknownYears: 'statutory-estimate', ...quiet }).addWorkdays('2026-12-31', 1),
    ).toBe('2027-01-04');
    expect(createCalendar({ unknownYears: 'weekend-rule', ...quiet }).addWorkdays('2026-12-31', 1)).toBe(
      '2027-01-01',
    );
    expect(() => createCalendar({ unknownYears: 'throw' }).addWorkdays('2026-12-31', 1)).toThrow();
    expect(() => createCalendar({ unknownYears: 'guess' as never })).toThrow(/statutory-estimate/);
  });
});
