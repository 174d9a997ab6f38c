import type { BehaviourFact, PeriodId } from '@jianguan/kpi';
import { parsePeriod } from '@jianguan/kpi';
import { requireOptions } from './boundary.js';
import { checkClient, type SqlClient, withTransaction } from './db.js';
import { PostgresError } from './errors.js';

/**
 * DDL of the KPI facts (migration 6): the lean behaviour facts table, `jianguan.timeliness` (one record's
 * lateness against `jianguan.workdays`, as `@jianguan/kpi` judges it) and `jianguan.behaviour_kpi` (the counts
 * per department and window). Positions are `2 × ordinal + (rest day ? 1 : 0)`: done on time ⇔ position ≤
 * 2 × the deadline's ordinal, exactly the scorer's integer test. @internal
 */
export const KPI_SQL = `
create table jianguan.kpi_behaviours (
  record_id text primary key,
  item_code text not null,
  department text not null,
  act_date date not null,
  reported_date date not null,
  rejected_date date,
  fixed_date date
);
create index kpi_behaviours_act on jianguan.kpi_behaviours (act_date);
create index kpi_behaviours_rejected on jianguan.kpi_behaviours (rejected_date) where rejected_date is not null;

create function jianguan.timeliness(event_day date, done_day date, as_of date, allowed integer,
  out known boolean, out due boolean, out on_time boolean, out workdays_late integer)
language sql stable parallel safe as $fn$
  select k, k and (done_day is not null or p.apos > 2 * p.ord),
         k and done_day is not null and p.dpos <= 2 * p.ord,
         case when k and not (done_day is not null and p.dpos <= 2 * p.ord)
                   and (done_day is not null or p.apos > 2 * p.ord)
              then (case when done_day is not null then p.dpos else p.apos end) / 2 - p.ord end
  from (
    select
      (select w.ordinal + greatest(allowed, case when w.workday then 0 else 1 end)
         from jianguan.workdays w where w.day = event_day) as ord,
      (select 2 * w.ordinal + case when w.workday then 0 else 1 end from jianguan.workdays w where w.day = done_day) as dpos,
      (select 2 * w.ordinal + case when w.workday then 0 else 1 end from jianguan.workdays w where w.day = as_of) as apos
  ) as p
  cross join lateral (
    select coalesce(allowed >= 0 and p.ord is not null
      and (case when done_day is not null then p.dpos is not null else p.apos is not null end), false) as k
  ) as x
$fn$;

create function jianguan.behaviour_kpi(facts regclass, windows jsonb, report_allowed integer, fix_allowed integer)
returns table (period text, department text, volume bigint,
  report_due bigint, report_on_time bigint, report_pending bigint, report_workdays_late bigint,
  fix_due bigint, fix_on_time bigint, fix_pending bigint, fix_workdays_late bigint, outside_calendar bigint)
language plpgsql stable parallel safe as $fn$
begin
  if jsonb_typeof(windows) is distinct from 'array' then
    raise exception 'jianguan.behaviour_kpi: windows must be a JSON array of {period, start_day, last_day, as_of}'
      using errcode = '22023';
  end if;
  if report_allowed is null or fix_allowed is null or report_allowed < 0 or fix_allowed < 0 then
    raise exception 'jianguan.behaviour_kpi: allowed working days must be non-negative' using errcode = '22023';
  end if;
  return query execute format($q$
    with w as (
      select x.period, x.start_day, x.last_day, x.as_of
      from jsonb_to_recordset($1) as x(period text, start_day date, last_day date, as_of date)
    )
    select w.period, f.department::text,
      count(*) filter (where a.inside),
      count(*) filter (where a.inside and r.due),
      count(*) filter (where a.inside and r.on_time),
      count(*) filter (where a.inside and r.due and f.reported_date is null),
      coalesce(sum(r.workdays_late) filter (where a.inside), 0)::bigint,
      count(*) filter (where x.inside and j.due),
      count(*) filter (where x.inside and j.on_time),
      count(*) filter (where x.inside and j.due and f.fixed_date is null),
      coalesce(sum(j.workdays_late) filter (where x.inside), 0)::bigint,
      count(*) filter (where (a.inside and not r.known) or (x.inside and not j.known))
    from w
    join %s as f
      on f.act_date::date between w.start_day and w.last_day or f.rejected_date::date between w.start_day and w.last_day
    cross join lateral (select f.act_date::date between w.start_day and w.last_day as inside) as a
    cross join lateral (select coalesce(f.rejected_date::date between w.start_day and w.last_day, false) as inside) as x
    cross join lateral jianguan.timeliness(f.act_date::date, f.reported_date::date, w.as_of, $2) as r
    cross join lateral jianguan.timeliness(f.rejected_date::date, f.fixed_date::date, w.as_of, $3) as j
    group by w.period, f.department
  $q$, facts) using windows, report_allowed, fix_allowed;
end
$fn$;
`;

