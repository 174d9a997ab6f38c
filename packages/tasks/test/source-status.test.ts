// Task rule statuses are core's SourceStatus vocabulary (one definition), restricted to the values task rules
// use; old inputs parse as before.
import { SOURCE_STATUSES, type SourceStatus } from '@jianguan/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type RuleSource, type RuleStatus, ruleSourceSchema } from '../src/index.js';

const TASKS = ['verified', 'seed-stated', 'inferred'] as const;

describe('task rule status', () => {
  it('is the documented subset of core SourceStatus', () => {
    expectTypeOf<RuleStatus>().toEqualTypeOf<Extract<SourceStatus, (typeof TASKS)[number]>>();
    expectTypeOf<RuleSource['status']>().toEqualTypeOf<RuleStatus>();
    expect(ruleSourceSchema.shape.status.options).toEqual(
      SOURCE_STATUSES.filter((s) => (TASKS as readonly string[]).includes(s)),
    );
  });
  it('parses the old values and refuses the others', () => {
    for (const status of TASKS)
      expect(ruleSourceSchema.parse({ ref: 'seed 002 art. 14', status, checked: '2026-12-02' }).status).toBe(
        status,
      );
    for (const status of ['confirmed', 'partial', 'unverified'])
      expect(ruleSourceSchema.safeParse({ ref: 'x', status, checked: '2026-12-02' }).success).toBe(false);
  });
});
