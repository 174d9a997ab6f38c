import { addWorkdays } from '@jianguan/core/calendar';
import { describe, expect, it } from 'vitest';
import {
  abnormalListDates,
  defaultPublicityRegimes,
  ndrcPenaltyPublicity,
  type PenaltyFact,
  PublicityError,
  parsePublicityRegimes,
  samrPenaltyPublicity,
  seriousListDates,
} from '../src/index.js';

const penalty = (over: Partial<PenaltyFact>): PenaltyFact => ({
  kind: 'penalty',
  id: 'P1',
  decisionDate: '2026-01-05',
  penaltyKinds: ['02'],
  publishedAt: '2026-01-20',
  ...over,
});

// SAMR Order 45 (市场监督管理行政处罚信息公示规定) 第9、13、14条 — sampling-and-credit.md §0, §B7.
describe('SAMR Order 45 penalty publicity', () => {
  // Decisions from 2025-12-25 take the 2025 repair measures (3-month minimum before early stop, unverified);
  // earlier ones the 2021 rules (no minimum for 3-month records).
  it.each([
    ['low fine → 3 months (第13条)', penalty({ fineAmount: 2000 }), 'short', '2026-04-20', '2026-04-20'],
    [
      '通报批评 only → 3 months (第13条)',
      penalty({ penaltyKinds: ['08'] }),
      'short',
      '2026-04-20',
      '2026-04-20',
    ],
    ['high fine → 3 years (第13条)', penalty({ fineAmount: 200000 }), 'long', '2029-01-20', '2026-04-20'],
    [
      'fine to a natural person above its threshold → 3 years',
      penalty({ fineAmount: 20000, counterpart: 'natural_person' }),
      'long',
      '2029-01-20',
      '2026-04-20',
    ],
    ['confiscation → 3 years', penalty({ penaltyKinds: ['03'] }), 'long', '2029-01-20', '2026-04-20'],
    [
      'revocation → 3 years, never early (第14条)',
      penalty({ penaltyKinds: ['05'] }),
      'long',
      '2029-01-20',
      null,
    ],
    [
      'restriction longer than 3 years → its term (第13条)',
      penalty({ penaltyKinds: ['12'], restrictionEndsAt: '2030-06-30' }),
      'restriction',
      '2030-06-30',
      null,
    ],
    [
      'calendar months clamp to the month end',
      penalty({ fineAmount: 100, publishedAt: '2025-11-30', decisionDate: '2025-11-20' }),
      'short',
      '2026-02-28',
      '2025-11-30',
    ],
  ] as const)('%s', (_label, fact, period, endsOn, repair) => {
    const w = samrPenaltyPublicity(fact);
    expect(w).toMatchObject({
      regimeId: 'samr-order-45',
      published: true,
      period,
      endsOn,
      earlyStopBlocked: repair === null,
    });
    expect(w.repairEligibleFrom).toBe(repair);
  });

  it('a warning-only penalty is not published (第2条)', () => {
    expect(samrPenaltyPublicity(penalty({ penaltyKinds: ['01'] }))).toMatchObject({ published: false });
  });

  it('publication is due within 20 working days of the decision (第9条), by the official calendar', () => {
    // 2026-01-05 (Mon) + 20 working days: Jan 6–9, 12–16, 19–23, 26–30, Feb 2.
    expect(samrPenaltyPublicity(penalty({})).publishBy).toBe('2026-02-02');
    // Across the 2026 Spring Festival the deadline moves with the official holidays.
    const w = samrPenaltyPublicity(penalty({ decisionDate: '2026-02-10', publishedAt: undefined as never }));
    expect(w.publishBy).toBe(addWorkdays('2026-02-10', 20));
    expect(w.publishBy! > '2026-03-10').toBe(true);
  });

  it('without a recorded publication day it assumes the deadline', () => {
    const { publishedAt: _, ...noPub } = penalty({ fineAmount: 100 });
    const w = samrPenaltyPublicity(noPub);
    expect(w).toMatchObject({ publishedOn: '2026-02-02', publishedOnAssumed: true, endsOn: '2026-05-02' });
  });

  it('uses an injected working-day calendar', () => {
    const calls: [string, number][] = [];
    const w = samrPenaltyPublicity(penalty({}), {
      calendar: {
        addWorkdays: (d, n) => {
          calls.push([d, n]);
          return '2026-03-01';
        },
      },
    });
    expect(calls).toEqual([['2026-01-05', 20]]);
    expect(w.publishBy).toBe('2026-03-01');
  });

  it('rejects a decision before Order 45 was in force', () => {
    expect(() => samrPenaltyPublicity(penalty({ decisionDate: '2021-08-31' }))).toThrow(PublicityError);
    expect(() => samrPenaltyPublicity(penalty({ decisionDate: '2021-08-31' }))).toThrow(/no SAMR/);
  });

  it('province thresholds are configurable data', () => {
    const regimes = parsePublicityRegimes({
      ...defaultPublicityRegimes,
      samrPenalty: [
        {
          ...defaultPublicityRegimes.samrPenalty[0]!,
          lowFineThreshold: { naturalPerson: 1000, organisation: 1000 },
        },
      ],
    });
    expect(samrPenaltyPublicity(penalty({ fineAmount: 2000 }), { regimes }).period).toBe('long');
  });
});

