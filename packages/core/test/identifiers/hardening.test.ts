import { describe, expect, it } from 'vitest';
import { isJianguanError, orgCode, regionCode, residentId, uscc } from '../../src/index.js';

const VALID_USCC = '91330100799655058B';

describe('identifier normalisation maps only the documented characters', () => {
  it('rejects non-ASCII letters that toUpperCase maps into the code alphabet', () => {
    // 'ı' (U+0131) upper-cases to 'I', 'ﬀ' (U+FB00) to 'FF', 'ſ' (U+017F) to 'S'.
    expect('ı'.toUpperCase()).toBe('I');
    expect('ﬀ'.toUpperCase()).toBe('FF');
    const usccBody = '91350100MA2YFF8Q0';
    const usccFF = usccBody + uscc.calcCheckDigit(usccBody);
    expect(uscc.isValid(usccFF)).toBe(true);
    const usccLigature = usccFF.replace('FF', 'ﬀ');
    expect(uscc.isValid(usccLigature)).toBe(false);
    expect(uscc.check(usccLigature).valid).toBe(false);
    expect(() => uscc.validate(usccLigature)).toThrow(
      expect.objectContaining({ name: 'InvalidLengthError' }),
    );
    const orgBody = 'MA2GFWIK';
    const orgI = orgBody + orgCode.calcCheckDigit(orgBody);
    expect(orgCode.isValid(orgI)).toBe(true);
    const orgDotless = orgI.replace('I', 'ı');
    expect(orgCode.isValid(orgDotless)).toBe(false);
    expect(() => orgCode.validate(orgDotless)).toThrow(expect.objectContaining({ code: 'invalid_format' }));
    expect(orgCode.isValid(orgI.replace('I', 'i'))).toBe(true); // ASCII lower case is documented
    expect(orgCode.isValid(orgI.replace('I', 'ｉ'))).toBe(true); // so is full width
    for (const [mod, valid] of [
      [uscc, VALID_USCC],
      [orgCode, '79965505-8'],
      [residentId, '34052419800101001X'],
      [regionCode, '330106'],
    ] as const) {
      expect(mod.isValid(valid)).toBe(true);
      // Replace one ASCII letter or digit by a look-alike outside ASCII: never valid.
      for (const [ascii, other] of [
        ['X', '\u0445'], // Cyrillic х
        ['B', '\u0392'], // Greek capital beta
        ['8', '\u0668'], // Arabic-Indic eight
        ['1', '\u0661'],
        ['0', '\u06F0'],
      ] as const) {
        if (!valid.includes(ascii)) continue;
        const mutated = valid.replace(ascii, other);
        expect(mod.isValid(mutated)).toBe(false);
        expect(mod.check(mutated).valid).toBe(false);
        expect(() => mod.validate(mutated)).toThrow(expect.objectContaining({ code: 'invalid_format' }));
      }
    }
    expect(residentId.isValid('34052419800101001ı')).toBe(false);
  });

  it('still maps full-width forms, labels and separators', () => {
    expect(uscc.validate('统一社会信用代码：９１３３ ０１００-７９９６５５０５８ｂ')).toBe(VALID_USCC);
    expect(residentId.validate('身份证号: 340524 19800101 001x')).toBe('34052419800101001X');
    expect(orgCode.validate('７９９６５５０５－８')).toBe('799655058');
    expect(regionCode.validate('区划代码：３３０１０６')).toBe('330106');
  });
});

describe('options from untyped callers', () => {
  const junk: unknown[] = [
    null,
    5,
    'x',
    [],
    { checksumPolicy: 'oops' },
    { allowList: 5 },
    { allowList: [null] },
  ];

  it('isValid and check never throw on junk options; validate throws only typed errors', () => {
    for (const options of junk) {
      expect(() => uscc.isValid(VALID_USCC, options as never)).not.toThrow();
      const result = uscc.check(VALID_USCC, options as never);
      expect(typeof result.valid).toBe('boolean');
      try {
        uscc.validate(VALID_USCC, options as never);
      } catch (error) {
        expect(isJianguanError(error)).toBe(true);
        expect((error as { path: unknown[] }).path[0]).toBe('options');
      }
    }
    // null means the defaults.
    expect(uscc.isValid(VALID_USCC, null as never)).toBe(true);
    expect(residentId.isValid('34052419800101001X', null as never)).toBe(true);
    // A bad option is reported, never ignored.
    expect(uscc.check(VALID_USCC, { allowList: 5 } as never).valid).toBe(false);
    expect(residentId.check('34052419800101001X', { asOf: 'yesterday' } as never).valid).toBe(false);
    expect(residentId.isValid('34052419800101001X', { allowLegacy: 'yes' } as never)).toBe(false);
    expect(() => residentId.decode('34052419800101001X', 7 as never)).toThrow(
      expect.objectContaining({ name: 'InvalidFormatError', path: ['options'] }),
    );
  });
});
