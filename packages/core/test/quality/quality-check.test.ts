import {
  createQualityChecker,
  defaultQualityRuleSet,
  defineQualityRuleSet,
  isJianguanError,
  type QualityIssue,
  type QualityResult,
  qualityCheck,
  qualityCheckRecord,
  type RecordType,
} from '@jianguan/core';
import { describe, expect, it } from 'vitest';
import {
  CHECK_LIST_CODE,
  compulsion,
  ENTERPRISE,
  entities,
  INSTITUTION,
  inspection,
  otherBehaviour,
  others,
  PERSON,
  penalty,
  TODAY,
} from './fixtures.js';

const opts = { today: TODAY } as const;
const errorsOf = (issues: readonly QualityIssue[]) => issues.filter((i) => i.severity === 'error');
const brief = (i: QualityIssue) => ({ checkType: i.checkType, rule: i.rule, field: i.field });

describe('catalog items: every mandatory element (seed 001, 10 elements)', () => {
  it('an item missing 子项名称, 监管流程 and 监管结果 fails 质检 with one required issue each', () => {
    const { subItemName: _s, process: _p, resultHandling: _r, ...item } = others.catalogItem;
    const r = qualityCheckRecord(item, { ...opts, recordType: 'catalogItem' });
    expect(r.passed).toBe(false);
    expect(errorsOf(r.issues).map(brief)).toEqual([
      { checkType: '01', rule: 'required', field: 'subItemName' },
      { checkType: '01', rule: 'required', field: 'process' },
      { checkType: '01', rule: 'required', field: 'resultHandling' },
    ]);
    expect(r.issues[0]?.message.zh).toContain('子项名称');
  });
});

describe('valid records pass', () => {
  it.each([
    ['inspection', inspection()],
    ['penalty', penalty()],
    ['compulsion', compulsion()],
    ['other', otherBehaviour()],
    ...Object.entries(entities),
  ] as [string, Record<string, unknown>][])('%s (auto-detected)', (_name, record) => {
    const r = qualityCheckRecord(record, opts);
    expect(r.issues).toEqual([]);
    expect(r.passed).toBe(true);
  });

  it.each(Object.entries(others) as [RecordType, Record<string, unknown>][])(
    '%s (recordType given)',
    (type, record) => {
      const r = qualityCheckRecord(record, { ...opts, recordType: type });
      expect(r.issues).toEqual([]);
    },
  );

  it('a consistent batch with links passes with every rule on', () => {
    const r = qualityCheck([inspection({ checkResult: '04' }), penalty(), compulsion(), otherBehaviour()], {
      ...opts,
      checkLinks: true,
    });
    expect(r.issues).toEqual([]);
    expect(r).toMatchObject({ total: 4, passed: 4, failed: 0, passRate: 1, issuesTruncated: false });
  });
});

