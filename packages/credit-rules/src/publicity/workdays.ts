import type { CivilDate } from '@jianguan/core';
import { addWorkdays, getDefaultCalendar } from '@jianguan/core/calendar';

/**
 * The working-day arithmetic the publicity functions need. `@jianguan/core`'s `WorkdayCalendar` (from
 * `createCalendar`) satisfies it, so a province can pass one with its own overlays.
 *
 * @example
 * const calendar: WorkdayAdder = createCalendar({ overlays: [GUANGXI_SANYUESAN] });
 */
export interface WorkdayAdder {
  /** The n-th working day strictly after `date` (n > 0). */
  addWorkdays(date: CivilDate, n: number): CivilDate;
  /**
   * Optional: whether any day from `from` to `to` is estimated (a year without a loaded holiday notice), so a
   * date computed over it is provisional. Core's calendars have it; without it nothing is marked provisional.
   */
  isProvisional?(from: CivilDate, to: CivilDate): boolean;
}

const coreDefault: WorkdayAdder = {
  addWorkdays: (date, n) => addWorkdays(date, n),
  // A hand-made default calendar (setDefaultCalendar checks only the methods it needs) may lack it: not provisional.
  isProvisional: (from, to) => getDefaultCalendar().isProvisional?.(from, to) === true,
};

/**
 * The default working-day calendar: `@jianguan/core`'s official one (State Council schedules).
 *
 * @example
 * defaultWorkdays().addWorkdays('2026-09-30', 1); // '2026-10-08' (after the National Day holiday)
 */
export function defaultWorkdays(): WorkdayAdder {
  return coreDefault;
}