/**
 * On-time counts of one timeliness metric in one window (按时率的分子分母): `due` records (done, or still
 * pending after their deadline), `onTime` of them, `late` = due − onTime, `pending` the late ones not done by
 * `asOf`, and `workdaysLate` the working days late summed over the late ones.
 *
 * @example
 * const c: TimelinessCounts = { due: 12, onTime: 10, late: 2, pending: 1, workdaysLate: 5 };
 */
export interface TimelinessCounts {
  readonly due: number;
  readonly onTime: number;
  readonly late: number;
  readonly pending: number;
  readonly workdaysLate: number;
}

/**
 * The behaviour KPI counts of one department in one period (部门考核计数), computed in the database:
 * `volume` is `behaviour_volume`, `report` is `behaviour_report_timeliness` (event: act, done: reported) and
 * `fix` is `behaviour_fix_timeliness` (event: rejected, done: fixed) — `onTime`/`due` are the numerator and
 * denominator `scoreIndicators` reports for a window of the same period.
 *
 * @example
 * const row: BehaviourKpiCounts = { department: 'scjg', period: '2025-Q4', start: '2025-10-01', end: '2025-12-31',
 *   asOf: '2025-12-31', volume: 40, report: { due: 40, onTime: 38, late: 2, pending: 0, workdaysLate: 3 },
 *   fix: { due: 3, onTime: 2, late: 1, pending: 1, workdaysLate: 4 } };
 */
export interface BehaviourKpiCounts {
  readonly department: string;
  readonly period: string;
  readonly start: string;
  /** Last day of the window: the period's end, or `asOf` when earlier. */
  readonly end: string;
  readonly asOf: string;
  readonly volume: number;
  readonly report: TimelinessCounts;
  readonly fix: TimelinessCounts;
}

/**
 * Options of {@link scoreInDatabase}.
 *
 * @example
 * const o: ScoreInDatabaseOptions = { periods: ['2025-Q3', '2025-Q4'], reportAllowedWorkdays: 2, fixAllowedWorkdays: 5 };
 */
export interface ScoreInDatabaseOptions {
  /** Assessment periods (`'2025'`, `'2025-Q4'`, `'2025-10'`). */
  readonly periods: readonly PeriodId[];
  /** Score as of this civil date (default: each period's last day), as `scoreIndicators`' `asOf`. */
  readonly asOf?: string;
  readonly reportAllowedWorkdays: number;
  readonly fixAllowedWorkdays: number;
  /**
   * The facts relation: columns `record_id`, `department`, `act_date`, `reported_date`, `rejected_date`,
   * `fixed_date` (dates, `YYYY-MM-DD` text, or timestamps — counted on their Beijing civil date whatever the
   * session's `TimeZone`). Default `jianguan.kpi_behaviours`; a view over the topic tables fits.
   */
  readonly facts?: string;
}

const CIVIL = /^\d{4}-\d{2}-\d{2}$/;

/** Throws `invalid_allowed_workdays` unless `n` is a non-negative safe integer. @internal */
export function checkAllowed(name: string, n: unknown): void {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new PostgresError(
      'invalid_allowed_workdays',
      { zh: `${name} 必须是非负整数`, en: `${name} must be a non-negative integer` },
      { path: [name], details: { value: n } },
    );
  }
}

/** One scoring window as the SQL functions take it (`last_day` is the period's end or `as_of` when earlier). @internal */
export interface SqlWindow {
  readonly period: string;
  readonly start_day: string;
  readonly last_day: string;
  readonly as_of: string;
}

