// One leap-year rule, one valid-date rule and one "today in China" in the SDK: core's calendar. The
// properties tie them to an independent oracle (the host's proleptic Gregorian Date in UTC); the scan checks
// that no other package source re-implements them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isValidYmd } from '../../src/calendar/civil-date.js';
import { chinaToday, civilDateOf, daysInMonth, isCivilDate, isLeapYear } from '../../src/index.js';

const oracleDays = (y: number, m: number): number => {
  const d = new Date(0);
  d.setUTCFullYear(y, m, 0);
  return d.getUTCDate();
};

describe('one calendar rule', () => {
  test.prop([fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 })])(
    'daysInMonth and isLeapYear agree with the proleptic Gregorian Date',
    (y, m) => {
      expect(daysInMonth(y, m)).toBe(oracleDays(y, m));
      expect(isLeapYear(y)).toBe(oracleDays(y, 2) === 29);
    },
  );

  test.prop([
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
  ])('isCivilDate, civilDateOf and isValidYmd say the same of every y-m-d', (y, m, d) => {
    const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const real = y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= oracleDays(y, m);
    expect(isValidYmd(y, m, d)).toBe(real);
    expect(isCivilDate(iso)).toBe(real);
    expect(civilDateOf(`${iso}T08:00:00+08:00`)).toBe(real ? iso : undefined);
  });

  test.prop([
    fc.date({
      min: new Date('1992-01-01T00:00:00Z'),
      max: new Date('2199-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
  ])('chinaToday is the Asia/Shanghai date of the instant (Intl oracle)', (now) => {
    const intl = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now);
    expect(chinaToday(now)).toBe(intl);
  });

  it('no package source outside core/src/calendar/civil-date.ts has its own leap-year rule, month table or China offset', () => {
    const root = join(import.meta.dirname, '../../..');
    const offenders: string[] = [];
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
      );
    for (const pkg of readdirSync(root)) {
      let files: string[];
      try {
        files = walk(join(root, pkg, 'src'));
      } catch {
        continue; // a package folder without src/
      }
      for (const file of files) {
        const rel = relative(root, file);
        if (rel === join('core', 'src', 'calendar', 'civil-date.ts')) continue;
        const text = readFileSync(file, 'utf8');
        if (/%\s*400\b/.test(text)) offenders.push(`${rel}: leap-year rule`);
        if (/\[\s*31\s*,\s*2[89]\s*,\s*31/.test(text)) offenders.push(`${rel}: month-length table`);
        if (/8\s*\*\s*3_?600_?000|28_?800_?000/.test(text)) offenders.push(`${rel}: UTC+8 offset`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
