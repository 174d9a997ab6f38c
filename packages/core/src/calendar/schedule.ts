/**
 * The schedule format (放假安排数据格式): one entry per notice year, written from the State Council notices.
 */

import type { z } from 'zod';
import { loadZod } from '#zod';
import { localizeZodIssue, zodIssuePath } from '../errors/zod-issue.js';
import { lazySchema, materialise } from '../internal/lazy.js';
import type { CivilDate } from './civil-date.js';
import { formatDay, INVALID_DAY, tryParseCivilDate, weekdayOfDay } from './civil-date.js';
import { CalendarDataError } from './errors.js';

/**
 * A State Council notice (国务院办公厅通知) a schedule comes from.
 *
 * @example
 * const notice: ScheduleNotice = { number: '国办发明电〔2025〕7号', date: '2025-11-04', title: '国务院办公厅关于2026年部分节假日安排的通知' };
 */
export interface ScheduleNotice {
  /** 发文字号, e.g. `国办发明电〔2024〕12号`. */
  readonly number?: string;
  /** 标题. */
  readonly title?: string;
  /** 成文日期 `'YYYY-MM-DD'`. */
  readonly date?: CivilDate;
  /** Where the text is published. */
  readonly url?: string;
  /** Anything a maintainer should know (amends what, how verified). */
  readonly note?: string;
}

/**
 * One holiday's arrangement (放假调休安排): rest days and adjusted working days (调休上班日).
 * Dates are `'MM-DD'` (in the schedule's year) or `'YYYY-MM-DD'`; `'A..B'` is an inclusive range.
 *
 * @example
 * const springFestival: HolidayArrangement = { key: 'spring_festival', off: ['02-15..02-23'], work: ['02-14', '02-28'] };
 */
export interface HolidayArrangement {
  /** snake_case key; known keys ({@link HOLIDAY_NAMES}) need no names. */
  readonly key: string;
  /** English name (defaults from the key). */
  readonly name?: string;
  /** Chinese name (defaults from the key). */
  readonly nameZh?: string;
  /** Rest days (放假). */
  readonly off: readonly string[];
  /** Adjusted working days (调休上班). */
  readonly work?: readonly string[];
  /** Index into the schedule's `notices` (default 0); later notices override earlier ones. */
  readonly notice?: number;
  /** Free-text remark. */
  readonly note?: string;
}

/**
 * The official schedule of one notice year (年度放假安排). Dates may reach into December of the year before
 * (e.g. 2005-12-31 worked under the 2006 notice).
 *
 * @example
 * const y2026: YearSchedule = {
 *   year: 2026,
 *   notices: [{ number: '国办发明电〔2025〕7号', date: '2025-11-04' }],
 *   holidays: [{ key: 'new_year', off: ['01-01..01-03'], work: ['01-04'] }],
 * };
 */
export interface YearSchedule {
  readonly year: number;
  /** The notice(s): the yearly one first, then any that amend it (2015, 2019, 2020). */
  readonly notices: readonly ScheduleNotice[];
  readonly holidays: readonly HolidayArrangement[];
  /** Where this data came from (e.g. `holiday-cn`), for provenance. */
  readonly source?: string;
}

/**
 * Names of the well-known holiday keys (节日名称), English and Chinese.
 *
 * @example
 * HOLIDAY_NAMES.national_day; // { name: 'National Day', nameZh: '国庆节' }
 */
export const HOLIDAY_NAMES: Readonly<Record<string, { readonly name: string; readonly nameZh: string }>> = {
  new_year: { name: "New Year's Day", nameZh: '元旦' },
  spring_festival: { name: 'Spring Festival', nameZh: '春节' },
  qingming: { name: 'Qingming Festival', nameZh: '清明节' },
  labour_day: { name: 'Labour Day', nameZh: '劳动节' },
  dragon_boat: { name: 'Dragon Boat Festival', nameZh: '端午节' },
  mid_autumn: { name: 'Mid-Autumn Festival', nameZh: '中秋节' },
  national_day: { name: 'National Day', nameZh: '国庆节' },
  national_day_mid_autumn: { name: 'National Day and Mid-Autumn Festival', nameZh: '国庆节、中秋节' },
  victory_day_70th: {
    name: '70th Anniversary of the Victory of the War of Resistance',
    nameZh: '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日',
  },
};

function buildHolidayArrangementSchema() {
  const z = loadZod();
  const dateSpec = z.string().regex(/^(\d{4}-)?\d{2}-\d{2}(\.\.(\d{4}-)?\d{2}-\d{2})?$/, {
    message: "expected 'MM-DD', 'YYYY-MM-DD' or a range 'A..B'",
  });
  return z.strictObject({
    key: z.string().regex(/^[a-z][a-z0-9_]*$/),
    name: z.string().min(1).optional(),
    nameZh: z.string().min(1).optional(),
    off: z.array(dateSpec),
    work: z.array(dateSpec).optional(),
    notice: z.number().int().min(0).optional(),
    note: z.string().optional(),
  });
}

