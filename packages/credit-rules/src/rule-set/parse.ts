import type { FieldPath, LocalizedMessage } from '@jianguan/core';
import { deepFreeze, JianguanError, localizeZodIssue, validatedOnce, zodIssuePath } from '@jianguan/core';
import type { CreditFactKind } from '../facts/credit-fact.js';
import { creditRuleSetSchema } from './schema.js';
import type { CreditRuleSet, FactFilter, Predicate, SourceCitation } from './types.js';

/**
 * Which {@link FactFilter} keys apply to which fact kind (`kind`, `within` and `olderThan` apply to every
 * kind). A filter key of another kind is rejected by {@link parseRuleSet} (`filter_key_not_applicable`):
 * a `count` of complaints by `penaltyKinds` would otherwise never match, or crash the grader.
 *
 * @example
 * FILTER_KEYS_BY_KIND.penalty; // ['penaltyKinds', 'minFine', 'procedure']
 */
export const FILTER_KEYS_BY_KIND: Readonly<Record<CreditFactKind, readonly (keyof FactFilter)[]>> = {
  penalty: ['penaltyKinds', 'minFine', 'procedure'],
  abnormal_list: ['reasons', 'inForce'],
  serious_list: ['inForce'],
  spot_check: ['resultCodes'],
  complaint: ['substantiated'],
  commitment_breach: ['outcome'],
  court_dishonesty: ['inForce'],
  external_grade: ['inForce'],
};

const FILTER_KEYS_ANY_KIND: ReadonlySet<string> = new Set(['kind', 'within', 'olderThan']);

/**
 * One problem found in a rule set: where (path into the data), a stable code and the message in both
 * languages.
 *
 * @example
 * const issue: RuleSetIssue = { path: ['rules', 2, 'then', 'grade'], code: 'unknown_grade', message: { zh: '…', en: '…' } };
 */
export interface RuleSetIssue {
  readonly path: FieldPath;
  readonly code: string;
  readonly message: LocalizedMessage;
}

/**
 * Thrown by {@link parseRuleSet} when a rule set is malformed (规则集校验失败). `issues` lists every
 * problem; `path` and the message describe the first.
 *
 * @example
 * try { parseRuleSet({}); } catch (e) { if (e instanceof RuleSetValidationError) console.log(e.issues); }
 */
export class RuleSetValidationError extends JianguanError {
  override readonly name = 'RuleSetValidationError' as const;
  /** Every problem found, in document order. */
  readonly issues: readonly RuleSetIssue[];

  constructor(issues: readonly RuleSetIssue[]) {
    const first = issues[0];
    const more = issues.length > 1 ? issues.length - 1 : 0;
    const where = first ? formatPath(first.path) : '';
    super(
      'invalid_rule_set',
      {
        zh: `规则集无效：${where} ${first?.message.zh ?? ''}${more ? `（另有 ${more} 处问题）` : ''}`,
        en: `invalid rule set: ${where} ${first?.message.en ?? ''}${more ? ` (and ${more} more)` : ''}`,
      },
      { path: first?.path ?? [], details: { issues } },
    );
    this.issues = issues;
  }
}

