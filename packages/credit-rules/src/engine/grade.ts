import type { CivilDate } from '@jianguan/core';
import { describeValue, isCivilDate, localizeZodIssue, zodIssuePath } from '@jianguan/core';
import type { CreditFact, EntityCreditProfile } from '../facts/credit-fact.js';
import { entityCreditProfileSchema, isValidProfile } from '../facts/credit-fact.js';
import type { PublicityRegimes } from '../publicity/regimes.js';
import { requireRegimes } from '../publicity/regimes.js';
import { validatedRuleSet } from '../rule-set/parse.js';
import type { CreditRuleSet } from '../rule-set/types.js';
import type { CompiledRuleSet, GradingResult } from './compile.js';
import { compileRuleSet } from './compile.js';
import { CreditInputError } from './credit-input-error.js';

export { CreditInputError };

/**
 * Options for {@link gradeEntity}, {@link gradeEach} and {@link gradeStream}.
 *
 * @example
 * const options: GradeOptions = { ruleSet: samrBaselineRuleSet, asOf: '2026-11-21' };
 */
export interface GradeOptions {
  /**
   * A rule set (validated and compiled on first use, then cached: by identity when deeply frozen, as
   * {@link parseRuleSet} results are; a mutable object is compared with its validated copy on each call, so
   * an edit is always seen) or a compiled one.
   */
  readonly ruleSet: CreditRuleSet | CompiledRuleSet;
  /** Grade as of this China civil date. */
  readonly asOf: CivilDate;
  /**
   * Validate every profile first (default `true`): a hand-written check of what
   * {@link entityCreditProfileSchema} accepts, with zod run only for a profile it refuses (for the error).
   * Turn off only for data already validated at ingestion — it saves that check.
   */
  readonly validate?: boolean;
  /**
   * Publicity regimes for the automatic exit of list entries (default: the shipped ones). Ignored when
   * `ruleSet` is already compiled (pass them to {@link compileRuleSet} instead).
   */
  readonly publicityRegimes?: PublicityRegimes;
}

// Compiled rule sets, keyed by the frozen validated rule set (and regimes) that `validatedRuleSet` and
// `requireRegimes` return: the caller's object when it is deeply frozen, else a frozen copy that is replaced
// when the caller edits the object. So a cache hit always has the caller's current content.
function isCompiled(r: CreditRuleSet | CompiledRuleSet): r is CompiledRuleSet {
  return typeof r === 'object' && r !== null && typeof (r as CompiledRuleSet).grade === 'function';
}

const compiledBySet = new WeakMap<CreditRuleSet, CompiledRuleSet>();
const compiledByRegimes = new WeakMap<PublicityRegimes, WeakMap<CreditRuleSet, CompiledRuleSet>>();

/**
 * Resolves a rule set option to its compiled form. A plain rule set is validated and compiled once and
 * cached by identity when it is deeply frozen (as the shipped ones and every {@link parseRuleSet} result
 * are); a mutable object is compared with its validated copy on each call and recompiled after an edit.
 *
 * @example
 * const compiled = resolveRuleSet(samrBaselineRuleSet);
 */
export function resolveRuleSet(
  ruleSet: CreditRuleSet | CompiledRuleSet,
  publicityRegimes?: PublicityRegimes,
): CompiledRuleSet {
  if (isCompiled(ruleSet)) return ruleSet;
  const set = validatedRuleSet(ruleSet);
  let cache = compiledBySet;
  let regimes: PublicityRegimes | undefined;
  if (publicityRegimes !== undefined) {
    regimes = requireRegimes(publicityRegimes, ['publicityRegimes']);
    let byRegimes = compiledByRegimes.get(regimes);
    if (byRegimes === undefined) {
      byRegimes = new WeakMap();
      compiledByRegimes.set(regimes, byRegimes);
    }
    cache = byRegimes;
  }
  let compiled = cache.get(set);
  if (compiled === undefined) {
    compiled = compileRuleSet(set, regimes === undefined ? {} : { publicityRegimes: regimes });
    cache.set(set, compiled);
  }
  return compiled;
}

