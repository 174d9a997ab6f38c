import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/index.js';

describe('canonicalJson (规范化 JSON)', () => {
  it.each<[unknown, string]>([
    [{ b: 1, a: [true, null, { d: 1, c: 0 }] }, '{"a":[true,null,{"c":0,"d":1}],"b":1}'],
    [{ a: undefined, b: [undefined, 1] }, '{"b":[null,1]}'],
    [[Number.NaN, Number.POSITIVE_INFINITY, -0], '[null,null,0]'],
    [undefined, 'null'],
    ['文本', '"文本"'],
    [{ é: 1, e: 2, Z: 3 }, '{"Z":3,"e":2,"é":1}'],
  ])('canonicalJson(%j) = %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  test.prop([fc.jsonValue()])('parses back to an equal value; key order never matters', (v) => {
    const text = canonicalJson(v);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
    const reversed = JSON.parse(JSON.stringify(v), (_k, x) =>
      x !== null && typeof x === 'object' && !Array.isArray(x)
        ? Object.fromEntries(Object.entries(x).reverse())
        : x,
    );
    expect(canonicalJson(reversed)).toBe(text);
  });
});
