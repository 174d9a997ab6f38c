/**
 * The cached fast path of grading (issue #17 item 3) gives exactly what the uncached path gives:
 * - `gradeEntity` / `gradeEach` (rule set validated and compiled once, cached by the frozen rule set; profiles
 *   checked by the hand-written `isValidProfile`, zod only for what it rejects) against a reference that
 *   compiles a never-seen copy of the rule set and validates the profile with zod, on random rule sets,
 *   entities and dates;
 * - a caller that edits its rule set, regimes or facts between calls never gets an answer for the old content;
 * - `isValidProfile` accepts nothing the zod schema rejects (field by field and on random edits).
 */

import { fc, test } from '@fast-check/vitest';
import { zodIssuePath } from '@jianguan/core';
import { describe, expect, it } from 'vitest';
import { isValidProfile } from '../src/facts/credit-fact.js';
import {
  type CreditFact,
  CreditInputError,
  type CreditRuleSet,
  compileRuleSet,
  creditFactSchema,
  defaultPublicityRegimes,
  type EntityCreditProfile,
  entityCreditProfileSchema,
  FILTER_KEYS_BY_KIND,
  type GradingResult,
  gradeEach,
  gradeEntity,
  type PublicityRegimes,
  parsePublicityRegimes,
  parseRuleSet,
  RuleSetValidationError,
  samrBaselineRuleSet,
  sdFiveClassRuleSet,
} from '../src/index.js';
import { anyFact, date, profile } from './arbitraries.js';

// biome-ignore lint/suspicious/noExplicitAny: the tests edit untyped data on purpose
type Loose = Record<string, any>;

const RUNS = process.env.CI ? 300 : 60;

// ---------------------------------------------------------------------------------------------------------
// Random rule sets: the baseline's grades, sources and measures with random rules over the whole vocabulary.

const KINDS = Object.keys(FILTER_KEYS_BY_KIND) as (keyof typeof FILTER_KEYS_BY_KIND)[];
const duration = fc.oneof(
  fc.record({ years: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ months: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ days: fc.integer({ min: 1, max: 900 }) }),
);
const FILTER_VALUES: Record<string, fc.Arbitrary<unknown>> = {
  penaltyKinds: fc.uniqueArray(fc.constantFrom('01', '02', '04', '05', '10'), { minLength: 1, maxLength: 3 }),
  minFine: fc.integer({ min: 0, max: 200_000 }),
  procedure: fc.constantFrom('simple', 'general'),
  resultCodes: fc.uniqueArray(fc.constantFrom('1', '2', '8', 'A', 'E', 'G'), { minLength: 1, maxLength: 3 }),
  reasons: fc.uniqueArray(fc.constantFrom('1', '2', '3', '4'), { minLength: 1, maxLength: 2 }),
  outcome: fc.constantFrom('missed', 'failed'),
  substantiated: fc.boolean(),
  inForce: fc.boolean(),
};
const filter = fc.constantFrom(...KINDS).chain((kind) => {
  const keys = [...FILTER_KEYS_BY_KIND[kind]];
  return fc.record(
    {
      kind: fc.constant(kind),
      ...Object.fromEntries(keys.map((k) => [k, FILTER_VALUES[k]!])),
      within: duration,
      olderThan: duration,
    },
    { requiredKeys: ['kind'] },
  );
});
const { predicate } = fc.letrec<{ predicate: unknown }>((tie) => ({
  predicate: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record(
      { op: fc.constant('count'), where: filter, atLeast: fc.nat(3), atMost: fc.integer({ min: 3, max: 6 }) },
      { requiredKeys: ['op', 'where'] },
    ),
    fc.record({
      op: fc.constant('sum'),
      where: filter.filter((w) => (w as { kind: string }).kind === 'penalty'),
      atLeast: fc.integer({ min: 0, max: 150_000 }),
    }),
    fc.record({
      op: fc.constant('externalGrade'),
      source: fc.constantFrom('public-credit', 'industry'),
      in: fc.uniqueArray(fc.constantFrom('A', 'B', 'C', 'D', '差'), { minLength: 1, maxLength: 3 }),
    }),
    fc.oneof(
      fc.record({ op: fc.constant('registered'), atLeast: duration }),
      fc.record({ op: fc.constant('registered'), lessThan: duration }),
    ),
    fc.constant({ op: 'always' }),
    fc.record({ op: fc.constant('not'), of: tie('predicate') }),
    fc.record({
      op: fc.constantFrom('all', 'any'),
      of: fc.array(tie('predicate'), { minLength: 1, maxLength: 3 }),
    }),
  ),
}));
const effect = fc.oneof(
  fc.record({ type: fc.constant('assign'), grade: fc.constantFrom('A', 'B', 'C', 'D') }),
  fc.record({ type: fc.constantFrom('downgrade', 'upgrade'), steps: fc.integer({ min: 1, max: 2 }) }),
  fc.constant({ type: 'worst' }),
);
const rule = fc.record({ when: predicate, effect });

