import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  civilFromDays,
  daysFromCivil,
  formatDay,
  INVALID_DAY,
  tryParseCivilDate,
  weekdayOfDay,
} from '../../src/calendar/civil-date.js';
import { isCivilDate } from '../../src/calendar/index.js';

describe('civil-date arithmetic', () => {
  test.prop([fc.integer({ min: -700_000, max: 2_900_000 })])(
    'format/parse round-trips and matches Date.UTC',
    (day) => {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      fc.pre(/^\d{4}-\d{2}-\d{2}$/.test(iso) && !iso.startsWith('0000'));
      expect(formatDay(day)).toBe(iso);
      expect(tryParseCivilDate(iso)).toBe(day);
      expect(weekdayOfDay(day)).toBe(new Date(day * 86_400_000).getUTCDay());
      const { year, month, day: d } = civilFromDays(day);
      expect(daysFromCivil(year, month, d)).toBe(day);
    },
  );

  it.each([
    ['1970-01-01', 0],
    ['2000-02-29', 11_016],
    ['2024-02-29', 19_782],
    ['2199-12-31', daysFromCivil(2199, 12, 31)],
    ['2200-01-01', daysFromCivil(2200, 1, 1)],
    ['1899-12-31', daysFromCivil(1899, 12, 31)],
  ])('parses %s', (s, day) => {
    expect(tryParseCivilDate(s)).toBe(day);
  });

  it.each([
    '1900-02-29',
    '2100-02-29',
    '2023-02-29',
    '2025-04-31',
    '2025-00-10',
    '2025-01-00',
    '0000-01-01',
    '2025-01-1a',
    '2025_01-01',
  ])('rejects %s', (s) => {
    expect(tryParseCivilDate(s)).toBe(INVALID_DAY);
    expect(isCivilDate(s)).toBe(false);
  });
});
