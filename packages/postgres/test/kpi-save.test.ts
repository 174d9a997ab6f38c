// saveKpiFacts and saveKpiFeeds are all or nothing: a statement failing after earlier 10 000-row chunks leaves the
// tables as they were, and inside the caller's transaction the caller's COMMIT or ROLLBACK decides.
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { BehaviourFact, CatalogItemFact, ClueFact, PublicationFact } from '@jianguan/kpi';
import fc from 'fast-check';
import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type KpiFeeds,
  kpiFactsInDatabase,
  PostgresError,
  type SqlClient,
  saveKpiFacts,
  saveKpiFeeds,
  withTransaction,
} from '../src/index.js';
import { describeOnMigratedBackends } from './support/backends.js';

const TABLES = [
  'jianguan.kpi_behaviours',
  'jianguan.kpi_clues',
  'jianguan.kpi_double_notifications',
  'jianguan.kpi_publications',
  'jianguan.kpi_catalog_items',
] as const;

const pad = (i: number) => String(i).padStart(6, '0');
const fact = (i: number, over: Partial<Record<keyof BehaviourFact, unknown>> = {}): BehaviourFact =>
  ({
    recordId: `R${pad(i)}`,
    itemCode: `SX-${i % 7}`,
    department: 'scjg',
    actDate: '2025-10-09',
    reportedDate: '2025-10-10',
    ...(i % 3 === 0 ? { rejectedDate: '2025-10-11', fixedDate: '2025-10-20' } : {}),
    ...over,
  }) as BehaviourFact;
const facts = (n: number) => Array.from({ length: n }, (_, i) => fact(i));
const clues = (n: number): ClueFact[] =>
  Array.from({ length: n }, (_, i) => ({
    clueId: `XS-${pad(i)}`,
    department: 'scjg',
    receivedDate: '2025-10-09',
  }));
const publications = (n: number): PublicationFact[] =>
  Array.from({ length: n }, (_, i) => ({
    publicationId: `GS-${pad(i)}`,
    department: 'scjg',
    channel: 'work_news',
    date: '2025-10-09',
  }));
const catalogItems = (n: number): CatalogItemFact[] =>
  Array.from({ length: n }, (_, i) => ({
    department: 'scjg',
    itemCode: `SX-${pad(i)}`,
    claimed: i % 2 === 0,
  }));

/** Every row of the five KPI tables, in key order (the whole content, compared before and after a failed save). */
async function snapshot(db: SqlClient): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const table of TABLES) {
    const { rows } = await db.query(
      `select to_jsonb(t)::text as row from ${table} t order by to_jsonb(t)::text collate "C"`,
    );
    out[table] = rows.map((r) => r.row);
  }
  return out;
}
async function count(db: SqlClient, table: (typeof TABLES)[number]): Promise<number> {
  return Number((await db.query(`select count(*)::int as n from ${table}`)).rows[0]?.n);
}

/** What was there before each failing save: rows the failing save would have updated, and rows it does not touch. */
async function seed(db: SqlClient): Promise<void> {
  await saveKpiFacts(db, [fact(0, { department: 'before' }), fact(500_000)]);
  await saveKpiFeeds(db, {
    clues: [{ clueId: `XS-${pad(0)}`, department: 'before', receivedDate: '2025-01-02' }],
    publications: [
      { publicationId: 'GS-keep', department: 'before', channel: 'exposure', date: '2025-01-02' },
    ],
    catalogItems: [{ department: 'scjg', itemCode: `SX-${pad(0)}`, claimed: false }],
  });
}

/** A driver error as it came (the saves do not wrap them): SQLSTATE `code`, not a PostgresError. */
async function driverError(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  expect(error).not.toBeInstanceOf(PostgresError);
  expect(error).toMatchObject({ code, severity: 'ERROR' });
}

const asPool = (db: SqlClient) => db as unknown as pg.Pool;
const asPglite = (db: SqlClient) => db as unknown as PGlite;

