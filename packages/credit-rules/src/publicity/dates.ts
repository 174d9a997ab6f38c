import type { CivilDate } from '@jianguan/core';
import { describeValue, isCivilDate, isRecord, JianguanError } from '@jianguan/core';
import { badInput, requireSchema } from '../boundary.js';
import { addCalendar } from '../dates/civil-date.js';
import { HEAVY_PENALTY_KINDS } from '../facts/codes.js';
import type { AbnormalListFact, PenaltyFact, SeriousListFact } from '../facts/credit-fact.js';
import { abnormalListFactSchema, penaltyFactSchema, seriousListFactSchema } from '../facts/credit-fact.js';
import type {
  AbnormalListRegime,
  LowFineThreshold,
  NdrcRegime,
  PublicityRegimes,
  RegimeSource,
  SamrPenaltyRegime,
  SamrRepairRegime,
  SeriousListRegime,
} from './regimes.js';
import { defaultPublicityRegimes, regimeInForceOn, requireRegimes } from './regimes.js';
import type { WorkdayAdder } from './workdays.js';
import { defaultWorkdays } from './workdays.js';

/**
 * Options of the publicity functions.
 *
 * @example
 * const o: PublicityOptions = { regimes: myProvinceRegimes, calendar: { addWorkdays } };
 */
export interface PublicityOptions {
  /** Regimes to use (default {@link defaultPublicityRegimes}). */
  readonly regimes?: PublicityRegimes;
  /** Working-day arithmetic (default: `@jianguan/core`'s official calendar). */
  readonly calendar?: WorkdayAdder;
  /**
   * The deciding authority's region code (GB/T 2260, any level): selects the province's "较低数额罚款"
   * standard ({@link LowFineThreshold}) by its first two digits. Without it, or for a province with no
   * shipped standard, the regime's fallback applies and the result says so; a value that is not a region code
   * (digits only) is a `CreditInputError` at `options.province`.
   */
  readonly province?: string;
  /** SAMR: the day early stop (提前停止公示) is applied for; selects the repair regime in force that day. */
  readonly repairAppliedOn?: CivilDate;
}

/**
 * Severity tier under the NDRC measures (失信信息严重程度): 轻微 / 一般 / 严重.
 *
 * @example
 * const s: CreditSeverity = 'serious';
 */
export type CreditSeverity = 'minor' | 'general' | 'serious';

/**
 * Why a penalty record is not published: a warning only (Order 45 第2条), the simple procedure (第2条: only
 * 普通程序 decisions are published), or an NDRC tier that is not published (2025 轻微).
 *
 * @example
 * const r: NotPublishedReason = 'simple_procedure';
 */
export type NotPublishedReason = 'warning_only' | 'simple_procedure' | 'tier_not_published';

/**
 * The "较低数额罚款" boundary applied to a penalty: the amount, whether it is inclusive, and where it comes
 * from (a province's standard, or the regime's fallback).
 *
 * @example
 * const b: AppliedLowFine = { amount: 5000, inclusive: false, source: 'province', thresholdId: 'guizhou-2024', province: '520000' };
 */
export interface AppliedLowFine {
  readonly amount: number;
  readonly inclusive: boolean;
  readonly source: 'province' | 'fallback';
  /** The {@link LowFineThreshold} id when `source` is `province`. */
  readonly thresholdId?: string;
  readonly province?: string;
}

/**
 * Publicity and repair dates of one penalty record. SAMR periods are calendar months counted from the
 * publication day (Order 45 第13条 "自公示之日起"); NDRC periods from the decision day (认定之日);
 * `…EndsOn` is the day the period is complete (届满之日).
 *
 * @example
 * const w: PenaltyPublicity = samrPenaltyPublicity(fact);
 * w.publishBy; w.endsOn; w.earlyStopBlocked;
 */
