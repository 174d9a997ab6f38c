/**
 * `@jianguan/core/calendar` — China's official working-day calendar (工作日历): the State Council holiday
 * schedules 2004–2026 as data, a provisional statutory estimate for years without a notice (2027–2050), O(1) deadline arithmetic in working days, runtime loading of new years
 * (jianguan or holiday-cn format) and optional regional / organisation layers.
 *
 * @packageDocumentation
 */
export type { FieldPath, LocalizedMessage } from '../errors/jianguan-error.js';
export type {
  CalendarWarning,
  CreateCalendarOptions,
  DayInfo,
  DayKind,
  EstimateSource,
  HolidayRef,
  SameKind,
  ScheduleInput,
  UnknownYearsPolicy,
  WorkdayCalendar,
  WorkdayLateness,
} from './calendar.js';
export { createCalendar, toYearSchedule } from './calendar.js';
export type { CivilDate, DateInput } from './civil-date.js';
export {
  chinaToday,
  civilDateOfDayNumber,
  dayNumberOf,
  daysInMonth,
  isCivilDate,
  isLeapYear,
  toCivilDate,
  tryDayNumberOf,
} from './civil-date.js';
export {
  addWorkdays,
  addWorkdaysToDayNumber,
  dayInfo,
  getDefaultCalendar,
  isWorkday,
  isWorkdayNumber,
  loadSchedule,
  nextWorkday,
  previousWorkday,
  setDefaultCalendar,
  workdayLateness,
  workdaysBetween,
  workdaysBetweenDayNumbers,
} from './default-calendar.js';
export {
  CalendarDataError,
  InvalidCivilDateError,
  InvalidWorkdayCountError,
  UnknownCalendarYearError,
} from './errors.js';
export type { HolidayCnYear } from './holiday-cn.js';
export { holidayCnYearSchema, scheduleFromHolidayCn } from './holiday-cn.js';
export type { LunarFestivalDates } from './lunar-table.js';
export { LUNAR_FESTIVAL_TABLE, LUNAR_TABLE_SOURCE, lunarFestivalDates } from './lunar-table.js';
export { OFFICIAL_SCHEDULES, OFFICIAL_SCHEDULES_VERSION } from './official-schedules.js';
export type { CalendarOverlay } from './overlay.js';
export {
  calendarOverlaySchema,
  GUANGXI_SANYUESAN,
  NINGXIA_FESTIVALS,
  organisationClosures,
  REGIONAL_OVERLAYS,
  TIBET_LOSAR,
  XINJIANG_FESTIVALS,
} from './overlay.js';
export type { HolidayArrangement, ScheduleNotice, YearSchedule } from './schedule.js';
export {
  HOLIDAY_NAMES,
  holidayArrangementSchema,
  parseSchedule,
  yearScheduleSchema,
} from './schedule.js';
export type { EstimatedDay, StatutoryEstimate, StatutoryHolidayRules } from './statutory.js';
export {
  estimateStatutoryYear,
  STATUTORY_ESTIMATE_FIRST_YEAR,
  STATUTORY_ESTIMATE_LAST_YEAR,
  STATUTORY_HOLIDAY_RULES,
  statutoryRulesFor,
} from './statutory.js';
