import type { BehaviourRecord, CatalogItem, Officer } from '@jianguan/core';
import { createCalendar, isJianguanError, organisationClosures } from '@jianguan/core';
import {
  baselineIndicatorSet,
  behaviourFactFromRecord,
  catalogItemFactFromItem,
  civilDate,
  compareUnits,
  comparisonToCsv,
  dayNumber,
  deductionsToCsv,
  defineIndicatorSet,
  deriveIndicatorSet,
  findIndicator,
  hubeiLikeIndicatorSet,
  KpiError,
  officerFactFromOfficer,
  parsePeriod,
  periodContaining,
  periodRange,
  prepareKpiData,
  resolveTarget,
  scorecardToCsv,
  scorecardToJson,
  scoreIndicators,
  scoreTrend,
  subPeriods,
} from '@jianguan/kpi';
import { describe, expect, it } from 'vitest';
import { smallData } from './fixtures.js';

function kpiError(fn: () => unknown): KpiError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(KpiError);
    expect(isJianguanError(error)).toBe(true);
    return error as KpiError;
  }
  throw new Error('expected a KpiError');
}

describe('periods', () => {
  it.each([
    ['2023', 'year', '2023-01-01', '2023-12-31'],
    ['2023-Q1', 'quarter', '2023-01-01', '2023-03-31'],
    ['2024-Q1', 'quarter', '2024-01-01', '2024-03-31'],
    ['2024-02', 'month', '2024-02-01', '2024-02-29'],
    ['2023-12', 'month', '2023-12-01', '2023-12-31'],
  ])('%s is a %s from %s to %s', (id, granularity, start, end) => {
    expect(parsePeriod(id)).toMatchObject({ id, granularity, start, end });
  });
  it.each(['2023-Q5', '2023-13', '23', '2023-1', '', 'x'])('%s is rejected', (id) => {
    expect(kpiError(() => parsePeriod(id)).code).toBe('invalid_period');
  });
  it('splits, contains and ranges', () => {
    expect(subPeriods('2023', 'quarter').map((p) => p.id)).toEqual([
      '2023-Q1',
      '2023-Q2',
      '2023-Q3',
      '2023-Q4',
    ]);
    expect(subPeriods('2023-Q2', 'month').map((p) => p.id)).toEqual(['2023-04', '2023-05', '2023-06']);
    expect(subPeriods('2023-05', 'year').map((p) => p.id)).toEqual(['2023']);
    expect(periodContaining('2023-11-30', 'quarter').id).toBe('2023-Q4');
    expect(periodRange('2023-Q4', '2024-Q2').map((p) => p.id)).toEqual(['2023-Q4', '2024-Q1', '2024-Q2']);
    expect(kpiError(() => periodRange('2024-Q2', '2023-Q4')).code).toBe('invalid_period');
  });
  it('day numbers round-trip', () => {
    for (const d of ['1970-01-01', '2000-02-29', '2023-12-31', '2024-03-01'])
      expect(civilDate(dayNumber(d))).toBe(d);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(kpiError(() => dayNumber('2023-02-29')).code).toBe('invalid_kpi_data');
  });
});

