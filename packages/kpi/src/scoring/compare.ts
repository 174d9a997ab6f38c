import { isRecord } from '@jianguan/core';
import type { KpiCalendar } from '../calendar/workday-index.js';
import type { KpiData } from '../data/facts.js';
import type { PreparedKpiData } from '../data/prepare.js';
import { badArgument, requireArray, requireOptions } from '../errors/boundary.js';
import type { IndicatorSet } from '../indicators/schema.js';
import type { PeriodId } from '../period/period.js';
import { parsePeriod } from '../period/period.js';
import type { UnitSpec } from './score.js';
import { ensureSet, scorePrepared, withPrepared } from './score.js';
import { nearlyEqual } from './tolerance.js';
import type { Scorecard } from './types.js';

/**
 * One unit's row in a comparison (排名).
 *
 * @example
 * comparison.rows[0]; // { rank: 1, unit: 'scjg', total: 96.5, … }
 */
export interface ComparisonRow {
  /** 1-based; equal totals share a rank; vetoed units come last. */
  readonly rank: number;
  readonly unit: string;
  readonly name?: string;
  readonly total: number;
  readonly deductionScore: number;
  readonly bonusEarned: number;
  readonly passed: boolean;
  readonly vetoed: boolean;
  /** Dimension subtotals by dimension name. */
  readonly dimensions: Readonly<Record<string, number>>;
}

/**
 * Scores of several units for one period, ranked, with their full scorecards.
 *
 * @example
 * const { rows } = compareUnits(baselineIndicatorSet, data, { period: '2023-Q2' });
 */
export interface Comparison {
  readonly setId: string;
  readonly setVersion: string;
  readonly period: string;
  readonly rows: readonly ComparisonRow[];
  readonly scorecards: readonly Scorecard[];
}

/**
 * Options of {@link compareUnits}.
 *
 * @example
 * const options: CompareOptions = { period: '2023-Q2', units: ['scjg', 'hbj'] };
 */
export interface CompareOptions {
  readonly period: PeriodId;
  /** Units to compare (default: every department in the data). */
  readonly units?: readonly UnitSpec[] | undefined;
  readonly asOf?: string | undefined;
  readonly calendar?: KpiCalendar | undefined;
}

const UNIT = { en: 'a unit id or { id, name? }', zh: '单位编码或 { id, name? }' } as const;

function rowOf(card: Scorecard): Omit<ComparisonRow, 'rank'> {
  const dimensions: Record<string, number> = {};
  for (const d of card.dimensions) dimensions[d.dimension] = d.score;
  return {
    unit: card.unit.id,
    ...(card.unit.name === undefined ? {} : { name: card.unit.name }),
    total: card.total,
    deductionScore: card.deductionScore,
    bonusEarned: card.bonusEarned,
    passed: card.passed,
    vetoed: card.vetoed,
    dimensions,
  };
}

/**
 * Scores several departments or regions for one period and ranks them (横向比较): vetoed units last, then
 * by total descending, ties sharing a rank (1, 2, 2, 4) and ordered by unit id.
 *
 * @example
 * const { rows } = compareUnits(hubeiLikeIndicatorSet, prepared, { period: '2023-Q2' });
 * rows.map((r) => `${r.rank}. ${r.unit} ${r.total}`);
 */
export function compareUnits(
  indicatorSet: IndicatorSet,
  data: KpiData | PreparedKpiData,
  options: CompareOptions,
): Comparison {
  requireOptions(options);
  requireArray(options.units, ['options', 'units'], true);
  const set = ensureSet(indicatorSet);
  const { period, scorecards } = withPrepared(data, options.calendar, (prepared) => {
    const period = parsePeriod(options.period);
    const units = options.units ?? prepared.departments;
    const scorecards = units.map((unit) =>
      scorePrepared(set, prepared, {
        period: period.id,
        unit,
        ...(options.asOf ? { asOf: options.asOf } : {}),
      }),
    );
    return { period, scorecards };
  });
  const sorted = scorecards
    .map(rowOf)
    .sort(
      (a, b) =>
        Number(a.vetoed) - Number(b.vetoed) ||
        b.total - a.total ||
        (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0),
    );
  const rows: ComparisonRow[] = [];
  sorted.forEach((row, i) => {
    const prev = rows[i - 1];
    const rank = prev && nearlyEqual(prev.total, row.total) && prev.vetoed === row.vetoed ? prev.rank : i + 1;
    rows.push({ rank, ...row });
  });
  return { setId: set.id, setVersion: set.version, period: period.id, rows, scorecards };
}

/**
 * One period of a trend.
 *
 * @example
 * trend.points.map((p) => [p.period, p.total]);
 */
export interface TrendPoint {
  readonly period: string;
  readonly total: number;
  readonly deductionScore: number;
  readonly bonusEarned: number;
  readonly passed: boolean;
  readonly vetoed: boolean;
  readonly dimensions: Readonly<Record<string, number>>;
  /** Indicator scores by indicator id. */
  readonly indicators: Readonly<Record<string, number>>;
}

/**
 * A unit's scores over consecutive periods (趋势).
 *
 * @example
 * const trend = scoreTrend(baselineIndicatorSet, data, { unit: 'scjg', periods: ['2023-Q1', '2023-Q2'] });
 */
export interface Trend {
  readonly setId: string;
  readonly setVersion: string;
  readonly unit: string;
  readonly points: readonly TrendPoint[];
  readonly scorecards: readonly Scorecard[];
}

/**
 * Options of {@link scoreTrend}.
 *
 * @example
 * const options: TrendOptions = { unit: 'scjg', periods: periodRange('2023-Q1', '2023-Q4').map((p) => p.id) };
 */
export interface TrendOptions {
  readonly unit: UnitSpec;
  readonly periods: readonly PeriodId[];
  readonly calendar?: KpiCalendar | undefined;
}

/**
 * Scores one unit for each of several periods (each as of its own last day).
 *
 * @example
 * const trend = scoreTrend(hubeiLikeIndicatorSet, prepared, { unit: 'scjg', periods: ['2023-Q1', '2023-Q2', '2023-Q3'] });
 * trend.points.map((p) => p.total);
 */
export function scoreTrend(
  indicatorSet: IndicatorSet,
  data: KpiData | PreparedKpiData,
  options: TrendOptions,
): Trend {
  requireOptions(options);
  requireArray(options.periods, ['options', 'periods']);
  const { unit: spec } = options;
  if (typeof spec !== 'string' && !(isRecord(spec) && typeof spec.id === 'string'))
    badArgument(['options', 'unit'], UNIT, spec);
  const set = ensureSet(indicatorSet);
  const scorecards = withPrepared(data, options.calendar, (prepared) =>
    options.periods.map((period) => scorePrepared(set, prepared, { period, unit: options.unit })),
  );
  const points = scorecards.map((card) => {
    const row = rowOf(card);
    const indicators: Record<string, number> = {};
    for (const i of card.indicators) indicators[i.id] = i.score;
    return {
      period: card.period,
      total: row.total,
      deductionScore: row.deductionScore,
      bonusEarned: row.bonusEarned,
      passed: row.passed,
      vetoed: row.vetoed,
      dimensions: row.dimensions,
      indicators,
    };
  });
  const unit = scorecards[0]?.unit.id ?? (typeof options.unit === 'string' ? options.unit : options.unit.id);
  return { setId: set.id, setVersion: set.version, unit, points, scorecards };
}
