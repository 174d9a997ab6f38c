import { createHash } from 'node:crypto';
import { canonicalJson } from '@jianguan/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestOf } from '../src/record/canonical.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('digestOf', () => {
  it('is SHA-256 of the canonical JSON, for any JSON value and objects sharing or changing shape', () => {
    const record = fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.constant(undefined)));
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.array(record), fc.array(fc.array(record))), (value) => {
        expect(digestOf(value)).toBe(sha256(canonicalJson(value)));
      }),
      { numRuns: 500 },
    );
  });

  it('streams a record with many picks of one shape into the same digest', () => {
    const picks = Array.from({ length: 30_000 }, (_, i) => ({
      ticket: `0.${String(i * 7919).padStart(18, '0')}`,
      rank: i + 1,
      id: `91330100${i}`,
      ...(i % 1000 === 0 ? { note: undefined, extra: '"quoted"\n' } : {}),
    }));
    const body = { strata: [{ key: 'A', picks }], seed: '1' };
    expect(digestOf(body)).toBe(sha256(canonicalJson(body)));
  });
});
