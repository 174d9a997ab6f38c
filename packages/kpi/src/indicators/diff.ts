import { defineIndicatorSet } from './define.js';
import type { IndicatorSet } from './schema.js';

/**
 * One changed value between two indicator-set versions.
 *
 * @example
 * const c: IndicatorValueChange = {
 *   path: ['indicators', 'behaviour-report-timeliness', 'metric', 'allowedWorkdays'], before: 2, after: 5,
 * };
 */
export interface IndicatorValueChange {
  /** Indicators are addressed by id, not by index. */
  readonly path: readonly (string | number)[];
  readonly before: unknown;
  readonly after: unknown;
}

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
      readonly changes: readonly IndicatorValueChange[];
    }[];
    /** Indicators whose position changed (scorecards list indicators in set order). */
    readonly moved: readonly { readonly indicatorId: string; readonly from: number; readonly to: number }[];
  };
  /** Changes of the scoring conventions (计分规则: points, bonus cap, pass mark, decimals). */
  readonly conventions: readonly IndicatorValueChange[];
  /** Everything else (id, name, description, extends, sources). */
  readonly other: readonly IndicatorValueChange[];
  /** True when nothing but the version differs. */
  readonly identical: boolean;
  /**
   * The semantic-version bump the change calls for: `major` when an indicator is removed, an indicator's
   * `kind`, `metric.type`, `dimension` or `period` changes (it measures something else), or a scoring
   * convention other than `decimals` changes; `minor` when indicators are added, their numbers (points,
   * targets, working days, deductions) change, or `decimals` changes; `patch` for wording, sources and order.
   */
  readonly suggestedBump: 'major' | 'minor' | 'patch' | 'none';
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function deepDiff(a: unknown, b: unknown, path: (string | number)[], out: IndicatorValueChange[]): void {
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

const WORDING_KEYS = new Set(['name', 'description', 'source', 'sources', 'note']);

function isWordingOnly(change: IndicatorValueChange): boolean {
  return change.path.some((p) => typeof p === 'string' && WORDING_KEYS.has(p));
}

/** Fields whose change makes an indicator measure something else (path after `indicators`, id). */
function isRedefinition(change: IndicatorValueChange): boolean {
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
  const aById = new Map(from.indicators.map((x, i) => [x.id, { x, i }]));
  const bById = new Map(to.indicators.map((x, i) => [x.id, { x, i }]));
  const added = to.indicators.filter((x) => !aById.has(x.id)).map((x) => x.id);
  const removed = from.indicators.filter((x) => !bById.has(x.id)).map((x) => x.id);
  const aOrder = from.indicators.filter((x) => bById.has(x.id)).map((x) => x.id);
  const bOrder = to.indicators.filter((x) => aById.has(x.id)).map((x) => x.id);
  const changed: { indicatorId: string; changes: IndicatorValueChange[] }[] = [];
  const moved: { indicatorId: string; from: number; to: number }[] = [];
  for (const [id, { x, i }] of aById) {
    const other = bById.get(id);
    if (!other) continue;
    const changes: IndicatorValueChange[] = [];
    const { id: _a, ...before } = x;
    const { id: _b, ...after } = other.x;
    // A metric whose type changes is reported as one change of the whole metric.
    if (before.metric.type !== after.metric.type) {
      changes.push({ path: ['indicators', id, 'metric'], before: before.metric, after: after.metric });
      deepDiff({ ...before, metric: null }, { ...after, metric: null }, ['indicators', id], changes);
    } else deepDiff(before, after, ['indicators', id], changes);
    if (changes.length > 0) changed.push({ indicatorId: id, changes });
    if (aOrder.indexOf(id) !== bOrder.indexOf(id)) moved.push({ indicatorId: id, from: i, to: other.i });
  }

  const conventions: IndicatorValueChange[] = [];
  deepDiff(from.conventions, to.conventions, ['conventions'], conventions);
  const other: IndicatorValueChange[] = [];
  for (const key of ['id', 'name', 'description', 'extends', 'sources'] as const) {
    deepDiff(from[key], to[key], [key], other);
  }

  const indicatorChanges = changed.flatMap((c) => c.changes);
  const major =
    removed.length > 0 ||
    conventions.some((c) => c.path[1] !== 'decimals') ||
    indicatorChanges.some(isRedefinition);
  const minor = added.length > 0 || conventions.length > 0 || indicatorChanges.some((c) => !isWordingOnly(c));
  const anyChange = indicatorChanges.length > 0 || moved.length > 0 || other.length > 0;
  const suggestedBump = major ? 'major' : minor ? 'minor' : anyChange ? 'patch' : 'none';

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
