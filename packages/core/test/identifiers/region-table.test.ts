import { describe, expect, it } from 'vitest';
import { regionCode, residentId, uscc } from '../../src/index.js';

/**
 * The shipped GB/T 2260 table against its sources (see the header of src/identifiers/data/gb2260.ts):
 * the 民政部 list as of 2024-12-31 (via GitHub yescallop/areacodes data/2024.txt: 34 provinces, 333 prefectures,
 * 2,846 county-level units), the 2025-11-06 重庆 change, the summary codes and five statistical units; former
 * codes from the 民政部 lists 1981–2024 and python-stdnum's loc.dat.
 */

const SUMMARY = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const STATISTICAL_UNITS = ['232761', '232762', '232763', '232764', '632857'];

describe('GB/T 2260 table — completeness against the 民政部 list', () => {
  const entries = regionCode.entries();
  const provinces = entries.filter((r) => r.code.endsWith('0000'));
  const prefectures = entries.filter((r) => !r.code.endsWith('0000') && r.code.endsWith('00'));
  const counties = entries.filter((r) => !r.code.endsWith('00'));

  it('has the 34 provinces and the 333 prefectures of the 2024 list', () => {
    expect(provinces).toHaveLength(34);
    expect(prefectures.filter((r) => !SUMMARY.has(r.name))).toHaveLength(333);
    // The summary codes: 110100 120100 310100 500100 500200 419000 429000 469000 659000.
    expect(prefectures.filter((r) => SUMMARY.has(r.name)).map((r) => r.code)).toEqual([
      '110100',
      '120100',
      '310100',
      '419000',
      '429000',
      '469000',
      '500100',
      '500200',
      '659000',
    ]);
  });

  it('has 2,846 − 2 + 1 county-level units (2024 list, then 重庆 2025) plus the 5 statistical units', () => {
    const official = counties.filter((r) => !STATISTICAL_UNITS.includes(r.code));
    expect(official).toHaveLength(2846 - 2 + 1);
    expect(counties.filter((r) => STATISTICAL_UNITS.includes(r.code)).map((r) => r.name)).toEqual([
      '加格达奇区',
      '松岭区',
      '新林区',
      '呼中区',
      '大柴旦行政委员会',
    ]);
    expect(entries).toHaveLength(34 + 333 + 9 + 2845 + 5);
  });

  it('knows every former code it was generated with', () => {
    // 3,239 codes of the 民政部 lists 1981–2024 no longer in force, 438 more from loc.dat, 11 from the older loc.dat.
    expect(regionCode.formerEntries()).toHaveLength(3239 + 438 + 11);
    const current = new Set(entries.map((r) => r.code));
    for (const f of regionCode.formerEntries()) expect(current.has(f.code), f.code).toBe(false);
  });

  it('is versioned 2025 and names its sources', () => {
    expect(regionCode.REGION_TABLE_VERSION).toBe('2025');
    expect(regionCode.REGION_TABLE_SOURCE).toContain('民政部');
    expect(regionCode.REGION_TABLE_SOURCE).toContain('yescallop/areacodes');
    expect(regionCode.REGION_TABLE_SOURCE).toContain('loc.dat');
  });
});

describe('GB/T 2260 table — the 2020–2025 changes', () => {
  it.each([
    ['653228', '和康县', '和田地区', '2024-12-27 新疆维吾尔自治区人民政府公告'],
    ['653229', '和安县', '和田地区', '2024-12-27 新疆维吾尔自治区人民政府公告'],
    ['460302', '西沙区', '三沙市', '2020 (民政部 list of 2020)'],
    ['460303', '南沙区', '三沙市', '2020 (民政部 list of 2020)'],
    ['500157', '两江新区', '市辖区', '2025-11-06 重庆市'],
  ])('%s %s (%s) is a current code — %s', (code, name, prefecture) => {
    expect(regionCode.lookup(code)).toMatchObject({
      status: 'known',
      name,
      prefecture: { name: prefecture },
    });
    expect(regionCode.check(code).warnings).toEqual([]);
  });

  it.each([
    ['500105', '江北区'], // abolished 2025-11-06 (两江新区)
    ['500112', '渝北区'], // idem
    ['460321', '西沙群岛'], // 2020 → 460302 西沙区
    ['120224', '宝坻县'], // 2001 → 120115 宝坻区
    ['412700', '周口地区'], // 2000 → 411600 周口市
    ['412723', '商水县'], // 2000 → 411623
    ['330103', '下城区'], // 2021 → 330105 拱墅区
    ['110200', '县'], // 北京 counties' summary code, until 2015
    ['130101', '市辖区'], // a GB/T 2260 summary code the 民政部 lists no longer carry
  ])('former code %s %s: former_region, not unknown_region', (code, name) => {
    expect(regionCode.lookup(code)).toMatchObject({ status: 'former', name });
    expect(regionCode.check(code).warnings.map((w) => w.code)).toEqual(['former_region']);
    expect(regionCode.check(code).warnings[0]?.details).toMatchObject({ region: code, formerName: name });
  });

  it('a code never used stays unknown_region', () => {
    expect(regionCode.check('500199').warnings.map((w) => w.code)).toEqual(['unknown_region']);
    expect(regionCode.lookup('653299')?.status).toBe('unknown');
  });
});

describe('numbers issued under a former region code keep it', () => {
  it('a USCC registered in 江北区 before 2025 has no region warning', () => {
    const body = '91500105799655058';
    const code = body + uscc.calcCheckDigit(body);
    expect(uscc.check(code)).toMatchObject({ valid: true, warnings: [] });
    expect(uscc.decode(code).region).toMatchObject({ status: 'former', name: '江北区' });
  });

  it('a USCC with the region part 120224 (宝坻县, until 2001) is accepted without warning', () => {
    // python-stdnum tests/test_cn_uscc.doctest, "found online" list.
    expect(uscc.check('91120224064012553U')).toMatchObject({ valid: true, warnings: [] });
  });

  it('a resident ID with the address code 412723 (商水县 of 周口地区, until 2000) is accepted without warning', () => {
    // python-stdnum tests/test_cn_ric.doctest.
    expect(residentId.check('412723199010050012')).toMatchObject({ valid: true, warnings: [] });
  });
});
