/**
 * The working-day calendar (工作日历): an index built once from the schedules, O(1) queries.
 *
 * Index: day offset → one byte (bit 0 working day, bit 1 year known, bits 2–3 kind), an `Int32Array` of prefix
 * sums of working days, and a dense "k-th working day → offset" array. `isWorkday` is one array read;
 * `workdaysBetween` is two prefix reads; `addWorkdays` is a prefix read plus a rank read — whatever the span.
 */
import type { LocalizedMessage } from '../errors/jianguan-error.js';
import type { CivilDate, DateInput } from './civil-date.js';
import {
  checkDayNumber,
  dayFromInstant,
  daysFromCivil,
  formatDay,
  INVALID_DAY,
  instantFromDay,
  tryParseCivilDate,
  weekdayOfDay,
  yearOfDay,
} from './civil-date.js';
import {
  CalendarDataError,
  InvalidCivilDateError,
  InvalidWorkdayCountError,
  UnknownCalendarYearError,
} from './errors.js';
import type { HolidayCnYear } from './holiday-cn.js';
import { scheduleFromHolidayCn } from './holiday-cn.js';
import { OFFICIAL_SCHEDULES } from './official-schedules.js';
import type { CalendarOverlay } from './overlay.js';
import { resolveOverlay } from './overlay.js';
import type { ResolvedDay, ResolvedSchedule, YearSchedule } from './schedule.js';
import { parseSchedule, resolveSchedule } from './schedule.js';
import {
  estimateStatutoryYear,
  STATUTORY_ESTIMATE_FIRST_YEAR,
  STATUTORY_ESTIMATE_LAST_YEAR,
} from './statutory.js';

/**
 * The result type matching the input kind: a `Date` in gives a `Date` out, a string gives a {@link CivilDate}.
 *
 * @example
 * type A = SameKind<Date>; // Date
 * type B = SameKind<'2025-10-01'>; // string
 */
export type SameKind<T extends DateInput> = T extends Date ? Date : CivilDate;

/**
 * What kind of day a date is (日期类型): ordinary working day, weekend, holiday rest day (法定节假日/调休放假),
 * or adjusted working day (调休上班日, a weekend day worked).
 *
 * @example
 * const kind: DayKind = 'adjusted_workday';
 */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted_workday';

/**
 * The holiday a day belongs to (节日).
 *
 * @example
 * const h: HolidayRef = { key: 'national_day', name: 'National Day', nameZh: '国庆节' };
 */
export interface HolidayRef {
  readonly key: string;
  readonly name: string;
  readonly nameZh: string;
  /** Set when the day comes from an overlay (regional holiday or closure): the overlay id. */
  readonly overlay?: string;
}

/**
 * Everything about one day (日期信息). `holiday` is set on holiday rest days and on adjusted working days
 * (the holiday the make-up day belongs to).
 *
 * @example
 * dayInfo('2025-10-11'); // { date: '2025-10-11', kind: 'adjusted_workday', isWorkday: true, holiday: { key: 'national_day_mid_autumn', … } }
 */
export interface DayInfo<T extends DateInput = CivilDate> {
  readonly date: T;
  readonly kind: DayKind;
  readonly isWorkday: boolean;
  readonly holiday?: HolidayRef;
  /**
   * Present (`true`) when the day is not from a loaded notice but estimated (推算, 非官方): its year has no
   * schedule loaded. Absent on official days.
   */
  readonly provisional?: true;
  /** How a provisional day was computed: the statutory estimate or the plain weekend rule. Absent on official days. */
  readonly source?: EstimateSource;
}

/**
 * How a day without an official schedule was computed (推算依据): `statutory-estimate` (the statutory holidays
 * and make-up days of 《全国年节及纪念日放假办法》, no 调休) or `weekend-rule` (Mon–Fri).
 *
 * @example
 * const s: EstimateSource = 'statutory-estimate';
 */
export type EstimateSource = 'statutory-estimate' | 'weekend-rule';

/**
 * Whether something done on `doneDay` met "within N working days after `eventDay`" (时限判定).
 *
 * @example
 * workdayLateness('2025-09-30', '2025-10-13', 2); // { deadline: '2025-10-10', onTime: false, workdaysLate: 2, calendarDaysLate: 3 }
 */
export interface WorkdayLateness<T extends DateInput = CivilDate> {
  /** The last day allowed: `addWorkdays(eventDay, N)` (the deadline ends at the end of that day). */
  readonly deadline: T;
  /** `doneDay` ≤ deadline. */
  readonly onTime: boolean;
  /** max(0, workdaysBetween(deadline, doneDay)): 0 when on time (or done on a rest day right after). */
  readonly workdaysLate: number;
  /** Calendar days after the deadline, 0 when on time. */
  readonly calendarDaysLate: number;
  /**
   * Present (`true`) when the answer depends on an estimated day (a year without a loaded notice) between the
   * event and the later of deadline and done day: recompute once the notice is loaded. Absent otherwise.
   */
  readonly provisional?: true;
}

