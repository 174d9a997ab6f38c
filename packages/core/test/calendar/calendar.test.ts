import { describe, expect, it } from 'vitest';
import {
  addWorkdays,
  CalendarDataError,
  type CalendarWarning,
  chinaToday,
  createCalendar,
  dayInfo,
  GUANGXI_SANYUESAN,
  getDefaultCalendar,
  InvalidCivilDateError,
  InvalidWorkdayCountError,
  isWorkday,
  loadSchedule,
  nextWorkday,
  OFFICIAL_SCHEDULES,
  organisationClosures,
  parseSchedule,
  previousWorkday,
  REGIONAL_OVERLAYS,
  setDefaultCalendar,
  toCivilDate,
  UnknownCalendarYearError,
  workdayLateness,
  workdaysBetween,
  type YearSchedule,
} from '../../src/calendar/index.js';
import * as root from '../../src/index.js';

describe('done-when values', () => {
  it('matches the issue', () => {
    expect(addWorkdays('2025-09-30', 2)).toBe('2025-10-10');
    expect(isWorkday('2025-10-11')).toBe(true);
    expect(isWorkday('2026-02-14')).toBe(true);
    expect(workdaysBetween('2025-09-30', '2025-10-11')).toBe(3);
  });

  it('is exported from @jianguan/core too', () => {
    expect(root.addWorkdays('2025-09-30', 2)).toBe('2025-10-10');
    expect(root.createCalendar).toBe(createCalendar);
  });
});

