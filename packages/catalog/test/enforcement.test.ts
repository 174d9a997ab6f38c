import { describe, expect, it } from 'vitest';
import {
  CatalogError,
  checkEnforcement,
  DEFAULT_ENFORCEMENT_RULES,
  defineBenchmarkSet,
  defineChecklist,
  defineEnforcementRules,
  EXAMPLE_BENCHMARK_SET,
  evaluateChecklistResults,
  findBenchmarkEntry,
} from '../src/index.js';
import { thrownBy } from './fixtures.js';

/**
 * Lines after the 食品经营监督检查事项 published by 贵池区市场监督管理局 (2025-04-10, copy at
 * http://www.wy999.cn/Jczwgk/opennessShow/1659457.html); the article numbers of 食品安全法 (2021) attached to
 * them are this test's own reading, not part of the published page.
 */
const checklist = defineChecklist({
  id: 'food-retail-daily',
  version: '2025.1',
  name: '食品经营日常监督检查表（示例）',
  itemCode: '31000000100000',
  source: '贵池区市场监督管理局 食品生产经营监督检查标准 (2025-04-10); legal bases: this fixture',
  status: 'inferred',
  checked: '2026-12-02',
  items: [
    {
      id: 'L1',
      content: '营业执照、食品经营许可证是否在有效期内',
      method: '查验证照',
      legalBasis: '《食品安全法》第三十五条',
      finding: '无证或证照过期',
      key: true,
      onFinding: '04',
    },
    {
      id: 'L2',
      content: '预包装食品标签是否完备、是否在保质期内',
      method: '现场查看',
      legalBasis: '《食品安全法》第六十七条',
      finding: '标签不全或超过保质期',
    },
    {
      id: 'L3',
      content: '散装食品是否标明名称、生产日期、保质期等',
      method: '现场查看',
      legalBasis: '《食品安全法》第六十八条',
      finding: '散装食品未标明',
    },
    {
      id: 'L4',
      content: '食品销售者是否持有效健康证明',
      method: '查阅资料',
      legalBasis: '《食品安全法》第四十五条',
      finding: '从业人员无健康证明',
      onFinding: '03',
    },
  ],
});

describe('inspection checklists with line-level results', () => {
  it('no failed line aggregates to 01', () => {
    const e = evaluateChecklistResults(
      checklist,
      ['L1', 'L2', 'L3', 'L4'].map((id) => ({ id, result: id === 'L3' ? 'na' : 'pass' }) as const),
      { checkResult: '01' },
    );
    expect(e).toMatchObject({ conclusion: '01', findings: [], issues: [], valid: true });
  });

  it('findings aggregate by key line, then precedence; a contradicting 检查结果 is reported', () => {
    const some = [
      { id: 'L1', result: 'pass' },
      { id: 'L2', result: 'fail', note: '过期酸奶2盒' },
      { id: 'L3', result: 'pass' },
      { id: 'L4', result: 'fail' },
    ] as const;
    const e = evaluateChecklistResults(checklist, some, { checkResult: '01' });
    expect(e.conclusion).toBe('02');
    expect(e.findings.map((f) => f.id)).toEqual(['L2', 'L4']);
    expect(e.issues.map((i) => i.rule)).toEqual(['conclusion_mismatch']);
    const key = evaluateChecklistResults(checklist, [...some.slice(1), { id: 'L1', result: 'fail' }], {
      checkResult: '04',
    });
    expect([key.conclusion, key.valid]).toEqual(['04', true]);
  });

  it('reports unknown, duplicated, invalid and missing lines', () => {
    const e = evaluateChecklistResults(checklist, [
      { id: 'L1', result: 'pass' },
      { id: 'L1', result: 'pass' },
      { id: 'L9', result: 'pass' },
      { id: 'L2', result: 'maybe' as 'pass' },
    ]);
    expect(e.issues.map((i) => [i.rule, i.lineId])).toEqual([
      ['line_duplicate', 'L1'],
      ['line_unknown', 'L9'],
      ['result_invalid', 'L2'],
      ['line_missing', 'L3'],
      ['line_missing', 'L4'],
    ]);
    expect(e.valid).toBe(false);
  });

  it('rejects a checklist with a duplicate line, an unreadable basis or a bad code', () => {
    const base = { ...checklist, items: [...checklist.items] };
    expect(thrownBy(() => defineChecklist({ ...base, items: [...base.items, base.items[0]] })).path).toEqual([
      'items',
      4,
      'id',
    ]);
    const basis = thrownBy(() =>
      defineChecklist({ ...base, items: [{ ...base.items[0]!, legalBasis: '有关规定' }] }),
    );
    expect([basis.code, basis.path]).toEqual(['invalid_checklist', ['items', 0, 'legalBasis']]);
    expect(thrownBy(() => defineChecklist({ ...base, itemCode: '1' })).code).toBe('invalid_checklist');
    expect(
      thrownBy(() => defineChecklist({ ...base, items: [{ ...base.items[0]!, onFinding: '09' }] })).code,
    ).toBe('invalid_checklist');
  });
});

