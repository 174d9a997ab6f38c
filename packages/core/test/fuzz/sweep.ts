/**
 * The exports sweep (issue #11 item 5, "total functions at the boundary"): every exported function of a package
 * entry is called with generated junk arguments — JSON-reachable values (null, missing, numbers, strings,
 * arrays, nested objects) and objects shaped like the package's own exported data or like given sample
 * arguments, with one field replaced, deleted or added. Each call must return normally or throw (reject) only a
 * well-formed SDK error (`isTypedError`: a `JianguanError` with a literal name, a string code, a path and zh/en
 * messages); functions documented as never throwing must not throw at all. No argument may be mutated.
 *
 * Returned iterables and async iterables are consumed (a lazy throw is still a throw); returned handles with a
 * `close` (or else a `stop`) method are closed. Classes (error constructors) are not swept.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { applyEdit, editArb, fc, fuzzAsync, runs, type Tally, target } from './harness.js';

/** How one export is swept. */
export interface SweepOptions {
  /** Functions documented as never throwing (name or `namespace.name`): any throw is a failure. */
  readonly never?: readonly string[];
  /**
   * Exports not swept, each with the reason (a callback-taking or process-level entry point exercised by its own
   * tests). Keep short and justified.
   */
  readonly skip?: Readonly<Record<string, string>>;
  /**
   * Exports known to throw untyped errors on junk and not fixed yet (issue #11 item 5): not swept, so the counts
   * stay honest, and listed here with the first untyped error the sweep found. Each name must still be an
   * export (checked), and the list is to shrink to empty.
   */
  readonly pending?: Readonly<Record<string, string>>;
  /** Valid argument lists per export: their one-field edits are swept too. */
  readonly samples?: Readonly<Record<string, readonly unknown[]>>;
  /** Run count per export in the quick profile (default 60) and under `npm run fuzz` (default 400). */
  readonly quick?: number;
  readonly full?: number;
}

/** A function-valued export (or a function of an exported namespace object), and its display name. */
export interface SweptFunction {
  readonly name: string;
  readonly fn: (...args: unknown[]) => unknown;
}

function isClass(fn: unknown): boolean {
  return typeof fn === 'function' && /^class\b/.test(Function.prototype.toString.call(fn));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The functions of a module namespace: top-level functions and the functions of plain namespace objects. */
export function functionsOf(ns: Record<string, unknown>): SweptFunction[] {
  const out: SweptFunction[] = [];
  for (const [name, value] of Object.entries(ns)) {
    if (typeof value === 'function') {
      if (!isClass(value)) out.push({ name, fn: value as SweptFunction['fn'] });
    } else if (isPlainObject(value) && !('_def' in value) && !('_zod' in value)) {
      for (const [key, member] of Object.entries(value))
        if (typeof member === 'function' && !isClass(member))
          out.push({ name: `${name}.${key}`, fn: (member as SweptFunction['fn']).bind(value) });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** The JSON-cloneable data exports of a namespace (rule sets, tables, …): shapes for the junk generator. */
export function dataOf(ns: Record<string, unknown>): unknown[] {
  const out: unknown[] = [];
  for (const value of Object.values(ns)) {
    if (value === null || typeof value !== 'object') continue;
    try {
      const json = JSON.stringify(value);
      if (json !== undefined && json.length < 200_000) out.push(JSON.parse(json));
    } catch {
      // not JSON data
    }
  }
  return out;
}

/** Small numbers (counts, years, days) most of the time; sometimes odd doubles and large magnitudes. */
const junkNumber = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -3, max: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom(-0, 0.5, 1.5, -1.5, 2025, 20250101, 1e21, -1e21, 2 ** 53, 1e300) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }) },
);

/** Strings that look like the SDK's inputs (dates, codes, periods) and arbitrary ones. */
const junkString = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      'x',
      ' ',
      '2025-01-01',
      '2025-02-30',
      '2025-13-01',
      '2025',
      '2025-Q1',
      '2025-01',
      'A',
      'B',
      'C',
      'D',
      '91350100M000100Y',
      '110101199003074578',
      '__proto__',
      'constructor',
      'toString',
      '=1+1',
      '-1',
      '<x/>',
      '{"a":1}',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

const junkLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  junkNumber,
  junkString,
  fc.constantFrom<unknown>(
    [],
    {},
    [null],
    { a: 1 },
    { toString: 1 },
    { length: -1 },
    JSON.parse('{"then":1}'),
  ),
);

/** Nested junk: leaves, arrays and objects of junk, with keys that often match real field names. */
function junkValue(keys: readonly string[]): fc.Arbitrary<unknown> {
  const key = keys.length > 0 ? fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 6 })) : fc.string();
  const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      junkLeaf,
      fc.array(tie('tree'), { maxLength: 4 }),
      fc.dictionary(key, tie('tree'), { maxKeys: 5, noNullPrototype: true }),
    ),
  }));
  return tree;
}

