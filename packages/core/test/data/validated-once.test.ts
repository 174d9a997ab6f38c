/**
 * Validate once (`validatedOnce`) and its helpers: a deeply frozen value is validated once and trusted by
 * identity; any other object is validated into a frozen copy and compared with it on every call, so an in-place
 * edit (top level or nested) is always seen and never answered from the old copy.
 */
import { isDeepStrictEqual } from 'node:util';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  deepFreeze,
  InvalidOptionsError,
  isDeeplyFrozenData,
  isRecord,
  sameData,
  validatedOnce,
} from '../../src/index.js';

const RUNS = process.env.CI ? 300 : 60;

// biome-ignore lint/suspicious/noExplicitAny: the tests edit untyped data on purpose
type Loose = Record<string, any>;

describe('deepFreeze', () => {
  it('freezes the value and every object reachable from it, and returns it', () => {
    const value = { a: [1, { b: 2 }], c: { d: { e: [] } } };
    expect(deepFreeze(value)).toBe(value);
    for (const o of [value, value.a, value.a[1], value.c, value.c.d, value.c.d.e])
      expect(Object.isFrozen(o)).toBe(true);
    expect(isDeeplyFrozenData(value)).toBe(true);
  });

  it('returns primitives as they are', () => {
    for (const v of [undefined, null, 0, 'x', true, 1n]) expect(deepFreeze(v)).toBe(v);
  });

  it('takes an already frozen object as done (a fresh tree is what it is for)', () => {
    const inner = { x: 1 };
    deepFreeze(Object.freeze({ inner }));
    expect(Object.isFrozen(inner)).toBe(false);
  });
});

describe('isDeeplyFrozenData', () => {
  it('accepts deeply frozen plain objects and arrays (null prototype and cycles too)', () => {
    expect(isDeeplyFrozenData(deepFreeze({ a: [1, { b: 'x' }], n: null }))).toBe(true);
    expect(isDeeplyFrozenData(deepFreeze(Object.assign(Object.create(null), { a: 1 })))).toBe(true);
    const cyclic: Loose = { name: 'loop' };
    cyclic.self = cyclic;
    expect(isDeeplyFrozenData(deepFreeze(cyclic))).toBe(true);
    for (const v of [undefined, null, 0, 'x', false, 1n]) expect(isDeeplyFrozenData(v)).toBe(true);
  });

  it('rejects anything that could still change or answer differently', () => {
    expect(isDeeplyFrozenData({ a: 1 })).toBe(false);
    expect(isDeeplyFrozenData(Object.freeze({ a: [1] }))).toBe(false);
    expect(isDeeplyFrozenData(deepFreeze([1, [2, [3, { x: {} }]]]))).toBe(true);
    const nested = deepFreeze({ a: [1, { b: 2 }] });
    expect(isDeeplyFrozenData(Object.freeze({ ...nested, c: { d: 1 } }))).toBe(false);
    // Functions, class instances, maps, arrays with another prototype.
    expect(isDeeplyFrozenData(() => 1)).toBe(false);
    expect(isDeeplyFrozenData(deepFreeze({ f: () => 1 }))).toBe(false);
    expect(isDeeplyFrozenData(Object.freeze(new (class {})()))).toBe(false);
    expect(isDeeplyFrozenData(Object.freeze(new Map()))).toBe(false);
    expect(isDeeplyFrozenData(Object.freeze(Object.setPrototypeOf([], Object.prototype)))).toBe(false);
    // An accessor may answer differently each time.
    let n = 0;
    const getter = Object.freeze(Object.defineProperty({}, 'n', { get: () => n++, enumerable: true }));
    expect(isDeeplyFrozenData(getter)).toBe(false);
    // Non-enumerable and symbol-keyed properties are looked at too.
    const hidden = Object.freeze(Object.defineProperty({}, 'h', { value: { x: 1 }, enumerable: false }));
    expect(isDeeplyFrozenData(hidden)).toBe(false);
    expect(isDeeplyFrozenData(Object.freeze({ [Symbol('s')]: { x: 1 } }))).toBe(false);
  });
});

