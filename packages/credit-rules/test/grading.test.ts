import { describe, expect, it } from 'vitest';
import {
  type CreditFact,
  CreditInputError,
  compileRuleSet,
  type EntityCreditProfile,
  gradeEach,
  gradeEntity,
  gradeStream,
  parseRuleSet,
  RuleSetValidationError,
  samrBaselineRuleSet,
  sdFiveClassRuleSet,
} from '../src/index.js';

const AS_OF = '2026-11-21';

describe('done when', () => {
  const onSeriousList: EntityCreditProfile = {
    entityId: '91330100799655058B',
    registeredAt: '2018-04-02',
    facts: [
      { kind: 'serious_list', id: 'SX-2026-0042', listedAt: '2026-03-02', reason: '食品安全严重违法' },
      { kind: 'spot_check', id: 'C-1', date: '2025-09-01', resultCodes: ['1'] },
    ],
  };

  it('an entity on the serious-violation list grades D under the baseline, citing that rule and record', () => {
    const r = gradeEntity(onSeriousList, { ruleSet: samrBaselineRuleSet, asOf: AS_OF });
    expect(r.grade).toBe('D');
    expect(r.firedRules).toEqual([
      { ruleId: 'serious-list', effect: { type: 'worst' }, evidence: ['SX-2026-0042'] },
    ]);
    expect(r).toMatchObject({
      ruleSetId: 'samr-baseline',
      ruleSetVersion: '1.0.1',
      entityId: onSeriousList.entityId,
    });
    const rule = samrBaselineRuleSet.rules.find((x) => x.id === 'serious-list')!;
    expect(samrBaselineRuleSet.sources.map((s) => s.id)).toContain(rule.source.doc);
  });

  it('a clean entity registered five years ago grades A', () => {
    const r = gradeEntity(
      { entityId: 'X', registeredAt: '2021-11-21', facts: [] },
      { ruleSet: samrBaselineRuleSet, asOf: AS_OF },
    );
    expect(r.grade).toBe('A');
  });

  it('the same facts grade differently under the five-class profile', () => {
    const a = gradeEntity(onSeriousList, { ruleSet: samrBaselineRuleSet, asOf: AS_OF });
    const b = gradeEntity(onSeriousList, { ruleSet: sdFiveClassRuleSet, asOf: AS_OF });
    expect([a.grade, b.grade]).toEqual(['D', 'E']);
    const penalised: CreditFact[] = [
      { kind: 'penalty', id: 'P', decisionDate: '2026-05-01', penaltyKinds: ['02'], fineAmount: 800 },
    ];
    const profile = { entityId: 'Y', registeredAt: '2015-01-01', facts: penalised };
    expect(gradeEntity(profile, { ruleSet: samrBaselineRuleSet, asOf: AS_OF }).grade).toBe('B');
    expect(gradeEntity(profile, { ruleSet: sdFiveClassRuleSet, asOf: AS_OF }).grade).toBe('D');
  });
});

describe('gradeEntity', () => {
  it('grades the same entity differently on different dates', () => {
    const p: EntityCreditProfile = {
      entityId: 'X',
      registeredAt: '2015-01-01',
      facts: [{ kind: 'serious_list', id: 'S', listedAt: '2024-01-10', removedAt: '2025-06-01' }],
    };
    const on = (asOf: string) => gradeEntity(p, { ruleSet: samrBaselineRuleSet, asOf }).grade;
    expect(on('2024-01-09')).toBe('A');
    expect(on('2024-01-10')).toBe('D');
    expect(on('2025-05-31')).toBe('D');
    expect(on('2025-06-01')).toBe('B'); // off the list, but not clean: a serious-list entry blocks A
  });

  it('a record entered late is ignored before its recording day', () => {
    const p: EntityCreditProfile = {
      entityId: 'X',
      registeredAt: '2015-01-01',
      facts: [
        { kind: 'abnormal_list', id: 'AB', reason: '4', listedAt: '2026-01-05', recordedAt: '2026-02-01' },
      ],
    };
    expect(gradeEntity(p, { ruleSet: samrBaselineRuleSet, asOf: '2026-01-20' }).grade).toBe('A');
    expect(gradeEntity(p, { ruleSet: samrBaselineRuleSet, asOf: '2026-02-01' }).grade).toBe('C');
  });

  it('accepts a bare array of facts', () => {
    const r = gradeEntity([{ kind: 'serious_list', id: 'S', listedAt: '2026-01-01' }], {
      ruleSet: samrBaselineRuleSet,
      asOf: AS_OF,
    });
    expect(r.grade).toBe('D');
  });

  it('never mutates its input', () => {
    const facts: CreditFact[] = [
      { kind: 'penalty', id: 'P2', decisionDate: '2026-02-01', penaltyKinds: ['02'] },
      { kind: 'penalty', id: 'P1', decisionDate: '2026-01-01', penaltyKinds: ['02'] },
    ];
    const p = { entityId: 'X', registeredAt: '2015-01-01', facts };
    const copy = structuredClone(p);
    gradeEntity(p, { ruleSet: samrBaselineRuleSet, asOf: AS_OF });
    gradeEntity(p, { ruleSet: samrBaselineRuleSet, asOf: AS_OF, validate: false });
    expect(p).toEqual(copy);
  });

  it.each([
    [
      'a bad date',
      {
        entityId: 'X',
        facts: [{ kind: 'complaint', id: 'T', receivedAt: '2026-02-30', substantiated: true }],
      },
      ['facts', 0, 'receivedAt'],
    ],
    ['an unknown kind', { entityId: 'X', facts: [{ kind: 'rumour', id: 'T' }] }, ['facts', 0, 'kind']],
    [
      'a negative fine',
      {
        entityId: 'X',
        facts: [
          { kind: 'penalty', id: 'P', decisionDate: '2026-01-01', penaltyKinds: ['02'], fineAmount: -1 },
        ],
      },
      ['facts', 0, 'fineAmount'],
    ],
    ['no entity id', { facts: [] }, ['entityId']],
  ])('rejects %s with a structured error', (_l, input, path) => {
    const run = () => gradeEntity(input as never, { ruleSet: samrBaselineRuleSet, asOf: AS_OF });
    expect(run).toThrow(CreditInputError);
    try {
      run();
    } catch (e) {
      expect((e as CreditInputError).code).toBe('invalid_credit_facts');
      expect((e as CreditInputError).path).toEqual(path);
      expect((e as CreditInputError).messages.zh).toMatch(/信用信息无效/);
    }
  });

  it.each(['2026-13-01', '20261121', undefined, 20261121])('rejects asOf %s', (asOf) => {
    expect(() => gradeEntity([], { ruleSet: samrBaselineRuleSet, asOf: asOf as never })).toThrow(
      expect.objectContaining({ code: 'invalid_as_of', path: ['asOf'] }),
    );
  });

  it('rejects an invalid rule set passed directly', () => {
    expect(() =>
      gradeEntity([], { ruleSet: { ...samrBaselineRuleSet, defaultGrade: 'Z' }, asOf: AS_OF }),
    ).toThrow(RuleSetValidationError);
    expect(() => gradeEntity([], { ruleSet: undefined as never, asOf: AS_OF })).toThrow(
      RuleSetValidationError,
    );
  });
});