/** Plain, mutable rule-set data (never frozen, never seen by the SDK before). */
const ruleSetData: fc.Arbitrary<Loose> = fc
  .tuple(fc.array(rule, { maxLength: 6 }), fc.constantFrom('A', 'B', 'C'))
  .map(([rules, defaultGrade]) => {
    const base = structuredClone(samrBaselineRuleSet) as Loose;
    const doc = base.sources[0].id;
    base.defaultGrade = defaultGrade;
    base.rules = rules.map((r, i) => ({
      id: `r${i}`,
      title: { zh: `规则${i}`, en: `rule ${i}` },
      source: { doc, status: 'inferred' },
      ...structuredClone(r),
    }));
    return base;
  });

/** Every rule set the tests grade with: random ones (mostly valid) and the two shipped ones. */
const anyRuleSetData = fc.oneof(
  { weight: 4, arbitrary: ruleSetData },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(samrBaselineRuleSet, sdFiveClassRuleSet)
      .map((s) => structuredClone(s) as Loose),
  },
);

/** A profile, sometimes edited into junk by one field (the zod path must still give the error). */
const profileOrJunk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: profile },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        profile,
        fc.constantFrom<unknown>(undefined, null, '', 'x', -1, 1.5, Number.NaN, [], {}, true, '2025-02-30'),
      )
      .chain(([p, junk]) => {
        const paths: (string | number)[][] = [['entityId'], ['registeredAt'], ['facts']];
        p.facts.forEach((f, i) => {
          paths.push(['facts', i]);
          for (const k of Object.keys(f)) paths.push(['facts', i, k]);
        });
        return fc.constantFrom(...paths).map((path) => {
          const copy = structuredClone(p) as Loose;
          let parent = copy;
          for (const k of path.slice(0, -1)) parent = parent[k];
          parent[path[path.length - 1]!] = junk;
          return copy as unknown;
        });
      }),
  },
);

// ---------------------------------------------------------------------------------------------------------
// The uncached reference: a fresh copy of the rule set (never seen, so no cache can answer), compiled, and the
// profile validated by the zod schema itself.

type Outcome = { ok: GradingResult } | { error: { name: string; code: string; path: readonly unknown[] } };

function outcome(run: () => GradingResult): Outcome {
  try {
    return { ok: run() };
  } catch (e) {
    const err = e as { name: string; code: string; path: readonly unknown[] };
    return { error: { name: err.name, code: err.code, path: err.path } };
  }
}

function reference(data: unknown, p: unknown, asOf: string, regimes?: PublicityRegimes): Outcome {
  return outcome(() => {
    const compiled = compileRuleSet(
      structuredClone(data) as CreditRuleSet,
      regimes ? { publicityRegimes: structuredClone(regimes) } : {},
    );
    const parsed = entityCreditProfileSchema.safeParse(p);
    if (!parsed.success)
      // The error gradeEntity documents: a CreditInputError at the path of zod's first issue.
      throw Object.assign(new CreditInputError('invalid_credit_facts', { zh: '-', en: '-' }), {
        path: zodIssuePath(parsed.error.issues[0]!),
      });
    return compiled.grade(parsed.data as EntityCreditProfile, asOf);
  });
}

function cached(data: unknown, p: unknown, asOf: string, regimes?: PublicityRegimes): Outcome {
  return outcome(() =>
    gradeEntity(p as EntityCreditProfile, {
      ruleSet: data as CreditRuleSet,
      asOf,
      ...(regimes ? { publicityRegimes: regimes } : {}),
    }),
  );
}

