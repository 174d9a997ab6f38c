import { chinaToday, describeValue, isCivilDate } from '@jianguan/core';
import { CatalogError } from '../errors.js';

/**
 * A calendar quarter (季度) as China civil dates, inclusive: `2025-Q2` is 2025-04-01 … 2025-06-30.
 *
 * @example
 * const q: Quarter = parseQuarter('2025-Q2'); // { id: '2025-Q2', start: '2025-04-01', end: '2025-06-30' }
 */
export interface Quarter {
  readonly id: string;
  readonly start: string;
  readonly end: string;
}

const ENDS = ['03-31', '06-30', '09-30', '12-31'] as const;
const STARTS = ['01-01', '04-01', '07-01', '10-01'] as const;

function quarter(year: number, q: number): Quarter {
  const y = String(year).padStart(4, '0');
  return { id: `${y}-Q${q}`, start: `${y}-${STARTS[q - 1]}`, end: `${y}-${ENDS[q - 1]}` };
}

/**
 * Parses a quarter id `YYYY-Qn` (n = 1…4).
 *
 * @throws {CatalogError} `invalid_quarter` for anything else.
 * @example
 * parseQuarter('2025-Q4').end; // '2025-12-31'
 */
export function parseQuarter(id: unknown): Quarter {
  const m = typeof id === 'string' ? /^(\d{4})-Q([1-4])$/.exec(id) : null;
  if (!m) {
    throw new CatalogError(
      'invalid_quarter',
      {
        zh: `季度须写作 YYYY-Qn（n 为 1–4）：${describeValue(id)}`,
        en: `a quarter is written YYYY-Qn (n = 1–4): ${describeValue(id)}`,
      },
      { details: { value: describeValue(id) } },
    );
  }
  return quarter(Number(m[1]), Number(m[2]));
}

/**
 * The quarter a China civil date falls in; default: the quarter of today in Asia/Shanghai, whatever the host
 * time zone.
 *
 * @throws {CatalogError} `invalid_quarter` when `date` is not a civil date `YYYY-MM-DD`.
 * @example
 * quarterOf('2025-05-20').id; // '2025-Q2'
 */
export function quarterOf(date: string = chinaToday()): Quarter {
  if (!isCivilDate(date)) {
    throw new CatalogError(
      'invalid_quarter',
      { zh: `不是有效日期：${describeValue(date)}`, en: `not a civil date: ${describeValue(date)}` },
      { details: { value: describeValue(date) } },
    );
  }
  return quarter(Number(date.slice(0, 4)), Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1);
}
