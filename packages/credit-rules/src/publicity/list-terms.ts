import type { CivilDate } from '@jianguan/core';
import { isRecord } from '@jianguan/core';
import { badInput } from '../boundary.js';
import { anniversary } from '../dates/civil-date.js';
import type { CreditFact } from '../facts/credit-fact.js';
import type { PublicityRegimes } from './regimes.js';
import { defaultPublicityRegimes, regimeInForceOn, requireRegimes } from './regimes.js';

/**
 * The automatic exit day of a serious-violation list entry (严重违法失信名单 届满移出): its listing day plus the
 * maximum term of the regime in force on that day ({@link seriousListDates}'s `autoExitOn`); `undefined`
 * when no regime covers the listing day.
 *
 * @example
 * seriousListAutoExitOn({ kind: 'serious_list', id: 'S', listedAt: '2022-03-01' }); // '2025-03-01'
 */
export function seriousListAutoExitOn(
  fact: { readonly listedAt: CivilDate },
  regimes: PublicityRegimes = defaultPublicityRegimes,
): CivilDate | undefined {
  if (!isRecord(fact)) badInput(['fact'], { en: 'an object { listedAt }', zh: '对象 { listedAt }' }, fact);
  requireRegimes(regimes);
  const d = fact.listedAt;
  const regime = regimeInForceOn(regimes.seriousList, d);
  return regime ? anniversary(d, regime.maximumTerm) : undefined;
}

/** @internal The end of a serious-list entry: the earlier of its recorded removal and its automatic exit. */
export function seriousListEnd(
  removedAt: CivilDate | undefined,
  autoExitOn: CivilDate | undefined,
): CivilDate | undefined {
  if (autoExitOn === undefined) return removedAt;
  return removedAt !== undefined && removedAt < autoExitOn ? removedAt : autoExitOn;
}

/**
 * The day a fact stops being in force by rule as well as by record: the recorded removal, revocation or
 * validity end, and for a serious-list entry the earlier of its removal and its automatic exit. The grader
 * uses it for `inForce`; {@link endsAt} returns the recorded day only.
 *
 * @example
 * effectiveEndsAt({ kind: 'serious_list', id: 'S', listedAt: '2022-03-01' }); // '2025-03-01'
 */
export function effectiveEndsAt(
  fact: CreditFact,
  regimes: PublicityRegimes = defaultPublicityRegimes,
): CivilDate | undefined {
  if (!isRecord(fact) || typeof fact.kind !== 'string')
    badInput(['fact'], { en: 'a credit fact object', zh: '信用信息对象' }, fact);
  switch (fact.kind) {
    case 'serious_list':
      return seriousListEnd(fact.removedAt, seriousListAutoExitOn(fact, regimes));
    case 'abnormal_list':
    case 'court_dishonesty':
      return fact.removedAt;
    case 'penalty':
      return fact.revokedAt;
    case 'external_grade':
      return fact.validUntil;
    default:
      return undefined;
  }
}