describeOnMigratedBackends('KPI saves, all or nothing', (db, backend) => {
  const server = backend.name === 'postgres';
  /** Every client a pool lent is back (the saves release theirs, also on failure). */
  const released = () => {
    if (server) {
      expect(asPool(db).waitingCount).toBe(0);
      expect(asPool(db).idleCount).toBe(asPool(db).totalCount);
    }
  };

  beforeEach(async () => {
    await db.query(`truncate ${TABLES.join(', ')}`);
  });

  it.each([
    ['a date out of range', { actDate: '2025-02-30' }, '22008'],
    ['a null record id (not-null constraint)', { recordId: null }, '23502'],
  ] as const)(
    'saveKpiFacts of 25 000 rows whose last chunk fails on %s stores nothing',
    async (_, bad, code) => {
      await seed(db);
      const before = await snapshot(db);
      const rows = facts(25_000);
      rows[0] = fact(0, { department: 'after' }); // the first chunk would update a stored row
      rows[24_999] = fact(24_999, bad); // the third and last chunk fails
      await driverError(saveKpiFacts(db, rows), code);
      expect(await snapshot(db)).toEqual(before);
      expect(await count(db, 'jianguan.kpi_behaviours')).toBe(2);
      released();
      // the handle is usable again, and the same rows without the bad one are saved
      expect(await saveKpiFacts(db, rows.slice(0, 24_999))).toBe(24_999);
      expect(await count(db, 'jianguan.kpi_behaviours')).toBe(25_000);
      released();
    },
  );

  it.each([
    [
      'a null claimed flag in the last chunk of catalog items (not-null constraint)',
      (f: { catalogItems: CatalogItemFact[] }) => {
        f.catalogItems[10_000] = { department: 'scjg', itemCode: 'SX-bad', claimed: null } as never;
      },
      '23502',
    ],
    [
      'an unknown channel in the last chunk of publications (check constraint)',
      (f: { publications: PublicationFact[] }) => {
        f.publications[10_000] = {
          ...publications(1)[0]!,
          publicationId: 'GS-bad',
          channel: 'wechat',
        } as never;
      },
      '23514',
    ],
  ] as const)(
    'saveKpiFeeds whose last chunk fails on %s stores none of the four lists',
    async (_, spoil, code) => {
      await seed(db);
      const before = await snapshot(db);
      const feeds = {
        clues: clues(12_000).map((c, i) => (i === 0 ? { ...c, department: 'after' } : c)),
        doubleNotifications: [{ noticeId: 'SGZ-1', department: 'scjg', pushedDate: '2025-10-09' }],
        publications: publications(10_001),
        catalogItems: catalogItems(10_001),
      };
      spoil(feeds);
      await driverError(saveKpiFeeds(db, feeds), code);
      expect(await snapshot(db)).toEqual(before);
      released();
    },
  );

  it('a bad row anywhere after the first chunk leaves the tables as they were (fast-check)', async () => {
    await seed(db);
    const before = await snapshot(db);
    await fc.assert(
      fc.asyncProperty(
        // n rows (2 to 4 chunks) and the index of the bad one, in any chunk but the first
        fc
          .integer({ min: 10_001, max: 32_000 })
          .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 10_000, max: n - 1 }))),
        fc.constantFrom({ reportedDate: 'not a date' }, { department: null }, { itemCode: undefined }),
        async ([n, at], bad) => {
          const rows = facts(n);
          rows[at] = fact(at, bad);
          await expect(saveKpiFacts(db, rows)).rejects.toMatchObject({ severity: 'ERROR' });
          expect(await snapshot(db)).toEqual(before);
        },
      ),
      { numRuns: 6, seed: 20251009, endOnFailure: true },
    );
    released();
  });

  it('inside the caller’s transaction: nothing remains after its rollback, everything after its commit', async () => {
    await seed(db);
    const before = await snapshot(db);
    const rows = facts(12_000);
    const feeds: KpiFeeds = { clues: clues(10_001), catalogItems: catalogItems(3) };
    const rollback = new Error('the caller rolls back');
    await expect(
      withTransaction(db, async (tx) => {
        expect(await saveKpiFacts(tx, rows)).toBe(12_000);
        expect(await saveKpiFeeds(tx, feeds)).toMatchObject({ clues: 10_001, catalogItems: 3 });
        expect(await count(tx, 'jianguan.kpi_behaviours')).toBe(12_001); // R000000 was updated, R500000 stays
        // not committed: another connection sees the table as before
        if (server) expect(await count(db, 'jianguan.kpi_behaviours')).toBe(2);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await snapshot(db)).toEqual(before);
    released();

    await withTransaction(db, async (tx) => {
      await saveKpiFacts(tx, rows);
      await saveKpiFeeds(tx, feeds);
      if (server) expect(await count(db, 'jianguan.kpi_behaviours')).toBe(2);
    });
    expect(await kpiFactsInDatabase(db)).toEqual([...rows, fact(500_000)]);
    expect(await count(db, 'jianguan.kpi_clues')).toBe(10_001);
    expect(await count(db, 'jianguan.kpi_catalog_items')).toBe(3);
    released();
  });

  it('a save failing inside the caller’s transaction leaves it to the caller, and nothing is stored', async () => {
    await seed(db);
    const before = await snapshot(db);
    const rows = facts(15_000);
    rows[14_999] = fact(14_999, { fixedDate: '2025-13-01' });
    await driverError(
      withTransaction(db, async (tx) => {
        await saveKpiFeeds(tx, { clues: clues(100) });
        await saveKpiFacts(tx, rows);
      }),
      '22008',
    );
    expect(await snapshot(db)).toEqual(before);
    released();
  });

  it.runIf(server)(
    'a pg client: its own transaction between the caller’s, the caller’s after BEGIN',
    async () => {
      await seed(db);
      const before = await snapshot(db);
      const other = await asPool(db).connect();
      try {
        // between transactions: the save commits by itself, or rolls back by itself
        const bad = facts(20_001);
        bad[20_000] = fact(20_000, { actDate: 'never' });
        await driverError(saveKpiFacts(other, bad), '22007');
        expect(other.getTransactionStatus()).toBe('I');
        expect(await snapshot(db)).toEqual(before);
        expect(await saveKpiFacts(other, facts(20_000))).toBe(20_000);
        expect(other.getTransactionStatus()).toBe('I');
        expect(await count(db, 'jianguan.kpi_behaviours')).toBe(20_001);

        // after the caller's BEGIN: no COMMIT of its own, the caller's ROLLBACK undoes it
        await db.query('truncate jianguan.kpi_behaviours');
        await other.query('begin');
        expect(await saveKpiFacts(other, facts(11_000))).toBe(11_000);
        expect(await saveKpiFeeds(other, { clues: clues(5) })).toMatchObject({ clues: 5 });
        expect(other.getTransactionStatus()).toBe('T');
        expect(await count(db, 'jianguan.kpi_behaviours')).toBe(0);
        await other.query('rollback');
        expect(await count(db, 'jianguan.kpi_behaviours')).toBe(0);
        expect(await count(db, 'jianguan.kpi_clues')).toBe(1);

        // … and the caller's COMMIT keeps it
        await other.query('begin');
        await saveKpiFacts(other, facts(11_000));
        await other.query('commit');
        expect(await count(db, 'jianguan.kpi_behaviours')).toBe(11_000);

        // a failed save leaves the caller's transaction aborted, for the caller to roll back
        await other.query('begin');
        await driverError(saveKpiFacts(other, bad), '22007');
        await expect(other.query('select 1')).rejects.toMatchObject({ code: '25P02' }); // aborted
        await other.query('rollback');
        expect(await count(db, 'jianguan.kpi_behaviours')).toBe(11_000);

        // right after the caller's COMMIT failed, pg may still report its transaction ('T'): the save must not
        // take that for the caller's transaction, or it would write chunk by chunk with no transaction at all
        await db.query(
          'create table if not exists jg_deferred (id integer, constraint jg_deferred_id unique (id) deferrable initially deferred)',
        );
        await other.query('begin');
        await other.query('insert into jg_deferred values (1), (1)');
        await driverError(other.query('commit'), '23505');
        await driverError(saveKpiFacts(other, bad), '22007');
        expect(other.getTransactionStatus()).toBe('I');
        expect(await count(db, 'jianguan.kpi_behaviours')).toBe(11_000);
      } finally {
        other.release(true); // a failed assertion may leave it inside a transaction: never lend it again
      }
      released();
    },
  );

  it.runIf(!server)('a PGlite transaction: the save joins it, its rollback undoes the save', async () => {
    await seed(db);
    const before = await snapshot(db);
    await asPglite(db).transaction(async (tx: Transaction) => {
      expect(await saveKpiFacts(tx, facts(12_000))).toBe(12_000);
      expect(await saveKpiFeeds(tx, { clues: clues(10_001) })).toMatchObject({ clues: 10_001 });
      await tx.rollback();
    });
    expect(await snapshot(db)).toEqual(before);
    await asPglite(db).transaction(async (tx: Transaction) => {
      await saveKpiFacts(tx, facts(12_000));
    });
    expect(await count(db, 'jianguan.kpi_behaviours')).toBe(12_001);
  });

  it('saves of more than one chunk store every row and return the counts (success path)', async () => {
    await seed(db);
    const rows = facts(25_001);
    expect(await saveKpiFacts(db, rows)).toBe(25_001);
    expect(await kpiFactsInDatabase(db)).toEqual([...rows, fact(500_000)]);
    const changed = rows.map((r) => ({ ...r, department: 'zfj' }));
    expect(await saveKpiFacts(db, changed)).toBe(25_001); // upsert by record id
    expect(await kpiFactsInDatabase(db)).toEqual([...changed, fact(500_000)]);
    expect(
      await saveKpiFeeds(db, {
        clues: clues(10_001),
        doubleNotifications: [],
        publications: publications(20_001),
        catalogItems: catalogItems(10_000),
      }),
    ).toEqual({ clues: 10_001, doubleNotifications: 0, publications: 20_001, catalogItems: 10_000 });
    expect(await count(db, 'jianguan.kpi_clues')).toBe(10_001);
    expect(await count(db, 'jianguan.kpi_publications')).toBe(20_002);
    expect(await count(db, 'jianguan.kpi_catalog_items')).toBe(10_000);
    expect(await saveKpiFacts(db, [])).toBe(0);
    expect(await saveKpiFeeds(db, {})).toEqual({
      clues: 0,
      doubleNotifications: 0,
      publications: 0,
      catalogItems: 0,
    });
    released();
  });
});