export interface PenaltyPublicity {
  readonly recordId: string;
  readonly regimeId: string;
  readonly sources: readonly RegimeSource[];
  /** Whether the record is published at all (a warning-only or simple-procedure penalty is not). */
  readonly published: boolean;
  /** Why not, when `published` is false. */
  readonly notPublishedReason?: NotPublishedReason;
  /** SAMR: the record gives no procedure, so the ordinary procedure (普通程序) was assumed. */
  readonly procedureAssumed?: boolean;
  /** SAMR: the low-fine boundary used to choose the 3-month or 3-year period (when a fine is involved). */
  readonly lowFine?: AppliedLowFine;
  /** SAMR: a fine without `counterpart`; the organisation threshold was assumed. */
  readonly counterpartAssumed?: boolean;
  /**
   * SAMR: a fine (02) without `fineAmount`: it cannot be shown to be a lower-amount fine, so the general
   * 3-year period applies (第13条 "其他行政处罚信息").
   */
  readonly fineAmountMissing?: boolean;
  /** NDRC: the day the periods run from (the decision day, unless the regime says publication). */
  readonly periodStartsOn?: CivilDate;
  /** SAMR: the repair regime that set the minimum before early stop. */
  readonly repairRegimeId?: string;
  /** SAMR: no `repairAppliedOn` was given, so the repair regime in force on the decision day was assumed. */
  readonly repairRegimeAssumed?: boolean;
  /** SAMR: given `repairAppliedOn`, the working-day deadline for the decision on the application. */
  readonly repairDecisionBy?: CivilDate;
  /** The working-day deadline for publication, when the regime sets one. */
  readonly publishBy?: CivilDate;
  /** The publication day used: the recorded one, else the deadline. */
  readonly publishedOn?: CivilDate;
  readonly publishedOnAssumed?: boolean;
  /** SAMR: `short` (3 months) or `long` (3 years, or the restriction term if longer). */
  readonly period?: 'short' | 'long' | 'restriction';
  /** The day publicity ends unless stopped early (SAMR), or at the latest (NDRC max). */
  readonly endsOn?: CivilDate;
  /** NDRC: the minimum period ends; repair may be applied for from this day. */
  readonly minimumEndsOn?: CivilDate;
  /** NDRC severity tier used. */
  readonly severity?: CreditSeverity;
  /** The first day credit repair (信用修复 / 提前停止公示) may be applied for; `null` when it never can. */
  readonly repairEligibleFrom?: CivilDate | null;
  /** Heavy penalties can never stop early (Order 45 第14条). */
  readonly earlyStopBlocked: boolean;
  /**
   * Present (`true`) when `publishBy` — and, when the publication day was assumed, every date derived from it —
   * falls after a day of a year whose holiday notice is not loaded (core's statutory estimate): recompute once
   * the notice is loaded.
   */
  readonly provisional?: true;
}

/**
 * Thrown when no regime covers a record's date, or the record is malformed.
 *
 * @example
 * try { samrPenaltyPublicity({ ...fact, decisionDate: '2019-01-01' }); } catch (e) { (e as PublicityError).code; } // 'no_regime'
 */
export class PublicityError extends JianguanError {
  override readonly name = 'PublicityError' as const;
}

const DATE_OPTION = { en: 'a date YYYY-MM-DD', zh: 'YYYY-MM-DD 日期' } as const;

/** The options of the publicity functions from an untyped caller; typed errors at `options.*`. */
function checkOptions(options: unknown): void {
  if (!isRecord(options)) badInput(['options'], { en: 'an object', zh: '对象' }, options);
  if (options.regimes !== undefined) requireRegimes(options.regimes, ['options', 'regimes']);
  const calendar = options.calendar;
  if (calendar !== undefined && (!isRecord(calendar) || typeof calendar.addWorkdays !== 'function'))
    badInput(
      ['options', 'calendar'],
      { en: 'a calendar with addWorkdays', zh: '含 addWorkdays 的日历' },
      calendar,
    );
  if (options.severity !== undefined && typeof options.severity !== 'string')
    badInput(['options', 'severity'], { en: 'a string', zh: '字符串' }, options.severity);
  checkProvince(options.province, ['options', 'province']);
  for (const key of ['repairAppliedOn', 'removalAppliedOn'] as const)
    if (options[key] !== undefined && !isCivilDate(options[key]))
      badInput(['options', key], DATE_OPTION, options[key]);
  if (options.sectorPublishes !== undefined && typeof options.sectorPublishes !== 'boolean')
    badInput(['options', 'sectorPublishes'], { en: 'a boolean', zh: '布尔值' }, options.sectorPublishes);
}

