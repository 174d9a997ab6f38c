import { addWorkdays } from '@jianguan/core/calendar';
import { describe, expect, it } from 'vitest';
import {
  defaultPublicityRegimes,
  lowFineBoundary,
  ndrcPenaltyPublicity,
  type PenaltyFact,
  parsePublicityRegimes,
  samrPenaltyPublicity,
} from '../src/index.js';

const penalty = (over: Partial<PenaltyFact>): PenaltyFact => ({
  kind: 'penalty',
  id: 'P1',
  decisionDate: '2026-01-05',
  penaltyKinds: ['02'],
  procedure: 'general',
  publishedAt: '2026-01-20',
  ...over,
});

describe('Order 45 第2条: only ordinary-procedure decisions are published', () => {
  it('a simple-procedure decision is not published', () => {
    expect(samrPenaltyPublicity(penalty({ procedure: 'simple', fineAmount: 100 }))).toMatchObject({
      published: false,
      notPublishedReason: 'simple_procedure',
    });
  });
  it('an ordinary-procedure decision is published and says nothing was assumed', () => {
    const w = samrPenaltyPublicity(penalty({ fineAmount: 100 }));
    expect(w.published).toBe(true);
    expect(w.procedureAssumed).toBeUndefined();
  });
  it('a record without a procedure is assumed ordinary, and marked', () => {
    const { procedure: _, ...noProc } = penalty({ fineAmount: 100 });
    expect(samrPenaltyPublicity(noProc)).toMatchObject({ published: true, procedureAssumed: true });
  });
  it('a warning only is not published, whatever the procedure', () => {
    expect(samrPenaltyPublicity(penalty({ penaltyKinds: ['01'] }))).toMatchObject({
      published: false,
      notPublishedReason: 'warning_only',
    });
  });
  it('a province may publish simple-procedure decisions by data', () => {
    const regimes = parsePublicityRegimes({
      ...defaultPublicityRegimes,
      samrPenalty: [{ ...defaultPublicityRegimes.samrPenalty[0]!, simpleProcedurePublished: true }],
    });
    expect(
      samrPenaltyPublicity(penalty({ procedure: 'simple', fineAmount: 100 }), { regimes }).published,
    ).toBe(true);
  });
});

describe('较低数额罚款: provincial thresholds with their own boundary rule', () => {
  const periodOf = (fineAmount: number, province: string, over: Partial<PenaltyFact> = {}) =>
    samrPenaltyPublicity(penalty({ fineAmount, ...over }), { province }).period;

  it.each([
    // Guizhou: 五万元（不含本数）以下 — exclusive
    ['520000', 49999, 'short'],
    ['520000', 50000, 'long'],
    ['520000', 50001, 'long'],
    // Shanghai: 五万元及以下 — inclusive
    ['310000', 49999, 'short'],
    ['310000', 50000, 'short'],
    ['310000', 50001, 'long'],
    // Fujian: exclusive, like Guizhou
    ['350000', 49999, 'short'],
    ['350000', 50000, 'long'],
  ] as const)('organisation in %s fined %d → %s', (province, fine, period) => {
    expect(periodOf(fine, province)).toBe(period);
  });

  it.each([
    ['520000', 4999, 'short'],
    ['520000', 5000, 'long'],
    ['310000', 5000, 'short'],
    ['310000', 5001, 'long'],
  ] as const)('natural person in %s fined %d → %s', (province, fine, period) => {
    expect(periodOf(fine, province, { counterpart: 'natural_person' })).toBe(period);
  });

  it('any region code of the province selects its standard, and the result says which', () => {
    const w = samrPenaltyPublicity(penalty({ fineAmount: 50000 }), { province: '520102' });
    expect(w.lowFine).toEqual({
      amount: 50000,
      inclusive: false,
      source: 'province',
      thresholdId: 'guizhou-2024',
      province: '520000',
    });
    expect(w.period).toBe('long');
  });

  it('without a province, or for one without a shipped standard, the fallback applies and says so', () => {
    expect(samrPenaltyPublicity(penalty({ fineAmount: 50000 })).lowFine).toMatchObject({
      source: 'fallback',
    });
    expect(
      samrPenaltyPublicity(penalty({ fineAmount: 50000 }), { province: '440000' }).lowFine,
    ).toMatchObject({
      source: 'fallback',
      amount: 100000,
      inclusive: true,
    });
  });

  it('a standard applies only while in force (Fujian from 2024-07-12, Shanghai until 2027-06-30)', () => {
    const fj = (decisionDate: string) =>
      lowFineBoundary(
        defaultPublicityRegimes,
        defaultPublicityRegimes.samrPenalty[0]!,
        decisionDate,
        'organisation',
        '350000',
      );
    expect(fj('2024-07-11').source).toBe('fallback');
    expect(fj('2024-07-12')).toMatchObject({ source: 'province', thresholdId: 'fujian-2024' });
    expect(fj('2024-07-13')).toMatchObject({ source: 'province', thresholdId: 'fujian-2024' });
    const sh = (decisionDate: string) =>
      lowFineBoundary(
        defaultPublicityRegimes,
        defaultPublicityRegimes.samrPenalty[0]!,
        decisionDate,
        'organisation',
        '310000',
      );
    expect(sh('2022-06-30').source).toBe('fallback');
    expect(sh('2022-07-01').thresholdId).toBe('shanghai-2022');
    expect(sh('2027-06-30').thresholdId).toBe('shanghai-2022');
    expect(sh('2027-07-01').source).toBe('fallback');
  });

  it('Guizhou from 2024-01-01: day before, on, after', () => {
    const gz = (decisionDate: string) =>
      lowFineBoundary(
        defaultPublicityRegimes,
        defaultPublicityRegimes.samrPenalty[0]!,
        decisionDate,
        'natural_person',
        '520000',
      );
    expect(gz('2023-12-31').source).toBe('fallback');
    expect(gz('2024-01-01')).toMatchObject({ amount: 5000, inclusive: false });
    expect(gz('2024-01-02').source).toBe('province');
  });

  it('rejects a threshold whose province is not a province code', () => {
    expect(() =>
      parsePublicityRegimes({
        ...defaultPublicityRegimes,
        lowFineThresholds: [{ ...defaultPublicityRegimes.lowFineThresholds![0]!, province: '520102' }],
      }),
    ).toThrow();
  });
});

