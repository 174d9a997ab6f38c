/**
 * Grading benchmark, one core. Entities have about five facts each and are graded as of one date.
 *
 * Part 1, the public per-call API against its peer, measured in the same run (issue #17 item 3):
 *   peer — a hand-written if/else grader of the SAMR baseline rules (bench/peer-baseline.ts), no validation;
 *   ours — `gradeEntity` and `gradeEach` with their defaults (the profile validated, the plain rule set
 *          passed in each call), then with `validate: false`, then `compileRuleSet(…).grade`, and last with
 *          a mutable (unfrozen) copy of the rule set, which is compared with its validated copy on each call.
 * The two sides run in alternating rounds so that a busy machine slows both alike; rates are per CPU-second
 * (user + system of this process), the wall time is printed next to it. Target: ours ≤ 3× the peer's
 * CPU time per entity.
 *
 * Part 2: the five-class profile, `gradeStream` over the pool and over freshly generated profiles with the
 * heap sampled after a GC every 100 k entities (memory should stay flat).
 *
 * Run: npm run bench -w packages/credit-rules   (ENTITIES=200000 for a quicker run, ROUNDS=5 by default)
 */

import { loadavg } from 'node:os';
import type { EntityCreditProfile } from '../src/index.js';
import {
  compileRuleSet,
  gradeEach,
  gradeEntity,
  gradeStream,
  samrBaselineRuleSet,
  sdFiveClassRuleSet,
} from '../src/index.js';
import { makeGenerator } from './generate.js';
import { makeHandWrittenGrader } from './peer-baseline.js';

const N = Number(process.env.ENTITIES ?? 1_000_000);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const POOL = 50_000;
const AS_OF = '2026-11-21';

const next = makeGenerator('jianguan-credit-bench');
const pool: EntityCreditProfile[] = Array.from({ length: POOL }, next);
const avgFacts = pool.reduce((s, p) => s + p.facts.length, 0) / POOL;

const compiled = compileRuleSet(samrBaselineRuleSet);
// Not frozen: the cache compares it with its validated copy on every call (see README, "A rule set passed by value").
const mutableSet = structuredClone(samrBaselineRuleSet);
const peer = makeHandWrittenGrader(AS_OF);

