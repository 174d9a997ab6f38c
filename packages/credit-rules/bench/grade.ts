/**
 * Grading benchmark: 1M entities (~5 facts each) as of one date, one core.
 *   ours  — compileRuleSet(samrBaselineRuleSet).grade (rule set as data, compiled once into closures)
 *   peer  — a hand-written if/else grader of the same baseline rules (bench/peer-baseline.ts)
 * Plus: ours with zod validation on, and streaming 1M freshly generated profiles through gradeStream
 * while sampling heap use (memory should stay flat).
 *
 * Run: npm run bench -w packages/credit-rules   (ENTITIES=200000 for a quicker run)
 */

import type { EntityCreditProfile } from '../src/index.js';
import {
  compileRuleSet,
  gradeEach,
  gradeStream,
  samrBaselineRuleSet,
  sdFiveClassRuleSet,
} from '../src/index.js';
import { makeGenerator } from './generate.js';
import { makeHandWrittenGrader } from './peer-baseline.js';

const N = Number(process.env.ENTITIES ?? 1_000_000);
const POOL = 50_000;
const AS_OF = '2026-11-21';

const next = makeGenerator('jianguan-credit-bench');
const pool: EntityCreditProfile[] = Array.from({ length: POOL }, next);
const avgFacts = pool.reduce((s, p) => s + p.facts.length, 0) / POOL;

const compiled = compileRuleSet(samrBaselineRuleSet);
const peer = makeHandWrittenGrader(AS_OF);

// Agreement check: the peer must compute the same thing.
let mismatches = 0;
const dist: Record<string, number> = {};
for (const p of pool) {
  const a = compiled.grade(p, AS_OF);
  const b = peer(p);
  dist[a.grade] = (dist[a.grade] ?? 0) + 1;
  const same =
    a.grade === b.grade &&
    JSON.stringify(a.firedRules.map((f) => [f.ruleId, f.evidence])) ===
      JSON.stringify(b.fired.map((f) => [f.ruleId, f.evidence]));
  if (!same) mismatches++;
}

function time(label: string, n: number, run: (i: number) => unknown): number {
  let sink = 0;
  // warm-up
  for (let i = 0; i < Math.min(n, 100_000); i++) if (run(i)) sink++;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) if (run(i)) sink++;
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const rate = n / s;
  console.log(
    `${label.padEnd(44)} ${String(Math.round(rate)).padStart(10)} entities/s  (${s.toFixed(2)} s, sink ${sink})`,
  );
  return rate;
}

console.log(
  `credit-rules grading bench — ${N.toLocaleString()} entities, ${avgFacts.toFixed(2)} facts each on average, asOf ${AS_OF}`,
);
console.log(
  `grade distribution in the pool: ${JSON.stringify(dist)}; peer/ours disagreements: ${mismatches} of ${POOL}`,
);

const ours = time('ours: compiled rule set (SAMR baseline)', N, (i) =>
  compiled.grade(pool[i % POOL]!, AS_OF),
);
const theirs = time('peer: hand-written if/else grader', N, (i) => peer(pool[i % POOL]!));
console.log(
  `ratio ours/peer: ${(ours / theirs).toFixed(2)}×   target ≥ 200,000 entities/s: ${ours >= 200_000 ? 'met' : 'NOT met'}`,
);

const five = compileRuleSet(sdFiveClassRuleSet);
time('ours: compiled five-class profile (no peer)', N, (i) => five.grade(pool[i % POOL]!, AS_OF));

const nv = Math.min(N, 200_000);
let k = 0;
const it = gradeEach(
  { [Symbol.iterator]: () => ({ next: () => ({ done: false, value: pool[k++ % POOL]! }) }) },
  { ruleSet: samrBaselineRuleSet, asOf: AS_OF, validate: true },
)[Symbol.iterator]();
time('ours + zod validation of every profile', nv, () => it.next().value);

// Streaming throughput over the pool (async iteration overhead, no generation).
{
  async function* poolSource() {
    for (let i = 0; i < N; i++) yield pool[i % POOL]!;
  }
  let c = 0;
  const t = process.hrtime.bigint();
  for await (const r of gradeStream(poolSource(), { ruleSet: compiled, asOf: AS_OF, validate: false }))
    if (r.gradeRank >= 0) c++;
  const sec = Number(process.hrtime.bigint() - t) / 1e9;
  console.log(
    `${'ours: gradeStream over the pool'.padEnd(44)} ${String(Math.round(c / sec)).padStart(10)} entities/s  (${sec.toFixed(2)} s)`,
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
const t0 = process.hrtime.bigint();
for await (const r of gradeStream(source(), { ruleSet: compiled, asOf: AS_OF, validate: false })) {
  if (r.gradeRank >= 0) count++;
  if (count % 100_000 === 0) {
    gc?.();
    heaps.push(process.memoryUsage().heapUsed);
  }
}
const s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(
  `${'ours: gradeStream, async in → async out'.padEnd(44)} ${String(Math.round(count / s)).padStart(10)} entities/s  (incl. generating each profile; ${count.toLocaleString()} graded)`,
);
const mib = (b: number) => (b / 2 ** 20).toFixed(1);
console.log(
  `heap after GC every 100k: ${heaps.map(mib).join(' → ')} MiB${gc ? '' : ' (no --expose-gc: not collected, not comparable)'}`,
);