/** The windows of `periods` as of `asOf` (checked), as `scoreIndicators` clamps them. @internal */
export function windowsOf(periods: readonly PeriodId[], asOf: unknown): SqlWindow[] {
  if (asOf !== undefined && (typeof asOf !== 'string' || !CIVIL.test(asOf))) {
    throw new PostgresError(
      'invalid_as_of',
      { zh: 'asOf 必须是 YYYY-MM-DD 日期', en: 'asOf must be a YYYY-MM-DD civil date' },
      { path: ['asOf'], details: { value: asOf } },
    );
  }
  if (!Array.isArray(periods)) {
    throw new PostgresError(
      'invalid_periods',
      { zh: 'periods 必须是考核周期数组', en: 'periods must be an array of period ids' },
      { path: ['periods'], details: { value: periods } },
    );
  }
  return periods.map((id) => {
    const p = parsePeriod(id);
    const at = (asOf as string | undefined) ?? p.end;
    return { period: p.id, start_day: p.start, last_day: at < p.end ? at : p.end, as_of: at };
  });
}

/** Throws `outside_calendar` when any row counted a date missing from `jianguan.workdays`. @internal */
export function checkOutsideCalendar(rows: readonly Record<string, unknown>[]): void {
  const outside = rows.filter((r) => Number(r.outside_calendar) > 0);
  if (outside.length > 0) {
    throw new PostgresError(
      'outside_calendar',
      {
        zh: '有记录的日期不在工作日表 jianguan.workdays 中（先运行 syncWorkdays）',
        en: 'some dates are not in jianguan.workdays (run syncWorkdays for those years)',
      },
      {
        details: {
          windows: outside.map((r) => ({
            period: r.period,
            department: r.department,
            records: Number(r.outside_calendar),
          })),
        },
      },
    );
  }
}

/** Orders rows by the position of their period in `windows`, then department in code-point order. @internal */
export function byWindowThenDepartment(windows: readonly SqlWindow[]) {
  const order = new Map(windows.map((w, i) => [w.period, i]));
  return (a: { period: string; department: string }, b: { period: string; department: string }): number =>
    order.get(a.period)! - order.get(b.period)! ||
    (a.department < b.department ? -1 : a.department > b.department ? 1 : 0);
}

/**
 * Each SQL row of a windowed KPI query as its department, its window (period, start, end, asOf) and `fields(row)`,
 * ordered by the window's position in `windows`, then department in code-point order. @internal
 */
export function rowsPerWindow<R extends object, T extends object>(
  rows: readonly R[],
  windows: readonly SqlWindow[],
  fields: (row: R) => T,
): ({ department: string; period: string; start: string; end: string; asOf: string } & T)[] {
  const byWindow = new Map(windows.map((w) => [w.period, w]));
  return rows
    .map((r) => {
      const key = r as { readonly period?: unknown; readonly department?: unknown };
      const w = byWindow.get(String(key.period))!;
      return {
        department: String(key.department),
        period: w.period,
        start: w.start_day,
        end: w.last_day,
        asOf: w.as_of,
        ...fields(r),
      };
    })
    .sort(byWindowThenDepartment(windows));
}

/** The timeliness counts of columns `${p}due`, `${p}on_time`, `${p}pending`, `${p}workdays_late`. @internal */
export const counts = (r: Record<string, unknown>, p: string): TimelinessCounts => {
  const due = Number(r[`${p}due`]);
  const onTime = Number(r[`${p}on_time`]);
  return {
    due,
    onTime,
    late: due - onTime,
    pending: Number(r[`${p}pending`]),
    workdaysLate: Number(r[`${p}workdays_late`]),
  };
};

