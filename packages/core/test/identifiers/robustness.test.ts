import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isJianguanError, orgCode, regionCode, residentId, uscc } from '../../src/index.js';

const modules = { uscc, orgCode, residentId, regionCode } as const;

const junk: unknown[] = [
  null,
  undefined,
  '',
  0,
  1,
  Number.NaN,
  {},
  [],
  ['91330100799655058B'],
  { toString: () => '91330100799655058B' },
  Symbol('x'),
  () => '91330100799655058B',
  10n,
  true,
  '😀',
  '👨‍👩‍👧‍👦'.repeat(6),
  '３²',
  'ⅷ',
  '⑱',
  '٣٤٠٥٢٤١٩٨٠٠١٠١٠٠١X', // Arabic-Indic digits
  '۳۴۰۵۲۴۱۹۸۰۰۱۰۱۰۰۱X', // Extended Arabic-Indic
  '᭓᭔᭐᭕᭒᭔᭑᭙᭘᭐᭐᭑᭐᭑᭐᭐᭑X', // Balinese digits
  '९१३३०१००७९९६५५०५८B', // Devanagari
  '\u0000\u0001\u0002',
  ':',
  '：：：',
  '统一社会信用代码：',
  '-'.repeat(50),
  '9'.repeat(10_000),
  'A'.repeat(100_000),
  '\uD800', // lone surrogate
  '\u200B91330100799655058B\u200B',
];

function throwsOnlyJianguan(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    expect(isJianguanError(error), String(error)).toBe(true);
  }
}

describe.each(Object.entries(modules))('robustness: %s', (_name, mod) => {
  it.each(junk.map((value) => [value]))('junk %#', (value) => {
    expect(() => mod.isValid(value)).not.toThrow();
    expect(mod.isValid(value) === false || typeof value === 'string').toBe(true);
    expect(() => mod.check(value)).not.toThrow();
    throwsOnlyJianguan(() => mod.validate(value));
    throwsOnlyJianguan(() => mod.compact(value));
    throwsOnlyJianguan(() => mod.format(value));
  });

  test.prop([fc.anything()], { numRuns: process.env.CI ? 300 : 60 })(
    'isValid never throws on anything',
    (value) => {
      expect(typeof mod.isValid(value)).toBe('boolean');
      throwsOnlyJianguan(() => mod.validate(value));
    },
  );

  test.prop([fc.string({ unit: 'binary', maxLength: 40 })], { numRuns: process.env.CI ? 300 : 60 })(
    'any Unicode string',
    (value) => {
      expect(typeof mod.isValid(value)).toBe('boolean');
      throwsOnlyJianguan(() => mod.validate(value));
    },
  );
});

describe('Unicode digits other than full-width are not silently accepted', () => {
  it.each(['٣٤٠٥٢٤١٩٨٠٠١٠١٠٠١X', '᭓᭔᭐᭕᭒᭔᭑᭙᭘᭐᭐᭑᭐᭑᭐᭐᭑X'])('%s', (value) => {
    expect(residentId.isValid(value)).toBe(false);
  });
  it('never mutates the input', () => {
    const input = ['９１３３０１００７９９６５５０５８Ｂ'];
    uscc.validate(input[0]);
    expect(input).toEqual(['９１３３０１００７９９６５５０５８Ｂ']);
  });
});
