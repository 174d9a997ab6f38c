import { describeValue } from '../errors/describe.js';
import type { FieldPath } from '../errors/jianguan-error.js';
import { JianguanError } from '../errors/jianguan-error.js';

function describe(value: unknown): string {
  if (value instanceof Date) return 'Invalid Date';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return value === null ? 'null' : typeof value;
}

/**
 * A date argument is not a China civil date `'YYYY-MM-DD'` nor a valid `Date` (日期格式错误).
 *
 * @example
 * try { isWorkday('2025-02-30'); } catch (e) { if (e instanceof InvalidCivilDateError) e.code; } // 'invalid_civil_date'
 */
export class InvalidCivilDateError extends JianguanError {
  override readonly name = 'InvalidCivilDateError' as const;
  constructor(value: unknown, argument: string) {
    super(
      'invalid_civil_date',
      {
        zh: `参数 ${argument} 不是有效日期（应为 YYYY-MM-DD 格式的公历日期或有效的 Date）：${describe(value)}`,
        en: `argument ${argument} is not a valid date (expected a 'YYYY-MM-DD' civil date or a valid Date): ${describe(value)}`,
      },
      { path: [argument], details: { value: typeof value === 'string' ? value : describe(value) } },
    );
  }
}

/**
 * A working-day count is not a safe integer (工作日数必须为整数).
 *
 * @example
 * try { addWorkdays('2025-09-30', 1.5); } catch (e) { if (e instanceof InvalidWorkdayCountError) e.code; } // 'invalid_workday_count'
 */
export class InvalidWorkdayCountError extends JianguanError {
  override readonly name = 'InvalidWorkdayCountError' as const;
  constructor(value: unknown, argument: string) {
    super(
      'invalid_workday_count',
      {
        zh: `参数 ${argument} 必须是整数个工作日：${describeValue(value)}`,
        en: `argument ${argument} must be a whole number of working days: ${describeValue(value)}`,
      },
      { path: [argument], details: { value: typeof value === 'number' ? value : describeValue(value) } },
    );
  }
}

/**
 * No official schedule (放假安排) is loaded for a year the computation needs, and the calendar's policy cannot
 * answer it (未知年份): strict mode (`unknownYears: 'throw'`), or a year outside the estimate's range (the
 * statutory estimate covers 2008–2050, the weekend rule 1996–2099). The State Council publishes next year's
 * notice around November; load it with `loadSchedule` / `createCalendar({ schedules })`.
 *
 * @example
 * try { createCalendar({ unknownYears: 'throw' }).isWorkday('2027-03-02'); } catch (e) { if (e instanceof UnknownCalendarYearError) e.year; } // 2027
 */
export class UnknownCalendarYearError extends JianguanError {
  override readonly name = 'UnknownCalendarYearError' as const;
  /** The year with no schedule. */
  readonly year: number;
  constructor(
    year: number,
    coveredYears: readonly number[],
    argument: string,
    policy?: 'weekend-rule' | 'statutory-estimate',
  ) {
    const covered =
      coveredYears.length === 0 ? 'none' : `${coveredYears[0]}–${coveredYears[coveredYears.length - 1]}`;
    super(
      'unknown_calendar_year',
      policy === 'weekend-rule'
        ? {
            zh: `${year} 年超出周末规则可推算的范围（1996–2099），且未加载该年的放假安排；请用 loadSchedule() 加载该年国务院办公厅通知的数据`,
            en: `${year} is outside the range where the weekend rule applies (1996–2099) and no schedule is loaded for it; load that year's State Council notice with loadSchedule()`,
          }
        : policy === 'statutory-estimate'
          ? {
              zh: `未加载 ${year} 年的法定节假日安排（已加载：${covered}），且该年超出法定假日推算的范围（2008–2050）；请用 loadSchedule() 加载该年国务院办公厅通知的数据`,
              en: `no official holiday schedule is loaded for ${year} (loaded: ${covered}) and the year is outside the range of the statutory estimate (2008–2050); load that year's State Council notice with loadSchedule()`,
            }
          : {
              zh: `未加载 ${year} 年的法定节假日安排（已加载：${covered}）。国务院办公厅通常在上一年 11 月前后发布通知；请用 loadSchedule(数据) 或 createCalendar({ schedules }) 加载（支持 jianguan 格式或 holiday-cn JSON），或不设 unknownYears: 'throw'，按法定假日推算（临时结果）`,
              en: `no official holiday schedule is loaded for ${year} (loaded: ${covered}). The State Council usually publishes it around November of the year before; load it with loadSchedule(data) or createCalendar({ schedules }) (jianguan format or holiday-cn JSON), or drop unknownYears: 'throw' to get a provisional statutory estimate`,
            },
      { path: [argument], details: { year, coveredYears: [...coveredYears] } },
    );
    this.year = year;
  }
}

/**
 * Schedule or overlay data failed validation (节假日数据校验失败); `path` points into the input.
 *
 * @example
 * try { parseSchedule({ year: 2027 }); } catch (e) { if (e instanceof CalendarDataError) e.path; }
 */
export class CalendarDataError extends JianguanError {
  override readonly name = 'CalendarDataError' as const;
  constructor(en: string, zh: string, path: FieldPath, details: Readonly<Record<string, unknown>> = {}) {
    super('invalid_calendar_data', { zh, en }, { path, details });
  }
}
