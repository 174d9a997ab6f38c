import type { TaskBook, TaskEventInput } from '@jianguan/tasks';
import { openTaskBook, verifyLog } from '@jianguan/tasks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeTaskStoreContract } from '../../tasks/test/store-contract.js';
import { createPostgresTaskStore, migrate, PostgresError, type SqlClient } from '../src/index.js';
import { BACKENDS, describeOnMigratedBackends } from './support/backends.js';

// The tasks package's own store contract, on each backend (one database per backend, one book per test).
for (const backend of BACKENDS) {
  if (backend.missing) continue;
  let opened: { db: SqlClient; close(): Promise<void> } | undefined;
  let books = 0;
  beforeAll(async () => {
    opened = await backend.open();
    await migrate(opened.db);
  }, 120_000);
  afterAll(async () => opened?.close());
  describeTaskStoreContract(`postgres store on ${backend.name}`, async () => {
    const book = `contract-${books++}`;
    return { open: () => createPostgresTaskStore(opened!.db, { book }) };
  });
}

const create = (taskId: string): TaskEventInput => ({
  taskId,
  action: 'create',
  at: '2025-09-30',
  actor: { id: 'p' },
  task: { lifecycle: 'risk_clue', department: 'scjg' },
});

describeOnMigratedBackends('task event log', (db) => {
  it('four writers sealed on the same head: exactly one append commits, the others conflict', async () => {
    const books = await Promise.all(
      [0, 1, 2, 3].map(() => openTaskBook({ store: createPostgresTaskStore(db, { book: 'same-head' }) })),
    );
    const results = await Promise.allSettled(books.map((b, w) => b.apply(create(`T${w}`))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(3);
    for (const r of rejected) {
      expect(r.reason).toBeInstanceOf(PostgresError);
      expect(r.reason).toMatchObject({ code: 'task_log_conflict' });
    }
    const log = await createPostgresTaskStore(db, { book: 'same-head' }).load();
    expect(log).toHaveLength(1);
    expect(verifyLog(log).ok).toBe(true);
  });

  it('four concurrent writers that reopen on conflict: every event lands once, the chain verifies', async () => {
    const perWriter = 12;
    let conflicts = 0;
    const writer = async (w: number): Promise<void> => {
      let book: TaskBook = await openTaskBook({ store: createPostgresTaskStore(db, { book: 'race' }) });
      for (let i = 0; i < perWriter; ) {
        const input =
          i % 3 === 2
            ? { taskId: `W${w}-${i - 1}`, action: 'claim', at: '2025-10-09', actor: { id: `u${w}` } }
            : create(`W${w}-${i}`);
        try {
          await book.apply(input);
          i++;
        } catch (error) {
          if (!(error instanceof PostgresError) || error.code !== 'task_log_conflict') throw error;
          conflicts++;
          await book.close();
          book = await openTaskBook({ store: createPostgresTaskStore(db, { book: 'race' }) });
        }
      }
      await book.close();
    };
    await Promise.all([0, 1, 2, 3].map(writer));
    const book = await openTaskBook({ store: createPostgresTaskStore(db, { book: 'race' }) });
    expect(book.size).toBe(4 * perWriter);
    expect(verifyLog(book.events())).toMatchObject({ ok: true, count: 4 * perWriter });
    for (let w = 0; w < 4; w++) {
      const mine = book.events().filter((e) => e.taskId.startsWith(`W${w}-`));
      expect(mine).toHaveLength(perWriter);
      expect(book.task(`W${w}-1`)?.state).toBe('claimed');
    }
    console.log(`${4 * perWriter} events from 4 writers, ${conflicts} conflicts retried`);
    await book.close();
  });

  it('is append-only and refuses a row that does not chain', async () => {
    const store = createPostgresTaskStore(db, { book: 'guarded' });
    const book = await openTaskBook({ store });
    await book.apply(create('G1'));
    await book.apply({ taskId: 'G1', action: 'claim', at: '2025-10-09', actor: { id: 'u' } });
    await expect(
      db.query("update jianguan.task_events set action = 'x' where book = 'guarded'"),
    ).rejects.toThrow(/append-only/);
    await expect(db.query("delete from jianguan.task_events where book = 'guarded'")).rejects.toThrow(
      /append-only/,
    );
    const [first] = book.events();
    await expect(
      db.query(
        `insert into jianguan.task_events (book, seq, prev, hash, task_id, action, at, event)
         values ('guarded', 3, $1, $2, 'G1', 'x', '2025-10-10', '{}')`,
        [first!.hash, 'f'.repeat(64)],
      ),
    ).rejects.toThrow(/does not chain/);
    expect(await store.load()).toEqual(book.events());
  });
});
