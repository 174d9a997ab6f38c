/**
 * @internal Values built on first use (惰性初始化), so that importing `@jianguan/core` builds no zod schema and
 * indexes no table until something needs it.
 */

/** A function returning `build()`'s value, computed on the first call and kept. */
export function once<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}

const reals = new WeakMap<object, () => object>();

/**
 * An object that stands for `get()`'s value and materialises it on first access (a property read, `in`,
 * `instanceof`, `Object.keys` …): the exported zod schemas are these, so `schema.parse(x)`,
 * `schema.extend({…})`, `z.object({ a: schema })` and `schema instanceof z.ZodObject` behave as with the schema
 * itself. Strict identity differs (`lazy !== real`): use {@link materialise} inside jianguan.
 *
 * The proxy's target mirrors the real object's own properties once built, so the Proxy invariants hold for
 * non-configurable properties (zod's `_zod`) and `util.inspect` shows the schema after its first use.
 */
export function lazyObject<T extends object>(get: () => T): T {
  const mirror: object = {};
  let synced = false;
  const real = (): T => {
    const value = get();
    if (!synced) {
      synced = true;
      Object.setPrototypeOf(mirror, Object.getPrototypeOf(value));
      Object.defineProperties(mirror, Object.getOwnPropertyDescriptors(value));
    }
    return value;
  };
  const keep = (key: PropertyKey, desc: PropertyDescriptor | undefined): PropertyDescriptor | undefined => {
    if (desc !== undefined && !desc.configurable && !Object.hasOwn(mirror, key)) {
      Object.defineProperty(mirror, key, desc);
    }
    return desc;
  };
  const proxy = new Proxy(mirror, {
    get: (_, key) => Reflect.get(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => keep(key, Reflect.getOwnPropertyDescriptor(real(), key)),
    defineProperty: (_, key, desc) => {
      const ok = Reflect.defineProperty(real(), key, desc);
      if (ok) keep(key, Reflect.getOwnPropertyDescriptor(real(), key));
      return ok;
    },
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key) && Reflect.deleteProperty(mirror, key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    setPrototypeOf: (_, proto) =>
      Reflect.setPrototypeOf(real(), proto) && Reflect.setPrototypeOf(mirror, proto),
    isExtensible: () => Reflect.isExtensible(mirror),
    preventExtensions: () => {
      const value = real();
      Object.defineProperties(mirror, Object.getOwnPropertyDescriptors(value));
      return Reflect.preventExtensions(value) && Reflect.preventExtensions(mirror);
    },
  }) as T;
  reals.set(proxy, get);
  return proxy;
}

/** A lazily built zod schema: {@link lazyObject} over {@link once}(build). */
export function lazySchema<T extends object>(build: () => T): T {
  return lazyObject(once(build));
}

/** The real object behind a {@link lazyObject} (built now if need be), or `value` itself. */
export function materialise<T>(value: T): T {
  const get = typeof value === 'object' && value !== null ? reals.get(value) : undefined;
  return get === undefined ? value : (get() as T);
}