describe('indicator sets as data', () => {
  it('ship two valid, versioned sets whose deduction points add up to 100 and that cite sources', () => {
    for (const set of [baselineIndicatorSet, hubeiLikeIndicatorSet]) {
      expect(defineIndicatorSet(JSON.parse(JSON.stringify(set)))).toEqual(set);
      const deduction = set.indicators.filter((i) => i.kind !== 'bonus' && i.kind !== 'veto');
      expect(deduction.reduce((s, i) => s + i.points, 0)).toBe(100);
      for (const i of set.indicators) expect(i.source.length).toBeGreaterThan(0);
    }
    expect(new Set(hubeiLikeIndicatorSet.indicators.map((i) => i.dimension)).size).toBe(6);
  });

  it('the baseline carries the seeds’ numbers', () => {
    const metric = (id: string) => findIndicator(baselineIndicatorSet, id).metric;
    expect(metric('behaviour-report-timeliness')).toEqual({
      type: 'behaviour_report_timeliness',
      allowedWorkdays: 2,
    });
    expect(metric('behaviour-fix-timeliness')).toEqual({
      type: 'behaviour_fix_timeliness',
      allowedWorkdays: 5,
    });
    expect(metric('double-notification-claim-timeliness')).toMatchObject({ allowedWorkdays: 5 });
    expect(metric('officer-activity-rate')).toMatchObject({
      minLoginsPerMonth: 1,
      minOnlineDaysPerMonth: 15,
    });
    const target = (id: string) => {
      const i = findIndicator(baselineIndicatorSet, id);
      return 'target' in i ? i.target : undefined;
    };
    expect([
      target('work-news'),
      target('exposure'),
      target('annual-plan'),
      target('behaviour-coverage'),
    ]).toEqual([20, 4, 1, 1]);
  });

  it('steps targets per period', () => {
    const coverage = findIndicator(hubeiLikeIndicatorSet, 'behaviour-coverage');
    if (coverage.kind !== 'ratio') throw new Error('ratio expected');
    expect(
      ['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q2', '2023'].map((p) =>
        resolveTarget(coverage.target, p),
      ),
    ).toEqual([0.3, 0.4, 0.5, 0.6, 0.7, 0.3]);
    expect(resolveTarget(0.9, '2020')).toBe(0.9);
  });

  it.each([
    [
      'points that do not add up',
      (s: Record<string, unknown>) => ({
        ...s,
        conventions: { ...(s.conventions as object), deductionPoints: 90 },
      }),
    ],
    [
      'a duplicate id',
      (s: Record<string, unknown>) => ({
        ...s,
        indicators: [...(s.indicators as unknown[]), (s.indicators as unknown[])[0]],
      }),
    ],
    ['a bad version', (s: Record<string, unknown>) => ({ ...s, version: 'v1' })],
    [
      'a quota over a ratio metric',
      (s: Record<string, unknown>) => ({
        ...s,
        indicators: (s.indicators as Record<string, unknown>[]).map((i) =>
          i.id === 'work-news' ? { ...i, metric: { type: 'behaviour_coverage' } } : i,
        ),
      }),
    ],
  ])('rejects %s with invalid_indicator_set', (_, mutate) => {
    const json = JSON.parse(JSON.stringify(baselineIndicatorSet)) as Record<string, unknown>;
    const error = kpiError(() => defineIndicatorSet(mutate(json)));
    expect(error.code).toBe('invalid_indicator_set');
    expect((error.details.issues as unknown[]).length).toBeGreaterThan(0);
  });

  it('derives a province variant (Xi’an: 5 working days) that records what it extends', () => {
    const xian = deriveIndicatorSet(baselineIndicatorSet, {
      id: 'baseline-xian',
      version: '1.0.0',
      override: {
        'behaviour-report-timeliness': {
          metric: { type: 'behaviour_report_timeliness', allowedWorkdays: 5 },
        },
      },
    });
    expect(xian.extends).toEqual({ id: 'jianguan-baseline', version: '1.1.0' });
    const card = scoreIndicators(xian, smallData, { period: '2023-Q2', unit: 'scjg' });
    // with 5 working days b2 (4 after the act) and b4 (4 after) are on time
    expect(card.indicators.find((i) => i.id === 'behaviour-report-timeliness')?.score).toBe(15);
    expect(
      kpiError(() =>
        deriveIndicatorSet(baselineIndicatorSet, { id: 'x', version: '1.0.0', remove: ['nope'] }),
      ).code,
    ).toBe('invalid_indicator_set');
  });
});

