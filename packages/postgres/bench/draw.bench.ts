// Draw benchmark and large parity check: N mixed ids (`BENCH_IDS`; default 200 000 on a server, 20 000 on
// PGlite), several seeds. Checks that
// every ticket computed by jianguan.ticket equals ticket(), and that jianguan.draw's picks equal sampleIds', and
// times both. Uses DATABASE_URL, or PGlite when it is not set.
//   DATABASE_URL=postgres://… node --conditions=@jianguan/source --import tsx bench/draw.bench.ts
import { PGlite } from '@electric-sql/pglite';
import { sampleIds, ticket } from '@jianguan/sampling';
import pg from 'pg';
import { drawFrameInDatabase, migrate, type SqlClient } from '../src/index.js';
import { mixedIds } from '../test/support/ids.js';

const url = process.env.DATABASE_URL;
const n = Number(process.env.BENCH_IDS ?? (url ? 200_000 : 20_000));
const seeds = ['01382438112797316654', '20237331128159211123', '种子😊\\\'"'];
const pool = url ? new pg.Pool({ connectionString: url, max: 2 }) : undefined;
const lite = url ? undefined : new PGlite();
const db: SqlClient = (pool ?? lite)!;
const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;

await migrate(db);
const ids = mixedIds(n, { empty: true });
await db.query('drop table if exists bench_frame');
await db.query('create table bench_frame (id text primary key, stratum text not null)');
for (let i = 0; i < ids.length; i += 20_000) {
  const slice = ids.slice(i, i + 20_000);
  await db.query('insert into bench_frame select * from unnest($1::text[], $2::text[])', [
    slice,
    slice.map((_, j) => ((i + j) % 10 === 0 ? 'key' : 'rest')),
  ]);
}
await db.query('analyze bench_frame');
console.log(`${url ? 'PostgreSQL' : 'PGlite'}: ${ids.length} mixed ids`);
for (const seed of seeds) {
  let t = performance.now();
  const { rows } = await db.query('select id, jianguan.ticket($1, id) as t from bench_frame', [seed]);
  const dbTime = ms(t);
  t = performance.now();
  let bad = 0;
  for (const r of rows) if (r.t !== ticket(seed, String(r.id))) bad++;
  console.log(
    `seed ${JSON.stringify(seed)}: ${rows.length} tickets in the database ${dbTime}, check in Node ${ms(t)}, mismatches ${bad}`,
  );
  const sizes = { key: 500, rest: 1000 };
  t = performance.now();
  const picks = await drawFrameInDatabase(db, seed, 'bench_frame', sizes);
  const drawTime = ms(t);
  t = performance.now();
  const expected = [
    ...sampleIds(
      ids.filter((_, i) => i % 10 === 0),
      { seed, take: 500, digits: Number.POSITIVE_INFINITY },
    ),
    ...sampleIds(
      ids.filter((_, i) => i % 10 !== 0),
      { seed, take: 1000, digits: Number.POSITIVE_INFINITY },
    ),
  ];
  const nodeTime = ms(t);
  const same =
    JSON.stringify(picks.map((p) => [p.id, p.ticket])) ===
    JSON.stringify(expected.map((p) => [p.id, p.ticket]));
  console.log(
    `  jianguan.draw (500 + 1000 picks) ${drawTime}; sampleIds in Node ${nodeTime}; identical picks: ${same}`,
  );
}
await db.query('drop table bench_frame');
await pool?.end();
await lite?.close();
