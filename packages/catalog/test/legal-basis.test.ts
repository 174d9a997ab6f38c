import { fc, test } from '@fast-check/vitest';
import { isJianguanError } from '@jianguan/core';
import { describe, expect, it } from 'vitest';
import { LOCAL, UPPER } from '../bench/labelled-set.js';
import {
  CatalogError,
  citationKeys,
  formatChineseNumber,
  formatCitation,
  LAW_ABBREVIATIONS,
  normaliseLawName,
  normaliseLegalBasis,
  parseChineseNumber,
  parseLegalBasis,
} from '../src/index.js';
import { thrownBy } from './fixtures.js';

const row = (id: string) => [...UPPER, ...LOCAL].find((r) => r.id === id)!.legalBasis;

describe('Chinese numerals', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十五', 15],
    ['二十九', 29],
    ['一百一十', 110],
    ['一百零五', 105],
    ['一〇二', 102],
    ['两千零一', 2001],
    ['110', 110],
  ])('%s → %i', (text, n) => expect(parseChineseNumber(text)).toBe(n));

  it('rejects what is not a numeral', () => {
    expect(parseChineseNumber('第')).toBeUndefined();
    expect(parseChineseNumber('')).toBeUndefined();
  });

  test.prop([fc.integer({ min: 1, max: 9999 })], { numRuns: 200 })(
    'format then parse is the identity',
    (n) => {
      expect(parseChineseNumber(formatChineseNumber(n))).toBe(n);
    },
  );
});

describe('law names', () => {
  it.each([
    ['《中华人民共和国食品安全法》', '食品安全法'],
    ['中华人民共和国食品安全法（2021年修正）', '食品安全法'],
    ['《食品安全法(2018年修订)》', '食品安全法'],
    ['食安法', '食品安全法'],
    ['《食安法实施条例》', '食品安全法实施条例'],
    ['《中华人民共和国烟草专卖法实施条例》', '烟草专卖法实施条例'],
    ['依据《固废法》', '固体废物污染环境防治法'],
    ['《民用爆炸物品安全管理条例》(2006年5月国务院令第466号,2014年7月修正)', '民用爆炸物品安全管理条例'],
    ['《农村土地承包经营纠纷调解仲裁法（试行）》', '农村土地承包经营纠纷调解仲裁法(试行)'],
  ])('%s → %s', (text, name) => expect(normaliseLawName(text)).toBe(name));

  it('takes extra abbreviations', () => {
    expect(normaliseLawName('特种设备法', { abbreviations: { 特种设备法: '特种设备安全法' } })).toBe(
      '特种设备安全法',
    );
  });

  it('no abbreviation expands to another abbreviation (normalising twice changes nothing)', () => {
    for (const full of Object.values(LAW_ABBREVIATIONS)) expect(LAW_ABBREVIATIONS[full]).toBeUndefined();
  });
});