/**
 * What to do with a year that has no loaded schedule (未知年份策略):
 * - `'statutory-estimate'` (default): years 2008–2050 are estimated from the law — the statutory holidays of
 *   《全国年节及纪念日放假办法》 in force that year with the make-up days of its art. 6, no 调休 — every such day
 *   is marked provisional, and each year is reported once through `onWarning`; other years throw;
 * - `'throw'`: strict — throws {@link UnknownCalendarYearError};
 * - `'weekend-rule'`: Mon–Fri are working days (years 1996–2099), provisional, reported once per year.
 *
 * @example
 * const strict: UnknownYearsPolicy = 'throw';
 */
export type UnknownYearsPolicy = 'statutory-estimate' | 'throw' | 'weekend-rule';
const UNKNOWN_YEARS_POLICIES: readonly UnknownYearsPolicy[] = ['statutory-estimate', 'throw', 'weekend-rule'];

/**
 * A warning from a calendar (日历告警), e.g. that a year was computed with the plain weekend rule.
 *
 * @example
 * const onWarning = (w: CalendarWarning) => logger.warn(w.code, w.year, w.message.en);
 */
export interface CalendarWarning {
  readonly code: 'weekend_rule_fallback' | 'statutory_estimate';
  readonly year: number;
  readonly message: LocalizedMessage;
}

/**
 * A schedule in either accepted format: jianguan's {@link YearSchedule} or a holiday-cn year file.
 *
 * @example
 * const input: ScheduleInput = JSON.parse(fs.readFileSync('2027.json', 'utf8'));
 */
export type ScheduleInput = YearSchedule | HolidayCnYear;

/**
 * Options of {@link createCalendar}.
 *
 * @example
 * const options: CreateCalendarOptions = { schedules: [schedule2027], unknownYears: 'throw' };
 */
export interface CreateCalendarOptions {
  /** Extra schedules (jianguan or holiday-cn format); a year given here replaces that year's built-in one. */
  readonly schedules?: readonly ScheduleInput[];
  /** Include the built-in official schedules 2004–2026 (default `true`). */
  readonly builtIn?: boolean;
  /** Optional layers (regional holidays, organisation closures), applied in order on top. */
  readonly overlays?: readonly CalendarOverlay[];
  /** Unknown-year policy (default `'statutory-estimate'`; `'throw'` for the strict behaviour). */
  readonly unknownYears?: UnknownYearsPolicy;
  /** Receives warnings (default: `process.emitWarning` when available, else ignored). Never `console`. */
  readonly onWarning?: (warning: CalendarWarning) => void;
}

/**
 * A working-day calendar (工作日历) built from schedules and overlays. Every method accepts a
 * `'YYYY-MM-DD'` China civil date or a `Date` (read in Asia/Shanghai) and answers in the kind given.
 *
 * @example
 * const calendar = createCalendar();
 * calendar.addWorkdays('2025-09-30', 2); // '2025-10-10'
 */
