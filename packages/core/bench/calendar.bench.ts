/**
 * Benchmark: working-day calendar — jianguan `isWorkday` / `addWorkdays` / `workdaysBetween` against the npm
 * peer `chinese-days` (`isWorkday`, `findWorkday`, `getWorkdaysInRange(a, b).length`), measured in the same run
 * on the same seeded inputs, with the answers cross-checked after timing.
 *
 * Inputs (as in ../shared/reference/workdays.md §7): dates uniform in 2010-01-01..2026-12-31; add N with N
 * uniform 1..30; counts over spans 0..60 days ("deadline-like") and over random pairs 2010–2026 (years apart).
 * chinese-days counts inclusively, so its count(a, b) is compared with our workdaysBetween(a − 1 day, b).
 *
 * Run: npm run bench -w packages/core   (or: node --conditions=@jianguan/source --import tsx bench/calendar.bench.ts)
 * Env: CAL_BENCH_N (ops for ours, default 1_000_000), CAL_BENCH_SEED (default 'jianguan-calendar-bench').
 */
import seedrandom from 'seedrandom';
import { addWorkdays, isWorkday, toCivilDate, workdaysBetween } from '../src/calendar/index.js';

// chinese-days reads dates with local getters: pin the zone it is correct in before importing it.
process.env.TZ = 'Asia/Shanghai';
const peer = (await import('chinese-days')) as unknown as {
  isWorkday(d: string | Date): boolean;
  findWorkday(n: number, d: string): string;
  getWorkdaysInRange(a: string, b: string, includeWeekends?: boolean): string[];
};

const N = Number(process.env.CAL_BENCH_N ?? 1_000_000);
const SEED = process.env.CAL_BENCH_SEED ?? 'jianguan-calendar-bench';
const PEER_N = Math.max(1_000, Math.floor(N / 50)); // the peer is ~100× slower; fewer ops keep the run short
const DAY = 86_400_000;
const FIRST = Date.parse('2010-01-01T00:00:00Z');
const SPAN_DAYS = (Date.parse('2026-12-31T00:00:00Z') - FIRST) / DAY;

const rng = seedrandom(SEED);
const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);
const randomDay = (): number => FIRST + Math.floor(rng() * (SPAN_DAYS - 70)) * DAY;
const dates: string[] = [];
const instants: Date[] = [];
const addN: number[] = [];
const shortTo: string[] = [];
const pairA: string[] = [];
const pairB: string[] = [];
for (let i = 0; i < N; i++) {
  const t = randomDay();
  dates.push(iso(t));
  instants.push(new Date(t - 8 * 3_600_000 + Math.floor(rng() * DAY))); // some instant on that China day
  addN.push(1 + Math.floor(rng() * 30));
  shortTo.push(iso(t + Math.floor(rng() * 61) * DAY));
  const a = FIRST + Math.floor(rng() * SPAN_DAYS) * DAY;
  const b = FIRST + Math.floor(rng() * SPAN_DAYS) * DAY;
  pairA.push(iso(Math.min(a, b)));
  pairB.push(iso(Math.max(a, b)));
}
const dayBefore = (d: string): string => iso(Date.parse(`${d}T00:00:00Z`) - DAY);

interface Result {
  readonly name: string;
  readonly opsPerSec: number;
}
let sink = 0;
function measure(name: string, ops: number, fn: (i: number) => number): Result {
  const warm = Math.min(ops, 20_000);
  for (let i = 0; i < warm; i++) sink += fn(i);
  const start = process.hrtime.bigint();
  for (let i = 0; i < ops; i++) sink += fn(i);
  const ns = Number(process.hrtime.bigint() - start);
  return { name, opsPerSec: (ops / ns) * 1e9 };
}

const rows: [string, Result, Result | undefined][] = [];

