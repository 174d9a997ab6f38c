/**
 * The statutory-estimate years after the last loaded notice are indexed on the first query that reaches them
 * (issue 17: the first `addWorkdays` after import must not pay for estimating 2027–2050). A calendar queried
 * only inside the loaded years and one whose estimates are already indexed must answer every query alike.
 */
import { describe, expect, it } from 'vitest';
import { dayNumberOf, formatDay } from '../../src/calendar/civil-date.js';
import { type CalendarWarning, createCalendar, type WorkdayCalendar } from '../../src/calendar/index.js';

const quiet = { onWarning: (_: CalendarWarning) => {} };
/** A calendar with every estimate year indexed (reading `estimatedYears` completes the index). */
function completed(): WorkdayCalendar {
  const c = createCalendar(quiet);
  expect(c.estimatedYears.length).toBeGreaterThan(0);
  return c;
}

/** The error a call throws (its name, code and message), or a failure when it returns. */
function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    const e = error as { name: string; code: string; message: string };
    return { name: e.name, code: e.code, message: e.message };
  }
  throw new Error('expected the call to throw');
}

describe('deferred statutory-estimate years', () => {
  it('every day of the loaded years reads the same before and after the estimates are indexed', () => {
    const lazy = createCalendar(quiet);
    const full = completed();
    const first = dayNumberOf(`${lazy.years[0]}-01-01`);
    const last = dayNumberOf(`${lazy.years.at(-1)}-12-31`);
    for (let d = first; d <= last; d++) {
      const date = formatDay(d);
      expect(lazy.dayInfo(date)).toEqual(full.dayInfo(date));
      expect(lazy.workdaysBetween(formatDay(first), date)).toBe(full.workdaysBetween(formatDay(first), date));
    }
    // Still only loaded years asked: now cross into the estimates.
    expect(lazy.addWorkdays('2026-12-30', 5)).toBe(full.addWorkdays('2026-12-30', 5));
  });

  const last = createCalendar(quiet).years.at(-1)!;
  const after = `${last + 1}`;
  const queries: [string, (c: WorkdayCalendar) => unknown][] = [
    ['addWorkdays forward across the last loaded year', (c) => c.addWorkdays(`${last}-12-20`, 40)],
    ['addWorkdays backward from an estimate year', (c) => c.addWorkdays(`${after}-02-20`, -40)],
    ['addWorkdays inside an estimate year', (c) => c.addWorkdays(`${after}-09-28`, 3)],
    ['workdaysBetween across', (c) => c.workdaysBetween(`${last}-12-01`, `${after}-03-01`)],
    ['workdaysBetween backward across', (c) => c.workdaysBetween(`${after}-03-01`, `${last}-12-01`)],
    ['dayInfo of an estimated day', (c) => c.dayInfo(`${after}-10-01`)],
    ['isWorkday of an estimated day', (c) => c.isWorkday(`${after}-10-02`)],
    ['isProvisional across', (c) => c.isProvisional(`${last}-12-01`, `${after}-01-05`)],
    ['isProvisional of an estimated day', (c) => c.isProvisional(`${after}-05-01`)],
    ['workdayLateness across', (c) => c.workdayLateness(`${last}-12-25`, `${after}-01-20`, 5)],
    ['addWorkdays past the estimate range throws', (c) => thrown(() => c.addWorkdays('2050-12-20', 30))],
  ];
  for (const [what, query] of queries) {
    it(`${what}: the first query gives the answer of a completed calendar`, () => {
      expect(query(createCalendar(quiet))).toEqual(query(completed()));
    });
  }

  it('estimatedYears lists the deferred years', () => {
    const c = createCalendar(quiet);
    expect(c.estimatedYears).toContain(last + 1);
    expect(c.estimatedYears.at(-1)).toBe(2050);
  });
});
