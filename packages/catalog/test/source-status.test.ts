// Catalog data statuses are core's SourceStatus vocabulary (one definition), restricted to the values catalog
// data uses; shipped data and old inputs read as before.
import { publicCitation, SOURCE_STATUSES, type SourceStatus } from '@jianguan/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type DataStatus, DEFAULT_ENFORCEMENT_RULES, enforcementRuleSetSchema } from '../src/index.js';
import { dataStatusSchema } from '../src/rule-data.js';

const CATALOG = ['verified', 'seed-stated', 'inferred'] as const;

describe('catalog data status', () => {
  it('is the documented subset of core SourceStatus, in core order', () => {
    expectTypeOf<DataStatus>().toEqualTypeOf<Extract<SourceStatus, (typeof CATALOG)[number]>>();
    expectTypeOf<DataStatus>().toExtend<SourceStatus>();
    expect(dataStatusSchema.options).toEqual(
      SOURCE_STATUSES.filter((s) => (CATALOG as readonly string[]).includes(s)),
    );
  });
  it('accepts the old values and still refuses the statuses catalog data does not use', () => {
    for (const status of CATALOG) expect(dataStatusSchema.parse(status)).toBe(status);
    for (const status of ['confirmed', 'partial', 'unverified', 'sure'])
      expect(dataStatusSchema.safeParse(status).success).toBe(false);
  });
  it('shipped enforcement rules keep their statuses, validate, and each cites through core', () => {
    expect(enforcementRuleSetSchema.safeParse(DEFAULT_ENFORCEMENT_RULES).success).toBe(true);
    const statuses = new Set(Object.values(DEFAULT_ENFORCEMENT_RULES.rules).map((r) => r.status));
    expect([...statuses].sort()).toEqual(['inferred', 'seed-stated', 'verified']);
    for (const rule of Object.values(DEFAULT_ENFORCEMENT_RULES.rules))
      expect(() => publicCitation(rule.source, rule.status)).not.toThrow();
  });
});
