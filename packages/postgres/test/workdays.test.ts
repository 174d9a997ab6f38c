import { addWorkdays, civilDateOfDayNumber, dayNumberOf, workdayLateness } from '@jianguan/core';
import { expect, it } from 'vitest';
import { syncWorkdays } from '../src/index.js';
import { describeOnMigratedBackends } from './support/backends.js';

function cases(count: number): { event: string; done: string; allowed: number }[] {
  let state = 7;
  const rand = (n: number) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state % n;
  };
  const first = dayNumberOf('2024-01-01');
  const out = [
    { event: '2025-09-30', done: '2025-10-13', allowed: 2 }, // National Day week and an adjusted Saturday
    { event: '2025-10-11', done: '2025-10-11', allowed: 0 },
    { event: '2026-02-14', done: '2026-03-02', allowed: 5 }, // Spring Festival
  ];
  while (out.length < count) {
    const e = first + rand(1000);
    out.push({
      event: String(civilDateOfDayNumber(e)),
      done: String(civilDateOfDayNumber(Math.max(first, e - 10 + rand(60)))),
      allowed: rand(16),
    });
  }
  return out;
}

describeOnMigratedBackends('working-day table', (db) => {
  it("gives core's deadlines and working days late", async () => {
    expect(await syncWorkdays(db, { fromYear: 2024, toYear: 2026 })).toBe(366 + 365 + 365);
    const list = cases(600);
    const { rows } = await db.query(
      `select u.i::int as i, jianguan.workday_deadline(u.e::date, u.n)::text as deadline,
                jianguan.workdays_late(u.e::date, u.d::date, u.n) as late
         from unnest($1::text[], $2::text[], $3::int[]) with ordinality as u(e, d, n, i)`,
      [list.map((c) => c.event), list.map((c) => c.done), list.map((c) => c.allowed)],
    );
    const wrong = rows.filter((r) => {
      const c = list[Number(r.i) - 1]!;
      const l = workdayLateness(c.event, c.done, c.allowed);
      return (
        (c.allowed > 0 && r.deadline !== String(addWorkdays(c.event, c.allowed))) ||
        r.late !== l.workdaysLate ||
        l.deadline !== r.deadline
      );
    });
    expect(wrong).toEqual([]);
    // Outside the table: null, never a guess.
    const out = await db.query("select jianguan.workdays_late('2023-12-29', '2024-01-03', 1) as late");
    expect(out.rows[0]!.late).toBeNull();
  });
});
