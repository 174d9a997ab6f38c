import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createQualityChecker, type QualityResult } from '../../src/index.js';
import { HashIndex, HashLog, KeyHasher } from '../../src/quality/key-index.js';
import { compulsion, inspection, penalty, TODAY } from './fixtures.js';

function hashOf(...parts: string[]): [number, number] {
  const h = new KeyHasher();
  h.reset(7);
  for (const p of parts) h.add(p);
  h.finish();
  return [h.a, h.b];
}

describe('KeyHasher', () => {
  it('keeps part boundaries: ("ab","c") and ("a","bc") differ', () => {
    expect(hashOf('ab', 'c')).not.toEqual(hashOf('a', 'bc'));
    expect(hashOf('', 'x')).not.toEqual(hashOf('x', ''));
    expect(hashOf('ab', 'c')).toEqual(hashOf('ab', 'c'));
  });

  test.prop([fc.array(fc.string(), { maxLength: 3 }), fc.array(fc.string(), { maxLength: 3 })])(
    'different part lists give different 64-bit hashes (no collision in practice)',
    (x, y) => {
      fc.pre(JSON.stringify(x) !== JSON.stringify(y));
      expect(hashOf(...x)).not.toEqual(hashOf(...y));
    },
  );
});

describe('HashIndex and HashLog (forced 64-bit collisions)', () => {
  // Keys of "records" 0..5; records 0, 2 and 4 share one key, 1 and 5 another, 3 is alone — and every
  // record gets the SAME hash, so only the exact re-check can tell them apart.
  const keys = ['a', 'b', 'a', 'c', 'a', 'b'];
  const same = (i: number, j: number) => keys[i] === keys[j];

  it('HashIndex re-checks a hash match and keeps colliding keys apart', () => {
    let current = 0;
    const index = new HashIndex({ same: (first) => same(first, current) });
    const firsts = keys.map((_, i) => {
      current = i;
      return index.lookup(42, 43, i, true);
    });
    expect(firsts).toEqual([-1, -1, 0, -1, 0, 1]);
    expect(index.size).toBe(3);
    expect(index.lookup(42, 43, -1, false, (first) => keys[first] === 'c')).toBe(3);
    expect(index.lookup(42, 43, -1, false, () => false)).toBe(-1);
  });

  it('HashLog reports each later record against the first with the same key', () => {
    const log = new HashLog();
    for (let i = 0; i < keys.length; i++) log.append(42, 43, i);
    const seen: [number, number][] = [];
    log.duplicates(same, (index, first) => seen.push([index, first]));
    expect(seen.sort((x, y) => x[0] - y[0])).toEqual([
      [2, 0],
      [4, 0],
      [5, 1],
    ]);
    expect(log.find(42, 43, (i) => keys[i] === 'c')).toBe(3);
    expect(log.find(42, 44, () => true)).toBe(-1);
  });

  test.prop([fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 5000 })])(
    'HashLog (radix sort path included) finds exactly the duplicates a Map finds',
    (values) => {
      const log = new HashLog();
      values.forEach((v, i) => {
        const [a, b] = hashOf(String(v));
        log.append(a, b, i);
      });
      const got: [number, number][] = [];
      log.duplicates(
        (i, j) => values[i] === values[j],
        (index, first) => got.push([index, first]),
      );
      const firstOf = new Map<number, number>();
      const want: [number, number][] = [];
      values.forEach((v, i) => {
        const f = firstOf.get(v);
        if (f === undefined) firstOf.set(v, i);
        else want.push([i, f]);
      });
      expect(got.sort((x, y) => x[0] - y[0])).toEqual(want);
    },
  );
});

describe('batch rules give the same result on arrays, iterables and streams', () => {
  const actionCodes = ['JC1', 'JC2', 'JC3'];
  const recordArb = fc.oneof(
    fc
      .record({
        recordId: fc.constantFrom('R1', 'R2', 'R3', 'R4'),
        checkActionCode: fc.constantFrom(...actionCodes),
        source: fc.constantFrom('33000031', '32000031'),
        checkResult: fc.constantFrom('01', '04', '05'),
      })
      .map((o) => inspection(o)),
    fc
      .record({
        recordId: fc.constantFrom('R1', 'P1', 'P2'),
        punishActionCode: fc.constantFrom('CF1', 'CF2'),
        relatedCheckActionCode: fc.constantFrom(...actionCodes, 'JC-NONE'),
      })
      .map((o) => penalty(o)),
    fc
      .record({ relatedCheckActionCode: fc.constantFrom(...actionCodes) })
      .map((o) => compulsion({ ...o, recordId: 'Q1' })),
    fc.constantFrom(null, 'junk', { kind: 'nope' }),
  );

  test.prop([fc.array(recordArb, { maxLength: 40 }), fc.constantFrom(undefined, 2, 5)])(
    'array, iterable and async stream agree; counts follow the issues',
    async (records, maxIssues) => {
      const checker = createQualityChecker({
        today: TODAY,
        checkLinks: true,
        ...(maxIssues === undefined ? {} : { maxIssues }),
      });
      const fromArray = checker.check(records);
      const fromIterable = checker.check(records.values());
      async function* stream() {
        for (const r of records) yield r;
      }
      const fromStream = (await checker.check(stream())) as QualityResult;
      expect(fromIterable).toEqual(fromArray);
      expect(fromStream).toEqual(fromArray);
      if (maxIssues === undefined) {
        const failing = new Set(fromArray.issues.filter((i) => i.severity === 'error').map((i) => i.index));
        expect(fromArray.failed).toBe(failing.size);
        // Issues are in record order.
        const order = fromArray.issues.map((i) => i.index);
        expect(order).toEqual([...order].sort((a, b) => a - b));
      } else {
        expect(fromArray.issues.length).toBeLessThanOrEqual(maxIssues);
      }
    },
  );

  it('a batch larger than the look-up window and the radix-sort threshold', async () => {
    const records = Array.from({ length: 6000 }, (_, i) =>
      inspection({ recordId: `R${i % 5000}`, checkActionCode: `JC${i % 4500}` }),
    );
    const checker = createQualityChecker({ today: TODAY, checkLinks: true });
    const r = checker.check(records);
    async function* stream() {
      for (const rec of records) yield rec;
    }
    expect(await checker.check(stream())).toEqual(r);
    const rules = (rule: string) => r.issues.filter((i) => i.rule === rule);
    expect(rules('duplicate_record_id').length).toBe(1000);
    expect(rules('duplicate_key').length).toBe(1500);
    expect(rules('duplicate_key')[0]).toMatchObject({ index: 4500, value: 'JC0' });
    expect(rules('duplicate_record_id')[0]).toMatchObject({ index: 5000, recordId: 'R0', value: 'R0' });
    expect(r.failed).toBe(1500);
  });
});