const REGION_CODE = {
  en: 'a GB/T 2260 region code of any level, e.g. 520000 or 520102',
  zh: 'GB/T 2260 行政区划代码（任一级），如 520000、520102',
} as const;

/**
 * A `province` option: a region code (digits, the first two naming the province). Anything else is a typed
 * error rather than a silent fallback to the placeholder threshold.
 */
function checkProvince(province: unknown, path: readonly (string | number)[]): void {
  if (province !== undefined && (typeof province !== 'string' || !/^\d{2,}$/.test(province)))
    badInput(path, REGION_CODE, province);
}

/** The fact without its `undefined`-valued fields (a caller's `{ publishedAt: undefined }` means "none"). */
function defined(fact: unknown): unknown {
  return isRecord(fact) ? Object.fromEntries(Object.entries(fact).filter(([, v]) => v !== undefined)) : fact;
}

/** A fact from an untyped caller: an object (its date is checked by {@link pick}), then its schema. */
function checkFact(fact: unknown): asserts fact is Record<string, unknown> {
  if (!isRecord(fact)) badInput(['fact'], { en: 'a credit fact object', zh: '信用信息对象' }, fact);
}

function pick<T extends { id: string; inForceFrom: CivilDate; inForceUntil?: CivilDate }>(
  list: readonly T[],
  date: CivilDate,
  what: string,
  path: readonly (string | number)[],
): T {
  if (!isCivilDate(date)) {
    throw new PublicityError(
      'invalid_date',
      { zh: `日期无效：${describeValue(date)}`, en: `invalid date ${describeValue(date)}` },
      { path, details: { value: date } },
    );
  }
  const found = regimeInForceOn(list, date);
  if (!found) {
    throw new PublicityError(
      'no_regime',
      { zh: `${date} 没有适用的${what}规则`, en: `no ${what} regime in force on ${date}` },
      { path, details: { date, known: list.map((r) => r.id) } },
    );
  }
  return found;
}

const HEAVY = new Set<string>(HEAVY_PENALTY_KINDS);

function isHeavy(fact: PenaltyFact): boolean {
  return fact.penaltyKinds.some((k) => HEAVY.has(k));
}

function inForceOn<T extends { inForceFrom: CivilDate; inForceUntil?: CivilDate }>(
  list: readonly T[],
  date: CivilDate,
): T | undefined {
  return regimeInForceOn(list, date);
}

/**
 * The "较低数额罚款" boundary for a penalty: the standard of the province (by the first two digits of
 * `province`) in force on the decision day, else the regime's fallback.
 *
 * @example
 * lowFineBoundary(defaultPublicityRegimes, defaultPublicityRegimes.samrPenalty[0]!, '2026-05-01', 'organisation', '520102');
 * // { amount: 50000, inclusive: false, source: 'province', thresholdId: 'guizhou-2024', province: '520000' }
 */
