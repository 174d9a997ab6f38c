/**
 * The official working-day schedules (全国法定节假日放假调休安排), 2004–2026, written in the jianguan schedule
 * format from the State Council notices (国务院办公厅关于 YYYY 年部分节假日安排的通知) and the three special
 * notices (2015 anniversary, 2019 Labour Day change, 2020 Spring Festival extension).
 *
 * Conventions: dates `'MM-DD'` are in the notice year; December dates of the year before are written in full.
 * `off` lists the days the notice names as rest days (weekends merely "与周末连休" are ordinary weekends);
 * `work` lists the adjusted working days (调休上班). Arrangements of a later notice override earlier ones.
 * Sources: ../shared/reference/workdays.md §4 (notice URLs), §6.2 (2005-12-31), §8 (2025, 2026); the notice texts.
 * Cross-checked day by day against the holiday-cn dataset for 2007–2026 (test/calendar/fixture-equality.test.ts).
 * Notice numbers and dates for 2004/2005 come from secondary copies of the texts (no gov.cn page found).
 */
import { deepFreeze } from '../data/validated-once.js';
import type { YearSchedule } from './schedule.js';
import { trustData } from './schedule.js';

/**
 * Freezes the data so the built-in schedules cannot be changed by accident at run time, and marks each
 * schedule as trusted: the calendar resolves them without zod (test/calendar/built-in-data.test.ts validates
 * them with {@link yearScheduleSchema}).
 */
function builtIn(schedules: readonly YearSchedule[]): readonly YearSchedule[] {
  for (const s of deepFreeze(schedules)) trustData(s);
  return schedules;
}

const ZHENGCEKU = 'https://www.gov.cn/zhengce/zhengceku/';
const title = (year: number): string => `国务院办公厅关于${year}年部分节假日安排的通知`;

/**
 * Version of the built-in schedule data (the date of the newest notice it contains).
 *
 * @example
 * OFFICIAL_SCHEDULES_VERSION; // '2025-11-04'
 */
export const OFFICIAL_SCHEDULES_VERSION = '2025-11-04';

/**
 * The built-in official schedules, one per notice year, 2004–2026 (内置年度放假安排).
 *
 * @example
 * OFFICIAL_SCHEDULES.find((s) => s.year === 2026)?.notices[0]?.number; // '国办发明电〔2025〕7号'
 */
