/**
 * Province overrides of the publicity regimes (audit of issue #13 "Fidelity"): the documented way to add a
 * province's own data is to append it to the shipped lists, so a later standard must win over a shipped one
 * that has no end date; a window that ends before it starts, or a `province` that is not a region code, is a
 * typed error with its field path instead of a silent fallback.
 */
import { describe, expect, it } from 'vitest';
import {
  CreditInputError,
  defaultPublicityRegimes,
  type LowFineThreshold,
  lowFineBoundary,
  type NdrcRegime,
  ndrcPenaltyPublicity,
  type PenaltyFact,
  parsePublicityRegimes,
  samrPenaltyPublicity,
  seriousListAutoExitOn,
  seriousListDates,
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

const shipped = defaultPublicityRegimes;

describe('a province standard appended to the shipped ones supersedes them from its first day', () => {
  // Guizhou's shipped standard (guizhou-2024) has no end date; a newer one is appended, as the guide says.
  const newGuizhou: LowFineThreshold = {
    ...shipped.lowFineThresholds!.find((t) => t.id === 'guizhou-2024')!,
    id: 'guizhou-2027',
    inForceFrom: '2027-01-01',
    naturalPerson: { amount: 10000, inclusive: true },
    organisation: { amount: 100000, inclusive: true },
  };
  const regimes = parsePublicityRegimes({
    ...shipped,
    lowFineThresholds: [...shipped.lowFineThresholds!, newGuizhou],
  });

  it('a decision on or after the new standard’s first day uses it', () => {
    const w = samrPenaltyPublicity(
      penalty({ decisionDate: '2027-01-04', publishedAt: '2027-01-10', fineAmount: 80000 }),
      { regimes, province: '520102' },
    );
    expect(w.lowFine).toMatchObject({ source: 'province', thresholdId: 'guizhou-2027', amount: 100000 });
    expect(w.period).toBe('short');
    expect(
      lowFineBoundary(regimes, regimes.samrPenalty[0]!, '2027-01-01', 'organisation', '520000').thresholdId,
    ).toBe('guizhou-2027');
  });

  it('a decision before it keeps the shipped standard', () => {
    const w = samrPenaltyPublicity(penalty({ fineAmount: 80000 }), { regimes, province: '520000' });
    expect(w.lowFine).toMatchObject({ thresholdId: 'guizhou-2024', amount: 50000 });
    expect(w.period).toBe('long');
  });

  it('an NDRC regime appended by a province wins from its first day, whatever the list order', () => {
    const local: NdrcRegime = { ...shipped.ndrc.at(-1)!, id: 'ndrc-2025-local', inForceFrom: '2026-06-01' };
    for (const ndrc of [
      [...shipped.ndrc, local],
      [local, ...shipped.ndrc],
    ]) {
      const r = parsePublicityRegimes({ ...shipped, ndrc });
      expect(ndrcPenaltyPublicity(penalty({ decisionDate: '2026-06-01' }), { regimes: r }).regimeId).toBe(
        'ndrc-2025-local',
      );
      expect(ndrcPenaltyPublicity(penalty({ decisionDate: '2026-05-31' }), { regimes: r }).regimeId).toBe(
        'ndrc-2025',
      );
    }
  });

  it('a replacement with the same first day, appended, wins over the shipped entry', () => {
    const order44 = shipped.seriousList.find((r) => r.id === 'samr-order-44')!;
    const r = parsePublicityRegimes({
      ...shipped,
      seriousList: [...shipped.seriousList, { ...order44, id: 'order-44-5y', maximumTerm: { years: 5 } }],
    });
    const fact = { kind: 'serious_list', id: 'S', listedAt: '2022-03-01' } as const;
    expect(seriousListDates(fact, { regimes: r })).toMatchObject({
      regimeId: 'order-44-5y',
      autoExitOn: '2027-03-01',
    });
    expect(seriousListAutoExitOn(fact, r)).toBe('2027-03-01');
  });
});

describe('bad override data and options are typed errors with their path', () => {
  it('a regime that ends before it starts is rejected', () => {
    const bad = {
      ...shipped,
      ndrc: [{ ...shipped.ndrc[0]!, inForceFrom: '2024-01-01', inForceUntil: '2023-12-31' }],
    };
    const error = (() => {
      try {
        parsePublicityRegimes(bad);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CreditInputError);
    expect(error).toMatchObject({ code: 'invalid_publicity_regimes', path: ['ndrc', 0, 'inForceUntil'] });
    expect((error as CreditInputError).message).toMatch(/inForceFrom/);
    expect((error as CreditInputError).message).toMatch(/生效/);
    expect(() =>
      samrPenaltyPublicity(penalty({ fineAmount: 100 }), {
        regimes: {
          ...shipped,
          lowFineThresholds: [{ ...shipped.lowFineThresholds![0]!, inForceUntil: '2022-06-30' }],
        },
      }),
    ).toThrow(
      expect.objectContaining({ path: ['options', 'regimes', 'lowFineThresholds', 0, 'inForceUntil'] }),
    );
  });

  it.each(['Guizhou', '', '贵州', 'x52', '52-01'])('province %j is not a region code', (province) => {
    expect(() => samrPenaltyPublicity(penalty({ fineAmount: 100 }), { province })).toThrow(
      expect.objectContaining({
        name: 'CreditInputError',
        code: 'invalid_input',
        path: ['options', 'province'],
      }),
    );
    expect(() =>
      lowFineBoundary(shipped, shipped.samrPenalty[0]!, '2026-01-05', 'organisation', province),
    ).toThrow(expect.objectContaining({ code: 'invalid_input', path: ['province'] }));
  });

  it('the error for a bad province says what is expected in both languages', () => {
    try {
      samrPenaltyPublicity(penalty({ fineAmount: 100 }), { province: 'Guizhou' });
      expect.unreachable();
    } catch (e) {
      const err = e as CreditInputError;
      expect(err.messages.en).toMatch(/region code/);
      expect(err.messages.zh).toMatch(/区划代码/);
    }
  });

  it('region codes of any level still select the province', () => {
    for (const province of ['52', '520000', '520102', '520102001001'])
      expect(samrPenaltyPublicity(penalty({ fineAmount: 100 }), { province }).lowFine?.source).toBe(
        'province',
      );
  });
});
