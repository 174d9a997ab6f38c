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

  it('unknown codes are warnings; every county is covered', () => {
    expect(regionCode.check('330199')).toMatchObject({ valid: true, warnings: [{ code: 'unknown_region' }] });
    expect(regionCode.lookup('320505')).toMatchObject({ status: 'known', name: '虎丘区' }); // 苏州市虎丘区
    expect(regionCode.check('320505').warnings).toEqual([]);
    expect(regionCode.lookup('320599')?.status).toBe('unknown'); // no 'not_covered' any more
  });

  it.each([
    ['110118', '密云区', '北京市', '市辖区'],
    ['130109', '藁城区', '河北省', '石家庄市'],
    ['232701', '漠河市', '黑龙江省', '大兴安岭地区'],
    ['410307', '偃师区', '河南省', '洛阳市'],
    ['540102', '城关区', '西藏自治区', '拉萨市'],
    ['659012', '白杨市', '新疆维吾尔自治区', '自治区直辖县级行政区划'],
  ])('current county %s is %s (%s %s)', (code, name, province, prefecture) => {
    expect(regionCode.lookup(code)).toMatchObject({
      status: 'known',
      name,
      province: { name: province },
      prefecture: { name: prefecture },
    });
    expect(regionCode.check(code).warnings).toEqual([]);
  });

  it.each([
    ['110228', '密云县'],
    ['130182', '藁城市'],
    ['110103', '崇文区'],
  ])('former code %s (%s) is reported as former, not unknown', (code, name) => {
    expect(regionCode.lookup(code)).toMatchObject({ status: 'former', name });
    expect(regionCode.check(code).warnings.map((w) => w.code)).toEqual(['former_region']);
    expect(regionCode.formerEntries().some((r) => r.code === code && r.name === name)).toBe(true);
  });

  it('statistical-only units (开发区, county part 71–80) are not GB/T 2260 codes', () => {
    expect(regionCode.lookup('130171')?.status).toBe('unknown'); // 石家庄高新技术产业开发区
    expect(regionCode.entries().filter((r) => /^\d{4}(7\d|80)$/.test(r.code))).toEqual([]);
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
    expect(regionCode.REGION_TABLE_VERSION).toBe('2025');
    const prefectures = regionCode.entries().filter((r) => !r.code.endsWith('0000') && r.code.endsWith('00'));
    expect(prefectures.length).toBeGreaterThanOrEqual(333);
    const counties = regionCode.entries().filter((r) => !r.code.endsWith('00'));
    expect(counties.length).toBeGreaterThanOrEqual(2840); // 民政部: 2,844 county-level divisions (2023)
    for (const c of counties) expect(regionCode.lookup(`${c.code.slice(0, 4)}00`)?.status).toBe('known');
  });
});