/** [label, record, expected issue (checkType, rule, field)] — each deliberate defect yields exactly this error. */
const defects: [string, Record<string, unknown>, { checkType: string; rule: string; field: string }][] = [
  [
    'required empty',
    inspection({ checkActionName: '' }),
    { checkType: '01', rule: 'required', field: 'checkActionName' },
  ],
  [
    'required whitespace',
    inspection({ adminCounterpartName: ' \u3000 ' }),
    { checkType: '01', rule: 'required', field: 'adminCounterpartName' },
  ],
  [
    'required item code is 03',
    inspection({ itemCode: undefined }),
    { checkType: '03', rule: 'required', field: 'itemCode' },
  ],
  [
    'max length',
    penalty({ legalReviewOpinion: '意'.repeat(101) }),
    { checkType: '01', rule: 'max_length', field: 'legalReviewOpinion' },
  ],
  ['not text', inspection({ areaCode: 330106 }), { checkType: '01', rule: 'not_text', field: 'areaCode' }],
  [
    'not number',
    penalty({ fineAmount: '五千', punishTypes: ['01'] }),
    { checkType: '01', rule: 'not_number', field: 'fineAmount' },
  ],
  [
    'not boolean',
    penalty({ hearingHeld: '是' }),
    { checkType: '01', rule: 'not_boolean', field: 'hearingHeld' },
  ],
  [
    'not list',
    inspection({ checkPersonnel: '张三,李四' }),
    { checkType: '01', rule: 'not_list', field: 'checkPersonnel' },
  ],
  [
    'code table',
    inspection({ checkForm: '03' }),
    { checkType: '01', rule: 'code_table', field: 'checkForm' },
  ],
  [
    'code table in list',
    penalty({ punishTypes: ['01', '15'], fineAmount: undefined, finePaid: undefined }),
    { checkType: '01', rule: 'code_table', field: 'punishTypes[1]' },
  ],
  [
    'date format',
    inspection({ checkDate: '2024/3/5', submittedAt: undefined }),
    { checkType: '10', rule: 'date_format', field: 'checkDate' },
  ],
  [
    'impossible date',
    inspection({ checkDate: '2023-02-29', submittedAt: undefined }),
    { checkType: '10', rule: 'date_format', field: 'checkDate' },
  ],
  [
    'datetime format',
    inspection({ submittedAt: '2024-03-06 25:00' }),
    { checkType: '10', rule: 'datetime_format', field: 'submittedAt' },
  ],
  [
    'future date',
    otherBehaviour({ endDate: '2024-07-01', submittedAt: undefined }),
    { checkType: '10', rule: 'future_date', field: 'endDate' },
  ],
  [
    'submitted before act',
    inspection({ submittedAt: '2024-03-04T23:59:00+08:00' }),
    { checkType: '10', rule: 'date_order', field: 'submittedAt' },
  ],
  [
    'closed before decision',
    penalty({ closedDate: '2024-04-09' }),
    { checkType: '10', rule: 'date_order', field: 'closedDate' },
  ],
  [
    'decision before filing',
    penalty({ setDate: '2024-03-07' }),
    { checkType: '10', rule: 'date_order', field: 'setDate' },
  ],
  [
    'measure end before start',
    compulsion({ measureEndDate: '2024-03-01' }),
    { checkType: '10', rule: 'date_order', field: 'measureEndDate' },
  ],
  [
    'item code 13 digits',
    inspection({ itemCode: '3100000010000' }),
    { checkType: '03', rule: 'item_code_format', field: 'itemCode' },
  ],
  [
    'item code letters',
    inspection({ itemCode: '3100000010000A' }),
    { checkType: '03', rule: 'item_code_format', field: 'itemCode' },
  ],
  [
    'check list code: bad USCC part',
    inspection({ checkListCode: `11330106002490066E4${'3'.repeat(14)}` }),
    { checkType: '04', rule: 'check_list_code_structure', field: 'checkListCode' },
  ],
  [
    'check list code: level 6',
    inspection({ checkListCode: `${INSTITUTION}631000000100000` }),
    { checkType: '04', rule: 'check_list_code_structure', field: 'checkListCode' },
  ],
  [
    'check list code: too short',
    inspection({ checkListCode: INSTITUTION }),
    { checkType: '04', rule: 'check_list_code_structure', field: 'checkListCode' },
  ],
  [
    'USCC checksum by cert type 001',
    inspection({ adminCounterpartCertNo: '91330100799655058A' }),
    { checkType: '06', rule: 'uscc_invalid', field: 'adminCounterpartCertNo' },
  ],
  [
    'resident ID by cert type 111',
    inspection({
      adminCounterpartNature: '01',
      adminCounterpartCertType: '111',
      adminCounterpartCertNo: '330106198503070017',
    }),
    { checkType: '07', rule: 'resident_id_invalid', field: 'adminCounterpartCertNo' },
  ],
  [
    'entity USCC field',
    { ...entities.enterprise, unifiedSocialCreditCode: '914403001922038217' },
    { checkType: '06', rule: 'uscc_invalid', field: 'unifiedSocialCreditCode' },
  ],
  [
    'person ID field',
    { ...entities.naturalPerson, idCardNo: '34052419800101001' },
    { checkType: '07', rule: 'resident_id_invalid', field: 'idCardNo' },
  ],
  [
    'area code 5 digits',
    inspection({ areaCode: '33010' }),
    { checkType: '01', rule: 'area_code_format', field: 'areaCode' },
  ],
  [
    'one inspector',
    inspection({ checkPersonnel: ['张三'], checkPersonnelCertNos: ['33010012345'] }),
    { checkType: '01', rule: 'min_inspectors', field: 'checkPersonnel' },
  ],
  [
    'missing cert numbers',
    inspection({ checkPersonnelCertNos: ['33010012345'] }),
    { checkType: '01', rule: 'inspector_cert_numbers', field: 'checkPersonnelCertNos' },
  ],
  [
    'fine without amount',
    penalty({ fineAmount: undefined, finePaid: undefined }),
    { checkType: '01', rule: 'fine_amount_required', field: 'fineAmount' },
  ],
  [
    'fine paid exceeds',
    penalty({ finePaid: 6000 }),
    { checkType: '01', rule: 'fine_paid_exceeds', field: 'finePaid' },
  ],
  [
    'negative amount',
    penalty({ punishTypes: ['01'], fineAmount: undefined, finePaid: -1 }),
    { checkType: '01', rule: 'negative_amount', field: 'finePaid' },
  ],
  [
    'case from inspection without link',
    penalty({ relatedCheckActionCode: undefined }),
    { checkType: '08', rule: 'related_check_required', field: 'relatedCheckActionCode' },
  ],
  [
    'measure without type',
    compulsion({ coerciveMeasureType: undefined }),
    { checkType: '01', rule: 'measure_type_required', field: 'coerciveMeasureType' },
  ],
  [
    'execution without type',
    compulsion({ forceType: '02', coerciveMeasureType: undefined }),
    { checkType: '01', rule: 'execution_type_required', field: 'forceExecutionType' },
  ],
  [
    'operation X',
    inspection({ operation: 'X' }),
    { checkType: '01', rule: 'operation_code', field: 'operation' },
  ],
  [
    'batch number 12 digits',
    inspection({ batchNo: '202403060001' }),
    { checkType: '02', rule: 'batch_no_format', field: 'batchNo' },
  ],
  [
    'batch number bad date',
    inspection({ batchNo: '2024023000001' }),
    { checkType: '02', rule: 'batch_no_format', field: 'batchNo' },
  ],
  ['unknown kind', { kind: 'license' }, { checkType: '01', rule: 'unknown_record_type', field: 'kind' }],
];