export interface WorkdayCalendar {
  /** Whether the day is a working day (工作日). */
  isWorkday(date: DateInput): boolean;
  /** The kind of day and its holiday. */
  dayInfo<T extends DateInput>(date: T): DayInfo<SameKind<T>>;
  /** n > 0: the n-th working day strictly after `date`; n < 0: backwards; n = 0: `date` itself. */
  addWorkdays<T extends DateInput>(date: T, n: number): SameKind<T>;
  /** Number of working days w with from < w ≤ to (negative when to < from). */
  workdaysBetween(from: DateInput, to: DateInput): number;
  /** The first working day strictly after `date`. */
  nextWorkday<T extends DateInput>(date: T): SameKind<T>;
  /** The last working day strictly before `date`. */
  previousWorkday<T extends DateInput>(date: T): SameKind<T>;
  /**
   * Deadline check for "within `allowedWorkdays` working days after `eventDay`". With `allowedWorkdays` 0 the
   * deadline is the event day itself, or the next working day when the event is on a rest day (民法典 第203条).
   */
  workdayLateness<T extends DateInput>(
    eventDay: T,
    doneDay: DateInput,
    allowedWorkdays: number,
  ): WorkdayLateness<SameKind<T>>;
  /**
   * Day-number form of {@link WorkdayCalendar.isWorkday}: `day` is a day number (日序号, days since
   * 1970-01-01, see `dayNumberOf`). Same answers and errors, no string parsing.
   */
  isWorkdayNumber(day: number): boolean;
  /** Day-number form of {@link WorkdayCalendar.workdaysBetween}: working days w with from < w ≤ to. */
  workdaysBetweenDayNumbers(from: number, to: number): number;
  /** Day-number form of {@link WorkdayCalendar.addWorkdays}: the day number of the n-th working day after `day`. */
  addWorkdaysToDayNumber(day: number, n: number): number;
  /**
   * Whether any day from `from` to `to` (inclusive, either order; `to` defaults to `from`) is estimated rather
   * than official (推算日) — i.e. whether an answer over that span is provisional. Never throws for unknown years
   * (they are not estimated: `false`); bad dates throw {@link InvalidCivilDateError}.
   */
  isProvisional(from: DateInput, to?: DateInput): boolean;
  /** Day-number form of {@link WorkdayCalendar.isProvisional}. */
  isProvisionalDayNumber(from: number, to?: number): boolean;
  /** The years with an official schedule loaded, ascending. */
  readonly years: readonly number[];
  /** The years answered by estimate (statutory estimate or weekend rule), ascending. */
  readonly estimatedYears: readonly number[];
  /** The schedules in use, by year ascending. */
  readonly schedules: readonly YearSchedule[];
  /** The overlays in use, in application order. */
  readonly overlays: readonly CalendarOverlay[];
  /** The unknown-year policy. */
  readonly unknownYears: UnknownYearsPolicy;
  /** A new calendar with more schedules (replacing same years) and/or overlays, or another policy. */
  extend(options: Omit<CreateCalendarOptions, 'builtIn'>): WorkdayCalendar;
}

const WORK = 1;
const KNOWN = 2;
const KIND_SHIFT = 2;
/** The day is answered by estimate (statutory estimate or weekend rule), not by a loaded notice. */
const ESTIMATED = 16;
const K_WORKDAY = 0;
const K_WEEKEND = 1;
const K_HOLIDAY = 2;
const K_ADJUSTED = 3;
const KIND_NAMES: readonly DayKind[] = ['workday', 'weekend', 'holiday', 'adjusted_workday'];
/** The weekend rule is only meaningful since the five-day week (1995-05-01). */
const FALLBACK_FIRST_YEAR = 1996;
const FALLBACK_LAST_YEAR = 2099;

const resolvedCache = new WeakMap<object, ResolvedSchedule>();

function isHolidayCn(input: unknown): input is HolidayCnYear {
  return typeof input === 'object' && input !== null && 'days' in input && 'papers' in input;
}

/**
 * Converts a schedule in either format to a validated jianguan {@link YearSchedule}.
 * `format: 'auto'` (default) recognises holiday-cn files by their `papers` and `days` fields.
 *
 * @example
 * toYearSchedule(JSON.parse(text)).year; // 2027
 */
export function toYearSchedule(
  input: unknown,
  format: 'auto' | 'jianguan' | 'holiday-cn' = 'auto',
): YearSchedule {
  if (format === 'holiday-cn' || (format === 'auto' && isHolidayCn(input)))
    return scheduleFromHolidayCn(input);
  return parseSchedule(input);
}

function resolveCached(
  schedule: YearSchedule,
  path: readonly (string | number)[],
  trusted?: boolean,
): ResolvedSchedule {
  const hit = resolvedCache.get(schedule);
  if (hit) return hit;
  const resolved = resolveSchedule(schedule, path, trusted);
  resolvedCache.set(schedule, resolved);
  return resolved;
}

/** Process-wide: the default handler warns once per (code, year) even when calendars are rebuilt. */
const emitted = new Set<string>();

function defaultWarning(warning: CalendarWarning): void {
  const key = `${warning.code}:${warning.year}`;
  if (emitted.has(key)) return;
  emitted.add(key);
  const proc = (globalThis as { process?: { emitWarning?: (message: string, options: object) => void } })
    .process;
  proc?.emitWarning?.(warning.message.en, {
    code:
      warning.code === 'statutory_estimate'
        ? 'JIANGUAN_CALENDAR_STATUTORY_ESTIMATE'
        : 'JIANGUAN_CALENDAR_WEEKEND_RULE',
    type: 'JianguanWarning',
  });
}

/** Reads a date argument as a day number, or throws. Small enough for V8 to inline into the hot paths. */
function dayOf(input: DateInput, argument: string): number {
  const day =
    typeof input === 'string'
      ? tryParseCivilDate(input)
      : input instanceof Date
        ? dayFromInstant(input)
        : INVALID_DAY;
  if (day === INVALID_DAY) throw new InvalidCivilDateError(input, argument);
  return day;
}

