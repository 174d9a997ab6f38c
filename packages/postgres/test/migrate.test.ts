import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/hash.js';
import { MIGRATIONS, migrate, migrationStatus, PostgresError } from '../src/index.js';
import { drawFunctionsSql } from '../src/sql-draw.js';
import { BACKENDS } from './support/backends.js';

for (const backend of BACKENDS) {
  describe(`migrate on ${backend.name}`, () => {
    if (backend.missing) {
      it.skip(`skipped: ${backend.missing}`, () => undefined);
      return;
    }
    it('installs the versioned schema once, then is a no-op', async () => {
      const { db, close } = await backend.open();
      try {
        const first = await migrate(db);
        expect(first.applied).toEqual(MIGRATIONS.map((m) => m.version));
        const second = await migrate(db);
        expect(second.applied).toEqual([]);
        expect(second.topicsDigest).toBe(first.topicsDigest);
        const { rows } = await db.query('select version from jianguan.schema_migrations order by version');
        expect(rows.map((r) => r.version)).toEqual([
          '1',
          '2',
          '3',
          '4',
          '5',
          '6',
          '7',
          '8',
          '9',
          `topics:${first.topicsDigest}`,
        ]);
        const tables = await db.query(
          "select table_name from information_schema.tables where table_schema = 'jianguan' order by 1",
        );
        expect(tables.rows.map((r) => r.table_name)).toEqual(
          expect.arrayContaining([
            'outbox',
            'batch_sequences',
            'draw_records',
            'task_events',
            'kpi_behaviours',
            'kpi_clues',
            'kpi_double_notifications',
            'kpi_publications',
            'cd_harvest_cursor',
            'behaviour_records',
            'regulated_entities',
          ]),
        );
      } finally {
        await close();
      }
    });

    it('records each version’s checksum and refuses a version applied from other text', async () => {
      const { db, close } = await backend.open();
      try {
        await migrate(db);
        const { rows } = await db.query(
          "select version, checksum from jianguan.schema_migrations where version not like 'topics:%'",
        );
        expect(Object.fromEntries(rows.map((r) => [r.version, r.checksum]))).toEqual(
          Object.fromEntries(MIGRATIONS.map((m) => [String(m.version), sha256Hex(m.sql)])),
        );
        // A database from before checksums were recorded: the column is filled, nothing re-applied.
        await db.query("update jianguan.schema_migrations set checksum = null where version = '3'");
        expect((await migrate(db)).applied).toEqual([]);
        const three = await db.query("select checksum from jianguan.schema_migrations where version = '3'");
        expect(three.rows[0]?.checksum).toBe(sha256Hex(MIGRATIONS[2]!.sql));
        // Version 4 installed from edited text.
        await db.query("update jianguan.schema_migrations set checksum = 'edited' where version = '4'");
        expect(await migrationStatus(db)).toMatchObject({ changed: [4], pending: [], upToDate: false });
        const run = migrate(db);
        await expect(run).rejects.toBeInstanceOf(PostgresError);
        await expect(run).rejects.toMatchObject({ code: 'migration_changed', path: ['migrations', '4'] });
        // Version 2 applied in its pgcrypto variant is the same migration.
        await db.query("update jianguan.schema_migrations set checksum = null where version = '4'");
        await db.query("update jianguan.schema_migrations set checksum = $1 where version = '2'", [
          sha256Hex(drawFunctionsSql('pgcrypto')),
        ]);
        expect((await migrate(db)).applied).toEqual([]);
        expect(await migrationStatus(db)).toMatchObject({ changed: [], upToDate: true });
      } finally {
        await close();
      }
    });
  });
}

/** First 16 hex digits of each migration's SHA-256 (1–8 as released in c0801f8). */
const FROZEN = {
  1: '5f1018e8aff37380',
  2: 'c40940a93fc1b39e',
  3: '148019aade990196',
  4: '652147ea0072cf32',
  5: 'a287eee688616fa0',
  6: '42d0d79eb494687d',
  7: '7724c0b8c5bbef6b',
  8: '495656569b3a33e7',
  9: '43edb47e125aee50',
};

describe('applied migrations are fixed text', () => {
  it('no released migration changed (add a new version instead of editing one)', () => {
    expect(Object.fromEntries(MIGRATIONS.map((m) => [m.version, sha256Hex(m.sql).slice(0, 16)]))).toEqual(
      FROZEN,
    );
  });
});

describe('concurrent migrators (advisory lock)', () => {
  const backend = BACKENDS[0]!;
  it.skipIf(backend.missing !== '')('four migrators at once apply each version exactly once', async () => {
    const { db, close } = await backend.open();
    try {
      const results = await Promise.all([1, 2, 3, 4].map(() => migrate(db)));
      const applied = results.flatMap((r) => r.applied).sort();
      expect(applied).toEqual(MIGRATIONS.map((m) => m.version).sort());
    } finally {
      await close();
    }
  });
});
