// Indicator-set source statuses are core's SourceStatus vocabulary (one definition), restricted to the values
// indicator sets use.
import { SOURCE_STATUSES, type SourceStatus } from '@jianguan/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type SourceRef, sourceSchema } from '../src/index.js';

const KPI = ['confirmed', 'partial', 'inferred'] as const;

describe('indicator source status', () => {
  it('is the documented subset of core SourceStatus, and refuses the others', () => {
    expectTypeOf<SourceRef['status']>().toEqualTypeOf<Extract<SourceStatus, (typeof KPI)[number]>>();
    expect(sourceSchema.shape.status.options).toEqual(
      SOURCE_STATUSES.filter((s) => (KPI as readonly string[]).includes(s)),
    );
    for (const status of KPI)
      expect(sourceSchema.parse({ ref: 'seed 000 task 12', status }).status).toBe(status);
    for (const status of ['verified', 'seed-stated', 'unverified'])
      expect(sourceSchema.safeParse({ ref: 'x', status }).success).toBe(false);
  });
});
