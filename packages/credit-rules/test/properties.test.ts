import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { compileRuleSet, knownFrom, samrBaselineRuleSet, sdFiveClassRuleSet } from '../src/index.js';
import { anyFact, date, negativeFact, profile } from './arbitraries.js';

const sets = [
  ['SAMR baseline', compileRuleSet(samrBaselineRuleSet)],
  ['five-class', compileRuleSet(sdFiveClassRuleSet)],
] as const;

describe.each(sets)('%s', (_name, compiled) => {
  test.prop([profile, negativeFact, date], { numRuns: process.env.CI ? 400 : 60 })(
    'adding a negative fact never improves the grade',
    (p, extra, asOf) => {
      const before = compiled.grade(p, asOf);
      const after = compiled.grade({ ...p, facts: [...p.facts, extra] }, asOf);
      expect(after.gradeRank).toBeGreaterThanOrEqual(before.gradeRank);
    },
  );

  test.prop([profile, date, fc.infiniteStream(fc.nat())], { numRuns: process.env.CI ? 300 : 50 })(
    'grading is independent of fact order',
    (p, asOf, randoms) => {
      const shuffled = [...p.facts];
      const it = randoms[Symbol.iterator]();
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = it.next().value % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      expect(compiled.grade({ ...p, facts: shuffled }, asOf)).toEqual(compiled.grade(p, asOf));
    },
  );

  test.prop([profile, anyFact, date], { numRuns: process.env.CI ? 300 : 50 })(
    'grading as of a date before a fact is known ignores it',
    (p, fact, asOf) => {
      fc.pre(knownFrom(fact) > asOf);
      expect(compiled.grade({ ...p, facts: [...p.facts, fact] }, asOf)).toEqual(compiled.grade(p, asOf));
    },
  );

  test.prop([profile, date], { numRuns: process.env.CI ? 300 : 50 })(
    'the grade as of a date only depends on the facts known by then',
    (p, asOf) => {
      const known = p.facts.filter((f) => knownFrom(f) <= asOf);
      expect(compiled.grade(p, asOf)).toEqual(compiled.grade({ ...p, facts: known }, asOf));
    },
  );

  test.prop([profile, date], { numRuns: process.env.CI ? 200 : 50 })(
    'every evidence id belongs to a known fact',
    (p, asOf) => {
      const ids = new Set(p.facts.filter((f) => knownFrom(f) <= asOf).map((f) => f.id));
      for (const fired of compiled.grade(p, asOf).firedRules)
        for (const e of fired.evidence) expect(ids.has(e)).toBe(true);
    },
  );
});
