import { csvCell } from '@jianguan/core';
import { requireComparison, requireOptions, requireScorecard } from '../errors/boundary.js';
import type { Comparison } from '../scoring/compare.js';
import type { Scorecard } from '../scoring/types.js';

/**
 * Options of the CSV writers.
 *
 * @example
 * const options: CsvOptions = { bom: true };
 */
export interface CsvOptions {
  /** Prefix a UTF-8 byte-order mark so spreadsheet programs read Chinese correctly (default false). */
  readonly bom?: boolean | undefined;
}

// Text cells are neutralised against formula injection by core's shared writer (numbers stay numbers).
const cell = (v: unknown): string => csvCell(v);

function toCsv(
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: CsvOptions,
): string {
  const lines = [header.map(cell).join(','), ...rows.map((r) => r.map(cell).join(','))];
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

/**
 * One CSV row per indicator (RFC 4180, CRLF): dimension, id, names, kind, points, score, deducted, value,
 * target, status; then a TOTAL row.
 *
 * @example
 * writeFileSync('scorecard.csv', scorecardToCsv(card, { bom: true }));
 */
export function scorecardToCsv(card: Scorecard, options: CsvOptions = {}): string {
  requireScorecard(card);
  requireOptions(options);
  const header = [
    'unit',
    'period',
    'dimension',
    'indicator',
    'name_zh',
    'name_en',
    'kind',
    'points',
    'score',
    'deducted',
    'value',
    'target',
    'status',
  ];
  const rows: unknown[][] = card.indicators.map((i) => [
    card.unit.id,
    card.period,
    i.dimension,
    i.id,
    i.name.zh,
    i.name.en,
    i.kind,
    i.points,
    i.score,
    i.deducted,
    i.value,
    i.target,
    i.status,
  ]);
  rows.push([
    card.unit.id,
    card.period,
    '',
    'TOTAL',
    '总分',
    'total',
    '',
    card.deductionPoints,
    card.total,
    '',
    '',
    '',
    card.vetoed ? 'vetoed' : card.passed ? 'passed' : 'failed',
  ]);
  return toCsv(header, rows, options);
}

/**
 * One CSV row per record behind a deduction (扣分明细): indicator, window, record kind and id, reason, dates,
 * deadline, working days late and points.
 *
 * @example
 * writeFileSync('deductions.csv', deductionsToCsv(card));
 */
export function deductionsToCsv(card: Scorecard, options: CsvOptions = {}): string {
  requireScorecard(card);
  requireOptions(options);
  const header = [
    'unit',
    'indicator',
    'period',
    'deduction_points',
    'record_kind',
    'record_id',
    'department',
    'reason',
    'event_date',
    'done_date',
    'deadline',
    'workdays_late',
    'record_points',
    'detail',
  ];
  const rows: unknown[][] = [];
  for (const i of card.indicators) {
    for (const d of i.deductions) {
      if (d.records.length === 0)
        rows.push([card.unit.id, i.id, d.period, d.points, '', '', '', d.reason.en]);
      for (const r of d.records) {
        rows.push([
          card.unit.id,
          i.id,
          d.period,
          d.points,
          r.kind,
          r.id,
          r.department,
          r.reason,
          r.eventDate,
          r.doneDate,
          r.deadline,
          r.workdaysLate,
          r.points,
          r.detail,
        ]);
      }
    }
  }
  return toCsv(header, rows, options);
}

/**
 * One CSV row per unit of a comparison: rank, unit, total, deduction score, bonus, passed, vetoed and the
 * dimension subtotals.
 *
 * @example
 * writeFileSync('ranking.csv', comparisonToCsv(compareUnits(set, data, { period: '2023-Q2' })));
 */
export function comparisonToCsv(comparison: Comparison, options: CsvOptions = {}): string {
  requireComparison(comparison);
  requireOptions(options);
  const dims = [...new Set(comparison.rows.flatMap((r) => Object.keys(r.dimensions)))];
  const header = ['rank', 'unit', 'name', 'total', 'deduction_score', 'bonus', 'passed', 'vetoed', ...dims];
  const rows = comparison.rows.map((r) => [
    r.rank,
    r.unit,
    r.name,
    r.total,
    r.deductionScore,
    r.bonusEarned,
    r.passed,
    r.vetoed,
    ...dims.map((d) => r.dimensions[d]),
  ]);
  return toCsv(header, rows, options);
}