// NDRC 信用修复管理办法 (2025, in force 2026-04-01) and the earlier 527号-era regime — sampling-and-credit.md §0, §B7.
describe('NDRC credit-repair publicity (periods from the decision day)', () => {
  it.each([
    [
      '2025 general: 3–12 months',
      penalty({ decisionDate: '2026-05-06', publishedAt: '2026-05-10' }),
      'ndrc-2025',
      'general',
      '2026-08-06',
      '2027-05-06',
    ],
    [
      '2025 serious: 1–3 years',
      penalty({ decisionDate: '2026-05-06', publishedAt: '2026-05-10', penaltyKinds: ['05'] }),
      'ndrc-2025',
      'serious',
      '2027-05-06',
      '2029-05-06',
    ],
    [
      '2023 measures: 3 months–3 years whatever the tier',
      penalty({ decisionDate: '2025-12-01', publishedAt: '2025-12-05', penaltyKinds: ['14'] }),
      'ndrc-2023',
      'serious',
      '2026-03-01',
      '2028-12-01',
    ],
    [
      '2023 measures, last day before the 2025 measures',
      penalty({ decisionDate: '2026-03-31', publishedAt: '2026-04-02' }),
      'ndrc-2023',
      'general',
      '2026-06-30',
      '2029-03-31',
    ],
    [
      '2023 measures have no minor tier',
      penalty({ decisionDate: '2025-06-01', publishedAt: '2025-06-03', procedure: 'simple' }),
      'ndrc-2023',
      'minor',
      '2025-09-01',
      '2028-06-01',
    ],
    [
      '527号 serious: 6–36 months',
      penalty({ decisionDate: '2022-06-01', publishedAt: '2022-06-20', penaltyKinds: ['14'] }),
      'ndrc-2019',
      'serious',
      '2022-12-01',
      '2025-06-01',
    ],
    [
      '527号 general: 3–12 months',
      penalty({ decisionDate: '2022-06-01', publishedAt: '2022-06-20' }),
      'ndrc-2019',
      'general',
      '2022-09-01',
      '2023-06-01',
    ],
    [
      'stated severity wins',
      penalty({ decisionDate: '2026-05-06', publishedAt: '2026-05-10', severity: 'serious' }),
      'ndrc-2025',
      'serious',
      '2027-05-06',
      '2029-05-06',
    ],
  ] as const)('%s', (_l, fact, regimeId, severity, min, max) => {
    expect(ndrcPenaltyPublicity(fact)).toMatchObject({
      regimeId,
      severity,
      published: true,
      periodStartsOn: fact.decisionDate,
      minimumEndsOn: min,
      repairEligibleFrom: min,
      endsOn: max,
    });
  });

  it('2025 minor records (simple procedure) are not published', () => {
    const w = ndrcPenaltyPublicity(penalty({ decisionDate: '2026-04-01', procedure: 'simple' }));
    expect(w).toMatchObject({
      regimeId: 'ndrc-2025',
      severity: 'minor',
      published: false,
      notPublishedReason: 'tier_not_published',
    });
  });
});

