import type { DirectoryEntity, SpotCheckTask } from '@jianguan/sampling';
import { drawTask, sampleIds, ticket, verifyDraw } from '@jianguan/sampling';
import { describe, expect, it } from 'vitest';
import {
  drawFrameInDatabase,
  drawInDatabase,
  migrate,
  PostgresError,
  saveDrawRecord,
  ticketInDatabase,
} from '../src/index.js';
import { drawFunctionsSql } from '../src/sql-draw.js';
import { describeOnMigratedBackends, postgresBackend } from './support/backends.js';
import { mixedIds } from './support/ids.js';

const SEEDS = ['01382438112797316654', '314159', 'xy()134!g2n', '种子😊\\\'"'];
const IDS = mixedIds(3000, { empty: true });

describeOnMigratedBackends('in-database draw', (db) => {
  it('matches the published test vector', async () => {
    expect(await ticketInDatabase(db, '01382438112797316654', 'AB-130')).toBe(
      '0.26299714122838008416507544297546663599715395525154425586041245287750224561854',
    );
    // jianguan.ticket hashes UTF-8 bytes: a backslash is a byte, not a bytea escape.
    expect(await ticketInDatabase(db, 's', '\\x41')).toBe(ticket('s', '\\x41'));
  });

  it(`gives byte-identical tickets for ${IDS.length} mixed ids under ${SEEDS.length} seeds`, async () => {
    for (const seed of SEEDS) {
      const { rows } = await db.query(
        'select u.i::int as i, jianguan.ticket($1, u.id) as t from unnest($2::text[]) with ordinality as u(id, i)',
        [seed, IDS],
      );
      expect(rows).toHaveLength(IDS.length);
      const mismatches = rows.filter((r) => r.t !== ticket(seed, IDS[Number(r.i) - 1]!));
      expect(mismatches).toEqual([]);
    }
  });

  it('ticket_key is the first 15 ticket digits, as a bigint', async () => {
    const seed = SEEDS[3]!;
    const { rows } = await db.query(
      `select u.id, jianguan.ticket_key(encode(sha256(convert_to($1, 'UTF8')), 'hex'), u.id)::text as k
         from unnest($2::text[]) as u(id)`,
      [seed, IDS.slice(0, 500)],
    );
    const bad = rows.filter((r) => BigInt(String(r.k)) !== BigInt(ticket(seed, String(r.id)).slice(2, 17)));
    expect(bad).toEqual([]);
  });

  it('jianguan.draw picks and ranks exactly as sampleIds, per stratum', async () => {
    await db.query('create table frame (id text primary key, stratum text not null)');
    const strata = ['甲', 'B', 'C"'];
    const of = (i: number) => strata[i % 3]!;
    await db.query('insert into frame select * from unnest($1::text[], $2::text[])', [
      IDS,
      IDS.map((_, i) => of(i)),
    ]);
    const sizes = { 甲: 37, B: 0, 'C"': 2000, none: 3 };
    for (const seed of SEEDS) {
      const rows = await drawFrameInDatabase(db, seed, 'frame', sizes);
      for (const key of Object.keys(sizes)) {
        const ids = IDS.filter((_, i) => of(i) === key);
        const expected = sampleIds(ids, {
          seed,
          take: sizes[key as keyof typeof sizes],
          digits: Number.POSITIVE_INFINITY,
        });
        const got = rows.filter((r) => r.stratum === key);
        expect(got.map((r) => [r.rank, r.id, r.ticket])).toEqual(
          expected.map((p, i) => [i + 1, p.id, p.ticket]),
        );
      }
    }
  });

  // A real collision of the 15-digit key needs ~4·10^7 tickets under one seed (birthday bound on 10^15 keys):
  // minutes of CPU and hundreds of MB on this shared machine. The tie-break does not depend on the width, so the
  // very draw function is installed with a 2-digit key (drawFunctionsSql's test-only keyDigits), where ties at
  // the cut are the rule, and must still rank exactly as sampleIds.
  it('breaks sort-key ties with the full ticket, as sampleIds (draw installed with a 2-digit key)', async () => {
    const full = drawFunctionsSql('builtin', 2);
    const drawSql = full
      .slice(full.indexOf('create or replace function jianguan.draw('))
      .replace('function jianguan.draw(', 'function jg_tie.draw(');
    expect(drawSql).toContain('lpad((mod(');
    await db.query('create schema jg_tie');
    await db.query(drawSql);
    // The same function with the tie-break removed ('with ties' → 'only'): the test must see the difference.
    await db.query(
      drawSql
        .replace('function jg_tie.draw(', 'function jg_tie.draw_no_ties(')
        .replace('rows with ties', 'rows only'),
    );
    await db.query('create table tie_frame (id text primary key, stratum text not null)');
    const ids = IDS.slice(0, 1200);
    await db.query("insert into tie_frame select u.id, 's' from unnest($1::text[]) as u(id)", [ids]);
    let tiesAtCut = 0;
    let naiveWrong = 0;
    for (const seed of SEEDS) {
      for (const take of [1, 7, 40, 300]) {
        const expected = sampleIds(ids, { seed, take, digits: Number.POSITIVE_INFINITY });
        const key = (t: string) => t.slice(2, 4);
        const kept = new Set(expected.map((p) => p.id));
        const cutKey = key(expected.at(-1)!.ticket);
        if (ids.some((id) => !kept.has(id) && key(ticket(seed, id)) === cutKey)) tiesAtCut++;
        const { rows } = await db.query(
          "select rank, id, ticket from jg_tie.draw($1, 'tie_frame'::regclass, $2::jsonb)",
          [seed, JSON.stringify({ s: take })],
        );
        expect(rows.map((r) => [r.rank, r.id, r.ticket])).toEqual(
          expected.map((p, i) => [i + 1, p.id, p.ticket]),
        );
        const naive = await db.query(
          "select id from jg_tie.draw_no_ties($1, 'tie_frame'::regclass, $2::jsonb)",
          [seed, JSON.stringify({ s: take })],
        );
        if (JSON.stringify(naive.rows.map((r) => r.id)) !== JSON.stringify(expected.map((p) => p.id)))
          naiveWrong++;
      }
    }
    // 1200 ids over 100 keys: the n-th pick shares its key with an id left out in (nearly) every case.
    expect(tiesAtCut).toBeGreaterThan(SEEDS.length * 2);
    expect(naiveWrong).toBeGreaterThan(0);
  });

  it('rejects a negative size', async () => {
    await expect(drawFrameInDatabase(db, 's', 'frame', { B: -1 })).rejects.toBeInstanceOf(PostgresError);
  });

  it('drawInDatabase returns the very record drawTask makes, and verifyDraw accepts it', async () => {
    const ids = IDS.filter((id) => id !== '' && !/[\r\n]/.test(id)).slice(0, 1500);
    const grades = ['A', 'B', 'C', 'D'];
    const entities: DirectoryEntity[] = ids.map((id, i) => ({
      id,
      grade: grades[i % 4]!,
      ...(i % 17 === 0 ? { status: 'deregistered' } : {}),
    }));
    await db.query('create table directory (id text primary key, grade text, status text)');
    await db.query('insert into directory select * from unnest($1::text[], $2::text[], $3::text[])', [
      entities.map((e) => e.id),
      entities.map((e) => e.grade),
      entities.map((e) => e.status ?? null),
    ]);
    const task: SpotCheckTask = {
      id: 'PG-1',
      department: 'SAMR-330102',
      items: ['SC-001'],
      asOf: '2026-04-01',
      strata: [
        { key: 'A', where: { grade: ['A'] }, ratio: 0.05 },
        { key: 'B', where: { grade: ['B'] }, count: 20 },
        { key: 'D', where: { grade: ['D'] }, keySupervision: true },
      ],
    };
    const seed = '20237331128159211123';
    const expected = drawTask(task, entities, { seed, createdAt: '2026-04-02T09:00:00+08:00' });
    const record = await drawInDatabase(db, {
      task,
      directory: 'directory',
      seed,
      commitment: expected.commitment,
      createdAt: '2026-04-02T09:00:00+08:00',
      pageSize: 400,
    });
    expect(record).toEqual(expected);
    expect(record.recordDigest).toBe(expected.recordDigest);
    expect(verifyDraw(record, entities).ok).toBe(true);
    expect(await saveDrawRecord(db, record)).toBe(true);
    expect(await saveDrawRecord(db, record)).toBe(false);
    const tampered = { ...expected.commitment, commitmentDigest: '0'.repeat(64) };
    await expect(
      drawInDatabase(db, { task, directory: 'directory', seed, commitment: tampered }),
    ).rejects.toMatchObject({ name: 'PostgresError', code: 'commitment_mismatch' });
  });
});