/**
 * Counts the behaviour KPI facts inside the database (库内考核计数): every record's lateness against
 * `jianguan.workdays` (fill it with `syncWorkdays`, from core's calendar), aggregated per department and period
 * by `jianguan.behaviour_kpi` — the same due / on-time / late counts `@jianguan/kpi`'s `scoreIndicators` finds
 * for `behaviour_report_timeliness`, `behaviour_fix_timeliness` and `behaviour_volume`, without loading the
 * records into Node. Rows come in the order of `periods`, then department (code-point order); a department with
 * no record in a period has no row.
 *
 * @throws {PostgresError} `outside_calendar` when a date the counts need is not in `jianguan.workdays` (never a
 * guess); `invalid_allowed_workdays`; `@jianguan/kpi`'s `invalid_period`.
 * @example
 * import { PGlite } from '@electric-sql/pglite';
 * const db = new PGlite();
 * await migrate(db);
 * await syncWorkdays(db, { fromYear: 2025, toYear: 2025 });
 * // acted on the eve of National Day, reported on the 2nd working day after it
 * await saveKpiFacts(db, [
 *   { recordId: 'JC-1', itemCode: 'SX-1', department: 'scjg', actDate: '2025-09-30', reportedDate: '2025-10-10' },
 *   { recordId: 'JC-2', itemCode: 'SX-1', department: 'scjg', actDate: '2025-09-30', reportedDate: '2025-10-11' },
 * ]);
 * const [row] = await scoreInDatabase(db, { periods: ['2025-Q3'], reportAllowedWorkdays: 2, fixAllowedWorkdays: 5 });
 * row.report; // { due: 2, onTime: 1, late: 1, pending: 0, workdaysLate: 1 }
 * await db.close();
 */
export async function scoreInDatabase(
  db: SqlClient,
  options: ScoreInDatabaseOptions,
): Promise<BehaviourKpiCounts[]> {
  checkClient(db);
  requireOptions(options, true);
  checkAllowed('reportAllowedWorkdays', options.reportAllowedWorkdays);
  checkAllowed('fixAllowedWorkdays', options.fixAllowedWorkdays);
  const windows = windowsOf(options.periods, options.asOf);
  const { rows } = await db.query(`select * from jianguan.behaviour_kpi($1::regclass, $2::jsonb, $3, $4)`, [
    options.facts ?? 'jianguan.kpi_behaviours',
    JSON.stringify(windows.filter((w) => w.start_day <= w.last_day)),
    options.reportAllowedWorkdays,
    options.fixAllowedWorkdays,
  ]);
  checkOutsideCalendar(rows);
  return rowsPerWindow(rows, windows, (r) => ({
    volume: Number(r.volume),
    report: counts(r, 'report_'),
    fix: counts(r, 'fix_'),
  }));
}

/**
 * Stores behaviour facts in `jianguan.kpi_behaviours` (upsert by `recordId`), in one statement per 10 000, all or
 * nothing. Returns the number of rows written.
 *
 * Given a pool, a PGlite instance or a client between transactions, the save runs in a transaction of its own
 * (`BEGIN` … `COMMIT`; on any error `ROLLBACK`, a pool's client released): when a statement fails — a bad row, a
 * violated constraint, a lost connection — nothing of the call is stored, and the driver's error is thrown as it
 * came. Given a handle inside the caller's transaction (a pg `Client`/`PoolClient` after `BEGIN`, the `tx` of
 * {@link withTransaction} or of PGlite's `transaction`), it runs its statements there without `BEGIN` or `COMMIT`
 * of its own: the caller's `COMMIT` or `ROLLBACK` decides.
 *
 * @example
 * await saveKpiFacts(pool, [{ recordId: 'JC-1', itemCode: '33010000100001', department: 'scjg',
 *   actDate: '2025-09-30', reportedDate: '2025-10-09' }]); // 1
 * @example
 * import { PGlite } from '@electric-sql/pglite';
 * const db = new PGlite();
 * await migrate(db);
 * const fact = { recordId: 'JC-1', itemCode: 'SX-1', department: 'scjg', actDate: '2025-09-30', reportedDate: '2025-10-09' };
 * // one bad date fails the whole call: JC-1 is not stored either
 * await saveKpiFacts(db, [fact, { ...fact, recordId: 'JC-2', actDate: '2025-02-30' }]).catch((e) => e.code); // '22008'
 * (await kpiFactsInDatabase(db)).length; // 0
 * // inside the caller's transaction: facts and feeds commit together, or neither
 * await withTransaction(db, async (tx) => {
 *   await saveKpiFacts(tx, [fact]);
 *   await saveKpiFeeds(tx, { clues: [{ clueId: 'XS-1', department: 'scjg', receivedDate: '2025-10-09' }] });
 * });
 * (await kpiFactsInDatabase(db)).length; // 1
 * await withTransaction(db, async (tx) => {
 *   await saveKpiFacts(tx, [{ ...fact, recordId: 'JC-3' }]);
 *   throw new Error('changed my mind');
 * }).catch((e) => e.message); // 'changed my mind'
 * (await kpiFactsInDatabase(db)).length; // 1 — JC-3 went with the caller's rollback
 * await db.close();
 */