/**
 * zod schema of one holiday arrangement. Built on first use (zod is not loaded by importing the calendar).
 *
 * @example
 * holidayArrangementSchema.parse({ key: 'new_year', off: ['01-01'] });
 */
export const holidayArrangementSchema: ReturnType<typeof buildHolidayArrangementSchema> = lazySchema(
  buildHolidayArrangementSchema,
);

function buildYearScheduleSchema() {
  const z = loadZod();
  return z.strictObject({
    year: z.number().int().min(1996).max(2199),
    notices: z
      .array(
        z.strictObject({
          number: z.string().min(1).optional(),
          title: z.string().min(1).optional(),
          date: z
            .string()
            .refine((s) => tryParseCivilDate(s) !== INVALID_DAY, {
              message: 'not a YYYY-MM-DD date (不是 YYYY-MM-DD 格式的有效日期)',
            })
            .optional(),
          url: z.string().min(1).optional(),
          note: z.string().optional(),
        }),
      )
      .min(1),
    holidays: z
      .array(materialise(holidayArrangementSchema))
      .min(1, { message: 'a schedule needs at least one holiday (放假安排至少须有一个节日)' }),
    source: z.string().optional(),
  });
}

/**
 * zod schema of the jianguan schedule format ({@link YearSchedule}). Built on first use.
 *
 * @example
 * yearScheduleSchema.safeParse({ year: 2027, notices: [], holidays: [] }).success; // false
 */
export const yearScheduleSchema: ReturnType<typeof buildYearScheduleSchema> =
  lazySchema(buildYearScheduleSchema);

const trusted = new WeakSet<object>();

/**
 * @internal Marks built-in data (deeply frozen, and validated against the zod schemas by the tests) as needing
 * no run-time zod validation: the calendar resolves it without loading zod.
 */
export function trustData<T extends object>(value: T): T {
  trusted.add(value);
  return value;
}

/** @internal Whether {@link trustData} marked this value. */
export function isTrustedData(value: unknown): boolean {
  return typeof value === 'object' && value !== null && trusted.has(value);
}

/** One resolved day of a schedule or overlay. */
export interface ResolvedDay {
  readonly day: number;
  readonly off: boolean;
  readonly key: string;
  readonly name: string;
  readonly nameZh: string;
}

/** Converts zod issues into a {@link CalendarDataError}. */
export function zodToDataError(
  error: z.ZodError,
  what: string,
  prefix: readonly (string | number)[] = [],
): CalendarDataError {
  const issue = error.issues[0];
  const path = [...prefix, ...(issue === undefined ? [] : zodIssuePath(issue))];
  const text = issue === undefined ? { zh: '数据无效', en: 'invalid' } : localizeZodIssue(issue);
  const more = error.issues.length - 1;
  return new CalendarDataError(
    `invalid ${what} at ${path.join('.') || '(root)'}: ${text.en}${more > 0 ? ` (and ${more} more)` : ''}`,
    `${what === 'schedule' ? '放假安排' : '叠加层'}数据无效（${path.join('.') || '根'}）：${text.zh}${more > 0 ? `（另有 ${more} 处问题）` : ''}`,
    path,
    {
      issues: error.issues
        .slice(0, 10)
        .map((i) => ({ path: i.path.map(String), message: localizeZodIssue(i) })),
    },
  );
}

function parseSpecDate(spec: string, year: number | undefined, path: readonly (string | number)[]): number {
  const full = spec.length === 5 ? (year === undefined ? '' : `${year}-${spec}`) : spec;
  const day = full === '' ? INVALID_DAY : tryParseCivilDate(full);
  if (day === INVALID_DAY) {
    throw new CalendarDataError(
      year === undefined && spec.length === 5
        ? `date '${spec}' needs a year here (write 'YYYY-MM-DD')`
        : `'${spec}' is not a real calendar date`,
      year === undefined && spec.length === 5
        ? `日期 '${spec}' 须写明年份（YYYY-MM-DD）`
        : `'${spec}' 不是有效日期`,
      path,
    );
  }
  return day;
}