class IndexedCalendar implements WorkdayCalendar {
  readonly years: readonly number[];
  readonly schedules: readonly YearSchedule[];
  readonly overlays: readonly CalendarOverlay[];
  readonly unknownYears: UnknownYearsPolicy;
  private readonly onWarning: (warning: CalendarWarning) => void;
  private readonly knownYears: ReadonlySet<number>;
  private readonly warned = new Set<number>();
  private readonly resolved: readonly ResolvedSchedule[];
  private readonly overlayDays: readonly { overlay: CalendarOverlay; days: readonly ResolvedDay[] }[];
  /**
   * The statutory-estimate years after the last loaded year are indexed on the first query that reaches past
   * that year (or asks for {@link estimatedYears}): estimating and resolving them is most of the cost of
   * building the default calendar, and most queries are about years with a notice. Until then the index ends
   * with the last loaded year; the days it covers are the same either way (an estimate names only days of its
   * own year, and loaded notices are applied after the estimates).
   */
  private partial: boolean;
  private estimated: readonly number[] = [];
  private base = 0;
  private size = 0;
  private total = 0;
  private state = new Uint8Array(0);
  private refIndex = new Uint16Array(0);
  private refs: HolidayRef[] = [];
  private prefix = new Int32Array(1);
  private rank = new Int32Array(0);
  /** Days neither official nor estimated, cumulative; absent when there are none. */
  private unknownPrefix: Int32Array | undefined;
  /** Estimated days, cumulative; absent when there are none. */
  private estimatedPrefix: Int32Array | undefined;
  private strings: (string | undefined)[] = [];

  constructor(
    schedules: readonly YearSchedule[],
    overlays: readonly CalendarOverlay[],
    unknownYears: UnknownYearsPolicy,
    onWarning: (warning: CalendarWarning) => void,
  ) {
    const resolved = schedules.map((s, i) => resolveCached(s, ['schedules', i]));
    this.resolved = resolved;
    this.overlayDays = overlays.map((o, i) => ({ overlay: o, days: resolveOverlay(o, ['overlays', i]) }));
    this.schedules = resolved.map((r) => r.schedule);
    this.overlays = overlays;
    this.unknownYears = unknownYears;
    this.onWarning = onWarning;
    this.years = resolved.map((r) => r.schedule.year);
    this.knownYears = new Set(this.years);
    const lastKnown = this.years[this.years.length - 1];
    this.partial =
      unknownYears === 'statutory-estimate' &&
      lastKnown !== undefined &&
      lastKnown < STATUTORY_ESTIMATE_LAST_YEAR;
    this.build();
  }

  /** Years answered by estimate (statutory estimate or weekend rule). */
  get estimatedYears(): readonly number[] {
    this.complete();
    return this.estimated;
  }

  /** Indexes the deferred estimate years, if any; true when the index grew (the caller then asks again). */
  private complete(): boolean {
    if (!this.partial) return false;
    this.partial = false;
    this.build();
    return true;
  }

