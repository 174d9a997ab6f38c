/**
 * Generic diffs between two versions of a versioned data set (rule sets, indicator sets, …): entries matched by
 * id, field-level value changes and the semantic-version bump they call for. Domain packages add their own
 * bump rules on top.
 */

import { EXPECTED, isRecord as isObject } from '../errors/expected.js';
import { InvalidArgumentError } from '../errors/invalid-argument.js';
import { InvalidOptionsError } from '../errors/invalid-options.js';

const AN_ARRAY = EXPECTED.array;
const AN_OBJECT = EXPECTED.object;

/**
 * One changed value between two versions (版本差异项): the path of the value and both sides.
 *
 * @example
 * const c: VersionedValueChange = { path: ['rules', 'large-fines-3y', 'when', 'atLeast'], before: 100000, after: 50000 };
 */
export interface VersionedValueChange {
  /** Entries are addressed by id, not by index; inside an entry, object keys and array indexes. */
  readonly path: readonly (string | number)[];
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * A semantic-version bump (语义化版本升级): `'none'` when nothing but the version differs.
 *
 * @example
 * const bump: SemverBump = 'minor';
 */
export type SemverBump = 'major' | 'minor' | 'patch' | 'none';

/**
 * Entries added, removed, changed and moved between two versions of an id-keyed list (by
 * {@link diffVersionedEntries}). Ids are in list order: `added` in the new list's order, the rest in the old's.
 *
 * @example
 * const d: VersionedEntriesDiff = diffVersionedEntries(v1.rules, v2.rules, { path: 'rules' });
 * d.added; // ['new-rule']
 */
export interface VersionedEntriesDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** Entries present in both versions whose values differ, with every changed value. */
  readonly changed: readonly { readonly id: string; readonly changes: readonly VersionedValueChange[] }[];
  /** Entries present in both whose position among the common entries changed (`from`/`to`: list indexes). */
  readonly moved: readonly { readonly id: string; readonly from: number; readonly to: number }[];
}

/**
 * Options of {@link diffVersionedEntries}.
 *
 * @example
 * const options: DiffVersionedEntriesOptions<{ id: string }> = { path: 'rules' };
 */
export interface DiffVersionedEntriesOptions<T> {
  /** The first path element of every change (the list's key in its set), e.g. `'rules'`. */
  readonly path: string;
  /** An entry's id (default: its `id` property). */
  readonly idOf?: (entry: T) => string;
  /**
   * The value changes of one entry present in both versions, appended to `out` (default:
   * {@link diffValues} of the whole entries at `[path, id]`).
   */
  readonly compare?: (
    before: T,
    after: T,
    path: readonly (string | number)[],
    out: VersionedValueChange[],
  ) => void;
}

function deepDiff(
  a: unknown,
  b: unknown,
  path: readonly (string | number)[],
  out: VersionedValueChange[],
): void {
  if (Object.is(a, b)) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) {
      out.push({ path, before: a, after: b });
      return;
    }
    for (let i = 0; i < a.length; i++) deepDiff(a[i], b[i], [...path, i], out);
    return;
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of [...keys].sort()) deepDiff(a[k], b[k], [...path, k], out);
    return;
  }
  out.push({ path, before: a, after: b });
}

/**
 * Field-level changes between two JSON-like values (值差异), appended to `out` (also returned): plain objects
 * are compared key by key (keys sorted), equal-length arrays index by index; anything else that is not
 * `Object.is`-equal is one change. Neither value is mutated.
 *
 * @example
 * diffValues({ a: 1, b: [1, 2] }, { a: 2, b: [1, 3] }, ['x']);
 * // [{ path: ['x', 'a'], before: 1, after: 2 }, { path: ['x', 'b', 1], before: 2, after: 3 }]
 */
export function diffValues(
  before: unknown,
  after: unknown,
  path: readonly (string | number)[] = [],
  out: VersionedValueChange[] = [],
): VersionedValueChange[] {
  if (!Array.isArray(path)) throw new InvalidArgumentError('path', AN_ARRAY, path);
  if (!Array.isArray(out)) throw new InvalidArgumentError('out', AN_ARRAY, out);
  deepDiff(before, after, path, out);
  return out;
}

/**
 * Compares two versions of an id-keyed list (按 id 比对条目): which entries were added, removed, changed (with
 * their field-level changes) and moved relative to the entries both versions share.
 *
 * @example
 * const d = diffVersionedEntries(
 *   [{ id: 'a', n: 1 }, { id: 'b', n: 1 }],
 *   [{ id: 'b', n: 2 }, { id: 'a', n: 1 }, { id: 'c', n: 1 }],
 *   { path: 'rules' },
 * );
 * d.added; // ['c']
 * d.changed; // [{ id: 'b', changes: [{ path: ['rules', 'b', 'n'], before: 1, after: 2 }] }]
 * d.moved; // [{ id: 'a', from: 0, to: 1 }, { id: 'b', from: 1, to: 0 }]
 */