function formatPath(path: FieldPath): string {
  return path.length === 0
    ? '(root)'
    : path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function semanticIssues(set: CreditRuleSet): RuleSetIssue[] {
  const issues: RuleSetIssue[] = [];
  const add = (path: FieldPath, code: string, zh: string, en: string) =>
    issues.push({ path, code, message: { zh, en } });

  const docs = new Set<string>();
  set.sources.forEach((s, i) => {
    if (docs.has(s.id))
      add(['sources', i, 'id'], 'duplicate_id', `来源编号重复：${s.id}`, `duplicate source id ${s.id}`);
    docs.add(s.id);
  });
  const cite = (c: SourceCitation, path: FieldPath) => {
    if (!docs.has(c.doc))
      add(
        [...path, 'doc'],
        'unknown_source',
        `引用了未列出的来源：${c.doc}`,
        `cites unknown source ${c.doc}`,
      );
  };

  const grades = new Set<string>();
  set.grades.forEach((g, i) => {
    if (grades.has(g.code))
      add(['grades', i, 'code'], 'duplicate_grade', `等级重复：${g.code}`, `duplicate grade ${g.code}`);
    grades.add(g.code);
  });
  const gradeList = [...grades].join(', ');
  if (!grades.has(set.defaultGrade))
    add(
      ['defaultGrade'],
      'unknown_grade',
      `默认等级 ${set.defaultGrade} 不在等级列表中`,
      `default grade ${set.defaultGrade} is not one of ${gradeList}`,
    );

  const ruleIds = new Set<string>();
  set.rules.forEach((rule, i) => {
    const path: FieldPath = ['rules', i];
    if (ruleIds.has(rule.id))
      add([...path, 'id'], 'duplicate_id', `规则编号重复：${rule.id}`, `duplicate rule id ${rule.id}`);
    ruleIds.add(rule.id);
    cite(rule.source, [...path, 'source']);
    if (rule.effect.type === 'assign' && !grades.has(rule.effect.grade))
      add(
        [...path, 'effect', 'grade'],
        'unknown_grade',
        `等级 ${rule.effect.grade} 不在等级列表中`,
        `grade ${rule.effect.grade} is not one of ${gradeList}`,
      );
    checkPredicate(rule.when, [...path, 'when'], add);
  });

  for (const code of grades) {
    if (!(code in set.measures))
      add(['measures'], 'missing_measures', `缺少等级 ${code} 的监管措施`, `no measures for grade ${code}`);
  }
  for (const [code, m] of Object.entries(set.measures)) {
    const path: FieldPath = ['measures', code];
    if (!grades.has(code))
      add(path, 'unknown_grade', `措施对应的等级 ${code} 不存在`, `measures for unknown grade ${code}`);
    cite(m.source, [...path, 'source']);
    const r = m.samplingRatio;
    if (!(r.min <= r.default && r.default <= r.max))
      add(
        [...path, 'samplingRatio'],
        'invalid_band',
        '抽查比例须满足 min ≤ default ≤ max',
        'sampling ratio needs min ≤ default ≤ max',
      );
    if (set.noClassExemptFromSampling && r.min <= 0)
      add(
        [...path, 'samplingRatio', 'min'],
        'exempt_class',
        '本规则集不允许任何等级免于抽查，最低比例须大于 0',
        'no class may be exempt from sampling in this set: min must be > 0',
      );
    m.jointPunishment.forEach((j, k) => {
      if (!(j in set.jointPunishmentMeasures))
        add(
          [...path, 'jointPunishment', k],
          'unknown_measure',
          `未定义的联合惩戒措施：${j}`,
          `unknown joint-punishment measure ${j}`,
        );
    });
  }
  for (const [key, m] of Object.entries(set.jointPunishmentMeasures))
    cite(m.source, ['jointPunishmentMeasures', key, 'source']);
  return issues;
}

function checkFilter(
  where: FactFilter,
  path: FieldPath,
  add: (path: FieldPath, code: string, zh: string, en: string) => void,
): void {
  const allowed = FILTER_KEYS_BY_KIND[where.kind];
  for (const key of Object.keys(where)) {
    if (FILTER_KEYS_ANY_KIND.has(key) || (allowed as readonly string[]).includes(key)) continue;
    const owners = (Object.keys(FILTER_KEYS_BY_KIND) as CreditFactKind[]).filter((k) =>
      (FILTER_KEYS_BY_KIND[k] as readonly string[]).includes(key),
    );
    add(
      [...path, key],
      'filter_key_not_applicable',
      `筛选条件 ${key} 不适用于 ${where.kind} 类信用信息（只适用于 ${owners.join('、')}）`,
      `filter key ${key} does not apply to ${where.kind} facts (only to ${owners.join(', ')})`,
    );
  }
}

function checkPredicate(
  p: Predicate,
  path: FieldPath,
  add: (path: FieldPath, code: string, zh: string, en: string) => void,
): void {
  switch (p.op) {
    case 'all':
    case 'any':
      for (let i = 0; i < p.of.length; i++) checkPredicate(p.of[i]!, [...path, 'of', i], add);
      return;
    case 'not':
      checkPredicate(p.of, [...path, 'of'], add);
      return;
    case 'count':
      checkFilter(p.where, [...path, 'where'], add);
      if (p.atLeast !== undefined && p.atMost !== undefined && p.atLeast > p.atMost)
        add(
          path,
          'empty_range',
          'atLeast 大于 atMost，条件永远不成立',
          'atLeast > atMost: the condition can never hold',
        );
      return;
    case 'sum':
      checkFilter(p.where, [...path, 'where'], add);
      if (p.where.kind !== 'penalty')
        add(
          [...path, 'where', 'kind'],
          'invalid_sum',
          '只能对行政处罚的罚款金额求和',
          'sum only applies to penalty fine amounts',
        );
      return;
    case 'registered':
      if (p.atLeast === undefined && p.lessThan === undefined)
        add(path, 'empty_condition', '须给出 atLeast 或 lessThan', 'needs atLeast or lessThan');
      return;
    default:
      return;
  }
}

/**
 * Validates rule-set data (JSON or a TS object) and returns it typed, as a deeply frozen copy (grading
 * caches its compiled form by identity). Never mutates the input; throws a {@link RuleSetValidationError}
 * listing every problem with its path and a Chinese and English message.
 *
 * @example
 * const set = parseRuleSet(JSON.parse(fs.readFileSync('sd-five-class.json', 'utf8')));
 */
export function parseRuleSet(data: unknown): CreditRuleSet {
  const result = creditRuleSetSchema.safeParse(data);
  if (!result.success) {
    throw new RuleSetValidationError(
      result.error.issues.map((issue) => ({
        path: zodIssuePath(issue),
        code: issue.code,
        message: localizeZodIssue(issue),
      })),
    );
  }
  const issues = semanticIssues(result.data);
  if (issues.length > 0) throw new RuleSetValidationError(issues);
  return deepFreeze(result.data);
}

const validRuleSet = validatedOnce(parseRuleSet);

/**
 * @internal A rule set argument from an untyped caller, validated by {@link parseRuleSet} (throws
 * {@link RuleSetValidationError}) and returned frozen: the argument itself when it is deeply frozen (validated
 * once per object), else a frozen validated copy that is re-checked against the argument on every call, so an
 * edited object is never graded by its old content (see core's `validatedOnce`). A compiled rule set gives
 * its own (frozen) rule set.
 */
export function validatedRuleSet(ruleSet: unknown): CreditRuleSet {
  if (isCompiledRuleSet(ruleSet)) return ruleSet.ruleSet;
  return validRuleSet(ruleSet);
}

/** @internal Whether `value` looks like a {@link CompiledRuleSet} (a `grade` function and a `ruleSet`). */
export function isCompiledRuleSet(value: unknown): value is { readonly ruleSet: CreditRuleSet } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { grade?: unknown }).grade === 'function' &&
    'ruleSet' in value
  );
}

/** @internal {@link validatedRuleSet} for callers that only need the check. */
export function requireRuleSet(ruleSet: unknown): void {
  validatedRuleSet(ruleSet);
}
