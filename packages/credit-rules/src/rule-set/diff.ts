import type { SemverBump, VersionedValueChange } from '@jianguan/core';
import { diffValues, diffVersionedEntries, isWordingChange, suggestSemverBump } from '@jianguan/core';
import { parseRuleSet, requireRuleSet } from './parse.js';
import type { CreditRuleSet } from './types.js';

/** Both sides are plain rule sets (validated once per object); a compiled one is not a rule set here. */
function requirePlainRuleSet(ruleSet: unknown): void {
  if (typeof (ruleSet as { grade?: unknown } | null)?.grade === 'function') parseRuleSet(ruleSet);
  requireRuleSet(ruleSet);
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
    readonly changed: readonly {
      readonly ruleId: string;
      readonly changes: readonly VersionedValueChange[];
    }[];
    /** Rules whose position changed (order matters for `worst` overrides and evidence order). */
    readonly moved: readonly { readonly ruleId: string; readonly from: number; readonly to: number }[];
  };
  readonly measures: readonly VersionedValueChange[];
  /** Everything else (name, sources, flags, joint-punishment catalogue). */
  readonly other: readonly VersionedValueChange[];
  /** True when nothing but the version differs. */
  readonly identical: boolean;
  /**
   * The semantic-version bump the change calls for: `major` when grades or the default grade change or a
   * rule is removed; `minor` when rules or measures are added or changed; `patch` for wording/sources only.
   */
  readonly suggestedBump: SemverBump;
}

const WORDING_KEYS = new Set(['title', 'label', 'name', 'source', 'sources', 'note']);

function isWordingOnly(change: VersionedValueChange): boolean {
  return isWordingChange(change, WORDING_KEYS);
}

/**
 * Compares two rule sets (usually two versions of one) and suggests the version bump.
 *
 * @example
 * const d = diffRuleSets(samrBaselineRuleSet, myProvinceRuleSet);
 * console.log(d.rules.changed.map((c) => c.ruleId), d.suggestedBump);
 */
export function diffRuleSets(a: CreditRuleSet, b: CreditRuleSet): RuleSetDiff {
  requirePlainRuleSet(a);
  requirePlainRuleSet(b);
  const aGrades = a.grades.map((g) => g.code);
  const bGrades = b.grades.map((g) => g.code);
  const gradesAdded = bGrades.filter((g) => !aGrades.includes(g));
  const gradesRemoved = aGrades.filter((g) => !bGrades.includes(g));
  const common = aGrades.filter((g) => bGrades.includes(g));
  const reordered = common.join('\u0000') !== bGrades.filter((g) => aGrades.includes(g)).join('\u0000');

  const entries = diffVersionedEntries(a.rules, b.rules, { path: 'rules' });
  const { added, removed } = entries;
  const changed = entries.changed.map((c) => ({ ruleId: c.id, changes: c.changes }));
  const moved = entries.moved.map((m) => ({ ruleId: m.id, from: m.from, to: m.to }));

  const measures = diffValues(a.measures, b.measures, ['measures']);
  const other: VersionedValueChange[] = [];
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
    diffValues(a[key], b[key], [key], other);
  }
  const labelChanges: VersionedValueChange[] = [];
  for (const g of common) {
    diffValues(
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
  const suggestedBump = suggestSemverBump({
    major:
      gradesAdded.length > 0 || gradesRemoved.length > 0 || reordered || defaultChanged || removed.length > 0,
    minor: substantive,
    patch: anyChange,
  });

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
