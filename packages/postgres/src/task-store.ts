import type { TaskEvent, TaskStore } from '@jianguan/tasks';
import { GENESIS_HASH, TasksError } from '@jianguan/tasks';
import { requireOptions } from './boundary.js';
import { checkClient, type SqlClient, withTransaction } from './db.js';
import { PostgresError } from './errors.js';

/**
 * DDL of the task event log (migration 5): append-only (update, delete and truncate raise), one hash chain per
 * `book`, `seq` contiguous from 1 (primary key `(book, seq)`), each `prev` the hash of the entry before it
 * (checked by a constraint trigger once the inserting statement is done), the event verbatim as `json`. @internal
 */
export const TASK_EVENTS_SQL = `
create table jianguan.task_events (
  book text not null,
  seq bigint not null check (seq >= 1),
  prev text not null check (prev ~ '^[0-9a-f]{64}$'),
  hash text not null check (hash ~ '^[0-9a-f]{64}$'),
  task_id text not null,
  action text not null,
  at text not null,
  event json not null,
  stored_at timestamptz not null default now(),
  primary key (book, seq),
  unique (book, hash)
);
create index task_events_task on jianguan.task_events (book, task_id, seq);

create function jianguan.task_events_append_only() returns trigger language plpgsql as $fn$
begin
  raise exception 'jianguan.task_events is append-only (% refused)', tg_op using errcode = '55000';
end
$fn$;
create trigger task_events_append_only before update or delete on jianguan.task_events
  for each row execute function jianguan.task_events_append_only();
create trigger task_events_no_truncate before truncate on jianguan.task_events
  for each statement execute function jianguan.task_events_append_only();

create function jianguan.task_events_chain() returns trigger language plpgsql as $fn$
begin
  if new.seq = 1 then
    if new.prev <> repeat('0', 64) then
      raise exception 'jianguan.task_events: the first event of book % must have the genesis prev', new.book
        using errcode = '23514';
    end if;
  elsif not exists (
    select 1 from jianguan.task_events p where p.book = new.book and p.seq = new.seq - 1 and p.hash = new.prev
  ) then
    raise exception 'jianguan.task_events: event % of book % does not chain to event %', new.seq, new.book, new.seq - 1
      using errcode = '23514';
  end if;
  return null;
end
$fn$;
create constraint trigger task_events_chain after insert on jianguan.task_events
  for each row execute function jianguan.task_events_chain();
`;

/**
 * Options of {@link createPostgresTaskStore}.
 *
 * @example
 * const o: PostgresTaskStoreOptions = { book: 'scjg-330102' };
 */
export interface PostgresTaskStoreOptions {
  /** Which log in `jianguan.task_events` (one hash chain per book). Default `'default'`. */
  readonly book?: string;
}

const CONFLICT_STATES = new Set(['23505', '23514']);

/**
 * A `@jianguan/tasks` store in PostgreSQL or PGlite (任务事件库): the log in `jianguan.task_events`
 * (install with `migrate`), one row per event, append-only, its hash chain checked by the database. Any number of
 * processes may open the same book: an append commits only on top of the head it was sealed on — the
 * primary key `(book, seq)` and the chain trigger reject a writer whose head is stale, with a
 * {@link PostgresError} `task_log_conflict` and nothing written; reopen the book (its `load` rereads the log)
 * and apply again. `close` does not close `db`.
 *
 * @example
 * const book = await openTaskBook({ store: createPostgresTaskStore(pool, { book: 'scjg' }) });
 * await book.apply({ taskId: 'c1', action: 'create', at: '2025-09-30', actor: { id: 'p' }, task: { lifecycle: 'risk_clue', department: 'scjg' } });
 */
export function createPostgresTaskStore(
  db: SqlClient,
  options: PostgresTaskStoreOptions = {},
): TaskStore & { readonly book: string } {
  checkClient(db);
  requireOptions(options);
  const book = options.book ?? 'default';
  let closed = false;
  let chain: Promise<void> = Promise.resolve();
  const closedError = () =>
    new TasksError('store_closed', { zh: '任务存储已关闭', en: 'the task store is closed' });

  return {
    book,
    async load() {
      if (closed) throw closedError();
      const { rows } = await db.query(
        'select event::text as e from jianguan.task_events where book = $1 order by seq',
        [book],
      );
      return rows.map((r) => JSON.parse(String(r.e)) as TaskEvent);
    },
    append(events) {
      if (closed) return Promise.reject(closedError());
      if (events.length === 0) return Promise.resolve();
      const run = chain.then(async () => {
        try {
          await withTransaction(db, async (tx) => {
            await tx.query(
              `insert into jianguan.task_events (book, seq, prev, hash, task_id, action, at, event)
               select $1, u.seq, u.prev, u.hash, u.task_id, u.action, u.at, u.event::json
                 from unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
                   with ordinality as u(seq, prev, hash, task_id, action, at, event, i)
                order by u.i`,
              [
                book,
                events.map((e) => e.seq),
                events.map((e) => e.prev),
                events.map((e) => e.hash),
                events.map((e) => e.taskId),
                events.map((e) => e.action),
                events.map((e) => e.at),
                events.map((e) => JSON.stringify(e)),
              ],
            );
          });
        } catch (error) {
          const state = (error as { code?: unknown }).code;
          if (typeof state === 'string' && CONFLICT_STATES.has(state)) {
            throw new PostgresError(
              'task_log_conflict',
              {
                zh: `任务日志 ${book} 已被其他写入者推进，请重新打开后再写入`,
                en: `task log ${book} was advanced by another writer: reopen it and apply again`,
              },
              {
                details: {
                  book,
                  seq: events[0]?.seq,
                  prev: events[0]?.prev ?? GENESIS_HASH,
                  sqlState: state,
                },
                cause: error,
              },
            );
          }
          throw error;
        }
      });
      chain = run.catch(() => undefined);
      return run;
    },
    async close() {
      closed = true;
      await chain;
    },
  };
}
