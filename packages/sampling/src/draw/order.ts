import { describeValue } from '@jianguan/core';
import { SamplingInputError } from '../errors.js';
/**
 * Compares two strings by Unicode code point, i.e. by their UTF-8 bytes — the order of `LC_ALL=C sort`
 * and of Python's `str` comparison. (JavaScript's `<` compares UTF-16 code units, which differs for
 * characters above U+FFFF versus U+E000–U+FFFF.)
 *
 * @example
 * ['b', 'a', '😊', '\uFF01'].sort(compareCodePoints); // ['a', 'b', '\uFF01', '😊']
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  if (typeof a !== 'string' || typeof b !== 'string') notStrings(a, b);
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      if (x < 0xd800 && y < 0xd800) return x - y;
      return fix(x) - fix(y);
    }
  }
  return a.length - b.length;
}

function fix(c: number): number {
  if (c >= 0xe000) return c - 0x800;
  if (c >= 0xd800) return c + 0x2000;
  return c;
}

function notStrings(a: unknown, b: unknown): never {
  const [path, value] = typeof a !== 'string' ? (['a', a] as const) : (['b', b] as const);
  throw new SamplingInputError(
    'invalid_input',
    {
      zh: `${path} 应为字符串，实际为 ${describeValue(value)}`,
      en: `${path} must be a string, not ${describeValue(value)}`,
    },
    { path: [path] },
  );
}
