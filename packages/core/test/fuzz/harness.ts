/**
 * The fuzz harness shared by every package's `test/fuzz` suite. A quick profile (small run counts) runs in
 * the normal test run; `npm run fuzz` sets `JIANGUAN_FUZZ=full` for the large counts and
 * `JIANGUAN_FUZZ_REPORT=<dir>` to collect the per-target figures, which `scripts/fuzz.mjs` prints.
 *
 * Each input is classified: fine, a typed SDK error (allowed unless the target promises never to throw), an
 * untyped throw (always a failure) or a silent pass (the probe says a bad input was accepted).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, expect } from 'vitest';
import { isJianguanError } from '../../src/index.js';

export { fc };

/** Whether the large profile is running. */
export const FULL = process.env.JIANGUAN_FUZZ === 'full';

/** The run count of a target: `quick` in the normal test run, `full` under `npm run fuzz`. */
export function runs(quick: number, full: number): number {
  return FULL ? full : quick;
}

/** The seed of the quick profile: `npm test` sweeps the same inputs on every run, so a failure is reproducible. */
export const QUICK_SEED = 20_251_101;

function seedOf(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n))
    throw new Error(`JIANGUAN_FUZZ_SEED must be an integer, got ${JSON.stringify(value)}`);
  return n | 0;
}

/**
 * The fast-check seed of this run, printed with every failure: `JIANGUAN_FUZZ_SEED` when set (replays a run);
 * otherwise {@link QUICK_SEED} in the quick profile, and a fresh random seed under `npm run fuzz` (printed once
 * per test file, so a full run's failure can be replayed with `JIANGUAN_FUZZ_SEED=<seed> npm run fuzz`).
 */
export const SEED: number =
  seedOf(process.env.JIANGUAN_FUZZ_SEED) ??
  (FULL ? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0 : QUICK_SEED);

if (FULL || process.env.JIANGUAN_FUZZ_SEED)
  console.log(`fuzz seed ${SEED} (replay: JIANGUAN_FUZZ_SEED=${SEED})`);

/** Per-target counts. */
export interface Tally {
  readonly target: string;
  inputs: number;
  typedThrows: number;
  untypedThrows: number;
  silentPasses: number;
  readonly examples: string[];
}

const tallies: Tally[] = [];

/** What a probe may throw: `never` (documented as never throwing) or `typed` (only the SDK's typed errors). */
export type ThrowPolicy = 'never' | 'typed';

/** A probe returns `undefined` when the input was handled correctly, or a description of a silent pass. */
export type Probe<T> = (input: T) => string | undefined;
export type AsyncProbe<T> = (input: T) => Promise<string | undefined>;

function show(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_k, v) =>
      typeof v === 'bigint' ? `${v}n` : v === undefined ? '<undefined>' : v,
    );
    return text === undefined ? String(value) : text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return String(value);
  }
}

/** Whether an error is a well-formed SDK error: literal name, code, path, zh/en message. */
export function isTypedError(error: unknown): boolean {
  if (!isJianguanError(error)) return false;
  const e = error as { name?: unknown; messages?: { en?: unknown; zh?: unknown } };
  return (
    typeof e.name === 'string' &&
    e.name !== 'Error' &&
    typeof e.messages?.en === 'string' &&
    e.messages.en !== '' &&
    typeof e.messages.zh === 'string' &&
    e.messages.zh !== ''
  );
}

function classify(
  t: Tally,
  input: unknown,
  policy: ThrowPolicy,
  outcome: string | undefined,
  error?: unknown,
  threw = false,
): void {
  t.inputs++;
  if (threw) {
    if (policy === 'typed' && isTypedError(error)) {
      t.typedThrows++;
      return;
    }
    t.untypedThrows++;
    if (t.examples.length < 5) {
      const what = error instanceof Error ? `${error.name}: ${error.message}` : show(error);
      t.examples.push(
        `${policy === 'never' && isTypedError(error) ? 'threw (never-throws) ' : 'untyped '}${what.slice(0, 200)} ← ${show(input)}`,
      );
    }
    return;
  }
  if (typeof outcome === 'string') {
    t.silentPasses++;
    if (t.examples.length < 5) t.examples.push(`silent pass: ${outcome} ← ${show(input)}`);
  }
}