describe('each rule reports the exact check type, rule and field', () => {
  it.each(defects)('%s', (_label, record, expected) => {
    const r = qualityCheckRecord(record, opts);
    expect(errorsOf(r.issues).map(brief)).toEqual([expected]);
    expect(r.passed).toBe(false);
    const issue = errorsOf(r.issues)[0]!;
    expect(issue.message.zh.length).toBeGreaterThan(0);
    expect(issue.message.en.length).toBeGreaterThan(0);
    expect(issue.index).toBe(0);
  });

  it('carries record id, record type and the offending value', () => {
    const [issue] = qualityCheck(
      [inspection(), inspection({ recordId: 'R2', checkActionCode: 'X', checkForm: '07' })],
      opts,
    ).issues;
    expect(issue).toMatchObject({
      index: 1,
      recordId: 'R2',
      recordType: 'inspection',
      value: '07',
      severity: 'error',
    });
    expect(issue?.message.zh).toContain('检查形式');
  });

  it('a date before two earlier dates breaks both pairs', () => {
    const r = qualityCheckRecord(penalty({ closedDate: '2024-03-01' }), opts);
    expect(r.issues.map((i) => [i.rule, i.field, i.message.zh])).toEqual([
      ['date_order', 'closedDate', '结案日期（2024-03-01）不能早于处罚立案时间（2024-03-08）'],
      ['date_order', 'closedDate', '结案日期（2024-03-01）不能早于作出行政处罚决定日期（2024-04-10）'],
    ]);
  });

  it('spot-check plan ratio and year', () => {
    const r = qualityCheck([{ ...others.spotCheckPlan, samplingRatio: 1.5, year: '2015' }], {
      ...opts,
      recordType: 'spotCheckPlan',
    });
    expect(r.issues.map((i) => [i.checkType, i.rule, i.field, i.severity])).toEqual([
      ['01', 'sampling_ratio_range', 'samplingRatio', 'error'],
      ['10', 'plan_year_range', 'year', 'warning'],
    ]);
    expect(r.passed).toBe(0);
  });

  it('warnings do not fail a record', () => {
    const r = qualityCheckRecord(inspection({ adminCounterpartNature: '01' }), opts);
    expect(r.issues.map(brief)).toEqual([
      { checkType: '01', rule: 'cert_type_nature', field: 'adminCounterpartCertType' },
    ]);
    expect(r.issues[0]?.severity).toBe('warning');
    expect(r.passed).toBe(true);
  });

  it('an allow-listed USCC passes with a warning', () => {
    const r = qualityCheckRecord(inspection({ adminCounterpartCertNo: '91350211M0000XUF46' }), opts);
    expect(r.passed).toBe(true);
    expect(r.issues.map((i) => [i.rule, i.severity])).toContainEqual(['uscc_warning', 'warning']);
  });

  it('an unknown region code is a warning', () => {
    const r = qualityCheckRecord(inspection({ areaCode: '339999' }), opts);
    expect(r.issues.map((i) => [i.checkType, i.rule, i.severity])).toEqual([
      ['01', 'area_code_unknown', 'warning'],
    ]);
  });
});

