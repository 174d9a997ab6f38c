import { describe, expect, it } from 'vitest';
import {
  abnormalListDates,
  anniversary,
  type CreditFact,
  defaultPublicityRegimes,
  gradeEntity,
  hasElapsed,
  latestElapsedStart,
  parsePublicityRegimes,
  parseRuleSet,
  RuleSetValidationError,
  samrBaselineRuleSet,
  seriousListDates,
} from '../src/index.js';

// biome-ignore lint/suspicious/noExplicitAny: the tests build untyped rule-set data on purpose
type Loose = Record<string, any>;

function withRule(when: Loose): Loose {
  const data = structuredClone(samrBaselineRuleSet) as Loose;
  data.rules = [
    {
      id: 'probe',
      title: { zh: '测试', en: 'probe' },
      source: { doc: 'samr-2022-6', status: 'inferred' },
      when,
      effect: { type: 'assign', grade: 'D' },
    },
  ];
  return data;
}

function issuesOf(data: unknown) {
  try {
    parseRuleSet(data);
  } catch (e) {
    expect(e).toBeInstanceOf(RuleSetValidationError);
    return (e as RuleSetValidationError).issues;
  }
  throw new Error('expected a validation error');
}

describe('filter keys of another fact kind are rejected by the parser', () => {
  it.each([
    ['penaltyKinds on complaints', { kind: 'complaint', penaltyKinds: ['02'] }, 'penaltyKinds'],
    ['resultCodes on penalties', { kind: 'penalty', resultCodes: ['8'] }, 'resultCodes'],
    ['reasons on spot checks', { kind: 'spot_check', reasons: ['1'] }, 'reasons'],
    ['substantiated on penalties', { kind: 'penalty', substantiated: true }, 'substantiated'],
    ['outcome on complaints', { kind: 'complaint', outcome: 'missed' }, 'outcome'],
    ['minFine on abnormal list', { kind: 'abnormal_list', minFine: 1 }, 'minFine'],
    ['inForce on penalties', { kind: 'penalty', inForce: true }, 'inForce'],
  ])('%s', (_label, where, key) => {
    const issues = issuesOf(withRule({ op: 'count', where }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'filter_key_not_applicable',
      path: ['rules', 0, 'when', 'where', key],
    });
    expect(issues[0]!.message.zh).toContain(key);
    expect(issues[0]!.message.en).toContain(key);
  });

  it('checks filters nested in combinators and sums', () => {
    const issues = issuesOf(
      withRule({
        op: 'all',
        of: [
          { op: 'not', of: { op: 'count', where: { kind: 'spot_check', penaltyKinds: ['02'] } } },
          { op: 'sum', where: { kind: 'penalty', resultCodes: ['1'] }, atLeast: 1 },
        ],
      }),
    );
    expect(issues.map((i) => i.path)).toEqual([
      ['rules', 0, 'when', 'of', 0, 'of', 'where', 'penaltyKinds'],
      ['rules', 0, 'when', 'of', 1, 'where', 'resultCodes'],
    ]);
  });

  it('a set that passed the old parser and crashed gradeEntity now fails validation instead', () => {
    const data = withRule({ op: 'count', where: { kind: 'complaint', penaltyKinds: ['02'] } });
    const facts: CreditFact[] = [
      { kind: 'complaint', id: 'T', receivedAt: '2026-01-01', substantiated: true },
    ];
    expect(() => gradeEntity(facts, { ruleSet: data as never, asOf: '2026-11-21' })).toThrow(
      RuleSetValidationError,
    );
  });

  it('keys of the right kind and the kind-free keys still pass', () => {
    expect(() =>
      parseRuleSet(
        withRule({
          op: 'any',
          of: [
            {
              op: 'count',
              where: { kind: 'penalty', penaltyKinds: ['02'], minFine: 1, procedure: 'general' },
            },
            {
              op: 'count',
              where: { kind: 'abnormal_list', reasons: ['1'], inForce: true, olderThan: { years: 3 } },
            },
            { op: 'count', where: { kind: 'complaint', substantiated: true, within: { years: 1 } } },
          ],
        }),
      ),
    ).not.toThrow();
  });
});

