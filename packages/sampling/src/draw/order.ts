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
