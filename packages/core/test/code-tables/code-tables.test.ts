import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  CHECK_TYPES,
  codeTableEnum,
  codeTables,
  codeTableVariants,
  createCodeTableRegistry,
  defineCodeTable,
  getCodeTable,
  InvalidCodeTableError,
  isCode,
  lookupCode,
  registerCodeTable,
  UnknownCodeTableError,
} from '../../src/index.js';

describe('the national tables', () => {
  it('cover data-standards §5 and the §A5 spot-check vocabularies, each with version and source', () => {
    for (const id of [
      'exerciseLevel',
      'itemStatus',
      'implementerNature',
      'supervisedObjectType',
      'counterpartNature',
      'certType',
      'checkForm',
      'checkType',
      'checkMode',
      'checkResult',
      'caseSource',
      'punishProcedure',
      'punishType',
      'reconsideration',
      'litigation',
      'closingExecMode',
      'closingExecResult',
      'punishOtherDisposal',
      'forceType',
      'coerciveMeasureType',
      'forceExecutionType',
      'deptCode',
      'qualityCheckType',
      'sex',
      'spotCheckResult',
      'spotCheckResult2016',
    ]) {
      const table = getCodeTable(id, codeTables);
      expect(table.version, id).toMatch(/\S/);
      expect(table.source, id).toMatch(/\S/);
      expect(table.entries.length, id).toBeGreaterThan(0);
      for (const e of table.entries) expect(e.labelEn, `${id} ${e.code}`).toMatch(/\S/);
    }
  });

  it.each([
    ['punishType', 14],
    ['certType', 18],
    ['checkResult', 6],
    ['reconsideration', 14],
    ['litigation', 13],
    ['supervisedObjectType', 11],
    ['qualityCheckType', 10],
    ['spotCheckResult', 19],
  ])('%s has %i entries', (id, n) => {
    expect(getCodeTable(id, codeTables).entries).toHaveLength(n);
  });

  it('CHECK_TYPES is the qualityCheckType table, code for code in order', () => {
    expect([...CHECK_TYPES]).toEqual(getCodeTable('qualityCheckType').entries.map((e) => e.code));
  });

  it('are frozen', () => {
    const table = getCodeTable('checkType');
    expect(Object.isFrozen(table)).toBe(true);
    expect(Object.isFrozen(table.entries)).toBe(true);
    expect(() => (table.entries as unknown[]).push(1)).toThrow(TypeError);
  });
});

describe('lookupCode', () => {
  it.each([
    ['checkResult', '01', '01'],
    ['checkResult', '发现问题，行政处罚决定', '04'],
    ['checkResult', '发现问题,行政处罚决定', '04'],
    ['checkResult', ' 发现问题 、 行政处罚决定 ', '04'],
    ['checkResult', '04 发现问题，行政处罚决定', '04'],
    ['checkForm', '日常', '01'],
    ['checkForm', 1, '01'],
    ['checkForm', '1', '01'],
    ['checkForm', '０１', '01'],
    ['checkMode', '双随机、一公开', '1'],
    ['checkMode', '"双随机、一公开"监管', '1'],
    ['spotCheckResult', '公示信息隐瞒真实情况弄虚作假', 'C'],
    ['spotCheckResult', '公示信息隐瞒真实情况、弄虚作假', 'C'],
    ['spotCheckResult', '通过登记的住所(经营场所)无法联系', '6'],
    ['spotCheckResult', '不予配合情节严重', '8'],
    ['spotCheckResult', '发现问题经责令已改正', 'E'],
    ['spotCheckResult', '发现问题已责令改正', 'E'],
    ['spotCheckResult', 'e', 'E'],
    ['certType', '身份证', '111'],
    ['certType', 'Resident Identity Card', '111'],
    ['exchangeOperation', 'i', 'I'],
    ['punishType', '限制开展经营活动', '12'],
  ])('%s: %j → %s', (table, input, code) => {
    expect(lookupCode(table, input)?.code).toBe(code);
  });

  it.each([
    ['checkResult', '07'],
    ['checkResult', '未发现'],
    ['checkForm', null],
    ['checkForm', {}],
    ['checkForm', -1],
    ['checkForm', ''],
    ['punishType', '01 罚款'], // code and label disagree
  ])('%s: %j → undefined', (table, input) => {
    expect(lookupCode(table, input)).toBeUndefined();
  });

  it('throws UnknownCodeTableError for an unknown table', () => {
    expect(() => lookupCode('nope', '01')).toThrow(UnknownCodeTableError);
  });

  it('splits multi-value fields and reports unknown pieces', () => {
    const r = codeTables.lookupList('spotCheckResult', 'B，C; E、未发现问题,Z');
    expect(r.entries.map((e) => e.code)).toEqual(['B', 'C', 'E', '1']);
    expect(r.unknown).toEqual(['Z']);
    expect(codeTables.lookupList('checkResult', '发现问题，行政处罚决定').entries.map((e) => e.code)).toEqual(
      ['04'],
    );
  });

  it('filters by validity dates', () => {
    const registry = registerCodeTable({
      id: 'checkForm',
      name: '检查形式',
      nameEn: 'inspection form',
      version: 'test',
      source: 'test',
      entries: [
        { code: '01', label: '日常检查', labelEn: 'routine' },
        { code: '03', label: '旧形式', labelEn: 'old', validTo: '2020-12-31' },
      ],
    });
    expect(registry.lookup('checkForm', '03')?.code).toBe('03');
    expect(registry.lookup('checkForm', '03', { asOf: '2021-01-01' })).toBeUndefined();
    expect(isCode('checkForm', '03', { registry, asOf: '2020-06-01' })).toBe(true);
  });
});

