import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CatalogError,
  claimGapReport,
  defineCatalog,
  defineClaimSet,
  parseQuarter,
  quarterOf,
} from '../src/index.js';
import { item, meta, thrownBy } from './fixtures.js';

describe('quarters (China civil dates)', () => {
  it('parses and derives quarters, inclusive bounds', () => {
    expect(parseQuarter('2025-Q1')).toEqual({ id: '2025-Q1', start: '2025-01-01', end: '2025-03-31' });
    expect(quarterOf('2025-06-30').id).toBe('2025-Q2');
    expect(quarterOf('2025-07-01').id).toBe('2025-Q3');
    expect(quarterOf('2024-12-31').end).toBe('2024-12-31');
  });

  it.each(['2025-Q5', '2025Q1', 'Q1', 42])('rejects quarter %s', (q) => {
    expect(() => parseQuarter(q)).toThrow(CatalogError);
  });

  it('rejects a bad date', () => {
    expect(() => quarterOf('2025-02-30')).toThrow(CatalogError);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('defaults to the quarter of today in Asia/Shanghai, whatever the host time zone', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-03-31T16:30:00Z')); // 2025-04-01 00:30 in China, still 31 March in UTC
    expect(quarterOf().id).toBe('2025-Q2');
  });
});

const catalog = defineCatalog({
  ...meta,
  items: [
    item({ itemCode: '31000000100001', mainItemName: '甲', subItemName: '甲' }),
    item({ itemCode: '31000000100002', mainItemName: '乙', subItemName: '乙' }),
    item({ itemCode: '31000000100003', mainItemName: '丙', subItemName: '丙', process: undefined }),
    item({ itemCode: '31000000100004', mainItemName: '丁', subItemName: '丁' }),
    item({
      itemCode: '23000000100001',
      supervisionDept: '卫生健康委员会',
      supervisionDeptCode: '23',
      mainItemName: '戊',
    }),
  ].map((i) => Object.fromEntries(Object.entries(i).filter(([, v]) => v !== undefined))),
});

const claims = defineClaimSet({
  id: 'county-scjg',
  version: '2025.2',
  department: '某县市场监督管理局',
  departmentCode: '31',
  claims: [
    { itemCode: '31000000100001', claimedDate: '2025-03-01' },
    { itemCode: '31000000100002', local: { resultHandling: '' } },
    { itemCode: '31000000100003', local: { process: '县局：计划、检查、公示' } },
    { itemCode: '31000000199999' },
  ],
});

describe('claimGapReport', () => {
  const report = claimGapReport({
    catalog,
    claims,
    inspectionLists: [{ itemCode: '31000000100001' }, { itemCode: '31000000100003' }],
    behaviours: [
      { kind: 'inspection', itemCode: '31000000100001', checkDate: '2025-04-01' },
      { kind: 'penalty', itemCode: '31000000100002', setDate: '2025-03-31' }, // previous quarter
      { kind: 'inspection', itemCode: '31000000100003', checkDate: '2025-06-30' },
      { kind: 'inspection', itemCode: '31000000100003' }, // no act date: ignored
      'junk',
    ],
    quarter: '2025-Q2',
    today: '2025-07-02',
  });

  it('counts must-claim items by department code and reports each gap kind', () => {
    expect(report.summary).toEqual({
      mustClaim: 4,
      claimed: 4,
      unclaimed: 1,
      claimRate: 0.75,
      unknownClaims: 1,
      missingElements: 1,
      withoutInspectionList: 1,
      withoutBehaviour: 1,
    });
    expect(report.gaps.map((g) => [g.kind, g.itemCode])).toEqual([
      ['unclaimed', '31000000100004'],
      ['missing_elements', '31000000100002'],
      ['no_inspection_list', '31000000100002'],
      ['no_behaviour_this_quarter', '31000000100002'],
      ['unknown_claim', '31000000199999'],
    ]);
  });

  it('local elements fill the catalog item (丙 gets its 监管流程 from the claim) or blank it (乙)', () => {
    const missing = report.gaps.find((g) => g.kind === 'missing_elements');
    expect(missing?.fields).toEqual([{ field: 'resultHandling', zh: '监管结果' }]);
    expect(missing?.message.zh).toBe('已认领但要素缺失：监管结果');
    expect(missing?.source).toContain('seed 001');
  });

  it('the quarter is China civil dates, bounds inclusive', () => {
    expect(report.quarter).toEqual({ id: '2025-Q2', start: '2025-04-01', end: '2025-06-30' });
    const gap = report.gaps.find((g) => g.kind === 'no_behaviour_this_quarter');
    expect(gap?.message.zh).toBe('2025-Q2（2025-04-01至2025-06-30）无监管行为数据：乙');
  });

  it('skips the inspection-list and behaviour checks when their data is not given; takes an explicit must-claim list', () => {
    const r = claimGapReport({ catalog, claims, mustClaim: ['23000000100001'], quarter: '2025-Q2' });
    expect(r.gaps.map((g) => g.kind)).toEqual(['unclaimed', 'missing_elements', 'unknown_claim']);
    expect(r.summary.claimRate).toBe(0);
  });

  it('items cancelled (02 取消) or suspended (03 暂停) are not 应领 by default; an explicit list still counts them', () => {
    const withStatus = defineCatalog({
      ...meta,
      version: '2025.3',
      items: [
        item({ itemCode: '31000000100001' }),
        item({ itemCode: '31000000100002', status: '02' }),
        item({ itemCode: '31000000100003', status: '暂停' }),
        item({ itemCode: '31000000100004', status: '01' }),
      ],
    });
    const only1 = defineClaimSet({ ...claims, claims: [{ itemCode: '31000000100001' }] });
    const r = claimGapReport({ catalog: withStatus, claims: only1, quarter: '2025-Q2' });
    expect(r.summary).toMatchObject({ mustClaim: 2, unclaimed: 1, claimRate: 0.5 });
    expect(r.gaps.filter((g) => g.kind === 'unclaimed').map((g) => g.itemCode)).toEqual(['31000000100004']);
    const explicit = claimGapReport({
      catalog: withStatus,
      claims: only1,
      mustClaim: ['31000000100002'],
      quarter: '2025-Q2',
    });
    expect(explicit.summary).toMatchObject({ mustClaim: 1, unclaimed: 1 });
  });
});

describe('defineClaimSet', () => {
  it('rejects a duplicate claim and a bad code with the path', () => {
    const dup = thrownBy(() =>
      defineClaimSet({ ...claims, claims: [{ itemCode: '31000000100001' }, { itemCode: '31000000100001' }] }),
    );
    expect([dup?.code, dup?.path]).toEqual(['invalid_claims', ['claims', 1]]);
    const bad = thrownBy(() => defineClaimSet({ ...claims, claims: [{ itemCode: '123' }] }));
    expect([bad?.code, bad?.path]).toEqual(['invalid_claims', ['claims', 0, 'itemCode']]);
  });
});
