import { badInput, requireString } from '../boundary.js';

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Reads a number written in Chinese numerals (中文数字) or Arabic digits, as article numbers are written:
 * `一百一十` → 110, `二十九` → 29, `十五` → 15, `一〇二` → 102, `110` → 110. Returns `undefined` for
 * anything else (also for 万 and above: no article number is that large).
 *
 * @example
 * parseChineseNumber('一百二十三'); // 123
 * parseChineseNumber('第'); // undefined
 */
export function parseChineseNumber(text: string): number | undefined {
  requireString(text, ['text']);
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let digit: number | undefined;
  let sawUnit = false;
  const chars = [...text];
  // Digits only ("一〇二"): positional.
  if (chars.every((c) => DIGITS[c] !== undefined) && chars.length > 1) {
    return Number(chars.map((c) => DIGITS[c]).join(''));
  }
  for (const c of chars) {
    const d = DIGITS[c];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const u = UNITS[c];
    if (u === undefined) return undefined;
    sawUnit = true;
    total += (digit ?? 1) * u;
    digit = undefined;
  }
  if (digit !== undefined) total += digit;
  return sawUnit || chars.length === 1 ? total : undefined;
}

/**
 * Writes a positive integer below 10 000 in Chinese numerals the way laws number their articles
 * (`110` → `一百一十`, `15` → `十五`, `105` → `一百零五`).
 *
 * @example
 * formatChineseNumber(129); // '一百二十九'
 */
export function formatChineseNumber(n: number): string {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n >= 10000)
    badInput('invalid_input', ['n'], { en: 'an integer in [0, 9999]', zh: '0–9999 的整数' }, n);
  if (n === 0) return '零';
  const names = '零一二三四五六七八九';
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      if (out !== '') zero = true;
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += names[d]! + units[i]!;
  });
  return n >= 10 && n < 20 ? out.slice(1) : out;
}
