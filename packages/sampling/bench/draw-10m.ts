/**
 * The stratified 5 % draw at province scale, as a scaling table (100 k, 1 M; 10 M with `DRAW_10M=1`): for each
 * population size, in a fresh child process (so that peak RSS is that size's own), the three steps of a real
 * draw over a stream sorted by id, with memory proportional to the sample:
 *
 * - freeze the frame (`commitPopulationStream`, published before the seed): one native SHA-256 over the id lines;
 * - draw on this thread (`drawTaskStream`): the same digests re-checked, and one ticket hash per id, computed
 *   from the bytes just digested;
 * - draw with one worker thread when a second core exists (`workers: 1`): the calling thread reads and digests,
 *   the worker hashes tickets; the record must be byte-identical to the single-threaded one;
 * - commitment + draw as `workers: 'auto'` would run it now (a worker only when a second core is free by the
 *   load average): the sum of the matching columns.
 *
 * Each line prints N, wall and CPU time (process.cpuUsage, all threads: the figure to trust on a shared
 * machine), commitment + draw totals, and peak RSS (getrusage). The named peer, measured in the same run: the
 * reference sampler (node:crypto hex digest → BigInt → reversed decimal strings → full sort) on a 300 k slice,
 * in ids per CPU-second, and the ratio.
 *
 *   npm run bench:draw -w packages/sampling                 (100 k and 1 M)
 *   DRAW_10M=1 npm run bench:draw -w packages/sampling      (adds 10 M: the issue-17 target, ≤ 10 s wall,
 *                                                              ≤ 16 CPU-s, ≤ 400 MB peak RSS)
 *   SIZES=2000000 npm run bench:draw -w packages/sampling   (any sizes, comma-separated)
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  commitPopulationStream,
  type DirectoryEntity,
  drawTaskStream,
  type SpotCheckTask,
} from '../src/index.js';
import { referenceSample } from './reference.js';

const SEED = '20237331128159211123';
const GRADES = ['A', 'A', 'A', 'A', 'A', 'A', 'B', 'B', 'B', 'C'];

/**
 * Cheap deterministic synthetic stream in pages of 10 000 fresh entities (an integer hash picks the grade),
 * sorted ids `91330100` + 10 digits. Each id is decoded from bytes, as a file or database reader yields it
 * (a flat string; a template literal would give a rope that the first character access must flatten).
 */
function* population(n: number): Generator<DirectoryEntity[]> {
  const text = Buffer.from('913301000000000000', 'latin1');
  for (let from = 0; from < n; from += 10_000) {
    const page: DirectoryEntity[] = [];
    for (let i = from; i < Math.min(n, from + 10_000); i++) {
      const h = Math.imul(i ^ (i >>> 15), 0x2c1b3c6d) >>> 0;
      page.push({ id: text.toString('latin1'), grade: GRADES[h % 10]! });
      for (let d = 17; d >= 8; d--) {
        if (text[d] !== 57) {
          text[d]!++;
          break;
        }
        text[d] = 48;
      }
    }
    yield page;
  }
}

const task: SpotCheckTask = {
  id: 'BENCH-10M',
  department: 'SAMR',
  items: ['SC-001'],
  asOf: '2026-04-01',
  strata: ['A', 'B', 'C'].map((g) => ({ key: g, where: { grade: [g] }, ratio: 0.05 })),
};

interface Phase {
  readonly wall: number;
  readonly cpu: number;
}

async function phase<T>(run: () => Promise<T>): Promise<[T, Phase]> {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = await run();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  return [value, { wall, cpu: (c.user + c.system) / 1e6 }];
}