export function lowFineBoundary(
  regimes: PublicityRegimes,
  regime: SamrPenaltyRegime,
  decisionDate: CivilDate,
  counterpart: 'natural_person' | 'organisation',
  province?: string,
): AppliedLowFine {
  requireRegimes(regimes);
  if (!isRecord(regime) || !isRecord(regime.lowFineThreshold))
    badInput(['regime'], { en: 'a SAMR penalty regime', zh: 'SAMR 行政处罚公示规则' }, regime);
  if (!isCivilDate(decisionDate)) badInput(['decisionDate'], DATE_OPTION, decisionDate);
  if (counterpart !== 'natural_person' && counterpart !== 'organisation')
    badInput(
      ['counterpart'],
      { en: "'natural_person' or 'organisation'", zh: "'natural_person' 或 'organisation'" },
      counterpart,
    );
  checkProvince(province, ['province']);
  if (province !== undefined) {
    const prefix = province.slice(0, 2);
    const t: LowFineThreshold | undefined = inForceOn(
      (regimes.lowFineThresholds ?? []).filter((x) => x.province.slice(0, 2) === prefix),
      decisionDate,
    );
    if (t) {
      const bound = counterpart === 'natural_person' ? t.naturalPerson : t.organisation;
      return {
        amount: bound.amount,
        inclusive: bound.inclusive,
        source: 'province',
        thresholdId: t.id,
        province: t.province,
      };
    }
  }
  return {
    amount:
      counterpart === 'natural_person'
        ? regime.lowFineThreshold.naturalPerson
        : regime.lowFineThreshold.organisation,
    inclusive: regime.lowFineInclusive ?? true,
    source: 'fallback',
  };
}

/** Whether a fine is "low" under a boundary: `≤` when inclusive (含本数), `<` when exclusive (不含本数). */
function isLowFine(amount: number, boundary: AppliedLowFine): boolean {
  return boundary.inclusive ? amount <= boundary.amount : amount < boundary.amount;
}

/**
 * SAMR Order 45 publicity of a market-regulation penalty: only decisions under the ordinary procedure are
 * published (第2条; a record without a procedure is assumed ordinary and says so), never a warning only;
 * published within 20 working days of the decision (第9条); 通报批评 or a lower-amount fine is public for 3
 * months, others for 3 years, or the restriction term if longer (第13条) — the lower-amount boundary is the
 * province's standard with its own inclusive/exclusive rule (pass `province`); early stop may be applied for
 * after the minimum of the SAMR repair regime in force on the application day (the 2021 rules until
 * 2025-12-24, the 2025 measures from 2025-12-25), never for heavy penalties (第14条).
 *
 * @example
 * const w = samrPenaltyPublicity(
 *   { kind: 'penalty', id: 'P1', decisionDate: '2026-01-05', penaltyKinds: ['02'], fineAmount: 5000, procedure: 'general', publishedAt: '2026-01-20' },
 *   { province: '520000' },
 * );
 * w.period; // 'short' (Guizhou: a fine on an organisation below ¥50,000, exclusive, is low)
 * w.endsOn; // '2026-04-20'
 */
