import { isJianguanError } from '@jianguan/core';
import { describe, expect, it } from 'vitest';
import { UPPER } from '../bench/labelled-set.js';
import {
  CatalogError,
  catalogChangelog,
  catalogFromRows,
  checkCatalog,
  citationKeys,
  defineCatalog,
  diffCatalogs,
  ITEM_CODE_LAYOUT,
  isItemCode,
  parseItemCode,
  readCatalogCsv,
} from '../src/index.js';
import { encodeGbk, item, meta } from './fixtures.js';

const thrown = (f: () => unknown): CatalogError => {
  try {
    f();
  } catch (e) {
    if (e instanceof CatalogError) return e;
    throw e;
  }
  throw new Error('did not throw');
};

describe('item codes (14 digits confirmed; segments inferred)', () => {
  it('splits department, main item and sub-item; the layout says it is inferred', () => {
    expect(parseItemCode('31000000100002')).toEqual({
      code: '31000000100002',
      department: '31',
      mainItem: '000000100',
      subItem: '002',
      mainItemCode: '31000000100000',
      isMainItem: false,
    });
    expect(parseItemCode('31000000100000').isMainItem).toBe(true);
    expect(ITEM_CODE_LAYOUT.status).toBe('inferred');
    expect(ITEM_CODE_LAYOUT.segments.reduce((n, s) => n + s.length, 0)).toBe(ITEM_CODE_LAYOUT.length);
  });

  it.each(['3100000010000', '310000001000000', '3100000010000X', '３１000000100000', 31000000100000])(
    'rejects %s',
    (code) => {
      expect(isItemCode(code)).toBe(false);
      expect(thrown(() => parseItemCode(code)).code).toBe('invalid_item_code');
    },
  );
});

describe('defineCatalog', () => {
  it('accepts a catalog and freezes it', () => {
    const c = defineCatalog({ ...meta, items: [item(), item({ itemCode: '31000000100001' })] });
    expect(c.items).toHaveLength(2);
    expect(Object.isFrozen(c.items[0])).toBe(true);
  });

  it('rejects bad metadata, bad codes, bad types and duplicate keys with the path', () => {
    expect(thrown(() => defineCatalog({ ...meta, publishedDate: '2025/1/15', items: [] })).path).toEqual([
      'publishedDate',
    ]);
    const code = thrown(() =>
      defineCatalog({ ...meta, items: [item(), item({ itemCode: '3100000010000' })] }),
    );
    expect([code.code, code.path]).toEqual(['invalid_item_code', ['items', 1, 'itemCode']]);
    const types = thrown(() => defineCatalog({ ...meta, items: [{ ...item(), supervisionLevels: '3' }] }));
    expect([types.code, types.path]).toEqual(['invalid_catalog', ['items', 0, 'supervisionLevels']]);
    const dup = thrown(() => defineCatalog({ ...meta, items: [item(), item()] }));
    expect([dup.code, dup.path, dup.messages.zh]).toEqual([
      'invalid_catalog',
      ['items', 1],
      expect.stringContaining('重复'),
    ]);
    expect(isJianguanError(dup)).toBe(true);
  });
});

describe('质检 of catalog items requires every mandatory element', () => {
  it('an item missing 子项名称, 监管流程 and 监管结果 fails', () => {
    const { subItemName: _s, process: _p, resultHandling: _r, ...partial } = item();
    const c = defineCatalog({ ...meta, items: [item({ itemCode: '31000000100001' }), partial] });
    const r = checkCatalog(c, { today: '2026-12-02' });
    expect(r).toMatchObject({ total: 2, passed: 1, failed: 1 });
    expect(r.issues.map((i) => [i.index, i.rule, i.field])).toEqual([
      [1, 'required', 'subItemName'],
      [1, 'required', 'process'],
      [1, 'required', 'resultHandling'],
    ]);
  });
});

const HEADER =
  '\uFEFF*监管事项目录编码,监管部门,主项名称,子项名称,监管方式,监管措施,监管对象,设定依据,监管流程,监管结果,监管层级,事项状态,备注';
const csvRow = (cells: string[]) =>
  cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
const full = (code: string, name: string) =>
  csvRow([
    code,
    '市场监督管理局',
    name,
    name,
    '双随机一公开',
    '现场检查',
    '市场主体',
    '《电子商务法》第十五条',
    '抽取、检查、公示',
    '依法公示',
    '3、4',
    '01',
    '',
  ]);