/** Expands a date spec list (`'MM-DD'`, `'YYYY-MM-DD'`, `'A..B'`) to day numbers. */
export function expandDateSpecs(
  specs: readonly string[],
  year: number | undefined,
  path: readonly (string | number)[],
): number[] {
  const out: number[] = [];
  specs.forEach((spec, i) => {
    const here = [...path, i];
    const [a, b] = spec.split('..');
    const start = parseSpecDate(a!, year, here);
    const end = b === undefined ? start : parseSpecDate(b, year, here);
    if (end < start || end - start > 45) {
      throw new CalendarDataError(
        `range '${spec}' must run forwards and span at most 46 days`,
        `日期区间 '${spec}' 须按先后顺序且不超过 46 天`,
        here,
      );
    }
    for (let d = start; d <= end; d++) out.push(d);
  });
  return out;
}

/** Resolves arrangements to days, in order; checks names and that no arrangement both rests and works a day. */
export function resolveArrangements(
  arrangements: readonly z.infer<typeof holidayArrangementSchema>[],
  year: number | undefined,
  path: readonly (string | number)[],
  noticeCount: number,
): ResolvedDay[] {
  const days: ResolvedDay[] = [];
  const ordered = arrangements
    .map((a, index) => ({ a, index }))
    .sort((x, y) => (x.a.notice ?? 0) - (y.a.notice ?? 0) || x.index - y.index);
  for (const { a, index } of ordered) {
    const here = [...path, index];
    if ((a.notice ?? 0) >= noticeCount) {
      throw new CalendarDataError(`notice index ${a.notice} does not exist`, `通知序号 ${a.notice} 不存在`, [
        ...here,
        'notice',
      ]);
    }
    const known = HOLIDAY_NAMES[a.key];
    const name = a.name ?? known?.name;
    const nameZh = a.nameZh ?? known?.nameZh;
    if (name === undefined || nameZh === undefined) {
      throw new CalendarDataError(
        `holiday '${a.key}' is not a known key; give name and nameZh`,
        `节日 '${a.key}' 不是已知键，请提供 name 与 nameZh`,
        [...here, 'key'],
      );
    }
    const off = expandDateSpecs(a.off, year, [...here, 'off']);
    const work = expandDateSpecs(a.work ?? [], year, [...here, 'work']);
    const offSet = new Set(off);
    for (const d of work) {
      if (offSet.has(d)) {
        throw new CalendarDataError(
          `${formatDay(d)} is listed both as rest day and as working day`,
          `${formatDay(d)} 同时被列为放假日和上班日`,
          [...here, 'work'],
        );
      }
    }
    for (const d of off) days.push({ day: d, off: true, key: a.key, name, nameZh });
    for (const d of work) days.push({ day: d, off: false, key: a.key, name, nameZh });
  }
  return days;
}

/** A validated schedule with its days resolved. */
export interface ResolvedSchedule {
  readonly schedule: YearSchedule;
  readonly days: readonly ResolvedDay[];
}

/**
 * Validates (zod + consistency) and resolves one schedule; throws {@link CalendarDataError}. Built-in data
 * ({@link trustData}) and the calendar's own estimates (`trusted`) skip the zod step.
 */
export function resolveSchedule(
  input: unknown,
  path: readonly (string | number)[] = [],
  trusted = isTrustedData(input),
): ResolvedSchedule {
  let s: z.infer<typeof yearScheduleSchema>;
  if (trusted) s = input as z.infer<typeof yearScheduleSchema>;
  else {
    const parsed = materialise(yearScheduleSchema).safeParse(input);
    if (!parsed.success) throw zodToDataError(parsed.error, 'schedule', path);
    s = parsed.data;
  }
  const days = resolveArrangements(s.holidays, s.year, [...path, 'holidays'], s.notices.length);
  const first = tryParseCivilDate(`${s.year - 1}-12-01`);
  const last = tryParseCivilDate(`${s.year}-12-31`);
  for (const d of days) {
    if (d.day < first || d.day > last) {
      throw new CalendarDataError(
        `${formatDay(d.day)} is outside the ${s.year} schedule (December ${s.year - 1} – December ${s.year})`,
        `${formatDay(d.day)} 超出 ${s.year} 年安排的范围（${s.year - 1} 年 12 月至 ${s.year} 年 12 月）`,
        [...path, 'holidays'],
      );
    }
  }
  return { schedule: s as YearSchedule, days };
}

/**
 * Validates a schedule in the jianguan format and returns it typed; throws {@link CalendarDataError}
 * (with the path of the first problem) when it is malformed or inconsistent.
 *
 * @example
 * const s = parseSchedule(JSON.parse(text));
 * s.year; // 2027
 */
export function parseSchedule(input: unknown): YearSchedule {
  return resolveSchedule(input).schedule;
}

/** Whether a day is a Saturday or Sunday. */
export function isWeekendDay(day: number): boolean {
  const w = weekdayOfDay(day);
  return w === 0 || w === 6;
}