// (a) isWorkday
const isStr = measure('isWorkday(string)', N, (i) => (isWorkday(dates[i]!) ? 1 : 0));
const isDate = measure('isWorkday(Date)', N, (i) => (isWorkday(instants[i]!) ? 1 : 0));
const isPeer = measure('chinese-days isWorkday', PEER_N, (i) => (peer.isWorkday(dates[i]!) ? 1 : 0));
rows.push(['isWorkday', isStr, isPeer], ['isWorkday (Date in)', isDate, undefined]);

// (b) add N working days
const addStr = measure('addWorkdays(string, n)', N, (i) => addWorkdays(dates[i]!, addN[i]!).length);
const addDate = measure('addWorkdays(Date, n)', N, (i) => addWorkdays(instants[i]!, addN[i]!).getTime() & 1);
const addPeer = measure(
  'chinese-days findWorkday',
  PEER_N,
  (i) => peer.findWorkday(addN[i]!, dates[i]!).length,
);
rows.push(['addWorkdays', addStr, addPeer], ['addWorkdays (Date in/out)', addDate, undefined]);

// (c) count, span 0–60 days
const cntStr = measure('workdaysBetween, span 0–60', N, (i) => workdaysBetween(dates[i]!, shortTo[i]!));
const cntDate = measure('workdaysBetween(Date, Date)', N, (i) =>
  workdaysBetween(instants[i]!, instants[N - 1 - i]!),
);
const cntPeer = measure(
  'chinese-days getWorkdaysInRange',
  PEER_N,
  (i) => peer.getWorkdaysInRange(dates[i]!, shortTo[i]!).length,
);
rows.push(
  ['workdaysBetween, span 0–60 d', cntStr, cntPeer],
  ['workdaysBetween (Date in)', cntDate, undefined],
);

// (c') count, random pairs over 2010–2026 (years apart): the peer loops day by day
const PAIR_PEER_N = 300;
const pairOurs = measure('workdaysBetween, random pairs', N, (i) => workdaysBetween(pairA[i]!, pairB[i]!));
const pairPeer = measure(
  'chinese-days range, random pairs',
  PAIR_PEER_N,
  (i) => peer.getWorkdaysInRange(pairA[i]!, pairB[i]!).length,
);
rows.push(['workdaysBetween, random pairs', pairOurs, pairPeer]);

// ---- answers cross-checked after timing ----
let wrong = 0;
for (let i = 0; i < PEER_N; i++) {
  if (isWorkday(dates[i]!) !== peer.isWorkday(dates[i]!)) wrong++;
  if (addWorkdays(dates[i]!, addN[i]!) !== peer.findWorkday(addN[i]!, dates[i]!)) wrong++;
  if (
    workdaysBetween(dayBefore(dates[i]!), shortTo[i]!) !==
    peer.getWorkdaysInRange(dates[i]!, shortTo[i]!).length
  )
    wrong++;
  if (toCivilDate(addWorkdays(instants[i]!, addN[i]!)) !== addWorkdays(dates[i]!, addN[i]!)) wrong++;
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
console.log(
  `\nWorking-day calendar — ${fmt(N)} ops ours / ${fmt(PEER_N)} ops chinese-days (seed ${SEED}), Node ${process.version}, TZ=${process.env.TZ}`,
);
console.log(
  `  ${'operation'.padEnd(32)} ${'jianguan ops/s'.padStart(16)} ${'chinese-days ops/s'.padStart(20)} ${'ratio'.padStart(10)}`,
);
for (const [label, ours, theirs] of rows) {
  console.log(
    `  ${label.padEnd(32)} ${fmt(ours.opsPerSec).padStart(16)} ${(theirs ? fmt(theirs.opsPerSec) : '—').padStart(20)} ${(theirs ? `${(ours.opsPerSec / theirs.opsPerSec).toFixed(0)}×` : '').padStart(10)}`,
  );
}
console.log(
  `  answers differing from chinese-days (${fmt(PEER_N * 3)} checked) + Date/string mismatches: ${wrong}`,
);
console.log('  targets: isWorkday ≥ 10M/s, add/between ≥ 2M/s, ≥ 100× chinese-days on add and count');
if (sink === Number.MIN_SAFE_INTEGER) console.log(sink);
