/**
 * The statutory estimate (法定假日推算) for a year whose State Council notice is not loaded: the holidays of
 * 《全国年节及纪念日放假办法》 in force that year, plus the make-up days (补假) of its article 6, and nothing else —
 * no 调休 swaps (no weekend worked), no bridge days. Every day it produces is marked provisional by the calendar.
 *
 * Make-up placement (decided here; the law says only "应当在工作日补假"): each statutory holiday day that falls on a
 * Saturday or Sunday, or on a day that is already another holiday's statutory day (中秋 on 10-01..10-03, e.g.
 * 2028, 2031), gives one make-up day on the first Monday–Friday after it that is not already a rest day — i.e. the
 * working day(s) right after the holiday block. This is what every notice 2008–2026 did for a lone holiday on a
 * weekend (2011-01-03, 2015-04-06, 2017-01-02, 2022-01-03, 2022-09-12, 2023-01-02) and what the 2020 notice did
 * for 中秋 on 10-01; the notices' 调休 and bridge days are not estimated.
 */

import { InvalidArgumentError } from '../errors/invalid-argument.js';
import type { SourceStatus } from '../sources/citation.js';
import type { CivilDate } from './civil-date.js';
import { daysFromCivil, formatDay, weekdayOfDay } from './civil-date.js';
import { LUNAR_FESTIVAL_TABLE, LUNAR_TABLE_SOURCE, lunarFestivalDates } from './lunar-table.js';
import type { YearSchedule } from './schedule.js';

/**
 * One version of the statutory holidays (法定节假日规则版本) of 《全国年节及纪念日放假办法》.
 *
 * @example
 * STATUTORY_HOLIDAY_RULES.at(-1)?.springFestival; // 'eve_to_third'
 */
export interface StatutoryHolidayRules {
  readonly id: string;
  /** The decree (国务院令) that set this version, and its dates. */
  readonly decree: string;
  readonly promulgated: CivilDate;
  readonly inForceFrom: CivilDate;
  /** 春节: `eve_to_second` (除夕、初一、初二), `first_to_third` (初一至初三), `eve_to_third` (除夕、初一至初三). */
  readonly springFestival: 'eve_to_second' | 'first_to_third' | 'eve_to_third';
  /** 劳动节 days from 1 May. */
  readonly labourDayDays: 1 | 2;
  /** The article text the version is read from, quoted (short). */
  readonly quote: string;
  readonly source: string;
  /** How sure the version's reading is: a {@link SourceStatus} of the rule-data subset. */
  readonly status: Extract<SourceStatus, 'verified' | 'seed-stated' | 'inferred'>;
  readonly checked: CivilDate;
}

const MAKE_UP_QUOTE = '第六条 全体公民放假的假日，如果适逢周六、周日，应当在工作日补假。';

/**
 * The versions of the statutory holidays since 2008, oldest first (法定节假日规则). 元旦 1 day, 清明/端午/中秋
 * 1 day each and 国庆 3 days (10-01..10-03) are the same in all three; article 6 (补假) is unchanged since 1999.
 *
 * @example
 * statutoryRulesFor(2027)?.id; // 'decree-795'
 */