describe('batch rules', () => {
  it('duplicate record ids (05) and business keys (09)', () => {
    const r = qualityCheck(
      [inspection(), inspection({ recordId: 'other' }), inspection({ checkActionCode: 'JC2' })],
      opts,
    );
    expect(r.issues.map((i) => [i.index, i.checkType, i.rule, i.field])).toEqual([
      [1, '09', 'duplicate_key', 'checkActionCode'],
      [2, '05', 'duplicate_record_id', 'recordId'],
    ]);
    expect(r).toMatchObject({ total: 3, passed: 1, failed: 2 });
  });

  it('the same action code from two sources is not a duplicate', () => {
    const r = qualityCheck([inspection(), inspection({ recordId: 'b', source: '32000031' })], opts);
    expect(r.issues).toEqual([]);
  });

  it('links are checked only when asked', () => {
    const batch = [inspection(), penalty({ relatedCheckActionCode: 'JC-NOPE' }), compulsion()];
    expect(qualityCheck(batch, opts).issues).toEqual([]);
    const r = qualityCheck(batch, { ...opts, checkLinks: true });
    expect(r.issues.map((i) => [i.index, i.checkType, i.rule, i.field, i.value])).toEqual([
      [1, '08', 'link_missing', 'relatedCheckActionCode', 'JC-NOPE'],
    ]);
    expect(r).toMatchObject({ passed: 2, failed: 1 });
  });

  it('links resolve to inspections later in the batch', () => {
    const r = qualityCheck([penalty(), inspection()], { ...opts, checkLinks: true });
    expect(r.issues).toEqual([]);
  });

  it('an inspection resulting in a penalty expects one in the batch (warning)', () => {
    const r = qualityCheck([inspection({ checkResult: '04' })], { ...opts, checkLinks: true });
    expect(r.issues.map((i) => [i.checkType, i.rule, i.severity])).toEqual([
      ['08', 'follow_up_missing', 'warning'],
    ]);
    expect(r.passed).toBe(1);
  });

  it('issues are ordered by record index', () => {
    const r = qualityCheck([penalty({ relatedCheckActionCode: 'NOPE' }), inspection({ checkForm: 'x' })], {
      ...opts,
      checkLinks: true,
    });
    expect(r.issues.map((i) => i.index)).toEqual([0, 1]);
  });
});

describe('options', () => {
  it('disable and severity overrides', () => {
    const record = inspection({ checkPersonnel: ['张三'], checkPersonnelCertNos: ['1'], checkForm: '09' });
    const off = qualityCheckRecord(record, { ...opts, disable: ['min_inspectors'] });
    expect(off.issues.map((i) => i.rule)).toEqual(['code_table']);
    const warn = qualityCheckRecord(record, {
      ...opts,
      severity: { min_inspectors: 'warning', code_table: 'warning' },
    });
    expect(warn.passed).toBe(true);
    expect(warn.issues.every((i) => i.severity === 'warning')).toBe(true);
  });

  it('a provincial rule set changes the numbers', () => {
    const ruleSet = defineQualityRuleSet({ id: 'test-province', version: '1', params: { minInspectors: 3 } });
    expect(defaultQualityRuleSet.params.minInspectors).toBe(2);
    const r = qualityCheckRecord(inspection(), { ...opts, ruleSet });
    expect(r.issues.map((i) => i.rule)).toEqual(['min_inspectors']);
  });

  it('defineQualityRuleSet validates', () => {
    expect(() => defineQualityRuleSet({ id: 'x', version: '1', params: { minInspectors: 0 } })).toThrow();
    const r = defineQualityRuleSet({ id: 'x', version: '1', rules: { future_date: { enabled: false } } });
    expect(
      qualityCheckRecord(inspection({ checkDate: '2025-01-01', submittedAt: undefined }), {
        ...opts,
        ruleSet: r,
      }).issues,
    ).toEqual([]);
  });

  it('today decides what is in the future; a Date is read in China time', () => {
    const record = inspection({ checkDate: '2024-07-01', submittedAt: undefined });
    expect(qualityCheckRecord(record, { today: '2024-07-01' }).passed).toBe(true);
    expect(qualityCheckRecord(record, { today: '2024-06-30' }).passed).toBe(false);
    // 2024-06-30T16:30Z is already 2024-07-01 00:30 in Shanghai.
    expect(qualityCheckRecord(record, { today: new Date('2024-06-30T16:30:00Z') }).passed).toBe(true);
    expect(qualityCheckRecord(record, { today: new Date('2024-06-30T15:30:00Z') }).passed).toBe(false);
  });

  it('invalid options throw a typed error', () => {
    for (const bad of [
      { today: '2024-13-01' },
      { today: new Date(Number.NaN) },
      { recordType: 'nope' as RecordType },
    ]) {
      let caught: unknown;
      try {
        qualityCheck([], bad);
      } catch (error) {
        caught = error;
      }
      expect(isJianguanError(caught) && caught.code).toBe('invalid_option');
    }
  });

  it('maxIssues bounds the list but not the counts', () => {
    const bad = Array.from({ length: 10 }, (_, i) =>
      inspection({ recordId: `r${i}`, checkActionCode: `c${i}`, checkForm: 'x' }),
    );
    const r = qualityCheck(bad, { ...opts, maxIssues: 3 });
    expect(r.issues).toHaveLength(3);
    expect(r).toMatchObject({ total: 10, failed: 10, issuesTruncated: true });
  });

  it('provincial code tables are honoured', async () => {
    const { codeTables, codeTableVariants } = await import('@jianguan/core');
    const record = penalty({ punishTypes: ['14'], fineAmount: undefined, finePaid: undefined });
    expect(qualityCheckRecord(record, opts).passed).toBe(true);
    const old = codeTables.with(codeTableVariants.punishTypePre2021);
    const r = qualityCheckRecord(record, { ...opts, codeTables: old });
    expect(r.issues.map(brief)).toEqual([{ checkType: '01', rule: 'code_table', field: 'punishTypes[0]' }]);
  });
});