const child = process.argv.indexOf('--child');
if (child >= 0) {
  // One population size, in this process: prints one JSON line.
  const n = Number(process.argv[child + 1]);
  const workers = availableParallelism() >= 2 ? 1 : 0;
  // What `workers: 'auto'` picks now: a worker only when a second core is free.
  const auto = availableParallelism() - loadavg()[0]! >= 1 ? 1 : 0;
  const [, source] = await phase(async () => {
    for (const _ of population(n));
  });
  const [commitment, commit] = await phase(() => commitPopulationStream(task, population(n)));
  // Only the digest of the first record is kept, so that the two records are never held at once.
  const [{ recordDigest, drawn }, draw1] = await phase(async () => {
    const r = await drawTaskStream(task, population(n), { seed: SEED, commitment });
    return { recordDigest: r.recordDigest, drawn: r.strata.reduce((s, x) => s + x.sampleSize, 0) };
  });
  const [parallel, drawW] = await phase(() =>
    drawTaskStream(task, population(n), { seed: SEED, commitment, workers }),
  );
  if (parallel.recordDigest !== recordDigest)
    throw new Error('the worker and single-threaded records differ');
  const rss = (process.resourceUsage().maxRSS * 1024) / 2 ** 20;
  console.log(
    JSON.stringify({ n, drawn, workers, auto, source, commit, draw1, drawW, rss, record: recordDigest }),
  );
  process.exit(0);
}

const sizes = (
  process.env.SIZES ?? (process.env.DRAW_10M === '1' ? '100000,1000000,10000000' : '100000,1000000')
)
  .split(',')
  .map(Number);

// The peer: the reference sampler on a 300 k slice of stratum A, ids per CPU-second.
const slice: string[] = [];
for (const page of population(500_000)) for (const e of page) if (e.grade === 'A') slice.push(e.id);
const [, ref] = await phase(async () => {
  referenceSample(slice, SEED, Math.ceil(slice.length * 0.05));
});
const refRate = slice.length / ref.cpu;

const f = (x: number, d = 2) => x.toFixed(d).padStart(6);
console.log(
  'stratified 5 % draw (3 strata), streamed in pages of 10 000; times in s, wall / CPU (all threads)',
);
console.log(
  '         N  source(cpu) |  commit wall/cpu | draw 1 thread wall/cpu | draw +1 worker wall/cpu | commit+draw(+1 worker) wall/cpu | commit+draw(auto) wall/cpu | peak RSS | M ids/CPU-s (vs peer)',
);
for (const n of sizes) {
  const out = execFileSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--child', String(n)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  const r = JSON.parse(out.trim().split('\n').at(-1)!) as {
    n: number;
    workers: number;
    auto: number;
    source: Phase;
    commit: Phase;
    draw1: Phase;
    drawW: Phase;
    rss: number;
  };
  const total = { wall: r.commit.wall + r.drawW.wall, cpu: r.commit.cpu + r.drawW.cpu };
  const chosen = r.auto === 1 && r.workers === 1 ? r.drawW : r.draw1;
  const auto = { wall: r.commit.wall + chosen.wall, cpu: r.commit.cpu + chosen.cpu };
  const rate = r.n / (r.commit.cpu + r.draw1.cpu);
  console.log(
    `${r.n.toLocaleString().padStart(10)}  ${f(r.source.cpu)}      | ${f(r.commit.wall)} / ${f(r.commit.cpu)} |       ${f(r.draw1.wall)} / ${f(r.draw1.cpu)} |        ${f(r.drawW.wall)} / ${f(r.drawW.cpu)} | ${r.workers === 0 ? '(no 2nd core) ' : ''}               ${f(total.wall)} / ${f(total.cpu)} | (${r.auto === 1 && r.workers === 1 ? '1 worker' : '0 workers'}) ${f(auto.wall)} / ${f(auto.cpu)} | ${f(r.rss, 0)} MB | ${f(rate / 1e6)} (${(rate / refRate).toFixed(1)}×)`,
  );
}
console.log(
  `peer: reference sampler (hex digest → BigInt → decimal strings → full sort) on ${slice.length.toLocaleString()} ids: ${(refRate / 1e6).toFixed(2)} M ids/CPU-s; ours = N / CPU of commit + 1-thread draw (the source's own cost included)`,
);
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(
      ' ',
    )} on ${availableParallelism()} cores: wall figures are disturbed on a shared machine, CPU figures less so.`,
);