function checkAsOf(asOf: unknown): asserts asOf is CivilDate {
  if (!isCivilDate(asOf)) {
    throw new CreditInputError(
      'invalid_as_of',
      {
        zh: `评价基准日无效：${describeValue(asOf)}，应为 YYYY-MM-DD`,
        en: `invalid asOf ${describeValue(asOf)}: expected YYYY-MM-DD`,
      },
      { path: ['asOf'], details: { value: asOf } },
    );
  }
}

function toProfile(input: EntityCreditProfile | readonly CreditFact[]): EntityCreditProfile {
  return Array.isArray(input)
    ? { entityId: '', facts: input as readonly CreditFact[] }
    : (input as EntityCreditProfile);
}

function validateProfile(profile: unknown, index?: number): EntityCreditProfile {
  // The common case, a valid profile, costs a hand-written pass; zod runs for anything it does not accept.
  if (isValidProfile(profile)) return profile;
  const r = entityCreditProfileSchema.safeParse(profile);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const path = [...(index === undefined ? [] : [index]), ...zodIssuePath(issue)];
  const text = localizeZodIssue(issue);
  throw new CreditInputError(
    'invalid_credit_facts',
    {
      zh: `信用信息无效（${path.join('.')}）：${text.zh}`,
      en: `invalid credit facts at ${path.join('.')}: ${text.en}`,
    },
    { path, details: { issues: r.error.issues.length } },
  );
}

/**
 * Grades one entity (信用分级) by a rule set as of a date: the grade, every rule that fired with the ids of
 * the records it relied on, and the rule-set id and version. Facts not yet known on `asOf` are ignored.
 *
 * @example
 * const r = gradeEntity(
 *   { entityId: '91330100799655058B', registeredAt: '2021-01-05', facts: [{ kind: 'serious_list', id: 'S1', listedAt: '2026-03-02' }] },
 *   { ruleSet: samrBaselineRuleSet, asOf: '2026-11-21' },
 * );
 * r.grade; // 'D'
 * r.firedRules[0]; // { ruleId: 'serious-list', evidence: ['S1'], … }
 */
export function gradeEntity(
  facts: EntityCreditProfile | readonly CreditFact[],
  options: GradeOptions,
): GradingResult {
  checkAsOf(options?.asOf);
  const compiled = resolveRuleSet(options.ruleSet, options.publicityRegimes);
  const profile =
    options.validate === false
      ? toProfile(facts)
      : Array.isArray(facts)
        ? { entityId: '', facts: validateProfile({ entityId: '-', facts }).facts }
        : validateProfile(facts);
  return compiled.grade(profile, options.asOf);
}

/**
 * Grades many entities lazily (a generator: one result per profile, in input order).
 *
 * @example
 * for (const r of gradeEach(profiles, { ruleSet: samrBaselineRuleSet, asOf: '2026-11-21' })) save(r);
 */
export function* gradeEach(
  profiles: Iterable<EntityCreditProfile>,
  options: GradeOptions,
): Generator<GradingResult, void, undefined> {
  checkAsOf(options?.asOf);
  const compiled = resolveRuleSet(options.ruleSet, options.publicityRegimes);
  const validate = options.validate !== false;
  const asOf = options.asOf;
  let i = 0;
  for (const p of profiles) {
    yield compiled.grade(validate ? validateProfile(p, i) : p, asOf);
    i++;
  }
}

/**
 * Grades a stream of entities (async iterable in → async iterable out). Holds one profile at a time, so
 * memory stays flat for any number of entities.
 *
 * @example
 * for await (const r of gradeStream(readProfiles('entities.ndjson'), { ruleSet, asOf: '2026-11-21' })) write(r);
 */
export async function* gradeStream(
  profiles: AsyncIterable<EntityCreditProfile> | Iterable<EntityCreditProfile>,
  options: GradeOptions,
): AsyncGenerator<GradingResult, void, undefined> {
  checkAsOf(options?.asOf);
  const compiled = resolveRuleSet(options.ruleSet, options.publicityRegimes);
  const validate = options.validate !== false;
  const asOf = options.asOf;
  let i = 0;
  for await (const p of profiles) {
    yield compiled.grade(validate ? validateProfile(p, i) : p, asOf);
    i++;
  }
}
