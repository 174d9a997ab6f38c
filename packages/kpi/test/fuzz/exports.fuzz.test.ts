import { describe, expect, it } from 'vitest';
import { SEED } from '../../../core/test/fuzz/harness.js';
import { type SweepOptions, sweepExports, sweepFailures } from '../../../core/test/fuzz/sweep.js';
import * as api from '../../src/index.js';

/** Per entry: see SweepOptions (`pending`: found by the sweep, not fixed yet — issue #11 item 5). */
const options: Record<string, SweepOptions> = {
  '@jianguan/kpi': {
    pending: {
      behaviourFactFromRecord:
        "untyped TypeError: Cannot read properties of undefined (reading 'implementInstitutionCod",
      catalogItemFactFromItem:
        "untyped TypeError: Cannot read properties of undefined (reading 'department')",
      compareUnits: "untyped TypeError: Cannot read properties of undefined (reading 'calendar')",
      comparisonToCsv: "untyped TypeError: Cannot read properties of undefined (reading 'flatMap')",
      deductionsToCsv: 'untyped TypeError: i.deductions is not iterable',
      findIndicator: "untyped TypeError: Cannot read properties of undefined (reading 'find')",
      officerFactFromOfficer: "untyped TypeError: Cannot read properties of undefined (reading 'department')",
      prepareKpiData: "untyped TypeError: Cannot read properties of null (reading 'calendar')",
      renderScorecardHtml: "untyped TypeError: Cannot read properties of undefined (reading 'zh')",
      scoreTrend: "untyped TypeError: Cannot read properties of undefined (reading 'calendar')",
      scorecardToCsv: "untyped TypeError: Cannot read properties of undefined (reading 'id')",
      scorecardToJson: "untyped TypeError: Cannot use 'in' operator to search for 'indicators' in false",
      whatIf: "untyped TypeError: Cannot read properties of undefined (reading 'length')",
    },
  },
};

describe('fuzz: every export of @jianguan/kpi throws only typed errors on junk', () => {
  for (const [entry, ns] of [['@jianguan/kpi', api]] as const)
    it(entry, { timeout: 600_000 }, async () => {
      const tallies = await sweepExports(entry, ns as Record<string, unknown>, options[entry]);
      expect({ seed: SEED, failures: sweepFailures(tallies) }).toEqual({ seed: SEED, failures: [] });
    });
});