export const OFFICIAL_SCHEDULES: readonly YearSchedule[] = builtIn([
  {
    year: 2004,
    notices: [
      {
        number: '国办发明电〔2003〕53号',
        title: title(2004),
        url: 'https://zh.wikisource.org/wiki/国务院办公厅关于2004年部分节假日安排的通知',
        note: 'number from secondary sources; 成文日期 not verified',
      },
    ],
    holidays: [
      { key: 'new_year', off: ['01-01'] },
      { key: 'spring_festival', off: ['01-22..01-28'], work: ['01-17', '01-18'] },
      { key: 'labour_day', off: ['05-01..05-07'], work: ['05-08', '05-09'] },
      { key: 'national_day', off: ['10-01..10-07'], work: ['10-09', '10-10'] },
    ],
  },
  {
    year: 2005,
    notices: [
      {
        number: '国办发明电〔2004〕52号',
        title: title(2005),
        url: 'https://zh.wikisource.org/wiki/国务院办公厅关于2005年部分节假日安排的通知',
        note: 'number from secondary sources; 成文日期 not verified',
      },
    ],
    holidays: [
      { key: 'new_year', off: ['01-01..01-03'] },
      { key: 'spring_festival', off: ['02-09..02-15'], work: ['02-05', '02-06'] },
      { key: 'labour_day', off: ['05-01..05-07'], work: ['04-30', '05-08'] },
      { key: 'national_day', off: ['10-01..10-07'], work: ['10-08', '10-09'] },
    ],
  },
  {
    year: 2006,
    notices: [
      {
        number: '国办发明电〔2005〕35号',
        date: '2005-12-16',
        title: title(2006),
        url: 'https://zh.wikisource.org/wiki/国务院办公厅关于2006年部分节假日安排的通知',
      },
    ],
    holidays: [
      {
        key: 'new_year',
        off: ['01-01..01-03'],
        work: ['2005-12-31'],
        note: '12月31日(星期六)上班 — the working Saturday other libraries miss (workdays.md §6.2)',
      },
      { key: 'spring_festival', off: ['01-29..02-04'], work: ['01-28', '02-05'] },
      { key: 'labour_day', off: ['05-01..05-07'], work: ['04-29', '04-30'] },
      { key: 'national_day', off: ['10-01..10-07'], work: ['09-30', '10-08'] },
    ],
  },
  {
    year: 2007,
    notices: [
      {
        number: '国办发明电〔2006〕49号',
        date: '2006-12-14',
        title: title(2007),
        url: `${ZHENGCEKU}2008-03/28/content_1761.htm`,
      },
    ],
    holidays: [
      { key: 'new_year', off: ['01-01..01-03'], work: ['2006-12-30', '2006-12-31'] },
      { key: 'spring_festival', off: ['02-18..02-24'], work: ['02-17', '02-25'] },
      { key: 'labour_day', off: ['05-01..05-07'], work: ['04-28', '04-29'] },
      { key: 'national_day', off: ['10-01..10-07'], work: ['09-29', '09-30'] },
    ],
  },
  {
    year: 2008,
    notices: [
      {
        number: '国办发明电〔2007〕52号',
        date: '2007-12-15',
        title: title(2008),
        url: `${ZHENGCEKU}2008-03/28/content_1645.htm`,
        note: 'first year under the 2007 revision of the 全国年节及纪念日放假办法 (国务院令第513号)',
      },
    ],
    holidays: [
      { key: 'new_year', off: ['2007-12-30..01-01'], work: ['2007-12-29'] },
      { key: 'spring_festival', off: ['02-06..02-12'], work: ['02-02', '02-03'] },
      { key: 'qingming', off: ['04-04..04-06'] },
      { key: 'labour_day', off: ['05-01..05-03'], work: ['05-04'] },
      { key: 'dragon_boat', off: ['06-07..06-09'] },
      { key: 'mid_autumn', off: ['09-13..09-15'] },
      { key: 'national_day', off: ['09-29..10-05'], work: ['09-27', '09-28'] },
    ],
  },
  {
    year: 2009,
    notices: [
      {
        number: '国办发明电〔2008〕42号',
        date: '2008-12-04',
        title: title(2009),
        url: `${ZHENGCEKU}2008-12/10/content_1572.htm`,
      },
    ],
    holidays: [
      { key: 'new_year', off: ['01-01..01-03'], work: ['01-04'] },
      { key: 'spring_festival', off: ['01-25..01-31'], work: ['01-24', '02-01'] },
      { key: 'qingming', off: ['04-04..04-06'] },
      { key: 'labour_day', off: ['05-01..05-03'] },
      { key: 'dragon_boat', off: ['05-28..05-30'], work: ['05-31'] },
      { key: 'national_day_mid_autumn', off: ['10-01..10-08'], work: ['09-27', '10-10'] },
    ],
  },
  {
    year: 2010,
    notices: [
      {
        number: '国办发明电〔2009〕27号',
        date: '2009-12-07',
        title: title(2010),
        url: `${ZHENGCEKU}2009-12/08/content_1476.htm`,
      },
    ],
    holidays: [
      { key: 'new_year', off: ['01-01..01-03'] },
      { key: 'spring_festival', off: ['02-13..02-19'], work: ['02-20', '02-21'] },
      { key: 'qingming', off: ['04-03..04-05'] },
      { key: 'labour_day', off: ['05-01..05-03'] },
      { key: 'dragon_boat', off: ['06-14..06-16'], work: ['06-12', '06-13'] },
      { key: 'mid_autumn', off: ['09-22..09-24'], work: ['09-19', '09-25'] },
      { key: 'national_day', off: ['10-01..10-07'], work: ['09-26', '10-09'] },
    ],
  },
  {
    year: 2011,
    notices: [
      {
        number: '国办发明电〔2010〕40号',
        date: '2010-12-10',
        title: title(2011),
        url: `${ZHENGCEKU}2010-12/10/content_1423.htm`,
      },
    ],
    holidays: [
      { key: 'new_year', off: ['01-01..01-03'] },
      { key: 'spring_festival', off: ['02-02..02-08'], work: ['01-30', '02-12'] },
      { key: 'qingming', off: ['04-03..04-05'], work: ['04-02'] },
      { key: 'labour_day', off: ['04-30..05-02'] },
      { key: 'dragon_boat', off: ['06-04..06-06'] },
      { key: 'mid_autumn', off: ['09-10..09-12'] },
      { key: 'national_day', off: ['10-01..10-07'], work: ['10-08', '10-09'] },
    ],
  },
  {
    year: 2012,
    notices: [
      {
        number: '国办发明电〔2011〕45号',
        date: '2011-12-06',
        title: title(2012),
        url: `${ZHENGCEKU}2011-12/06/content_1411.htm`,
      },
    ],
    holidays: [
      { key: 'new_year', off: ['01-01..01-03'], work: ['2011-12-31'] },
      { key: 'spring_festival', off: ['01-22..01-28'], work: ['01-21', '01-29'] },
      { key: 'qingming', off: ['04-02..04-04'], work: ['03-31', '04-01'] },
      { key: 'labour_day', off: ['04-29..05-01'], work: ['04-28'] },
      { key: 'dragon_boat', off: ['06-22..06-24'] },
      { key: 'national_day_mid_autumn', off: ['09-30..10-07'], work: ['09-29'] },
    ],
  },
  {
    year: 2013,
    notices: [
      {
        number: '国办发明电〔2012〕33号',
        date: '2012-12-08',
        title: title(2013),
        url: `${ZHENGCEKU}2012-12/10/content_1353.htm`,
      },
    ],
    holidays: [
      { key: 'new_year', off: ['01-01..01-03'], work: ['01-05', '01-06'] },
      { key: 'spring_festival', off: ['02-09..02-15'], work: ['02-16', '02-17'] },
      { key: 'qingming', off: ['04-04..04-06'], work: ['04-07'] },
      { key: 'labour_day', off: ['04-29..05-01'], work: ['04-27', '04-28'] },
      { key: 'dragon_boat', off: ['06-10..06-12'], work: ['06-08', '06-09'] },
      { key: 'mid_autumn', off: ['09-19..09-21'], work: ['09-22'] },
      { key: 'national_day', off: ['10-01..10-07'], work: ['09-29', '10-12'] },
    ],
  },
  {
    year: 2014,
    notices: [
      {
        number: '国办发明电〔2013〕28号',
        date: '2013-12-11',
        title: title(2014),
        url: `${ZHENGCEKU}2014-01/02/content_1194.htm`,
        note: 'first year under the 2013 revision (国务院令第644号): Spring Festival 初一至初三, no 除夕',
      },
    ],
    holidays: [
      { key: 'new_year', off: ['01-01'] },
      { key: 'spring_festival', off: ['01-31..02-06'], work: ['01-26', '02-08'] },
      { key: 'qingming', off: ['04-05', '04-07'], note: '4月5日放假，4月7日（星期一）补休' },
      { key: 'labour_day', off: ['05-01..05-03'], work: ['05-04'] },
      { key: 'dragon_boat', off: ['06-02'], note: '与周末连休' },
      { key: 'mid_autumn', off: ['09-08'], note: '与周末连休' },
      { key: 'national_day', off: ['10-01..10-07'], work: ['09-28', '10-11'] },
    ],
  },
  {
    year: 2015,
    notices: [
      {
        number: '国办发明电〔2014〕28号',
        date: '2014-12-16',
        title: title(2015),
        url: `${ZHENGCEKU}2014-12/16/content_9302.htm`,
      },
      {
        number: '国发明电〔2015〕1号',
        date: '2015-05-13',
        title: '国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知',
        url: `${ZHENGCEKU}2015-05/13/content_9742.htm`,
        note: 'special one-off holiday: 9月3日至5日调休放假，9月6日（星期日）上班',
      },
    ],
    holidays: [
      { key: 'new_year', off: ['01-01..01-03'], work: ['01-04'] },
      { key: 'spring_festival', off: ['02-18..02-24'], work: ['02-15', '02-28'] },
      { key: 'qingming', off: ['04-05..04-06'], note: '4月5日放假，4月6日（星期一）补休' },
      { key: 'labour_day', off: ['05-01'], note: '与周末连休' },
      { key: 'dragon_boat', off: ['06-20', '06-22'], note: '6月20日放假，6月22日（星期一）补休' },
      { key: 'mid_autumn', off: ['09-27'] },
      { key: 'national_day', off: ['10-01..10-07'], work: ['10-10'] },
      { key: 'victory_day_70th', off: ['09-03..09-05'], work: ['09-06'], notice: 1 },
    ],
  },
  {
    year: 2016,
    notices: [
      {
        number: '国办发明电〔2015〕18号',
        date: '2015-12-10',
        title: title(2016),
        url: `${ZHENGCEKU}2015-12/10/content_10394.htm`,
      },
    ],
    holidays: [
      { key: 'new_year', off: ['01-01'], note: '与周末连休' },
      { key: 'spring_festival', off: ['02-07..02-13'], work: ['02-06', '02-14'] },
      { key: 'qingming', off: ['04-04'], note: '与周末连休' },
      { key: 'labour_day', off: ['05-01..05-02'], note: '5月1日放假，5月2日（星期一）补休' },
      { key: 'dragon_boat', off: ['06-09..06-11'], work: ['06-12'] },
      { key: 'mid_autumn', off: ['09-15..09-17'], work: ['09-18'] },
      { key: 'national_day', off: ['10-01..10-07'], work: ['10-08', '10-09'] },
    ],
  },
  {
    year: 2017,
    notices: [
      {
        number: '国办发明电〔2016〕17号',
        date: '2016-12-01',
        title: title(2017),
        url: `${ZHENGCEKU}2016-12/01/content_5141603.htm`,
      },
    ],
    holidays: [
      { key: 'new_year', off: ['01-01..01-02'], note: '1月1日放假，1月2日（星期一）补休' },
      { key: 'spring_festival', off: ['01-27..02-02'], work: ['01-22', '02-04'] },
      { key: 'qingming', off: ['04-02..04-04'], work: ['04-01'] },
      { key: 'labour_day', off: ['05-01'], note: '与周末连休' },
      { key: 'dragon_boat', off: ['05-28..05-30'], work: ['05-27'] },
      { key: 'national_day_mid_autumn', off: ['10-01..10-08'], work: ['09-30'] },
    ],
  },
  {
    year: 2018,
    notices: [
      {
        number: '国办发明电〔2017〕12号',
        date: '2017-11-30',
        title: title(2018),
        url: `${ZHENGCEKU}2017-11/30/content_5243579.htm`,
      },
    ],
    holidays: [
      { key: 'new_year', off: ['01-01'], note: '与周末连休' },
      { key: 'spring_festival', off: ['02-15..02-21'], work: ['02-11', '02-24'] },
      { key: 'qingming', off: ['04-05..04-07'], work: ['04-08'] },
      { key: 'labour_day', off: ['04-29..05-01'], work: ['04-28'] },
      { key: 'dragon_boat', off: ['06-18'], note: '与周末连休' },
      { key: 'mid_autumn', off: ['09-24'], note: '与周末连休' },
      { key: 'national_day', off: ['10-01..10-07'], work: ['09-29', '09-30'] },
    ],
  },
  {
    year: 2019,
    notices: [
      {
        number: '国办发明电〔2018〕15号',
        date: '2018-12-04',
        title: title(2019),
        url: `${ZHENGCEKU}2018-12/06/content_5346276.htm`,
      },
      {
        number: '国办发明电〔2019〕3号',
        date: '2019-03-22',
        title: '国务院办公厅关于调整2019年劳动节假期安排的通知',
        url: `${ZHENGCEKU}2019-03/22/content_5375877.htm`,
        note: 'amends Labour Day: 5月1日至4日放假调休，4月28日（星期日）、5月5日（星期日）上班',
      },
    ],
    holidays: [
      { key: 'new_year', off: ['2018-12-30..01-01'], work: ['2018-12-29'] },
      { key: 'spring_festival', off: ['02-04..02-10'], work: ['02-02', '02-03'] },
      { key: 'qingming', off: ['04-05'], note: '与周末连休' },
      { key: 'labour_day', off: ['05-01'], note: 'as first published; superseded by notice 1' },
      { key: 'labour_day', off: ['05-01..05-04'], work: ['04-28', '05-05'], notice: 1 },
      { key: 'dragon_boat', off: ['06-07'], note: '与周末连休' },
      { key: 'mid_autumn', off: ['09-13'], note: '与周末连休' },
      { key: 'national_day', off: ['10-01..10-07'], work: ['09-29', '10-12'] },
    ],
  },
  {
    year: 2020,
    notices: [
      {
        number: '国办发明电〔2019〕16号',
        date: '2019-11-21',
        title: title(2020),
        url: `${ZHENGCEKU}2019-11/21/content_5454164.htm`,
      },
      {
        number: '国办发明电〔2020〕1号',
        date: '2020-01-26',
        title: '国务院办公厅关于延长2020年春节假期的通知',
        url: `${ZHENGCEKU}2020-01/27/content_5472352.htm`,
        note: 'extends the Spring Festival to 2月2日; 2月3日（星期一）起正常上班; Saturday 2月1日 no longer worked',
      },
    ],
    holidays: [
      { key: 'new_year', off: ['01-01'] },
      { key: 'spring_festival', off: ['01-24..01-30'], work: ['01-19', '02-01'] },
      { key: 'qingming', off: ['04-04..04-06'] },
      { key: 'labour_day', off: ['05-01..05-05'], work: ['04-26', '05-09'] },
      { key: 'dragon_boat', off: ['06-25..06-27'], work: ['06-28'] },
      { key: 'national_day_mid_autumn', off: ['10-01..10-08'], work: ['09-27', '10-10'] },
      {
        key: 'spring_festival',
        off: ['01-31..02-02'],
        work: ['02-03'],
        notice: 1,
        note: 'COVID-19 extension',
      },
    ],
  },
  {
    year: 2021,
    notices: [
      {
        number: '国办发明电〔2020〕27号',
        date: '2020-11-25',
        title: title(2021),
        url: `${ZHENGCEKU}2020-11/25/content_5564127.htm`,
      },
    ],
    holidays: [
      { key: 'new_year', off: ['01-01..01-03'] },
      { key: 'spring_festival', off: ['02-11..02-17'], work: ['02-07', '02-20'] },
      { key: 'qingming', off: ['04-03..04-05'] },
      { key: 'labour_day', off: ['05-01..05-05'], work: ['04-25', '05-08'] },
      { key: 'dragon_boat', off: ['06-12..06-14'] },
      { key: 'mid_autumn', off: ['09-19..09-21'], work: ['09-18'] },
      { key: 'national_day', off: ['10-01..10-07'], work: ['09-26', '10-09'] },
    ],
  },
  {
    year: 2022,
    notices: [
      {
        number: '国办发明电〔2021〕11号',
        date: '2021-10-25',
        title: title(2022),
        url: `${ZHENGCEKU}2021-10/25/content_5644835.htm`,
      },
    ],
    holidays: [
      { key: 'new_year', off: ['01-01..01-03'] },
      { key: 'spring_festival', off: ['01-31..02-06'], work: ['01-29', '01-30'] },
      { key: 'qingming', off: ['04-03..04-05'], work: ['04-02'] },
      { key: 'labour_day', off: ['04-30..05-04'], work: ['04-24', '05-07'] },
      { key: 'dragon_boat', off: ['06-03..06-05'] },
      { key: 'mid_autumn', off: ['09-10..09-12'] },
      { key: 'national_day', off: ['10-01..10-07'], work: ['10-08', '10-09'] },
    ],
  },
  {
    year: 2023,
    notices: [
      {
        number: '国办发明电〔2022〕16号',
        date: '2022-12-08',
        title: title(2023),
        url: `${ZHENGCEKU}2022-12/08/content_5730844.htm`,
      },
    ],
    holidays: [
      { key: 'new_year', off: ['2022-12-31..01-02'] },
      { key: 'spring_festival', off: ['01-21..01-27'], work: ['01-28', '01-29'] },
      { key: 'qingming', off: ['04-05'] },
      { key: 'labour_day', off: ['04-29..05-03'], work: ['04-23', '05-06'] },
      { key: 'dragon_boat', off: ['06-22..06-24'], work: ['06-25'] },
      { key: 'national_day_mid_autumn', off: ['09-29..10-06'], work: ['10-07', '10-08'] },
    ],
  },
  {
    year: 2024,
    notices: [
      {
        number: '国办发明电〔2023〕7号',
        date: '2023-10-25',
        title: title(2024),
        url: `${ZHENGCEKU}202310/content_6911528.htm`,
      },
    ],
    holidays: [
      { key: 'new_year', off: ['01-01'], note: '与周末连休' },
      { key: 'spring_festival', off: ['02-10..02-17'], work: ['02-04', '02-18'] },
      { key: 'qingming', off: ['04-04..04-06'], work: ['04-07'] },
      { key: 'labour_day', off: ['05-01..05-05'], work: ['04-28', '05-11'] },
      { key: 'dragon_boat', off: ['06-10'], note: '与周末连休' },
      { key: 'mid_autumn', off: ['09-15..09-17'], work: ['09-14'] },
      { key: 'national_day', off: ['10-01..10-07'], work: ['09-29', '10-12'] },
    ],
  },
  {
    year: 2025,
    notices: [
      {
        number: '国办发明电〔2024〕12号',
        date: '2024-11-12',
        title: title(2025),
        url: 'https://www.gov.cn/zhengce/content/202411/content_6986382.htm',
        note: 'first year under 国务院令第795号: Spring Festival 4 days (除夕), Labour Day 2 days; workdays.md §8',
      },
    ],
    holidays: [
      { key: 'new_year', off: ['01-01'] },
      { key: 'spring_festival', off: ['01-28..02-04'], work: ['01-26', '02-08'] },
      { key: 'qingming', off: ['04-04..04-06'] },
      { key: 'labour_day', off: ['05-01..05-05'], work: ['04-27'] },
      { key: 'dragon_boat', off: ['05-31..06-02'] },
      { key: 'national_day_mid_autumn', off: ['10-01..10-08'], work: ['09-28', '10-11'] },
    ],
  },
  {
    year: 2026,
    notices: [
      {
        number: '国办发明电〔2025〕7号',
        date: '2025-11-04',
        title: title(2026),
        url: 'https://www.gov.cn/zhengce/content/202511/content_7047090.htm',
        note: 'workdays.md §8',
      },
    ],
    holidays: [
      { key: 'new_year', off: ['01-01..01-03'], work: ['01-04'] },
      { key: 'spring_festival', off: ['02-15..02-23'], work: ['02-14', '02-28'] },
      { key: 'qingming', off: ['04-04..04-06'] },
      { key: 'labour_day', off: ['05-01..05-05'], work: ['05-09'] },
      { key: 'dragon_boat', off: ['06-19..06-21'] },
      { key: 'mid_autumn', off: ['09-25..09-27'] },
      { key: 'national_day', off: ['10-01..10-07'], work: ['09-20', '10-10'] },
    ],
  },
]);