describe('bad input never crashes with a raw TypeError', () => {
  it.each([
    [
      {
        behaviours: [
          {
            recordId: 'r',
            itemCode: 'I',
            department: 'd',
            actDate: '2023/04/01',
            reportedDate: '2023-04-02',
          },
        ],
      },
      ['behaviours', 0, 'actDate'],
    ],
    [
      { behaviours: [{ recordId: 'r', itemCode: 'I', department: 'd', actDate: '2023-04-01' }] },
      ['behaviours', 0, 'reportedDate'],
    ],
    [{ behaviours: [null] }, ['behaviours', 0]],
    [{ catalogItems: [{ itemCode: 'I', department: 'd', claimed: 'yes' }] }, ['catalogItems', 0, 'claimed']],
    [
      {
        officers: [
          {
            officerId: 'o',
            department: 'd',
            certified: true,
            registered: true,
            activity: [{ month: '2023-4', logins: 1, onlineDays: 1 }],
          },
        ],
      },
      ['officers', 0, 'activity', 0, 'month'],
    ],
    [
      { publications: [{ publicationId: 'p', department: 'd', channel: 'news', date: '2023-04-01' }] },
      ['publications', 0, 'channel'],
    ],
    [
      { assessments: [{ key: 'k', department: 'd', period: '2023-Q2', value: 2 }] },
      ['assessments', 0, 'value'],
    ],
    [
      {
        catalogItems: [
          { itemCode: 'I', department: 'd', claimed: true },
          { itemCode: 'I', department: 'd', claimed: true },
        ],
      },
      ['catalogItems', 1, 'itemCode'],
    ],
  ])('%j fails at %j', (data, path) => {
    const error = kpiError(() => prepareKpiData(data as never));
    expect(error.code).toBe('invalid_kpi_data');
    expect(error.path).toEqual(path);
  });

  it('unknown units and bad options', () => {
    // A department absent from the data is scored as empty (see engine-semantics.test.ts), not rejected.
    expect(
      scoreIndicators(baselineIndicatorSet, smallData, { period: '2023-Q2', unit: 'nobody' }).noData,
    ).toBe(true);
    expect(
      kpiError(() => scoreIndicators(baselineIndicatorSet, smallData, { period: '2023-Q2', unit: '' })).code,
    ).toBe('invalid_unit');
    expect(
      kpiError(() => scoreIndicators(baselineIndicatorSet, smallData, { period: 'Q2', unit: 'scjg' })).code,
    ).toBe('invalid_period');
    expect(kpiError(() => scoreIndicators(baselineIndicatorSet, smallData, undefined as never)).code).toBe(
      'invalid_options',
    );
    const trend = kpiError(() =>
      scoreTrend(baselineIndicatorSet, smallData, { unit: 'scjg', periods: '2023-Q2' as never }),
    );
    expect([trend.code, trend.path]).toEqual(['invalid_options', ['options', 'periods']]);
    const unit = kpiError(() =>
      scoreTrend(baselineIndicatorSet, smallData, { unit: null as never, periods: [] }),
    );
    expect([unit.code, unit.path]).toEqual(['invalid_options', ['options', 'unit']]);
    const units = kpiError(() =>
      compareUnits(baselineIndicatorSet, smallData, { period: '2023-Q2', units: 'scjg' as never }),
    );
    expect([units.code, units.path]).toEqual(['invalid_options', ['options', 'units']]);
    expect(kpiError(() => resolveTarget(undefined as never, '2025-Q1')).path).toEqual(['target']);
    expect(kpiError(() => resolveTarget({ initial: 1, steps: [null] } as never, '2025-Q1')).path).toEqual([
      'target',
      'steps',
      0,
    ]);
  });
});