  /** (Re)builds the index: up to the last loaded year while {@link partial}, the whole range otherwise. */
  private build(): void {
    const unknownYears = this.unknownYears;
    let first = this.years[0];
    let last = this.years[this.years.length - 1];
    if (unknownYears === 'weekend-rule') {
      first = Math.min(first ?? FALLBACK_FIRST_YEAR, FALLBACK_FIRST_YEAR);
      last = Math.max(last ?? FALLBACK_LAST_YEAR, FALLBACK_LAST_YEAR);
    } else if (unknownYears === 'statutory-estimate') {
      first = Math.min(first ?? STATUTORY_ESTIMATE_FIRST_YEAR, STATUTORY_ESTIMATE_FIRST_YEAR);
      if (!this.partial) last = Math.max(last ?? STATUTORY_ESTIMATE_LAST_YEAR, STATUTORY_ESTIMATE_LAST_YEAR);
    }
    if (first === undefined || last === undefined) {
      this.base = 0;
      this.size = 0;
    } else {
      this.base = daysFromCivil(first, 1, 1);
      this.size = daysFromCivil(last + 1, 1, 1) - this.base;
    }
    const size = this.size;
    const state = new Uint8Array(size);
    this.state = state;
    this.refIndex = new Uint16Array(size);
    this.refs = [];
    // Weekdays by counting on from the first day's (no division per day).
    for (let off = 0, w = size > 0 ? weekdayOfDay(this.base) : 0; off < size; off++) {
      state[off] = w === 0 || w === 6 ? K_WEEKEND << KIND_SHIFT : (K_WORKDAY << KIND_SHIFT) | WORK;
      w = w === 6 ? 0 : w + 1;
    }
    const estimated: number[] = [];
    let unknownDays = 0;
    let estimatedDays = 0;
    if (first !== undefined && last !== undefined) {
      for (let y = first; y <= last; y++) {
        const a = daysFromCivil(y, 1, 1) - this.base;
        const b = daysFromCivil(y + 1, 1, 1) - this.base;
        let flag = 0;
        if (this.knownYears.has(y)) flag = KNOWN;
        else if (unknownYears === 'weekend-rule') flag = ESTIMATED;
        else if (unknownYears === 'statutory-estimate') {
          const estimate = estimateStatutoryYear(y);
          if (estimate !== undefined) {
            flag = ESTIMATED;
            // Built here by the estimate itself: no zod validation needed.
            this.apply(resolveCached(estimate.schedule, ['estimate', y], true).days, undefined);
          }
        }
        if (flag === 0) unknownDays += b - a;
        if (flag === ESTIMATED) {
          estimated.push(y);
          estimatedDays += b - a;
        }
        for (let off = a; off < b; off++) state[off] = state[off]! | flag;
      }
    }
    this.estimated = estimated;
    for (const r of this.resolved) this.apply(r.days, undefined);
    for (const { overlay, days } of this.overlayDays) this.apply(days, overlay.id);

    // The cumulative counts, in one pass.
    const prefix = new Int32Array(size + 1);
    const up = unknownDays > 0 ? new Int32Array(size + 1) : undefined;
    const ep = estimatedDays > 0 ? new Int32Array(size + 1) : undefined;
    for (let off = 0; off < size; off++) {
      const s = state[off]!;
      prefix[off + 1] = prefix[off]! + (s & WORK);
      if (up !== undefined) up[off + 1] = up[off]! + (s & (KNOWN | ESTIMATED) ? 0 : 1);
      if (ep !== undefined) ep[off + 1] = ep[off]! + (s & ESTIMATED ? 1 : 0);
    }
    this.prefix = prefix;
    this.total = prefix[size]!;
    const rank = new Int32Array(this.total);
    for (let off = 0; off < size; off++) if (state[off]! & WORK) rank[prefix[off]!] = off;
    this.rank = rank;
    this.unknownPrefix = up;
    this.estimatedPrefix = ep;
    this.strings = new Array<string | undefined>(size);
  }

  /**
   * Writes resolved days into the index. Keeps the year's KNOWN / ESTIMATED flag: a December day that a loaded
   * notice of the next year names stays provisional when its own year is estimated — the rest of that year is.
   */
  private apply(days: readonly ResolvedDay[], overlay: string | undefined): void {
    const refKeys = new Map<string, number>();
    for (const d of days) {
      const off = d.day - this.base;
      if (off < 0 || off >= this.size) continue;
      const refKey = `${d.key}\u0000${d.name}\u0000${d.nameZh}`;
      let ref = refKeys.get(refKey);
      if (ref === undefined) {
        this.refs.push({
          key: d.key,
          name: d.name,
          nameZh: d.nameZh,
          ...(overlay === undefined ? {} : { overlay }),
        });
        ref = this.refs.length;
        refKeys.set(refKey, ref);
      }
      const flags = this.state[off]! & (KNOWN | ESTIMATED);
      if (d.off) {
        this.state[off] = flags | (K_HOLIDAY << KIND_SHIFT);
      } else {
        const w = weekdayOfDay(d.day);
        this.state[off] = flags | WORK | ((w === 0 || w === 6 ? K_ADJUSTED : K_WORKDAY) << KIND_SHIFT);
      }
      this.refIndex[off] = ref;
    }
  }

  // ---- error and fallback paths (cold) ----

  private unknownYear(year: number, argument: string): never {
    const mode =
      this.unknownYears === 'weekend-rule'
        ? 'weekend-rule'
        : this.unknownYears === 'statutory-estimate'
          ? 'statutory-estimate'
          : undefined;
    throw new UnknownCalendarYearError(year, this.years, argument, mode);
  }

  /** Days [fromOff, toOff] (offsets inside the index) contain years without a schedule or estimate. */
  private gap(fromOff: number, toOff: number, argument: string): never {
    const y0 = yearOfDay(this.base + fromOff);
    const y1 = yearOfDay(this.base + toOff);
    const estimated = new Set(this.estimated);
    for (let y = y0; y <= y1; y++) {
      if (!this.knownYears.has(y) && !estimated.has(y)) return this.unknownYear(y, argument);
    }
    return this.unknownYear(y0, argument);
  }

