// reserveBatchSequence says `batch_sequence_exhausted` only when the day's numbers are used up (the check
// constraint, SQLSTATE 23514): a lost connection or an unmigrated database is reported as what it is.
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { migrate, reserveBatchSequence, type SqlClient } from '../src/index.js';

describe('reserveBatchSequence errors', () => {
  it('passes on a lost connection as it is', async () => {
    const lost = Object.assign(new Error('Connection terminated unexpectedly'), { what: 'lost' });
    const db = {
      async query(text: string) {
        if (text.trim().startsWith('insert')) throw lost;
        return { rows: [] };
      },
    } as SqlClient;
    await expect(reserveBatchSequence(db, { count: 1 })).rejects.toBe(lost);
  });

  it('passes on a missing table (migrate first) as it is, and reports a full day as exhausted', async () => {
    const db = new PGlite();
    try {
      await expect(reserveBatchSequence(db, { count: 1 })).rejects.toMatchObject({ code: '42P01' });
      await migrate(db);
      const now = () => Date.parse('2031-01-01T00:00:00Z');
      expect((await reserveBatchSequence(db, { count: 99_999, now })).last).toBe(99_999);
      await expect(reserveBatchSequence(db, { count: 1, now })).rejects.toMatchObject({
        code: 'batch_sequence_exhausted',
        cause: { code: '23514' },
      });
    } finally {
      await db.close();
    }
  });
});
