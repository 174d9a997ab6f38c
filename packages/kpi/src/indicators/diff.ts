import type { SemverBump, VersionedValueChange } from '@jianguan/core';
import { diffValues, diffVersionedEntries, isWordingChange, suggestSemverBump } from '@jianguan/core';
import { defineIndicatorSet } from './define.js';
import type { IndicatorSet } from './schema.js';

/**
 * What changed between two versions of an indicator set (考核指标体系版本差异), for maintainers' changelogs —
 * the same shape as credit-rules' `diffRuleSets`.
 *
 * @example
 * const d: IndicatorSetDiff = diffIndicatorSets(baselineIndicatorSet, myProvinceSet);
 * d.indicators.added; // ['exposure-bonus']
 * d.suggestedBump; // 'minor'
 */
export interface IndicatorSetDiff {
  readonly from: { readonly id: string; readonly version: string };
  readonly to: { readonly id: string; readonly version: string };
  readonly indicators: {
    readonly added: readonly string[];
    readonly removed: readonly string[];
    readonly changed: readonly {
      readonly indicatorId: string;
      readonly changes: readonly VersionedValueChange[];
    }[];
    /** Indicators whose position changed (scorecards list indicators in set order). */
    readonly moved: readonly { readonly indicatorId: string; readonly from: number; readonly to: number }[];
  };
  /** Changes of the scoring conventions (计分规则: points, bonus cap, pass mark, decimals). */
  readonly conventions: readonly VersionedValueChange[];
  /** Everything else (id, name, description, extends, sources). */
  readonly other: readonly VersionedValueChange[];
  /** True when nothing but the version differs. */
  readonly identical: boolean;
  /**
   * The semantic-version bump the change calls for: `major` when an indicator is removed, an indicator's
   * `kind`, `metric.type`, `dimension` or `period` changes (it measures something else), or a scoring
   * convention other than `decimals` changes; `minor` when indicators are added, their numbers (points,
   * targets, working days, deductions) change, or `decimals` changes; `patch` for wording, sources and order.
   */
  readonly suggestedBump: SemverBump;
}

const WORDING_KEYS = new Set(['name', 'description', 'source', 'sources', 'note']);

function isWordingOnly(change: VersionedValueChange): boolean {
  return isWordingChange(change, WORDING_KEYS);
}

/** Fields whose change makes an indicator measure something else (path after `indicators`, id). */
function isRedefinition(change: VersionedValueChange): boolean {
  const [, , field, sub] = change.path;
  if (field === 'kind' || field === 'dimension' || field === 'period') return true;
  // The whole metric object is replaced when its type changes (the union members differ in keys).
  return field === 'metric' && (sub === 'type' || sub === undefined);
}

/**
 * Compares two indicator sets (usually two versions of one, or a base and its provincial variant) and
 * suggests the version bump. Both sets are validated first (`KpiError('invalid_indicator_set')`); neither is
 * mutated.
 *
 * @example
 * const zj = deriveIndicatorSet(baselineIndicatorSet, {
 *   id: 'baseline-zj', version: '1.0.0',
 *   override: { 'behaviour-report-timeliness': { metric: { type: 'behaviour_report_timeliness', allowedWorkdays: 5 } } },
 * });
 * const d = diffIndicatorSets(baselineIndicatorSet, zj);
 * d.indicators.changed[0]?.changes[0]?.path; // ['indicators', 'behaviour-report-timeliness', 'metric', 'allowedWorkdays']
 * d.suggestedBump; // 'minor'
 */
export function diffIndicatorSets(a: IndicatorSet, b: IndicatorSet): IndicatorSetDiff {
  const from = defineIndicatorSet(a);
  const to = defineIndicatorSet(b);
  const entries = diffVersionedEntries(from.indicators, to.indicators, {
    path: 'indicators',
    compare: (x, y, path, out) => {
      const { id: _a, ...before } = x;
      const { id: _b, ...after } = y;
      // A metric whose type changes is reported as one change of the whole metric.
      if (before.metric.type !== after.metric.type) {
        out.push({ path: [...path, 'metric'], before: before.metric, after: after.metric });
        diffValues({ ...before, metric: null }, { ...after, metric: null }, path, out);
      } else diffValues(before, after, path, out);
    },
  });
  const { added, removed } = entries;
  const changed = entries.changed.map((c) => ({ indicatorId: c.id, changes: c.changes }));
  const moved = entries.moved.map((m) => ({ indicatorId: m.id, from: m.from, to: m.to }));

  const conventions = diffValues(from.conventions, to.conventions, ['conventions']);
  const other: VersionedValueChange[] = [];
  for (const key of ['id', 'name', 'description', 'extends', 'sources'] as const) {
    diffValues(from[key], to[key], [key], other);
  }

  const indicatorChanges = changed.flatMap((c) => c.changes);
  const major =
    removed.length > 0 ||
    conventions.some((c) => c.path[1] !== 'decimals') ||
    indicatorChanges.some(isRedefinition);
  const minor = added.length > 0 || conventions.length > 0 || indicatorChanges.some((c) => !isWordingOnly(c));
  const anyChange = indicatorChanges.length > 0 || moved.length > 0 || other.length > 0;
  const suggestedBump = suggestSemverBump({ major, minor, patch: anyChange });

  return {
    from: { id: from.id, version: from.version },
    to: { id: to.id, version: to.version },
    indicators: { added, removed, changed, moved },
    conventions,
    other,
    identical: suggestedBump === 'none',
    suggestedBump,
  };
}