  /** Days [fromOff, toOff] contain estimated days: warn once per estimated year. Returns true. */
  private provisionalSpan(fromOff: number, toOff: number): true {
    const y0 = yearOfDay(this.base + fromOff);
    const y1 = yearOfDay(this.base + toOff);
    for (let y = y0; y <= y1; y++) {
      if (this.knownYears.has(y) || this.warned.has(y) || !this.estimated.includes(y)) continue;
      this.warned.add(y);
      this.onWarning(
        this.unknownYears === 'weekend-rule'
          ? {
              code: 'weekend_rule_fallback',
              year: y,
              message: {
                zh: `未加载 ${y} 年的法定节假日安排，已按周末规则（周一至周五上班）推算，结果为临时结果；请在国务院办公厅通知发布后加载该年数据`,
                en: `no official schedule loaded for ${y}; computed with the weekend rule (Mon–Fri working days), provisionally. Load the year's schedule once the State Council notice is out`,
              },
            }
          : {
              code: 'statutory_estimate',
              year: y,
              message: {
                zh: `未加载 ${y} 年的国务院办公厅放假安排通知，已按《全国年节及纪念日放假办法》的法定假日及补假推算（不含调休），结果为临时结果（provisional）；通知发布后请用 loadSchedule() 加载并重算`,
                en: `no State Council holiday notice loaded for ${y}; estimated from the statutory holidays and make-up days of the national holiday measures (no 调休 swaps), provisionally. Load the notice with loadSchedule() once published and recompute`,
              },
            },
      );
    }
    return true;
  }

  /** First day of (fromDay, toDay] outside the index → throw. */
  private outside(fromDay: number, toDay: number, argument: string): never {
    const first = fromDay + 1 < this.base ? fromDay + 1 : Math.max(fromDay + 1, this.base + this.size);
    return this.unknownYear(yearOfDay(Math.min(first, toDay)), argument);
  }

  private out<T extends DateInput>(input: T, off: number): SameKind<T> {
    if (typeof input === 'string') {
      let s = this.strings[off];
      if (s === undefined) {
        s = formatDay(this.base + off);
        this.strings[off] = s;
      }
      return s as SameKind<T>;
    }
    return instantFromDay(this.base + off) as SameKind<T>;
  }

  // ---- queries (hot) ----

  isWorkday(date: DateInput): boolean {
    return this.workdayAt(dayOf(date, 'date'), 'date');
  }

  isWorkdayNumber(day: number): boolean {
    return this.workdayAt(checkDayNumber(day, 'day'), 'day');
  }

  private workdayAt(day: number, argument: string): boolean {
    const off = day - this.base;
    if (off >= 0 && off < this.size) {
      const s = this.state[off]!;
      if ((s & (KNOWN | ESTIMATED)) !== KNOWN) {
        if ((s & ESTIMATED) === 0) this.gap(off, off, argument);
        this.provisionalSpan(off, off);
      }
      return (s & WORK) !== 0;
    }
    if (this.complete()) return this.workdayAt(day, argument);
    return this.unknownYear(yearOfDay(day), argument);
  }

  dayInfo<T extends DateInput>(date: T): DayInfo<SameKind<T>> {
    const day = dayOf(date, 'date');
    const off = day - this.base;
    if (off < 0 || off >= this.size) {
      if (this.complete()) return this.dayInfo(date);
      return this.unknownYear(yearOfDay(day), 'date');
    }
    const s = this.state[off]!;
    const estimated = (s & ESTIMATED) !== 0;
    if ((s & KNOWN) === 0) {
      if (!estimated) this.gap(off, off, 'date');
      this.provisionalSpan(off, off);
    }
    const ref = this.refIndex[off]!;
    const kind = KIND_NAMES[(s >> KIND_SHIFT) & 3]!;
    const holiday = ref === 0 || kind === 'workday' || kind === 'weekend' ? undefined : this.refs[ref - 1];
    return {
      date: (typeof date === 'string' ? date : instantFromDay(day)) as SameKind<T>,
      kind,
      isWorkday: (s & WORK) !== 0,
      ...(holiday === undefined ? {} : { holiday }),
      ...(estimated
        ? {
            provisional: true as const,
            source: (this.unknownYears === 'weekend-rule'
              ? 'weekend-rule'
              : 'statutory-estimate') as EstimateSource,
          }
        : {}),
    };
  }