/** A named target whose counts are reported. */
export function target(name: string): Tally {
  const t: Tally = {
    target: name,
    inputs: 0,
    typedThrows: 0,
    untypedThrows: 0,
    silentPasses: 0,
    examples: [],
  };
  tallies.push(t);
  return t;
}

/** Runs `probe` on `numRuns` inputs from `arb`, counting instead of stopping at the first failure. */
export function fuzz<T>(
  t: Tally,
  arb: fc.Arbitrary<T>,
  numRuns: number,
  policy: ThrowPolicy,
  probe: Probe<T>,
): void {
  fc.assert(
    fc.property(arb, (input) => {
      let outcome: string | undefined;
      try {
        outcome = probe(input);
      } catch (error) {
        classify(t, input, policy, undefined, error, true);
        return true;
      }
      classify(t, input, policy, outcome);
      return true;
    }),
    { numRuns, seed: SEED },
  );
}

/** The async form of {@link fuzz} (readers). */
export async function fuzzAsync<T>(
  t: Tally,
  arb: fc.Arbitrary<T>,
  numRuns: number,
  policy: ThrowPolicy,
  probe: AsyncProbe<T>,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(arb, async (input) => {
      let outcome: string | undefined;
      try {
        outcome = await probe(input);
      } catch (error) {
        classify(t, input, policy, undefined, error, true);
        return true;
      }
      classify(t, input, policy, outcome);
      return true;
    }),
    { numRuns, seed: SEED },
  );
}

/** Asserts a target saw no untyped throw and no silent pass (and did run). */
export function expectClean(t: Tally): void {
  expect(t.inputs).toBeGreaterThan(0);
  expect({
    target: t.target,
    seed: SEED,
    untypedThrows: t.untypedThrows,
    silentPasses: t.silentPasses,
    examples: t.examples,
  }).toEqual({
    target: t.target,
    seed: SEED,
    untypedThrows: 0,
    silentPasses: 0,
    examples: [],
  });
}

/** Runs `fn` and returns the thrown error (or `undefined`), for probes that compare outcomes. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error ?? new Error('threw a nullish value');
  }
}

/** Any JSON value, or `undefined` (a missing argument): what reaches a boundary from parsed input. */
export const jsonish: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** One JSON edit of a value: replace, delete or insert at a random path. */
export function editArb<T>(
  value: T,
): fc.Arbitrary<{ readonly edited: unknown; readonly path: readonly (string | number)[] }> {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, p: (string | number)[]): void => {
    paths.push(p);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) walk(v[i], [...p, i]);
    } else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
  };
  walk(value, []);
  const replacement = fc.oneof(
    fc.constant<unknown>(undefined), // delete
    fc.constantFrom<unknown>(null, 0, -1, 1, 1.5, '', 'x', true, false, [], {}, [null], { a: 1 }),
    fc.jsonValue({ maxDepth: 2 }),
  );
  return fc.tuple(fc.constantFrom(...paths), replacement).map(([path, r]) => ({
    path,
    edited: applyEdit(value, path, r),
  }));
}

/** A deep copy of `root` with the value at `path` replaced (`undefined`: deleted). */
export function applyEdit(root: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement === undefined ? null : replacement;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = replacement;
  return copy;
}

afterAll(() => {
  const dir = process.env.JIANGUAN_FUZZ_REPORT;
  if (!dir || tallies.length === 0) return;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      tallies.map(({ target, inputs, typedThrows, untypedThrows, silentPasses, examples }) => ({
        target,
        inputs,
        typedThrows,
        untypedThrows,
        silentPasses,
        examples,
      })),
    ),
  );
});
