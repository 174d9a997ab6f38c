/**
 * Validate once (一次校验) for option objects — rule sets, publicity regimes, indicator sets — without trusting
 * that the caller never edits them.
 *
 * Caching by object identity alone is unsafe: a caller may validate an object (or score or grade with it), then
 * edit the same object and pass it again; an identity cache would answer with the old verdict or the old
 * compiled value. So {@link validatedOnce}:
 *
 * - remembers a **deeply frozen** plain-data value ({@link isDeeplyFrozenData}: every reachable object frozen,
 *   plain, data properties only) by identity once it has validated it, and returns it as is: it cannot change.
 *   Values a package ships or returns deeply frozen take this fast path (two hash look-ups per call);
 * - validates any other object into a **frozen copy** (the parse result, a fresh tree, {@link deepFreeze}d)
 *   kept per object, and on each later call compares the object with that copy field by field
 *   ({@link sameData}, no allocation): equal, the copy is returned; else the object is validated again. An
 *   in-place edit is therefore always seen, at the cost of one walk of the value per call.
 *
 * Either way callers get a frozen, validated value whose content equals the argument's at the time of the call,
 * so caches downstream (compiled rule sets, scoring windows) can be keyed by that value's identity.
 */
import { EXPECTED } from '../errors/expected.js';
import { InvalidOptionsError } from '../errors/invalid-options.js';

const PLAIN_PROTOTYPES: ReadonlySet<unknown> = new Set([Object.prototype, null]);

function isPlainObject(value: object): boolean {
  return !Array.isArray(value) && PLAIN_PROTOTYPES.has(Object.getPrototypeOf(value));
}

/**
 * Freezes a fresh plain-data tree (冻结数据树), typically a schema's output, in place and returns it: `value`
 * and every object reachable through own enumerable string keys. An object that is already frozen is taken as
 * done and not descended into; primitives are returned as they are.
 *
 * @example
 * const rules = deepFreeze({ grades: ['A', 'B'], limits: { max: 3 } });
 * Object.isFrozen(rules.grades); // true
 * Object.isFrozen(rules.limits); // true
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/**
 * Whether `value` is deeply frozen plain data (深度冻结的纯数据), so that it can never change: every object
 * reachable from it is frozen, is a plain object (prototype `Object.prototype` or `null`) or a plain array, and
 * has data properties only (no getters). Primitives are; functions are not. Cycles are allowed; never throws.
 *
 * @example
 * isDeeplyFrozenData(deepFreeze({ a: [1, { b: 2 }] })); // true
 * isDeeplyFrozenData(Object.freeze({ a: [1] })); // false — the array is not frozen
 * isDeeplyFrozenData('text'); // true
 */
export function isDeeplyFrozenData(value: unknown): boolean {
  return frozenData(value, new Set());
}

function frozenData(value: unknown, seen: Set<object>): boolean {
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
    if (!frozenData(d.value, seen)) return false;
  }
  return true;
}

/**
 * Whether `value` (a caller's object) has the same content as `copy` (同内容比较), a validated copy of it such as
 * a frozen schema output: the same array lengths and elements, the same own enumerable keys with equal values
 * (`===`, and NaN equals NaN), plain objects and arrays only (any other object differs from a plain one). Key
 * order is ignored. Allocates nothing; `copy` must be a tree (no cycles), `value` may be anything.
 *
 * @example
 * sameData({ a: [1, 2], b: 'x' }, deepFreeze({ b: 'x', a: [1, 2] })); // true
 * sameData({ a: [1, 3], b: 'x' }, deepFreeze({ b: 'x', a: [1, 2] })); // false
 * sameData({ a: [1, 2], b: 'x', c: undefined }, deepFreeze({ b: 'x', a: [1, 2] })); // false
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
 * A validate-once function over `parse` (一次校验): `parse` checks a value — throwing the package's typed error
 * when it is invalid — and returns a fresh plain-data tree; `rest` is passed through (e.g. the field path for
 * errors). The returned function gives a deeply frozen, validated value equal to its argument's content at the
 * time of the call: a deeply frozen argument is validated once and returned itself ever after; any other object
 * is compared with its last validated copy on each call and validated again when it was edited in place
 * (see the module comment). Throws `InvalidOptionsError` when `parse` is not a function.
 *
 * @example
 * let parses = 0;
 * const validPoint = validatedOnce((value: unknown) => {
 *   parses++;
 *   if (!isRecord(value) || typeof value.x !== 'number')
 *     throw new InvalidOptionsError('point', { en: 'a point { x }', zh: '点 { x }' }, value);
 *   return { x: value.x };
 * });
 * const point = { x: 1 };
 * validPoint(point).x; // 1
 * validPoint(point).x; // 1
 * parses; // 1
 * point.x = 2; // an in-place edit is seen
 * validPoint(point).x; // 2
 * const frozen = deepFreeze({ x: 3 });
 * validPoint(frozen) === frozen; // true
 */
export function validatedOnce<T, A extends unknown[]>(
  parse: (value: unknown, ...rest: A) => T,
): (value: unknown, ...rest: A) => T {
  if (typeof parse !== 'function')
    throw new InvalidOptionsError('parse', EXPECTED.function, parse);
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