  /** Working days in (lo, hi], lo ≤ hi given as day numbers. */
  private count(lo: number, hi: number, argument: string): number {
    if (lo === hi) return 0;
    const a = lo - this.base + 1;
    const b = hi - this.base + 1;
    if (a < 0 || b > this.size) {
      if (this.complete()) return this.count(lo, hi, argument);
      return this.outside(lo, hi, argument);
    }
    const up = this.unknownPrefix;
    if (up !== undefined && up[b] !== up[a]) this.gap(a, b - 1, argument);
    const ep = this.estimatedPrefix;
    if (ep !== undefined && ep[b] !== ep[a]) this.provisionalSpan(a, b - 1);
    return this.prefix[b]! - this.prefix[a]!;
  }

  workdaysBetween(from: DateInput, to: DateInput): number {
    return this.between(dayOf(from, 'from'), dayOf(to, 'to'));
  }

  workdaysBetweenDayNumbers(from: number, to: number): number {
    return this.between(checkDayNumber(from, 'from'), checkDayNumber(to, 'to'));
  }

  private between(a: number, b: number): number {
    return a <= b ? this.count(a, b, 'to') : 0 - this.count(b, a, 'from'); // 0 - x: never -0
  }

  addWorkdays<T extends DateInput>(date: T, n: number): SameKind<T> {
    const day = dayOf(date, 'date');
    const t = this.add(day, n, 'date');
    if (t === day) return (typeof date === 'string' ? date : instantFromDay(day)) as SameKind<T>;
    return this.out(date, t - this.base);
  }

  addWorkdaysToDayNumber(day: number, n: number): number {
    return this.add(checkDayNumber(day, 'day'), n, 'day');
  }

  /** The day number of the n-th working day after `day` (n = 0: `day` itself). */
  private add(day: number, n: number, argument: string): number {
    if (!Number.isSafeInteger(n)) throw new InvalidWorkdayCountError(n, 'n');
    const off = day - this.base;
    if (n > 0) {
      if (off < -1 || off >= this.size) {
        if (this.complete()) return this.add(day, n, argument);
        return this.outside(day, day + 1, argument);
      }
      const r = this.prefix[off + 1]! + n - 1;
      if (r >= this.total) {
        if (this.complete()) return this.add(day, n, argument);
        return this.unknownYear(yearOfDay(this.base + this.size), 'n');
      }
      const t = this.rank[r]!;
      const up = this.unknownPrefix;
      if (up !== undefined && up[t + 1] !== up[off + 1]) this.gap(off + 1, t, 'n');
      const ep = this.estimatedPrefix;
      if (ep !== undefined && ep[t + 1] !== ep[off + 1]) this.provisionalSpan(off + 1, t);
      return this.base + t;
    }
    if (n < 0) {
      if (off < 1 || off > this.size) {
        if (this.complete()) return this.add(day, n, argument);
        return this.outside(day - 2, day - 1, argument);
      }
      const r = this.prefix[off]! + n;
      if (r < 0) return this.unknownYear(yearOfDay(this.base - 1), 'n');
      const t = this.rank[r]!;
      const up = this.unknownPrefix;
      if (up !== undefined && up[off] !== up[t]) this.gap(t, off - 1, 'n');
      const ep = this.estimatedPrefix;
      if (ep !== undefined && ep[off] !== ep[t]) this.provisionalSpan(t, off - 1);
      return this.base + t;
    }
    return day;
  }

  nextWorkday<T extends DateInput>(date: T): SameKind<T> {
    return this.addWorkdays(date, 1);
  }

  previousWorkday<T extends DateInput>(date: T): SameKind<T> {
    return this.addWorkdays(date, -1);
  }

  workdayLateness<T extends DateInput>(
    eventDay: T,
    doneDay: DateInput,
    allowedWorkdays: number,
  ): WorkdayLateness<SameKind<T>> {
    if (!Number.isSafeInteger(allowedWorkdays) || allowedWorkdays < 0) {
      throw new InvalidWorkdayCountError(allowedWorkdays, 'allowedWorkdays');
    }
    const event = dayOf(eventDay, 'eventDay');
    const done = dayOf(doneDay, 'doneDay');
    // N = 0 on a rest day: the period ends on the next working day (民法典 第203条), never before the event.
    const n = allowedWorkdays === 0 && !this.workdayAt(event, 'eventDay') ? 1 : allowedWorkdays;
    const deadlineDay = this.add(event, n, 'eventDay');
    const deadline =
      deadlineDay === event && typeof eventDay === 'string'
        ? (eventDay as SameKind<T>)
        : this.out(eventDay, deadlineDay - this.base);
    const late = done > deadlineDay;
    // Provisional when an estimated day lies between the event and the later of deadline and done day.
    const provisional = this.provisionalQuery(Math.min(event, done), Math.max(deadlineDay, done));
    return {
      deadline,
      onTime: !late,
      workdaysLate: late ? this.count(deadlineDay, done, 'doneDay') : 0,
      calendarDaysLate: late ? done - deadlineDay : 0,
      ...(provisional ? { provisional: true as const } : {}),
    };
  }

