/**
 * An indicator set edited in place between two scoring calls is scored by its new content (the validated copy
 * of the old content is never reused), at the top level (conventions, name, weights) and deep inside an
 * indicator (a threshold, a target, a metric parameter, the period that decides the scoring windows) — for
 * `scoreIndicators`, `compareUnits` and `scoreTrend`. The reference scores a fresh copy no cache has seen.
 */
import { fc, test } from '@fast-check/vitest';
import { deepFreeze } from '@jianguan/core';
import type { IndicatorSet, KpiData, ScoreOptions } from '@jianguan/kpi';
import {
  baselineIndicatorSet,
  compareUnits,
  hubeiLikeIndicatorSet,
  KpiError,
  type PreparedKpiData,
  prepareKpiData,
  scoreIndicators,
  scoreTrend,
} from '@jianguan/kpi';
import { describe, expect, it } from 'vitest';
import { smallData } from './fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: the tests edit untyped data on purpose
type Loose = Record<string, any>;

const RUNS = process.env.CI ? 100 : 25;
const OPTIONS: ScoreOptions = { period: '2023-Q2', unit: 'scjg' };

/** A plain, mutable copy of a shipped set (never seen by the SDK). */
const mutable = (set: IndicatorSet = baselineIndicatorSet): Loose => structuredClone(set) as Loose;
const indicator = (set: Loose, id: string): Loose => set.indicators.find((i: Loose) => i.id === id);

/** The scorecard of a never-seen copy: what any cache must agree with. */
const reference = (
  set: Loose,
  data: KpiData | PreparedKpiData = smallData,
  options: ScoreOptions = OPTIONS,
) => scoreIndicators(structuredClone(set) as IndicatorSet, data, options);
const score = (set: Loose, data: KpiData | PreparedKpiData = smallData, options: ScoreOptions = OPTIONS) =>
  scoreIndicators(set as IndicatorSet, data, options);

describe('an indicator set edited in place is scored by its new content', () => {
  it('top-level fields: conventions and name', () => {
    const set = mutable();
    const before = score(set);
    expect(before.passed).toBe(true);
    set.conventions.passMark = 70;
    set.name = { zh: '改过的指标体系', en: 'edited set' };
    const after = score(set);
    expect(after.passed).toBe(false);
    expect(after.setName.en).toBe('edited set');
    expect(after).toEqual(reference(set));
  });

  it('weights: points moved from one indicator to another (top-level field of an indicator)', () => {
    const set = mutable();
    expect(score(set).indicators.find((i) => i.id === 'catalog-claim-rate')?.points).toBe(5);
    indicator(set, 'catalog-claim-rate').points = 1;
    indicator(set, 'behaviour-coverage').points = 19;
    const card = score(set);
    expect(card.indicators.find((i) => i.id === 'catalog-claim-rate')?.points).toBe(1);
    expect(card.indicators.find((i) => i.id === 'behaviour-coverage')?.points).toBe(19);
    expect(card).toEqual(reference(set));
  });

  it('nested fields: a scoring slope, a target, a metric parameter', () => {
    const set = mutable();
    const before = score(set);
    indicator(set, 'catalog-claim-rate').scoring.points = 0.1;
    const after1 = score(set);
    expect(after1.indicators.find((i) => i.id === 'catalog-claim-rate')?.score).not.toBe(
      before.indicators.find((i) => i.id === 'catalog-claim-rate')?.score,
    );
    expect(after1).toEqual(reference(set));
    indicator(set, 'behaviour-coverage').target = 0.5;
    indicator(set, 'behaviour-report-timeliness').metric.allowedWorkdays = 0;
    const after2 = score(set);
    expect(after2.indicators.find((i) => i.id === 'behaviour-coverage')?.target).toBe(0.5);
    expect(after2).toEqual(reference(set));
    expect(after2.total).not.toBe(after1.total);
  });

  it("an indicator's period (the scoring windows) and a veto threshold", () => {
    const set = mutable(hubeiLikeIndicatorSet);
    const monthly = set.indicators.find((i: Loose) => i.period === 'month');
    expect(score(set).indicators.find((i) => i.id === monthly.id)?.windows).toHaveLength(3);
    monthly.period = 'quarter';
    const card = score(set);
    expect(card.indicators.find((i) => i.id === monthly.id)?.windows).toHaveLength(1);
    expect(card).toEqual(reference(set));
    const veto = set.indicators.find((i: Loose) => i.kind === 'veto');
    if (veto !== undefined) {
      veto.threshold = veto.threshold + 0.25;
      expect(score(set)).toEqual(reference(set));
    }
  });

  it('an edit into junk is an error (every time), and the edit back scores again', () => {
    const set = mutable();
    const before = score(set);
    indicator(set, 'behaviour-coverage').points = 'junk';
    expect(() => score(set)).toThrow(KpiError);
    expect(() => score(set)).toThrow(expect.objectContaining({ code: 'invalid_indicator_set' }));
    indicator(set, 'behaviour-coverage').points = 15;
    expect(score(set)).toEqual(before);
  });

  it('compareUnits and scoreTrend see the edit too', () => {
    const set = mutable();
    const prepared = prepareKpiData(smallData);
    const compare = () => compareUnits(set as IndicatorSet, prepared, { period: '2023-Q2' });
    const trend = () =>
      scoreTrend(set as IndicatorSet, prepared, { unit: 'scjg', periods: ['2023-Q1', '2023-Q2'] });
    const [c1, t1] = [compare(), trend()];
    indicator(set, 'behaviour-report-timeliness').perRecord = 1;
    const fresh = structuredClone(set) as IndicatorSet;
    expect(compare()).toEqual(compareUnits(fresh, prepared, { period: '2023-Q2' }));
    expect(trend()).toEqual(scoreTrend(fresh, prepared, { unit: 'scjg', periods: ['2023-Q1', '2023-Q2'] }));
    expect(compare()).not.toEqual(c1);
    expect(trend()).not.toEqual(t1);
  });

  it('a deeply frozen set scores like the shipped one, and scorecards stay frozen', () => {
    const frozen = deepFreeze(mutable());
    const first = scoreIndicators(frozen as IndicatorSet, smallData, OPTIONS);
    expect(first).toEqual(scoreIndicators(baselineIndicatorSet, smallData, OPTIONS));
    expect(scoreIndicators(frozen as IndicatorSet, smallData, OPTIONS)).toEqual(first);
    expect(Object.isFrozen(first.setName)).toBe(true);
  });
});

