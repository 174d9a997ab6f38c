// The built-in calendar data is trusted at run time (resolved without zod, so importing the calendar loads no
// zod): this is where it is validated with the published zod schemas instead.
import { describe, expect, it } from 'vitest';
import {
  calendarOverlaySchema,
  createCalendar,
  GUANGXI_SANYUESAN,
  OFFICIAL_SCHEDULES,
  REGIONAL_OVERLAYS,
  yearScheduleSchema,
} from '../../src/index.js';

describe('built-in calendar data', () => {
  it('every official schedule passes yearScheduleSchema unchanged', () => {
    expect(OFFICIAL_SCHEDULES.length).toBeGreaterThan(20);
    for (const schedule of OFFICIAL_SCHEDULES) {
      const parsed = yearScheduleSchema.safeParse(schedule);
      expect(parsed.error?.issues, String(schedule.year)).toBeUndefined();
      expect(parsed.data).toEqual(schedule);
    }
  });

  it('every bundled regional layer passes calendarOverlaySchema unchanged, and is frozen', () => {
    for (const overlay of Object.values(REGIONAL_OVERLAYS)) {
      const parsed = calendarOverlaySchema.safeParse(overlay);
      expect(parsed.error?.issues, overlay.id).toBeUndefined();
      expect(parsed.data).toEqual(overlay);
      expect(Object.isFrozen(overlay) && Object.isFrozen(overlay.arrangements[0]?.off)).toBe(true);
    }
  });

  it('a copy of the built-in data (not trusted) is validated and gives the same calendar', () => {
    const copies = structuredClone([...OFFICIAL_SCHEDULES]);
    const fromCopies = createCalendar({
      builtIn: false,
      schedules: copies,
      overlays: [structuredClone(GUANGXI_SANYUESAN)],
    });
    const builtIn = createCalendar({ overlays: [GUANGXI_SANYUESAN] });
    for (const day of ['2004-01-04', '2015-09-03', '2020-01-31', '2024-04-11', '2025-10-11', '2026-02-14']) {
      expect(fromCopies.dayInfo(day)).toEqual(builtIn.dayInfo(day));
    }
    const broken = structuredClone(GUANGXI_SANYUESAN) as unknown as { arrangements: { key: string }[] };
    broken.arrangements[0]!.key = 'Not A Key';
    expect(() => createCalendar({ overlays: [broken as never] })).toThrow(/overlay/);
  });
});
