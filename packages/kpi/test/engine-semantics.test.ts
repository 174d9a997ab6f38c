import {
  type AssessmentFact,
  baselineIndicatorSet,
  deriveIndicatorSet,
  hubeiLikeIndicatorSet,
  type KpiData,
  scoreIndicators,
} from '@jianguan/kpi';
import { describe, expect, it } from 'vitest';
import { atLeast, below, KPI_TOLERANCE, nearlyEqual, roundTo } from '../src/scoring/tolerance.js';
import { smallData } from './fixtures.js';

const ind = (card: ReturnType<typeof scoreIndicators>, id: string) =>
  card.indicators.find((i) => i.id === id)!;

/** The Hubei-like set with one more veto: the organisation assessment must average at least 0.1. */
const withAssessmentVeto = deriveIndicatorSet(hubeiLikeIndicatorSet, {
  id: 'hubei-like-assessment-veto',
  version: '1.0.0',
  add: [
    {
      id: 'organisation-floor',
      name: { zh: '组织保障评价不得低于 10%', en: 'organisation assessment at least 10 %' },
      dimension: '组织保障',
      period: 'year',
      kind: 'veto',
      points: 0,
      metric: { type: 'manual_assessment', key: 'organisation' },
      threshold: 0.1,
      source: [{ ref: 'test', status: 'inferred' }],
    },
  ],
});

const region = { id: 'r', departments: ['a', 'b', 'c'] };
const assess = (values: number[]): KpiData => ({
  assessments: values.map((value, i) => ({
    key: 'organisation',
    department: ['a', 'b', 'c'][i]!,
    period: '2023',
    value,
  })),
});

describe('one tolerance policy for every KPI comparison', () => {
  it('the helpers treat floating-point noise as equality', () => {
    const mean = (0.3 + 0 + 0) / 3;
    expect(mean).toBe(0.09999999999999999);
    expect(atLeast(mean, 0.1)).toBe(true);
    expect(below(mean, 0.1)).toBe(false);
    expect(below(0.1 - 10 * KPI_TOLERANCE, 0.1)).toBe(true);
    expect(nearlyEqual(0.1 + 0.2, 0.3)).toBe(true);
    expect(roundTo(2.675, 2)).toBe(2.68);
  });

  it('a veto does not fire on a mean of 0.1 computed as 0.09999999999999999', () => {
    const card = scoreIndicators(withAssessmentVeto, assess([0.3, 0, 0]), {
      period: '2023-Q2',
      unit: region,
    });
    expect(ind(card, 'organisation-floor').value).toBe(0.09999999999999999);
    expect(card.vetoes).not.toContain('organisation-floor');
    expect(ind(card, 'organisation-floor').status).toBe('full');
  });

  it('a veto still fires just below the threshold', () => {
    const card = scoreIndicators(withAssessmentVeto, assess([0.29, 0, 0]), {
      period: '2023-Q2',
      unit: region,
    });
    expect(card.vetoes).toContain('organisation-floor');
  });

  it('an all-or-nothing ratio met up to noise earns its points, like the veto', () => {
    const set = deriveIndicatorSet(hubeiLikeIndicatorSet, {
      id: 'aon',
      version: '1.0.0',
      override: { organisation: { target: 0.1, scoring: { method: 'all_or_nothing' } } },
    });
    const card = scoreIndicators(set, assess([0.3, 0, 0]), { period: '2023-Q2', unit: region });
    expect(ind(card, 'organisation').score).toBe(5);
    expect(ind(card, 'organisation').status).toBe('full');
  });
});

describe('overlapping manual assessments: order-independent', () => {
  const permutations = <T>(xs: T[]): T[][] =>
    xs.length <= 1
      ? [xs]
      : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
  const score = (assessments: AssessmentFact[]) =>
    ind(
      scoreIndicators(hubeiLikeIndicatorSet, { assessments }, { period: '2023-Q2', unit: 'scjg' }),
      'organisation',
    ).score;

  it('two assessments of the same period: the lower one counts, whatever the order', () => {
    const a: AssessmentFact = { key: 'organisation', department: 'scjg', period: '2023', value: 0.8 };
    const b: AssessmentFact = { ...a, value: 0.4 };
    expect(score([a, b])).toBe(2);
    expect(score([b, a])).toBe(2);
  });

  it('the assessment covering the whole window beats a partial one; then the shorter period', () => {
    const year: AssessmentFact = { key: 'organisation', department: 'scjg', period: '2023', value: 1 };
    const half: AssessmentFact = { ...year, period: '2023-Q3', value: 0.2 };
    // The indicator's window is the year 2023 (period 'year'): only the yearly assessment covers it.
    for (const order of permutations([year, half])) expect(score(order)).toBe(5);
  });

  it('every permutation of four overlapping assessments scores the same', () => {
    const base: AssessmentFact = { key: 'organisation', department: 'scjg', period: '2023', value: 0.6 };
    const all = [
      base,
      { ...base, value: 0.5 },
      { ...base, period: '2023-Q2', value: 0.1 },
      { ...base, period: '2023-06', value: 0.9 },
    ];
    const scores = new Set(permutations(all).map(score));
    expect(scores.size).toBe(1);
    expect([...scores][0]).toBe(2.5);
  });
});

describe('a unit with no data is scored, each indicator marked no-data', () => {
  it('a department absent from the data', () => {
    const card = scoreIndicators(baselineIndicatorSet, smallData, { period: '2023-Q2', unit: 'nobody' });
    expect(card.noData).toBe(true);
    expect(card.unit.departmentsWithoutData).toEqual(['nobody']);
    expect(card.indicators.length).toBe(baselineIndicatorSet.indicators.length);
    for (const i of card.indicators) expect(i.noData, i.id).toBe(true);
    expect(Number.isFinite(card.total)).toBe(true);
  });

  it('empty data: nothing reported triggers the zero-reporting veto and missing assessments cost their points', () => {
    const card = scoreIndicators(hubeiLikeIndicatorSet, {}, { period: '2023-Q2', unit: 'scjg' });
    expect(card.noData).toBe(true);
    expect(card.vetoes).toEqual(['zero-reporting']);
    expect(card.passed).toBe(false);
    expect(ind(card, 'organisation').score).toBe(0);
    expect(ind(card, 'behaviour-coverage').status).toBe('not_applicable');
  });

  it('a region with one department without data pools it as empty and says so', () => {
    const card = scoreIndicators(baselineIndicatorSet, smallData, {
      period: '2023-Q2',
      unit: { id: 'r', departments: ['scjg', 'ghost'] },
    });
    expect(card.noData).toBeUndefined();
    expect(card.unit.departmentsWithoutData).toEqual(['ghost']);
    expect(card.indicators.every((i) => i.noData === undefined)).toBe(true);
  });
});