describe('units, regions, comparisons and trends', () => {
  it('a region pools its departments', () => {
    const region = scoreIndicators(baselineIndicatorSet, smallData, {
      period: '2023-Q2',
      unit: { id: '420322', name: '郧西县', departments: ['scjg', 'hbj'] },
    });
    expect(region.unit).toEqual({ id: '420322', name: '郧西县', departments: ['hbj', 'scjg'] });
    const coverage = region.indicators.find((i) => i.id === 'behaviour-coverage');
    // scjg 3/4 + hbj 0/1 → 3/5
    expect([coverage?.value, coverage?.score]).toEqual([0.6, 9]);
  });

  it('ranks units, vetoed ones last', () => {
    const c = compareUnits(hubeiLikeIndicatorSet, smallData, { period: '2023-Q2' });
    expect(c.rows.map((r) => [r.rank, r.unit, r.vetoed])).toEqual([
      [1, 'scjg', false],
      [2, 'hbj', true],
    ]);
    expect(c.rows[0]?.total).toBe(73.18);
    const csv = comparisonToCsv(c);
    expect(csv.split('\r\n')[0]).toBe(
      'rank,unit,name,total,deduction_score,bonus,passed,vetoed,清单管理,数据汇聚,监管履职,信息化建设,系统信息维护,组织保障',
    );
    expect(csv.split('\r\n')[1]).toMatch(/^1,scjg,,73\.18,73\.18,8,true,false,21,27\.85,5,7\.5,6\.83,5$/);
  });

  it('trends across quarters use each quarter’s own target', () => {
    const t = scoreTrend(hubeiLikeIndicatorSet, smallData, {
      unit: 'scjg',
      periods: ['2023-Q1', '2023-Q2', '2023-Q3'],
    });
    expect(t.points.map((p) => p.period)).toEqual(['2023-Q1', '2023-Q2', '2023-Q3']);
    expect(t.points[1]?.total).toBe(73.18);
    expect(t.scorecards.map((c) => c.indicators.find((i) => i.id === 'behaviour-coverage')?.target)).toEqual([
      0.3, 0.4, 0.5,
    ]);
    // Q3 has no behaviour records at all: vetoed
    expect(t.points[2]?.vetoed).toBe(true);
  });

  it('asOf scores mid-period: windows end there and pending items are judged against it', () => {
    const card = scoreIndicators(baselineIndicatorSet, smallData, {
      period: '2023-Q2',
      unit: 'scjg',
      asOf: '2023-06-10',
    });
    expect(card.asOf).toBe('2023-06-10');
    const fix = card.indicators.find((i) => i.id === 'behaviour-fix-timeliness');
    // b5 due 06-08: 1 working day late by 06-10 (a Saturday → 06-09 only)
    expect(fix?.deductions[0]?.records.find((r) => r.id === 'b5')?.workdaysLate).toBe(1);
    // b4 (acted 06-21) is outside the window
    expect(
      card.indicators
        .find((i) => i.id === 'behaviour-report-timeliness')
        ?.deductions[0]?.records.map((r) => r.id),
    ).toEqual(['b2']);
  });

  it('a custom calendar (e.g. one with a regional holiday) changes the deadlines', () => {
    const calendar = createCalendar({
      overlays: [
        organisationClosures({
          id: 'scjg-move',
          name: 'Office move',
          nameZh: '搬迁停办',
          dates: ['2023-04-04'],
        }),
      ],
    });
    expect(calendar.isWorkday('2023-04-04')).toBe(false);
    const card = scoreIndicators(baselineIndicatorSet, smallData, {
      period: '2023-Q2',
      unit: 'scjg',
      calendar,
    });
    const b2 = card.indicators
      .find((i) => i.id === 'behaviour-report-timeliness')
      ?.deductions[0]?.records.find((r) => r.id === 'b2');
    expect([b2?.deadline, b2?.workdaysLate]).toEqual(['2023-04-07', 1]);
  });
});