export const STATUTORY_HOLIDAY_RULES: readonly StatutoryHolidayRules[] = Object.freeze([
  {
    id: 'decree-513',
    decree: '国务院令第513号（国务院关于修改〈全国年节及纪念日放假办法〉的决定）',
    promulgated: '2007-12-14',
    inForceFrom: '2008-01-01',
    springFestival: 'eve_to_second',
    labourDayDays: 1,
    quote:
      '春节，放假3天（农历除夕、正月初一、初二）；清明节，放假1天（农历清明当日）；劳动节，放假1天（5月1日）；端午节，放假1天（农历端午当日）；中秋节，放假1天（农历中秋当日）。',
    source:
      'the 2007-12-14 revision (its date is listed in the 2024 consolidated text); its article text was not read on gov.cn here — every statutory day agrees with the notices 2008–2013 (statutory-estimate.test.ts)',
    status: 'inferred',
    checked: '2026-12-02',
  },
  {
    id: 'decree-644',
    decree: '国务院令第644号（国务院关于修改〈全国年节及纪念日放假办法〉的决定）',
    promulgated: '2013-12-11',
    inForceFrom: '2014-01-01',
    springFestival: 'first_to_third',
    labourDayDays: 1,
    quote: '春节，放假3天（农历正月初一、初二、初三）。',
    source:
      'the 2013-12-11 revision (its date is listed in the 2024 consolidated text); its article text was not read on gov.cn here — every statutory day agrees with the notices 2014–2024 (statutory-estimate.test.ts)',
    status: 'inferred',
    checked: '2026-12-02',
  },
  {
    id: 'decree-795',
    decree: '国务院令第795号（国务院关于修改〈全国年节及纪念日放假办法〉的决定）',
    promulgated: '2024-11-10',
    inForceFrom: '2025-01-01',
    springFestival: 'eve_to_third',
    labourDayDays: 2,
    quote:
      '第二条 全体公民放假的节日：元旦，放假1天（1月1日）；春节，放假4天（农历除夕、正月初一至初三）；清明节，放假1天（农历清明当日）；劳动节，放假2天（5月1日、2日）；端午节，放假1天（农历端午当日）；中秋节，放假1天（农历中秋当日）；国庆节，放假3天（10月1日至3日）。' +
      MAKE_UP_QUOTE,
    source:
      '《全国年节及纪念日放假办法》 as revised 2024-11-10, consolidated text: art. 2 read in a secondary copy on 2026-12-02 (not on gov.cn), art. 6 as quoted in the task; the change is also in reference/workdays.md §0, §8; every statutory day agrees with the 2025 and 2026 notices',
    status: 'inferred',
    checked: '2026-12-02',
  },
] satisfies StatutoryHolidayRules[]);

/**
 * The rule version in force in a year, or `undefined` before 2008 (not modelled: no estimate is made).
 *
 * @example
 * statutoryRulesFor(2020)?.springFestival; // 'first_to_third'
 */
export function statutoryRulesFor(year: number): StatutoryHolidayRules | undefined {
  if (typeof year !== 'number') throw new InvalidArgumentError('year', { en: 'a number', zh: '数字' }, year);
  let found: StatutoryHolidayRules | undefined;
  for (const r of STATUTORY_HOLIDAY_RULES) if (Number(r.inForceFrom.slice(0, 4)) <= year) found = r;
  return found;
}

/** First and last year the statutory estimate can cover (rule versions × the lunar table). */
export const STATUTORY_ESTIMATE_FIRST_YEAR = LUNAR_TABLE_SOURCE.firstYear;
export const STATUTORY_ESTIMATE_LAST_YEAR = LUNAR_TABLE_SOURCE.lastYear;

/**
 * One estimated day (推算日): a statutory holiday day or a make-up day (补假).
 *
 * @example
 * const d: EstimatedDay = { date: '2027-02-09', key: 'spring_festival', makeUpFor: '2027-02-06' };
 */
export interface EstimatedDay {
  readonly date: CivilDate;
  readonly key: string;
  /** Set on make-up days: the statutory day (on a weekend or shared with another holiday) it replaces. */
  readonly makeUpFor?: CivilDate;
}

/**
 * The statutory estimate of one year (法定假日推算结果): the rule version used, the statutory days, the make-up
 * days, and the same as a {@link YearSchedule} (`source: 'statutory-estimate'`, only `off` days).
 *
 * @example
 * const e = estimateStatutoryYear(2027);
 * e?.makeUp.map((d) => d.date); // ['2027-02-09', '2027-02-10', '2027-05-03', '2027-05-04', '2027-10-04', '2027-10-05']
 */
export interface StatutoryEstimate {
  readonly year: number;
  readonly rules: StatutoryHolidayRules;
  readonly statutory: readonly EstimatedDay[];
  readonly makeUp: readonly EstimatedDay[];
  readonly schedule: YearSchedule;
}