describe('the cached path equals the uncached path', () => {
  test.prop([anyRuleSetData, fc.array(profileOrJunk, { minLength: 1, maxLength: 4 }), date], {
    numRuns: RUNS,
  })(
    'gradeEntity on random rule sets (mutable, then parsed and frozen) and entities',
    (data, profiles, asOf) => {
      const frozen = (() => {
        try {
          return parseRuleSet(data);
        } catch {
          return undefined;
        }
      })();
      for (const p of profiles) {
        const want = reference(data, p, asOf);
        // The same mutable object twice (second call from the cache), and its frozen parse.
        expect(cached(data, p, asOf)).toEqual(want);
        expect(cached(data, p, asOf)).toEqual(want);
        if (frozen) expect(cached(frozen, p, asOf)).toEqual(want);
        else expect(want).toMatchObject({ error: { name: 'RuleSetValidationError' } });
      }
    },
  );

  test.prop([anyRuleSetData, fc.array(profile, { maxLength: 6 }), date], { numRuns: RUNS })(
    'gradeEach with default validation equals grading each profile on its own, uncached',
    (data, profiles, asOf) => {
      const want = profiles.map((p) => reference(data, p, asOf));
      let got: Outcome[];
      try {
        got = [...gradeEach(profiles, { ruleSet: data as CreditRuleSet, asOf })].map((ok) => ({ ok }));
      } catch (e) {
        expect(e).toBeInstanceOf(RuleSetValidationError);
        expect(() => parseRuleSet(data)).toThrow(RuleSetValidationError);
        return;
      }
      expect(got).toEqual(want);
    },
  );
});

describe('editing an object between calls cannot poison a cache', () => {
  test.prop([ruleSetData, ruleSetData, fc.array(profile, { minLength: 1, maxLength: 3 }), date], {
    numRuns: RUNS,
  })(
    'a rule set edited in place (rules, a nested predicate or effect, or into junk) is graded by its new content',
    (data, other, profiles, asOf) => {
      for (const p of profiles) cached(data, p, asOf); // warm every cache with the old content
      // Edit in place, deep inside when possible.
      if (data.rules.length > 0 && other.rules.length > 0) {
        data.rules[0].when = other.rules[0].when;
        data.rules[data.rules.length - 1].effect = other.rules[other.rules.length - 1].effect;
      } else data.rules = other.rules;
      data.defaultGrade = other.defaultGrade;
      for (const p of profiles) expect(cached(data, p, asOf)).toEqual(reference(data, p, asOf));
      // Into junk: the validation error, never the old answer.
      data.grades[0].code = 42;
      for (const p of profiles)
        expect(cached(data, p, asOf)).toMatchObject({ error: { name: 'RuleSetValidationError' } });
    },
  );

  it('a rule set edited in place: one concrete case', () => {
    const data = structuredClone(samrBaselineRuleSet) as Loose;
    const p: EntityCreditProfile = {
      entityId: 'X',
      registeredAt: '2010-01-01',
      facts: [{ kind: 'serious_list', id: 'S1', listedAt: '2026-03-02' }],
    };
    expect(gradeEntity(p, { ruleSet: data as CreditRuleSet, asOf: '2026-11-21' }).grade).toBe('D');
    data.rules.find((r: Loose) => r.id === 'serious-list').effect = { type: 'assign', grade: 'C' };
    expect(gradeEntity(p, { ruleSet: data as CreditRuleSet, asOf: '2026-11-21' }).grade).toBe('C');
    data.rules = [];
    expect(gradeEntity(p, { ruleSet: data as CreditRuleSet, asOf: '2026-11-21' }).grade).toBe('B');
    data.defaultGrade = 'Z';
    expect(() => gradeEntity(p, { ruleSet: data as CreditRuleSet, asOf: '2026-11-21' })).toThrow(
      RuleSetValidationError,
    );
  });

  test.prop([fc.integer({ min: 1, max: 6 }), date], { numRuns: RUNS })(
    'publicity regimes edited in place are used with their new content',
    (years, asOf) => {
      const regimes = structuredClone(defaultPublicityRegimes) as Loose;
      const p: EntityCreditProfile = {
        entityId: 'X',
        registeredAt: '2010-01-01',
        facts: [{ kind: 'serious_list', id: 'S1', listedAt: '2021-10-01' }],
      };
      cached(samrBaselineRuleSet, p, asOf, regimes as PublicityRegimes);
      for (const r of regimes.seriousList) r.maximumTerm = { years };
      expect(cached(samrBaselineRuleSet, p, asOf, regimes as PublicityRegimes)).toEqual(
        reference(samrBaselineRuleSet, p, asOf, regimes as PublicityRegimes),
      );
    },
  );

  test.prop([profile, date, date], { numRuns: RUNS })(
    'facts edited in place (a serious-list removal added) are graded by their new content',
    (p, removedAt, asOf) => {
      const facts: Loose[] = [
        ...p.facts.map((f) => ({ ...f })),
        { kind: 'serious_list', id: 'S', listedAt: '2021-10-01' },
      ];
      const mutable = { ...p, facts } as unknown as EntityCreditProfile;
      const compiled = compileRuleSet(samrBaselineRuleSet);
      for (const validate of [true, false]) {
        gradeEntity(mutable, { ruleSet: samrBaselineRuleSet, asOf, validate });
        compiled.grade(mutable, asOf);
      }
      for (const f of facts) if (f.kind === 'serious_list') f.removedAt = removedAt;
      const want = compileRuleSet(structuredClone(samrBaselineRuleSet) as CreditRuleSet).grade(
        structuredClone(mutable),
        asOf,
      );
      expect(compiled.grade(mutable, asOf)).toEqual(want);
      for (const validate of [true, false])
        expect(gradeEntity(mutable, { ruleSet: samrBaselineRuleSet, asOf, validate })).toEqual(want);
    },
  );

  it('a compiled rule set is a snapshot: editing the source object afterwards does not change it', () => {
    const data = structuredClone(samrBaselineRuleSet) as Loose;
    const compiled = compileRuleSet(data as CreditRuleSet);
    data.rules = [];
    const p: EntityCreditProfile = {
      entityId: 'X',
      facts: [{ kind: 'serious_list', id: 'S1', listedAt: '2026-03-02' }],
    };
    expect(compiled.grade(p, '2026-11-21').grade).toBe('D');
    expect(Object.isFrozen(compiled.ruleSet) && compiled.ruleSet.rules.length > 0).toBe(true);
  });
});

