/**
 * Benchmark: score N behaviour records (default 1 M) across 100 departments (2023-Q2, baseline set) against a
 * hand-written loop that computes the same behaviour counts, measured in the same run, alternating rounds.
 *
 * The peer ("hand loop"): one pass over the records with a bitmap working-day calendar — a `Uint8Array` of
 * working days plus a running-count table over the data's span, filled once from core's calendar before timing
 * (a hand-written scorer would ship its holiday table the same way). Per department it counts report
 * timeliness (2 working days) and fix timeliness (5 working days; unfixed items late once the deadline is
 * before the period end) — due, on time, late, working days late — behaviour volume and covered claimed
 * items. It validates nothing and builds no evidence lists; ours validates every field, builds the full
 * scorecards of 100 departments (17 indicators each, with every late record as evidence) and ranks them.
 *
 * Rows:
 *   raw       compareUnits(set, rawData)        vs the hand loop over the record objects (parsing date strings)
 *   prepared  compareUnits(set, prepareKpiData) vs the hand loop over the same data as typed columns
 *   one unit  scoreIndicators(set, raw data of one department) vs the hand loop over that department's records
 * Both sides' answers are cross-checked per department after timing.
 *
 *   npm run bench -w packages/kpi            (RECORDS=200000 to shrink, ROUNDS=11 for more rounds; default 7)
 */
import { cpuUsage } from 'node:process';
import { getDefaultCalendar } from '@jianguan/core';
import type { BehaviourFact, CatalogItemFact, Comparison, KpiData, Scorecard } from '@jianguan/kpi';
import {
  baselineIndicatorSet,
  civilDate,
  compareUnits,
  dayNumber,
  prepareKpiData,
  scoreIndicators,
} from '@jianguan/kpi';
import seedrandom from 'seedrandom';

const RECORDS = Number(process.env.RECORDS ?? 1_000_000);
const ROUNDS = Math.max(2, Number(process.env.ROUNDS ?? 7));
const DEPARTMENTS = 100;
const ITEMS_PER_DEPARTMENT = 60;
const REPORT_ALLOWED = 2;
const FIX_ALLOWED = 5;
const rng = seedrandom('jianguan-kpi-bench');

// ---------------------------------------------------------------- data
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
  const record: BehaviourFact = {
    recordId: `R${r}`,
    itemCode: `I${Math.floor(rng() * ITEMS_PER_DEPARTMENT)}`,
    department: `D${Math.floor(rng() * DEPARTMENTS)}`,
    actDate: civilDate(act),
    reportedDate: civilDate(act + delay),
  };
  // 5 % rejected by the province; 80 % of those fixed 0–12 days later.
  if (rng() < 0.05) {
    const rejected = act + delay + Math.floor(rng() * 5);
    behaviours[r] =
      rng() < 0.8
        ? {
            ...record,
            rejectedDate: civilDate(rejected),
            fixedDate: civilDate(rejected + Math.floor(rng() * 13)),
          }
        : { ...record, rejectedDate: civilDate(rejected) };
  } else {
    behaviours[r] = record;
  }
}
const data: KpiData = { catalogItems, behaviours };
const PERIOD = '2023-Q2';
const FROM = dayNumber('2023-04-01');
const TO = dayNumber('2023-06-30');
const oneDept = 'D42';
const oneData: KpiData = {
  catalogItems: catalogItems.filter((c) => c.department === oneDept),
  behaviours: behaviours.filter((b) => b.department === oneDept),
};
const ONE_N = oneData.behaviours?.length ?? 0;

// ---------------------------------------------------------------- the peer
// The bitmap calendar, built once: work[d - LO] = 1 on working days; cum[d - LO] = working days in LO..d.
const LO = dayNumber('2022-12-01');
const HI = dayNumber('2024-03-31');
const calendar = getDefaultCalendar();
const work = new Uint8Array(HI - LO + 1);
const cum = new Int32Array(HI - LO + 1);
for (let d = LO, c = 0; d <= HI; d++) {
  work[d - LO] = calendar.isWorkdayNumber(d) ? 1 : 0;
  c += work[d - LO] as number;
  cum[d - LO] = c;
}

