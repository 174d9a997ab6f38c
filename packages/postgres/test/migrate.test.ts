import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../src/index.js';
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
  });
}

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