describe('readCatalogCsv', () => {
  it('reads Chinese headers (BOM, * marker, alias), runs 质检 and reports bad rows by line', async () => {
    const text = [
      HEADER,
      full('50000000100001', '营业执照（登记证）规范使用情况的检查'),
      csvRow([
        '50000000100002',
        '市场监督管理局',
        '名称规范使用情况的检查',
        '',
        '双随机一公开',
        '现场检查',
        '市场主体',
        '《企业名称登记管理规定》第二十六条',
        '',
        '',
        '3',
        '01',
        '',
      ]),
      full('5000000010000', '编码少一位'),
      full('50000000100001', '重复'),
      '',
    ].join('\r\n');
    const load = await readCatalogCsv(
      Buffer.from(text, 'utf8'),
      { ...meta, id: 'cq', level: 'provincial' },
      {
        quality: { today: '2026-12-02' },
      },
    );
    expect(load.catalog.items.map((i) => i.itemCode)).toEqual(['50000000100001', '50000000100002']);
    expect(load.catalog.items[0]?.supervisionLevels).toEqual(['3', '4']);
    expect(load.unknownHeaders).toEqual(['备注']);
    expect(load.missingColumns).toEqual([]);
    expect(load.rejected.map((r) => [r.line, (r.error as CatalogError).code])).toEqual([
      [4, 'invalid_item_code'],
      [5, 'invalid_catalog'],
    ]);
    const missing = load.quality.issues
      .filter((i) => i.rule === 'required')
      .map((i) => [load.lines[i.index], i.field]);
    expect(missing).toEqual([
      [3, 'subItemName'],
      [3, 'process'],
      [3, 'resultHandling'],
    ]);
    expect(load.quality.issues.some((i) => i.rule === 'item_code_format' && load.lines[i.index] === 4)).toBe(
      true,
    );
  });

  it('reads a GBK export of published rows with multi-line legal bases (sources in bench/labelled-set.ts)', async () => {
    const rows = UPPER.slice(0, 6).map((r, i) =>
      csvRow([
        `5000000010000${i + 1}`,
        '市场监督管理局',
        r.name,
        r.name,
        '双随机一公开',
        '现场检查',
        '市场主体',
        r.legalBasis,
        '抽取、检查、公示',
        '依法公示',
        '3',
        '01',
        '',
      ]),
    );
    const bytes = encodeGbk([HEADER.slice(1), ...rows].join('\r\n'));
    let encoding = '';
    const load = await readCatalogCsv(bytes, meta, {
      quality: { today: '2026-12-02' },
      onEncoding: (e) => (encoding = e),
    });
    expect(encoding).toBe('gb18030');
    expect(load.rejected).toEqual([]);
    expect(load.quality.failed).toBe(0);
    expect(load.catalog.items.map((i) => i.legalBasis)).toEqual(UPPER.slice(0, 6).map((r) => r.legalBasis));
    expect(citationKeys(load.catalog.items[0]?.legalBasis)).toContain(
      '外国企业常驻代表机构登记管理条例#36.3',
    );
  });

  it('builds a catalog from spreadsheet rows (header → cell objects, e.g. read from .xlsx)', () => {
    const load = catalogFromRows(
      [
        {
          事项编码: '50000000100001',
          监管事项: '营业执照（登记证）规范使用情况的检查',
          子项名称: '营业执照（登记证）规范使用情况的检查',
        },
        { 事项编码: 50000000100002 },
        null as unknown as Record<string, unknown>,
      ],
      meta,
    );
    expect(load.catalog.items.map((i) => [i.itemCode, i.mainItemName])).toEqual([
      ['50000000100001', '营业执照（登记证）规范使用情况的检查'],
    ]);
    expect(load.rejected.map((r) => [r.line, (r.error as CatalogError).code])).toEqual([
      [3, 'invalid_item_code'],
      [4, 'invalid_catalog'],
    ]);
    expect(load.quality.issues.some((i) => i.rule === 'required' && i.field === 'process')).toBe(true);
    expect(() => catalogFromRows([], { ...meta, level: 'town' as 'county' })).toThrow(CatalogError);
  });

  it('names mandatory columns that are absent', async () => {
    const load = await readCatalogCsv(
      Buffer.from('监管事项目录编码,主项名称\n50000000100001,某事项\n'),
      meta,
    );
    expect(load.missingColumns).toContain('subItemName');
    expect(load.quality.failed).toBe(1);
  });
});

