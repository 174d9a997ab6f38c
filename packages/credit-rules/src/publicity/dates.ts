import { describeValue, JianguanError } from '@jianguan/core';
import type { CivilDate } from '../dates/civil-date.js';
import { addCalendar, isCivilDate } from '../dates/civil-date.js';
import { HEAVY_PENALTY_KINDS } from '../facts/codes.js';
import type { AbnormalListFact, PenaltyFact, SeriousListFact } from '../facts/credit-fact.js';
import type {
  AbnormalListRegime,
  NdrcRegime,
  PublicityRegimes,
  RegimeSource,
  SamrPenaltyRegime,
  SeriousListRegime,
} from './regimes.js';
import { defaultPublicityRegimes } from './regimes.js';
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
}

/**
 * Severity tier under the NDRC measures (失信信息严重程度): 轻微 / 一般 / 严重.
 *
 * @example
 * const s: CreditSeverity = 'serious';
 */
export type CreditSeverity = 'minor' | 'general' | 'serious';

/**
 * Publicity and repair dates of one penalty record. Periods are calendar months counted from the
 * publication day; `…EndsOn` is the day the period is complete (届满之日).
 *
 * @example
 * const w: PenaltyPublicity = samrPenaltyPublicity(fact);
 * w.publishBy; w.endsOn; w.earlyStopBlocked;
 */
