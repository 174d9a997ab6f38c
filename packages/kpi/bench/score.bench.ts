/**
 * Benchmark: score 1M behaviour records across 100 departments (2023-Q2, baseline set) and compare with a
 * straightforward `reduce` over the same records in the same run, which computes the same timeliness and
 * coverage figures per department through core's public calendar (`workdayLateness` per record).
 *
 *   npm run bench -w packages/kpi            (RECORDS=200000 to shrink)
 */
import { workdayLateness } from '@jianguan/core';
import type { BehaviourFact, CatalogItemFact } from '@jianguan/kpi';
import { baselineIndicatorSet, civilDate, compareUnits, dayNumber, prepareKpiData } from '@jianguan/kpi';
import seedrandom from 'seedrandom';

const RECORDS = Number(process.env.RECORDS ?? 1_000_000);
const DEPARTMENTS = 100;
const ITEMS_PER_DEPARTMENT = 60;
const rng = seedrandom('jianguan-kpi-bench');

const catalogItems: CatalogItemFact[] = [];
for (let d = 0; d < DEPARTMENTS; d++) {
  for (let i = 0; i < ITEMS_PER_DEPARTMENT; i++) {
    catalogItems.push({ itemCode: `I${i}`, department: `D${d}`, claimed: i < 55, hasInspectionList: true });
  }
}
const start = dayNumber('2023-03-01');
const behaviours: BehaviourFact[] = new Array(RECORDS);
for (let r = 0; r < RECORDS; r++) {
  const act = start + Math.floor(rng() * 150);
  const delay = rng() < 0.85 ? Math.floor(rng() * 3) : 3 + Math.floor(rng() * 10);
  behaviours[r] = {
    recordId: `R${r}`,
    itemCode: `I${Math.floor(rng() * ITEMS_PER_DEPARTMENT)}`,
    department: `D${Math.floor(rng() * DEPARTMENTS)}`,
    actDate: civilDate(act),
    reportedDate: civilDate(act + delay),
  };
}
const data = { catalogItems, behaviours };
const period = { from: '2023-04-01', to: '2023-06-30' };

function time<T>(fn: () => T): { ms: number; result: T } {
  const t0 = process.hrtime.bigint();
  const result = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, result };
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** The peer: one reduce over the record objects, per-record lateness from core's calendar. */
function peer() {
  const claimed = new Map<string, Set<string>>();
  for (const item of catalogItems) {
    if (!item.claimed) continue;
    let set = claimed.get(item.department);
    if (!set) {
      set = new Set();
      claimed.set(item.department, set);
    }
    set.add(item.itemCode);
  }
  return behaviours.reduce((acc, b) => {
    if (b.actDate < period.from || b.actDate > period.to) return acc;
    let dept = acc.get(b.department);
    if (!dept) {
      dept = { due: 0, late: 0, workdaysLate: 0, covered: new Set<string>() };
      acc.set(b.department, dept);
    }
    dept.due++;
    const l = workdayLateness(b.actDate, b.reportedDate, 2);
    if (!l.onTime) {
      dept.late++;
      dept.workdaysLate += l.workdaysLate;
    }
    if (claimed.get(b.department)?.has(b.itemCode)) dept.covered.add(b.itemCode);
    return acc;
  }, new Map<string, { due: number; late: number; workdaysLate: number; covered: Set<string> }>());
}

console.log(
  `kpi bench: ${RECORDS.toLocaleString('en')} behaviour records, ${DEPARTMENTS} departments, node ${process.version}`,
);

const prep = time(() => prepareKpiData(data));
console.log(
  `prepareKpiData (validate + day numbers + columns): ${prep.ms.toFixed(0)} ms = ${((RECORDS / prep.ms) * 1000).toFixed(0)} records/s`,
);
const prepared = prep.result;

const oursTimes: number[] = [];
const peerTimes: number[] = [];
let lateOurs = 0;
let latePeer = 0;
for (let round = 0; round < 5; round++) {
  const o = time(() => compareUnits(baselineIndicatorSet, prepared, { period: '2023-Q2' }));
  const p = time(peer);
  if (round > 0) {
    oursTimes.push(o.ms);
    peerTimes.push(p.ms);
  }
  lateOurs = o.result.scorecards.reduce((s, c) => {
    const i = c.indicators.find((x) => x.id === 'behaviour-report-timeliness');
    return s + (i?.deductions[0]?.records.length ?? 0);
  }, 0);
  latePeer = [...p.result.values()].reduce((s, d) => s + d.late, 0);
}
if (lateOurs !== latePeer) throw new Error(`late counts differ: ours ${lateOurs}, peer ${latePeer}`);

const ours = median(oursTimes);
const theirs = median(peerTimes);
const oursRate = (RECORDS / ours) * 1000;
const peerRate = (RECORDS / theirs) * 1000;
console.log(`late records (both agree): ${lateOurs.toLocaleString('en')}`);
console.log(
  `ours  compareUnits (100 full scorecards, evidence lists): ${ours.toFixed(0)} ms = ${oursRate.toFixed(0)} records/s`,
);
console.log(
  `peer  reduce + core workdayLateness per record:         ${theirs.toFixed(0)} ms = ${peerRate.toFixed(0)} records/s`,
);
console.log(
  `ratio ours/peer: ${(oursRate / peerRate).toFixed(2)}×  (target ≥ 1,000,000 records/s: ${oursRate >= 1e6 ? 'met' : 'NOT met'})`,
);
console.log(
  `prepare + score end to end: ${((RECORDS / (prep.ms + ours)) * 1000).toFixed(0)} records/s (${(prep.ms + ours).toFixed(0)} ms)`,
);