export function samrPenaltyPublicity(fact: PenaltyFact, options: PublicityOptions = {}): PenaltyPublicity {
  checkFact(fact);
  checkOptions(options);
  const regimes = options.regimes ?? defaultPublicityRegimes;
  const regime: SamrPenaltyRegime = pick(regimes.samrPenalty, fact.decisionDate, 'SAMR 行政处罚公示', [
    'decisionDate',
  ]);
  requireSchema(penaltyFactSchema, defined(fact), ['fact'], 'invalid_credit_facts');
  const base = { recordId: fact.id, regimeId: regime.id, sources: regime.sources };
  const procedureAssumed = fact.procedure === undefined ? { procedureAssumed: true } : {};
  const warningOnly = fact.penaltyKinds.every((k) => k === '01');
  if (warningOnly && !regime.warningOnlyPublished) {
    return { ...base, published: false, notPublishedReason: 'warning_only', earlyStopBlocked: false };
  }
  if (fact.procedure === 'simple' && !(regime.simpleProcedurePublished ?? false)) {
    return { ...base, published: false, notPublishedReason: 'simple_procedure', earlyStopBlocked: false };
  }
  const calendar = options.calendar ?? defaultWorkdays();
  const publishBy = calendar.addWorkdays(fact.decisionDate, regime.publishWithinWorkdays);
  const publishedOn = fact.publishedAt ?? publishBy;
  const hasFine = fact.penaltyKinds.includes('02');
  const lowFine = hasFine
    ? lowFineBoundary(
        regimes,
        regime,
        fact.decisionDate,
        fact.counterpart === 'natural_person' ? 'natural_person' : 'organisation',
        options.province,
      )
    : undefined;
  const fineAmountMissing = hasFine && fact.fineAmount === undefined;
  const onlyLight = fact.penaltyKinds.every(
    (k) =>
      k === '01' ||
      k === '08' ||
      (k === '02' &&
        lowFine !== undefined &&
        fact.fineAmount !== undefined &&
        isLowFine(fact.fineAmount, lowFine)),
  );
  let period: 'short' | 'long' | 'restriction' = onlyLight ? 'short' : 'long';
  let endsOn = addCalendar(publishedOn, onlyLight ? regime.shortPeriod : regime.longPeriod);
  if (fact.restrictionEndsAt !== undefined && fact.restrictionEndsAt > endsOn) {
    endsOn = fact.restrictionEndsAt;
    period = 'restriction';
  }
  const heavy = isHeavy(fact);
  const repairDate = options.repairAppliedOn ?? fact.decisionDate;
  const repair: SamrRepairRegime | undefined = inForceOn(regimes.samrRepair ?? [], repairDate);
  const minimum =
    regime.earlyStopAfter ??
    (repair ? (onlyLight ? repair.earlyStopAfter.short : repair.earlyStopAfter.long) : null);
  const repairDecisionBy =
    repair && options.repairAppliedOn !== undefined
      ? calendar.addWorkdays(options.repairAppliedOn, repair.decisionWorkdays)
      : undefined;
  // Both working-day deadlines (publication, repair decision) are provisional when they cross an estimated year.
  const provisional =
    calendar.isProvisional?.(fact.decisionDate, publishBy) === true ||
    (repairDecisionBy !== undefined &&
      options.repairAppliedOn !== undefined &&
      calendar.isProvisional?.(options.repairAppliedOn, repairDecisionBy) === true);
  return {
    ...base,
    sources: repair ? [...regime.sources, ...repair.sources] : regime.sources,
    published: true,
    ...procedureAssumed,
    publishBy,
    publishedOn,
    publishedOnAssumed: fact.publishedAt === undefined,
    period,
    endsOn,
    ...(lowFine ? { lowFine } : {}),
    ...(hasFine && fact.counterpart === undefined ? { counterpartAssumed: true } : {}),
    ...(fineAmountMissing ? { fineAmountMissing: true } : {}),
    ...(repair
      ? {
          repairRegimeId: repair.id,
          ...(options.repairAppliedOn === undefined ? { repairRegimeAssumed: true } : {}),
        }
      : {}),
    ...(repairDecisionBy !== undefined ? { repairDecisionBy } : {}),
    repairEligibleFrom: heavy ? null : minimum ? addCalendar(publishedOn, minimum) : publishedOn,
    earlyStopBlocked: heavy,
    ...(provisional ? { provisional: true as const } : {}),
  };
}

/**
 * The NDRC severity tier of a penalty: the record's own `severity`, else 严重 for heavy kinds, 轻微 for
 * the simple procedure or a warning only, 一般 otherwise.
 *
 * @example
 * penaltySeverity({ kind: 'penalty', id: 'P', decisionDate: '2026-05-01', penaltyKinds: ['05'] }); // 'serious'
 */
export function penaltySeverity(fact: PenaltyFact): CreditSeverity {
  requireSchema(penaltyFactSchema, defined(fact), ['fact'], 'invalid_credit_facts');
  if (fact.severity) return fact.severity;
  if (isHeavy(fact)) return 'serious';
  if (fact.procedure === 'simple' || fact.penaltyKinds.every((k) => k === '01')) return 'minor';
  return 'general';
}

/**
 * NDRC credit-repair publicity of a penalty (信用中国): the regime in force on the decision date — the
 * 2025 measures (令第36号) from 2026-04-01 (轻微 not published / ≤3 months, 一般 3–12 months, 严重 1–3 years),
 * the 2023 measures (令第58号, 3 months–3 years) from 2023-05-01, or the 527号 regime (一般 3–12 months,
 * 严重 6–36 months). Periods run from the decision (认定) day, not from publication; repair may be applied
 * for when the minimum ends; publication stops at the maximum.
 *
 * @example
 * const w = ndrcPenaltyPublicity({ kind: 'penalty', id: 'P', decisionDate: '2026-05-06', penaltyKinds: ['02'], publishedAt: '2026-05-10' });
 * w.minimumEndsOn; // '2026-08-06'
 * w.endsOn; // '2027-05-06'
 */
