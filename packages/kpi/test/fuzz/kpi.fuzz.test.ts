import { describe, it } from 'vitest';
import { editArb, expectClean, fc, fuzz, jsonish, runs, target } from '../../../core/test/fuzz/harness.js';
import {
  baselineIndicatorSet,
  comparisonToCsv,
  deductionsToCsv,
  defineIndicatorSet,
  deriveIndicatorSet,
  hubeiLikeIndicatorSet,
  parsePeriod,
  scorecardToCsv,
  scoreIndicators,
} from '../../src/index.js';

const baseline = JSON.parse(JSON.stringify(baselineIndicatorSet)) as unknown;
const hubei = JSON.parse(JSON.stringify(hubeiLikeIndicatorSet)) as unknown;
const FORMULA = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Every cell of a CSV text (RFC 4180), unquoted. */
function cells(csv: string): string[] {
  const out: string[] = [];
  for (const m of csv.matchAll(/("(?:[^"]|"")*"|[^,\r\n]*)(,|\r?\n|$)/g)) {
    const raw = m[1]!;
    out.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
    if (m[2] === '') break;
  }
  return out;
}

describe('fuzz: kpi', () => {
  it('defineIndicatorSet: junk and edited sets give KpiError only', () => {
    const t = target('kpi defineIndicatorSet (junk and edits)');
    fuzz(
      t,
      fc.oneof(
        jsonish,
        editArb(baseline).map((e) => e.edited),
        editArb(hubei).map((e) => e.edited),
      ),
      runs(80, 10_000),
      'typed',
      (input) => {
        defineIndicatorSet(input);
        return undefined;
      },
    );
    expectClean(t);
  });

  it('deriveIndicatorSet: junk changes give KpiError only', () => {
    const t = target('kpi deriveIndicatorSet (junk)');
    const changes = fc.oneof(
      jsonish,
      fc.record(
        {
          override: fc.oneof(
            jsonish,
            fc.dictionary(fc.constantFrom('behaviour-report-timeliness', 'x'), jsonish),
          ),
          remove: fc.oneof(jsonish, fc.array(fc.oneof(fc.string(), jsonish), { maxLength: 2 })),
          add: jsonish,
          id: jsonish,
          version: jsonish,
        },
        { requiredKeys: [] },
      ),
    );
    fuzz(t, changes, runs(80, 20_000), 'typed', (input) => {
      deriveIndicatorSet(baselineIndicatorSet, input as never);
      return undefined;
    });
    expectClean(t);
  });

  it('parsePeriod: typed errors only', () => {
    const t = target('kpi parsePeriod (junk)');
    fuzz(
      t,
      fc.oneof(jsonish, fc.constantFrom('2023', '2023-Q2', '2023-06', '2023-Q5', '0000', '2023-13')),
      runs(300, 60_000),
      'typed',
      (input) => {
        parsePeriod(input as never);
        return undefined;
      },
    );
    expectClean(t);
  });

  it('scoreIndicators on junk data: typed errors only; CSV exports never start a formula', () => {
    const t = target('kpi scoreIndicators + CSV (junk)');
    const text = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('=1+1', '-2', '+3', '@x', '＝1', '－1', '\t1'),
    );
    const data = fc.record(
      {
        catalogItems: fc.oneof(
          jsonish,
          fc.array(
            fc.record(
              { itemCode: text, department: text, claimed: fc.oneof(fc.boolean(), jsonish) },
              { requiredKeys: [] },
            ),
            { maxLength: 3 },
          ),
        ),
        behaviours: fc.oneof(
          jsonish,
          fc.array(
            fc.record(
              { recordId: text, itemCode: text, department: text, actDate: jsonish },
              { requiredKeys: [] },
            ),
            { maxLength: 3 },
          ),
        ),
        officers: jsonish,
      },
      { requiredKeys: [] },
    );
    fuzz(
      t,
      fc.tuple(fc.oneof(data, jsonish), fc.oneof(fc.constant({ period: '2023-Q2', unit: 'd' }), jsonish)),
      runs(100, 20_000),
      'typed',
      ([d, o]) => {
        const card = scoreIndicators(baselineIndicatorSet, d as never, o as never);
        for (const csv of [scorecardToCsv(card), deductionsToCsv(card)]) {
          for (const cell of cells(csv)) {
            if (FORMULA.test(cell) && !/^-?\d+(\.\d+)?(e[+-]?\d+)?$/.test(cell))
              return `formula cell ${JSON.stringify(cell)}`;
          }
        }
        void comparisonToCsv;
        return undefined;
      },
    );
    expectClean(t);
  });
});
