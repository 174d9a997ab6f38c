/**
 * Benchmark: `qualityCheck` records/s on synthetic behaviour records (deterministic, seedrandom) against a
 * bare zod `safeParse` of the same schema in the same run, plus peak RSS when streaming 1M records
 * through an async generator.
 *
 * Run: npm run bench -w packages/core   (or: node --conditions=@jianguan/source --import tsx bench/quality.bench.ts)
 * Env: QUALITY_BENCH_N (default 1_000_000), QUALITY_BENCH_SEED (default 'jianguan-quality-bench').
 */
import seedrandom from 'seedrandom';
import { behaviourRecordSchema, createQualityChecker, uscc } from '../src/index.js';

const N = Number(process.env.QUALITY_BENCH_N ?? 1_000_000);
const SEED = process.env.QUALITY_BENCH_SEED ?? 'jianguan-quality-bench';
const TODAY = '2024-12-31';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const REGIONS = ['330106', '320102', '110101', '440305', '310115', '420102', '140105', '510104'];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

function pick<T>(rng: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)]!;
}
function digits(rng: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rng() * 10);
  return s;
}
function makeUscc(rng: () => number, region: string): string {
  let org = '';
  for (let i = 0; i < 8; i++) org += ALPHABET.charAt(Math.floor(rng() * 10));
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 8; i++) s += Number(org[i]) * w[i]!;
  const c = 11 - (s % 11);
  const orgCheck = c === 10 ? 'X' : c === 11 ? '0' : String(c);
  if (orgCheck === 'X') return makeUscc(rng, region); // X is not in the GB 32100 alphabet
  const body = `91${region}${org}${orgCheck}`;
  return body + uscc.calcCheckDigit(body);
}
function makeResidentId(rng: () => number, region: string): string {
  const y = 1950 + Math.floor(rng() * 50);
  const m = String(1 + Math.floor(rng() * 12)).padStart(2, '0');
  const d = String(1 + Math.floor(rng() * 28)).padStart(2, '0');
  const body = `${region}${y}${m}${d}${digits(rng, 3)}`;
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(body[i]) * ID_WEIGHTS[i]!;
  return body + '10X98765432'.charAt(s % 11);
}
function date(rng: () => number): string {
  const m = String(1 + Math.floor(rng() * 12)).padStart(2, '0');
  const d = String(1 + Math.floor(rng() * 28)).padStart(2, '0');
  return `2024-${m}-${d}`;
}

/** One synthetic behaviour record; ~5% carry a deliberate error. */
export function syntheticRecord(rng: () => number, i: number): Record<string, unknown> {
  const region = pick(rng, REGIONS);
  const person = rng() < 0.2;
  const certNo = person ? makeResidentId(rng, region) : makeUscc(rng, region);
  const institution = makeUscc(rng, region);
  const act = date(rng);
  const header = {
    recordId: `R${i}`,
    itemCode: `31${digits(rng, 12)}`,
    checkListCode: `${institution}4${digits(rng, 14)}`,
    implementInstitution: '某区市场监督管理局',
    implementInstitutionCode: institution,
    adminCounterpartName: person ? '张某' : '某某贸易有限公司',
    adminCounterpartNature: person ? '01' : '02',
    adminCounterpartCertType: person ? '111' : '001',
    adminCounterpartCertNo: certNo,
    areaCode: region,
    submittedAt: `${act}T17:30:00+08:00`,
    source: '33000031',
    batchNo: '2024123100001',
    operation: 'I',
  };
  const k = rng();
  let rec: Record<string, unknown>;
  if (k < 0.7) {
    rec = {
      kind: 'inspection',
      ...header,
      checkActionName: '食品经营日常监督检查',
      checkActionCode: `JC${i}`,
      checkForm: '01',
      checkType: '01',
      checkMode: '1',
      checkResult: pick(rng, ['01', '01', '01', '02', '03']),
      checkDate: act,
      checkPersonnel: ['张三', '李四'],
      checkPersonnelCertNos: ['33010012345', '33010012346'],
    };
  } else if (k < 0.9) {
    rec = {
      kind: 'penalty',
      ...header,
      punishActionName: '行政处罚',
      punishActionCode: `CF${i}`,
      caseSource: '03',
      illegalFact: '经营超过保质期的食品',
      punishAccord: '《中华人民共和国食品安全法》第一百二十四条',
      punishProcedure: '02',
      hearingHeld: false,
      isCriminalCase: false,
      caseFiledDate: act,
      punishDocumentCode: `杭市监罚〔2024〕${i}号`,
      setDate: act,
      punishTypes: ['01', '02'],
      fineAmount: 5000,
      penaltyResult: '警告，罚款五千元',
      reconsideration: '00',
      litigation: '12',
      noPenalty: false,
    };
  } else if (k < 0.97) {
    rec = {
      kind: 'compulsion',
      ...header,
      forceActionName: '查封经营场所',
      forceActionCode: `QZ${i}`,
      illegalFact: '涉嫌生产假冒伪劣产品',
      forceAccord: '《中华人民共和国行政强制法》',
      forceDocumentCode: `杭市监强〔2024〕${i}号`,
      forceType: '01',
      coerciveMeasureType: '02',
      measureStartDate: act,
    };
  } else {
    rec = {
      kind: 'other',
      ...header,
      actionName: '行政指导',
      actionCode: `QT${i}`,
      startDate: act,
    };
  }
  if (rng() < 0.05) {
    const e = Math.floor(rng() * 4);
    if (e === 0) rec.itemCode = '3100000010000';
    else if (e === 1) rec.areaCode = '33010';
    else if (e === 2) rec.adminCounterpartCertNo = `${String(rec.adminCounterpartCertNo).slice(0, 17)}0`;
    else rec.submittedAt = '2023-01-01T00:00:00+08:00';
  }
  return rec;
}