/** One in-place edit of a baseline copy that keeps it valid (points still add up). */
const edit: fc.Arbitrary<(set: Loose) => void> = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((v) => (set: Loose) => {
    set.conventions.passMark = v;
  }),
  fc.integer({ min: 0, max: 6 }).map((v) => (set: Loose) => {
    set.conventions.decimals = v;
  }),
  fc.integer({ min: 1, max: 9 }).map((v) => (set: Loose) => {
    // split the 10 points of two ratio indicators differently
    indicator(set, 'list-completeness').points = v;
    indicator(set, 'element-accuracy').points = 10 - v;
  }),
  fc.double({ min: 0, max: 1, noNaN: true }).map((v) => (set: Loose) => {
    indicator(set, 'behaviour-coverage').target = v;
  }),
  fc.double({ min: 0.01, max: 2, noNaN: true }).map((v) => (set: Loose) => {
    indicator(set, 'catalog-claim-rate').scoring.points = v;
  }),
  fc.integer({ min: 0, max: 20 }).map((v) => (set: Loose) => {
    indicator(set, 'behaviour-report-timeliness').metric.allowedWorkdays = v;
  }),
  fc.double({ min: 0, max: 1, noNaN: true }).map((v) => (set: Loose) => {
    indicator(set, 'behaviour-fix-timeliness').perRecord = v;
  }),
  fc.constantFrom('month', 'quarter', 'year').map((v) => (set: Loose) => {
    indicator(set, 'officer-activity-rate').period = v;
  }),
  fc.constantFrom('proportional', 'all_or_nothing').map((v) => (set: Loose) => {
    indicator(set, 'clue-feedback-rate').scoring = { method: v };
  }),
);

describe('property: after any sequence of in-place edits', () => {
  test.prop([fc.array(edit, { minLength: 1, maxLength: 6 })], { numRuns: RUNS })(
    'scoreIndicators on the edited object equals scoring a fresh copy',
    (edits) => {
      const set = mutable();
      const prepared = prepareKpiData(smallData);
      score(set, prepared);
      for (const apply of edits) {
        apply(set);
        expect(score(set, prepared)).toEqual(reference(set, prepared));
      }
    },
  );
});