/** Every object key in a JSON tree. */
function keysOf(values: readonly unknown[]): string[] {
  const keys = new Set<string>();
  const walk = (v: unknown, depth: number): void => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) for (const x of v.slice(0, 20)) walk(x, depth + 1);
    else
      for (const [k, x] of Object.entries(v)) {
        keys.add(k);
        walk(x, depth + 1);
      }
  };
  for (const v of values) walk(v, 0);
  return [...keys].sort();
}

/** One junk argument: junk, a package data value, or a one-field edit of one. */
function argumentArb(data: readonly unknown[], keys: readonly string[]): fc.Arbitrary<unknown> {
  const junk = junkValue(keys);
  if (data.length === 0) return junk;
  const edited = fc.oneof(...data.map((value) => editArb(value))).map((e) => e.edited);
  return fc.oneof(
    { weight: 5, arbitrary: junk },
    { weight: 1, arbitrary: fc.constantFrom(...data).map((v) => structuredClone(v)) },
    { weight: 2, arbitrary: edited },
  );
}

/** The argument lists for one export: 0–3 junk arguments, or a one-field edit of a sample argument list. */
function argumentsArb(
  arg: fc.Arbitrary<unknown>,
  sample: readonly unknown[] | undefined,
): fc.Arbitrary<unknown[]> {
  const junk = fc.array(arg, { maxLength: 3 });
  if (!sample) return junk;
  const cloned = JSON.parse(JSON.stringify(sample)) as unknown[];
  const edits = editArb(cloned).map((e) => (Array.isArray(e.edited) ? e.edited : [e.edited]));
  // a valid first argument with junk after it, and junk in place of one sample argument
  const partial = fc
    .tuple(fc.nat({ max: Math.max(0, cloned.length - 1) }), arg)
    .map(([i, a]) => applyEdit(cloned, [i], a) as unknown[]);
  return fc.oneof(junk, edits, partial);
}

async function drain(value: unknown): Promise<void> {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return;
  const v = value as Record<PropertyKey, unknown>;
  if (typeof v.then === 'function') {
    await drain(await (value as Promise<unknown>));
    return;
  }
  if (typeof v[Symbol.asyncIterator] === 'function') {
    let n = 0;
    for await (const _ of value as AsyncIterable<unknown>) if (++n >= 50) break;
  } else if (
    !Array.isArray(value) &&
    !(value instanceof Map) &&
    !(value instanceof Set) &&
    typeof v[Symbol.iterator] === 'function' &&
    typeof value !== 'string'
  ) {
    let n = 0;
    for (const _ of value as Iterable<unknown>) if (++n >= 50) break;
  }
  if (typeof v.close === 'function') await (v.close as () => unknown)();
  else if (typeof v.stop === 'function') await (v.stop as () => unknown)();
}

/** Sweeps every function of `ns`; returns the tallies (one per function) for `expectClean`. */
export async function sweepExports(
  entry: string,
  ns: Record<string, unknown>,
  options: SweepOptions = {},
): Promise<Tally[]> {
  const data = dataOf(ns);
  const keys = keysOf([...data, ...Object.values(options.samples ?? {})]);
  const arg = argumentArb(data, keys);
  const never = new Set(options.never ?? []);
  const skip = { ...options.skip, ...options.pending };
  const names = new Set(functionsOf(ns).map((f) => f.name));
  for (const name of Object.keys(skip))
    if (!names.has(name))
      throw new Error(`sweep ${entry}: skip/pending names ${name}, which is not an export`);
  const tallies: Tally[] = [];
  const cwd = process.cwd();
  const dir = mkdtempSync(join(tmpdir(), 'jianguan-sweep-'));
  // functions that take a file path write relative to the working directory: keep junk paths in a temp dir
  process.chdir(dir);
  try {
    for (const { name, fn } of functionsOf(ns)) {
      if (name in skip) continue;
      const t = target(`sweep ${entry} ${name}`);
      tallies.push(t);
      const policy = never.has(name) ? 'never' : 'typed';
      const started = performance.now();
      await fuzzAsync(
        t,
        argumentsArb(arg, options.samples?.[name]),
        runs(options.quick ?? 60, options.full ?? 400),
        policy,
        async (args) => {
          const before = structuredClone(args);
          let error: unknown;
          let threw = false;
          try {
            await drain(fn(...args));
          } catch (e) {
            threw = true;
            error = e;
          }
          if (!isDeepStrictEqual(args, before)) return `${name} mutated its arguments`;
          if (threw) throw error;
          return undefined;
        },
      );
      if (process.env.JIANGUAN_SWEEP_TIMES)
        console.log(`${(performance.now() - started).toFixed(0).padStart(6)} ms  ${t.target}`);
    }
  } finally {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  }
  return tallies;
}

/** The failures of a sweep, one line per function (empty when clean). */
export function sweepFailures(tallies: readonly Tally[]): string[] {
  return tallies
    .filter((t) => t.untypedThrows > 0 || t.silentPasses > 0 || t.inputs === 0)
    .map(
      (t) =>
        `${t.target}: ${t.untypedThrows} untyped, ${t.silentPasses} silent of ${t.inputs}; ${t.examples[0] ?? 'no inputs'}`,
    );
}