describe('isCode and codeTableEnum', () => {
  it('isCode accepts codes only', () => {
    expect(isCode('checkType', '02')).toBe(true);
    expect(isCode('checkType', '现场检查')).toBe(false);
    expect(isCode('checkType', 2)).toBe(false);
  });

  it('codeTableEnum is a zod enum of the codes', () => {
    const schema = z.object({ checkType: codeTableEnum('checkType') });
    expect(schema.parse({ checkType: '01' })).toEqual({ checkType: '01' });
    expect(schema.safeParse({ checkType: '03' }).success).toBe(false);
    expect(codeTableEnum('punishType').options).toHaveLength(14);
  });
});

describe('provincial variants', () => {
  it('registering the pre-2021 penalty kinds leaves the default untouched', () => {
    const jiangsu = registerCodeTable(codeTableVariants.punishTypePre2021);
    expect(jiangsu.get('punishType').entries).toHaveLength(7);
    expect(jiangsu.isCode('punishType', '14')).toBe(false);
    expect(codeTables.isCode('punishType', '14')).toBe(true);
    expect(codeTables.get('punishType').entries).toHaveLength(14);
    expect(codeTableEnum('punishType', jiangsu).options).toEqual(['01', '02', '03', '04', '05', '06', '07']);
    expect(jiangsu.lookup('punishType', '暂扣或吊销许可证')?.code).toBe('05');
  });

  it('createCodeTableRegistry can start empty or from a base', () => {
    const empty = createCodeTableRegistry({ base: null });
    expect(empty.ids).toEqual([]);
    const own = createCodeTableRegistry({
      base: null,
      tables: [
        {
          id: 'zjExtra',
          name: '浙江扩展',
          nameEn: 'extra',
          version: '1',
          source: 'test',
          entries: [{ code: 'A', label: '甲', labelEn: 'a' }],
        },
      ],
    });
    expect(own.ids).toEqual(['zjExtra']);
    expect(createCodeTableRegistry().ids).toEqual(codeTables.ids);
  });

  it('validates table data with zod', () => {
    const base = { id: 'x', name: 'x', nameEn: 'x', version: '1', source: 's' };
    expect(() => defineCodeTable({ ...base, entries: [] })).toThrow(InvalidCodeTableError);
    expect(() =>
      defineCodeTable({
        ...base,
        entries: [
          { code: '1', label: '甲', labelEn: 'a' },
          { code: '1', label: '乙', labelEn: 'b' },
        ],
      }),
    ).toThrow(/duplicate code/);
    expect(() =>
      defineCodeTable({
        ...base,
        entries: [
          { code: '1', label: '甲、乙', labelEn: 'a' },
          { code: '2', label: '甲乙', labelEn: 'b' },
        ],
      }),
    ).toThrow(InvalidCodeTableError);
    expect(() =>
      defineCodeTable({ ...base, source: '', entries: [{ code: '1', label: '甲', labelEn: 'a' }] }),
    ).toThrow(InvalidCodeTableError);
    expect(() =>
      defineCodeTable({
        ...base,
        entries: [{ code: '1', label: '甲', labelEn: 'a', validFrom: '2021-13-01' }],
      }),
    ).toThrow(InvalidCodeTableError);
    expect(() => defineCodeTable(null as never)).toThrow(InvalidCodeTableError);
  });
});