describe('effects', () => {
  const base = {
    ...samrBaselineRuleSet,
    id: 'effects-test',
    rules: [
      {
        id: 'complaint-down',
        title: { zh: '投诉降一级', en: 'complaint: one class worse' },
        source: { doc: 'samr-2022-6', status: 'inferred' as const },
        when: { op: 'count' as const, where: { kind: 'complaint' as const } },
        effect: { type: 'downgrade' as const, steps: 1 },
      },
      {
        id: 'good-grade-up',
        title: { zh: '外部评价优升一级', en: 'external A: one class better' },
        source: { doc: 'samr-2022-6', status: 'inferred' as const },
        when: { op: 'externalGrade' as const, source: 'industry', in: ['A'] },
        effect: { type: 'upgrade' as const, steps: 1 },
      },
      {
        id: 'serious-worst',
        title: { zh: '严重失信', en: 'serious' },
        source: { doc: 'samr-2022-6', status: 'inferred' as const },
        when: { op: 'count' as const, where: { kind: 'serious_list' as const } },
        effect: { type: 'worst' as const },
      },
      {
        id: 'after-worst',
        title: { zh: '永远成立', en: 'always' },
        source: { doc: 'samr-2022-6', status: 'inferred' as const },
        when: { op: 'always' as const },
        effect: { type: 'assign' as const, grade: 'B' },
      },
    ],
  };
  const set = compileRuleSet(parseRuleSet(base));
  const c: CreditFact = { kind: 'complaint', id: 'T', receivedAt: '2026-01-01', substantiated: false };
  const g: CreditFact = {
    kind: 'external_grade',
    id: 'G',
    source: 'industry',
    grade: 'A',
    issuedAt: '2026-01-01',
  };
  const s: CreditFact = { kind: 'serious_list', id: 'S', listedAt: '2026-01-01' };
  it.each([
    ['none', [], 'B'],
    ['downgrade', [c], 'C'],
    ['two downgrades do not stack beyond one rule', [c, { ...c, id: 'T2' }], 'C'],
    ['upgrade', [g], 'A'],
    ['downgrade + upgrade', [c, g], 'B'],
    ['worst stops evaluation', [c, g, s], 'D'],
  ] as [string, CreditFact[], string][])('%s', (_l, facts, grade) => {
    const r = set.grade({ entityId: 'X', facts }, AS_OF);
    expect(r.grade).toBe(grade);
    if (grade === 'D') expect(r.firedRules.map((f) => f.ruleId)).not.toContain('after-worst');
  });
});

describe('batch and streaming', () => {
  const profiles: EntityCreditProfile[] = Array.from({ length: 50 }, (_, i) => ({
    entityId: `E${i}`,
    registeredAt: '2018-01-01',
    facts: i % 5 === 0 ? [{ kind: 'serious_list', id: `S${i}`, listedAt: '2026-01-01' }] : [],
  }));

  it('gradeEach yields one result per profile, in order', () => {
    const results = [...gradeEach(profiles, { ruleSet: samrBaselineRuleSet, asOf: AS_OF })];
    expect(results.map((r) => r.entityId)).toEqual(profiles.map((p) => p.entityId));
    expect(results.filter((r) => r.grade === 'D')).toHaveLength(10);
  });

  it('gradeStream grades an async iterable lazily', async () => {
    let pulled = 0;
    async function* source() {
      for (const p of profiles) {
        pulled++;
        yield p;
      }
    }
    const out: string[] = [];
    for await (const r of gradeStream(source(), { ruleSet: samrBaselineRuleSet, asOf: AS_OF })) {
      out.push(r.grade);
      expect(pulled).toBe(out.length); // one profile in flight at a time
    }
    expect(out).toHaveLength(50);
  });

  it('gradeStream reports the index of a bad profile', async () => {
    const bad = [profiles[0]!, { entityId: 'B', facts: [{ kind: 'penalty' }] }] as EntityCreditProfile[];
    await expect(async () => {
      for await (const _ of gradeStream(bad, { ruleSet: samrBaselineRuleSet, asOf: AS_OF })) {
        // drain
      }
    }).rejects.toMatchObject({ code: 'invalid_credit_facts', path: [1, 'facts', 0, 'id'] });
  });
});