describe('saveKpiFacts on a pool: one lent client, BEGIN … COMMIT, ROLLBACK on failure, always released', () => {
  /** A pool of one scripted client: the `failAt`-th insert rejects, `rollback` too when `rollbackFails`. */
  function scriptedPool(failAt: number, rollbackFails: boolean) {
    const log: string[] = [];
    const released: unknown[] = [];
    let inserts = 0;
    const lost = (what: string) => Object.assign(new Error('Connection terminated unexpectedly'), { what });
    const client = {
      async query(text: string) {
        const word = text.trim().split(/\s+/)[0]!;
        log.push(word);
        if (word === 'insert' && ++inserts === failAt) throw lost('insert');
        if (word === 'rollback' && rollbackFails) throw lost('rollback');
        return { rows: [] };
      },
      release(error?: unknown) {
        released.push(error);
      },
    };
    const pool = { totalCount: 1, connect: async () => client, query: client.query };
    return { pool: pool as SqlClient, log, released };
  }

  it('commits the chunks together', async () => {
    const { pool, log, released } = scriptedPool(0, false);
    expect(await saveKpiFacts(pool, facts(25_000))).toBe(25_000);
    expect(log).toEqual(['begin', 'insert', 'insert', 'insert', 'commit']);
    expect(released).toEqual([undefined]);
  });

  it('rolls back when the last chunk is lost, and returns the client', async () => {
    const { pool, log, released } = scriptedPool(3, false);
    await expect(saveKpiFacts(pool, facts(25_000))).rejects.toMatchObject({ what: 'insert' });
    expect(log).toEqual(['begin', 'insert', 'insert', 'insert', 'rollback']);
    expect(released).toEqual([undefined]);
  });

  it('throws the first error and has the pool discard the client when even ROLLBACK fails', async () => {
    const { pool, log, released } = scriptedPool(3, true);
    await expect(saveKpiFacts(pool, facts(25_000))).rejects.toMatchObject({ what: 'insert' });
    expect(log).toEqual(['begin', 'insert', 'insert', 'insert', 'rollback']);
    expect(released).toHaveLength(1);
    expect(released[0]).toMatchObject({ what: 'rollback' }); // pg's pool destroys a client released with an error
  });
});