export async function saveKpiFacts(db: SqlClient, facts: readonly BehaviourFact[]): Promise<number> {
  checkClient(db);
  return withTransaction(
    db,
    (tx) =>
      upsertInChunks(
        tx,
        `insert into jianguan.kpi_behaviours
           (record_id, item_code, department, act_date, reported_date, rejected_date, fixed_date)
         select * from unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::date[], $6::date[], $7::date[])
         on conflict (record_id) do update set item_code = excluded.item_code, department = excluded.department,
           act_date = excluded.act_date, reported_date = excluded.reported_date,
           rejected_date = excluded.rejected_date, fixed_date = excluded.fixed_date`,
        facts,
        [
          (f: BehaviourFact) => f.recordId,
          (f: BehaviourFact) => f.itemCode,
          (f: BehaviourFact) => f.department,
          (f: BehaviourFact) => f.actDate,
          (f: BehaviourFact) => f.reportedDate,
          (f: BehaviourFact) => f.rejectedDate ?? null,
          (f: BehaviourFact) => f.fixedDate ?? null,
        ],
      ),
    { join: true },
  );
}

/**
 * Runs an `insert … select * from unnest($1, $2, …)` upsert once per 10 000 rows, parameter i holding
 * `columns[i]` of each row, on `db` as given: callers run it inside one transaction so that a failed chunk
 * leaves none of the others. Returns the number of rows given. @internal
 */
export async function upsertInChunks(
  db: SqlClient,
  sql: string,
  rows: readonly unknown[],
  columns: readonly ((row: never) => unknown)[],
): Promise<number> {
  for (let i = 0; i < rows.length; i += 10_000) {
    const slice = rows.slice(i, i + 10_000) as never[];
    await db.query(
      sql,
      columns.map((c) => slice.map(c)),
    );
  }
  return rows.length;
}

/**
 * Reads the behaviour facts back as `@jianguan/kpi`'s `BehaviourFact`s (in `record_id` code-point order), e.g. to
 * score them with `scoreIndicators` and its evidence lists.
 *
 * @example
 * const behaviours = await kpiFactsInDatabase(pool);
 * scoreIndicators(baselineIndicatorSet, { behaviours }, { period: '2025-Q4', unit: 'scjg' });
 */
export async function kpiFactsInDatabase(
  db: SqlClient,
  options: { readonly facts?: string } = {},
): Promise<BehaviourFact[]> {
  checkClient(db);
  requireOptions(options);
  const rel = (await db.query('select $1::regclass::text as r', [options.facts ?? 'jianguan.kpi_behaviours']))
    .rows[0]?.r as string;
  const { rows } = await db.query(
    // to_char, not ::text: a date's text form follows the session's DateStyle ('31/10/2025' under 'SQL, DMY').
    `select record_id::text as r, item_code::text as i, department::text as d,
            to_char(act_date::date, 'YYYY-MM-DD') as a, to_char(reported_date::date, 'YYYY-MM-DD') as p,
            to_char(rejected_date::date, 'YYYY-MM-DD') as j, to_char(fixed_date::date, 'YYYY-MM-DD') as f
       from ${rel} order by record_id::text collate "C"`,
  );
  return rows.map((r) => ({
    recordId: String(r.r),
    itemCode: String(r.i),
    department: String(r.d),
    actDate: String(r.a),
    reportedDate: String(r.p),
    ...(r.j === null ? {} : { rejectedDate: String(r.j) }),
    ...(r.f === null ? {} : { fixedDate: String(r.f) }),
  }));
}
