import { describe, expect, it } from 'vitest';
import {
  type CreditRuleSet,
  diffRuleSets,
  measuresForGrade,
  measuresTable,
  parseRuleSet,
  RuleSetValidationError,
  samplingRatiosByGrade,
  samrBaselineRuleSet,
  sdFiveClassRuleSet,
  UnknownGradeError,
} from '../src/index.js';

// biome-ignore lint/suspicious/noExplicitAny: the tests mutate untyped rule-set data on purpose
type Loose = Record<string, any>;
const clone = (): Loose => structuredClone(samrBaselineRuleSet) as Loose;

function issuesOf(data: unknown) {
  try {
    parseRuleSet(data);
  } catch (e) {
    expect(e).toBeInstanceOf(RuleSetValidationError);
    return (e as RuleSetValidationError).issues;
  }
  throw new Error('expected a validation error');
}

describe('parseRuleSet', () => {
  it('accepts both shipped sets and their JSON round trip', () => {
    for (const set of [samrBaselineRuleSet, sdFiveClassRuleSet]) {
      expect(parseRuleSet(JSON.parse(JSON.stringify(set)))).toEqual(set);
    }
  });

  it('every rule cites a listed source', () => {
    for (const set of [samrBaselineRuleSet, sdFiveClassRuleSet]) {
      const docs = new Set(set.sources.map((s) => s.id));
      for (const r of set.rules) expect(docs.has(r.source.doc), r.id).toBe(true);
    }
  });

  it.each<[string, (d: Loose) => void, (string | number)[], string, RegExp]>([
    [
      'unknown grade in a rule',
      (d) => (d.rules[2].effect = { type: 'assign', grade: 'Z' }),
      ['rules', 2, 'effect', 'grade'],
      'unknown_grade',
      /等级 Z/,
    ],
    [
      'duplicate rule id',
      (d) => (d.rules[1].id = d.rules[0].id),
      ['rules', 1, 'id'],
      'duplicate_id',
      /规则编号重复/,
    ],
    [
      'uncited source',
      (d) => (d.rules[0].source.doc = 'nowhere'),
      ['rules', 0, 'source', 'doc'],
      'unknown_source',
      /未列出的来源/,
    ],
    [
      'bad ratio band',
      (d) => (d.measures.B.samplingRatio.default = 0.9),
      ['measures', 'B', 'samplingRatio'],
      'invalid_band',
      /min ≤ default ≤ max/,
    ],
    [
      'ratio above 1',
      (d) => (d.measures.B.samplingRatio.max = 1.5),
      ['measures', 'B', 'samplingRatio', 'max'],
      'too_big',
      /最大为 1/,
    ],
    [
      'exempt class when forbidden',
      (d) => (d.noClassExemptFromSampling = true),
      ['measures', 'A', 'samplingRatio', 'min'],
      'exempt_class',
      /免于抽查/,
    ],
    [
      'unknown joint measure',
      (d) => d.measures.D.jointPunishment.push('jail'),
      ['measures', 'D', 'jointPunishment', 4],
      'unknown_measure',
      /联合惩戒/,
    ],
    ['missing measures', (d) => delete d.measures.C, ['measures'], 'missing_measures', /等级 C/],
    [
      'unknown predicate op',
      (d) => (d.rules[0].when = { op: 'eval', code: 'x' }),
      ['rules', 0, 'when', 'op'],
      'invalid_union',
      /.+/,
    ],
    [
      'typo in a filter key',
      (d) => (d.rules[0].when.where.inforce = true),
      ['rules', 0, 'when', 'where'],
      'unrecognized_keys',
      /inforce/,
    ],
    [
      'empty count range',
      (d) => Object.assign(d.rules[5].when, { atLeast: 3, atMost: 1 }),
      ['rules', 5, 'when'],
      'empty_range',
      /永远不成立/,
    ],
    ['bad version', (d) => (d.version = 'v2'), ['version'], 'invalid_format', /语义化版本号/],
    ['bad date', (d) => (d.effectiveFrom = '2022-02-30'), ['effectiveFrom'], 'custom', /YYYY-MM-DD/],
    ['a single grade', (d) => (d.grades = [d.grades[0]]), ['grades'], 'too_small', /至少 2 个/],
    ['missing field', (d) => delete d.defaultGrade, ['defaultGrade'], 'invalid_type', /缺少必填项/],
  ])('rejects %s with path and zh/en message', (_label, mutate, path, code, zh) => {
    const data = clone();
    mutate(data);
    const issues = issuesOf(data);
    const issue = issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue!.code).toBe(code);
    expect(issue!.message.zh).toMatch(zh);
    expect(issue!.message.en.length).toBeGreaterThan(3);
  });

  it('lists every problem, and the error message names the first', () => {
    const data = clone();
    data.rules[0].source.doc = 'nowhere';
    data.rules[1].id = data.rules[2].id;
    try {
      parseRuleSet(data);
      expect.unreachable();
    } catch (e) {
      const err = e as RuleSetValidationError;
      expect(err.code).toBe('invalid_rule_set');
      expect(err.issues.length).toBe(2);
      expect(err.path).toEqual(['rules', 0, 'source', 'doc']);
      expect(err.message).toMatch(/rules\[0\]\.source\.doc/);
      expect(err.messages.zh).toMatch(/另有 1 处问题/);
    }
  });

  it.each([null, 42, 'x', [], {}])('rejects %j without a raw TypeError', (v) => {
    expect(() => parseRuleSet(v)).toThrow(RuleSetValidationError);
  });

  it('does not mutate its input', () => {
    const data = clone();
    const copy = structuredClone(data);
    parseRuleSet(data);
    expect(data).toEqual(copy);
  });
});

