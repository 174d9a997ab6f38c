import { describeValue } from '@jianguan/core';
import { civilDate, dayNumber } from '../calendar/day-number.js';
import { KpiError } from '../errors/kpi-error.js';

/**
 * How long an assessment or indicator period is (考核周期): a month, a quarter or a year.
 *
 * @example
 * const g: PeriodGranularity = 'quarter';
 */
export type PeriodGranularity = 'month' | 'quarter' | 'year';

/**
 * A period identifier: `'2023'` (year), `'2023-Q2'` (quarter) or `'2023-05'` (month).
 *
 * @example
 * const id: PeriodId = '2023-Q2';
 */
export type PeriodId = string;

/**
 * A parsed period with its first and last civil day (both inclusive) and their day numbers.
 *
 * @example
 * parsePeriod('2023-Q2'); // { id: '2023-Q2', granularity: 'quarter', start: '2023-04-01', end: '2023-06-30', … }
 */
export interface Period {
  readonly id: PeriodId;
  readonly granularity: PeriodGranularity;
  readonly year: number;
  /** 1–12 for months, 1–4 for quarters, 1 for years. */
  readonly index: number;
  readonly start: string;
  readonly end: string;
  /** Day number of `start`. */
  readonly startDay: number;
  /** Day number of `end`. */
  readonly endDay: number;
}

const ORDER: Record<PeriodGranularity, number> = { month: 0, quarter: 1, year: 2 };

function civilOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function makePeriod(granularity: PeriodGranularity, year: number, index: number): Period {
  const firstMonth = granularity === 'month' ? index : granularity === 'quarter' ? index * 3 - 2 : 1;
  const lastMonth = granularity === 'month' ? index : granularity === 'quarter' ? index * 3 : 12;
  const startDay = dayNumber(civilOf(year, firstMonth, 1));
  const endDay =
    lastMonth === 12 ? dayNumber(civilOf(year, 12, 31)) : dayNumber(civilOf(year, lastMonth + 1, 1)) - 1;
  const id =
    granularity === 'year'
      ? String(year)
      : granularity === 'quarter'
        ? `${year}-Q${index}`
        : `${year}-${String(index).padStart(2, '0')}`;
  return {
    id,
    granularity,
    year,
    index,
    start: civilDate(startDay),
    end: civilDate(endDay),
    startDay,
    endDay,
  };
}

/**
 * Parses a period id (`'2023'`, `'2023-Q2'`, `'2023-05'`) into its granularity and civil date range.
 * Throws `KpiError('invalid_period')` for anything else.
 *
 * @example
 * parsePeriod('2023-05').end; // '2023-05-31'
 */
export function parsePeriod(id: PeriodId | Period): Period {
  if (typeof id === 'object' && id !== null) return parsePeriod(id.id);
  const match = typeof id === 'string' ? /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(id) : null;
  if (!match || match[1] === '0000') {
    throw new KpiError(
      'invalid_period',
      {
        zh: `考核周期格式错误：${describeValue(id)}（应为 2023、2023-Q2 或 2023-05）`,
        en: `invalid period ${describeValue(id)} (want 2023, 2023-Q2 or 2023-05)`,
      },
      { details: { value: id } },
    );
  }
  const year = Number(match[1]);
  if (match[2] !== undefined) return makePeriod('quarter', year, Number(match[2]));
  if (match[3] !== undefined) return makePeriod('month', year, Number(match[3]));
  return makePeriod('year', year, 1);
}

/**
 * The period of the given granularity that contains a civil date.
 *
 * @example
 * periodContaining('2023-05-20', 'quarter').id; // '2023-Q2'
 */
export function periodContaining(date: string, granularity: PeriodGranularity): Period {
  const match = typeof date === 'string' ? /^(\d{4})-(\d{2})-\d{2}$/.exec(date) : null;
  if (!match) {
    const shown = typeof date === 'string' ? date : describeValue(date);
    throw new KpiError('invalid_period', { zh: `日期格式错误：${shown}`, en: `invalid civil date ${shown}` });
  }
  if (granularity !== 'year' && granularity !== 'quarter' && granularity !== 'month')
    throw new KpiError('invalid_period', {
      zh: `周期粒度应为 year、quarter 或 month，实际为 ${describeValue(granularity)}`,
      en: `granularity must be year, quarter or month, not ${describeValue(granularity)}`,
    });
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (granularity === 'year') return makePeriod('year', year, 1);
  if (granularity === 'quarter') return makePeriod('quarter', year, Math.ceil(month / 3));
  return makePeriod('month', year, month);
}

/**
 * Splits a period into the consecutive periods of a finer (or equal) granularity, in order.
 * A coarser granularity returns the single enclosing period.
 *
 * @example
 * subPeriods('2023-Q2', 'month').map((p) => p.id); // ['2023-04', '2023-05', '2023-06']
 */
export function subPeriods(period: PeriodId | Period, granularity: PeriodGranularity): Period[] {
  const p = parsePeriod(period);
  if (ORDER[granularity] >= ORDER[p.granularity]) {
    return [granularity === p.granularity ? p : periodContaining(p.start, granularity)];
  }
  const out: Period[] = [];
  let cursor = periodContaining(p.start, granularity);
  while (cursor.startDay <= p.endDay) {
    out.push(cursor);
    cursor = nextPeriod(cursor);
  }
  return out;
}

/**
 * The period right after `period`, of the same granularity.
 *
 * @example
 * nextPeriod('2023-Q4').id; // '2024-Q1'
 */
export function nextPeriod(period: PeriodId | Period): Period {
  const p = parsePeriod(period);
  if (p.granularity === 'year') return makePeriod('year', p.year + 1, 1);
  const max = p.granularity === 'quarter' ? 4 : 12;
  return p.index === max
    ? makePeriod(p.granularity, p.year + 1, 1)
    : makePeriod(p.granularity, p.year, p.index + 1);
}

/**
 * Every period from `from` to `to` inclusive (same granularity), for trends.
 *
 * @example
 * periodRange('2023-Q3', '2024-Q1').map((p) => p.id); // ['2023-Q3', '2023-Q4', '2024-Q1']
 */
export function periodRange(from: PeriodId, to: PeriodId): Period[] {
  const a = parsePeriod(from);
  const b = parsePeriod(to);
  if (a.granularity !== b.granularity || a.startDay > b.startDay) {
    throw new KpiError('invalid_period', {
      zh: `周期范围无效：${from} 至 ${to}`,
      en: `invalid period range ${from}..${to} (same granularity, from ≤ to)`,
    });
  }
  const out: Period[] = [];
  for (let p = a; p.startDay <= b.startDay; p = nextPeriod(p)) out.push(p);
  return out;
}

/** Whether granularity `a` is coarser than `b`. @internal */
export function isCoarser(a: PeriodGranularity, b: PeriodGranularity): boolean {
  return ORDER[a] > ORDER[b];
}
