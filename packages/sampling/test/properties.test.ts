import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { sampleIds } from '../src/index.js';

const idsArb = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }), {
  minLength: 1,
  maxLength: 40,
});

describe('consistent sampling properties', () => {
  test.prop([idsArb, fc.string(), fc.integer({ min: 0, max: 1_000_000 })])(
    'the sample does not depend on the input order',
    (ids, seed, shuffleSeed) => {
      const shuffled = [...ids].sort(
        (a, b) => ((a.length * 31 + shuffleSeed) % 7) - ((b.length * 31 + shuffleSeed) % 7),
      );
      const reversed = [...ids].reverse();
      const base = sampleIds(ids, { seed });
      expect(sampleIds(shuffled, { seed })).toEqual(base);
      expect(sampleIds(reversed, { seed })).toEqual(base);
    },
  );

  test.prop([idsArb, fc.string(), fc.func(fc.boolean())])(
    "a subset's sample is the superset's sample filtered",
    (ids, seed, keep) => {
      const subset = ids.filter((id) => keep(id));
      const filtered = sampleIds(ids, { seed }).filter((p) => subset.includes(p.id));
      expect(sampleIds(subset, { seed })).toEqual(filtered);
    },
  );

  test.prop([idsArb, fc.string(), fc.nat(10), fc.nat(10), fc.boolean()])(
    'rounds extend a draw: drop/take are slices of one sequence',
    (ids, seed, first, second, withReplacement) => {
      const all = sampleIds(ids, { seed, take: first + second, withReplacement });
      const round1 = sampleIds(ids, { seed, take: first, withReplacement });
      const round2 = sampleIds(ids, { seed, drop: first, take: second, withReplacement });
      expect([...round1, ...round2]).toEqual(all);
    },
  );

  test.prop([idsArb, fc.string(), fc.nat(30)])(
    'a bounded take is the prefix of the full permutation',
    (ids, seed, k) => {
      expect(sampleIds(ids, { seed, take: k })).toEqual(sampleIds(ids, { seed }).slice(0, k));
    },
  );
});