export interface PenaltyPublicity {
  readonly recordId: string;
  readonly regimeId: string;
  readonly sources: readonly RegimeSource[];
  /** Whether the record is published at all (a warning-only penalty is not). */
  readonly published: boolean;
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
  const found = list.find(
    (r) => r.inForceFrom <= date && (r.inForceUntil === undefined || date <= r.inForceUntil),
  );
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

/**
 * SAMR Order 45 publicity of a market-regulation penalty: published within 20 working days of the
 * decision; 通报批评 or a lower-amount fine is public for 3 months, others for 3 years (or the restriction
 * term if longer); a warning-only penalty is not published; heavy penalties can never stop early.
 * The regime is the one in force on the decision date.
 *
 * @example
 * const w = samrPenaltyPublicity({ kind: 'penalty', id: 'P1', decisionDate: '2026-01-05', penaltyKinds: ['02'], fineAmount: 2000, publishedAt: '2026-01-20' });
 * w.period; // 'short'
 * w.endsOn; // '2026-04-20'
 */
export function samrPenaltyPublicity(fact: PenaltyFact, options: PublicityOptions = {}): PenaltyPublicity {
  const regimes = options.regimes ?? defaultPublicityRegimes;
  const regime: SamrPenaltyRegime = pick(regimes.samrPenalty, fact.decisionDate, 'SAMR 行政处罚公示', [
    'decisionDate',
  ]);
  const base = { recordId: fact.id, regimeId: regime.id, sources: regime.sources };
  const warningOnly = fact.penaltyKinds.every((k) => k === '01');
  if (warningOnly && !regime.warningOnlyPublished) {
    return { ...base, published: false, earlyStopBlocked: false };
  }
  const calendar = options.calendar ?? defaultWorkdays();
  const publishBy = calendar.addWorkdays(fact.decisionDate, regime.publishWithinWorkdays);
  const publishedOn = fact.publishedAt ?? publishBy;
  const threshold =
    fact.counterpart === 'natural_person'
      ? regime.lowFineThreshold.naturalPerson
      : regime.lowFineThreshold.organisation;
  const onlyLight = fact.penaltyKinds.every(
    (k) => k === '01' || k === '08' || (k === '02' && (fact.fineAmount ?? 0) <= threshold),
  );
  let period: 'short' | 'long' | 'restriction' = onlyLight ? 'short' : 'long';
  let endsOn = addCalendar(publishedOn, onlyLight ? regime.shortPeriod : regime.longPeriod);
  if (fact.restrictionEndsAt !== undefined && fact.restrictionEndsAt > endsOn) {
    endsOn = fact.restrictionEndsAt;
    period = 'restriction';
  }
  const heavy = isHeavy(fact);
  return {
    ...base,
    published: true,
    publishBy,
    publishedOn,
    publishedOnAssumed: fact.publishedAt === undefined,
    period,
    endsOn,
    repairEligibleFrom: heavy
      ? null
      : regime.earlyStopAfter
        ? addCalendar(publishedOn, regime.earlyStopAfter)
        : publishedOn,
    earlyStopBlocked: heavy,
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
  if (fact.severity) return fact.severity;
  if (isHeavy(fact)) return 'serious';
  if (fact.procedure === 'simple' || fact.penaltyKinds.every((k) => k === '01')) return 'minor';
  return 'general';
}

/**
 * NDRC credit-repair publicity of a penalty (信用中国): the regime in force on the decision date — the
 * 2025 measures from 2026-04-01 (轻微 not published / ≤3 months, 一般 3–12 months, 严重 1–3 years) or the
 * earlier regime (一般 3–12 months, 严重 6–36 months). Periods run from publication; repair may be applied
 * for when the minimum ends; publication stops at the maximum.
 *
 * @example
 * const w = ndrcPenaltyPublicity({ kind: 'penalty', id: 'P', decisionDate: '2026-05-06', penaltyKinds: ['02'], publishedAt: '2026-05-10' });
 * w.minimumEndsOn; // '2026-08-10'
 * w.endsOn; // '2027-05-10'
 */
export function ndrcPenaltyPublicity(
  fact: PenaltyFact,
  options: PublicityOptions & { readonly severity?: CreditSeverity } = {},
): PenaltyPublicity {
  const regimes = options.regimes ?? defaultPublicityRegimes;
  const regime: NdrcRegime = pick(regimes.ndrc, fact.decisionDate, 'NDRC 信用修复', ['decisionDate']);
  const severity = options.severity ?? penaltySeverity(fact);
  const tier = regime.tiers[severity];
  const base = {
    recordId: fact.id,
    regimeId: regime.id,
    sources: regime.sources,
    severity,
    earlyStopBlocked: false,
  };
  if (!tier.published) return { ...base, published: false };
  const publishedOn = fact.publishedAt ?? fact.decisionDate;
  const minimumEndsOn = addCalendar(publishedOn, tier.min);
  return {
    ...base,
    published: true,
    publishedOn,
    publishedOnAssumed: fact.publishedAt === undefined,
    minimumEndsOn,
    endsOn: addCalendar(publishedOn, tier.max),
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
  const regimes = options.regimes ?? defaultPublicityRegimes;
  const regime: AbnormalListRegime = pick(regimes.abnormalList, fact.listedAt, '经营异常名录', ['listedAt']);
  const escalationDueOn = addCalendar(fact.listedAt, regime.escalateAfter);
  let publicUntil: CivilDate | undefined;
  if (fact.removedAt !== undefined) {
    const atRemoval = regimes.abnormalList.find(
      (r) =>
        r.inForceFrom <= fact.removedAt! &&
        (r.inForceUntil === undefined || fact.removedAt! <= r.inForceUntil),
    );
    if (atRemoval && !atRemoval.removedEntriesPublished) publicUntil = fact.removedAt;
    else {
      const later = regimes.abnormalList.find(
        (r) => r.inForceFrom > fact.removedAt! && !r.removedEntriesPublished,
      );
      if (later) publicUntil = later.inForceFrom;
    }
  }
  let removalDecisionBy: CivilDate | undefined;
  if (options.removalAppliedOn !== undefined) {
    const calendar = options.calendar ?? defaultWorkdays();
    removalDecisionBy = calendar.addWorkdays(options.removalAppliedOn, regime.removalDecisionWorkdays);
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
  const regimes = options.regimes ?? defaultPublicityRegimes;
  const regime: SeriousListRegime = pick(regimes.seriousList, fact.listedAt, '严重违法失信名单', [
    'listedAt',
  ]);
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