// Agreement check: the peer must compute the same thing (grade, fired rules and their evidence).
let mismatches = 0;
const dist: Record<string, number> = {};
for (const p of pool) {
  const a = gradeEntity(p, { ruleSet: samrBaselineRuleSet, asOf: AS_OF });
  const b = peer(p);
  dist[a.grade] = (dist[a.grade] ?? 0) + 1;
  const same =
    a.grade === b.grade &&
    JSON.stringify(a.firedRules.map((f) => [f.ruleId, f.evidence])) ===
      JSON.stringify(b.fired.map((f) => [f.ruleId, f.evidence]));
  if (!same) mismatches++;
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

interface Timing {
  cpu: number;
  wall: number;
}

/** Runs `batch(start, n)` (which grades entities start..start+n and returns a count) and times it. */
function timeBatch(batch: (start: number, n: number) => number, start: number, n: number): Timing {
  const c0 = cpuNow();
  const w0 = process.hrtime.bigint();
  sink += batch(start, n);
  return { cpu: cpuNow() - c0, wall: Number(process.hrtime.bigint() - w0) / 1e9 };
}
let sink = 0;

type Batch = (start: number, n: number) => number;

const peerBatch: Batch = (start, n) => {
  let c = 0;
  for (let i = start; i < start + n; i++) if (peer(pool[i % POOL]!).grade !== 'A') c++;
  return c;
};
const perCall =
  (grade: (p: EntityCreditProfile) => { gradeRank: number }): Batch =>
  (start, n) => {
    let c = 0;
    for (let i = start; i < start + n; i++) if (grade(pool[i % POOL]!).gradeRank > 0) c++;
    return c;
  };
function poolSlice(start: number, n: number): Iterable<EntityCreditProfile> {
  return {
    *[Symbol.iterator]() {
      for (let i = start; i < start + n; i++) yield pool[i % POOL]!;
    },
  };
}
const each =
  (options: Omit<Parameters<typeof gradeEach>[1], 'asOf'>): Batch =>
  (start, n) => {
    let c = 0;
    for (const r of gradeEach(poolSlice(start, n), { ...options, asOf: AS_OF })) if (r.gradeRank > 0) c++;
    return c;
  };

const rows: { label: string; batch: Batch; target?: number }[] = [
  {
    label: 'gradeEntity (defaults: validate, plain rule set)',
    batch: perCall((p) => gradeEntity(p, { ruleSet: samrBaselineRuleSet, asOf: AS_OF })),
    target: 3,
  },
  {
    label: 'gradeEach (defaults: validate), N in one call',
    batch: each({ ruleSet: samrBaselineRuleSet }),
    target: 3,
  },
  {
    label: 'gradeEntity, validate: false',
    batch: perCall((p) => gradeEntity(p, { ruleSet: samrBaselineRuleSet, asOf: AS_OF, validate: false })),
  },
  { label: 'gradeEach, validate: false', batch: each({ ruleSet: samrBaselineRuleSet, validate: false }) },
  { label: 'compileRuleSet(…).grade (trusted input)', batch: perCall((p) => compiled.grade(p, AS_OF)) },
  {
    label: 'gradeEntity, mutable rule-set object (re-compared)',
    batch: perCall((p) => gradeEntity(p, { ruleSet: mutableSet, asOf: AS_OF })),
  },
];

const fmt = (x: number) => String(Math.round(x)).padStart(10);

console.log(
  `credit-rules grading bench — N = ${N.toLocaleString()} entities per row (${ROUNDS} alternating rounds), ` +
    `${avgFacts.toFixed(2)} facts each on average, asOf ${AS_OF}; node ${process.version}; ` +
    `load average at start ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
);
console.log(
  `grade distribution in the pool: ${JSON.stringify(dist)}; peer/ours disagreements: ${mismatches} of ${POOL}`,
);
console.log(
  `${'row'.padEnd(50)} ${'ours ent/CPU-s'.padStart(14)} ${'CPU s'.padStart(6)} ${'wall s'.padStart(6)} ${'peer ent/CPU-s'.padStart(14)} ${'ratio'.padStart(6)}  target`,
);

// Warm-up: every path JIT-compiled before any measurement.
for (const r of [{ batch: peerBatch }, ...rows]) r.batch(0, Math.min(N, 100_000));

const results: { label: string; ratio: number; target?: number }[] = [];
for (const row of rows) {
  const ours: Timing = { cpu: 0, wall: 0 };
  const theirs: Timing = { cpu: 0, wall: 0 };
  const per = Math.ceil(N / ROUNDS);
  for (let r = 0; r < ROUNDS; r++) {
    const start = r * per;
    const a = timeBatch(row.batch, start, per);
    const b = timeBatch(peerBatch, start, per);
    ours.cpu += a.cpu;
    ours.wall += a.wall;
    theirs.cpu += b.cpu;
    theirs.wall += b.wall;
  }
  const n = per * ROUNDS;
  const ratio = ours.cpu / theirs.cpu;
  results.push({ label: row.label, ratio, ...(row.target === undefined ? {} : { target: row.target }) });
  console.log(
    `${row.label.padEnd(50)} ${fmt(n / ours.cpu).padStart(14)} ${ours.cpu.toFixed(2).padStart(6)} ${ours.wall
      .toFixed(2)
      .padStart(6)} ${fmt(n / theirs.cpu).padStart(14)} ${`${ratio.toFixed(2)}×`.padStart(6)}  ${
      row.target === undefined
        ? ''
        : ratio <= row.target
          ? `≤ ${row.target}×: met`
          : `≤ ${row.target}×: NOT met`
    }`,
  );
}
console.log('(ratio = our CPU time per entity / the peer’s, measured in the same rounds; lower is better)');

// Part 2.
function time(label: string, n: number, run: (i: number) => unknown): number {
  for (let i = 0; i < Math.min(n, 100_000); i++) if (run(i)) sink++;
  const c0 = cpuNow();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) if (run(i)) sink++;
  const cpu = cpuNow() - c0;
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(
    `${label.padEnd(50)} ${fmt(n / cpu).padStart(14)} ${cpu.toFixed(2).padStart(6)} ${s.toFixed(2).padStart(6)}`,
  );
  return n / cpu;
}

const five = compileRuleSet(sdFiveClassRuleSet);
time('compiled five-class profile (no peer)', N, (i) => five.grade(pool[i % POOL]!, AS_OF));

// Streaming throughput over the pool (async iteration overhead, no generation).
{
  async function* poolSource() {
    for (let i = 0; i < N; i++) yield pool[i % POOL]!;
  }
  let c = 0;
  const c0 = cpuNow();
  const t = process.hrtime.bigint();
  for await (const r of gradeStream(poolSource(), { ruleSet: compiled, asOf: AS_OF, validate: false }))
    if (r.gradeRank >= 0) c++;
  const cpu = cpuNow() - c0;
  const sec = Number(process.hrtime.bigint() - t) / 1e9;
  console.log(
    `${'gradeStream over the pool, validate: false'.padEnd(50)} ${fmt(c / cpu).padStart(14)} ${cpu
      .toFixed(2)
      .padStart(6)} ${sec.toFixed(2).padStart(6)}`,
  );
}

// Streaming: fresh profiles generated on the fly (generation cost included), heap sampled after a GC
// every 100k entities (run with --expose-gc, as the package script does).
const genOnly = makeGenerator('jianguan-credit-stream');
time('(generating profiles alone, for reference)', Math.min(N, 200_000), () => genOnly());
const gen = makeGenerator('jianguan-credit-stream');
async function* source() {
  for (let i = 0; i < N; i++) yield gen();
}
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const heaps: number[] = [process.memoryUsage().heapUsed];
let count = 0;
const c0 = cpuNow();
const t0 = process.hrtime.bigint();
for await (const r of gradeStream(source(), { ruleSet: samrBaselineRuleSet, asOf: AS_OF })) {
  if (r.gradeRank >= 0) count++;
  if (count % 100_000 === 0) {
    gc?.();
    heaps.push(process.memoryUsage().heapUsed);
  }
}
const cpu = cpuNow() - c0;
const s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(
  `${'gradeStream, async in → out, validate (+ generation)'.padEnd(50)} ${fmt(count / cpu).padStart(14)} ${cpu
    .toFixed(2)
    .padStart(6)} ${s.toFixed(2).padStart(6)}  (${count.toLocaleString()} graded)`,
);
const mib = (b: number) => (b / 2 ** 20).toFixed(1);
console.log(
  `heap after GC every 100k: ${heaps.map(mib).join(' → ')} MiB${gc ? '' : ' (no --expose-gc: not collected, not comparable)'}`,
);
console.log(
  `summary: ${results
    .filter((r) => r.target !== undefined)
    .map((r) => `${r.label.split(' ')[0]} ${r.ratio.toFixed(2)}× (target ≤ ${r.target}×)`)
    .join('; ')}; load average at end ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; sink ${sink % 10}`,
);
console.log(
  `peak RSS of this process (getrusage maxRSS, peers included): ${((process.resourceUsage().maxRSS * 1024) / 2 ** 20).toFixed(0)} MB`,
);