// 经营异常名录: 企业信息公示暂行条例 第17条 (2014) and the 2025 rules — sampling-and-credit.md §B5.
describe('abnormal-list dates', () => {
  it.each([
    [
      'still listed after 3 years escalates',
      { listedAt: '2022-07-01' },
      'abnormal-2014',
      '2025-07-01',
      true,
      undefined,
    ],
    [
      'removed in time under the 2025 rules: no trace after removal',
      { listedAt: '2025-06-01', removedAt: '2025-09-01' },
      'abnormal-2025',
      '2028-06-01',
      false,
      '2025-09-01',
    ],
    [
      'removed under the 2014 rules: withdrawn when the 2025 rules took effect',
      { listedAt: '2020-03-01', removedAt: '2021-05-01' },
      'abnormal-2014',
      '2023-03-01',
      false,
      '2025-05-01',
    ],
    [
      'removed after 3 years counts as escalated',
      { listedAt: '2021-02-28', removedAt: '2024-03-01' },
      'abnormal-2014',
      '2024-02-28',
      true,
      '2025-05-01',
    ],
  ] as const)('%s', (_l, dates, regimeId, due, escalated, publicUntil) => {
    const d = abnormalListDates({ kind: 'abnormal_list', id: 'AB', reason: '1', ...dates });
    expect(d).toMatchObject({
      regimeId,
      escalationDueOn: due,
      escalated,
      repairEligibleFrom: dates.listedAt,
    });
    expect(d.publicUntil).toBe(publicUntil);
  });

  it('removal decisions are due in working days', () => {
    const d = abnormalListDates(
      { kind: 'abnormal_list', id: 'AB', reason: '4', listedAt: '2026-03-01' },
      { removalAppliedOn: '2026-09-28' },
    );
    expect(d.removalDecisionBy).toBe(addWorkdays('2026-09-28', 5));
    expect(d.removalDecisionBy! > '2026-10-07').toBe(true); // skips the National Day holiday
  });
});

// 严重违法失信名单: SAMR Order 44 (early exit after 1 year ✅, 3-year maximum ⚠) and the 2014 regime (5 years).
describe('serious-list dates', () => {
  it.each([
    [
      'Order 44, leap day clamps',
      { listedAt: '2024-02-29' },
      'samr-order-44',
      '2025-02-28',
      '2027-02-28',
      '2027-02-28',
    ],
    [
      'Order 44 from its first day',
      { listedAt: '2021-09-01' },
      'samr-order-44',
      '2022-09-01',
      '2024-09-01',
      '2024-09-01',
    ],
    [
      '2014 regime: 5 years, no early exit',
      { listedAt: '2021-08-31' },
      'serious-2014',
      null,
      '2026-08-31',
      '2026-08-31',
    ],
    [
      'removed early',
      { listedAt: '2023-05-10', removedAt: '2024-06-01' },
      'samr-order-44',
      '2024-05-10',
      '2026-05-10',
      '2024-06-01',
    ],
  ] as const)('%s', (_l, dates, regimeId, earliest, auto, until) => {
    expect(seriousListDates({ kind: 'serious_list', id: 'S', ...dates })).toMatchObject({
      regimeId,
      earliestExitOn: earliest,
      autoExitOn: auto,
      publicUntil: until,
    });
  });

  it('the unverified 3-year maximum is configurable', () => {
    const regimes = parsePublicityRegimes({
      ...defaultPublicityRegimes,
      seriousList: defaultPublicityRegimes.seriousList.map((r) =>
        r.id === 'samr-order-44' ? { ...r, maximumTerm: { years: 5 } } : r,
      ),
    });
    expect(
      seriousListDates({ kind: 'serious_list', id: 'S', listedAt: '2024-01-15' }, { regimes }).autoExitOn,
    ).toBe('2029-01-15');
    const o44 = defaultPublicityRegimes.seriousList.find((r) => r.id === 'samr-order-44')!;
    expect(o44.sources.some((s) => s.status === 'unverified')).toBe(true);
  });

  it('rejects malformed regimes data', () => {
    expect(() => parsePublicityRegimes({ ...defaultPublicityRegimes, ndrc: [{ id: 'x' }] })).toThrow();
  });
});
