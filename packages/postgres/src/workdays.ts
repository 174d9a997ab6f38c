import { civilDateOfDayNumber, dayNumberOf, isWorkdayNumber, OFFICIAL_SCHEDULES } from '@jianguan/core';
import { requireOptions } from './boundary.js';
import { checkClient, type SqlClient, withTransaction } from './db.js';
import { PostgresError } from './errors.js';

/** DDL of the working-day table and the lateness functions (migration 4). @internal */
export const WORKDAYS_SQL = `
create table jianguan.workdays (day date primary key, workday boolean not null, ordinal integer not null);
create index workdays_ordinal on jianguan.workdays (ordinal) where workday;
create function jianguan.workday_deadline(event_day date, allowed integer) returns date
language sql stable parallel safe as $fn$
  select case when allowed = 0 and e.workday then e.day else (
    select w.day from jianguan.workdays w
    where w.workday and w.ordinal = e.ordinal + case when allowed = 0 then 1 else allowed end) end
  from jianguan.workdays e where e.day = event_day and allowed >= 0
$fn$;
create function jianguan.workdays_late(event_day date, done_day date, allowed integer) returns integer
language sql stable parallel safe as $fn$
  select greatest(0, d.ordinal - e.ordinal - x.n)
  from jianguan.workdays e, jianguan.workdays d,
       lateral (select case when allowed = 0 and not e.workday then 1 else allowed end as n) x
  where e.day = event_day and d.day = done_day and allowed >= 0
    and exists (select 1 from jianguan.workdays w where w.workday and w.ordinal = e.ordinal + x.n)
$fn$;
`;

/**
 * Fills `jianguan.workdays` from core's working-day calendar (工作日表): one row per day of the years given (default:
 * every year of the official State Council schedules), with `workday` and `ordinal` — the number of working days
 * up to and including the day. With it, `jianguan.workday_deadline(event, n)` is core's
 * `workdayLateness(event, done, n).deadline` (= `addWorkdays(event, n)` for n > 0; for n = 0 the event day, or the
 * next working day when the event is on a rest day, 民法典 第203条) and
 * `jianguan.workdays_late(event, done, n)` is core's `workdayLateness(event, done, n).workdaysLate` (null when a day
 * falls outside the table). Replaces the table's content in one transaction; returns the number of days.
 *
 * @example
 * await syncWorkdays(pool, { fromYear: 2024, toYear: 2026 }); // 1096
 * // a timestamptz's civil date is the Beijing one, whatever the session's TimeZone:
 * // select jianguan.workdays_late(check_date::date, (submitted_at at time zone 'Asia/Shanghai')::date, 7) from …
 */
export async function syncWorkdays(
  db: SqlClient,
  options: { readonly fromYear?: number; readonly toYear?: number } = {},
): Promise<number> {
  checkClient(db);
  requireOptions(options);
  const years = OFFICIAL_SCHEDULES.map((s) => s.year);
  const fromYear = options.fromYear ?? Math.min(...years);
  const toYear = options.toYear ?? Math.max(...years);
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new PostgresError(
      'invalid_years',
      { zh: '年份范围无效', en: 'invalid year range' },
      { path: ['fromYear'], details: { fromYear, toYear } },
    );
  }
  const first = dayNumberOf(`${fromYear}-01-01`);
  const last = dayNumberOf(`${toYear}-12-31`);
  const days: string[] = [];
  const workday: boolean[] = [];
  const ordinal: number[] = [];
  let count = 0;
  for (let d = first; d <= last; d++) {
    const w = isWorkdayNumber(d); // throws core's typed error for a year the calendar does not cover
    if (w) count++;
    days.push(String(civilDateOfDayNumber(d)));
    workday.push(w);
    ordinal.push(count);
  }
  await withTransaction(db, async (tx) => {
    await tx.query('delete from jianguan.workdays');
    await tx.query(
      'insert into jianguan.workdays (day, workday, ordinal) select * from unnest($1::date[], $2::boolean[], $3::integer[])',
      [days, workday, ordinal],
    );
  });
  return days.length;
}
