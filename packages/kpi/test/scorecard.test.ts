import { dayInfo } from '@jianguan/core';
import type { IndicatorResult, Scorecard } from '@jianguan/kpi';
import { baselineIndicatorSet, hubeiLikeIndicatorSet, scoreIndicators, whatIf } from '@jianguan/kpi';
import { describe, expect, it } from 'vitest';
import { smallData } from './fixtures.js';

function ind(card: Scorecard, id: string): IndicatorResult {
  const found = card.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}

const sum = (xs: readonly number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;

describe('the calendar facts the hand computations rely on (core calendar)', () => {
  it.each([
    ['2023-04-05', false],
    ['2023-04-23', true],
    ['2023-05-01', false],
    ['2023-05-03', false],
    ['2023-05-06', true],
    ['2023-06-22', false],
    ['2023-06-24', false],
    ['2023-06-25', true],
  ])('%s is a working day: %s', (date, workday) => {
    expect(dayInfo(date).isWorkday).toBe(workday);
  });
});

describe('baseline set, department scjg, 2023-Q2 — computed by hand', () => {
  const card = scoreIndicators(baselineIndicatorSet, smallData, { period: '2023-Q2', unit: 'scjg' });

  it('清单管理: claim 4/5, list 2/3, elements 38/40 filled and 19/20 accurate', () => {
    // claim rate 80 %: 20 points below × 0.5 = 10 > 5 points → 0, the unclaimed item listed
    const claim = ind(card, 'catalog-claim-rate');
    expect(claim.value).toBe(0.8);
    expect(claim.score).toBe(0);
    expect(claim.deductions[0]?.records.map((r) => [r.id, r.reason])).toEqual([['I5', 'unclaimed']]);
    // inspection lists: I1, I2 have one, I3 has none, I4 needs none → 2/3; 33.33 × 0.5 > 5 → 0
    const lists = ind(card, 'inspection-list-completion');
    expect([lists.value, lists.score]).toEqual([2 / 3, 0]);
    expect(lists.deductions[0]?.records.map((r) => r.id)).toEqual(['I3']);
    // completeness 38/40 = 95 %: 5 × 0.5 = 2.5 off
    const complete = ind(card, 'list-completeness');
    expect([complete.value, complete.score, complete.deducted]).toEqual([0.95, 2.5, 2.5]);
    expect(complete.deductions[0]?.records).toEqual([
      {
        kind: 'catalog_item',
        id: 'I2',
        department: 'scjg',
        reason: 'incomplete_elements',
        detail: 'filled 8/10',
      },
    ]);
    // accuracy 19/20 = 95 % → 2.5
    expect(ind(card, 'element-accuracy').score).toBe(2.5);
    expect(card.dimensions.find((d) => d.dimension === '清单管理')?.score).toBe(5);
  });

  it('数据汇聚: coverage 3/4, two late reports, two late fixes', () => {
    // I1 (b1, b4), I2 (b2), I3 (b3) covered; I4 not; b5's item I9 is not in the catalog → 15 × 3/4
    const coverage = ind(card, 'behaviour-coverage');
    expect([coverage.value, coverage.score]).toEqual([0.75, 11.25]);
    expect(coverage.deductions[0]?.points).toBe(3.75);
    expect(coverage.deductions[0]?.records.map((r) => r.id)).toEqual(['I4']);

    // b2 and b4 are 2 working days late each; b3 is on time across 劳动节; b6 acted in Q1
    const report = ind(card, 'behaviour-report-timeliness');
    expect(report.deductions).toHaveLength(1);
    expect(report.deductions[0]?.records).toEqual([
      {
        kind: 'behaviour',
        id: 'b2',
        department: 'scjg',
        reason: 'late_report',
        eventDate: '2023-04-03',
        doneDate: '2023-04-10',
        deadline: '2023-04-06',
        workdaysLate: 2,
        points: 0.1,
      },
      {
        kind: 'behaviour',
        id: 'b4',
        department: 'scjg',
        reason: 'late_report',
        eventDate: '2023-06-21',
        doneDate: '2023-06-28',
        deadline: '2023-06-26',
        workdaysLate: 2,
        points: 0.1,
      },
    ]);
    expect(report.deductions[0]?.points).toBe(0.2);
    expect(report.score).toBe(14.8);
    expect(report.value).toBe(3 / 5);

    // fixes: b2 on time; b3 fixed 05-15 vs deadline 05-11 (2 late); b5 never fixed, due 06-08, 15 late by 06-30;
    // b4's fix is not due until 07-05
    const fix = ind(card, 'behaviour-fix-timeliness');
    expect(
      fix.deductions[0]?.records.map((r) => [
        r.id,
        r.reason,
        r.deadline,
        r.doneDate,
        r.workdaysLate,
        r.points,
      ]),
    ).toEqual([
      ['b3', 'late_fix', '2023-05-11', '2023-05-15', 2, 0.2],
      ['b5', 'unfixed', '2023-06-08', null, 15, 0.2],
    ]);
    expect(fix.score).toBe(4.6);
    expect(card.dimensions.find((d) => d.dimension === '数据汇聚')?.score).toBe(11.25 + 14.8 + 4.6);
  });

  it('监管履职: clues, 双告知 and the annual plan', () => {
    // c1 on time (deadline 04-23, a Sunday working day), c2 6 late, c3 never answered (deadline 06-15, 10 late)
    const rate = ind(card, 'clue-feedback-rate');
    expect([rate.value, rate.score]).toEqual([2 / 3, 0]);
    expect(rate.deductions[0]?.records.map((r) => [r.id, r.reason])).toEqual([['c3', 'missing_feedback']]);
    const timely = ind(card, 'clue-feedback-timeliness');
    expect(timely.deductions[0]?.records.map((r) => [r.id, r.deadline, r.workdaysLate])).toEqual([
      ['c2', '2023-05-17', 6],
      ['c3', '2023-06-15', 10],
    ]);
    expect(timely.score).toBe(4);
    // 双告知 all claimed; n2 exactly on its deadline 06-27; n3 one day late (deadline 06-28)
    expect(ind(card, 'double-notification-claim-rate').score).toBe(5);
    const dn = ind(card, 'double-notification-claim-timeliness');
    expect(dn.deductions[0]?.records.map((r) => [r.id, r.deadline, r.workdaysLate])).toEqual([
      ['n3', '2023-06-28', 1],
    ]);
    expect(dn.score).toBe(4.5);
    // annual plan published 02-15: counted year-to-date
    const plan = ind(card, 'annual-plan');
    expect(plan.score).toBe(5);
    expect(plan.windows[0]?.period).toBe('2023…2023-Q2');
    expect(card.dimensions.find((d) => d.dimension === '监管履职')?.score).toBe(0 + 4 + 5 + 4.5 + 5);
  });

  it('系统信息维护: registration, monthly activity and publication quotas', () => {
    expect(ind(card, 'officer-registration-rate').score).toBe(0); // 2/3 registered
    // April: both active; May: o2 has no activity; June: o1 online 10 days → (5 + 2.5 + 2.5) / 3
    const activity = ind(card, 'officer-activity-rate');
    expect(activity.windows.map((w) => [w.period, w.value, w.score])).toEqual([
      ['2023-04', 1, 5],
      ['2023-05', 0.5, 2.5],
      ['2023-06', 0.5, 2.5],
    ]);
    expect(activity.score).toBe(3.33);
    expect(activity.deductions.map((d) => [d.period, d.points, d.records.map((r) => r.id)])).toEqual([
      ['2023-05', 0.83, ['o2']],
      ['2023-06', 0.83, ['o1']],
    ]);
    // work news: 20, 15, 0 → 0 + 5×0.1 + 20×0.1
    const news = ind(card, 'work-news');
    expect(news.deductions.map((d) => [d.period, d.points])).toEqual([
      ['2023-05', 0.5],
      ['2023-06', 2],
    ]);
    expect(news.score).toBe(2.5);
    // exposure: 4, 4, 3 → 1 × 0.5
    expect(ind(card, 'exposure').score).toBe(4.5);
    expect(card.dimensions.find((d) => d.dimension === '系统信息维护')?.score).toBe(10.33);
  });

  it('totals: 5 + 30.65 + 18.5 + 10.33 = 64.48, passed, no bonus in this set', () => {
    expect(card.deductionScore).toBe(64.48);
    expect(card.total).toBe(64.48);
    expect(card.passed).toBe(true);
    expect(card.vetoed).toBe(false);
    expect(card.bonusEarned).toBe(0);
    expect(sum(card.indicators.map((i) => i.score))).toBe(64.48);
    expect(sum(card.indicators.map((i) => i.deducted))).toBe(35.52);
  });

  it('what-if: one more covered item reaches the coverage target', () => {
    const rows = whatIf(card).rows;
    expect(rows.find((r) => r.indicatorId === 'behaviour-coverage')).toMatchObject({
      needed: 1,
      pointsRecoverable: 3.75,
    });
    expect(rows.find((r) => r.indicatorId === 'catalog-claim-rate')).toMatchObject({
      needed: 1,
      pointsRecoverable: 5,
    });
    expect(rows.find((r) => r.indicatorId === 'work-news' && r.period === '2023-06')).toMatchObject({
      needed: 20,
    });
    expect(whatIf(card).projectedDeductionScore).toBe(100);
  });
});

describe('Hubei-like set, department scjg, 2023-Q2 — computed by hand', () => {
  const card = scoreIndicators(hubeiLikeIndicatorSet, smallData, { period: '2023-Q2', unit: 'scjg' });

  it('清单管理 is weight × ratio: 7×0.8 + 6×2/3 + 6×0.95 + 6×0.95 = 21', () => {
    expect(ind(card, 'claim-rate').score).toBe(5.6);
    expect(ind(card, 'inspection-list-completion').score).toBe(4);
    expect(ind(card, 'list-completeness').score).toBe(5.7);
    expect(ind(card, 'element-accuracy').score).toBe(5.7);
    expect(card.dimensions.find((d) => d.dimension === '清单管理')?.score).toBe(21);
  });

  it('数据汇聚: the 2023-Q2 coverage target is 40 %, on-time rates, per-record deductions', () => {
    const coverage = ind(card, 'behaviour-coverage');
    expect([coverage.target, coverage.score]).toEqual([0.4, 15]);
    // 5 reports due in Q2, 3 on time: 10 × 0.6 / 0.95
    const onTime = ind(card, 'on-time-report-rate');
    expect([onTime.value, onTime.score]).toEqual([0.6, 6.32]);
    expect(onTime.deductions[0]?.records.map((r) => r.id)).toEqual(['b2', 'b4']);
    // 2 late × 0.05 + 4 working days × 0.01 = 0.14
    expect(ind(card, 'late-report-deduction').score).toBe(4.86);
    // fixes due: b2 (on time), b3 (late), b5 (overdue) → 5 × 1/3
    expect(ind(card, 'on-time-fix-rate').score).toBe(1.67);
    expect(card.dimensions.find((d) => d.dimension === '数据汇聚')?.score).toBe(27.85);
  });

  it('监管履职, 信息化建设, 系统信息维护, 组织保障', () => {
    expect(ind(card, 'clue-feedback-rate').score).toBe(3.33);
    expect(ind(card, 'clue-on-time-rate').score).toBe(1.67);
    expect(ind(card, 'double-notification-on-time').score).toBe(0); // 2/3 on time, all or nothing
    expect(ind(card, 'system-integration').score).toBe(2.5);
    expect(ind(card, 'mobile-enforcement').score).toBe(5); // 0.9 meets the 0.9 target
    expect(ind(card, 'officer-registration-rate').score).toBe(1.33);
    expect(ind(card, 'officer-activity-rate').score).toBe(2);
    expect(ind(card, 'work-news').score).toBe(1.75); // 5 × 0.05 + 20 × 0.05
    expect(ind(card, 'exposure').score).toBe(1.75);
    expect(ind(card, 'organisation').score).toBe(5);
    expect(card.dimensions.map((d) => [d.dimension, d.score])).toEqual([
      ['清单管理', 21],
      ['数据汇聚', 27.85],
      ['监管履职', 5],
      ['信息化建设', 7.5],
      ['系统信息维护', 6.83],
      ['组织保障', 5],
    ]);
  });

  it('bonus 5 (coverage 35 points above target × 0.2, capped) + 3 (innovation 60 × 0.05) is not counted at 73.18', () => {
    expect(ind(card, 'coverage-above-target').score).toBe(5);
    expect(ind(card, 'innovation').score).toBe(3);
    expect(card.bonusEarned).toBe(8);
    expect(card.bonusCounted).toBe(false);
    expect(card.deductionScore).toBe(73.18);
    expect(card.total).toBe(73.18);
    expect(card.passed).toBe(true);
  });

  it('a department that reported nothing is vetoed', () => {
    const silent = scoreIndicators(hubeiLikeIndicatorSet, smallData, { period: '2023-Q2', unit: 'hbj' });
    expect(silent.vetoed).toBe(true);
    expect(silent.vetoes).toEqual(['zero-reporting']);
    expect(silent.passed).toBe(false);
    expect(ind(silent, 'zero-reporting').status).toBe('vetoed');
  });

  it('profiles differ: the same data scores 64.48 under the baseline and 73.18 here', () => {
    const base = scoreIndicators(baselineIndicatorSet, smallData, { period: '2023-Q2', unit: 'scjg' });
    expect(base.total).not.toBe(card.total);
  });
});