describe('diffCatalogs and the changelog', () => {
  const v1 = defineCatalog({
    ...meta,
    items: [
      item({
        itemCode: '31000000100001',
        legalBasis: '《企业法人登记管理条例》第二十九条第一款；《电子商务法》第十五条',
      }),
      item({ itemCode: '31000000100002', mainItemName: '旧事项', subItemName: '旧事项' }),
      item({ itemCode: '31000000100003', legalBasis: '《中华人民共和国食品安全法》第一百一十条' }),
    ],
  });
  const v2 = defineCatalog({
    ...meta,
    version: '2025.2',
    publishedDate: '2025-07-01',
    items: [
      item({ itemCode: '31000000100003', legalBasis: '食品安全法第110条', supervisionLevels: ['4'] }),
      item({
        itemCode: '31000000100001',
        legalBasis: '《市场主体登记管理条例》第二十五条；《电子商务法》第十五条',
      }),
      item({ itemCode: '31000000100004', mainItemName: '新事项', subItemName: '新事项' }),
    ],
  });

  it('lists added, removed and changed items with citation-level legal-basis changes', () => {
    const d = diffCatalogs(v1, v2);
    expect(d.added.map((i) => i.itemCode)).toEqual(['31000000100004']);
    expect(d.removed.map((i) => i.itemCode)).toEqual(['31000000100002']);
    expect(d.changed.map((c) => c.itemCode)).toEqual(['31000000100001', '31000000100003']);
    const basis = d.changed[0]!.changes.find((c) => c.field === 'legalBasis');
    expect(basis?.citations).toEqual({
      removed: ['企业法人登记管理条例#29.1'],
      added: ['市场主体登记管理条例#25'],
    });
    const food = d.changed[1]!.changes;
    expect(food.map((c) => c.zh)).toEqual(['设定依据', '监管层级']);
    expect(food[0]?.citations).toEqual({ removed: [], added: [] });
  });

  it('renders the changelog in Chinese and English', () => {
    const d = diffCatalogs(v1, v2);
    const zh = catalogChangelog(d);
    expect(zh).toContain('新增 1 项，取消 1 项，调整 2 项。');
    expect(zh).toContain('- 31000000100004 新事项');
    expect(zh).toContain('设定依据: 删除 企业法人登记管理条例#29.1; 新增 市场主体登记管理条例#25');
    expect(zh).toContain('设定依据: 仅文字调整，引用条款未变');
    expect(zh).toContain('监管层级: 3,4 → 4');
    const en = catalogChangelog(d, 'en');
    expect(en).toContain('1 added, 1 removed, 2 changed.');
    expect(en).toContain('legalBasis: wording only, same citations');
  });

  it('an unchanged catalog has no changes', () => {
    const d = diffCatalogs(v1, v1);
    expect([d.added, d.removed, d.changed, d.possiblyRecoded]).toEqual([[], [], [], []]);
  });

  it('flags removed/added pairs with the same name or the same cited articles as possibly recoded', () => {
    const a = defineCatalog({
      ...meta,
      items: [
        item({
          itemCode: '31000000100001',
          mainItemName: '甲',
          subItemName: '甲',
          legalBasis: '《广告法》第四十九条',
        }),
        item({
          itemCode: '31000000100002',
          mainItemName: '乙',
          subItemName: '乙',
          legalBasis: '《商标法》第六十条',
        }),
        item({
          itemCode: '31000000100005',
          mainItemName: '丙',
          subItemName: '丙',
          legalBasis: '《价格法》第三十三条',
        }),
      ],
    });
    const b = defineCatalog({
      ...meta,
      version: '2',
      items: [
        item({
          itemCode: '31000000200001',
          mainItemName: '甲',
          subItemName: '甲',
          legalBasis: '《广告法》第四十九条',
        }),
        item({
          itemCode: '31000000200002',
          mainItemName: '乙（调整）',
          subItemName: '乙（调整）',
          legalBasis: '中华人民共和国商标法第60条',
        }),
        item({
          itemCode: '31000000200003',
          mainItemName: '丁',
          subItemName: '丁',
          legalBasis: '《计量法》第九条',
        }),
      ],
    });
    const d = diffCatalogs(a, b);
    expect(d.possiblyRecoded).toEqual([
      { from: '31000000100001', to: '31000000200001', reason: 'same_name' },
      { from: '31000000100002', to: '31000000200002', reason: 'same_citations' },
    ]);
    expect(catalogChangelog(d)).toContain('- 31000000100002 → 31000000200002（设定依据条款相同）');
  });
});
