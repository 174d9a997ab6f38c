import { describe, expect, it } from 'vitest';
import { SEED } from '../../../core/test/fuzz/harness.js';
import { type SweepOptions, sweepExports, sweepFailures } from '../../../core/test/fuzz/sweep.js';
import * as api from '../../src/index.js';

/** Per entry: see SweepOptions (`pending`: found by the sweep, not fixed yet — issue #11 item 5). */
const options: Record<string, SweepOptions> = {
  // parseLegalBasis never throws on odd *text*, but documents a CatalogError for non-string text or bad options.
  '@jianguan/catalog': {
    samples: {
      catalogItemKey: [{ itemCode: '31000000100001', subItemCode: '01' }],
      catalogItemName: [{ mainItemName: '对食品经营者的监督检查', subItemName: '对餐饮服务的监督检查' }],
      formatCitation: [
        {
          law: '食品安全法',
          lawAsWritten: '食品安全法',
          article: 110,
          paragraph: 1,
          key: '食品安全法#110.1',
        },
      ],
      normaliseLawName: ['食安法实施条例', { abbreviations: { 特种设备法: '特种设备安全法' } }],
      parseLegalBasis: ['《食品安全法》第十五条至第十八条', { maxRange: 5 }],
      proposeMappings: [
        [{ itemCode: '31000000100001', mainItemName: '食品检查', legalBasis: '食品安全法第110条' }],
        [{ itemCode: '31000000100002', mainItemName: '食品经营检查', legalBasis: '食品安全法第110条' }],
        { top: 2, minScore: 0 },
      ],
      confirmMapping: [
        { key: 'a', itemCode: '31000000100001', name: 'x', candidates: [] },
        {
          key: 'b',
          itemCode: '31000000100002',
          name: 'y',
          score: 0.9,
          evidence: { sharedCitations: ['食品安全法#110'], sharedLaws: ['食品安全法'] },
        },
        { by: '张三', date: '2025-01-02' },
      ],
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