describe('sameData (the per-call comparison of a mutable object with its validated copy)', () => {
  const json = fc.jsonValue({ maxDepth: 4 });
  test.prop([json, json], { numRuns: RUNS * 5 })('agrees with a deep strict equality on JSON data', (a, b) => {
    const copy = deepFreeze(structuredClone(b));
    expect(sameData(a, copy)).toBe(isDeepStrictEqual(a, b));
    expect(sameData(structuredClone(b), copy)).toBe(true);
  });

  it('sees an undefined-valued key, an extra key and a non-plain object as different', () => {
    const copy = deepFreeze({ a: 1, b: [1, { c: 'x' }] });
    expect(sameData({ a: 1, b: [1, { c: 'x' }] }, copy)).toBe(true);
    expect(sameData({ b: [1, { c: 'x' }], a: 1 }, copy)).toBe(true);
    expect(sameData({ a: 1, b: [1, { c: 'x', d: undefined }] }, copy)).toBe(false);
    expect(sameData({ a: 1, b: [1, { c: 'x' }], e: 0 }, copy)).toBe(false);
    expect(sameData({ a: 1, b: [1, Object.assign(new (class {})(), { c: 'x' })] }, copy)).toBe(false);
    expect(sameData({ a: 1, b: { 0: 1, 1: { c: 'x' }, length: 2 } }, copy)).toBe(false);
    expect(sameData({ a: 1, b: [1, { c: 'x' }, 2] }, copy)).toBe(false);
    expect(sameData(deepFreeze({ u: undefined }), deepFreeze({ v: undefined }))).toBe(false);
  });

  it('compares leaves with === except that NaN equals NaN', () => {
    expect(sameData({ x: Number.NaN }, deepFreeze({ x: Number.NaN }))).toBe(true);
    expect(sameData({ x: -0 }, deepFreeze({ x: 0 }))).toBe(true);
    expect(sameData({ x: '1' }, deepFreeze({ x: 1 }))).toBe(false);
  });
});

/** A validator of `{ points, items: [{ id, weight }] }` that counts its calls and returns a fresh tree. */
function counted(): { calls: () => number; parse: (value: unknown, path?: string) => Loose } {
  let calls = 0;
  return {
    calls: () => calls,
    parse: (value, path = 'set') => {
      calls++;
      if (
        !isRecord(value) ||
        typeof value.points !== 'number' ||
        !Array.isArray(value.items) ||
        !value.items.every((i) => isRecord(i) && typeof i.id === 'string' && typeof i.weight === 'number')
      )
        throw new InvalidOptionsError(path, { en: 'a set', zh: '集合' }, value);
      return {
        points: value.points,
        items: (value.items as Loose[]).map((i) => ({ id: i.id, weight: i.weight })),
      };
    },
  };
}