describe('discretion benchmarks', () => {
  it('the example set validates and finds entries by the cited article', () => {
    const set = defineBenchmarkSet(EXAMPLE_BENCHMARK_SET);
    expect(findBenchmarkEntry(set, { punishAccord: '依据《殡葬管理条例》第二十二条第二款' })?.id).toBe(
      'funeral-superstitious-goods',
    );
    expect(findBenchmarkEntry(set, { punishAccord: '殡葬管理条例第22条' })?.id).toBe(
      'funeral-superstitious-goods',
    );
    expect(findBenchmarkEntry(set, { punishAccord: '《殡葬管理条例》第二十二条第一款' })).toBeUndefined();
    expect(findBenchmarkEntry(set, { punishAccord: '《价格违法行为行政处罚规定》第七条' })?.id).toBe(
      'price-violation-art7-no-gains',
    );
  });

  it('rejects a band outside the statutory range, duplicate degrees and unreadable bases', () => {
    const entry = EXAMPLE_BENCHMARK_SET.entries[0]!;
    const wide = { ...entry, degrees: [{ degree: '从重', multiple: { min: 2.4, max: 5 } }] };
    const e = thrownBy(() => defineBenchmarkSet({ ...EXAMPLE_BENCHMARK_SET, entries: [wide] }));
    expect([e.code, e.path]).toEqual(['invalid_benchmark_set', ['entries', 0, 'degrees', 0, 'multiple']]);
    const dup = { ...entry, degrees: [entry.degrees[0]!, entry.degrees[0]!] };
    expect(thrownBy(() => defineBenchmarkSet({ ...EXAMPLE_BENCHMARK_SET, entries: [dup] })).path).toEqual([
      'entries',
      0,
      'degrees',
      1,
      'degree',
    ]);
    expect(
      thrownBy(() =>
        defineBenchmarkSet({ ...EXAMPLE_BENCHMARK_SET, entries: [{ ...entry, penaltyBasis: '相关规定' }] }),
      ).code,
    ).toBe('invalid_benchmark_set');
    const inverted = { ...entry, degrees: [{ degree: '一般', fine: { min: 10, max: 1 } }] };
    expect(() => defineBenchmarkSet({ ...EXAMPLE_BENCHMARK_SET, entries: [inverted] })).toThrow(CatalogError);
  });
});

const penalty = (over: Record<string, unknown> = {}) => ({
  kind: 'penalty',
  recordId: 'CF-1',
  setDate: '2025-09-26',
  punishAccord: '《殡葬管理条例》第二十二条第二款',
  fineAmount: 6000,
  discretionDegree: '一般',
  discretionBaseAmount: 3000,
  isMajorCase: false,
  publishedDate: '2025-09-30',
  ...over,
});

