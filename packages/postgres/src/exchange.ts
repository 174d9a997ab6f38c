import { chinaToday, describeValue } from '@jianguan/core';
import type {
  BatchResult,
  ItemResult,
  PreparedItem,
  ProvincialClient,
  UploadKind,
} from '@jianguan/provincial-client';
import { formatBatchNo, UPLOAD_KINDS } from '@jianguan/provincial-client';
import { requireOptions } from './boundary.js';
import { checkClient, type SqlClient, withTransaction } from './db.js';
import { PostgresError } from './errors.js';
import { columnName } from './schema.js';

/**
 * The exchange table (前置库交换表) of an upload kind, e.g. `jianguan.exchange_behaviours`.
 *
 * @example
 * exchangeTable('catalogItems'); // 'jianguan.exchange_catalog_items'
 */
export function exchangeTable(kind: UploadKind): string {
  if (typeof kind !== 'string' || !Object.hasOwn(UPLOAD_KINDS, kind)) {
    throw new PostgresError(
      'unknown_kind',
      { zh: `未知的上报类型 ${describeValue(kind)}`, en: `unknown upload kind ${describeValue(kind)}` },
      { path: ['kind'], details: { kind: describeValue(kind) } },
    );
  }
  return `jianguan.exchange_${columnName(kind)}`;
}

/** DDL of the 前置库 tables: one exchange table per upload kind with the national `cd_*` columns, and feedback. @internal */
export function exchangeTablesSql(): string {
  const tables = (Object.keys(UPLOAD_KINDS) as UploadKind[]).map(
    (kind) => `create table ${exchangeTable(kind)} (
  cd_id text primary key,
  cd_time timestamptz not null,
  cd_source text not null,
  cd_batch text not null check (cd_batch ~ '^[0-9]{13}$'),
  cd_operation text not null check (cd_operation in ('i', 'u', 'd')),
  record_unique_identity text not null,
  record jsonb
);
create index on ${exchangeTable(kind)} (cd_batch);`,
  );
  return `${tables.join('\n')}
create table jianguan.exchange_feedback (
  kind text not null,
  cd_batch text not null,
  cd_id text not null,
  issues jsonb not null,
  checked_at timestamptz not null default now(),
  primary key (kind, cd_batch, cd_id)
);`;
}

/**
 * A 前置库 transport (前置库交换): a provincial client whose `sendBatch` writes the batch into the exchange table of
 * its kind instead of calling the HTTP interface — in one transaction that also takes the batch number (`cd_batch`)
 * from the durable per-day row of `jianguan.batch_sequences`. Rows are upserted by `cd_id` (the record id) with
 * `cd_operation` i/u/d; a write whose idempotency key is already the row's is answered `duplicate`. Hand it to
 * `createOutbox` or {@link drainOutbox} like the HTTP client: the outbox semantics are the same. The province
 * harvests with {@link harvestExchange} and answers with {@link writeExchangeFeedback}.
 *
 * @example
 * const transport = createExchangeTransport(exchangeDb, client);
 * await drainOutbox(pool, { client: transport });
 */
export function createExchangeTransport(
  db: SqlClient,
  client: ProvincialClient,
  options: { readonly now?: () => number } = {},
): ProvincialClient {
  checkClient(db);
  requireOptions(options);
  const now = options.now ?? Date.now;
  const source = client.options.source;
  const sendBatch: ProvincialClient['sendBatch'] = async (kind, items) => {
    const table = exchangeTable(kind);
    return withTransaction(db, async (tx): Promise<BatchResult> => {
      const day = chinaToday(new Date(now()));
      const seq = await tx.query(
        `insert into jianguan.batch_sequences (day, last) values ($1::date, 1)
         on conflict (day) do update set last = jianguan.batch_sequences.last + 1 returning last`,
        [day],
      );
      const batchNo = formatBatchNo(day, Number(seq.rows[0]?.last));
      const stored = new Set<string>();
      // A record id may appear twice in a batch: write in rounds of distinct ids, later items last.
      let rest: readonly PreparedItem[] = items;
      while (rest.length > 0) {
        const seen = new Set<string>();
        const round: PreparedItem[] = [];
        const later: PreparedItem[] = [];
        for (const item of rest) {
          if (seen.has(item.recordId)) later.push(item);
          else {
            seen.add(item.recordId);
            round.push(item);
          }
        }
        const { rows } = await tx.query(
          `insert into ${table} as t (cd_id, cd_time, cd_source, cd_batch, cd_operation, record_unique_identity, record)
           select x.cd_id, clock_timestamp(), $2, $3, x.cd_operation, x.key, x.record
           from jsonb_to_recordset($1::jsonb) as x(cd_id text, cd_operation text, key text, record jsonb)
           on conflict (cd_id) do update
             set cd_time = excluded.cd_time, cd_source = excluded.cd_source, cd_batch = excluded.cd_batch,
                 cd_operation = excluded.cd_operation, record_unique_identity = excluded.record_unique_identity,
                 record = coalesce(excluded.record, t.record)
             where t.record_unique_identity <> excluded.record_unique_identity
           returning record_unique_identity`,
          [
            JSON.stringify(
              round.map((i) => ({
                cd_id: i.recordId,
                cd_operation: i.operation.toLowerCase(),
                key: i.idempotencyKey,
                record: i.record ?? null,
              })),
            ),
            source,
            batchNo,
          ],
        );
        for (const r of rows) stored.add(String(r.record_unique_identity));
        rest = later;
      }
      const results: ItemResult[] = items.map((i) => ({
        recordId: i.recordId,
        idempotencyKey: i.idempotencyKey,
        status: stored.has(i.idempotencyKey) ? 'stored' : 'duplicate',
      }));
      const accepted = results.filter((r) => r.status === 'stored').length;
      return { batchNo, accepted, duplicates: results.length - accepted, rejected: 0, results };
    });
  };
  return { ...client, sendBatch };
}

