import { fc, test } from '@fast-check/vitest';
import {
  behaviourActDate,
  behaviourRecordSchema,
  catalogItemSchema,
  clueFeedbackSchema,
  codeTables,
  complaintSchema,
  creditRecordSchema,
  drawnObjectSchema,
  exchangeEnvelopeSchema,
  exchangeHeaders,
  fieldDictionary,
  fromExchangeRow,
  inspectionListSchema,
  isDateTime,
  isJianguanError,
  jointTaskSchema,
  officerSchema,
  type RecordType,
  regulatedEntitySchema,
  resolveExchangeHeaders,
  riskClueSchema,
  spotCheckPlanSchema,
  toExchangeRow,
  tryBehaviourActDate,
} from '@jianguan/core';
import { describe, expect, it } from 'vitest';
import { compulsion, entities, inspection, otherBehaviour, others, penalty } from '../quality/fixtures.js';

describe('schemas', () => {
  it.each([
    ['inspection', behaviourRecordSchema, inspection()],
    ['penalty', behaviourRecordSchema, penalty()],
    ['compulsion', behaviourRecordSchema, compulsion()],
    ['other', behaviourRecordSchema, otherBehaviour()],
    ...Object.entries(entities).map(([k, v]) => [k, regulatedEntitySchema, v] as const),
    ['catalogItem', catalogItemSchema, others.catalogItem],
    ['inspectionList', inspectionListSchema, others.inspectionList],
    ['officer', officerSchema, others.officer],
    ['envelope', exchangeEnvelopeSchema, others.envelope],
    ['complaint', complaintSchema, others.complaint],
    ['riskClue', riskClueSchema, others.riskClue],
    ['clueFeedback', clueFeedbackSchema, others.clueFeedback],
    ['creditRecord', creditRecordSchema, others.creditRecord],
    ['spotCheckPlan', spotCheckPlanSchema, others.spotCheckPlan],
    ['drawnObject', drawnObjectSchema, others.drawnObject],
    ['jointTask', jointTaskSchema, others.jointTask],
  ] as const)('%s fixture parses', (_name, schema, value) => {
    const r = schema.safeParse(value);
    expect(r.error?.issues).toBeUndefined();
    expect(r.success).toBe(true);
  });

  it('behaviour records are discriminated on kind', () => {
    const r = behaviourRecordSchema.safeParse(penalty());
    expect(r.success && r.data.kind === 'penalty' && r.data.setDate).toBe('2024-04-10');
    expect(behaviourRecordSchema.safeParse({ ...penalty(), kind: 'inspection' }).success).toBe(false);
    expect(behaviourRecordSchema.safeParse({ kind: 'other' }).success).toBe(false);
  });

  it('schemas are lenient on formats (the quality check owns business rules)', () => {
    expect(
      behaviourRecordSchema.safeParse(inspection({ checkDate: '2024/3/5', itemCode: 'x' })).success,
    ).toBe(true);
  });

  it('the envelope enforces I/U/D and the batch-number shape', () => {
    expect(exchangeEnvelopeSchema.safeParse({ ...others.envelope, operation: 'X' }).success).toBe(false);
    expect(exchangeEnvelopeSchema.safeParse({ ...others.envelope, batchNo: '202403060001' }).success).toBe(
      false,
    );
  });
});

describe('field dictionary', () => {
  const types = Object.keys(fieldDictionary) as RecordType[];
  it.each(types)('%s: names, headers and code tables are consistent', (type) => {
    const specs = Object.entries(fieldDictionary[type]);
    expect(specs.length).toBeGreaterThan(3);
    const headers = new Set<string>();
    for (const [name, spec] of specs) {
      expect(name).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(spec.zh).toMatch(/\p{Script=Han}/u);
      expect(spec.en.length).toBeGreaterThan(1);
      expect(headers.has(spec.zh), `duplicate header ${spec.zh}`).toBe(false);
      headers.add(spec.zh);
      if (spec.codeTable !== undefined) expect(codeTables.has(spec.codeTable), spec.codeTable).toBe(true);
    }
  });

  it('holds the reference numbers', () => {
    expect(fieldDictionary.inspection.itemCode.maxLength).toBe(14);
    expect(fieldDictionary.inspection.checkActionName.maxLength).toBe(2000);
    expect(fieldDictionary.penalty.punishActionName.maxLength).toBe(500);
    expect(fieldDictionary.compulsion.forceActionName.maxLength).toBe(400);
    expect(fieldDictionary.other.actionName.maxLength).toBe(300);
    expect(fieldDictionary.officer.lawEnforcementCertNo.required).toBe(true);
    expect(fieldDictionary.catalogItem.supervisionLevels.codeTable).toBe('exerciseLevel');
  });
});