describe('parseLegalBasis on published strings (sources in bench/labelled-set.ts)', () => {
  it('several laws on separate lines, 第X条第X款, 、 lists (重庆荣昌 2021)', () => {
    const keys = citationKeys(row('L01'));
    expect(keys.slice(0, 3)).toEqual([
      '企业法人登记管理条例#29.1',
      '公司登记管理条例#71',
      '公司登记管理条例#72',
    ]);
    expect(keys).toContain('外国企业常驻代表机构登记管理条例#36.3');
    expect(keys.at(-1)).toBe('电子商务法#15');
    expect(keys).toHaveLength(19);
  });

  it('an article without 第 after 、 (第二十六条、二十七条)', () => {
    expect(citationKeys(row('L02')).slice(0, 2)).toEqual([
      '企业名称登记管理规定#26',
      '企业名称登记管理规定#27',
    ]);
  });

  it('第十三、五十二、…条: several numbers sharing one 条 (孝感 2024)', () => {
    expect(citationKeys(row('U06'))).toEqual([
      ...[13, 52, 53, 55, 57, 58, 59, 62, 64].map((a) => `固体废物污染环境防治法#${a}`),
      ...[5, 18, 20, 21].map((a) => `危险废物经营许可证管理办法#${a}`),
    ]);
  });

  it('a revision note holding a decree number, and 【法律】 tags (莱阳 2023, 龙岩 2025)', () => {
    const parsed = parseLegalBasis(row('U09'));
    expect(parsed.citations.map((c) => c.key)).toEqual([
      '民用爆炸物品安全管理条例#4',
      '山东省安全生产行政责任制规定#10',
    ]);
    expect(parsed.citations[0]?.revision).toBe('2006年5月国务院令第466号,2014年7月修正');
    expect(citationKeys(row('U03'))).toEqual(['安全生产法#62.2']);
  });

  it('第X条第X项 and 第X条第X款第X项 (龙马潭)', () => {
    expect(citationKeys(row('U11'))).toEqual(['检验检测机构监督管理办法#20(1)']);
    expect(citationKeys(row('L05'))).toEqual([
      '网络交易管理办法#35.1(1)',
      '网络购买商品七日无理由退货暂行办法#26',
    ]);
  });

  it('law names only, short names, 、-separated (泉州 2020)', () => {
    expect(citationKeys(row('L06'))).toEqual(['食品安全法', '食品生产经营日常监督检查管理办法']);
    expect(citationKeys(row('L08'))).toEqual(['商标法', '商标法实施条例']);
  });

  it('no law at all yields nothing, and nothing is invented (朝阳 2021)', () => {
    expect(parseLegalBasis(row('L09'))).toEqual({ citations: [], laws: [], unattached: [] });
    expect(citationKeys('有关规定；相关法律法规规定；国家有关规定')).toEqual([]);
  });

  it('abbreviation, Arabic numerals, a range and no 《》', () => {
    expect(citationKeys(row('L12'))).toEqual([
      '固体废物污染环境防治法#13',
      '固体废物污染环境防治法#52',
      '固体废物污染环境防治法#53',
      '危险废物经营许可证管理办法#5',
    ]);
    expect(citationKeys('《烟草专卖许可证管理办法实施细则》第十五条至第十八条')).toHaveLength(4);
  });

  it('第X条之一, 本法, and article references with no law are reported, not dropped', () => {
    expect(citationKeys('《产品质量法》第十五条之一；本法第二十条')).toEqual([
      '产品质量法#15-1',
      '产品质量法#20',
    ]);
    expect(parseLegalBasis('第十条').unattached).toEqual(['第十条']);
  });

  it('paragraph and item lists after an article are kept (款/项 lists and ranges), not dropped', () => {
    expect(citationKeys('《中华人民共和国食品安全法》第一百二十四条第一款第（一）项、第（二）项')).toEqual([
      '食品安全法#124.1(1)',
      '食品安全法#124.1(2)',
    ]);
    expect(citationKeys('《食品安全法》第三十五条第一款、第二款')).toEqual([
      '食品安全法#35.1',
      '食品安全法#35.2',
    ]);
    // The numbers belong to the article just written: they refine it.
    expect(citationKeys('《食品安全法》第一百一十条第一、二款')).toEqual([
      '食品安全法#110.1',
      '食品安全法#110.2',
    ]);
    expect(citationKeys('《食品安全法》第十条第一款第一项至第三项')).toEqual([
      '食品安全法#10.1(1)',
      '食品安全法#10.1(2)',
      '食品安全法#10.1(3)',
    ]);
    expect(citationKeys('《电子商务法》第十七条之一第二款、第三款')).toEqual([
      '电子商务法#17-1.2',
      '电子商务法#17-1.3',
    ]);
    // Canonical text round-trips.
    const text = normaliseLegalBasis('《食品安全法》第一百二十四条第一款第（一）项、第（二）项');
    expect(text).toBe(
      '《食品安全法》第一百二十四条第一款第（一）项；《食品安全法》第一百二十四条第一款第（二）项',
    );
    expect(normaliseLegalBasis(text)).toBe(text);
    // Ranges inside one 条/款/项.
    expect(citationKeys('《食品安全法》第十五至十八条')).toEqual([
      '食品安全法#15',
      '食品安全法#16',
      '食品安全法#17',
      '食品安全法#18',
    ]);
    expect(citationKeys('《食品安全法》第一百一十条第（一）至（三）项')).toEqual([
      '食品安全法#110(1)',
      '食品安全法#110(2)',
      '食品安全法#110(3)',
    ]);
    expect(citationKeys('《食品安全法》第一百一十条第一至三款')).toEqual([
      '食品安全法#110.1',
      '食品安全法#110.2',
      '食品安全法#110.3',
    ]);
    // A paragraph/item reference with no article before it is reported.
    expect(parseLegalBasis('依照前款第（一）项').unattached).toEqual(['第(一)项']);
  });
  it('《X》及其实施条例 names the law and its implementing regulation (not a law called 其实施条例)', () => {
    expect(citationKeys('《中华人民共和国食品安全法》及其实施条例')).toEqual([
      '食品安全法',
      '食品安全法实施条例',
    ]);
    expect(citationKeys('《中华人民共和国药品管理法》（2019年修订）及其实施条例第五条')).toEqual([
      '药品管理法实施条例#5',
      '药品管理法',
    ]);
    // Two items citing different laws' implementing regulations share no law.
    expect(parseLegalBasis('《药品管理法》及其实施条例').laws).toEqual(['药品管理法', '药品管理法实施条例']);
  });

  it('rejects a non-string with a typed error', () => {
    const error = thrownBy(() => parseLegalBasis(42));
    expect(error).toBeInstanceOf(CatalogError);
    expect(isJianguanError(error) && error.code).toBe('invalid_legal_basis');
  });
});

