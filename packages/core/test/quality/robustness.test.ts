import { fc, test } from '@fast-check/vitest';
import { type QualityResult, qualityCheck, qualityCheckRecord } from '@jianguan/core';
import { describe, expect, it } from 'vitest';
import { compulsion, inspection, others, penalty, TODAY } from './fixtures.js';

function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value !== null && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key], seen);
    Object.freeze(value);
  }
  return value;
}

const recordish = fc.oneof(
  fc.anything(),
  fc.record(
    {
      kind: fc.constantFrom('inspection', 'penalty', 'compulsion', 'other', 'x'),
      recordId: fc.anything(),
      itemCode: fc.oneof(fc.string(), fc.anything()),
      checkDate: fc.oneof(fc.string(), fc.date().map(String), fc.anything()),
      checkPersonnel: fc.oneof(fc.array(fc.anything()), fc.anything()),
      adminCounterpartCertType: fc.constantFrom('001', '111', '099', 1),
      adminCounterpartCertNo: fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.anything()),
      submittedAt: fc.oneof(fc.string(), fc.anything()),
      relatedCheckActionCode: fc.oneof(fc.string(), fc.anything()),
      punishTypes: fc.anything(),
      fineAmount: fc.oneof(fc.double(), fc.anything()),
    },
    { requiredKeys: ['kind'] },
  ),
  fc
    .constantFrom(inspection(), penalty(), compulsion())
    .chain((base) =>
      fc
        .dictionary(fc.constantFrom(...Object.keys(base)), fc.anything())
        .map((patch) => ({ ...base, ...patch })),
    ),
);

describe('never throws, never mutates', () => {
  test.prop([fc.array(recordish, { maxLength: 20 })], { numRuns: process.env.CI ? 300 : 40 })(
    'any batch of deep-frozen junk',
    (batch) => {
      const frozen = deepFreeze(batch);
      const before = JSON.stringify(frozen, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
      const r = qualityCheck(frozen, { today: TODAY, checkLinks: true });
      expect(r.total).toBe(batch.length);
      expect(r.passed + r.failed).toBe(r.total);
      expect(r.passRate).toBeGreaterThanOrEqual(0);
      expect(r.passRate).toBeLessThanOrEqual(1);
      for (const issue of r.issues) {
        expect(issue.index).toBeGreaterThanOrEqual(0);
        expect(issue.index).toBeLessThan(batch.length);
        expect(issue.checkType).toMatch(/^(0[1-9]|10)$/);
        expect(typeof issue.message.zh).toBe('string');
      }
      expect(JSON.stringify(frozen, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))).toBe(before);
    },
  );

  test.prop([fc.anything()])('any single input, including non-iterables', (input) => {
    const r = qualityCheck(deepFreeze(input) as unknown, { today: TODAY }) as QualityResult;
    expect(r.total).toBeGreaterThanOrEqual(0);
  });

  test.prop([fc.constantFrom(...Object.keys(others)), fc.object()])(
    'any record type with junk',
    (type, junk) => {
      expect(() =>
        qualityCheckRecord(deepFreeze(junk), { today: TODAY, recordType: type as never }),
      ).not.toThrow();
    },
  );

  it('cyclic objects', () => {
    const a: Record<string, unknown> = inspection();
    a.self = a;
    a.checkPersonnel = [a, a];
    a.adminCounterpartCertNo = a;
    const r = qualityCheck(deepFreeze([a, a]), { today: TODAY, checkLinks: true });
    expect(r.issues.map((i) => i.rule)).toContain('not_text');
    expect(r.failed).toBe(2);
  });

  it('valid records stay valid whatever the order (determinism)', () => {
    const batch = [inspection(), penalty(), compulsion()];
    const a = qualityCheck(batch, { today: TODAY, checkLinks: true });
    const b = qualityCheck([...batch].reverse(), { today: TODAY, checkLinks: true });
    expect(a.issues).toEqual([]);
    expect(b.issues).toEqual([]);
  });
});
