import { isDeepStrictEqual } from 'node:util';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  diffValues,
  diffVersionedEntries,
  isWordingChange,
  suggestSemverBump,
  type VersionedValueChange,
} from '../../src/index.js';

describe('diffValues', () => {
  it('reports leaf changes by path, object keys sorted, equal-length arrays by index', () => {
    expect(diffValues({ b: [1, 2], a: 1 }, { a: 2, b: [1, 3] }, ['x'])).toEqual([
      { path: ['x', 'a'], before: 1, after: 2 },
      { path: ['x', 'b', 1], before: 2, after: 3 },
    ]);
  });

  it.each<[unknown, unknown, VersionedValueChange[]]>([
    [[1, 2], [1, 2, 3], [{ path: [], before: [1, 2], after: [1, 2, 3] }]],
    [{ a: 1 }, { a: 1, b: 2 }, [{ path: ['b'], before: undefined, after: 2 }]],
    [{ a: 1 }, [1], [{ path: [], before: { a: 1 }, after: [1] }]],
    [Number.NaN, Number.NaN, []],
    [0, -0, [{ path: [], before: 0, after: -0 }]],
    [null, { a: 1 }, [{ path: [], before: null, after: { a: 1 } }]],
  ])('diffValues(%j, %j)', (a, b, expected) => {
    expect(diffValues(a, b)).toEqual(expected);
  });

  it('appends to `out` and returns it; inputs are not mutated', () => {
    const a = { x: [1, { y: 2 }] };
    const b = { x: [1, { y: 3 }] };
    const snapshot = structuredClone([a, b]);
    const out: VersionedValueChange[] = [{ path: ['earlier'], before: 0, after: 1 }];
    expect(diffValues(a, b, ['p'], out)).toBe(out);
    expect(out).toHaveLength(2);
    expect([a, b]).toEqual(snapshot);
  });

  const json = fc.jsonValue();
  test.prop([json])('a value never differs from a deep copy of itself', (v) => {
    expect(diffValues(v, structuredClone(v))).toEqual([]);
  });
  test.prop([json, json])('no changes ⇔ deeply equal', (a, b) => {
    expect(diffValues(a, b).length === 0).toBe(isDeepStrictEqual(a, b));
  });
});

describe('diffVersionedEntries', () => {
  it('the TSDoc example', () => {
    const d = diffVersionedEntries(
      [
        { id: 'a', n: 1 },
        { id: 'b', n: 1 },
      ],
      [
        { id: 'b', n: 2 },
        { id: 'a', n: 1 },
        { id: 'c', n: 1 },
      ],
      { path: 'rules' },
    );
    expect(d).toEqual({
      added: ['c'],
      removed: [],
      changed: [{ id: 'b', changes: [{ path: ['rules', 'b', 'n'], before: 1, after: 2 }] }],
      moved: [
        { id: 'a', from: 0, to: 1 },
        { id: 'b', from: 1, to: 0 },
      ],
    });
  });

  it('removing or adding entries alone moves nothing; custom idOf and compare', () => {
    const d = diffVersionedEntries(
      [{ key: 'x' }, { key: 'gone' }, { key: 'y' }],
      [{ key: 'x' }, { key: 'new' }, { key: 'y' }],
      {
        path: 'items',
        idOf: (e) => e.key,
        compare: (_x, _y, path, out) => {
          out.push({ path: [...path, 'touched'], before: 0, after: 1 });
        },
      },
    );
    expect(d.added).toEqual(['new']);
    expect(d.removed).toEqual(['gone']);
    expect(d.moved).toEqual([]);
    expect(d.changed.map((c) => c.changes[0]?.path)).toEqual([
      ['items', 'x', 'touched'],
      ['items', 'y', 'touched'],
    ]);
  });

  test.prop([
    fc.uniqueArray(fc.string({ maxLength: 3 }), { maxLength: 8 }),
    fc.uniqueArray(fc.string({ maxLength: 3 }), { maxLength: 8 }),
  ])('added/removed are exactly the set differences; identical lists have no diff', (xs, ys) => {
    const d = diffVersionedEntries(
      xs.map((id) => ({ id })),
      ys.map((id) => ({ id })),
      { path: 'p' },
    );
    expect(d.added).toEqual(ys.filter((y) => !xs.includes(y)));
    expect(d.removed).toEqual(xs.filter((x) => !ys.includes(x)));
    expect(d.changed).toEqual([]);
    const same = diffVersionedEntries(
      xs.map((id) => ({ id })),
      xs.map((id) => ({ id })),
      { path: 'p' },
    );
    expect(same).toEqual({ added: [], removed: [], changed: [], moved: [] });
  });
});

describe('isWordingChange and suggestSemverBump', () => {
  it('wording = some string path element is a wording key', () => {
    const keys = new Set(['name', 'source']);
    expect(isWordingChange({ path: ['rules', 'r1', 'source'], before: 'a', after: 'b' }, keys)).toBe(true);
    expect(isWordingChange({ path: ['rules', 'r1', 'when', 0], before: 1, after: 2 }, keys)).toBe(false);
  });

  it.each([
    [{ major: true, minor: true, patch: true }, 'major'],
    [{ major: false, minor: true, patch: true }, 'minor'],
    [{ minor: false, patch: true }, 'patch'],
    [{ patch: false }, 'none'],
    [{}, 'none'],
  ] as const)('suggestSemverBump(%j) = %s', (levels, bump) => {
    expect(suggestSemverBump(levels)).toBe(bump);
  });
});