// Property tests: the normaliser's canonical text is a fixed point, and equivalent spellings agree.
const laws = [
  '食品安全法',
  '安全生产法',
  '烟草专卖法',
  '固体废物污染环境防治法',
  '电子商务法',
  '烟草专卖法实施条例',
];
const abbreviated = new Map(Object.entries(LAW_ABBREVIATIONS).map(([short, full]) => [full, short]));

const citationArb = fc.record({
  law: fc.constantFrom(...laws),
  article: fc.integer({ min: 1, max: 300 }),
  paragraph: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
  item: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
});
const spellingArb = fc.record({
  brackets: fc.boolean(),
  prefix: fc.boolean(),
  revision: fc.constantFrom('', '（2021年修正）', '(2018年修订)'),
  arabic: fc.boolean(),
  abbreviate: fc.boolean(),
  fullWidthDigits: fc.boolean(),
});

function spell(
  c: { law: string; article: number; paragraph?: number | undefined; item?: number | undefined },
  s: {
    brackets: boolean;
    prefix: boolean;
    revision: string;
    arabic: boolean;
    abbreviate: boolean;
    fullWidthDigits: boolean;
  },
): string {
  const base = s.abbreviate && abbreviated.has(c.law) ? abbreviated.get(c.law)! : c.law;
  let name = `${s.prefix ? '中华人民共和国' : ''}${base}`;
  name = s.brackets ? `《${name}》${s.revision}` : `${name}${s.revision}`;
  const num = (n: number) => {
    if (!s.arabic) return formatChineseNumber(n);
    const d = String(n);
    return s.fullWidthDigits ? d.replace(/\d/g, (x) => String.fromCharCode(x.charCodeAt(0) + 0xfee0)) : d;
  };
  let text = `${name}第${num(c.article)}条`;
  if (c.paragraph !== undefined) text += `第${num(c.paragraph)}款`;
  if (c.item !== undefined) text += `第（${num(c.item)}）项`;
  return text;
}

describe('normaliser properties', () => {
  test.prop(
    [
      fc.array(fc.tuple(citationArb, spellingArb), { minLength: 1, maxLength: 4 }),
      fc.constantFrom('；', ';', '\n', '。'),
    ],
    {
      numRuns: 100,
    },
  )('normaliseLegalBasis is idempotent', (parts, sep) => {
    const text = parts.map(([c, s]) => spell(c, s)).join(sep);
    const once = normaliseLegalBasis(text);
    expect(normaliseLegalBasis(once)).toBe(once);
  });

  test.prop([citationArb, spellingArb, spellingArb], { numRuns: 100 })(
    'equivalent spellings give the same key',
    (c, a, b) => {
      const ka = citationKeys(spell(c, a));
      expect(ka).toHaveLength(1);
      expect(citationKeys(spell(c, b))).toEqual(ka);
    },
  );

  test.prop([citationArb], { numRuns: 100 })('formatCitation round-trips through the parser', (c) => {
    const parsed = parseLegalBasis(
      spell(c, {
        brackets: true,
        prefix: true,
        revision: '',
        arabic: true,
        abbreviate: false,
        fullWidthDigits: false,
      }),
    ).citations[0]!;
    expect(citationKeys(formatCitation(parsed))).toEqual([parsed.key]);
  });

  test.prop([fc.string({ maxLength: 80 })], { numRuns: 100 })(
    'never throws on arbitrary text; normalising is idempotent',
    (text) => {
      const once = normaliseLegalBasis(text);
      expect(normaliseLegalBasis(once)).toBe(once);
    },
  );
});