export function ndrcPenaltyPublicity(
  fact: PenaltyFact,
  options: PublicityOptions & {
    readonly severity?: CreditSeverity;
    /**
     * The sector authority publishes a tier that is not published by default (2025 轻微: "行业主管部门认为确有
     * 必要公示的，公示期最长不超过3个月，且法定责任履行完毕即可申请修复"): its min/max then apply.
     */
    readonly sectorPublishes?: boolean;
  } = {},
): PenaltyPublicity {
  checkFact(fact);
  checkOptions(options);
  const regimes = options.regimes ?? defaultPublicityRegimes;
  const regime: NdrcRegime = pick(regimes.ndrc, fact.decisionDate, 'NDRC 信用修复', ['decisionDate']);
  requireSchema(penaltyFactSchema, defined(fact), ['fact'], 'invalid_credit_facts');
  if (options.severity !== undefined && !Object.hasOwn(regime.tiers, options.severity))
    badInput(['options', 'severity'], { en: 'a severity tier', zh: '严重程度档次' }, options.severity);
  const severity = options.severity ?? penaltySeverity(fact);
  const tier = regime.tiers[severity];
  const base = {
    recordId: fact.id,
    regimeId: regime.id,
    sources: regime.sources,
    severity,
    earlyStopBlocked: false,
  };
  if (!tier.published && !options.sectorPublishes)
    return { ...base, published: false, notPublishedReason: 'tier_not_published' };
  const publishedOn = fact.publishedAt ?? fact.decisionDate;
  const periodStartsOn = (regime.periodStart ?? 'decision') === 'decision' ? fact.decisionDate : publishedOn;
  const minimumEndsOn = addCalendar(periodStartsOn, tier.min);
  return {
    ...base,
    published: true,
    publishedOn,
    publishedOnAssumed: fact.publishedAt === undefined,
    periodStartsOn,
    minimumEndsOn,
    endsOn: addCalendar(periodStartsOn, tier.max),
    repairEligibleFrom: minimumEndsOn,
  };
}

/**
 * Key dates of an abnormal-list entry (经营异常名录).
 *
 * @example
 * const d: AbnormalListDates = abnormalListDates(entry);
 */
export interface AbnormalListDates {
  readonly recordId: string;
  readonly regimeId: string;
  readonly sources: readonly RegimeSource[];
  readonly listedAt: CivilDate;
  /** If still listed on this day, the entity is due for the serious list (满三年). */
  readonly escalationDueOn: CivilDate;
  /** Whether it escalated (not removed before the due day). */
  readonly escalated: boolean;
  readonly removedAt?: CivilDate;
  /** Repair: removal once the obligation is met — possible from the listing day. */
  readonly repairEligibleFrom: CivilDate;
  /** The last day a removal application may take to decide, given an application day. */
  readonly removalDecisionBy?: CivilDate;
  /** Present (`true`) when `removalDecisionBy` depends on an estimated day (no holiday notice loaded). */
  readonly provisional?: true;
  /**
   * When a removed entry stops being public: the removal day under the 2025 rules ("no trace"); entries
   * removed earlier were withdrawn when those rules took effect. `undefined` while listed.
   */
  readonly publicUntil?: CivilDate;
}

/**
 * Abnormal-list dates by the regime in force on the listing day: escalation after 3 years still listed,
 * removal when the obligation is met, and (2025 rules) no publication after removal.
 *
 * @example
 * abnormalListDates({ kind: 'abnormal_list', id: 'AB1', reason: '1', listedAt: '2022-07-01' }).escalationDueOn; // '2025-07-01'
 */