/**
 * One harvested exchange row (前置库数据), as the province reads it.
 *
 * @example
 * const row: ExchangeRow = { cdId: 'r1', cdBatch: '2026120200001', cdOperation: 'i', cdSource: '330100-PG', cdTime: '2026-12-02T09:30:00.000000+08:00', recordUniqueIdentity: 'k', record: {} };
 */
export interface ExchangeRow {
  readonly cdId: string;
  /** The write's idempotency key (记录唯一标识, `record_unique_identity`): the same write harvested twice has the same one. */
  readonly recordUniqueIdentity: string;
  readonly cdBatch: string;
  readonly cdOperation: 'i' | 'u' | 'd';
  readonly cdSource: string;
  /**
   * When the row was written (插入时间), in Beijing time with its offset, e.g. `2026-12-02T23:30:00.123456+08:00` —
   * the same text whatever the session's `TimeZone` or `DateStyle`.
   */
  readonly cdTime: string;
  readonly record: Readonly<Record<string, unknown>> | null;
}

/**
 * The province's side (省级归集): reads the exchange rows of `kind` whose batch is after `afterBatch` (all when
 * absent), in batch then id order.
 *
 * @example
 * const rows = await harvestExchange(db, 'behaviours', { afterBatch: lastHarvested });
 */
export async function harvestExchange(
  db: SqlClient,
  kind: UploadKind,
  options: { readonly afterBatch?: string } = {},
): Promise<ExchangeRow[]> {
  checkClient(db);
  requireOptions(options);
  const { rows } = await db.query(
    `select cd_id, cd_batch, cd_operation, cd_source,
            to_char(cd_time at time zone 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS.US"+08:00"') as cd_time,
            record_unique_identity, record from ${exchangeTable(kind)}
     where cd_batch > $1 order by cd_batch, cd_id collate "C"`,
    [options.afterBatch ?? ''],
  );
  return rows.map((r) => ({
    cdId: String(r.cd_id),
    cdBatch: String(r.cd_batch),
    cdOperation: r.cd_operation as ExchangeRow['cdOperation'],
    cdSource: String(r.cd_source),
    cdTime: String(r.cd_time),
    recordUniqueIdentity: String(r.record_unique_identity),
    record: (r.record as Record<string, unknown> | null) ?? null,
  }));
}

/**
 * Quality feedback on one exchange row (质检反馈).
 *
 * @example
 * const f: ExchangeFeedback = { kind: 'behaviours', cdBatch: '2026120200001', cdId: 'r1', issues: [{ rule: 'required' }] };
 */
export interface ExchangeFeedback {
  readonly kind: UploadKind;
  readonly cdBatch: string;
  readonly cdId: string;
  readonly issues: readonly unknown[];
}

/**
 * The province writes its quality feedback on harvested rows (回写质检结果); writing the same row's feedback again
 * replaces it.
 *
 * @example
 * await writeExchangeFeedback(db, [{ kind: 'behaviours', cdBatch, cdId: 'r1', issues }]);
 */
