import { PUBLICATION_CHANNELS, type PublicationChannel } from '@jianguan/core';
import type {
  CatalogItemFact,
  ClueFact,
  DoubleNotificationFact,
  PeriodId,
  PublicationFact,
} from '@jianguan/kpi';
import { checkClient, type SqlClient, withTransaction } from './db.js';
import { PostgresError } from './errors.js';
import {
  checkAllowed,
  checkOutsideCalendar,
  counts,
  rowsPerWindow,
  type TimelinessCounts,
  upsertInChunks,
  windowsOf,
} from './kpi.js';

// The channel list is written out: an applied migration's text must never change with a library constant (a test
// ties it to core's PUBLICATION_CHANNELS; a new channel needs a new migration).
/**
 * DDL of the KPI feeds (migration 7): the 风险预警线索 (clues), 双告知 (double notifications) and publication
 * tables, `jianguan.feed_kpi` (events, done and timeliness of a dated feed per department and window, through
 * migration 6's `jianguan.timeliness`) and `jianguan.publication_kpi` (publications per channel). @internal
 */
export const KPI_FEEDS_SQL = `
create table jianguan.kpi_clues (
  clue_id text primary key,
  department text not null,
  received_date date not null,
  feedback_date date
);
create index kpi_clues_received on jianguan.kpi_clues (received_date);
create table jianguan.kpi_double_notifications (
  notice_id text primary key,
  department text not null,
  pushed_date date not null,
  claimed_date date
);
create index kpi_double_notifications_pushed on jianguan.kpi_double_notifications (pushed_date);
create table jianguan.kpi_publications (
  publication_id text primary key,
  department text not null,
  channel text not null check (channel in ('annual_plan', 'work_news', 'exposure')),
  published_date date not null
);
create index kpi_publications_date on jianguan.kpi_publications (published_date);
create table jianguan.kpi_catalog_items (
  department text not null,
  item_code text not null,
  claimed boolean not null,
  primary key (department, item_code)
);
create index kpi_behaviours_department_item on jianguan.kpi_behaviours (department, item_code, act_date);

create function jianguan.feed_kpi(facts regclass, event_column name, done_column name, windows jsonb,
  allowed integer)
returns table (period text, department text, events bigint, done bigint,
  due bigint, on_time bigint, pending bigint, workdays_late bigint, outside_calendar bigint)
language plpgsql stable parallel safe as $fn$
begin
  if jsonb_typeof(windows) is distinct from 'array' then
    raise exception 'jianguan.feed_kpi: windows must be a JSON array of {period, start_day, last_day, as_of}'
      using errcode = '22023';
  end if;
  if allowed is null or allowed < 0 then
    raise exception 'jianguan.feed_kpi: allowed working days must be non-negative' using errcode = '22023';
  end if;
  return query execute format($q$
    with w as (
      select x.period, x.start_day, x.last_day, x.as_of
      from jsonb_to_recordset($1) as x(period text, start_day date, last_day date, as_of date)
    ), f as (
      select department::text as department, %I::date as event_day, %I::date as done_day from %s
    )
    select w.period, f.department,
      count(*), count(*) filter (where f.done_day is not null),
      count(*) filter (where r.due), count(*) filter (where r.on_time),
      count(*) filter (where r.due and f.done_day is null),
      coalesce(sum(r.workdays_late), 0)::bigint,
      count(*) filter (where not r.known)
    from w
    join f on f.event_day between w.start_day and w.last_day
    cross join lateral jianguan.timeliness(f.event_day, f.done_day, w.as_of, $2) as r
    group by w.period, f.department
  $q$, event_column, done_column, facts) using windows, allowed;
end
$fn$;

create function jianguan.coverage_kpi(facts regclass, items regclass, windows jsonb)
returns table (period text, department text, claimed bigint, covered bigint)
language plpgsql stable parallel safe as $fn$
begin
  if jsonb_typeof(windows) is distinct from 'array' then
    raise exception 'jianguan.coverage_kpi: windows must be a JSON array of {period, start_day, last_day, as_of}'
      using errcode = '22023';
  end if;
  return query execute format($q$
    with w as (
      select x.period, x.start_day, x.last_day
      from jsonb_to_recordset($1) as x(period text, start_day date, last_day date)
    )
    select w.period, i.department::text, count(*),
      count(*) filter (where exists (
        select 1 from %s as f
        where f.department::text = i.department::text and f.item_code::text = i.item_code::text
          and f.act_date::date between w.start_day and w.last_day))
    from w
    cross join %s as i
    where i.claimed
    group by w.period, i.department
  $q$, facts, items) using windows;
end
$fn$;

create function jianguan.publication_kpi(facts regclass, windows jsonb)
returns table (period text, department text, channel text, publications bigint)
language plpgsql stable parallel safe as $fn$
begin
  if jsonb_typeof(windows) is distinct from 'array' then
    raise exception 'jianguan.publication_kpi: windows must be a JSON array of {period, start_day, last_day, as_of}'
      using errcode = '22023';
  end if;
  return query execute format($q$
    with w as (
      select x.period, x.start_day, x.last_day
      from jsonb_to_recordset($1) as x(period text, start_day date, last_day date)
    )
    select w.period, f.department::text, f.channel::text, count(*)
    from w
    join %s as f on f.published_date::date between w.start_day and w.last_day
    group by w.period, f.department, f.channel
  $q$, facts) using windows;
end
$fn$;
`;

