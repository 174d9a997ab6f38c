import { describe, it } from 'vitest';
import { editArb, expectClean, fc, fuzz, jsonish, runs, target } from '../../../core/test/fuzz/harness.js';
import {
  gradeEntity,
  parseRuleSet,
  samrBaselineRuleSet,
  sdFiveClassRuleSet,
  toPublicRecord,
} from '../../src/index.js';

const baseline = JSON.parse(JSON.stringify(samrBaselineRuleSet)) as unknown;
const five = JSON.parse(JSON.stringify(sdFiveClassRuleSet)) as unknown;

/** The paths of scalar values in a JSON tree (where an object can never be valid). */
function scalarPaths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => void scalarPaths(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) scalarPaths(v, [...prefix, k], out);
  else out.push(prefix);
  return out;
}

describe('fuzz: credit-rules', () => {
  it('parseRuleSet: junk and edited rule sets give RuleSetValidationError only', () => {
    const t = target('credit-rules parseRuleSet (junk and edits)');
    fuzz(
      t,
      fc.oneof(
        jsonish,
        editArb(baseline).map((e) => e.edited),
        editArb(five).map((e) => e.edited),
      ),
      runs(100, 15_000),
      'typed',
      (input) => {
        parseRuleSet(input);
        return undefined;
      },
    );
    expectClean(t);
  });

  it('parseRuleSet: an object where the rule set has a scalar is rejected', () => {
    const t = target('credit-rules parseRuleSet (scalar → object)');
    const paths = scalarPaths(baseline);
    fuzz(
      t,
      fc.tuple(fc.constantFrom(...paths), fc.constantFrom<unknown>({}, { a: 1 }, [])),
      runs(80, 8_000),
      'typed',
      ([path, junk]) => {
        const edited = structuredClone(baseline) as Record<string | number, unknown>;
        let parent = edited;
        for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
        parent[path[path.length - 1]!] = junk;
        try {
          parseRuleSet(edited);
        } catch (error) {
          if ((error as { name?: string }).name === 'RuleSetValidationError') return undefined;
          throw error;
        }
        return `accepted ${JSON.stringify(junk)} at ${JSON.stringify(path)}`;
      },
    );
    expectClean(t);
  });

  it('gradeEntity on junk profiles and options: typed errors only', () => {
    const t = target('credit-rules gradeEntity (junk)');
    const profile = fc.record(
      {
        entityId: fc.oneof(fc.string(), jsonish),
        registeredAt: fc.oneof(fc.constantFrom('2015-01-01', '2026-13-01'), jsonish),
        facts: fc.oneof(
          jsonish,
          fc.array(
            fc.record(
              { kind: fc.oneof(fc.string(), jsonish), date: jsonish, id: jsonish },
              { requiredKeys: [] },
            ),
            { maxLength: 3 },
          ),
        ),
      },
      { requiredKeys: [] },
    );
    fuzz(
      t,
      fc.tuple(fc.oneof(profile, jsonish), fc.oneof(fc.constantFrom('2026-11-21'), jsonish)),
      runs(100, 30_000),
      'typed',
      ([p, asOf]) => {
        gradeEntity(p as never, { ruleSet: samrBaselineRuleSet, asOf: asOf as never });
        return undefined;
      },
    );
    expectClean(t);
  });

  it('toPublicRecord: the grade is published only with includeGrade: true and a reason', () => {
    const t = target('credit-rules toPublicRecord (junk options)');
    const result = gradeEntity(
      { entityId: 'X', registeredAt: '2015-01-01', facts: [] },
      { ruleSet: samrBaselineRuleSet, asOf: '2026-11-21' },
    );
    const options = fc.oneof(
      jsonish,
      fc.record(
        { includeGrade: fc.oneof(fc.boolean(), jsonish), reason: fc.oneof(fc.string(), jsonish) },
        { requiredKeys: [] },
      ),
    );
    fuzz(t, options, runs(300, 40_000), 'typed', (o) => {
      const pub = (toPublicRecord as unknown as (r: unknown, o?: unknown) => Record<string, unknown>)(
        result,
        o,
      );
      const optedIn =
        typeof o === 'object' &&
        o !== null &&
        (o as { includeGrade?: unknown }).includeGrade === true &&
        typeof (o as { reason?: unknown }).reason === 'string' &&
        (o as { reason: string }).reason.trim() !== '';
      if ('grade' in pub && !optedIn) return 'published the grade without an opt-in';
      if (!('grade' in pub) && optedIn) return 'ignored an explicit opt-in';
      return undefined;
    });
    expectClean(t);
  });
});
