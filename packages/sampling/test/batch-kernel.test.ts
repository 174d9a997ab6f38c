import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createTicketKernel } from '../src/draw/kernel.js';
import { sha256Hex } from '../src/draw/sha256.js';

const simd = createTicketKernel();
const scalar = createTicketKernel(false);

describe('batched four-lane hashing', () => {
  it('runs on WebAssembly SIMD here, and the scalar kernel does not', () => {
    expect(simd.simd).toBe(true);
    expect(scalar.simd).toBe(false);
  });

  test.prop(
    [
      fc.string(),
      fc.array(fc.uint8Array({ maxLength: 70 }), { minLength: 1, maxLength: 2100 }),
      fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.constant(1e6)),
    ],
    { numRuns: 40 },
  )(
    'digests, the 6-digit filter and the 15-digit keys equal the scalar kernel one id at a time',
    (seed, ids, bound) => {
      const mid = simd.midstate(sha256Hex(seed));
      const words = new Int32Array(8);
      const out = new Int32Array(8);
      for (const k of [simd, scalar]) {
        const batch = new k.Batch(mid);
        let lanes: Uint8Array[] = [];
        const check = (): void => {
          const listed = batch.run(bound);
          const got = Array.from({ length: listed }, (_, i) => [batch.listed(i), batch.keys[i]]);
          const expected: (number | undefined)[][] = [];
          lanes.forEach((bytes, lane) => {
            simd.hashIdBytes(mid, bytes, 0, bytes.length, words);
            batch.digest(lane, out);
            expect(simd.hex(out)).toBe(simd.hex(words));
            if (simd.prefix6(words) <= bound) expected.push([lane, simd.key(words)]);
          });
          expect(got).toEqual(expected);
          batch.clear();
          lanes = [];
        };
        for (const bytes of ids) {
          if (!batch.addBytes(bytes, 0, bytes.length)) {
            expect(bytes.length).toBeGreaterThan(55);
            continue;
          }
          lanes.push(bytes);
          if (batch.full) check();
        }
        check();
      }
    },
  );

  it('fills whole batches (1024 lanes) and lists the same lanes and keys on both kernels', () => {
    const mid = simd.midstate(sha256Hex('20237331128159211123'));
    const ids = Array.from({ length: 3000 }, (_, i) => `91330100${String(i * 7919).padStart(10, '0')}`);
    const words = new Int32Array(8);
    for (const k of [simd, scalar]) {
      const batch = new k.Batch(mid);
      const seen: [string, number][] = [];
      for (let from = 0; from < ids.length; from += k.LANES) {
        const chunk = ids.slice(from, from + k.LANES);
        for (const id of chunk) expect(batch.addString(id)).toBe(true);
        expect(batch.full).toBe(chunk.length === k.LANES);
        const listed = batch.run(100_000);
        for (let i = 0; i < listed; i++) seen.push([chunk[batch.listed(i)]!, batch.keys[i]!]);
        batch.clear();
      }
      const expected = ids.flatMap((id): [string, number][] => {
        simd.hashId(mid, id, words);
        return simd.prefix6(words) <= 100_000 ? [[id, simd.key(words)]] : [];
      });
      expect(expected.length).toBeGreaterThan(200);
      expect(seen).toEqual(expected);
    }
  });

  it('loads ASCII strings like their bytes and refuses the others', () => {
    const batch = new simd.Batch(simd.midstate(sha256Hex('s')));
    expect(batch.addString('91330100MA2XXXXXXX')).toBe(true);
    expect(batch.addString('统一社会信用代码')).toBe(false);
    expect(batch.addString('x'.repeat(56))).toBe(false);
    expect(batch.addBytes(new TextEncoder().encode('91330100MA2XXXXXXX'), 0, 18)).toBe(true);
    expect(batch.run(1e6)).toBe(2);
    const a = new Int32Array(8);
    const b = new Int32Array(8);
    batch.digest(0, a);
    batch.digest(1, b);
    expect(a).toEqual(b);
    expect(batch.keys[0]).toBe(batch.keys[1]);
  });

  test.prop([
    fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 300_000 })), {
      maxLength: 300,
    }),
  ])(
    'sortByKey orders by key (equal top bits included), then by the tie-break, like a comparator sort',
    (pairs) => {
      // keys crowded into a few 2^18-wide buckets, with repeats, so that the exact re-sort of runs is exercised
      const keys = Float64Array.from(pairs, ([bucket, low]) => bucket * 262_144 * 1000 + low);
      const tie = (a: number, b: number) => b - a; // any total order on indices
      const expected = Array.from(keys.keys()).sort((a, b) =>
        keys[a] !== keys[b] ? keys[a]! - keys[b]! : tie(a, b),
      );
      expect(Array.from(simd.sortByKey(keys, tie))).toEqual(expected);
    },
  );

  test.prop(
    [
      fc.array(
        fc.oneof(
          fc.double({ min: 0, max: 1e15 - 1, noNaN: true }).map(Math.floor),
          fc
            .tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 262_143 }))
            .map(([bucket, low]) => bucket * 262_144 * 3_000_000 + low),
          fc.constantFrom(0, 1e15 - 1, 262_143, 262_144, 2 ** 32 * 262_144 - 1),
        ),
        { minLength: 2048, maxLength: 5000 },
      ),
    ],
    { numRuns: 25 },
  )('sortByKey on 2048 keys or more (the radix sort): the same order as a comparator sort', (values) => {
    const keys = Float64Array.from(values);
    const tie = (a: number, b: number) => a - b;
    const expected = Array.from(keys.keys()).sort((a, b) =>
      keys[a] !== keys[b] ? keys[a]! - keys[b]! : tie(a, b),
    );
    expect(Array.from(simd.sortByKey(keys, tie))).toEqual(expected);
  });

  test.prop([fc.string(), fc.array(fc.uint8Array({ maxLength: 55 }), { minLength: 1, maxLength: 1024 })], {
    numRuns: 30,
  })(
    "the module's batch conversion (writeTickets) writes each lane's ticket as the JavaScript conversion does",
    (seed, ids) => {
      const mid = simd.midstate(sha256Hex(seed));
      const batch = new simd.Batch(mid);
      for (const bytes of ids) expect(batch.addBytes(bytes, 0, bytes.length)).toBe(true);
      batch.run(1e6);
      expect(batch.writeTickets()).toBe(true);
      const words = new Int32Array(8);
      ids.forEach((_, lane) => {
        batch.digest(lane, words);
        const start = simd.TICKETS_AT + simd.TICKET_ROOM * lane;
        const text = batch.texts.toString('latin1', start, start + batch.lengths[lane]!);
        expect(text).toBe(scalar.ticket(words));
      });
      expect(new scalar.Batch(mid).writeTickets()).toBe(false);
    },
  );

  test.prop([fc.string(), fc.string({ unit: 'binary', maxLength: 80 })])(
    'single ids hash alike on the scalar WebAssembly export and on the JavaScript compression',
    (seed, id) => {
      const mid = simd.midstate(sha256Hex(seed));
      const a = new Int32Array(8);
      const b = new Int32Array(8);
      simd.hashId(mid, id, a);
      scalar.hashId(mid, id, b);
      expect(simd.hex(a)).toBe(scalar.hex(b));
      expect(simd.ticket(a)).toBe(scalar.ticket(b));
    },
  );
});
