import { describe, expect, it } from 'vitest';
import { SEED } from '../../../core/test/fuzz/harness.js';
import { type SweepOptions, sweepExports, sweepFailures } from '../../../core/test/fuzz/sweep.js';
import * as api from '../../src/index.js';

/** Per entry: see SweepOptions (`pending`: found by the sweep, not fixed yet — issue #11 item 5). */
const options: Record<string, SweepOptions> = {
  '@jianguan/postgres': {},
};

describe('fuzz: every export of @jianguan/postgres throws only typed errors on junk', () => {
  for (const [entry, ns] of [['@jianguan/postgres', api]] as const)
    it(entry, { timeout: 600_000 }, async () => {
      const tallies = await sweepExports(entry, ns as Record<string, unknown>, options[entry]);
      expect({ seed: SEED, failures: sweepFailures(tallies) }).toEqual({ seed: SEED, failures: [] });
    });
});
