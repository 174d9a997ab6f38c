import { fc } from '@fast-check/vitest';

/** First and last covered day (built-in schedules 2004–2026), as UTC instants. */
export const FIRST = Date.parse('2004-01-01T00:00:00Z');
export const LAST = Date.parse('2026-12-31T00:00:00Z');
export const DAY = 86_400_000;

/** A civil date in the covered range, built with UTC arithmetic (not with the code under test). */
export const civilDate = fc
  .integer({ min: 0, max: (LAST - FIRST) / DAY })
  .map((i) => new Date(FIRST + i * DAY).toISOString().slice(0, 10));
/** A date far enough from the edges that ±n working days stay inside 2004–2026. */
export const innerDate = fc
  .integer({ min: 200, max: (LAST - FIRST) / DAY - 200 })
  .map((i) => new Date(FIRST + i * DAY).toISOString().slice(0, 10));
/** A working-day count for `innerDate`. */
export const count = fc.integer({ min: -120, max: 120 });
