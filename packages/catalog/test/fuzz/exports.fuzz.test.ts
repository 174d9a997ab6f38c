import { describe, expect, it } from 'vitest';
import { SEED } from '../../../core/test/fuzz/harness.js';
import { type SweepOptions, sweepExports, sweepFailures } from '../../../core/test/fuzz/sweep.js';
import * as api from '../../src/index.js';

const options: SweepOptions = { never: ['parseLegalBasis'] };

describe('fuzz: every export of @jianguan/catalog throws only typed errors on junk', () => {
  for (const [entry, ns] of [
    ['@jianguan/catalog', api],
  ] as const)
    it(entry, { timeout: 600_000 }, async () => {
      const tallies = await sweepExports(entry, ns as Record<string, unknown>, options);
      expect({ seed: SEED, failures: sweepFailures(tallies) }).toEqual({ seed: SEED, failures: [] });
    });
});