const ORDER = [
  'new_year',
  'spring_festival',
  'qingming',
  'labour_day',
  'dragon_boat',
  'mid_autumn',
  'national_day',
] as const;

function isWeekend(day: number): boolean {
  const w = weekdayOfDay(day);
  return w === 0 || w === 6;
}

function md(year: number, mmdd: string): number {
  return daysFromCivil(year, Number(mmdd.slice(0, 2)), Number(mmdd.slice(3, 5)));
}

/**
 * Estimates a year's rest days from the law alone (按法定假日推算): the statutory holidays of the rule version in
 * force, with the make-up rule described in the module notes, no 调休. `undefined` when the year is outside
 * 2008–2050 (no rule version or no lunar table).
 *
 * @example
 * estimateStatutoryYear(2027)?.statutory.find((d) => d.key === 'new_year')?.date; // '2027-01-01'
 */
export function estimateStatutoryYear(year: number): StatutoryEstimate | undefined {
  if (typeof year !== 'number') throw new InvalidArgumentError('year', { en: 'a number', zh: '数字' }, year);
  const rules = statutoryRulesFor(year);
  const lunar = lunarFestivalDates(year);
  if (rules === undefined || lunar === undefined) return undefined;
  const sf = md(year, lunar.springFestival);
  const springDays =
    rules.springFestival === 'eve_to_second'
      ? [sf - 1, sf, sf + 1]
      : rules.springFestival === 'first_to_third'
        ? [sf, sf + 1, sf + 2]
        : [sf - 1, sf, sf + 1, sf + 2];
  const byKey: Record<(typeof ORDER)[number], number[]> = {
    new_year: [md(year, '01-01')],
    spring_festival: springDays,
    qingming: [md(year, lunar.qingming)],
    labour_day: rules.labourDayDays === 2 ? [md(year, '05-01'), md(year, '05-02')] : [md(year, '05-01')],
    dragon_boat: [md(year, lunar.dragonBoat)],
    mid_autumn: [md(year, lunar.midAutumn)],
    national_day: [md(year, '10-01'), md(year, '10-02'), md(year, '10-03')],
  };
  const all: { day: number; key: string }[] = [];
  for (const key of ORDER) for (const day of byKey[key]) all.push({ day, key });
  all.sort((a, b) => a.day - b.day || ORDER.indexOf(a.key as never) - ORDER.indexOf(b.key as never));

  const rest = new Set<number>(all.map((d) => d.day));
  const seen = new Set<number>();
  const statutory: EstimatedDay[] = [];
  const makeUp: EstimatedDay[] = [];
  for (const { day, key } of all) {
    statutory.push({ date: formatDay(day), key });
    const shared = seen.has(day);
    seen.add(day);
    if (!isWeekend(day) && !shared) continue;
    let m = day + 1;
    while (isWeekend(m) || rest.has(m)) m++;
    rest.add(m);
    makeUp.push({ date: formatDay(m), key, makeUpFor: formatDay(day) });
  }
  const schedule: YearSchedule = {
    year,
    notices: [
      {
        title: `${year} 年法定节假日推算（非官方通知）`,
        note: `statutory estimate under ${rules.id} (${rules.decree}) with the make-up rule of art. 6; lunar dates: ${LUNAR_TABLE_SOURCE.title}. Not a State Council notice: replace with the notice once published.`,
      },
    ],
    holidays: ORDER.map((key) => ({
      key,
      off: [
        ...statutory.filter((d) => d.key === key).map((d) => d.date),
        ...makeUp.filter((d) => d.key === key).map((d) => d.date),
      ],
    })).filter((h) => h.off.length > 0),
    source: 'statutory-estimate',
  };
  return { year, rules, statutory, makeUp, schedule };
}

/** Years the festival table covers (for tests and docs). @internal */
export const LUNAR_YEARS: readonly number[] = LUNAR_FESTIVAL_TABLE.map((r) => r.year);