describe('SAMR credit repair: the 2025 measures from 2025-12-25 (by application day)', () => {
  // A 3-year (long) penalty decided and published in 2025.
  const fact = penalty({ decisionDate: '2025-06-01', publishedAt: '2025-06-20', fineAmount: 200000 });

  it.each([
    ['2025-12-24', 'samr-repair-2021', '2025-12-20', 15],
    ['2025-12-25', 'samr-repair-2025', '2025-09-20', 7],
    ['2025-12-26', 'samr-repair-2025', '2025-09-20', 7],
  ] as const)('applied on %s → %s', (appliedOn, regimeId, eligible, workdays) => {
    const w = samrPenaltyPublicity(fact, { repairAppliedOn: appliedOn });
    expect(w).toMatchObject({ repairRegimeId: regimeId, repairEligibleFrom: eligible });
    expect(w.repairRegimeAssumed).toBeUndefined();
    expect(w.repairDecisionBy).toBe(addWorkdays(appliedOn, workdays));
  });

  it('without an application day, the regime in force on the decision day is assumed, and marked', () => {
    expect(samrPenaltyPublicity(fact)).toMatchObject({
      repairRegimeId: 'samr-repair-2021',
      repairRegimeAssumed: true,
    });
    expect(
      samrPenaltyPublicity(penalty({ decisionDate: '2025-12-24', fineAmount: 200000 })).repairRegimeId,
    ).toBe('samr-repair-2021');
    expect(
      samrPenaltyPublicity(penalty({ decisionDate: '2025-12-25', fineAmount: 200000 })).repairRegimeId,
    ).toBe('samr-repair-2025');
  });

  it('the minimum before early stop: the day before, on and after its end', () => {
    const w = samrPenaltyPublicity(fact, { repairAppliedOn: '2026-01-10' });
    expect(w.repairEligibleFrom).toBe('2025-09-20');
    const eligible = (day: string) => day >= w.repairEligibleFrom!;
    expect(eligible('2025-09-19')).toBe(false);
    expect(eligible('2025-09-20')).toBe(true);
    expect(eligible('2025-09-21')).toBe(true);
  });

  it('heavy penalties never stop early, under either regime', () => {
    for (const repairAppliedOn of ['2025-12-24', '2025-12-25']) {
      expect(
        samrPenaltyPublicity(penalty({ decisionDate: '2025-06-01', penaltyKinds: ['05'] }), {
          repairAppliedOn,
        }),
      ).toMatchObject({ earlyStopBlocked: true, repairEligibleFrom: null });
    }
  });

  it('a province override of earlyStopAfter wins over the repair regimes', () => {
    const regimes = parsePublicityRegimes({
      ...defaultPublicityRegimes,
      samrPenalty: [{ ...defaultPublicityRegimes.samrPenalty[0]!, earlyStopAfter: { years: 1 } }],
    });
    expect(samrPenaltyPublicity(fact, { regimes, repairAppliedOn: '2026-01-10' }).repairEligibleFrom).toBe(
      '2026-06-20',
    );
  });

  it('regimes without repair data keep the old behaviour (no minimum)', () => {
    const { samrRepair: _, ...noRepair } = defaultPublicityRegimes;
    const w = samrPenaltyPublicity(fact, { regimes: parsePublicityRegimes(noRepair) });
    expect(w.repairEligibleFrom).toBe('2025-06-20');
    expect(w.repairRegimeId).toBeUndefined();
  });
});