describe('checkEnforcement (三项制度 and discretion)', () => {
  const options = { benchmarks: EXAMPLE_BENCHMARK_SET };

  it('a penalty inside its band, reviewed when major and published in time passes', () => {
    const r = checkEnforcement(
      [penalty(), penalty({ isMajorCase: true, legalReviewed: true, legalReviewDate: '2025-09-25' })],
      options,
    );
    expect(r).toEqual({ checked: 2, flagged: 0, issues: [] });
  });

  it('flags a penalty outside its benchmark band, citing the rule and the published source', () => {
    const r = checkEnforcement([penalty({ fineAmount: 9000 })], options);
    expect(r.flagged).toBe(1);
    const [issue] = r.issues;
    expect(issue).toMatchObject({
      rule: 'discretion_fine_out_of_band',
      field: 'fineAmount',
      value: 9000,
      severity: 'error',
      recordId: 'CF-1',
      benchmark: { setId: 'example-discretion', entryId: 'funeral-superstitious-goods' },
    });
    expect(issue?.message.zh).toContain('超出“一般”幅度 4800–7200 元');
    expect(issue?.message.zh).toContain('renrendoc.com/paper/362893586');
    expect(issue?.source).toContain('seed 002 (十)');
  });

  it('flags a major case without legal review, and a review dated after the decision', () => {
    const r = checkEnforcement(
      [
        penalty({ isMajorCase: true }),
        penalty({ isMajorCase: true, legalReviewed: true, legalReviewDate: '2025-09-27' }),
      ],
      options,
    );
    expect(r.issues.map((i) => [i.index, i.rule, i.source.slice(0, 8)])).toEqual([
      [0, 'major_case_no_legal_review', 'seed 002'],
      [1, 'legal_review_after_decision', 'seed 002'],
    ]);
    expect(r.issues[0]?.message.en).toBe('a major case needs legal review (legalReviewed must be true)');
  });

  it('publicity deadlines count working days on the official calendar (National Day 2025)', () => {
    // Decision Fri 2025-09-26; 7 working days: 28 (adjusted Sunday), 29, 30, Oct 9, 10, 11 (adjusted Saturday), 13.
    const late = checkEnforcement([penalty({ publishedDate: '2025-10-14' })], options);
    expect(late.issues.map((i) => i.rule)).toEqual(['publicity_late']);
    expect(late.issues[0]?.message.zh).toContain('晚于期限 2025-10-13');
    expect(checkEnforcement([penalty({ publishedDate: '2025-10-13' })], options).issues).toEqual([]);
    const missing = checkEnforcement([penalty({ publishedDate: undefined })], {
      ...options,
      today: '2025-10-14',
    });
    expect(missing.issues.map((i) => [i.rule, i.severity])).toEqual([['publicity_missing', 'warning']]);
    const samr = defineEnforcementRules({
      id: 'samr',
      version: '1',
      publicityWorkdays: 20,
      publicitySource: 'SAMR Order 45 第9–11条',
    });
    expect(
      checkEnforcement([penalty({ publishedDate: '2025-10-14' })], { ...options, rules: samr }).issues,
    ).toEqual([]);
  });

  it('flags a penalty without a degree, with an unknown degree, and a multiple band without its base', () => {
    const r = checkEnforcement(
      [
        penalty({ discretionDegree: undefined }),
        penalty({ discretionDegree: '特别严重' }),
        penalty({ discretionBaseAmount: undefined }),
      ],
      options,
    );
    expect(r.issues.map((i) => [i.index, i.rule, i.severity])).toEqual([
      [0, 'discretion_degree_missing', 'error'],
      [1, 'discretion_degree_unknown', 'error'],
      [2, 'discretion_base_missing', 'warning'],
    ]);
    expect(r.flagged).toBe(2);
  });

  it('fixed-amount bands; no benchmark is a warning; junk never throws; rules can be switched off', () => {
    const price = penalty({
      punishAccord: '《价格违法行为行政处罚规定》第七条',
      discretionDegree: '从轻',
      fineAmount: 300_000,
    });
    expect(checkEnforcement([price], options).issues.map((i) => i.rule)).toEqual([
      'discretion_fine_out_of_band',
    ]);
    const other = checkEnforcement(
      [penalty({ punishAccord: '《食品安全法》第一百二十四条' }), null, 'x', 42],
      options,
    );
    expect(other.issues.map((i) => [i.index, i.rule, i.severity])).toEqual([
      [0, 'discretion_no_benchmark', 'warning'],
      [1, 'record_invalid', 'error'],
      [2, 'record_invalid', 'error'],
      [3, 'record_invalid', 'error'],
    ]);
    expect(other.flagged).toBe(3);
    expect(checkEnforcement([{ kind: 'inspection' }]).issues.map((i) => i.rule)).toEqual(['record_invalid']);
    const off = defineEnforcementRules({
      id: 'x',
      version: '1',
      rules: { major_case_no_legal_review: { enabled: false } },
    });
    expect(checkEnforcement([penalty({ isMajorCase: true })], { ...options, rules: off }).issues).toEqual([]);
    expect(() => checkEnforcement([], { today: '2025/10/14' })).toThrow(CatalogError);
    expect(DEFAULT_ENFORCEMENT_RULES.rules.major_case_no_legal_review?.status).toBe('seed-stated');
  });
});