describe('validatedOnce', () => {
  it('validates an unchanged mutable object once and returns the same frozen copy', () => {
    const { calls, parse } = counted();
    const valid = validatedOnce(parse);
    const set = { points: 10, items: [{ id: 'a', weight: 1 }] };
    const first = valid(set);
    expect(first).not.toBe(set);
    expect(first).toEqual(set);
    expect(isDeeplyFrozenData(first)).toBe(true);
    expect(Object.isFrozen(set) || Object.isFrozen(set.items)).toBe(false);
    expect(valid(set)).toBe(first);
    expect(calls()).toBe(1);
  });

  it('sees an in-place edit, at the top level and nested, and never answers from the old copy', () => {
    const { calls, parse } = counted();
    const valid = validatedOnce(parse);
    const set: Loose = { points: 10, items: [{ id: 'a', weight: 1 }] };
    const first = valid(set);
    set.points = 20;
    expect(valid(set)).toEqual({ points: 20, items: [{ id: 'a', weight: 1 }] });
    set.items[0].weight = 5;
    expect(valid(set).items[0].weight).toBe(5);
    set.items.push({ id: 'b', weight: 2 });
    expect(valid(set).items).toHaveLength(2);
    expect(first).toEqual({ points: 10, items: [{ id: 'a', weight: 1 }] }); // the old copy is untouched
    expect(calls()).toBe(4);
    // Into junk: the validation error, every time.
    set.items[1].weight = 'heavy';
    expect(() => valid(set)).toThrow(InvalidOptionsError);
    expect(() => valid(set)).toThrow(InvalidOptionsError);
    // And back.
    set.items[1].weight = 2;
    expect(valid(set).items[1]).toEqual({ id: 'b', weight: 2 });
  });

  it('trusts a deeply frozen value by identity after one validation', () => {
    const { calls, parse } = counted();
    const valid = validatedOnce(parse);
    const frozen = deepFreeze({ points: 10, items: [{ id: 'a', weight: 1 }] });
    expect(valid(frozen)).toBe(frozen);
    expect(valid(frozen)).toBe(frozen);
    expect(calls()).toBe(1);
    // Its own results are deeply frozen, so they take the fast path too.
    const copy = valid({ points: 1, items: [] });
    expect(valid(copy)).toBe(copy);
    expect(valid(copy)).toBe(copy);
    expect(calls()).toBe(3);
  });

  it('does not trust a frozen object with an accessor (compares it on every call instead)', () => {
    const { parse } = counted();
    const valid = validatedOnce(parse);
    let items: unknown[] = [];
    const sneaky = Object.freeze(
      Object.defineProperty({ points: 1 }, 'items', { get: () => items, enumerable: true }),
    );
    expect(valid(sneaky).items).toEqual([]);
    items = [{ id: 'a', weight: 1 }];
    expect(valid(sneaky).items).toEqual([{ id: 'a', weight: 1 }]);
  });

  it('passes the extra arguments through (e.g. the path for errors) and parses primitives each call', () => {
    const { calls, parse } = counted();
    const valid = validatedOnce(parse);
    expect(() => valid(null, 'options.set')).toThrow(
      expect.objectContaining({ path: ['options', 'options.set'] }),
    );
    expect(() => valid('x', 'other')).toThrow(expect.objectContaining({ path: ['options', 'other'] }));
    expect(calls()).toBe(2);
    const n = validatedOnce((v: unknown) => ({ n: Number(v) }));
    expect(Object.isFrozen(n(1))).toBe(true);
  });

  it('throws InvalidOptionsError when parse is not a function', () => {
    expect(() => validatedOnce(42 as never)).toThrow(InvalidOptionsError);
  });

  const json = fc.jsonValue({ maxDepth: 3 });
  const doc = fc.dictionary(fc.string({ maxLength: 3 }), json, { maxKeys: 4 });
  test.prop([doc, fc.array(fc.tuple(fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }), json))], {
    numRuns: RUNS,
  })('after any sequence of in-place edits, the answer equals the current content', (start, edits) => {
    const valid = validatedOnce((v: unknown) => structuredClone(v) as Loose);
    const value: Loose = structuredClone(start);
    expect(valid(value)).toEqual(value);
    for (const [path, replacement] of edits) {
      // Walk as far as the path goes through objects, then replace (or add) one key there.
      let parent: Loose = value;
      for (const key of path.slice(0, -1)) {
        const next = parent[key];
        if (next === null || typeof next !== 'object') break;
        parent = next;
      }
      const key = path[path.length - 1] ?? 'k';
      const slot = Array.isArray(parent) ? Math.min(Number.parseInt(key, 10) || 0, parent.length) : key;
      parent[slot] = structuredClone(replacement);
      const got = valid(value);
      expect(isDeepStrictEqual(got, value)).toBe(true);
      expect(isDeeplyFrozenData(got)).toBe(true);
    }
  });
});