describe('official schedule facts', () => {
  it.each([
    ['2005-12-31', true, 'adjusted_workday'], // Saturday worked under the 2006 notice (others miss it)
    ['2006-12-30', true, 'adjusted_workday'],
    ['2007-12-29', true, 'adjusted_workday'],
    ['2007-12-31', false, 'holiday'],
    ['2011-12-31', true, 'adjusted_workday'],
    ['2013-04-07', true, 'adjusted_workday'],
    ['2015-09-03', false, 'holiday'], // 70th anniversary
    ['2015-09-04', false, 'holiday'],
    ['2015-09-06', true, 'adjusted_workday'],
    ['2018-01-01', false, 'holiday'],
    ['2018-12-29', true, 'adjusted_workday'],
    ['2019-05-02', false, 'holiday'], // 2019 Labour Day change
    ['2019-04-28', true, 'adjusted_workday'],
    ['2019-05-05', true, 'adjusted_workday'],
    ['2020-01-31', false, 'holiday'], // 2020 extension
    ['2020-02-01', false, 'holiday'], // was a working Saturday before the extension
    ['2020-02-03', true, 'workday'],
    ['2022-12-31', false, 'holiday'],
    ['2023-01-03', true, 'workday'],
    ['2025-01-28', false, 'holiday'], // 除夕, new under 国务院令第795号
    ['2025-05-02', false, 'holiday'],
    ['2026-02-23', false, 'holiday'],
    ['2026-02-28', true, 'adjusted_workday'],
    ['2026-09-20', true, 'adjusted_workday'],
    ['2026-11-21', false, 'weekend'],
    ['2026-11-23', true, 'workday'],
  ])('%s: workday=%s, %s', (date, work, kind) => {
    expect(isWorkday(date)).toBe(work);
    expect(dayInfo(date).kind).toBe(kind);
  });

  it('counts the working days of each year (workdays.md §4)', () => {
    const expected = [
      249, 251, 250, 250, 250, 249, 250, 250, 249, 250, 249, 250, 250, 249, 250, 249, 249, 251, 248, 248,
    ];
    const counted = expected.map((_, i) => workdaysBetween(`${2006 + i}-12-31`, `${2007 + i}-12-31`));
    expect(counted).toEqual(expected);
  });

  it('has one entry per year 2004–2026, each with its notice number and (from 2006) date', () => {
    expect(OFFICIAL_SCHEDULES.map((s) => s.year)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    for (const s of OFFICIAL_SCHEDULES) {
      expect(s.notices[0]?.number).toMatch(/^国(办)?发明电〔\d{4}〕\d+号$/);
      if (s.year >= 2006) expect(s.notices[0]?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const special = OFFICIAL_SCHEDULES.filter((s) => s.notices.length > 1).map((s) => s.year);
    expect(special).toEqual([2015, 2019, 2020]);
  });

  it('names holidays in both languages, also on adjusted working days', () => {
    expect(dayInfo('2025-10-01').holiday).toMatchObject({
      nameZh: '国庆节、中秋节',
      key: 'national_day_mid_autumn',
    });
    expect(dayInfo('2026-02-14').holiday).toMatchObject({ name: 'Spring Festival', nameZh: '春节' });
    expect(dayInfo('2026-11-23').holiday).toBeUndefined();
  });
});

describe('addWorkdays / workdaysBetween semantics', () => {
  it.each([
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-09-30', 2, '2025-10-10'],
    ['2025-09-30', 3, '2025-10-11'],
    ['2025-10-09', -1, '2025-09-30'],
    ['2025-10-01', 0, '2025-10-01'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-14', 1, '2026-02-24'],
    ['2020-01-23', 1, '2020-02-03'],
    ['2004-01-01', 1, '2004-01-02'],
    ['2026-12-30', 1, '2026-12-31'],
    ['2004-01-02', -1, '2003-12-31'],
  ])('addWorkdays(%s, %i) = %s', (date, n, expected) => {
    if (expected.startsWith('2003')) {
      expect(() => addWorkdays(date, n)).toThrow(UnknownCalendarYearError);
    } else {
      expect(addWorkdays(date, n)).toBe(expected);
    }
  });

  it('counts a < w ≤ b and is antisymmetric', () => {
    expect(workdaysBetween('2025-10-01', '2025-10-31')).toBe(18);
    expect(workdaysBetween('2025-10-11', '2025-09-30')).toBe(-3);
    expect(workdaysBetween('2025-10-05', '2025-10-05')).toBe(0);
    expect(Object.is(workdaysBetween('2025-10-05', '2025-10-04'), 0)).toBe(true); // +0, not -0
    expect(workdaysBetween('2003-12-31', '2004-01-05')).toBe(2); // 2004-01-02 and 01-05
  });

  it('nextWorkday / previousWorkday step over Golden Week (no null, unlike chinese-workday)', () => {
    expect(nextWorkday('2025-09-30')).toBe('2025-10-09');
    expect(previousWorkday('2025-10-09')).toBe('2025-09-30');
    expect(nextWorkday('2024-09-30')).toBe('2024-10-08');
  });
});

describe('Date in, Date out (read in Asia/Shanghai whatever the host TZ)', () => {
  it('reads instants at UTC+8', () => {
    // 2025-09-30T20:00Z is 2025-10-01 04:00 in Beijing: National Day.
    expect(isWorkday(new Date('2025-09-30T20:00:00Z'))).toBe(false);
    expect(isWorkday(new Date('2025-09-30T15:59:59Z'))).toBe(true);
    expect(toCivilDate(new Date('2025-09-30T16:00:00Z'))).toBe('2025-10-01');
    expect(chinaToday(new Date('2025-12-31T17:30:00Z'))).toBe('2026-01-01');
  });

  it('returns Dates at 00:00 Asia/Shanghai for Date input and strings for strings', () => {
    const input = new Date('2025-09-30T10:00:00+08:00');
    const copy = new Date(input.getTime());
    const out = addWorkdays(input, 2);
    expect(out).toBeInstanceOf(Date);
    expect(out.toISOString()).toBe('2025-10-09T16:00:00.000Z');
    expect(toCivilDate(out)).toBe('2025-10-10');
    expect(input.getTime()).toBe(copy.getTime()); // never mutated
    expect(typeof addWorkdays('2025-09-30', 2)).toBe('string');
    const info = dayInfo(new Date('2026-02-14T09:00:00+08:00'));
    expect(info.date).toBeInstanceOf(Date);
    expect(info.kind).toBe('adjusted_workday');
    expect(nextWorkday(new Date('2025-09-30T23:59:00+08:00')).toISOString()).toBe('2025-10-08T16:00:00.000Z');
  });
});

describe('invalid input → typed errors, never NaN', () => {
  it.each([
    ['2025-02-29'],
    ['2025-13-01'],
    ['2025-9-30'],
    ['2025/09/30'],
    ['20250930'],
    [''],
    ['2025-09-30T00:00:00'],
    ['２０２５-09-30'],
  ])('rejects %j', (bad) => {
    expect(() => isWorkday(bad)).toThrow(InvalidCivilDateError);
  });

  it('rejects non-dates with code, path and both languages', () => {
    try {
      addWorkdays(new Date(Number.NaN), 1);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidCivilDateError);
      const e = error as InvalidCivilDateError;
      expect(e.code).toBe('invalid_civil_date');
      expect(e.path).toEqual(['date']);
      expect(e.messages.zh).toContain('日期');
      expect(e.messages.en).toContain('valid date');
    }
    expect(() => isWorkday(20250930 as never)).toThrow(InvalidCivilDateError);
    expect(() => isWorkday(null as never)).toThrow(InvalidCivilDateError);
    expect(() => workdaysBetween('2025-01-01', 'tomorrow')).toThrow(/argument to/);
  });

  it.each([[1.5], [Number.NaN], [Number.POSITIVE_INFINITY], ['2' as never]])(
    'rejects working-day count %j',
    (n) => {
      expect(() => addWorkdays('2025-09-30', n as number)).toThrow(InvalidWorkdayCountError);
    },
  );
});

describe('unknown years', () => {
  it('throws a typed error naming the year and how to load it (strict mode)', () => {
    const strict = createCalendar({ unknownYears: 'throw' });
    try {
      strict.isWorkday('2027-01-04');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownCalendarYearError);
      const e = error as UnknownCalendarYearError;
      expect(e.code).toBe('unknown_calendar_year');
      expect(e.year).toBe(2027);
      expect(e.messages.en).toContain('2027');
      expect(e.messages.en).toContain('loadSchedule');
      expect(e.messages.zh).toContain('2027');
    }
    expect(() => strict.addWorkdays('2026-12-31', 1)).toThrow(UnknownCalendarYearError);
    expect(() => strict.workdaysBetween('2026-12-01', '2027-01-05')).toThrow(/2027/);
    // The default calendar estimates 2008–2050 only; earlier and later years throw whatever the policy.
    expect(() => isWorkday('2003-06-02')).toThrow(/2003/);
    expect(() => isWorkday('2051-06-02')).toThrow(/2051/);
  });

  it('falls back to the weekend rule only when asked, warning once per year', () => {
    const warnings: CalendarWarning[] = [];
    const cal = createCalendar({ unknownYears: 'weekend-rule', onWarning: (w) => warnings.push(w) });
    expect(cal.isWorkday('2027-01-04')).toBe(true); // Monday
    expect(cal.isWorkday('2027-01-02')).toBe(false);
    expect(cal.addWorkdays('2026-12-31', 1)).toBe('2027-01-01');
    expect(cal.workdaysBetween('2026-12-31', '2027-01-08')).toBe(6);
    expect(cal.isWorkday('2025-10-11')).toBe(true); // known years still use the schedule
    expect(warnings.map((w) => w.year)).toEqual([2027]);
    expect(warnings[0]?.code).toBe('weekend_rule_fallback');
    expect(() => cal.isWorkday('2150-01-01')).toThrow(UnknownCalendarYearError);
  });

  it('throws for a gap year between known years', () => {
    const y2028: YearSchedule = {
      year: 2028,
      notices: [{ title: 'test schedule' }],
      holidays: [{ key: 'new_year', off: ['01-01'] }],
    };
    const cal = createCalendar({ schedules: [y2028], unknownYears: 'throw' });
    expect(cal.years.at(-1)).toBe(2028);
    expect(cal.isWorkday('2028-01-03')).toBe(true);
    expect(() => cal.workdaysBetween('2026-12-31', '2028-01-05')).toThrow(/2027/);
    expect(() => cal.addWorkdays('2026-12-31', 1)).toThrow(/2027/);
    expect(() => cal.addWorkdays('2028-01-03', -1)).toThrow(/2027/);
  });
});

describe('runtime updates', () => {
  const y2027: YearSchedule = {
    year: 2027,
    notices: [{ number: 'TEST〔2026〕1号', date: '2026-11-01', note: 'synthetic schedule for the test' }],
    holidays: [{ key: 'new_year', off: ['01-01..01-03'], work: ['2026-12-27'] }],
  };

  it('loadSchedule adds a year to the default calendar (jianguan format)', () => {
    const before = getDefaultCalendar();
    try {
      loadSchedule(y2027);
      expect(isWorkday('2027-01-01')).toBe(false);
      expect(isWorkday('2027-01-04')).toBe(true);
      expect(isWorkday('2026-12-27')).toBe(true); // a December day of the new notice
      expect(addWorkdays('2026-12-31', 1)).toBe('2027-01-04');
    } finally {
      setDefaultCalendar(before);
    }
    expect(dayInfo('2027-01-01').provisional).toBe(true); // back to the estimate
  });

  it('loads the holiday-cn JSON format and replaces a year wholesale', () => {
    const holidayCn = {
      year: 2027,
      papers: ['https://example.invalid/notice'],
      days: [
        { name: '元旦', date: '2027-01-01', isOffDay: true },
        { name: '春节', date: '2027-02-06', isOffDay: false },
      ],
    };
    const cal = createCalendar({ schedules: [y2027, holidayCn] });
    expect(cal.isWorkday('2027-01-02')).toBe(false); // Saturday, plain weekend now
    expect(cal.dayInfo('2027-01-01').holiday?.nameZh).toBe('元旦');
    expect(cal.dayInfo('2027-02-06').kind).toBe('adjusted_workday');
    expect(cal.schedules.find((s) => s.year === 2027)?.source).toBe('holiday-cn');
  });

  it('validates with zod and reports the path of the problem', () => {
    expect(() => parseSchedule({ year: 2027, notices: [{}], holidays: [] })).toThrow(CalendarDataError);
    try {
      parseSchedule({ year: 2027, notices: [{}], holidays: [{ key: 'new_year', off: ['02-30'] }] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarDataError);
      expect((error as CalendarDataError).path).toEqual(['holidays', 0, 'off', 0]);
    }
    expect(() =>
      parseSchedule({ year: 2027, notices: [{}], holidays: [{ key: 'x_day', off: ['01-05'] }] }),
    ).toThrow(/name and nameZh/);
    expect(() =>
      parseSchedule({
        year: 2027,
        notices: [{}],
        holidays: [{ key: 'new_year', off: ['01-01'], work: ['01-01'] }],
      }),
    ).toThrow(/both/);
    expect(() =>
      parseSchedule({ year: 2027, notices: [{}], holidays: [{ key: 'new_year', off: ['2025-12-31'] }] }),
    ).toThrow(/outside/);
    expect(() => loadSchedule({ year: 2027, papers: [], days: [] })).toThrow(/placeholder/);
    expect(() => loadSchedule({ year: 'x' })).toThrow(CalendarDataError);
  });
});

describe('overlays', () => {
  it('applies regional layers only when asked', () => {
    const gx = createCalendar({ overlays: [GUANGXI_SANYUESAN] });
    expect(isWorkday('2024-04-11')).toBe(true);
    expect(gx.isWorkday('2024-04-11')).toBe(false);
    expect(gx.dayInfo('2024-04-11').holiday).toMatchObject({
      overlay: 'cn-gx-sanyuesan',
      nameZh: '壮族三月三',
    });
    expect(gx.workdaysBetween('2024-04-10', '2024-04-15')).toBe(1);
    for (const overlay of Object.values(REGIONAL_OVERLAYS)) {
      expect(['verified', 'illustrative']).toContain(overlay.status);
      expect(() => createCalendar({ overlays: [overlay] })).not.toThrow();
    }
  });

  it('adds organisation closures on top and can extend a calendar', () => {
    const closure = organisationClosures({
      id: 'bureau-x',
      name: 'Server migration',
      nameZh: '系统迁移停办',
      dates: ['2026-03-16', '2026-03-17'],
    });
    const base = createCalendar();
    const cal = base.extend({ overlays: [closure] });
    expect(base.isWorkday('2026-03-16')).toBe(true);
    expect(cal.isWorkday('2026-03-16')).toBe(false);
    expect(cal.addWorkdays('2026-03-13', 1)).toBe('2026-03-18');
    expect(cal.overlays).toHaveLength(1);
    expect(() => organisationClosures({ id: 'x', name: 'x', nameZh: 'x', dates: [] })).toThrow(
      CalendarDataError,
    );
    expect(() =>
      createCalendar({
        overlays: [{ ...closure, arrangements: [{ key: 'x', name: 'x', nameZh: 'x', off: ['03-16'] }] }],
      }),
    ).toThrow(/needs a year/);
  });
});

describe('workdayLateness', () => {
  it.each([
    // event, done, N, deadline, onTime, workdaysLate
    ['2025-09-30', '2025-10-10', 2, '2025-10-10', true, 0],
    ['2025-09-30', '2025-10-09', 2, '2025-10-10', true, 0],
    ['2025-09-30', '2025-10-11', 2, '2025-10-10', false, 1],
    ['2025-09-30', '2025-10-13', 2, '2025-10-10', false, 2],
    ['2026-02-13', '2026-02-25', 5, '2026-02-27', true, 0], // 02-14 (adjusted Saturday) counts
    ['2024-09-27', '2024-10-06', 1, '2024-09-29', false, 1],
    ['2025-11-06', '2025-11-08', 1, '2025-11-07', false, 0], // late by date, but no working day in between
  ])('event %s done %s within %i → %s', (event, done, n, deadline, onTime, late) => {
    const r = workdayLateness(event, done, n);
    expect(r).toMatchObject({ deadline, onTime, workdaysLate: late });
  });

  it('returns a Date deadline for a Date event and rejects negative N', () => {
    const r = workdayLateness(new Date('2025-09-30T08:00:00+08:00'), '2025-10-10', 2);
    expect(toCivilDate(r.deadline)).toBe('2025-10-10');
    expect(() => workdayLateness('2025-09-30', '2025-10-10', -1)).toThrow(InvalidWorkdayCountError);
  });
});

describe('worked examples of docs/guides/working-days.md', () => {
  it('2 working days to report', () => {
    expect(addWorkdays('2025-09-30', 2)).toBe('2025-10-10');
    expect(workdayLateness('2025-09-30', '2025-10-11', 2)).toEqual({
      deadline: '2025-10-10',
      onTime: false,
      workdaysLate: 1,
      calendarDaysLate: 1,
    });
  });

  it('5 working days to fix', () => {
    expect(addWorkdays('2026-02-13', 5)).toBe('2026-02-27');
    expect(workdayLateness('2026-02-13', '2026-03-02', 5)).toEqual({
      deadline: '2026-02-27',
      onTime: false,
      workdaysLate: 2,
      calendarDaysLate: 3,
    });
  });

  it('20 working days to publish', () => {
    expect(addWorkdays('2026-09-18', 20)).toBe('2026-10-22');
    expect(workdayLateness('2026-09-18', '2026-10-23', 20).workdaysLate).toBe(1);
    expect(createCalendar({ overlays: [GUANGXI_SANYUESAN] }).addWorkdays('2026-04-16', 2)).toBe('2026-04-22');
    expect(addWorkdays('2026-04-16', 2)).toBe('2026-04-20');
  });
});

describe('built-in data', () => {
  it('is frozen', () => {
    const y2026 = OFFICIAL_SCHEDULES.at(-1)!;
    expect(Object.isFrozen(OFFICIAL_SCHEDULES)).toBe(true);
    expect(Object.isFrozen(y2026.holidays[0]!.off)).toBe(true);
    expect(() => {
      (y2026.holidays as unknown as unknown[]).push({});
    }).toThrow(TypeError);
  });
});

describe('host time zone (scripts/test-tz.mjs runs this file under several)', () => {
  const offsets: Record<string, number> = {
    'Asia/Shanghai': -480,
    UTC: 0,
    'America/New_York': 300,
    'Pacific/Kiritimati': -840,
  };
  const tz = process.env.TZ;
  it.runIf(tz !== undefined && tz in offsets)(`really runs in TZ=${tz}`, () => {
    expect(new Date('2025-01-15T00:00:00Z').getTimezoneOffset()).toBe(offsets[tz!]);
    // …and still answers in China time: Monday 2025-09-29 in Beijing is a working day, the Saturday before is not.
    expect(isWorkday(new Date('2025-09-29T00:30:00+08:00'))).toBe(true);
    expect(isWorkday(new Date('2025-09-27T23:30:00+08:00'))).toBe(false);
  });
});