/** A dated KPI feed (KPI 数据源): 风险预警线索 (`clues`) or 双告知 (`doubleNotifications`). */
export type KpiFeed = 'clues' | 'doubleNotifications';

const FEEDS: Record<KpiFeed, { table: string; event: string; done: string }> = {
  clues: { table: 'jianguan.kpi_clues', event: 'received_date', done: 'feedback_date' },
  doubleNotifications: {
    table: 'jianguan.kpi_double_notifications',
    event: 'pushed_date',
    done: 'claimed_date',
  },
};

/**
 * Options of {@link scoreFeedInDatabase}.
 *
 * @example
 * const o: ScoreFeedInDatabaseOptions = { feed: 'clues', periods: ['2025-Q4'], allowedWorkdays: 10 };
 */
export interface ScoreFeedInDatabaseOptions {
  /** `clues` (event: received, done: feedback) or `doubleNotifications` (event: pushed, done: claimed). */
  readonly feed: KpiFeed;
  /** Assessment periods (`'2025'`, `'2025-Q4'`, `'2025-10'`). */
  readonly periods: readonly PeriodId[];
  /** Score as of this civil date (default: each period's last day), as `scoreIndicators`' `asOf`. */
  readonly asOf?: string;
  /** Working days allowed for the feedback (clues) or the claim (双告知), as the indicator's metric says. */
  readonly allowedWorkdays: number;
  /**
   * The facts relation, with the default table's columns (`department`, `received_date`, `feedback_date` for
   * clues; `department`, `pushed_date`, `claimed_date` for 双告知). Default `jianguan.kpi_clues` /
   * `jianguan.kpi_double_notifications`; a view over the department's own tables fits.
   */
  readonly facts?: string;
}

/**
 * The counts of one dated feed for one department in one period (线索/双告知考核计数): `events` received
 * (pushed) in the window and `done` of them (fed back / claimed, on any date) — the numerator and denominator of
 * `clue_feedback_rate` / `double_notification_claim_rate` — and `timeliness`, those of
 * `clue_feedback_timeliness` / `double_notification_claim_timeliness`.
 *
 * @example
 * const row: FeedKpiCounts = { department: 'scjg', period: '2025-Q4', start: '2025-10-01', end: '2025-12-31',
 *   asOf: '2025-12-31', events: 5, done: 4, timeliness: { due: 5, onTime: 3, late: 2, pending: 1, workdaysLate: 6 } };
 */
export interface FeedKpiCounts {
  readonly department: string;
  readonly period: string;
  readonly start: string;
  /** Last day of the window: the period's end, or `asOf` when earlier. */
  readonly end: string;
  readonly asOf: string;
  readonly events: number;
  readonly done: number;
  readonly timeliness: TimelinessCounts;
}

function feedOf(options: unknown): (typeof FEEDS)[KpiFeed] {
  const feed = (options as { feed?: unknown } | null | undefined)?.feed;
  if (typeof feed !== 'string' || !Object.hasOwn(FEEDS, feed)) {
    throw new PostgresError(
      'invalid_feed',
      { zh: 'feed 必须是 clues 或 doubleNotifications', en: 'feed must be clues or doubleNotifications' },
      { path: ['feed'], details: { value: feed } },
    );
  }
  return FEEDS[feed as KpiFeed];
}