describe('behaviourActDate', () => {
  it.each([
    [inspection(), '2024-03-05'],
    [penalty(), '2024-04-10'],
    [compulsion(), '2024-03-06'],
    [compulsion({ measureStartDate: undefined, mandatoryDecisionServiceDate: '2024-03-09' }), '2024-03-09'],
    [otherBehaviour(), '2024-03-10'],
    [inspection({ checkDate: '2024-03-05T10:00:00+08:00' }), '2024-03-05'],
  ])('%#', (record, date) => {
    expect(behaviourActDate(record)).toBe(date);
  });

  it('throws a typed error when there is no act date; the try variant does not', () => {
    for (const bad of [null, {}, inspection({ checkDate: '2024-02-30' }), { kind: 'penalty' }]) {
      expect(tryBehaviourActDate(bad)).toBeUndefined();
      let caught: unknown;
      try {
        behaviourActDate(bad);
      } catch (error) {
        caught = error;
      }
      expect(isJianguanError(caught) && caught.code).toBe('missing_act_date');
    }
  });

  it.each([
    ['2024-03-05', true],
    ['2024-03-05T09:30', true],
    ['2024-03-05 09:30:00', true],
    ['2024-03-05T09:30:00.123+08:00', true],
    ['2024-03-05T09:30:00Z', true],
    ['2024-03-05T09:30:00+0800', true],
    ['2024-03-05T24:00', false],
    ['2024-02-30T09:30', false],
    ['2024-03-05T09:30:00+8', false],
    ['2024-3-5', false],
  ])('isDateTime(%s) = %s', (value, ok) => {
    expect(isDateTime(value)).toBe(ok);
  });
});

describe('exchange rows (Chinese headers)', () => {
  it('round-trips every record type', () => {
    const cases: [RecordType, Record<string, unknown>][] = [
      ['inspection', inspection()],
      ['penalty', penalty()],
      ['compulsion', compulsion()],
      ['other', otherBehaviour()],
      ...(Object.entries(entities) as [RecordType, Record<string, unknown>][]),
      ...(Object.entries(others) as [RecordType, Record<string, unknown>][]),
    ];
    for (const [type, record] of cases) {
      const row = toExchangeRow(type, record);
      expect(Object.keys(row)).toEqual(exchangeHeaders(type));
      expect(fromExchangeRow(type, row)).toEqual(record);
    }
  });

  it('reads Excel-style rows: aliases, full-width, markers, 是/否, lists, numbers', () => {
    const row = {
      '\uFEFF行政相对人（单位/个人）名称': ' 某某公司 ',
      '*检查时间': '2024-03-05',
      检查人员: '张三、李四',
      执法人员证件编号: '1，2',
      ＣＨＥＣＫＦＯＲＭ: '01',
      备注: 'ignored',
      检查结果: '',
    };
    expect(fromExchangeRow('inspection', row)).toEqual({
      kind: 'inspection',
      adminCounterpartName: '某某公司',
      checkDate: '2024-03-05',
      checkPersonnel: ['张三', '李四'],
      checkPersonnelCertNos: ['1', '2'],
      checkForm: '01',
    });
    expect(
      fromExchangeRow('penalty', { 是否听证: '否', 罚款金额: '5,000.50', 是否涉刑案件: '不知道' }),
    ).toEqual({
      kind: 'penalty',
      hearingHeld: false,
      fineAmount: 5000.5,
      isCriminalCase: '不知道',
    });
  });

  it('normalises spreadsheet dates only when asked', () => {
    expect(fromExchangeRow('inspection', { 检查时间: '2024/3/5' }).checkDate).toBe('2024/3/5');
    expect(fromExchangeRow('inspection', { 检查时间: '2024/3/5' }, { normalizeDates: true }).checkDate).toBe(
      '2024-03-05',
    );
    expect(
      fromExchangeRow('inspection', { 检查时间: '2024年3月5日' }, { normalizeDates: true }).checkDate,
    ).toBe('2024-03-05');
  });

  it('reports unknown and missing headers', () => {
    const m = resolveExchangeHeaders('officer', ['姓名', '执法证号', '爱好']);
    expect(m.fields).toEqual({ 姓名: 'name', 执法证号: 'lawEnforcementCertNo' });
    expect(m.unknown).toEqual(['爱好']);
    expect(m.missingRequired).toEqual(['orgName']);
  });

  it('rejects unknown record types with a typed error', () => {
    expect(() => fromExchangeRow('nope' as RecordType, {})).toThrow(/unknown record type/);
  });

  test.prop([fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.anything()))])(
    'never mutates the row',
    (row) => {
      const copy = structuredClone(row);
      fromExchangeRow('penalty', Object.freeze(row));
      expect(row).toEqual(copy);
    },
  );
});
