// withTransaction's options reach SQL text (`begin isolation level …`): anything but the three documented levels
// must be refused before a query runs — on a pg client the simple query protocol would run a second statement.
import { InvalidOptionsError } from '@jianguan/core';
import { describe, expect, it } from 'vitest';
import { PostgresError, type SqlClient, withTransaction } from '../src/index.js';

function scriptedClient() {
  const log: string[] = [];
  const db = {
    async query(text: string) {
      log.push(text);
      return { rows: [] };
    },
  };
  return { db: db as SqlClient, log };
}

describe('withTransaction checks its options before any query', () => {
  it.each([
    ['read committed; drop table jianguan.outbox', ['options', 'isolation']],
    ['bogus', ['options', 'isolation']],
    [null, ['options', 'isolation']],
    [42, ['options', 'isolation']],
  ])('refuses isolation %j', async (isolation, path) => {
    const { db, log } = scriptedClient();
    const run = withTransaction(db, async () => 1, { isolation: isolation as never });
    await expect(run).rejects.toBeInstanceOf(InvalidOptionsError);
    await expect(run).rejects.toMatchObject({ code: 'invalid_options', path });
    expect(log).toEqual([]);
  });

  it('refuses a non-boolean join, a non-object options and a non-function body', async () => {
    const { db, log } = scriptedClient();
    await expect(withTransaction(db, async () => 1, { join: 'yes' as never })).rejects.toMatchObject({
      code: 'invalid_options',
      path: ['options', 'join'],
    });
    await expect(withTransaction(db, async () => 1, null as never)).rejects.toBeInstanceOf(
      InvalidOptionsError,
    );
    await expect(withTransaction(db, 5 as never)).rejects.toBeInstanceOf(PostgresError);
    expect(log).toEqual([]);
  });

  it('still runs each documented level', async () => {
    for (const isolation of ['read committed', 'repeatable read', 'serializable'] as const) {
      const { db, log } = scriptedClient();
      expect(await withTransaction(db, async () => 7, { isolation })).toBe(7);
      expect(log).toEqual([`begin isolation level ${isolation}`, 'commit']);
    }
  });
});
