import type { CreditRuleSet } from './types.js';

/**
 * One changed value between two rule-set versions.
 *
 * @example
 * const c: ValueChange = { path: ['rules', 'large-fines-3y', 'when', 'atLeast'], before: 100000, after: 50000 };
 */
export interface ValueChange {
  /** Rules and measures are addressed by id / grade code, not by index. */
  readonly path: readonly (string | number)[];
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * What changed between two versions of a rule set (规则集版本差异), for maintainers' changelogs.
 *
 * @example
 * const d: RuleSetDiff = diffRuleSets(v1, v2);
 * d.rules.added; // ['new-rule']
 * d.suggestedBump; // 'minor'
 */
export interface RuleSetDiff {
  readonly from: { readonly id: string; readonly version: string };
  readonly to: { readonly id: string; readonly version: string };
  readonly grades: {
    readonly added: readonly string[];
    readonly removed: readonly string[];
    readonly reordered: boolean;
  };
  readonly defaultGrade?: { readonly before: string; readonly after: string };
  readonly rules: {
    readonly added: readonly string[];
    readonly removed: readonly string[];
    readonly changed: readonly { readonly ruleId: string; readonly changes: readonly ValueChange[] }[];
    /** Rules whose position changed (order matters for `worst` overrides and evidence order). */
    readonly moved: readonly { readonly ruleId: string; readonly from: number; readonly to: number }[];
  };
  readonly measures: readonly ValueChange[];
  /** Everything else (name, sources, flags, joint-punishment catalogue). */
  readonly other: readonly ValueChange[];
  /** True when nothing but the version differs. */
  readonly identical: boolean;
  /**
   * The semantic-version bump the change calls for: `major` when grades or the default grade change or a
   * rule is removed; `minor` when rules or measures are added or changed; `patch` for wording/sources only.
   */
  readonly suggestedBump: 'major' | 'minor' | 'patch' | 'none';
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function deepDiff(a: unknown, b: unknown, path: (string | number)[], out: ValueChange[]): void {
  if (Object.is(a, b)) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) {
      out.push({ path, before: a, after: b });
      return;
    }
    for (let i = 0; i < a.length; i++) deepDiff(a[i], b[i], [...path, i], out);
    return;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of [...keys].sort()) deepDiff(a[k], b[k], [...path, k], out);
    return;
  }
  out.push({ path, before: a, after: b });
}

const WORDING_KEYS = new Set(['title', 'label', 'name', 'source', 'sources', 'note']);

function isWordingOnly(change: ValueChange): boolean {
  return change.path.some((p) => typeof p === 'string' && WORDING_KEYS.has(p));
}

/**
 * Compares two rule sets (usually two versions of one) and suggests the version bump.
 *
 * @example
 * const d = diffRuleSets(samrBaselineRuleSet, myProvinceRuleSet);
 * console.log(d.rules.changed.map((c) => c.ruleId), d.suggestedBump);
 */
export function diffRuleSets(a: CreditRuleSet, b: CreditRuleSet): RuleSetDiff {
  const aGrades = a.grades.map((g) => g.code);
  const bGrades = b.grades.map((g) => g.code);
  const gradesAdded = bGrades.filter((g) => !aGrades.includes(g));
  const gradesRemoved = aGrades.filter((g) => !bGrades.includes(g));
  const common = aGrades.filter((g) => bGrades.includes(g));
  const reordered = common.join('\u0000') !== bGrades.filter((g) => aGrades.includes(g)).join('\u0000');

  const aRules = new Map(a.rules.map((r, i) => [r.id, { r, i }]));
  const bRules = new Map(b.rules.map((r, i) => [r.id, { r, i }]));
  const added = b.rules.filter((r) => !aRules.has(r.id)).map((r) => r.id);
  const removed = a.rules.filter((r) => !bRules.has(r.id)).map((r) => r.id);
  const changed: { ruleId: string; changes: ValueChange[] }[] = [];
  const moved: { ruleId: string; from: number; to: number }[] = [];
  const aOrder = a.rules.filter((r) => bRules.has(r.id)).map((r) => r.id);
  const bOrder = b.rules.filter((r) => aRules.has(r.id)).map((r) => r.id);
  for (const [id, { r, i }] of aRules) {
    const other = bRules.get(id);
    if (!other) continue;
    const changes: ValueChange[] = [];
    deepDiff(r, other.r, ['rules', id], changes);
    if (changes.length) changed.push({ ruleId: id, changes });
    if (aOrder.indexOf(id) !== bOrder.indexOf(id)) moved.push({ ruleId: id, from: i, to: other.i });
  }

  const measures: ValueChange[] = [];
  deepDiff(a.measures, b.measures, ['measures'], measures);
  const other: ValueChange[] = [];
  for (const key of [
    'id',
    'format',
    'name',
    'jurisdiction',
    'effectiveFrom',
    'sources',
    'publicGrades',
    'noClassExemptFromSampling',
    'jointPunishmentMeasures',
  ] as const) {
    deepDiff(a[key], b[key], [key], other);
  }
  const labelChanges: ValueChange[] = [];
  for (const g of common) {
    deepDiff(
      a.grades.find((x) => x.code === g)?.label,
      b.grades.find((x) => x.code === g)?.label,
      ['grades', g, 'label'],
      labelChanges,
    );
  }
  other.push(...labelChanges);

  const defaultChanged = a.defaultGrade !== b.defaultGrade;
  const ruleChanges = changed.flatMap((c) => c.changes);
  const substantive =
    added.length > 0 ||
    moved.length > 0 ||
    ruleChanges.some((c) => !isWordingOnly(c)) ||
    measures.some((c) => !isWordingOnly(c)) ||
    other.some(
      (c) =>
        ['publicGrades', 'noClassExemptFromSampling', 'effectiveFrom', 'jointPunishmentMeasures'].includes(
          String(c.path[0]),
        ) && !isWordingOnly(c),
    );
  const anyChange = substantive || ruleChanges.length > 0 || measures.length > 0 || other.length > 0;
  const suggestedBump =
    gradesAdded.length || gradesRemoved.length || reordered || defaultChanged || removed.length
      ? 'major'
      : substantive
        ? 'minor'
        : anyChange
          ? 'patch'
          : 'none';

  return {
    from: { id: a.id, version: a.version },
    to: { id: b.id, version: b.version },
    grades: { added: gradesAdded, removed: gradesRemoved, reordered },
    ...(defaultChanged ? { defaultGrade: { before: a.defaultGrade, after: b.defaultGrade } } : {}),
    rules: { added, removed, changed, moved },
    measures,
    other,
    identical: suggestedBump === 'none',
    suggestedBump,
  };
}