export function diffVersionedEntries<T>(
  before: readonly T[],
  after: readonly T[],
  options: DiffVersionedEntriesOptions<T>,
): VersionedEntriesDiff {
  if (!Array.isArray(before)) throw new InvalidArgumentError('before', AN_ARRAY, before);
  if (!Array.isArray(after)) throw new InvalidArgumentError('after', AN_ARRAY, after);
  if (!isObject(options)) throw new InvalidOptionsError(undefined, AN_OBJECT, options);
  if (typeof options.path !== 'string') throw new InvalidOptionsError('path', EXPECTED.string, options.path);
  for (const key of ['idOf', 'compare'] as const)
    if (options[key] !== undefined && typeof options[key] !== 'function')
      throw new InvalidOptionsError(key, EXPECTED.function, options[key]);
  const idOf =
    options.idOf ??
    ((entry: T) => {
      const id = isObject(entry) ? entry.id : undefined;
      if (typeof id !== 'string')
        throw new InvalidOptionsError(
          'idOf',
          { en: 'given, as an entry has no string id', zh: '提供（有条目缺少字符串 id）' },
          id,
        );
      return id;
    });
  const compare =
    options.compare ??
    ((x: T, y: T, path: readonly (string | number)[], out: VersionedValueChange[]) =>
      deepDiff(x, y, path, out));
  const aById = new Map(before.map((entry, i) => [idOf(entry), { entry, i }]));
  const bById = new Map(after.map((entry, i) => [idOf(entry), { entry, i }]));
  const added = after.map(idOf).filter((id) => !aById.has(id));
  const removed = before.map(idOf).filter((id) => !bById.has(id));
  const aRank = new Map(
    before
      .map(idOf)
      .filter((id) => bById.has(id))
      .map((id, k) => [id, k]),
  );
  const bRank = new Map(
    after
      .map(idOf)
      .filter((id) => aById.has(id))
      .map((id, k) => [id, k]),
  );
  const changed: { id: string; changes: VersionedValueChange[] }[] = [];
  const moved: { id: string; from: number; to: number }[] = [];
  for (const [id, { entry, i }] of aById) {
    const other = bById.get(id);
    if (!other) continue;
    const changes: VersionedValueChange[] = [];
    compare(entry, other.entry, [options.path, id], changes);
    if (changes.length > 0) changed.push({ id, changes });
    if (aRank.get(id) !== bRank.get(id)) moved.push({ id, from: i, to: other.i });
  }
  return { added, removed, changed, moved };
}

/**
 * Whether a change only touches wording (措辞变更): some string element of its path is one of `wordingKeys`
 * (e.g. `name`, `source`, `note`).
 *
 * @example
 * isWordingChange({ path: ['rules', 'r1', 'source'], before: 'a', after: 'b' }, new Set(['source'])); // true
 */
export function isWordingChange(change: VersionedValueChange, wordingKeys: ReadonlySet<string>): boolean {
  if (!isObject(change) || !Array.isArray(change.path))
    throw new InvalidArgumentError(
      'change',
      { en: 'a change { path, before, after }', zh: '变更项 { path, before, after }' },
      change,
    );
  if (!(wordingKeys instanceof Set))
    throw new InvalidArgumentError(
      'wordingKeys',
      { en: 'a Set of keys', zh: '字段名集合（Set）' },
      wordingKeys,
    );
  return change.path.some((p) => typeof p === 'string' && wordingKeys.has(p));
}

/**
 * The semantic-version bump for a change (建议版本号升级): the highest level whose condition holds —
 * `major` (breaking), else `minor` (additions, changed numbers), else `patch` (anything else), else `'none'`.
 *
 * @example
 * suggestSemverBump({ major: false, minor: true, patch: true }); // 'minor'
 * suggestSemverBump({ patch: false }); // 'none'
 */
export function suggestSemverBump(levels: {
  readonly major?: boolean;
  readonly minor?: boolean;
  readonly patch?: boolean;
}): SemverBump {
  if (!isObject(levels)) throw new InvalidArgumentError('levels', AN_OBJECT, levels);
  for (const key of ['major', 'minor', 'patch'] as const)
    if (levels[key] !== undefined && typeof levels[key] !== 'boolean')
      throw new InvalidArgumentError(['levels', key], EXPECTED.boolean, levels[key]);
  return levels.major ? 'major' : levels.minor ? 'minor' : levels.patch ? 'patch' : 'none';
}
