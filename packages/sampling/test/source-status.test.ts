// Sampling-rule source statuses are core's SourceStatus vocabulary (one definition), restricted to the values
// sampling rules use.
import { SOURCE_STATUSES, type SourceStatus } from '@jianguan/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { DEFAULT_SAMPLING_RULES, type RuleSource, samplingRulesSchema } from '../src/index.js';

describe('sampling rule source status', () => {
  it('is the documented subset of core SourceStatus, and the shipped rules keep theirs', () => {
    expectTypeOf<RuleSource['status']>().toEqualTypeOf<Extract<SourceStatus, 'verified' | 'inferred'>>();
    const statuses = JSON.stringify(DEFAULT_SAMPLING_RULES).match(/"status":"[^"]+"/g) ?? [];
    expect(statuses.length).toBeGreaterThan(0);
    for (const s of statuses) expect(SOURCE_STATUSES).toContain(JSON.parse(`{${s}}`).status);
    expect(samplingRulesSchema.safeParse(DEFAULT_SAMPLING_RULES).success).toBe(true);
  });
});