/** Hand-written `YYYY-MM-DD` → day number (no validation), Hinnant's days-from-civil. */
function parseDay(s: string): number {
  const y =
    (s.charCodeAt(0) - 48) * 1000 +
    (s.charCodeAt(1) - 48) * 100 +
    (s.charCodeAt(2) - 48) * 10 +
    (s.charCodeAt(3) - 48);
  const m = (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48);
  const d = (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48);
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

interface Counts {
  due: number;
  onTime: number;
  late: number;
  workdaysLate: number;
  fixDue: number;
  fixOnTime: number;
  fixLate: number;
  fixWorkdaysLate: number;
  volume: number;
  covered: number;
  claimed: number;
  seen: Uint8Array;
}
const newCounts = (items: number): Counts => ({
  due: 0,
  onTime: 0,
  late: 0,
  workdaysLate: 0,
  fixDue: 0,
  fixOnTime: 0,
  fixLate: 0,
  fixWorkdaysLate: 0,
  volume: 0,
  covered: 0,
  claimed: 0,
  seen: new Uint8Array(items),
});

/** Deadline ordinal (running count of the deadline day) of "within n working days after the event". */
function deadlineOrdinal(eventOff: number, n: number): number {
  return (cum[eventOff] as number) + (n === 0 && work[eventOff] === 0 ? 1 : n);
}
/** Working days late of `doneOff` against a deadline ordinal, or 0 when on time. */
function lateBy(doneOff: number, ordinal: number): number {
  const c = cum[doneOff] as number;
  // Later than the deadline day ⇔ a later working day, or a rest day after the deadline day.
  if (c > ordinal) return c - ordinal;
  return c === ordinal && work[doneOff] === 0 ? -1 : 0; // -1: late, 0 working days late
}
const asOfOff = TO - LO;

function tally(c: Counts, actOff: number, repOff: number): void {
  const act = actOff + LO;
  if (act < FROM || act > TO) return;
  c.volume++;
  c.due++;
  const ord = deadlineOrdinal(actOff, REPORT_ALLOWED);
  const l = lateBy(repOff, ord);
  if (l === 0) c.onTime++;
  else {
    c.late++;
    if (l > 0) c.workdaysLate += l;
  }
}
function tallyFix(c: Counts, rejOff: number, fixOff: number): void {
  const rej = rejOff + LO;
  if (rej < FROM || rej > TO) return;
  const ord = deadlineOrdinal(rejOff, FIX_ALLOWED);
  if (fixOff >= 0) {
    c.fixDue++;
    const l = lateBy(fixOff, ord);
    if (l === 0) c.fixOnTime++;
    else {
      c.fixLate++;
      if (l > 0) c.fixWorkdaysLate += l;
    }
  } else {
    const l = lateBy(asOfOff, ord);
    if (l !== 0) {
      c.fixDue++;
      c.fixLate++;
      if (l > 0) c.fixWorkdaysLate += l;
    }
  }
}

/** The hand loop over raw records: date strings parsed in the loop, departments and items by Map. */
function peerRaw(input: KpiData): Map<string, Counts> {
  const items = new Map<string, Map<string, number>>();
  const claimedOf = new Map<string, boolean[]>();
  for (const it of input.catalogItems ?? []) {
    let m = items.get(it.department);
    let claimed = claimedOf.get(it.department);
    if (!m || !claimed) {
      m = new Map();
      claimed = [];
      items.set(it.department, m);
      claimedOf.set(it.department, claimed);
    }
    m.set(it.itemCode, m.size);
    claimed.push(it.claimed);
  }
  const out = new Map<string, Counts>();
  for (const b of input.behaviours ?? []) {
    let c = out.get(b.department);
    if (!c) {
      c = newCounts(items.get(b.department)?.size ?? 0);
      out.set(b.department, c);
    }
    const actOff = parseDay(b.actDate) - LO;
    tally(c, actOff, parseDay(b.reportedDate) - LO);
    if (b.rejectedDate !== undefined) {
      tallyFix(c, parseDay(b.rejectedDate) - LO, b.fixedDate === undefined ? -1 : parseDay(b.fixedDate) - LO);
    }
    const act = actOff + LO;
    if (act >= FROM && act <= TO) {
      const k = items.get(b.department)?.get(b.itemCode);
      if (k !== undefined) c.seen[k] = 1;
    }
  }
  for (const [dept, c] of out) {
    const claimed = claimedOf.get(dept) ?? [];
    for (let k = 0; k < claimed.length; k++) {
      if (!claimed[k]) continue;
      c.claimed++;
      if (c.seen[k] === 1) c.covered++;
    }
  }
  return out;
}

/** The same data as typed columns (the peer's own preparation, done once before timing). */
interface PeerColumns {
  readonly depts: string[];
  readonly claimed: Uint8Array[];
  readonly dept: Int32Array;
  readonly item: Int32Array;
  readonly act: Int32Array;
  readonly rep: Int32Array;
  readonly rej: Int32Array;
  readonly fix: Int32Array;
}
function peerColumns(input: KpiData): PeerColumns {
  const deptIndex = new Map<string, number>();
  const depts: string[] = [];
  const itemIndex: Map<string, number>[] = [];
  const claimedLists: number[][] = [];
  const deptOf = (name: string) => {
    let d = deptIndex.get(name);
    if (d === undefined) {
      d = depts.length;
      deptIndex.set(name, d);
      depts.push(name);
      itemIndex.push(new Map());
      claimedLists.push([]);
    }
    return d;
  };
  for (const it of input.catalogItems ?? []) {
    const d = deptOf(it.department);
    const m = itemIndex[d] as Map<string, number>;
    m.set(it.itemCode, m.size);
    (claimedLists[d] as number[]).push(it.claimed ? 1 : 0);
  }
  const bs = input.behaviours ?? [];
  const n = bs.length;
  const cols = {
    dept: new Int32Array(n),
    item: new Int32Array(n),
    act: new Int32Array(n),
    rep: new Int32Array(n),
    rej: new Int32Array(n),
    fix: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const b = bs[i] as BehaviourFact;
    const d = deptOf(b.department);
    cols.dept[i] = d;
    cols.item[i] = (itemIndex[d] as Map<string, number>).get(b.itemCode) ?? -1;
    cols.act[i] = parseDay(b.actDate) - LO;
    cols.rep[i] = parseDay(b.reportedDate) - LO;
    cols.rej[i] = b.rejectedDate === undefined ? -1 : parseDay(b.rejectedDate) - LO;
    cols.fix[i] = b.fixedDate === undefined ? -1 : parseDay(b.fixedDate) - LO;
  }
  return { depts, claimed: claimedLists.map((l) => Uint8Array.from(l)), ...cols };
}

/** The hand loop over typed columns. */
function peerPrepared(p: PeerColumns): Map<string, Counts> {
  const counts = p.depts.map((_, d) => newCounts((p.claimed[d] as Uint8Array).length));
  const n = p.act.length;
  for (let i = 0; i < n; i++) {
    const c = counts[p.dept[i] as number] as Counts;
    const actOff = p.act[i] as number;
    tally(c, actOff, p.rep[i] as number);
    const rej = p.rej[i] as number;
    if (rej >= 0) tallyFix(c, rej, p.fix[i] as number);
    const act = actOff + LO;
    const k = p.item[i] as number;
    if (k >= 0 && act >= FROM && act <= TO) c.seen[k] = 1;
  }
  const out = new Map<string, Counts>();
  counts.forEach((c, d) => {
    const claimed = p.claimed[d] as Uint8Array;
    for (let k = 0; k < claimed.length; k++) {
      if (claimed[k] === 0) continue;
      c.claimed++;
      if (c.seen[k] === 1) c.covered++;
    }
    out.set(p.depts[d] as string, c);
  });
  return out;
}

// ---------------------------------------------------------------- timing
interface Sample {
  cpuMs: number;
  wallMs: number;
}
function measure<T>(fn: () => T): { sample: Sample; result: T } {
  const c0 = cpuUsage();
  const t0 = process.hrtime.bigint();
  const result = fn();
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = cpuUsage(c0);
  return { sample: { cpuMs: (c.user + c.system) / 1000, wallMs }, result };
}
const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

/** Alternating rounds (the first is warm-up); the medians of CPU and wall time. */
function race<A, B>(
  rounds: number,
  ours: () => A,
  peer: () => B,
): { ours: Sample; peer: Sample; a: A; b: B } {
  const o: Sample[] = [];
  const p: Sample[] = [];
  let a: A | undefined;
  let b: B | undefined;
  for (let r = 0; r < rounds; r++) {
    const x = measure(ours);
    const y = measure(peer);
    a = x.result;
    b = y.result;
    if (r > 0 || rounds === 1) {
      o.push(x.sample);
      p.push(y.sample);
    }
  }
  const pick = (s: Sample[]): Sample => ({
    cpuMs: median(s.map((x) => x.cpuMs)),
    wallMs: median(s.map((x) => x.wallMs)),
  });
  return { ours: pick(o), peer: pick(p), a: a as A, b: b as B };
}

// ---------------------------------------------------------------- answers
function indicator(card: Scorecard, id: string) {
  const i = card.indicators.find((x) => x.id === id);
  if (!i) throw new Error(`no indicator ${id}`);
  return i;
}
/** Ours per department in the peer's terms. */
function oursCounts(card: Scorecard) {
  const rep = indicator(card, 'behaviour-report-timeliness');
  const fix = indicator(card, 'behaviour-fix-timeliness');
  const cov = indicator(card, 'behaviour-coverage');
  const lateRecords = (i: typeof rep) => i.deductions.flatMap((d) => d.records);
  const days = (i: typeof rep) => lateRecords(i).reduce((s, r) => s + (r.workdaysLate ?? 0), 0);
  return {
    due: rep.windows[0]?.denominator ?? 0,
    onTime: rep.windows[0]?.numerator ?? 0,
    late: lateRecords(rep).length,
    workdaysLate: days(rep),
    fixDue: fix.windows[0]?.denominator ?? 0,
    fixOnTime: fix.windows[0]?.numerator ?? 0,
    fixLate: lateRecords(fix).length,
    fixWorkdaysLate: days(fix),
    covered: cov.windows[0]?.numerator ?? 0,
    claimed: cov.windows[0]?.denominator ?? 0,
  };
}
function check(label: string, cards: readonly Scorecard[], peer: Map<string, Counts>): number {
  let late = 0;
  for (const card of cards) {
    const o = oursCounts(card);
    const p = peer.get(card.unit.id);
    if (!p) throw new Error(`${label}: peer has no ${card.unit.id}`);
    const q = {
      due: p.due,
      onTime: p.onTime,
      late: p.late,
      workdaysLate: p.workdaysLate,
      fixDue: p.fixDue,
      fixOnTime: p.fixOnTime,
      fixLate: p.fixLate,
      fixWorkdaysLate: p.fixWorkdaysLate,
      covered: p.covered,
      claimed: p.claimed,
    };
    if (JSON.stringify(o) !== JSON.stringify(q)) {
      throw new Error(
        `${label}: ${card.unit.id} differs: ours ${JSON.stringify(o)}, peer ${JSON.stringify(q)}`,
      );
    }
    late += o.late + o.fixLate;
  }
  return late;
}

// ---------------------------------------------------------------- run
const fmt = (x: number) => Math.round(x).toLocaleString('en');
console.log(
  `kpi bench: N = ${fmt(RECORDS)} behaviour records (${fmt(ONE_N)} in ${oneDept}), ${DEPARTMENTS} departments, ${PERIOD}, baseline set, ${ROUNDS} rounds (first is warm-up), node ${process.version}`,
);
console.log(
  `load average at start: ${(await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);

const rows: { name: string; n: number; ours: Sample; peer: Sample; noTarget?: boolean }[] = [];

const prep = measure(() => prepareKpiData(data));
const prepared = prep.result;
const cols = peerColumns(data);

const raw = race(
  ROUNDS,
  () => compareUnits(baselineIndicatorSet, data, { period: PERIOD }),
  () => peerRaw(data),
);
const lateRaw = check('raw', raw.a.scorecards, raw.b);
rows.push({ name: 'raw data, 100 departments', n: RECORDS, ours: raw.ours, peer: raw.peer });

const pre = race(
  ROUNDS,
  (): Comparison => compareUnits(baselineIndicatorSet, prepared, { period: PERIOD }),
  () => peerPrepared(cols),
);
check('prepared', pre.a.scorecards, pre.b);
rows.push({
  name: 'prepared data, 100 departments',
  n: RECORDS,
  ours: pre.ours,
  peer: pre.peer,
  noTarget: true,
});

const oneRounds = Math.max(ROUNDS, 21);
const one = race(
  oneRounds,
  () => scoreIndicators(baselineIndicatorSet, oneData, { period: PERIOD, unit: oneDept }),
  () => peerRaw(oneData),
);
check('one unit', [one.a], one.b);
rows.push({ name: `scoreIndicators raw, one department`, n: ONE_N, ours: one.ours, peer: one.peer });

console.log(`late records (report + fix), both agree per department: ${fmt(lateRaw)}`);
console.log(
  `prepareKpiData alone (validate + day numbers + columns): ${prep.sample.cpuMs.toFixed(0)} ms CPU, ${fmt((RECORDS / prep.sample.cpuMs) * 1000)} records per CPU-s (first call)`,
);
console.log('');
console.log(
  `${'case'.padEnd(36)} ${'N'.padStart(9)} │ ${'ours CPU ms'.padStart(11)} ${'records/CPU-s'.padStart(14)} │ ${'peer CPU ms'.padStart(11)} ${'records/CPU-s'.padStart(14)} │ ${'ours/peer'.padStart(9)} │ target ≥ 0.50 (issue #17: raw within 2×)`,
);
for (const r of rows) {
  const oursRate = (r.n / r.ours.cpuMs) * 1000;
  const peerRate = (r.n / r.peer.cpuMs) * 1000;
  const ratio = oursRate / peerRate;
  console.log(
    `${r.name.padEnd(36)} ${fmt(r.n).padStart(9)} │ ${r.ours.cpuMs.toFixed(1).padStart(11)} ${fmt(oursRate).padStart(14)} │ ${r.peer.cpuMs.toFixed(1).padStart(11)} ${fmt(peerRate).padStart(14)} │ ${`${ratio.toFixed(2)}×`.padStart(9)} │ ${r.noTarget ? '(raw data only)' : ratio >= 0.5 ? 'met' : 'NOT met'}`,
  );
}
console.log('');
console.log(
  'ours = compareUnits / scoreIndicators (validation, 17 indicators, evidence lists); peer = hand loop, bitmap working-day calendar, counts only.',
);
console.log(
  `wall ms (median): ${rows.map((r) => `${r.name}: ours ${r.ours.wallMs.toFixed(0)}, peer ${r.peer.wallMs.toFixed(0)}`).join('; ')}`,
);
console.log(
  `peak RSS of this process (getrusage maxRSS, peers included): ${((process.resourceUsage().maxRSS * 1024) / 2 ** 20).toFixed(0)} MB`,
);