export async function writeExchangeFeedback(
  db: SqlClient,
  feedback: readonly ExchangeFeedback[],
): Promise<void> {
  checkClient(db);
  if (feedback.length === 0) return;
  await db.query(
    `insert into jianguan.exchange_feedback (kind, cd_batch, cd_id, issues)
     select x.kind, x.cd_batch, x.cd_id, x.issues from jsonb_to_recordset($1::jsonb) as x(kind text, cd_batch text, cd_id text, issues jsonb)
     on conflict (kind, cd_batch, cd_id) do update set issues = excluded.issues, checked_at = now()`,
    [
      JSON.stringify(
        feedback.map((f) => ({ kind: f.kind, cd_batch: f.cdBatch, cd_id: f.cdId, issues: f.issues })),
      ),
    ],
  );
}

/**
 * The department reads the province's feedback (读取质检反馈) on a batch, or on all batches when `batchNo` is absent.
 *
 * @example
 * for (const f of await readExchangeFeedback(db, '2026120200001')) console.log(f.cdId, f.issues);
 */
export async function readExchangeFeedback(db: SqlClient, batchNo?: string): Promise<ExchangeFeedback[]> {
  checkClient(db);
  const { rows } = await db.query(
    `select kind, cd_batch, cd_id, issues from jianguan.exchange_feedback
     where $1::text is null or cd_batch = $1 order by cd_batch, cd_id collate "C"`,
    [batchNo ?? null],
  );
  return rows.map((r) => ({
    kind: r.kind as UploadKind,
    cdBatch: String(r.cd_batch),
    cdId: String(r.cd_id),
    issues: r.issues as unknown[],
  }));
}

/**
 * DDL of the harvest cursor (migration 8): per harvester and kind, the last `cd_batch` the province harvested from
 * this 前置库, so a restarted harvester resumes where it stopped. @internal
 */
export const HARVEST_CURSOR_SQL = `
create table jianguan.cd_harvest_cursor (
  harvester text not null,
  kind text not null,
  last_batch text not null check (last_batch ~ '^[0-9]{13}$'),
  updated_at timestamptz not null default now(),
  primary key (harvester, kind)
);`;

function checkHarvester(harvester: unknown): asserts harvester is string {
  if (typeof harvester !== 'string' || harvester === '') {
    throw new PostgresError(
      'invalid_harvester',
      { zh: '归集程序名必须是非空字符串', en: 'the harvester name must be a non-empty string' },
      { path: ['harvester'], details: { value: harvester } },
    );
  }
}

/**
 * The harvest cursor stored in the exchange database (归集游标): per upload kind, the last `cd_batch` the
 * harvester named `harvester` has harvested ({@link advanceHarvestCursor} moves it).
 *
 * @example
 * import { PGlite } from '@electric-sql/pglite';
 * const db = new PGlite();
 * await migrate(db);
 * await advanceHarvestCursor(db, 'province', 'behaviours', '2026120200003');
 * await readHarvestCursor(db, 'province'); // { behaviours: '2026120200003' }
 * await db.close();
 */
export async function readHarvestCursor(
  db: SqlClient,
  harvester: string,
): Promise<Partial<Record<UploadKind, string>>> {
  checkClient(db);
  checkHarvester(harvester);
  const { rows } = await db.query(
    'select kind, last_batch from jianguan.cd_harvest_cursor where harvester = $1 order by kind collate "C"',
    [harvester],
  );
  return Object.fromEntries(rows.map((r) => [String(r.kind), String(r.last_batch)]));
}

/**
 * Moves the harvest cursor of `harvester` for `kind` to `lastBatch` (never backwards: a later batch already
 * stored stays). Run it in the transaction that writes the batch's feedback, so both commit or neither.
 *
 * @example
 * await withTransaction(db, async (tx) => {
 *   await writeExchangeFeedback(tx, feedback);
 *   await advanceHarvestCursor(tx, 'province', 'behaviours', lastBatch);
 * });
 */
export async function advanceHarvestCursor(
  db: SqlClient,
  harvester: string,
  kind: UploadKind,
  lastBatch: string,
): Promise<void> {
  checkClient(db);
  checkHarvester(harvester);
  exchangeTable(kind);
  if (typeof lastBatch !== 'string' || !/^[0-9]{13}$/.test(lastBatch)) {
    throw new PostgresError(
      'invalid_batch',
      { zh: 'cd_batch 必须是 13 位数字', en: 'cd_batch must be 13 digits' },
      { path: ['lastBatch'], details: { value: lastBatch } },
    );
  }
  await db.query(
    `insert into jianguan.cd_harvest_cursor (harvester, kind, last_batch) values ($1, $2, $3)
     on conflict (harvester, kind) do update
       set last_batch = greatest(jianguan.cd_harvest_cursor.last_batch, excluded.last_batch), updated_at = now()`,
    [harvester, kind, lastBatch],
  );
}