describe('outputs', () => {
  const card = scoreIndicators(baselineIndicatorSet, smallData, { period: '2023-Q2', unit: 'scjg' });

  it('JSON round-trips and can trim evidence', () => {
    expect(JSON.parse(scorecardToJson(card))).toEqual(JSON.parse(JSON.stringify(card)));
    const trimmed = JSON.parse(scorecardToJson(card, { maxRecordsPerDeduction: 1, indent: 0 }));
    const fix = trimmed.indicators.find((i: { id: string }) => i.id === 'behaviour-fix-timeliness');
    expect(fix.deductions[0].records).toHaveLength(1);
    expect(fix.deductions[0].recordsOmitted).toBe(1);
  });

  it('CSV: a row per indicator plus TOTAL, a row per evidence record', () => {
    const rows = scorecardToCsv(card, { bom: true }).split('\r\n');
    expect(rows[0]?.startsWith('\uFEFFunit,period,dimension,indicator')).toBe(true);
    expect(rows).toContain(
      'scjg,2023-Q2,数据汇聚,behaviour-coverage,监管行为数据覆盖率,behaviour-data coverage,ratio,15,11.25,3.75,0.75,1,deducted',
    );
    expect(rows).toContain('scjg,2023-Q2,,TOTAL,总分,total,,100,64.48,,,,passed');
    const details = deductionsToCsv(card).split('\r\n');
    expect(details).toContain(
      'scjg,behaviour-report-timeliness,2023-Q2,0.2,behaviour,b4,scjg,late_report,2023-06-21,2023-06-28,2023-06-26,2,0.1,',
    );
    expect(details).toContain(
      'scjg,behaviour-fix-timeliness,2023-Q2,0.4,behaviour,b5,scjg,unfixed,2023-06-01,,2023-06-08,15,0.2,',
    );
  });

  it('CSV quotes commas and neutralises formulas', () => {
    const data = {
      catalogItems: [{ itemCode: '=HYPERLINK("x"),1', department: 'd', claimed: false }],
    };
    const c = scoreIndicators(baselineIndicatorSet, data, { period: '2023-Q2', unit: 'd' });
    expect(deductionsToCsv(c)).toContain(`"'=HYPERLINK(""x""),1"`);
  });

  it('CSV neutralises every formula-leading character, also - and the full-width forms', () => {
    for (const lead of ['-', '＝', '＋', '－', '＠']) {
      const data = { catalogItems: [{ itemCode: `${lead}2+3`, department: 'd', claimed: false }] };
      const c = scoreIndicators(baselineIndicatorSet, data, { period: '2023-Q2', unit: 'd' });
      const csv = deductionsToCsv(c);
      expect(csv).toContain(`'${lead}2+3`);
      expect(csv).not.toMatch(new RegExp(`(^|,)${lead === '-' ? '\\-' : lead}2\\+3`, 'm'));
    }
  });
});

describe('mappers from core records', () => {
  it('behaviour: act date from core, report date from submittedAt (China date)', () => {
    const record = {
      kind: 'penalty',
      recordId: 'CF-1',
      itemCode: '33010000100001',
      implementInstitutionCode: 'scjg',
      setDate: '2023-04-03',
      submittedAt: '2023-04-06T18:30:00+08:00',
    } as unknown as BehaviourRecord;
    expect(behaviourFactFromRecord(record, { rejectedDate: '2023-04-07' })).toEqual({
      recordId: 'CF-1',
      itemCode: '33010000100001',
      department: 'scjg',
      actDate: '2023-04-03',
      reportedDate: '2023-04-06',
      rejectedDate: '2023-04-07',
    });
    const unsent = { ...record, submittedAt: undefined } as unknown as BehaviourRecord;
    expect(kpiError(() => behaviourFactFromRecord(unsent)).path).toEqual(['submittedAt']);
  });

  it('catalog item: counts the ten elements', () => {
    const item = {
      itemCode: '33010000100001',
      supervisionDept: '市场监管局',
      mainItemName: '食品经营监督检查',
      supervisionMode: '双随机',
      supervisionMeasure: '现场检查',
      supervisedObject: '食品经营者',
      legalBasis: '《食品安全法》',
      supervisionLevels: ['3'],
    } as unknown as CatalogItem;
    expect(catalogItemFactFromItem(item, { department: 'scjg', claimed: true })).toEqual({
      itemCode: '33010000100001',
      department: 'scjg',
      claimed: true,
      mandatoryElements: 10,
      filledElements: 7,
    });
  });

  it('officer: keyed by certificate number', () => {
    const officer = {
      name: '张三',
      orgName: '市场监管局',
      lawEnforcementCertNo: 'ZF001',
      deptCode: 'scjg',
    } as unknown as Officer;
    expect(officerFactFromOfficer(officer, { registered: true })).toEqual({
      officerId: 'ZF001',
      department: 'scjg',
      certified: true,
      registered: true,
    });
  });
});
