/**
 * A stratified 5 % draw over 10 M entities, streamed (sorted by id) with memory proportional to the sample:
 * pass 1 freezes the frame (commitment, published before the seed), pass 2 draws and re-checks the digests.
 * Pass 2 runs twice — in this thread and on worker threads (`workers: 2`) — and the two records must be
 * byte-identical. Reports wall time, CPU time (process.cpuUsage, all threads) and peak RSS per pass, and the
 * reference sampler (BigInt decimal strings, full sort) on a 1 M slice in the same run.
 *
 *   npm run bench:draw -w packages/sampling       (N=10000000 WORKERS=2 by default)
 */
import { availableParallelism, loadavg } from 'node:os';
import {
  commitPopulationStream,
  type DirectoryEntity,
  drawTaskStream,
  type SpotCheckTask,
} from '../src/index.js';
import { referenceSample } from './reference.js';

const N = Number(process.env.N ?? 10_000_000);
const SEED = '20237331128159211123';
const GRADES = ['A', 'A', 'A', 'A', 'A', 'A', 'B', 'B', 'B', 'C'];

/** Cheap deterministic synthetic stream (an integer hash picks the grade), ids in sorted order. */
function* population(n: number): Generator<DirectoryEntity> {
  for (let i = 0; i < n; i++) {
    const h = Math.imul(i ^ (i >>> 15), 0x2c1b3c6d) >>> 0;
    yield { id: `91330100${String(i).padStart(10, '0')}`, grade: GRADES[h % 10]! };
  }
}

const task: SpotCheckTask = {
  id: 'BENCH-10M',
  department: 'SAMR',
  items: ['SC-001'],
  asOf: '2026-04-01',
  strata: ['A', 'B', 'C'].map((g) => ({ key: g, where: { grade: [g] }, ratio: 0.05 })),
};

const WORKERS = Number(process.env.WORKERS ?? 2);

let peak = 0;
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 25);

interface Phase {
  readonly wall: number;
  readonly cpu: number;
  readonly peakMb: number;
}

async function phase<T>(run: () => Promise<T>): Promise<[T, Phase]> {
  peak = process.memoryUsage.rss();
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = await run();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  peak = Math.max(peak, process.memoryUsage.rss());
  return [value, { wall, cpu: (c.user + c.system) / 1e6, peakMb: peak / 2 ** 20 }];
}

const show = (p: Phase) =>
  `wall ${p.wall.toFixed(2)} s, CPU ${p.cpu.toFixed(2)} s (all threads), peak RSS ${p.peakMb.toFixed(0)} MB`;

const [commitment, p1] = await phase(() => commitPopulationStream(task, population(N)));
const [single, p2] = await phase(() => drawTaskStream(task, population(N), { seed: SEED, commitment }));
const [parallel, p3] = await phase(() =>
  drawTaskStream(task, population(N), { seed: SEED, commitment, workers: WORKERS }),
);
clearInterval(timer);
if (parallel.recordDigest !== single.recordDigest)
  throw new Error('parallel and single-threaded records differ');

const drawn = single.strata.reduce((s, x) => s + x.sampleSize, 0);
console.log(
  `population ${N.toLocaleString()}, drawn ${drawn.toLocaleString()} in ${single.strata.length} strata (5 %), record ${single.recordDigest.slice(0, 16)}…`,
);
console.log(`pass 1, freeze the frame (commitment):         ${show(p1)}`);
console.log(`pass 2, draw, 1 thread:                        ${show(p2)}`);
console.log(`pass 2, draw, ${WORKERS} worker threads (identical record): ${show(p3)}`);
console.log(
  `process peak RSS (getrusage): ${((process.resourceUsage().maxRSS * 1024) / 2 ** 20).toFixed(0)} MB; the synthetic source itself costs ${(N / 1e6).toFixed(0)} M small objects`,
);

// Peer in the same run: the reference sampler on a 1 M slice of stratum A, per entity and CPU-second.
const slice = [...population(Math.min(N, 1_000_000))].filter((e) => e.grade === 'A').map((e) => e.id);
const c0 = process.cpuUsage();
referenceSample(slice, SEED, Math.ceil(slice.length * 0.05));
const c = process.cpuUsage(c0);
const refRate = slice.length / ((c.user + c.system) / 1e6);
console.log(
  `reference sampler (strings + full sort) on ${slice.length.toLocaleString()} ids: ${(refRate / 1e6).toFixed(2)} M ids per CPU-second; ours in pass 2 (1 thread, incl. checks and digests): ${(N / p2.cpu / 1e6).toFixed(2)} M (${(N / p2.cpu / refRate).toFixed(1)}×)`,
);
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(
      ' ',
    )} on ${availableParallelism()} cores — the machine is shared; wall figures are disturbed, CPU figures less so.`,
);
