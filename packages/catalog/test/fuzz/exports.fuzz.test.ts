import { describe, expect, it } from 'vitest';
import { SEED } from '../../../core/test/fuzz/harness.js';
import { type SweepOptions, sweepExports, sweepFailures } from '../../../core/test/fuzz/sweep.js';
import * as api from '../../src/index.js';

/** Per entry: see SweepOptions (`pending`: found by the sweep, not fixed yet — issue #11 item 5). */
const options: Record<string, SweepOptions> = {
  '@jianguan/catalog': {
    never: ['parseLegalBasis'],
    pending: {
      catalogChangelog: "untyped TypeError: Cannot read properties of null (reading 'from')",
      catalogItemKey: "untyped TypeError: Cannot read properties of null (reading 'subItemCode')",
      catalogItemName: "untyped TypeError: Cannot read properties of null (reading 'subItemName')",
      checkCatalog: "untyped TypeError: Cannot read properties of null (reading 'items')",
      checkEnforcement: "untyped TypeError: Cannot read properties of null (reading 'forEach')",
      claimGapReport: "untyped TypeError: Cannot destructure property 'catalog' of 'input' as it is null.",
      confirmMapping: "untyped TypeError: Cannot read properties of undefined (reading 'date')",
      defineEnforcementRules: "untyped TypeError: Cannot read properties of null (reading 'rules')",
      diffCatalogs: "untyped TypeError: Cannot read properties of null (reading 'items')",
      evaluateChecklistResults: "untyped TypeError: Cannot read properties of null (reading 'items')",
      evaluateProposals: 'untyped TypeError: proposals is not iterable',
      findBenchmarkEntry: "untyped TypeError: Cannot read properties of null (reading 'entries')",
      formatChineseNumber: 'untyped RangeError: not an integer in [0, 9999]: null',
      formatCitation: "untyped TypeError: Cannot read properties of null (reading 'law')",
      nameSimilarity: "untyped TypeError: Cannot read properties of null (reading 'replace')",
      normaliseLawName: "untyped TypeError: Cannot read properties of null (reading 'replace')",
      parseChineseNumber: 'untyped TypeError: text is not iterable',
      parseLegalBasis: 'untyped CatalogError: a legal basis must be text (法律依据须为文本)',
      proposeMappings: 'untyped TypeError: provincial.map is not a function',
      readCatalogCsv: "untyped TypeError: Cannot destructure property 'quality' of 'options' as it is null.",
      revisionOf: "untyped TypeError: Cannot read properties of null (reading 'replace')",
    },
  },
};

describe('fuzz: every export of @jianguan/catalog throws only typed errors on junk', () => {
  for (const [entry, ns] of [['@jianguan/catalog', api]] as const)
    it(entry, { timeout: 600_000 }, async () => {
      const tallies = await sweepExports(entry, ns as Record<string, unknown>, options[entry]);
      expect({ seed: SEED, failures: sweepFailures(tallies) }).toEqual({ seed: SEED, failures: [] });
    });
});
