import type { Indicator, IndicatorResult, KpiData, Scorecard } from '@jianguan/kpi';
import { baselineIndicatorSet, prepareKpiData, scoreIndicators } from '@jianguan/kpi';
import { expectTypeOf, test } from 'vitest';

test('scoreIndicators takes raw or prepared data and returns a Scorecard', () => {
  const data: KpiData = {};
  expectTypeOf(
    scoreIndicators(baselineIndicatorSet, data, { period: '2023-Q2', unit: 'x' }),
  ).toEqualTypeOf<Scorecard>();
  expectTypeOf(scoreIndicators).toBeCallableWith(baselineIndicatorSet, prepareKpiData(data), {
    period: '2023',
    unit: { id: 'r', departments: ['a', 'b'] },
  });
});

test('indicators are a union discriminated on kind', () => {
  expectTypeOf<Indicator['kind']>().toEqualTypeOf<'ratio' | 'quota' | 'timeliness' | 'veto' | 'bonus'>();
  expectTypeOf<Extract<Indicator, { kind: 'timeliness' }>['perRecord']>().toEqualTypeOf<number>();
  expectTypeOf<IndicatorResult['deductions'][number]['records'][number]['workdaysLate']>().toEqualTypeOf<
    number | undefined
  >();
});
