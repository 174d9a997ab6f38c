import { isRecord } from '@jianguan/core';
import { badArgument, requireOptions, requireScorecard } from '../errors/boundary.js';
import type { Comparison, Trend } from '../scoring/compare.js';
import type { Scorecard } from '../scoring/types.js';

/**
 * Options of {@link scorecardToJson}.
 *
 * @example
 * const options: JsonOptions = { indent: 0, maxRecordsPerDeduction: 100 };
 */
export interface JsonOptions {
  /** Spaces of indentation (default 2; 0 for one line). */
  readonly indent?: number | undefined;
  /** Keep at most this many evidence records per deduction (adds `recordsOmitted`); default: all. */
  readonly maxRecordsPerDeduction?: number | undefined;
}

function trim(card: Scorecard, max: number | undefined): unknown {
  if (max === undefined) return card;
  return {
    ...card,
    indicators: card.indicators.map((i) => ({
      ...i,
      deductions: i.deductions.map((d) =>
        d.records.length > max
          ? { ...d, records: d.records.slice(0, max), recordsOmitted: d.records.length - max }
          : d,
      ),
    })),
  };
}

/**
 * Serialises a scorecard, comparison or trend as JSON (plain data, no classes), optionally trimming long
 * evidence lists.
 *
 * @example
 * writeFileSync('scorecard.json', scorecardToJson(card));
 */
export function scorecardToJson(value: Scorecard | Comparison | Trend, options: JsonOptions = {}): string {
  requireOptions(options);
  const input: unknown = value;
  if (!isRecord(input))
    badArgument(['value'], { en: 'a scorecard, comparison or trend', zh: '计分卡、比较或趋势' }, input);
  if ('indicators' in input) requireScorecard(input, ['value']);
  else if ('scorecards' in input) {
    if (!Array.isArray(input.scorecards))
      badArgument(['value', 'scorecards'], { en: 'an array', zh: '数组' }, input.scorecards);
    input.scorecards.forEach((card, i) => {
      requireScorecard(card, ['value', 'scorecards', i]);
    });
  }
  const max = options.maxRecordsPerDeduction;
  let out: unknown = value;
  if ('indicators' in value) out = trim(value, max);
  else if ('scorecards' in value) out = { ...value, scorecards: value.scorecards.map((c) => trim(c, max)) };
  return JSON.stringify(out, null, options.indent ?? 2);
}