/**
 * Counts a dated KPI feed inside the database (库内线索/双告知考核计数): per department and period, the events in
 * the window, how many are done, and their timeliness against `jianguan.workdays` — the numbers `@jianguan/kpi`'s
 * `scoreIndicators` finds for `clue_feedback_rate` and `clue_feedback_timeliness` (feed `clues`) or
 * `double_notification_claim_rate` and `double_notification_claim_timeliness` (feed `doubleNotifications`). Rows
 * come in the order of `periods`, then department (code-point order); a department with no event in a period has
 * no row.
 *
 * @throws {PostgresError} `invalid_feed`; `outside_calendar` when a date the timeliness needs is not in
 * `jianguan.workdays`; `invalid_allowed_workdays`; `invalid_as_of`; `@jianguan/kpi`'s `invalid_period`.
 * @example
 * import { PGlite } from '@electric-sql/pglite';
 * const db = new PGlite();
 * await migrate(db);
 * await syncWorkdays(db, { fromYear: 2025, toYear: 2025 });
 * await saveKpiFeeds(db, {
 *   clues: [
 *     { clueId: 'XS-1', department: 'scjg', receivedDate: '2025-09-30', feedbackDate: '2025-10-09' },
 *     { clueId: 'XS-2', department: 'scjg', receivedDate: '2025-09-29' },
 *   ],
 * });
 * // scored on 9 October: XS-1 was fed back on the first working day after National Day, XS-2 is still open
 * const [row] = await scoreFeedInDatabase(db, {
 *   feed: 'clues', periods: ['2025-Q3'], asOf: '2025-10-09', allowedWorkdays: 1,
 * });
 * [row.events, row.done]; // [2, 1]
 * row.timeliness; // { due: 2, onTime: 1, late: 1, pending: 1, workdaysLate: 1 }
 * await db.close();
 */
export async function scoreFeedInDatabase(
  db: SqlClient,
  options: ScoreFeedInDatabaseOptions,
): Promise<FeedKpiCounts[]> {
  checkClient(db);
  const feed = feedOf(options);
  checkAllowed('allowedWorkdays', options.allowedWorkdays);
  const windows = windowsOf(options.periods, options.asOf);
  const { rows } = await db.query('select * from jianguan.feed_kpi($1::regclass, $2, $3, $4::jsonb, $5)', [
    options.facts ?? feed.table,
    feed.event,
    feed.done,
    JSON.stringify(windows.filter((w) => w.start_day <= w.last_day)),
    options.allowedWorkdays,
  ]);
  checkOutsideCalendar(rows);
  return rowsPerWindow(rows, windows, (r) => ({
    events: Number(r.events),
    done: Number(r.done),
    timeliness: counts(r, ''),
  }));
}

/**
 * Publications of one department in one period, per channel (信息发布计数): the counts `publication_count`
 * compares with its quota.
 *
 * @example
 * const row: PublicationKpiCounts = { department: 'scjg', period: '2025-10', start: '2025-10-01',
 *   end: '2025-10-31', asOf: '2025-10-31', channels: { annual_plan: 0, work_news: 21, exposure: 4 } };
 */
export interface PublicationKpiCounts {
  readonly department: string;
  readonly period: string;
  readonly start: string;
  readonly end: string;
  readonly asOf: string;
  readonly channels: Readonly<Record<PublicationChannel, number>>;
}

/**
 * Counts publications per department, period and channel inside the database (库内信息发布计数), the numbers
 * `scoreIndicators` compares with a `publication_count` quota for a window of the same period. Rows come in the
 * order of `periods`, then department; a department with no publication in a period has no row.
 *
 * @throws {PostgresError} `invalid_as_of`; `@jianguan/kpi`'s `invalid_period`.
 * @example
 * import { PGlite } from '@electric-sql/pglite';
 * const db = new PGlite();
 * await migrate(db);
 * await saveKpiFeeds(db, {
 *   publications: [{ publicationId: 'GZDT-1', department: 'scjg', channel: 'work_news', date: '2025-10-10' }],
 * });
 * const [row] = await countPublicationsInDatabase(db, { periods: ['2025-10'] });
 * row.channels; // { annual_plan: 0, work_news: 1, exposure: 0 }
 * await db.close();
 */
