/**
 * Dates of the lunar festivals and 清明 (农历节日与清明日期表), 2008–2050, as data — the input of the statutory
 * estimate for years without a State Council notice (see `statutory.ts`).
 *
 * Source: Hong Kong Observatory, 《公历与农历日期对照表》 / Gregorian–Lunar Calendar Conversion Tables
 * (https://www.hko.gov.hk/en/gts/time/conversion.htm; one text file per year,
 * https://www.hko.gov.hk/en/gts/time/calendar/text/files/T{YYYY}e.txt), computed for UTC+8 (the same time as
 * Beijing, so the dates are the mainland's). The HKO tables were not read on hko.gov.hk from this machine: the
 * rows were decoded from a published compact transcription of the T1999e–T2100e files (month lengths, leap month
 * and solar-term days per year) and then checked:
 * - 2008–2026 against the State Council notices: every festival date below is a rest day of that year's official
 *   schedule (test/calendar/statutory-estimate.test.ts);
 * - 2027 against an independent copy of HKO's T2027e.txt (month one starts on 6 February);
 * - every year against ICU's Chinese calendar (`Intl.DateTimeFormat('zh-CN-u-ca-chinese')`), which differs on
 *   正月初一 2027 (ICU: 02-07) and 2030 (ICU: 02-04) — near-midnight new moons — and agrees elsewhere
 *   (test/calendar/lunar-table.test.ts). ICU is therefore not used to compute holidays.
 * HKO notes that dates decades ahead can move by a day when a new moon or solar term is within minutes of
 * midnight (its examples: 2057, 2089, 2097); none falls in 2008–2050.
 */
import type { CivilDate } from './civil-date.js';

/**
 * One year's festival dates (农历节日), each `'MM-DD'` in that Gregorian year.
 *
 * @example
 * const y: LunarFestivalDates = { year: 2027, springFestival: '02-06', qingming: '04-05', dragonBoat: '06-09', midAutumn: '09-15' };
 */
export interface LunarFestivalDates {
  readonly year: number;
  /** 春节 = 农历正月初一; 除夕 is the day before. */
  readonly springFestival: string;
  /** 清明 (the solar term's day, Beijing time). */
  readonly qingming: string;
  /** 端午 = 农历五月初五. */
  readonly dragonBoat: string;
  /** 中秋 = 农历八月十五. */
  readonly midAutumn: string;
}

/**
 * Provenance of {@link LUNAR_FESTIVAL_TABLE} (数据来源).
 *
 * @example
 * LUNAR_TABLE_SOURCE.status; // 'inferred'
 */
export const LUNAR_TABLE_SOURCE = Object.freeze({
  title: 'Hong Kong Observatory, Gregorian–Lunar Calendar Conversion Tables (公历与农历日期对照表)',
  url: 'https://www.hko.gov.hk/en/gts/time/conversion.htm',
  firstYear: 2008,
  lastYear: 2050,
  /** 'inferred': decoded from a transcription of the HKO files, not read on hko.gov.hk; cross-checks above. */
  status: 'inferred' as const,
  checked: '2026-12-02' as CivilDate,
  note: 'rows decoded from a compact transcription of HKO T1999e.txt–T2100e.txt; consistent with every State Council notice 2008–2026 and with HKO T2027e.txt (02-06); ICU differs on 2027-02-06/07 and 2030-02-03/04',
});

// [year, 春节 (正月初一), 清明, 端午 (五月初五), 中秋 (八月十五)]
const ROWS: readonly (readonly [number, string, string, string, string])[] = [
  [2008, '02-07', '04-04', '06-08', '09-14'],
  [2009, '01-26', '04-04', '05-28', '10-03'],
  [2010, '02-14', '04-05', '06-16', '09-22'],
  [2011, '02-03', '04-05', '06-06', '09-12'],
  [2012, '01-23', '04-04', '06-23', '09-30'],
  [2013, '02-10', '04-04', '06-12', '09-19'],
  [2014, '01-31', '04-05', '06-02', '09-08'],
  [2015, '02-19', '04-05', '06-20', '09-27'],
  [2016, '02-08', '04-04', '06-09', '09-15'],
  [2017, '01-28', '04-04', '05-30', '10-04'],
  [2018, '02-16', '04-05', '06-18', '09-24'],
  [2019, '02-05', '04-05', '06-07', '09-13'],
  [2020, '01-25', '04-04', '06-25', '10-01'],
  [2021, '02-12', '04-04', '06-14', '09-21'],
  [2022, '02-01', '04-05', '06-03', '09-10'],
  [2023, '01-22', '04-05', '06-22', '09-29'],
  [2024, '02-10', '04-04', '06-10', '09-17'],
  [2025, '01-29', '04-04', '05-31', '10-06'],
  [2026, '02-17', '04-05', '06-19', '09-25'],
  [2027, '02-06', '04-05', '06-09', '09-15'],
  [2028, '01-26', '04-04', '05-28', '10-03'],
  [2029, '02-13', '04-04', '06-16', '09-22'],
  [2030, '02-03', '04-05', '06-05', '09-12'],
  [2031, '01-23', '04-05', '06-24', '10-01'],
  [2032, '02-11', '04-04', '06-12', '09-19'],
  [2033, '01-31', '04-04', '06-01', '09-08'],
  [2034, '02-19', '04-05', '06-20', '09-27'],
  [2035, '02-08', '04-05', '06-10', '09-16'],
  [2036, '01-28', '04-04', '05-30', '10-04'],
  [2037, '02-15', '04-04', '06-18', '09-24'],
  [2038, '02-04', '04-05', '06-07', '09-13'],
  [2039, '01-24', '04-05', '05-27', '10-02'],
  [2040, '02-12', '04-04', '06-14', '09-20'],
  [2041, '02-01', '04-04', '06-03', '09-10'],
  [2042, '01-22', '04-04', '06-22', '09-28'],
  [2043, '02-10', '04-05', '06-11', '09-17'],
  [2044, '01-30', '04-04', '05-31', '10-05'],
  [2045, '02-17', '04-04', '06-19', '09-25'],
  [2046, '02-06', '04-04', '06-08', '09-15'],
  [2047, '01-26', '04-05', '05-29', '10-04'],
  [2048, '02-14', '04-04', '06-15', '09-22'],
  [2049, '02-02', '04-04', '06-04', '09-11'],
  [2050, '01-23', '04-04', '06-23', '09-30'],
];

/**
 * The festival table, 2008–2050 (农历节日日期表), from the Hong Kong Observatory tables (see the module notes).
 *
 * @example
 * LUNAR_FESTIVAL_TABLE.find((r) => r.year === 2027)?.springFestival; // '02-06'
 */
export const LUNAR_FESTIVAL_TABLE: readonly LunarFestivalDates[] = Object.freeze(
  ROWS.map(([year, springFestival, qingming, dragonBoat, midAutumn]) =>
    Object.freeze({ year, springFestival, qingming, dragonBoat, midAutumn }),
  ),
);

const BY_YEAR = new Map(LUNAR_FESTIVAL_TABLE.map((r) => [r.year, r]));

/**
 * The festival dates of one year, or `undefined` outside 2008–2050.
 *
 * @example
 * lunarFestivalDates(2028)?.midAutumn; // '10-03'
 */
export function lunarFestivalDates(year: number): LunarFestivalDates | undefined {
  return BY_YEAR.get(year);
}
