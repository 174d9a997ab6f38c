/**
 * The peer for the benchmark: a straightforward hand-written if/else grader for the same SAMR baseline
 * rules (no rule-set data, no closures), as a departmental developer would write it. Used to check that
 * the data-driven engine is not slower than code, and that both agree.
 */
import type { CreditFact, EntityCreditProfile } from '../src/index.js';
import { addCalendar, latestElapsedStart } from '../src/index.js';

const HEAVY = new Set(['04', '05', '10', '12', '13', '14']);
const PROBLEM = new Set(['2', '3', '4', '5', '6', '8', 'A', 'B', 'C', 'D', 'G']);

export interface PeerResult {
  grade: 'A' | 'B' | 'C' | 'D';
  fired: { ruleId: string; evidence: string[] }[];
}

export function makeHandWrittenGrader(asOf: string) {
  const y1 = latestElapsedStart(asOf, { years: 1 });
  const y2 = latestElapsedStart(asOf, { years: 2 });
  const y3 = latestElapsedStart(asOf, { years: 3 });
  const known = (f: CreditFact, d: string) =>
    d <= asOf && (f.recordedAt === undefined || f.recordedAt <= asOf);
  const active = (removedAt: string | undefined) => removedAt === undefined || asOf < removedAt;
  // Serious list: removed automatically after 3 years (Order 44, from 2021-09-01) or 5 years (2014 rules).
  const seriousActive = (listedAt: string, removedAt: string | undefined) => {
    if (!active(removedAt)) return false;
    if (listedAt < '2014-10-01') return true;
    return asOf < addCalendar(listedAt, { years: listedAt >= '2021-09-01' ? 3 : 5 });
  };

  return function grade(p: EntityCreditProfile): PeerResult {
    const fired: { ruleId: string; evidence: string[] }[] = [];
    const serious: string[] = [];
    const heavy3: string[] = [];
    const abn3: string[] = [];
    const abn: string[] = [];
    const court: string[] = [];
    const pen2: string[] = [];
    const fines3: string[] = [];
    let fineSum = 0;
    const unco3: string[] = [];
    const prob1: string[] = [];
    const breach2: string[] = [];
    const compl1: string[] = [];
    let dirty = false;
    let latestPc: { id: string; grade: string; issuedAt: string } | undefined;
    for (const f of p.facts) {
      switch (f.kind) {
        case 'serious_list':
          if (!known(f, f.listedAt)) break;
          dirty = true;
          if (seriousActive(f.listedAt, f.removedAt)) serious.push(f.id);
          break;
        case 'penalty': {
          if (!known(f, f.decisionDate)) break;
          if (f.revokedAt !== undefined && f.revokedAt <= asOf) break;
          const d = f.decisionDate;
          const nonWarning = f.penaltyKinds.some((k) => k !== '01');
          if (d > y3) {
            if (f.penaltyKinds.some((k) => HEAVY.has(k))) heavy3.push(f.id);
            fineSum += f.fineAmount ?? 0;
            fines3.push(f.id);
            if (nonWarning) dirty = true;
          }
          if (d > y2 && nonWarning) pen2.push(f.id);
          break;
        }
        case 'abnormal_list':
          if (!known(f, f.listedAt)) break;
          if (active(f.removedAt)) {
            abn.push(f.id);
            dirty = true;
            if (f.listedAt <= y3) abn3.push(f.id);
          }
          if (f.listedAt > y3) dirty = true;
          break;
        case 'court_dishonesty':
          if (!known(f, f.listedAt)) break;
          if (active(f.removedAt)) {
            court.push(f.id);
            dirty = true;
          }
          break;
        case 'spot_check':
          if (!known(f, f.date)) break;
          if (f.date > y3 && f.resultCodes.includes('8')) unco3.push(f.id);
          if (f.resultCodes.some((c) => PROBLEM.has(c))) {
            if (f.date > y1) prob1.push(f.id);
            if (f.date > y3) dirty = true;
          }
          break;
        case 'commitment_breach':
          if (!known(f, f.date)) break;
          if (f.date > y2) breach2.push(f.id);
          if (f.date > y3) dirty = true;
          break;
        case 'complaint':
          if (!known(f, f.receivedAt)) break;
          if (f.substantiated && f.receivedAt > y1) {
            compl1.push(f.id);
            dirty = true;
          }
          break;
        case 'external_grade':
          if (!known(f, f.issuedAt) || f.source !== 'public-credit') break;
          if (f.validUntil !== undefined && f.validUntil <= asOf) break;
          if (
            !latestPc ||
            f.issuedAt > latestPc.issuedAt ||
            (f.issuedAt === latestPc.issuedAt && f.id > latestPc.id)
          )
            latestPc = f;
          break;
      }
    }
    if (serious.length > 0)
      return { grade: 'D', fired: [{ ruleId: 'serious-list', evidence: serious.sort() }] };
    let rank = -1;
    const hit = (ruleId: string, evidence: string[], r: number) => {
      fired.push({ ruleId, evidence: [...new Set(evidence)].sort() });
      if (r > rank) rank = r;
    };
    if (heavy3.length) hit('heavy-penalty-3y', heavy3, 3);
    if (abn3.length) hit('abnormal-list-3y', abn3, 3);
    if (abn.length) hit('abnormal-list', abn, 2);
    if (court.length) hit('court-dishonesty', court, 2);
    if (pen2.length >= 2) hit('repeat-penalties-2y', pen2, 2);
    if (fineSum >= 100000) hit('large-fines-3y', fines3, 2);
    if (unco3.length) hit('uncooperative-spot-check-3y', unco3, 2);
    if (prob1.length) hit('spot-check-problem-1y', prob1, 2);
    if (breach2.length) hit('commitment-breach-2y', breach2, 2);
    if (compl1.length >= 3) hit('complaints-1y', compl1, 2);
    const pcPoor = latestPc !== undefined && (latestPc.grade === 'D' || latestPc.grade === '差');
    if (pcPoor) hit('public-credit-poor', [latestPc!.id], 2);
    const reg = p.registeredAt;
    if (reg !== undefined && reg <= asOf && reg > y1) hit('new-entity', [], 1);
    const pcBad = latestPc !== undefined && ['C', 'D', '中', '差'].includes(latestPc.grade);
    if (reg !== undefined && reg <= y3 && !dirty && !pcBad) hit('clean-established', [], 0);
    const grades = ['A', 'B', 'C', 'D'] as const;
    return { grade: grades[rank < 0 ? 1 : rank]!, fired };
  };
}