describe('frozen rule sets and regimes (the identity-cached fast path)', () => {
  const deeplyFrozen = (v: unknown): boolean =>
    typeof v !== 'object' || v === null || (Object.isFrozen(v) && Object.values(v).every(deeplyFrozen));

  it('the shipped rule sets and regimes, and every parse result, are deeply frozen; the input is not touched', () => {
    for (const v of [samrBaselineRuleSet, sdFiveClassRuleSet, defaultPublicityRegimes])
      expect(deeplyFrozen(v)).toBe(true);
    const data = structuredClone(samrBaselineRuleSet) as Loose;
    const parsed = parseRuleSet(data);
    expect(deeplyFrozen(parsed)).toBe(true);
    expect(Object.isFrozen(data) || Object.isFrozen(data.rules[0])).toBe(false);
    const regimes = structuredClone(defaultPublicityRegimes);
    expect(deeplyFrozen(parsePublicityRegimes(regimes))).toBe(true);
    expect(Object.isFrozen(regimes)).toBe(false);
  });

  it('a deeply frozen rule set compiles once and is kept by identity', () => {
    const a = compileRuleSet(samrBaselineRuleSet);
    expect(a.ruleSet).toBe(samrBaselineRuleSet);
    const p: EntityCreditProfile = { entityId: 'X', facts: [] };
    const r1 = gradeEntity(p, { ruleSet: samrBaselineRuleSet, asOf: '2026-11-21' });
    const r2 = gradeEntity(p, { ruleSet: samrBaselineRuleSet, asOf: '2026-11-21' });
    expect(r2).toEqual(r1);
  });

  it('a frozen object with an accessor is not trusted as frozen data (compared per call instead)', () => {
    let rules: unknown[] = [];
    const data = structuredClone(samrBaselineRuleSet) as Loose;
    const sneaky = Object.freeze(
      Object.defineProperty({ ...data }, 'rules', { get: () => rules, enumerable: true }),
    );
    const p: EntityCreditProfile = {
      entityId: 'X',
      facts: [{ kind: 'serious_list', id: 'S1', listedAt: '2026-03-02' }],
    };
    expect(gradeEntity(p, { ruleSet: sneaky as CreditRuleSet, asOf: '2026-11-21' }).grade).toBe('B');
    rules = data.rules;
    expect(gradeEntity(p, { ruleSet: sneaky as CreditRuleSet, asOf: '2026-11-21' }).grade).toBe('D');
  });
});

// ---------------------------------------------------------------------------------------------------------
// The fast profile check accepts nothing zod rejects.

const JUNK: readonly unknown[] = [
  undefined,
  null,
  '',
  'x',
  '2025-02-30',
  '2025-2-3',
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -0,
  true,
  [],
  [''],
  ['99'],
  {},
  { a: 1 },
];