describe('diffRuleSets', () => {
  const v2 = (mutate: (d: Loose) => void): CreditRuleSet => {
    const d = clone();
    d.version = '1.1.0';
    mutate(d);
    return parseRuleSet(d);
  };

  it('identical sets', () => {
    expect(
      diffRuleSets(
        samrBaselineRuleSet,
        v2(() => {}),
      ),
    ).toMatchObject({ identical: true, suggestedBump: 'none' });
  });

  it('a changed threshold is a minor change, addressed by rule id', () => {
    const i = samrBaselineRuleSet.rules.findIndex((r) => r.id === 'large-fines-3y');
    const d = diffRuleSets(
      samrBaselineRuleSet,
      v2((x) => (x.rules[i].when.atLeast = 50000)),
    );
    expect(d.rules.changed).toEqual([
      {
        ruleId: 'large-fines-3y',
        changes: [{ path: ['rules', 'large-fines-3y', 'when', 'atLeast'], before: 100000, after: 50000 }],
      },
    ]);
    expect(d.suggestedBump).toBe('minor');
    expect(d.from.version).toBe('1.0.1');
    expect(d.to.version).toBe('1.1.0');
  });

  it('wording only is a patch', () => {
    const d = diffRuleSets(
      samrBaselineRuleSet,
      v2((x) => (x.rules[0].title.en = 'serious list → D')),
    );
    expect(d.suggestedBump).toBe('patch');
  });

  it('added, removed and moved rules', () => {
    const added = diffRuleSets(
      samrBaselineRuleSet,
      v2((x) => x.rules.push({ ...x.rules[3], id: 'abnormal-list-copy' })),
    );
    expect(added.rules.added).toEqual(['abnormal-list-copy']);
    expect(added.suggestedBump).toBe('minor');
    const removed = diffRuleSets(
      samrBaselineRuleSet,
      v2((x) => x.rules.splice(3, 1)),
    );
    expect(removed.rules.removed).toEqual(['abnormal-list']);
    expect(removed.suggestedBump).toBe('major');
    const moved = diffRuleSets(
      samrBaselineRuleSet,
      v2((x) => x.rules.push(x.rules.shift())),
    );
    expect(moved.rules.moved.map((m) => m.ruleId)).toContain('serious-list');
  });

  it('a different grade scale is major', () => {
    const d = diffRuleSets(samrBaselineRuleSet, sdFiveClassRuleSet);
    expect(d.grades.added).toEqual(['E']);
    expect(d.defaultGrade).toEqual({ before: 'B', after: 'C' });
    expect(d.suggestedBump).toBe('major');
  });

  it('measure changes are reported by grade', () => {
    const d = diffRuleSets(
      samrBaselineRuleSet,
      v2((x) => (x.measures.C.samplingRatio.default = 0.4)),
    );
    expect(d.measures).toEqual([
      { path: ['measures', 'C', 'samplingRatio', 'default'], before: 0.3, after: 0.4 },
    ]);
    expect(d.suggestedBump).toBe('minor');
  });
});

describe('measures', () => {
  it('SAMR A: lower ratio, on-site only when triggered (无事不扰); D: key supervision and joint punishment', () => {
    const a = measuresForGrade(samrBaselineRuleSet, 'A');
    expect(a).toMatchObject({ onSitePolicy: 'triggered_only', keySupervision: false, jointPunishment: [] });
    const d = measuresForGrade(samrBaselineRuleSet, 'D');
    expect(d).toMatchObject({ onSitePolicy: 'proactive', keySupervision: true, yearlyInspectionCap: null });
    expect(d.jointPunishment.map((m) => m.id)).toEqual([
      'licensing-review',
      'key-supervision-object',
      'no-notify-commit',
      'no-honours',
    ]);
    expect(d.jointPunishment[0]!.title.zh).toMatch(/政府采购/);
  });

  it('ratios grow with risk in both sets', () => {
    for (const set of [samrBaselineRuleSet, sdFiveClassRuleSet]) {
      const defaults = measuresTable(set).map((m) => m.samplingRatio.default);
      expect([...defaults].sort((x, y) => x - y)).toEqual(defaults);
    }
  });

  it('five-class: no class exempt from sampling, no joint punishment (不免抽、不惩戒)', () => {
    for (const m of measuresTable(sdFiveClassRuleSet)) {
      expect(m.samplingRatio.min).toBeGreaterThan(0);
      expect(m.jointPunishment).toEqual([]);
    }
    expect(sdFiveClassRuleSet.publicGrades).toBe(false);
  });

  it('plain per-grade ratios for the sampling package', () => {
    expect(samplingRatiosByGrade(samrBaselineRuleSet)).toEqual({ A: 0.03, B: 0.05, C: 0.3, D: 1 });
    expect(Object.keys(samplingRatiosByGrade(sdFiveClassRuleSet))).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('returns copies, and rejects unknown grades', () => {
    const m = measuresForGrade(samrBaselineRuleSet, 'B');
    (m.samplingRatio as { default: number }).default = 0.99;
    expect(samrBaselineRuleSet.measures.B!.samplingRatio.default).toBe(0.05);
    expect(() => measuresForGrade(samrBaselineRuleSet, 'E')).toThrow(UnknownGradeError);
    expect(() => measuresForGrade(samrBaselineRuleSet, 'toString')).toThrow(UnknownGradeError);
  });
});
