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
}

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
}

/**
 * What to do with a year that has no loaded schedule (未知年份策略): `'throw'` (default) throws
 * {@link UnknownCalendarYearError}; `'weekend-rule'` treats Mon–Fri as working days (years 1996–2099)
 * and reports each such year once through `onWarning`.
 *
 * @example
 * const policy: UnknownYearsPolicy = 'weekend-rule';
 */
export type UnknownYearsPolicy = 'throw' | 'weekend-rule';

/**
 * A warning from a calendar (日历告警), e.g. that a year was computed with the plain weekend rule.
 *
 * @example
 * const onWarning = (w: CalendarWarning) => logger.warn(w.code, w.year, w.message.en);
 */
export interface CalendarWarning {
  readonly code: 'weekend_rule_fallback';
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
  /** Unknown-year policy (default `'throw'`). */
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
  /** Deadline check for "within `allowedWorkdays` working days after `eventDay`". */
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
  /** The years with an official schedule loaded, ascending. */
  readonly years: readonly number[];
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

function resolveCached(schedule: YearSchedule, path: readonly (string | number)[]): ResolvedSchedule {
  const hit = resolvedCache.get(schedule);
  if (hit) return hit;
  const resolved = resolveSchedule(schedule, path);
  resolvedCache.set(schedule, resolved);
  return resolved;
}

function defaultWarning(warning: CalendarWarning): void {
  const proc = (globalThis as { process?: { emitWarning?: (message: string, options: object) => void } })
    .process;
  proc?.emitWarning?.(warning.message.en, {
    code: 'JIANGUAN_CALENDAR_WEEKEND_RULE',
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
  private readonly base: number;
  private readonly size: number;
  private readonly total: number;
  private readonly state: Uint8Array;
  private readonly refIndex: Uint16Array;
  private readonly refs: HolidayRef[] = [];
  private readonly prefix: Int32Array;
  private readonly rank: Int32Array;
  private readonly unknownPrefix: Int32Array | undefined;
  private readonly strings: (string | undefined)[];

  constructor(
    schedules: readonly YearSchedule[],
    overlays: readonly CalendarOverlay[],
    unknownYears: UnknownYearsPolicy,
    onWarning: (warning: CalendarWarning) => void,
  ) {
    const resolved = schedules.map((s, i) => resolveCached(s, ['schedules', i]));
    const overlayDays = overlays.map((o, i) => ({ overlay: o, days: resolveOverlay(o, ['overlays', i]) }));
    this.schedules = resolved.map((r) => r.schedule);
    this.overlays = overlays;
    this.unknownYears = unknownYears;
    this.onWarning = onWarning;
    this.years = resolved.map((r) => r.schedule.year);
    this.knownYears = new Set(this.years);

    let first = this.years[0];
    let last = this.years[this.years.length - 1];
    if (unknownYears === 'weekend-rule') {
      first = Math.min(first ?? FALLBACK_FIRST_YEAR, FALLBACK_FIRST_YEAR);
      last = Math.max(last ?? FALLBACK_LAST_YEAR, FALLBACK_LAST_YEAR);
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
    this.refIndex = new Uint16Array(size);
    let unknownDays = 0;
    for (let off = 0; off < size; off++) {
      const w = weekdayOfDay(this.base + off);
      state[off] = w === 0 || w === 6 ? K_WEEKEND << KIND_SHIFT : (K_WORKDAY << KIND_SHIFT) | WORK;
    }
    if (first !== undefined && last !== undefined) {
      for (let y = first; y <= last; y++) {
        if (!this.knownYears.has(y)) {
          unknownDays++;
          continue;
        }
        const a = daysFromCivil(y, 1, 1) - this.base;
        const b = daysFromCivil(y + 1, 1, 1) - this.base;
        for (let off = a; off < b; off++) state[off] = state[off]! | KNOWN;
      }
    }
    this.state = state;
    for (const r of resolved) this.apply(r.days, undefined);
    for (const { overlay, days } of overlayDays) this.apply(days, overlay.id);

    const prefix = new Int32Array(size + 1);
    for (let off = 0; off < size; off++) prefix[off + 1] = prefix[off]! + (state[off]! & WORK);
    this.prefix = prefix;
    this.total = prefix[size]!;
    const rank = new Int32Array(this.total);
    for (let off = 0; off < size; off++) if (state[off]! & WORK) rank[prefix[off]!] = off;
    this.rank = rank;
    if (unknownDays > 0) {
      const up = new Int32Array(size + 1);
      for (let off = 0; off < size; off++) up[off + 1] = up[off]! + (state[off]! & KNOWN ? 0 : 1);
      this.unknownPrefix = up;
    }
    this.strings = new Array<string | undefined>(size);
  }

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
      const known = this.state[off]! & KNOWN;
      if (d.off) {
        this.state[off] = known | (K_HOLIDAY << KIND_SHIFT);
      } else {
        const w = weekdayOfDay(d.day);
        this.state[off] = known | WORK | ((w === 0 || w === 6 ? K_ADJUSTED : K_WORKDAY) << KIND_SHIFT);
      }
      this.refIndex[off] = ref;
    }
  }

  // ---- error and fallback paths (cold) ----

  private unknownYear(year: number, argument: string): never {
    const outside = this.unknownYears === 'weekend-rule';
    throw new UnknownCalendarYearError(year, this.years, argument, outside);
  }

  /** Days [fromOff, toOff] (offsets inside the index) contain years without a schedule. */
  private gap(fromOff: number, toOff: number, argument: string): void {
    const y0 = yearOfDay(this.base + fromOff);
    const y1 = yearOfDay(this.base + toOff);
    for (let y = y0; y <= y1; y++) {
      if (this.knownYears.has(y)) continue;
      if (this.unknownYears === 'throw') throw new UnknownCalendarYearError(y, this.years, argument);
      if (!this.warned.has(y)) {
        this.warned.add(y);
        this.onWarning({
          code: 'weekend_rule_fallback',
          year: y,
          message: {
            zh: `未加载 ${y} 年的法定节假日安排，已按周末规则（周一至周五上班）推算；请在国务院办公厅通知发布后加载该年数据`,
            en: `no official schedule loaded for ${y}; computed with the weekend rule (Mon–Fri working days). Load the year's schedule once the State Council notice is out`,
          },
        });
      }
    }
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
      if ((s & KNOWN) === 0) this.gap(off, off, argument);
      return (s & WORK) !== 0;
    }
    return this.unknownYear(yearOfDay(day), argument);
  }

  dayInfo<T extends DateInput>(date: T): DayInfo<SameKind<T>> {
    const day = dayOf(date, 'date');
    const off = day - this.base;
    if (off < 0 || off >= this.size) return this.unknownYear(yearOfDay(day), 'date');
    const s = this.state[off]!;
    if ((s & KNOWN) === 0) this.gap(off, off, 'date');
    const ref = this.refIndex[off]!;
    const kind = KIND_NAMES[(s >> KIND_SHIFT) & 3]!;
    const holiday = ref === 0 || kind === 'workday' || kind === 'weekend' ? undefined : this.refs[ref - 1];
    return {
      date: (typeof date === 'string' ? date : instantFromDay(day)) as SameKind<T>,
      kind,
      isWorkday: (s & WORK) !== 0,
      ...(holiday === undefined ? {} : { holiday }),
    };
  }

  /** Working days in (lo, hi], lo ≤ hi given as day numbers. */
  private count(lo: number, hi: number, argument: string): number {
    if (lo === hi) return 0;
    const a = lo - this.base + 1;
    const b = hi - this.base + 1;
    if (a < 0 || b > this.size) return this.outside(lo, hi, argument);
    const up = this.unknownPrefix;
    if (up !== undefined && up[b] !== up[a]) this.gap(a, b - 1, argument);
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
      if (off < -1 || off >= this.size) return this.outside(day, day + 1, argument);
      const r = this.prefix[off + 1]! + n - 1;
      if (r >= this.total) return this.unknownYear(yearOfDay(this.base + this.size), 'n');
      const t = this.rank[r]!;
      const up = this.unknownPrefix;
      if (up !== undefined && up[t + 1] !== up[off + 1]) this.gap(off + 1, t, 'n');
      return this.base + t;
    }
    if (n < 0) {
      if (off < 1 || off > this.size) return this.outside(day - 2, day - 1, argument);
      const r = this.prefix[off]! + n;
      if (r < 0) return this.unknownYear(yearOfDay(this.base - 1), 'n');
      const t = this.rank[r]!;
      const up = this.unknownPrefix;
      if (up !== undefined && up[off] !== up[t]) this.gap(t, off - 1, 'n');
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
    const done = dayOf(doneDay, 'doneDay');
    const deadline = this.addWorkdays(eventDay, allowedWorkdays);
    const deadlineDay = dayOf(deadline, 'eventDay');
    const late = done > deadlineDay;
    return {
      deadline,
      onTime: !late,
      workdaysLate: late ? this.count(deadlineDay, done, 'doneDay') : 0,
      calendarDaysLate: late ? done - deadlineDay : 0,
    };
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
  if (o.unknownYears !== undefined && o.unknownYears !== 'throw' && o.unknownYears !== 'weekend-rule') {
    throw bad('unknownYears', "'throw' or 'weekend-rule'", " 'throw' 或 'weekend-rule'");
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
    options.unknownYears ?? 'throw',
    options.onWarning ?? defaultWarning,
  );
}
