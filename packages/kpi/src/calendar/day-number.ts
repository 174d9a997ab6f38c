import { civilDateOfDayNumber, describeValue, tryDayNumberOf } from '@jianguan/core';
import { KpiError } from '../errors/kpi-error.js';

/**
 * Days since 1970-01-01 of a China civil date (日序号) — `@jianguan/core`'s `dayNumberOf`, throwing a
 * {@link KpiError} (`invalid_kpi_data`) for anything that is not a valid `YYYY-MM-DD`.
 *
 * @example
 * dayNumber('1970-01-02'); // 1
 */
export function dayNumber(date: string): number {
  const n = tryDayNumberOf(date);
  if (n === undefined) {
    throw new KpiError(
      'invalid_kpi_data',
      {
        zh: `日期格式错误：${describeValue(date)}（应为 YYYY-MM-DD）`,
        en: `invalid civil date ${describeValue(date)} (want YYYY-MM-DD)`,
      },
      { details: { value: date } },
    );
  }
  return n;
}

/**
 * The China civil date (`YYYY-MM-DD`) of a day number; the inverse of {@link dayNumber}
 * (`@jianguan/core`'s `civilDateOfDayNumber`).
 *
 * @example
 * civilDate(19_723); // '2024-01-01'
 */
export function civilDate(day: number): string {
  return civilDateOfDayNumber(day);
}
