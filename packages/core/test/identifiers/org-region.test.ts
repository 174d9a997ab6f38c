import { describe, expect, it } from 'vitest';
import { InvalidComponentError, InvalidLengthError, orgCode, regionCode } from '../../src/index.js';

describe('orgCode', () => {
  it('validates, formats and computes the check', () => {
    expect(orgCode.validate('79965505-8')).toBe('799655058');
    expect(orgCode.format('799655058')).toBe('79965505-8');
    expect(orgCode.calcCheckDigit('71526726')).toBe('X');
    expect(orgCode.calcCheckDigit('79965505')).toBe('8');
    expect(orgCode.isValid('组织机构代码：７１５２６７２６－ｘ')).toBe(true);
  });

  it('maps remainder 11 to 0', () => {
    // find a body whose check is 0 by search, and verify the rule independently
    const body = [...Array(200).keys()]
      .map((n) => String(10000000 + n))
      .find((b) => orgCode.calcCheckDigit(b) === '0')!;
    const weights = [3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...body].reduce((s, c, i) => s + Number(c) * weights[i]!, 0);
    expect(sum % 11).toBe(0);
    expect(orgCode.isValid(`${body}0`)).toBe(true);
  });
});

describe('regionCode', () => {
  it('knows levels and names', () => {
    expect(regionCode.level('330000')).toBe('province');
    expect(regionCode.level('330100')).toBe('prefecture');
    expect(regionCode.level('330106')).toBe('county');
    const info = regionCode.lookup('440305');
    expect(info).toMatchObject({
      name: '南山区',
      status: 'known',
      province: { code: '440000', name: '广东省' },
      prefecture: { code: '440300', name: '深圳市' },
    });
  });

  it('unknown codes are warnings; counties outside the covered prefectures are not_covered', () => {
    expect(regionCode.check('330199')).toMatchObject({ valid: true, warnings: [{ code: 'unknown_region' }] });
    expect(regionCode.lookup('320505')?.status).toBe('not_covered'); // 苏州市虎丘区: Suzhou counties not listed
    expect(regionCode.check('320505').warnings).toEqual([]);
  });

  it('structure errors are errors', () => {
    expect(() => regionCode.validate('990000')).toThrow(InvalidComponentError);
    expect(() => regionCode.validate('1101')).toThrow(InvalidLengthError);
    expect(regionCode.lookup('990000')).toBeUndefined();
  });

  it('parses 9- and 12-digit codes', () => {
    expect(regionCode.parse('330213000000')).toEqual({
      code: '330213',
      township: '000',
      village: '000',
      townshipType: 'subdistrict',
    });
    expect(regionCode.parse('130821106')).toMatchObject({
      code: '130821',
      township: '106',
      townshipType: 'town',
    });
    expect(() => regionCode.parse('1308211')).toThrow(InvalidLengthError);
  });

  it('the table has every province and is versioned', () => {
    const provinces = regionCode.entries().filter((r) => r.code.endsWith('0000'));
    expect(provinces.map((p) => p.code.slice(0, 2))).toEqual([...regionCode.PROVINCE_PREFIXES]);
    expect(regionCode.REGION_TABLE_VERSION).toBe('2023');
    const prefectures = regionCode.entries().filter((r) => !r.code.endsWith('0000') && r.code.endsWith('00'));
    expect(prefectures.length).toBeGreaterThanOrEqual(333);
  });
});