describe('the pgcrypto variant (engines without sha256())', () => {
  it.skipIf(postgresBackend.missing !== '')('gives the same tickets and picks through digest()', async () => {
    const { db, close } = await postgresBackend.open();
    try {
      await db.query('create extension if not exists pgcrypto');
      await migrate(db, { digest: 'pgcrypto' });
      const def = await db.query(
        "select pg_get_functiondef('jianguan.ticket_hex(text,text)'::regprocedure) as d",
      );
      const body = String(def.rows[0]!.d);
      expect(body).toContain("digest(convert_to(seed_hex, 'UTF8') || convert_to(id, 'UTF8'), 'sha256')");
      expect(body).not.toContain('sha256(');
      const ids = IDS.slice(0, 800);
      const seed = SEEDS[3]!;
      const { rows } = await db.query(
        'select u.id, jianguan.ticket($1, u.id) as t from unnest($2::text[]) as u(id)',
        [seed, ids],
      );
      expect(rows.filter((r) => r.t !== ticket(seed, String(r.id)))).toEqual([]);
      await db.query('create table frame (id text primary key, stratum text not null)');
      await db.query("insert into frame select u.id, 'all' from unnest($1::text[]) as u(id)", [ids]);
      const picks = await drawFrameInDatabase(db, seed, 'frame', { all: 25 });
      expect(picks.map((p) => p.id)).toEqual(sampleIds(ids, { seed, take: 25 }).map((p) => p.id));
    } finally {
      await close();
    }
  });
});
