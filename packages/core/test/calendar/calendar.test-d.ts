import { describe, expectTypeOf, it } from 'vitest';
import {
  addWorkdays,
  type CivilDate,
  createCalendar,
  type DateInput,
  type DayInfo,
  dayInfo,
  nextWorkday,
  workdayLateness,
} from '../../src/calendar/index.js';

describe('results come back in the kind given', () => {
  it('string in, string out; Date in, Date out', () => {
    expectTypeOf(addWorkdays('2025-09-30', 2)).toEqualTypeOf<CivilDate>();
    expectTypeOf(addWorkdays(new Date(), 2)).toEqualTypeOf<Date>();
    expectTypeOf(nextWorkday(new Date())).toEqualTypeOf<Date>();
    expectTypeOf(dayInfo('2025-10-01')).toEqualTypeOf<DayInfo<CivilDate>>();
    expectTypeOf(dayInfo(new Date()).date).toEqualTypeOf<Date>();
    expectTypeOf(workdayLateness(new Date(), '2025-10-10', 2).deadline).toEqualTypeOf<Date>();
    const either = '2025-01-01' as DateInput;
    expectTypeOf(createCalendar().addWorkdays(either, 1)).toEqualTypeOf<string | Date>();
  });

  it('rejects non-date arguments at compile time', () => {
    // @ts-expect-error numbers are not dates
    addWorkdays(20250930, 1);
  });
});

describe('provisional marks', () => {
  it('are optional literal true', () => {
    expectTypeOf(dayInfo('2027-01-01').provisional).toEqualTypeOf<true | undefined>();
    expectTypeOf(workdayLateness('2026-12-30', '2027-01-04', 2).provisional).toEqualTypeOf<
      true | undefined
    >();
    expectTypeOf(createCalendar().isProvisional('2027-01-01')).toEqualTypeOf<boolean>();
  });
});