describe('inputs', () => {
  it('async iterables give the same result as arrays', async () => {
    const batch = [
      inspection(),
      penalty({ relatedCheckActionCode: 'X' }),
      null,
      inspection({ checkForm: '9' }),
    ];
    async function* gen() {
      for (const r of batch) yield r;
    }
    const sync = qualityCheck(batch, { ...opts, checkLinks: true });
    const promised = qualityCheck(gen(), { ...opts, checkLinks: true });
    expect(promised).toBeInstanceOf(Promise);
    expect(await promised).toEqual(sync);
  });

  it('iterables and single values', () => {
    expect(qualityCheck(new Set([inspection()]), opts).total).toBe(1);
    expect(qualityCheck(inspection() as unknown, opts) as QualityResult).toMatchObject({
      total: 1,
      passed: 1,
    });
    expect((qualityCheck('abc' as unknown, opts) as QualityResult).issues.map((i) => i.rule)).toEqual([
      'record_not_object',
    ]);
    expect(qualityCheck([], opts)).toMatchObject({ total: 0, passed: 0, failed: 0, passRate: 1, issues: [] });
  });

  it('an iterator that throws midway is reported, not thrown', async () => {
    function* bad() {
      yield inspection();
      throw new Error('disk gone');
    }
    async function* badAsync() {
      yield inspection();
      throw new Error('socket gone');
    }
    expect(qualityCheck(bad(), opts).issues.map((i) => [i.index, i.rule])).toEqual([
      [1, 'unreadable_record'],
    ]);
    expect((await qualityCheck(badAsync(), opts)).issues.map((i) => [i.index, i.rule])).toEqual([
      [1, 'unreadable_record'],
    ]);
  });

  it('getters that throw and proxies are reported as unreadable', () => {
    const evil = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
      },
    );
    const r = qualityCheck([evil, inspection()], opts);
    expect(r.issues.map((i) => [i.index, i.rule])).toEqual([[0, 'unreadable_record']]);
    expect(r.passed).toBe(1);
  });

  it('the incremental batch equals the one-shot check', () => {
    const batch = [inspection(), penalty({ relatedCheckActionCode: 'X' })];
    const checker = createQualityChecker({ ...opts, checkLinks: true });
    const b = checker.begin();
    for (const r of batch) b.add(r);
    expect(b.finish()).toEqual(checker.check(batch));
    expect(checker.today).toBe(TODAY);
  });

  it('ID numbers of people and USCCs of firms', () => {
    const r = qualityCheckRecord(
      inspection({
        adminCounterpartNature: '01',
        adminCounterpartCertType: '111',
        adminCounterpartCertNo: PERSON,
      }),
      opts,
    );
    expect(r.issues).toEqual([]);
    expect(qualityCheckRecord(inspection({ adminCounterpartCertNo: ENTERPRISE }), opts).issues).toEqual([]);
    expect(CHECK_LIST_CODE).toHaveLength(33);
  });
});