export async function countPublicationsInDatabase(
  db: SqlClient,
  options: { readonly periods: readonly PeriodId[]; readonly asOf?: string; readonly facts?: string },
): Promise<PublicationKpiCounts[]> {
  checkClient(db);
  const windows = windowsOf(options?.periods, options?.asOf);
  const { rows } = await db.query('select * from jianguan.publication_kpi($1::regclass, $2::jsonb)', [
    options.facts ?? 'jianguan.kpi_publications',
    JSON.stringify(windows.filter((w) => w.start_day <= w.last_day)),
  ]);
  const byKey = new Map<string, { period: string; department: string; channels: Record<string, number> }>();
  for (const r of rows) {
    const key = JSON.stringify([r.period, r.department]);
    let row = byKey.get(key);
    if (row === undefined) {
      row = {
        period: String(r.period),
        department: String(r.department),
        channels: Object.fromEntries(PUBLICATION_CHANNELS.map((c) => [c, 0])),
      };
      byKey.set(key, row);
    }
    row.channels[String(r.channel)] = Number(r.publications);
  }
  return rowsPerWindow([...byKey.values()], windows, (r) => ({
    channels: r.channels as Record<PublicationChannel, number>,
  }));
}

/**
 * Claimed catalog items of one department in one period and how many had an act in it (监管行为覆盖率): the
 * denominator and numerator of `behaviour_coverage`.
 *
 * @example
 * const row: CoverageKpiCounts = { department: 'scjg', period: '2025-Q4', start: '2025-10-01', end: '2025-12-31',
 *   asOf: '2025-12-31', claimed: 12, covered: 9 };
 */
export interface CoverageKpiCounts {
  readonly department: string;
  readonly period: string;
  readonly start: string;
  readonly end: string;
  readonly asOf: string;
  readonly claimed: number;
  readonly covered: number;
}

/**
 * Counts behaviour coverage inside the database (库内监管行为覆盖率计数): per department and period, the claimed
 * catalog items (`jianguan.kpi_catalog_items`, see {@link saveKpiFeeds}) and how many of them have at least one
 * behaviour record (`jianguan.kpi_behaviours`, same department and item code) acted on in the window — what
 * `scoreIndicators` finds for `behaviour_coverage`. A department with no claimed item has no row.
 *
 * @throws {PostgresError} `invalid_as_of`; `@jianguan/kpi`'s `invalid_period`.
 * @example
 * import { PGlite } from '@electric-sql/pglite';
 * const db = new PGlite();
 * await migrate(db);
 * await saveKpiFeeds(db, {
 *   catalogItems: [
 *     { itemCode: 'SX-1', department: 'scjg', claimed: true },
 *     { itemCode: 'SX-2', department: 'scjg', claimed: true },
 *     { itemCode: 'SX-3', department: 'scjg', claimed: false },
 *   ],
 * });
 * await saveKpiFacts(db, [
 *   { recordId: 'JC-1', itemCode: 'SX-1', department: 'scjg', actDate: '2025-10-09', reportedDate: '2025-10-10' },
 * ]);
 * const [row] = await coverageInDatabase(db, { periods: ['2025-Q4'] });
 * [row.covered, row.claimed]; // [1, 2]
 * await db.close();
 */
export async function coverageInDatabase(
  db: SqlClient,
  options: {
    readonly periods: readonly PeriodId[];
    readonly asOf?: string;
    /** Behaviour facts relation (columns of `jianguan.kpi_behaviours`). */
    readonly facts?: string;
    /** Catalog relation (columns `department`, `item_code`, `claimed`). */
    readonly items?: string;
  },
): Promise<CoverageKpiCounts[]> {
  checkClient(db);
  const windows = windowsOf(options?.periods, options?.asOf);
  const { rows } = await db.query(
    'select * from jianguan.coverage_kpi($1::regclass, $2::regclass, $3::jsonb)',
    [
      options.facts ?? 'jianguan.kpi_behaviours',
      options.items ?? 'jianguan.kpi_catalog_items',
      JSON.stringify(windows.filter((w) => w.start_day <= w.last_day)),
    ],
  );
  return rowsPerWindow(rows, windows, (r) => ({ claimed: Number(r.claimed), covered: Number(r.covered) }));
}

/**
 * The feeds {@link saveKpiFeeds} stores, as `@jianguan/kpi`'s `KpiData` lists (of a catalog item, only the
 * department, code and whether it is claimed).
 *
 * @example
 * const feeds: KpiFeeds = { clues: [{ clueId: 'XS-1', department: 'scjg', receivedDate: '2025-10-09' }] };
 */
export interface KpiFeeds {
  readonly clues?: readonly ClueFact[];
  readonly doubleNotifications?: readonly DoubleNotificationFact[];
  readonly publications?: readonly PublicationFact[];
  readonly catalogItems?: readonly CatalogItemFact[];
}