export function abnormalListDates(
  fact: AbnormalListFact,
  options: PublicityOptions & { readonly removalAppliedOn?: CivilDate } = {},
): AbnormalListDates {
  checkFact(fact);
  checkOptions(options);
  const regimes = options.regimes ?? defaultPublicityRegimes;
  const regime: AbnormalListRegime = pick(regimes.abnormalList, fact.listedAt, '经营异常名录', ['listedAt']);
  requireSchema(abnormalListFactSchema, defined(fact), ['fact'], 'invalid_credit_facts');
  const escalationDueOn = addCalendar(fact.listedAt, regime.escalateAfter);
  let publicUntil: CivilDate | undefined;
  if (fact.removedAt !== undefined) {
    const atRemoval = regimeInForceOn(regimes.abnormalList, fact.removedAt);
    if (atRemoval && !atRemoval.removedEntriesPublished) publicUntil = fact.removedAt;
    else {
      const later = regimes.abnormalList.find(
        (r) => r.inForceFrom > fact.removedAt! && !r.removedEntriesPublished,
      );
      if (later) publicUntil = later.inForceFrom;
    }
  }
  let removalDecisionBy: CivilDate | undefined;
  let provisional = false;
  if (options.removalAppliedOn !== undefined) {
    const calendar = options.calendar ?? defaultWorkdays();
    removalDecisionBy = calendar.addWorkdays(options.removalAppliedOn, regime.removalDecisionWorkdays);
    provisional = calendar.isProvisional?.(options.removalAppliedOn, removalDecisionBy) === true;
  }
  return {
    recordId: fact.id,
    regimeId: regime.id,
    sources: regime.sources,
    listedAt: fact.listedAt,
    escalationDueOn,
    escalated: fact.removedAt === undefined || fact.removedAt > escalationDueOn,
    ...(fact.removedAt !== undefined ? { removedAt: fact.removedAt } : {}),
    repairEligibleFrom: fact.listedAt,
    ...(removalDecisionBy !== undefined ? { removalDecisionBy } : {}),
    ...(provisional ? { provisional: true as const } : {}),
    ...(publicUntil !== undefined ? { publicUntil } : {}),
  };
}

/**
 * Key dates of a serious-violation list entry (严重违法失信名单).
 *
 * @example
 * const d: SeriousListDates = seriousListDates(entry);
 */
export interface SeriousListDates {
  readonly recordId: string;
  readonly regimeId: string;
  readonly sources: readonly RegimeSource[];
  readonly listedAt: CivilDate;
  /** Early exit may be applied for from this day; `null` when the regime has no early exit. */
  readonly earliestExitOn: CivilDate | null;
  /** Removed automatically on this day (maximum term). */
  readonly autoExitOn: CivilDate;
  /** The day it actually stops: the removal day if earlier, else the auto-exit day. */
  readonly publicUntil: CivilDate;
}

/**
 * Serious-list dates by the regime in force on the listing day: Order 44 (from 2021-09-01) — early exit
 * after 1 year, 3-year maximum (unverified, configurable); the 2014 regime — removal after 5 years.
 *
 * @example
 * seriousListDates({ kind: 'serious_list', id: 'S1', listedAt: '2024-02-29' }).earliestExitOn; // '2025-02-28'
 */
export function seriousListDates(fact: SeriousListFact, options: PublicityOptions = {}): SeriousListDates {
  checkFact(fact);
  checkOptions(options);
  const regimes = options.regimes ?? defaultPublicityRegimes;
  const regime: SeriousListRegime = pick(regimes.seriousList, fact.listedAt, '严重违法失信名单', [
    'listedAt',
  ]);
  requireSchema(seriousListFactSchema, defined(fact), ['fact'], 'invalid_credit_facts');
  const autoExitOn = addCalendar(fact.listedAt, regime.maximumTerm);
  return {
    recordId: fact.id,
    regimeId: regime.id,
    sources: regime.sources,
    listedAt: fact.listedAt,
    earliestExitOn: regime.earlyExitAfter ? addCalendar(fact.listedAt, regime.earlyExitAfter) : null,
    autoExitOn,
    publicUntil: fact.removedAt !== undefined && fact.removedAt < autoExitOn ? fact.removedAt : autoExitOn,
  };
}
