// Scaling benchmark of the in-database draw: jianguan.draw on a real PostgreSQL server next to Node's sampleIds
// (the named peer) on the same ids — 10 % in stratum 'key' (500 picks), 90 % in 'rest' (1000 picks).
// Reports per size: wall time, CPU time (the backend's utime+stime from /proc/<pid>/stat; Node's process.cpuUsage),
// the backend's peak resident memory (VmHWM of pg_backend_pid(), a fresh connection per draw) and Node's maxRSS
// growth, ids/s and the ratio, and whether the picks are byte-identical.
//
//   nice -n 10 node --conditions=@jianguan/source --import tsx bench/draw-scale.bench.ts          # 100k, 1M
//   BENCH_SIZES=100000,1000000,10000000 nice -n 10 node --conditions=@jianguan/source --import tsx bench/draw-scale.bench.ts
//
// DATABASE_URL names the server (it must run on this machine for /proc); without it a throwaway server is started
// (the test suite's global setup: initdb into a temp dir, fsync off) and stopped. Parallel query is off by default
// so that the backend's CPU is all the CPU the draw used (BENCH_PARALLEL=1 allows parallel workers; their CPU and
// memory are then not in the figures).
import { readFileSync } from 'node:fs';
import { sampleIds } from '@jianguan/sampling';
import pg from 'pg';
import { migrate } from '../src/index.js';
import setup from '../test/support/global-setup.js';

const sizes = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const seed = '20237331128159211123';
const take = { key: 500, rest: 1000 };
const parallel = process.env.BENCH_PARALLEL === '1';

let teardown: (() => void) | undefined;
let url = process.env.DATABASE_URL;
if (!url) {
  const provided: Record<string, string> = {};
  teardown = (await setup({
    provide: (k: string, v: string) => {
      provided[k] = v;
    },
  } as never)) as (() => void) | undefined;
  if (provided.databaseMissing) throw new Error(provided.databaseMissing);
  url = provided.databaseUrl!;
}

/** The id of row i: USCC-like, 18 characters, the same formula in SQL and in Node. */
const idOf = (i: number) => `91330100${String((i * 7_919) % 10_000_000_000).padStart(10, '0')}`;
const ID_SQL = `'91330100' || lpad(((g::bigint * 7919) % 10000000000)::text, 10, '0')`;

const clockTick = 100; // USER_HZ on Linux
function procStat(pid: number): { cpuMs: number; hwmKb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTick; // utime, stime
  const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpuMs, hwmKb: Number(hwm?.[1] ?? 0) };
}

const admin = new pg.Client({ connectionString: url });
await admin.connect();
await migrate(admin);
const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
const rows: string[] = [];
try {
  for (const n of sizes) {
    await admin.query('drop table if exists bench_scale');
    await admin.query('create unlogged table bench_scale (id text not null, stratum text not null)');
    let t = performance.now();
    await admin.query(
      `insert into bench_scale select ${ID_SQL}, case when g % 10 = 0 then 'key' else 'rest' end
         from generate_series(0, $1::bigint - 1) as g`,
      [n],
    );
    await admin.query('vacuum analyze bench_scale');
    const loadMs = performance.now() - t;

    // The database: a fresh backend, so VmHWM is this draw's peak.
    const conn = new pg.Client({ connectionString: url });
    await conn.connect();
    if (!parallel) await conn.query('set max_parallel_workers_per_gather = 0');
    const pid = Number((await conn.query('select pg_backend_pid() as p')).rows[0]!.p);
    const before = procStat(pid);
    t = performance.now();
    const res = await conn.query(
      "select stratum, rank, id, ticket from jianguan.draw($1, 'bench_scale'::regclass, $2::jsonb)",
      [seed, JSON.stringify(take)],
    );
    const dbWall = performance.now() - t;
    const after = procStat(pid);
    await conn.end();

    // Node: the same ids, built in memory, drawn with sampleIds.
    const keyIds: string[] = [];
    const restIds: string[] = [];
    for (let i = 0; i < n; i++) (i % 10 === 0 ? keyIds : restIds).push(idOf(i));
    const rssBefore = process.resourceUsage().maxRSS;
    const cpu0 = process.cpuUsage();
    t = performance.now();
    const expected = [
      ...sampleIds(keyIds, { seed, take: take.key, digits: Number.POSITIVE_INFINITY }).map((p) => ({
        stratum: 'key',
        ...p,
      })),
      ...sampleIds(restIds, { seed, take: take.rest, digits: Number.POSITIVE_INFINITY }).map((p) => ({
        stratum: 'rest',
        ...p,
      })),
    ];
    const nodeWall = performance.now() - t;
    const cpu = process.cpuUsage(cpu0);
    const nodeCpu = (cpu.user + cpu.system) / 1000;
    const rssGrowth = process.resourceUsage().maxRSS - rssBefore;

    const same =
      JSON.stringify(res.rows.map((r) => [r.stratum, r.id, r.ticket])) ===
      JSON.stringify(expected.map((p) => [p.stratum, p.id, p.ticket]));
    const dbCpu = after.cpuMs - before.cpuMs;
    rows.push(
      [
        fmt(n).padStart(11),
        `${fmt(dbWall)} ms`.padStart(11),
        `${fmt(dbCpu)} ms`.padStart(11),
        `${fmt(after.hwmKb / 1024)} MB`.padStart(9),
        fmt((n / dbWall) * 1000).padStart(10),
        `${fmt(nodeWall)} ms`.padStart(11),
        `${fmt(nodeCpu)} ms`.padStart(11),
        `${fmt(rssGrowth / 1024)} MB`.padStart(9),
        fmt((n / nodeWall) * 1000).padStart(10),
        (nodeWall / dbWall).toFixed(2).padStart(6),
        (nodeCpu / dbCpu).toFixed(2).padStart(9),
        String(same).padStart(9),
      ].join(' '),
    );
    console.log(`${fmt(n)} ids loaded in ${fmt(loadMs)} ms; drawn (${res.rows.length} picks)`);
    await admin.query('drop table bench_scale');
  }
} finally {
  await admin.end();
  teardown?.();
}
console.log(
  `\njianguan.draw (PostgreSQL ${parallel ? 'parallel allowed' : 'one backend'}) vs sampleIds (Node ${process.version}); ratio = Node wall / database wall, CPU ratio = Node CPU / database CPU`,
);
console.log(
  `${'ids'.padStart(11)} ${'db wall'.padStart(11)} ${'db CPU'.padStart(11)} ${'db HWM'.padStart(9)} ${'db ids/s'.padStart(10)} ${'node wall'.padStart(11)} ${'node CPU'.padStart(11)} ${'node RSS+'.padStart(9)} ${'node ids/s'.padStart(10)} ${'ratio'.padStart(6)} ${'CPU ratio'.padStart(9)} ${'identical'.padStart(9)}`,
);
for (const r of rows) console.log(r);