/**
 * Stores clues, 双告知, publications and catalog items in `jianguan.kpi_clues`, `jianguan.kpi_double_notifications`,
 * `jianguan.kpi_publications` and `jianguan.kpi_catalog_items` (upsert by id; a catalog item by department and
 * code), one statement per 10 000 rows, all or nothing across the four lists. Returns the rows written per list.
 *
 * Transactions as {@link saveKpiFacts}: given a pool, a PGlite instance or a client between transactions, the
 * save runs in a transaction of its own, so a failed statement (a bad row, a violated constraint, a lost
 * connection) leaves no list stored, and the driver's error is thrown as it came; given a handle inside the
 * caller's transaction (a pg `Client`/`PoolClient` after `BEGIN`, the `tx` of `withTransaction` or of PGlite's
 * `transaction`), it writes there without `BEGIN` or `COMMIT` of its own, and the caller's `COMMIT` or `ROLLBACK`
 * decides.
 *
 * @example
 * await saveKpiFeeds(pool, {
 *   doubleNotifications: [{ noticeId: 'SGZ-1', department: 'scjg', pushedDate: '2025-10-09', claimedDate: '2025-10-10' }],
 * }); // { clues: 0, doubleNotifications: 1, publications: 0, catalogItems: 0 }
 */
export async function saveKpiFeeds(
  db: SqlClient,
  feeds: KpiFeeds,
): Promise<{ clues: number; doubleNotifications: number; publications: number; catalogItems: number }> {
  checkClient(db);
  if (typeof feeds !== 'object' || feeds === null) {
    throw new PostgresError(
      'invalid_feeds',
      { zh: 'feeds 必须是对象', en: 'feeds must be an object' },
      { details: { value: feeds } },
    );
  }
  for (const key of ['clues', 'doubleNotifications', 'publications', 'catalogItems'] as const) {
    if (feeds[key] !== undefined && !Array.isArray(feeds[key])) {
      throw new PostgresError(
        'invalid_feeds',
        { zh: `${key} 必须是数组`, en: `${key} must be an array` },
        { path: [key], details: { value: feeds[key] } },
      );
    }
  }
  return withTransaction(
    db,
    async (tx) => {
      const clues = await upsertInChunks(
        tx,
        `insert into jianguan.kpi_clues (clue_id, department, received_date, feedback_date)
         select * from unnest($1::text[], $2::text[], $3::date[], $4::date[])
         on conflict (clue_id) do update set department = excluded.department,
           received_date = excluded.received_date, feedback_date = excluded.feedback_date`,
        feeds.clues ?? [],
        [
          (c: ClueFact) => c.clueId,
          (c: ClueFact) => c.department,
          (c: ClueFact) => c.receivedDate,
          (c: ClueFact) => c.feedbackDate ?? null,
        ],
      );
      const doubleNotifications = await upsertInChunks(
        tx,
        `insert into jianguan.kpi_double_notifications (notice_id, department, pushed_date, claimed_date)
         select * from unnest($1::text[], $2::text[], $3::date[], $4::date[])
         on conflict (notice_id) do update set department = excluded.department,
           pushed_date = excluded.pushed_date, claimed_date = excluded.claimed_date`,
        feeds.doubleNotifications ?? [],
        [
          (n: DoubleNotificationFact) => n.noticeId,
          (n: DoubleNotificationFact) => n.department,
          (n: DoubleNotificationFact) => n.pushedDate,
          (n: DoubleNotificationFact) => n.claimedDate ?? null,
        ],
      );
      const publications = await upsertInChunks(
        tx,
        `insert into jianguan.kpi_publications (publication_id, department, channel, published_date)
         select * from unnest($1::text[], $2::text[], $3::text[], $4::date[])
         on conflict (publication_id) do update set department = excluded.department,
           channel = excluded.channel, published_date = excluded.published_date`,
        feeds.publications ?? [],
        [
          (p: PublicationFact) => p.publicationId,
          (p: PublicationFact) => p.department,
          (p: PublicationFact) => p.channel,
          (p: PublicationFact) => p.date,
        ],
      );
      const catalogItems = await upsertInChunks(
        tx,
        `insert into jianguan.kpi_catalog_items (department, item_code, claimed)
         select * from unnest($1::text[], $2::text[], $3::boolean[])
         on conflict (department, item_code) do update set claimed = excluded.claimed`,
        feeds.catalogItems ?? [],
        [
          (c: CatalogItemFact) => c.department,
          (c: CatalogItemFact) => c.itemCode,
          (c: CatalogItemFact) => c.claimed,
        ],
      );
      return { clues, doubleNotifications, publications, catalogItems };
    },
    { join: true },
  );
}