const SAMPLE_FACTS: readonly Loose[] = [
  {
    kind: 'penalty',
    id: 'P1',
    recordedAt: '2025-03-05',
    decisionDate: '2025-03-02',
    penaltyKinds: ['02', '05'],
    fineAmount: 5000,
    procedure: 'general',
    publishedAt: '2025-03-10',
    restrictionEndsAt: '2026-03-10',
    revokedAt: '2025-09-01',
    counterpart: 'organisation',
    severity: 'general',
  },
  {
    kind: 'abnormal_list',
    id: 'A1',
    recordedAt: '2024-07-02',
    reason: '1',
    listedAt: '2024-07-01',
    removedAt: '2024-09-01',
  },
  {
    kind: 'serious_list',
    id: 'S1',
    recordedAt: '2025-01-11',
    reason: '食品',
    listedAt: '2025-01-10',
    removedAt: '2025-06-01',
  },
  { kind: 'spot_check', id: 'C1', recordedAt: '2025-06-02', date: '2025-06-01', resultCodes: ['1', 'E'] },
  { kind: 'complaint', id: 'T1', recordedAt: '2025-06-02', receivedAt: '2025-06-01', substantiated: true },
  {
    kind: 'commitment_breach',
    id: 'K1',
    recordedAt: '2025-06-02',
    commitmentId: 'K',
    date: '2025-06-01',
    outcome: 'missed',
  },
  {
    kind: 'court_dishonesty',
    id: 'J1',
    recordedAt: '2025-02-02',
    listedAt: '2025-02-01',
    removedAt: '2025-03-01',
  },
  {
    kind: 'external_grade',
    id: 'G1',
    recordedAt: '2025-01-02',
    source: 'public-credit',
    grade: 'A',
    issuedAt: '2025-01-01',
    validUntil: '2026-01-01',
  },
];

const zodAccepts = (p: unknown) => entityCreditProfileSchema.safeParse(p).success;

describe('isValidProfile (the fast check) accepts nothing the schema rejects', () => {
  it('covers every field of every fact kind of the schema, each one replaced by junk or deleted', () => {
    const kinds = new Set(SAMPLE_FACTS.map((f) => f.kind));
    expect([...kinds].sort()).toEqual([...creditFactSchema.options.map((o) => o.shape.kind.value)].sort());
    for (const option of creditFactSchema.options) {
      const sample = SAMPLE_FACTS.find((f) => f.kind === option.shape.kind.value)!;
      // The sample uses every field the schema knows, so each is exercised below.
      expect(Object.keys(sample).sort()).toEqual(Object.keys(option.shape).sort());
      const wrap = (f: unknown) => ({ entityId: 'X', registeredAt: '2020-01-01', facts: [f] });
      expect([isValidProfile(wrap(sample)), zodAccepts(wrap(sample))]).toEqual([true, true]);
      for (const key of Object.keys(option.shape)) {
        const { [key]: _, ...without } = sample;
        if (isValidProfile(wrap(without)))
          expect(zodAccepts(wrap(without)), `${sample.kind} without ${key}`).toBe(true);
        for (const junk of JUNK) {
          const edited = wrap({ ...sample, [key]: junk });
          if (isValidProfile(edited))
            expect(zodAccepts(edited), `${sample.kind}.${key} = ${String(junk)}`).toBe(true);
        }
      }
    }
    for (const key of ['entityId', 'registeredAt', 'facts'])
      for (const junk of JUNK) {
        const edited = { entityId: 'X', registeredAt: '2020-01-01', facts: [], [key]: junk };
        if (isValidProfile(edited)) expect(zodAccepts(edited), `${key} = ${String(junk)}`).toBe(true);
      }
  });

  test.prop([profileOrJunk], { numRuns: RUNS * 3 })('on random profiles and one-field edits', (p) => {
    if (isValidProfile(p)) expect(zodAccepts(p)).toBe(true);
    // And it is the fast path for real data: every profile the schema accepts without stripping is accepted.
    else expect(zodAccepts(p)).toBe(false);
  });

  it('takes the fast path for well-formed facts of every kind', () => {
    fc.assert(
      fc.property(fc.array(anyFact, { maxLength: 10 }), (facts: CreditFact[]) =>
        isValidProfile({ entityId: 'X', facts }),
      ),
      { numRuns: RUNS },
    );
  });
});