describe('grading honours a serious-list entry’s automatic exit (Order 44: 3 years)', () => {
  const entry: CreditFact = { kind: 'serious_list', id: 'S', listedAt: '2022-03-01' };
  const gradeOn = (asOf: string, facts: CreditFact[] = [entry]) =>
    gradeEntity({ entityId: 'X', registeredAt: '2010-01-01', facts }, { ruleSet: samrBaselineRuleSet, asOf })
      .grade;

  it('the day before, on and after the auto-exit day', () => {
    expect(seriousListDates(entry).autoExitOn).toBe('2025-03-01');
    expect(gradeOn('2025-02-28')).toBe('D');
    expect(gradeOn('2025-03-01')).not.toBe('D');
    expect(gradeOn('2025-03-02')).not.toBe('D');
  });

  it('an earlier recorded removal still wins', () => {
    expect(gradeOn('2024-06-01', [{ ...entry, removedAt: '2024-05-01' }])).not.toBe('D');
  });

  it('a province may pass its own regimes (a 5-year term keeps it in force)', () => {
    const regimes = parsePublicityRegimes({
      ...defaultPublicityRegimes,
      seriousList: defaultPublicityRegimes.seriousList.map((r) => ({ ...r, maximumTerm: { years: 5 } })),
    });
    const r = gradeEntity(
      { entityId: 'X', registeredAt: '2010-01-01', facts: [entry] },
      { ruleSet: samrBaselineRuleSet, asOf: '2026-01-01', publicityRegimes: regimes },
    );
    expect(r.grade).toBe('D');
  });
});

describe('one rule for anniversaries of 29 February (month-end clamp, 民法典 第203条)', () => {
  it('anniversary, hasElapsed and latestElapsedStart agree', () => {
    expect(anniversary('2024-02-29', { years: 3 })).toBe('2027-02-28');
    expect(anniversary('2024-02-29', { years: 4 })).toBe('2028-02-29');
    expect(hasElapsed('2024-02-29', { years: 3 }, '2027-02-27')).toBe(false);
    expect(hasElapsed('2024-02-29', { years: 3 }, '2027-02-28')).toBe(true);
    expect(latestElapsedStart('2027-02-28', { years: 3 })).toBe('2024-02-29');
    expect(latestElapsedStart('2027-03-01', { years: 3 })).toBe('2024-03-01');
    expect(latestElapsedStart('2026-04-30', { months: 1 })).toBe('2026-03-31');
    expect(latestElapsedStart('2026-11-21', { years: 3 })).toBe('2023-11-21');
  });

  it('latestElapsedStart is exact for every start day around month ends', () => {
    const durations = [{ years: 1 }, { years: 3 }, { months: 1 }, { months: 6 }, { months: 1, days: 1 }];
    for (const d of durations) {
      for (let i = 0; i < 800; i++) {
        const asOf = anniversary('2026-01-01', { days: i });
        const bound = latestElapsedStart(asOf, d);
        expect(hasElapsed(bound, d, asOf), `${asOf} ${JSON.stringify(d)}`).toBe(true);
        expect(hasElapsed(anniversary(bound, { days: 1 }), d, asOf), `${asOf} ${JSON.stringify(d)}`).toBe(
          false,
        );
      }
    }
  });

  it('abnormal-list escalation date and the 3-year grading rule fire on the same day', () => {
    const entry: CreditFact = { kind: 'abnormal_list', id: 'AB', reason: '1', listedAt: '2024-02-29' };
    const due = abnormalListDates(entry).escalationDueOn;
    expect(due).toBe('2027-02-28');
    const fired = (asOf: string) =>
      gradeEntity(
        { entityId: 'X', registeredAt: '2010-01-01', facts: [entry] },
        { ruleSet: samrBaselineRuleSet, asOf },
      ).firedRules.some((r) => r.ruleId === 'abnormal-list-3y');
    expect(fired('2027-02-27')).toBe(false);
    expect(fired(due)).toBe(true);
    expect(fired('2027-03-01')).toBe(true);
  });

  it('the within window is the complement of olderThan on 29 February', () => {
    // A heavy penalty of 2024-02-29 is 3 years old on 2027-02-28, so no longer "within 3 years".
    const p: CreditFact = { kind: 'penalty', id: 'P', decisionDate: '2024-02-29', penaltyKinds: ['05'] };
    const heavy = (asOf: string) =>
      gradeEntity(
        { entityId: 'X', registeredAt: '2010-01-01', facts: [p] },
        { ruleSet: samrBaselineRuleSet, asOf },
      ).firedRules.some((r) => r.ruleId === 'heavy-penalty-3y');
    expect(heavy('2027-02-27')).toBe(true);
    expect(heavy('2027-02-28')).toBe(false);
  });
});