function generate(n: number): Record<string, unknown>[] {
  const rng = seedrandom(SEED);
  const out: Record<string, unknown>[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = syntheticRecord(rng, i);
  return out;
}

async function* stream(n: number): AsyncGenerator<Record<string, unknown>> {
  const rng = seedrandom(SEED);
  for (let i = 0; i < n; i++) yield syntheticRecord(rng, i);
}

function rate(n: number, ms: number): string {
  return `${Math.round((n / ms) * 1000).toLocaleString('en-US')} records/s`;
}

/** Wall-clock and CPU time (user + system, all threads incl. GC) of `f`, in ms. */
function timed<T>(f: () => T): { value: T; wall: number; cpu: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = f();
  const wall = performance.now() - t;
  const u = process.cpuUsage(c);
  return { value, wall, cpu: (u.user + u.system) / 1000 };
}

async function streamPhase(
  label: string,
  options: Parameters<typeof createQualityChecker>[0],
): Promise<void> {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const c = process.cpuUsage();
  const t = performance.now();
  const streamed = await createQualityChecker({ today: TODAY, maxIssues: 1_000, ...options }).check(
    stream(N),
  );
  const ms = performance.now() - t;
  const u = process.cpuUsage(c);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `stream ${label}: ${streamed.total.toLocaleString('en-US')} records via async generator (generation included): ` +
      `${rate(streamed.total, ms)} wall, ${rate(streamed.total, (u.user + u.system) / 1000)} CPU; ` +
      `RSS ${(baseline / 2 ** 20).toFixed(0)} → peak ${(peak / 2 ** 20).toFixed(0)} MiB`,
  );
}

async function main(): Promise<void> {
  const inMemory = Math.min(N, Number(process.env.QUALITY_BENCH_ARRAY ?? 200_000));
  console.log(
    `qualityCheck benchmark — ${N.toLocaleString('en-US')} records streamed, ${inMemory.toLocaleString('en-US')} in memory; ` +
      `seed "${SEED}"; node ${process.version}`,
  );
  // 1. Streaming first, while the heap is small: memory stays flat without batch-wide rules, and grows
  //    only with the distinct keys when duplicates and links are checked.
  await streamPhase('field + cross-field rules (duplicates off)', { checkDuplicates: false });
  await streamPhase('every rule (duplicates + links on)', { checkLinks: true });

  // 2. In memory: qualityCheck against a bare zod safeParse of the same schema, same records, same run.
  const records = generate(inMemory);
  const checker = createQualityChecker({ today: TODAY, checkLinks: true });
  const fieldsOnly = createQualityChecker({ today: TODAY, checkDuplicates: false });
  checker.check(records.slice(0, 20_000));
  fieldsOnly.check(records.slice(0, 20_000));
  for (let i = 0; i < 20_000; i++) behaviourRecordSchema.safeParse(records[i]);

  const best = {
    zod: { wall: Infinity, cpu: Infinity },
    all: { wall: Infinity, cpu: Infinity },
    fields: { wall: Infinity, cpu: Infinity },
  };
  let result = checker.check(records);
  for (let r = 0; r < 3; r++) {
    const z = timed(() => {
      let ok = 0;
      for (let i = 0; i < records.length; i++) if (behaviourRecordSchema.safeParse(records[i]).success) ok++;
      return ok;
    });
    const a = timed(() => checker.check(records));
    const f = timed(() => fieldsOnly.check(records));
    result = a.value;
    for (const [k, m] of [
      ['zod', z],
      ['all', a],
      ['fields', f],
    ] as const) {
      best[k].wall = Math.min(best[k].wall, m.wall);
      best[k].cpu = Math.min(best[k].cpu, m.cpu);
    }
  }
  const n = records.length;
  const line = (label: string, m: { wall: number; cpu: number }) =>
    console.log(
      `${label.padEnd(58)} ${rate(n, m.wall).padStart(18)} wall   ${rate(n, m.cpu).padStart(18)} CPU`,
    );
  line('peer  zod safeParse(behaviourRecordSchema)', best.zod);
  line('ours  qualityCheck, every rule (duplicates + links on)', best.all);
  line('ours  qualityCheck, field + cross-field rules only', best.fields);
  console.log(
    `ratio qualityCheck / zod time: every rule ${(best.all.wall / best.zod.wall).toFixed(2)}× wall, ` +
      `${(best.all.cpu / best.zod.cpu).toFixed(2)}× CPU; field rules ${(best.fields.wall / best.zod.wall).toFixed(2)}× wall, ` +
      `${(best.fields.cpu / best.zod.cpu).toFixed(2)}× CPU`,
  );
  console.log(
    `      ${result.failed.toLocaleString('en-US')} of ${result.total.toLocaleString('en-US')} records failed, ` +
      `${result.issues.length.toLocaleString('en-US')} issues`,
  );
}

await main();
