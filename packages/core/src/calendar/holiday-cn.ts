/**
 * Reading the holiday-cn JSON format (https://github.com/NateScarlet/holiday-cn, MIT), the de facto public
 * format: `{ year, papers: string[], days: [{ name, date, isOffDay }] }`.
 */

import type { z } from 'zod';
import { loadZod } from '#zod';
import { lazySchema, materialise } from '../internal/lazy.js';
import { INVALID_DAY, tryParseCivilDate } from './civil-date.js';
import { CalendarDataError } from './errors.js';
import type { HolidayArrangement, YearSchedule } from './schedule.js';
import { parseSchedule, zodToDataError } from './schedule.js';

function buildHolidayCnYearSchema() {
  const z = loadZod();
  return z.looseObject({
    year: z.number().int(),
    papers: z.array(z.string()),
    days: z.array(
      z.looseObject({
        name: z.string(),
        date: z.string().refine((s) => tryParseCivilDate(s) !== INVALID_DAY, {
          message: 'not a YYYY-MM-DD date (不是 YYYY-MM-DD 格式的有效日期)',
        }),
        isOffDay: z.boolean(),
      }),
    ),
  });
}

/**
 * zod schema of one holiday-cn year file. Built on first use (zod is not loaded by importing the calendar).
 *
 * @example
 * holidayCnYearSchema.safeParse({ year: 2027, papers: [], days: [] }).success; // true (but an empty year is rejected by scheduleFromHolidayCn)
 */
export const holidayCnYearSchema: ReturnType<typeof buildHolidayCnYearSchema> =
  lazySchema(buildHolidayCnYearSchema);

/**
 * One holiday-cn year file, as typed by {@link holidayCnYearSchema}.
 *
 * @example
 * const file: HolidayCnYear = { year: 2026, papers: [], days: [{ name: '元旦', date: '2026-01-01', isOffDay: true }] };
 */
export type HolidayCnYear = z.infer<typeof holidayCnYearSchema>;

const NAME_KEYS: Readonly<Record<string, string>> = {
  元旦: 'new_year',
  春节: 'spring_festival',
  清明节: 'qingming',
  清明: 'qingming',
  劳动节: 'labour_day',
  '“五一”': 'labour_day',
  五一: 'labour_day',
  端午节: 'dragon_boat',
  端午: 'dragon_boat',
  中秋节: 'mid_autumn',
  中秋: 'mid_autumn',
  国庆节: 'national_day',
  '“十一”': 'national_day',
  十一: 'national_day',
  '国庆节、中秋节': 'national_day_mid_autumn',
  '中秋节、国庆节': 'national_day_mid_autumn',
  抗日战争暨世界反法西斯战争胜利70周年纪念日: 'victory_day_70th',
};

/**
 * Converts one holiday-cn year file to a jianguan {@link YearSchedule} (validated with zod). An empty file
 * (holiday-cn's placeholder for a year whose notice is not out yet) is rejected, so it can never make a year
 * look "known".
 *
 * @example
 * const schedule = scheduleFromHolidayCn(JSON.parse(fs.readFileSync('2027.json', 'utf8')));
 * const calendar = createCalendar({ schedules: [schedule] });
 */
export function scheduleFromHolidayCn(input: unknown): YearSchedule {
  const parsed = materialise(holidayCnYearSchema).safeParse(input);
  if (!parsed.success) throw zodToDataError(parsed.error, 'schedule');
  const file = parsed.data;
  if (file.days.length === 0) {
    throw new CalendarDataError(
      `holiday-cn ${file.year}.json has no days: it is a placeholder, the notice is not in it yet`,
      `holiday-cn ${file.year}.json 没有任何日期：这是占位文件，尚未收录该年通知`,
      ['days'],
      { year: file.year },
    );
  }
  const byName = new Map<string, { off: string[]; work: string[] }>();
  for (const d of file.days) {
    const entry = byName.get(d.name) ?? { off: [], work: [] };
    (d.isOffDay ? entry.off : entry.work).push(d.date);
    byName.set(d.name, entry);
  }
  const holidays: HolidayArrangement[] = [];
  let other = 0;
  for (const [name, { off, work }] of byName) {
    const key = NAME_KEYS[name] ?? `holiday_${++other}`;
    holidays.push({
      key,
      ...(NAME_KEYS[name] === undefined ? { name, nameZh: name } : {}),
      off,
      ...(work.length > 0 ? { work } : {}),
    });
  }
  return parseSchedule({
    year: file.year,
    notices:
      file.papers.length > 0
        ? file.papers.map((url) => ({ url }))
        : [{ note: 'holiday-cn file without papers' }],
    holidays,
    source: 'holiday-cn',
  });
}