  isProvisional(from: DateInput, to?: DateInput): boolean {
    const a = dayOf(from, 'from');
    const b = to === undefined ? a : dayOf(to, 'to');
    return this.provisionalQuery(a, b);
  }

  isProvisionalDayNumber(from: number, to?: number): boolean {
    const a = checkDayNumber(from, 'from');
    const b = to === undefined ? a : checkDayNumber(to, 'to');
    return this.provisionalQuery(a, b);
  }

  private provisionalQuery(x: number, y: number): boolean {
    if (Math.max(x, y) - this.base >= this.size) this.complete();
    const ep = this.estimatedPrefix;
    if (ep === undefined) return false;
    const a = Math.max(Math.min(x, y) - this.base, 0);
    const b = Math.min(Math.max(x, y) - this.base, this.size - 1);
    return a <= b && ep[b + 1] !== ep[a];
  }

  extend(options: Omit<CreateCalendarOptions, 'builtIn'>): WorkdayCalendar {
    options = checkCalendarOptions(options);
    return buildCalendar(
      [...this.schedules],
      options.schedules ?? [],
      [...this.overlays, ...(options.overlays ?? [])],
      options.unknownYears ?? this.unknownYears,
      options.onWarning ?? this.onWarning,
    );
  }
}

/** Checks options from untyped callers: `null` means the defaults; a wrong-typed field is a typed error. */
function checkCalendarOptions(options: unknown): CreateCalendarOptions {
  if (options === undefined || options === null) return {};
  const bad = (field: string, expected: string, zh: string): CalendarDataError =>
    new CalendarDataError(
      `calendar options: ${field || 'the options'} must be ${expected}`,
      `日历选项 ${field || ''} 应为${zh}`,
      field === '' ? ['options'] : ['options', field],
    );
  if (typeof options !== 'object' || Array.isArray(options)) throw bad('', 'an object', '对象');
  const o = options as Record<string, unknown>;
  if (o.builtIn !== undefined && typeof o.builtIn !== 'boolean') throw bad('builtIn', 'a boolean', '布尔值');
  for (const field of ['schedules', 'overlays'] as const) {
    if (o[field] !== undefined && !Array.isArray(o[field])) throw bad(field, 'an array', '数组');
  }
  if (
    o.unknownYears !== undefined &&
    !UNKNOWN_YEARS_POLICIES.includes(o.unknownYears as UnknownYearsPolicy)
  ) {
    throw bad(
      'unknownYears',
      "'statutory-estimate', 'throw' or 'weekend-rule'",
      " 'statutory-estimate'、'throw' 或 'weekend-rule'",
    );
  }
  if (o.onWarning !== undefined && typeof o.onWarning !== 'function')
    throw bad('onWarning', 'a function', '函数');
  return o as CreateCalendarOptions;
}

function buildCalendar(
  base: readonly YearSchedule[],
  extra: readonly ScheduleInput[],
  overlays: readonly CalendarOverlay[],
  unknownYears: UnknownYearsPolicy,
  onWarning: (warning: CalendarWarning) => void,
): WorkdayCalendar {
  const byYear = new Map<number, YearSchedule>();
  for (const s of base) byYear.set(s.year, s);
  extra.forEach((input) => {
    const s = toYearSchedule(input);
    byYear.set(s.year, s);
  });
  const schedules = [...byYear.values()].sort((a, b) => a.year - b.year);
  return new IndexedCalendar(schedules, overlays, unknownYears, onWarning);
}

/**
 * Builds a working-day calendar (创建工作日历): the built-in official schedules 2004–2026 plus any
 * `schedules` you load (a newly published year, in jianguan or holiday-cn format, validated with zod),
 * optional `overlays` (regional holidays, organisation closures), and the unknown-year policy.
 * The index is built once here; every query afterwards is O(1).
 *
 * @example
 * const cal = createCalendar({ schedules: [JSON.parse(holidayCn2027)], overlays: [GUANGXI_SANYUESAN] });
 * cal.isWorkday('2027-01-04');
 * const lenient = createCalendar({ unknownYears: 'weekend-rule', onWarning: (w) => log.warn(w.message.en) });
 */
export function createCalendar(options: CreateCalendarOptions = {}): WorkdayCalendar {
  options = checkCalendarOptions(options);
  return buildCalendar(
    options.builtIn === false ? [] : OFFICIAL_SCHEDULES,
    options.schedules ?? [],
    options.overlays ?? [],
    options.unknownYears ?? 'statutory-estimate',
    options.onWarning ?? defaultWarning,
  );
}
