/**
 * @internal Validate-once for option objects (rule sets, publicity regimes) without trusting that the caller never
 * mutates them.
 *
 * Caching by object identity alone is unsafe: a caller may validate a rule set (or grade with it), then edit
 * the same object and pass it again; an identity cache would return the old verdict or the old compiled
 * closures. So:
 *
 * - a **deeply frozen** plain-data value (every reachable object frozen, plain, data properties only) cannot
 *   change: it is validated once and remembered by identity (a `WeakSet`), and returned as is. The shipped
 *   rule sets and regimes and the results of `parseRuleSet` / `parsePublicityRegimes` are deeply frozen, so
 *   this is the fast path (two hash look-ups per call);
 * - any other object is validated once into a **frozen copy** (the schema's output, a fresh tree) kept per
 *   object in a `WeakMap`; each later call compares the object with that copy field by field (no allocation)
 *   and returns the copy when they are equal, else validates again. An edit is therefore always seen, at the
 *   cost of one walk of the value per call.
 *
 * Either way callers get a frozen, validated value whose content equals the argument's at the time of the call;
 * caches downstream (compiled rule sets) are keyed by that value's identity.
 */

const PLAIN_PROTOTYPES: ReadonlySet<unknown> = new Set([Object.prototype, null]);

function isPlainObject(value: object): boolean {
  return !Array.isArray(value) && PLAIN_PROTOTYPES.has(Object.getPrototypeOf(value));
}

/** Freezes a fresh plain-data tree (the output of a schema) in place and returns it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** Every object reachable from `value` is a frozen plain object or array with data properties only. */
export function isDeeplyFrozenData(value: unknown, seen: Set<object> = new Set()): boolean {
  if (typeof value === 'function') return false;
  if (typeof value !== 'object' || value === null) return true;
  if (seen.has(value)) return true;
  seen.add(value);
  if (!Object.isFrozen(value)) return false;
  if (Array.isArray(value) ? Object.getPrototypeOf(value) !== Array.prototype : !isPlainObject(value))
    return false;
  const descriptors = Object.getOwnPropertyDescriptors(value);
  for (const key of Reflect.ownKeys(descriptors)) {
    const d = descriptors[key as string]!;
    if (!('value' in d)) return false; // an accessor may answer differently each time
    if (!isDeeplyFrozenData(d.value, seen)) return false;
  }
  return true;
}

/**
 * Whether `value` (the caller's object) has the same content as `copy` (a frozen schema output): same array
 * lengths and elements, the same own enumerable keys with equal values (`Object.is`), plain objects only.
 * Key order is ignored (nothing downstream depends on it).
 */
export function sameData(value: unknown, copy: unknown): boolean {
  if (value === copy) return true;
  if (typeof copy !== 'object' || copy === null) return Object.is(value, copy);
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(copy)) {
    if (!Array.isArray(value) || value.length !== copy.length) return false;
    for (let i = 0; i < copy.length; i++) if (!sameData(value[i], copy[i])) return false;
    return true;
  }
  if (Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const v = value as Record<string, unknown>;
  const c = copy as Record<string, unknown>;
  let n = 0;
  for (const key in c) {
    const x = v[key];
    if ((x === undefined && !(key in v)) || !sameData(x, c[key])) return false;
    n++;
  }
  // No extra keys on the caller's side (a plain object's for-in lists its own enumerable keys).
  for (const _ in v) if (--n < 0) return false;
  return true;
}

/**
 * A validate-once function over `parse` (which throws the package's typed error on invalid data and returns a
 * fresh tree; `rest` is passed through, e.g. the field path for errors): see the module comment.
 */
export function validatedOnce<T, A extends unknown[]>(
  parse: (value: unknown, ...rest: A) => T,
): (value: unknown, ...rest: A) => T {
  const frozenValid = new WeakSet<object>();
  const copies = new WeakMap<object, T>();
  return (value, ...rest) => {
    if (typeof value !== 'object' || value === null) return deepFreeze(parse(value, ...rest));
    if (frozenValid.has(value)) return value as T;
    const copy = copies.get(value);
    if (copy !== undefined && sameData(value, copy)) return copy;
    const parsed = parse(value, ...rest);
    if (isDeeplyFrozenData(value)) {
      frozenValid.add(value);
      copies.delete(value);
      return value as T;
    }
    const fresh = deepFreeze(parsed);
    copies.set(value, fresh);
    return fresh;
  };
}
