/**
 * Day-by-day equality of the built-in schedules with the holiday-cn dataset (../shared/fixtures/holiday-cn),
 * 2007-01-01..2026-12-31, plus the December days of 2006 that the 2007 file carries. The fixtures are used
 * for cross-checking only; they are read here, never copied into the package.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CalendarDataError,
  createCalendar,
  dayInfo,
  isWorkday,
  scheduleFromHolidayCn,
} from '../../src/calendar/index.js';

/**
 * The repository root: the nearest ancestor of this file whose package.json is the monorepo's (it has
 * `workspaces`) — whatever directory the tests run from and however deep the clone sits.
 */
function findRepoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && 'workspaces' in (JSON.parse(readFileSync(pkg, 'utf8')) as object)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('fixture-equality: no monorepo package.json above this test');
    dir = parent;
  }
}

const repoRoot = findRepoRoot();
// The shared fixtures live at ../shared relative to the repository root (never copied into the project).
const fixtureDir = path.resolve(repoRoot, '..', 'shared', 'fixtures', 'holiday-cn');
const haveFixtures = existsSync(path.join(fixtureDir, '2026.json'));

it('finds the holiday-cn fixtures at ../shared/fixtures/holiday-cn next to the repository', () => {
  // Fails loudly (never skips): without the fixtures the cross-check below would prove nothing.
  expect(haveFixtures, `holiday-cn fixtures missing: expected ${fixtureDir}/2026.json`).toBe(true);
});

interface FixtureDay {
  name: string;
  date: string;
  isOffDay: boolean;
}

function loadFixtures(): { years: Map<number, unknown>; days: Map<string, FixtureDay> } {
  const years = new Map<number, unknown>();
  const days = new Map<string, FixtureDay>();
  for (const file of readdirSync(fixtureDir).filter((f) => /^\d{4}\.json$/.test(f))) {
    const json = JSON.parse(readFileSync(path.join(fixtureDir, file), 'utf8')) as {
      year: number;
      days: FixtureDay[];
    };
    years.set(json.year, json);
    for (const d of json.days) days.set(d.date, d);
  }
  return { years, days };
}

/** Every civil date from..to, generated with UTC arithmetic (independent of the code under test). */
function* civilDates(from: string, to: string): Generator<string> {
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    yield new Date(t).toISOString().slice(0, 10);
  }
}

function weekendUtc(date: string): boolean {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow === 0 || dow === 6;
}

describe('built-in schedules equal holiday-cn day by day', () => {
  const { years, days } = haveFixtures ? loadFixtures() : { years: new Map(), days: new Map() };

  it('agrees on the working-day status of every day 2006-12-30..2026-12-31', () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const date of civilDates('2006-12-30', '2026-12-31')) {
      const listed = days.get(date);
      const expected = listed ? !listed.isOffDay : !weekendUtc(date);
      if (isWorkday(date) !== expected) mismatches.push(`${date}: expected ${expected ? 'work' : 'rest'}`);
      checked++;
    }
    expect(checked).toBe(7_307);
    expect(mismatches).toEqual([]);
  });

  it('classifies every listed day consistently (rest day → holiday; weekend worked → adjusted_workday)', () => {
    const wrong: string[] = [];
    for (const [date, d] of days) {
      if (date < '2006-12-30' || date > '2026-12-31') continue;
      const info = dayInfo(date);
      if (d.isOffDay && info.kind !== 'holiday') wrong.push(`${date} ${info.kind}`);
      if (!d.isOffDay && weekendUtc(date) && info.kind !== 'adjusted_workday')
        wrong.push(`${date} ${info.kind}`);
      if (d.isOffDay && info.holiday === undefined) wrong.push(`${date} has no holiday name`);
    }
    expect(wrong).toEqual([]);
  });

  it('builds an identical calendar from the holiday-cn files loaded at run time', () => {
    const schedules = [...years.entries()].filter(([y]) => y <= 2026).map(([, json]) => json as never);
    const fromFixtures = createCalendar({ builtIn: false, schedules });
    expect(fromFixtures.years).toEqual(Array.from({ length: 20 }, (_, i) => 2007 + i));
    for (const date of civilDates('2007-01-01', '2026-12-31')) {
      if (fromFixtures.isWorkday(date) !== isWorkday(date)) throw new Error(`differs on ${date}`);
    }
    expect(fromFixtures.workdaysBetween('2006-12-31', '2026-12-31')).toBe(
      createCalendar().workdaysBetween('2006-12-31', '2026-12-31'),
    );
  });

  it('rejects the empty 2027 placeholder instead of treating 2027 as "no holidays"', () => {
    expect(() => scheduleFromHolidayCn(years.get(2027))).toThrow(CalendarDataError);
  });
});
