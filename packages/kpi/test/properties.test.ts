import { fc, test } from '@fast-check/vitest';
import { addWorkdays, workdayLateness } from '@jianguan/core';
import type { BehaviourFact, KpiData } from '@jianguan/kpi';
import {
  baselineIndicatorSet,
  civilDate,
  dayNumber,
  hubeiLikeIndicatorSet,
  prepareKpiData,
  scorecardToJson,
  scoreIndicators,
} from '@jianguan/kpi';
import { describe, expect } from 'vitest';
import { smallData } from './fixtures.js';

const Q2_START = dayNumber('2023-04-01');
const ITEMS = ['I1', 'I2', 'I3', 'I4', 'I5'];

const behaviourArb = (i: number) =>
  fc
    .record({
      act: fc.integer({ min: 0, max: 95 }),
      delay: fc.integer({ min: 0, max: 12 }),
      item: fc.constantFrom(...ITEMS),
      rejected: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
      fixDelay: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
    })
    .map(({ act, delay, item, rejected, fixDelay }): BehaviourFact => {
      const actDay = Q2_START - 5 + act;
      const rejectedDay = rejected === undefined ? undefined : actDay + delay + rejected;
      return {
        recordId: `r${i}`,
        itemCode: item,
        department: 'scjg',
        actDate: civilDate(actDay),
        reportedDate: civilDate(actDay + delay),
        ...(rejectedDay === undefined ? {} : { rejectedDate: civilDate(rejectedDay) }),
        ...(rejectedDay === undefined || fixDelay === undefined
          ? {}
          : { fixedDate: civilDate(rejectedDay + fixDelay) }),
      };
    });

const behavioursArb = fc
  .integer({ min: 0, max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => behaviourArb(i))));

const withBehaviours = (behaviours: readonly BehaviourFact[]): KpiData => ({ ...smallData, behaviours });

function score(data: KpiData, set = baselineIndicatorSet) {
  return scoreIndicators(set, data, { period: '2023-Q2', unit: 'scjg' });
}

describe('property: adding an on-time record never lowers a timeliness score', () => {
  test.prop([
    behavioursArb,
    fc.integer({ min: 0, max: 90 }),
    fc.constantFrom(...ITEMS),
    fc.integer({ min: 0, max: 2 }),
  ])('baseline and Hubei-like', (behaviours, actOffset, item, allowed) => {
    const act = civilDate(Q2_START + actOffset);
    // reported within `allowed` ≤ 2 working days of the act: on time by construction (core's calendar)
    const extra: BehaviourFact = {
      recordId: 'extra',
      itemCode: item,
      department: 'scjg',
      actDate: act,
      reportedDate: addWorkdays(act, allowed),
    };
    expect(workdayLateness(act, extra.reportedDate, 2).onTime).toBe(true);
    for (const set of [baselineIndicatorSet, hubeiLikeIndicatorSet]) {
      const before = score(withBehaviours(behaviours), set);
      const after = score(withBehaviours([...behaviours, extra]), set);
      for (const b of before.indicators) {
        const a = after.indicators.find((i) => i.id === b.id);
        if (b.metric === 'behaviour_report_timeliness') expect(a?.score).toBeGreaterThanOrEqual(b.score);
      }
      expect(after.total).toBeGreaterThanOrEqual(before.total);
    }
  });
});

describe('property: scores do not depend on record order', () => {
  test.prop([behavioursArb, fc.integer()])(
    'shuffled inputs give the identical scorecard',
    (behaviours, seed) => {
      const shuffle = <T>(xs: readonly T[]): T[] => {
        const out = xs.slice();
        let s = seed >>> 0;
        for (let i = out.length - 1; i > 0; i--) {
          s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
          const j = s % (i + 1);
          [out[i], out[j]] = [out[j] as T, out[i] as T];
        }
        return out;
      };
      const data = withBehaviours(behaviours);
      const shuffled: KpiData = {
        behaviours: shuffle(data.behaviours ?? []),
        catalogItems: shuffle(data.catalogItems ?? []),
        officers: shuffle(data.officers ?? []),
        publications: shuffle(data.publications ?? []),
        clues: shuffle(data.clues ?? []),
        doubleNotifications: shuffle(data.doubleNotifications ?? []),
        assessments: shuffle(data.assessments ?? []),
      };
      for (const set of [baselineIndicatorSet, hubeiLikeIndicatorSet]) {
        expect(scorecardToJson(score(shuffled, set))).toBe(scorecardToJson(score(data, set)));
      }
    },
  );
});

describe('property: the O(1) lateness index agrees with core’s workdayLateness', () => {
  test.prop([behavioursArb])(
    'every late record’s deadline and working days late match core',
    (behaviours) => {
      const card = score(withBehaviours(behaviours));
      const byId = new Map(behaviours.map((b) => [b.recordId, b]));
      const report = card.indicators.find((i) => i.id === 'behaviour-report-timeliness');
      const late = new Set<string>();
      for (const r of report?.deductions.flatMap((d) => d.records) ?? []) {
        const b = byId.get(r.id) as BehaviourFact;
        const core = workdayLateness(b.actDate, b.reportedDate, 2);
        expect([r.deadline, r.workdaysLate, core.onTime]).toEqual([core.deadline, core.workdaysLate, false]);
        late.add(r.id);
      }
      // and every record core calls late (acted in Q2) is listed
      for (const b of behaviours) {
        if (b.actDate < '2023-04-01' || b.actDate > '2023-06-30') continue;
        expect(late.has(b.recordId)).toBe(!workdayLateness(b.actDate, b.reportedDate, 2).onTime);
      }
    },
  );
});

describe('property: the input is never mutated', () => {
  test.prop([behavioursArb])('prepare and score leave the data as it was', (behaviours) => {
    const data = withBehaviours(behaviours);
    const before = JSON.stringify(data);
    score(prepareKpiData(data) as unknown as KpiData);
    score(data, hubeiLikeIndicatorSet);
    expect(JSON.stringify(data)).toBe(before);
  });
});
