import { describe, expect, it } from 'vitest';
import { InvalidComponentError, InvalidLengthError, residentId } from '../../src/index.js';

describe('residentId', () => {
  it('done-when: 34052419800101001X is valid', () => {
    expect(residentId.isValid('34052419800101001X')).toBe(true);
    expect(residentId.isValid('34052419800101001x')).toBe(true);
    expect(residentId.isValid('身份证号：３４０５２４１９８００１０１００１ｘ')).toBe(true);
  });

  it('computes the check character and converts 15 → 18', () => {
    expect(residentId.calcCheckDigit('34052419800101001')).toBe('X');
    expect(residentId.to18('340524800101001')).toBe('34052419800101001X');
    expect(residentId.to18('34052419800101001X')).toBe('34052419800101001X');
    expect(() => residentId.to18('3405248001010')).toThrow(InvalidLengthError);
  });

  it('rejects impossible and future birth dates', () => {
    const body = '11010120000229001'; // 2000-02-29 exists (leap year)
    expect(residentId.isValid(body + residentId.calcCheckDigit(body))).toBe(true);
    const body2 = '11010119000229001'; // 1900 is not a leap year
    expect(() => residentId.validate(body2 + residentId.calcCheckDigit(body2))).toThrow(
      InvalidComponentError,
    );
    const future = '11010120990101001';
    const id = future + residentId.calcCheckDigit(future);
    expect(residentId.check(id).errors[0]?.code).toBe('invalid_component');
    expect(residentId.isValid(id, { asOf: '2100-01-01' })).toBe(true);
  });

  it('decodes sex from the 17th digit', () => {
    const female = '11010119900101002';
    expect(residentId.sex(female + residentId.calcCheckDigit(female))).toBe('female');
    expect(residentId.decode('34052419800101001X')).toMatchObject({
      addressCode: '340524',
      birthDate: '1980-01-01',
      sex: 'male',
      sequence: '001',
      checkDigit: 'X',
      legacy: false,
    });
  });

  it('accepts legacy numbers only when asked, with a warning', () => {
    expect(residentId.isValid('340524800101001')).toBe(false);
    const r = residentId.check('340524800101001', { allowLegacy: true });
    expect(r.valid).toBe(true);
    expect(r.warnings[0]).toMatchObject({ code: 'legacy_15_digit', details: { to18: '34052419800101001X' } });
    expect(residentId.birthDate('340524800101001')).toBe('1980-01-01');
  });

  it('gates residence-permit prefixes 81/82/83 behind an option', () => {
    const body = '83000019900101001';
    const id = body + residentId.calcCheckDigit(body);
    expect(residentId.isValid(id)).toBe(false);
    expect(residentId.isValid(id, { residencePermits: true })).toBe(true);
  });

  it('region() looks the address code up', () => {
    expect(residentId.region('110102199101010078')?.county?.name).toBe('西城区');
  });
});