describe('NDRC: periods run from the decision (认定) day; regime switches', () => {
  it('publication later than the decision does not move the periods', () => {
    const early = ndrcPenaltyPublicity(penalty({ decisionDate: '2026-05-06', publishedAt: '2026-05-07' }));
    const late = ndrcPenaltyPublicity(penalty({ decisionDate: '2026-05-06', publishedAt: '2026-06-30' }));
    expect(early.minimumEndsOn).toBe('2026-08-06');
    expect(late.minimumEndsOn).toBe('2026-08-06');
    expect(late.endsOn).toBe('2027-05-06');
    expect(late.publishedOn).toBe('2026-06-30');
  });

  it.each([
    ['2023-04-30', 'ndrc-2019'],
    ['2023-05-01', 'ndrc-2023'],
    ['2023-05-02', 'ndrc-2023'],
    ['2026-03-31', 'ndrc-2023'],
    ['2026-04-01', 'ndrc-2025'],
    ['2026-04-02', 'ndrc-2025'],
  ] as const)('decided %s → %s', (decisionDate, regimeId) => {
    expect(ndrcPenaltyPublicity(penalty({ decisionDate })).regimeId).toBe(regimeId);
  });

  it('2025 tiers: minor not published; general 3–12 months; serious 1–3 years (29 February clamps)', () => {
    expect(ndrcPenaltyPublicity(penalty({ decisionDate: '2026-04-01', procedure: 'simple' })).published).toBe(
      false,
    );
    expect(ndrcPenaltyPublicity(penalty({ decisionDate: '2028-02-29', penaltyKinds: ['05'] }))).toMatchObject(
      {
        severity: 'serious',
        minimumEndsOn: '2029-02-28',
        endsOn: '2031-02-28',
      },
    );
  });

  it('a regime may say its periods run from publication', () => {
    const regimes = parsePublicityRegimes({
      ...defaultPublicityRegimes,
      ndrc: defaultPublicityRegimes.ndrc.map((r) => ({ ...r, periodStart: 'publication' })),
    });
    expect(
      ndrcPenaltyPublicity(penalty({ decisionDate: '2026-05-06', publishedAt: '2026-05-10' }), { regimes })
        .minimumEndsOn,
    ).toBe('2026-08-10');
  });
});

describe('every shipped regime quotes its source, with status and date checked', () => {
  const r = defaultPublicityRegimes;
  const groups = {
    samrPenalty: r.samrPenalty,
    lowFineThresholds: r.lowFineThresholds ?? [],
    samrRepair: r.samrRepair ?? [],
    ndrc: r.ndrc,
  };
  for (const [group, list] of Object.entries(groups)) {
    it(`${group}: at least one quoted source checked on 2026-12-02`, () => {
      expect(list.length).toBeGreaterThan(0);
      for (const regime of list) {
        expect(
          regime.sources.some((s) => s.quote !== undefined && s.checkedOn === '2026-12-02'),
          regime.id,
        ).toBe(true);
      }
    });
  }
  it('at least two provinces ship a low-fine threshold', () => {
    expect(new Set((r.lowFineThresholds ?? []).map((t) => t.province)).size).toBeGreaterThanOrEqual(2);
  });
  it('what could not be read is marked, not guessed silently', () => {
    const repair2021 = r.samrRepair!.find((x) => x.id === 'samr-repair-2021')!;
    expect(
      repair2021.sources.some((s) => s.status === 'unverified' && /not read/.test(`${s.ref} ${s.note}`)),
    ).toBe(true);
  });
});

describe('missing facts are marked, not guessed silently', () => {
  it('a fine without an amount cannot be a lower-amount fine: 3 years, marked', () => {
    const w = samrPenaltyPublicity(penalty({}));
    expect(w).toMatchObject({ period: 'long', endsOn: '2029-01-20', fineAmountMissing: true });
  });
  it('a fine without a counterpart uses the organisation threshold, marked', () => {
    expect(samrPenaltyPublicity(penalty({ fineAmount: 100 })).counterpartAssumed).toBe(true);
    expect(
      samrPenaltyPublicity(penalty({ fineAmount: 100, counterpart: 'natural_person' })).counterpartAssumed,
    ).toBeUndefined();
  });
});

describe('NDRC 2025 轻微: published only when the sector authority decides so, for at most 3 months', () => {
  const minor = penalty({ decisionDate: '2026-05-06', procedure: 'simple', fineAmount: 100 });
  it('not published by default', () => {
    expect(ndrcPenaltyPublicity(minor).published).toBe(false);
  });
  it('published by the sector: repairable at once, stops after 3 months (day before / on / after)', () => {
    const w = ndrcPenaltyPublicity(minor, { sectorPublishes: true });
    expect(w).toMatchObject({
      published: true,
      severity: 'minor',
      repairEligibleFrom: '2026-05-06',
      endsOn: '2026-08-06',
    });
    const publicOn = (day: string) => day < w.endsOn!;
    expect(publicOn('2026-08-05')).toBe(true);
    expect(publicOn('2026-08-06')).toBe(false);
    expect(publicOn('2026-08-07')).toBe(false);
  });
});
