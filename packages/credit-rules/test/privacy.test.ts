import { describe, expect, it } from 'vitest';
import {
  declassifyGrade,
  forPublication,
  GradeDeclassificationError,
  gradeEntity,
  samrBaselineRuleSet,
  toPublicRecord,
} from '../src/index.js';

const r = gradeEntity(
  { entityId: 'X', registeredAt: '2015-01-01', facts: [] },
  { ruleSet: samrBaselineRuleSet, asOf: '2026-11-21' },
);

describe('privacy', () => {
  it('the public record carries no grade by default', () => {
    const pub = toPublicRecord(r);
    expect(pub).toEqual({
      entityId: 'X',
      asOf: '2026-11-21',
      ruleSetId: 'samr-baseline',
      ruleSetVersion: '1.0.1',
    });
    expect(JSON.stringify(pub)).not.toMatch(/grade"/);
  });

  it('publishing the grade needs an explicit opt-in with a reason', () => {
    expect(toPublicRecord(r, { includeGrade: true, reason: '本省规定公开 A 级企业' })).toMatchObject({
      grade: 'A',
    });
    expect(() => toPublicRecord(r, { includeGrade: true, reason: ' ' })).toThrow(GradeDeclassificationError);
    expect(() => declassifyGrade(r.grade, undefined as never)).toThrow(GradeDeclassificationError);
    expect(declassifyGrade(r.grade, { reason: 'court order' })).toBe('A');
  });

  it('includeGrade: false (or junk options from untyped callers) never publishes the grade', () => {
    const loose = toPublicRecord as unknown as (
      result: unknown,
      options?: unknown,
    ) => Record<string, unknown>;
    for (const options of [
      { includeGrade: false, reason: '本省规定公开' },
      { includeGrade: 'yes', reason: 'x' },
      { reason: 'x' },
      null,
      {},
    ]) {
      const pub = loose(r, options);
      expect(pub).not.toHaveProperty('grade');
      expect(pub).not.toHaveProperty('disclosureReason');
      expect(JSON.stringify(pub)).not.toMatch(/grade"/);
    }
    expect(() => loose(null)).toThrow(expect.objectContaining({ name: 'CreditInputError' }));
  });

  it('forPublication passes a clean value through unchanged', () => {
    const v = { entityId: r.entityId, checkedOn: '2026-11-21' };
    expect(forPublication(v)).toBe(v);
  });
});
