import { describe, expect, it } from 'vitest';
import {
  type CreditFact,
  type CreditRuleSet,
  gradeEntity,
  samrBaselineRuleSet,
  sdFiveClassRuleSet,
} from '../src/index.js';

const AS_OF = '2026-11-21';
const OLD = '2020-01-01';

interface Row {
  rule: string;
  registeredAt?: string;
  facts: CreditFact[];
  grade: string;
  fired: string[];
  evidence: string[];
}

const serious: CreditFact = { kind: 'serious_list', id: 'S1', listedAt: '2026-03-02' };
const abnormalOld: CreditFact = { kind: 'abnormal_list', id: 'AB1', reason: '1', listedAt: '2023-01-10' };
const abnormalNew: CreditFact = { kind: 'abnormal_list', id: 'AB2', reason: '4', listedAt: '2026-01-10' };
const court: CreditFact = { kind: 'court_dishonesty', id: 'J1', listedAt: '2026-01-01' };

// Table per rule of the SAMR baseline (国市监信发〔2022〕6号 and the documents each rule cites).
const baseline: Row[] = [
  { rule: 'serious-list', facts: [serious], grade: 'D', fired: ['serious-list'], evidence: ['S1'] },
  {
    rule: 'heavy-penalty-3y',
    facts: [{ kind: 'penalty', id: 'P1', decisionDate: '2024-06-01', penaltyKinds: ['05'] }],
    grade: 'D',
    fired: ['heavy-penalty-3y'],
    evidence: ['P1'],
  },
  {
    rule: 'abnormal-list-3y',
    facts: [abnormalOld],
    grade: 'D',
    fired: ['abnormal-list-3y', 'abnormal-list'],
    evidence: ['AB1'],
  },
  { rule: 'abnormal-list', facts: [abnormalNew], grade: 'C', fired: ['abnormal-list'], evidence: ['AB2'] },
  { rule: 'court-dishonesty', facts: [court], grade: 'C', fired: ['court-dishonesty'], evidence: ['J1'] },
  {
    rule: 'repeat-penalties-2y',
    facts: [
      { kind: 'penalty', id: 'P2', decisionDate: '2026-02-01', penaltyKinds: ['02'], fineAmount: 2000 },
      { kind: 'penalty', id: 'P1', decisionDate: '2025-03-01', penaltyKinds: ['02'], fineAmount: 1000 },
    ],
    grade: 'C',
    fired: ['repeat-penalties-2y'],
    evidence: ['P1', 'P2'],
  },
  {
    rule: 'large-fines-3y',
    facts: [
      { kind: 'penalty', id: 'P1', decisionDate: '2024-12-01', penaltyKinds: ['02'], fineAmount: 150000 },
    ],
    grade: 'C',
    fired: ['large-fines-3y'],
    evidence: ['P1'],
  },
  {
    rule: 'uncooperative-spot-check-3y',
    facts: [{ kind: 'spot_check', id: 'C1', date: '2024-05-01', resultCodes: ['8'] }],
    grade: 'C',
    fired: ['uncooperative-spot-check-3y'],
    evidence: ['C1'],
  },
  {
    rule: 'spot-check-problem-1y',
    facts: [{ kind: 'spot_check', id: 'C1', date: '2026-05-01', resultCodes: ['A'] }],
    grade: 'C',
    fired: ['spot-check-problem-1y'],
    evidence: ['C1'],
  },
  {
    rule: 'commitment-breach-2y',
    facts: [
      {
        kind: 'commitment_breach',
        id: 'K1#missed',
        commitmentId: 'K1',
        date: '2025-06-01',
        outcome: 'missed',
      },
    ],
    grade: 'C',
    fired: ['commitment-breach-2y'],
    evidence: ['K1#missed'],
  },
  {
    rule: 'complaints-1y',
    facts: [
      { kind: 'complaint', id: 'T1', receivedAt: '2026-02-01', substantiated: true },
      { kind: 'complaint', id: 'T2', receivedAt: '2026-03-01', substantiated: true },
      { kind: 'complaint', id: 'T3', receivedAt: '2026-04-01', substantiated: true },
      { kind: 'complaint', id: 'T4', receivedAt: '2026-04-02', substantiated: false },
    ],
    grade: 'C',
    fired: ['complaints-1y'],
    evidence: ['T1', 'T2', 'T3'],
  },
  {
    rule: 'public-credit-poor',
    facts: [
      { kind: 'external_grade', id: 'G1', source: 'public-credit', grade: 'D', issuedAt: '2026-01-01' },
    ],
    grade: 'C',
    fired: ['public-credit-poor'],
    evidence: ['G1'],
  },
  {
    rule: 'new-entity',
    registeredAt: '2026-06-01',
    facts: [],
    grade: 'B',
    fired: ['new-entity'],
    evidence: [],
  },
  {
    rule: 'clean-established',
    registeredAt: '2021-11-01',
    facts: [{ kind: 'spot_check', id: 'C0', date: '2025-01-01', resultCodes: ['1'] }],
    grade: 'A',
    fired: ['clean-established'],
    evidence: [],
  },
];

// Table per rule of the five-class profile (Shandong-like: A–E, "straight to E" overrides).
const fiveClass: Row[] = [
  { rule: 'e-serious-list', facts: [serious], grade: 'E', fired: ['e-serious-list'], evidence: ['S1'] },
  { rule: 'e-court-dishonesty', facts: [court], grade: 'E', fired: ['e-court-dishonesty'], evidence: ['J1'] },
  {
    rule: 'e-licence-revoked-1y',
    facts: [{ kind: 'penalty', id: 'P1', decisionDate: '2026-03-01', penaltyKinds: ['05'] }],
    grade: 'E',
    fired: ['e-licence-revoked-1y'],
    evidence: ['P1'],
  },
  { rule: 'e-abnormal-3y', facts: [abnormalOld], grade: 'E', fired: ['e-abnormal-3y'], evidence: ['AB1'] },
  {
    rule: 'e-false-commitment-1y',
    facts: [
      {
        kind: 'commitment_breach',
        id: 'K1#failed',
        commitmentId: 'K1',
        date: '2026-05-01',
        outcome: 'failed',
      },
    ],
    grade: 'E',
    fired: ['e-false-commitment-1y'],
    evidence: ['K1#failed'],
  },
  {
    rule: 'd-abnormal-list',
    facts: [abnormalNew],
    grade: 'D',
    fired: ['d-abnormal-list'],
    evidence: ['AB2'],
  },
  {
    rule: 'd-heavy-penalty-3y',
    facts: [{ kind: 'penalty', id: 'P1', decisionDate: '2024-06-01', penaltyKinds: ['10'] }],
    grade: 'D',
    fired: ['d-heavy-penalty-3y', 'b-clean-2y'],
    evidence: ['P1'],
  },
  {
    rule: 'd-penalty-1y',
    facts: [{ kind: 'penalty', id: 'P1', decisionDate: '2026-05-01', penaltyKinds: ['02'], fineAmount: 500 }],
    grade: 'D',
    fired: ['d-penalty-1y'],
    evidence: ['P1'],
  },
  {
    rule: 'd-spot-check-problem-1y',
    facts: [{ kind: 'spot_check', id: 'C1', date: '2026-05-01', resultCodes: ['B'] }],
    grade: 'D',
    fired: ['d-spot-check-problem-1y'],
    evidence: ['C1'],
  },
  {
    rule: 'c-missed-commitment-2y',
    facts: [
      {
        kind: 'commitment_breach',
        id: 'K1#missed',
        commitmentId: 'K1',
        date: '2025-06-01',
        outcome: 'missed',
      },
    ],
    grade: 'C',
    fired: ['c-missed-commitment-2y'],
    evidence: ['K1#missed'],
  },
  {
    rule: 'c-complaints-1y',
    facts: [
      { kind: 'complaint', id: 'T1', receivedAt: '2026-02-01', substantiated: true },
      { kind: 'complaint', id: 'T2', receivedAt: '2026-03-01', substantiated: true },
    ],
    grade: 'C',
    fired: ['c-complaints-1y'],
    evidence: ['T1', 'T2'],
  },
  {
    rule: 'c-young-entity',
    registeredAt: '2025-06-01',
    facts: [],
    grade: 'C',
    fired: ['c-young-entity'],
    evidence: [],
  },
  {
    rule: 'b-clean-2y',
    registeredAt: '2023-01-01',
    facts: [],
    grade: 'B',
    fired: ['b-clean-2y'],
    evidence: [],
  },
  {
    rule: 'a-clean-5y',
    registeredAt: OLD,
    facts: [],
    grade: 'A',
    fired: ['b-clean-2y', 'a-clean-5y'],
    evidence: [],
  },
];

function check(set: CreditRuleSet, rows: Row[]) {
  it('has a row for every rule', () => {
    expect(new Set(rows.map((r) => r.rule))).toEqual(new Set(set.rules.map((r) => r.id)));
  });
  it.each(rows)('$rule → $grade', (row) => {
    const result = gradeEntity(
      { entityId: '91330100799655058B', registeredAt: row.registeredAt ?? OLD, facts: row.facts },
      { ruleSet: set, asOf: AS_OF },
    );
    expect(result.grade).toBe(row.grade);
    expect(result.firedRules.map((f) => f.ruleId)).toEqual(row.fired);
    expect(result.firedRules.find((f) => f.ruleId === row.rule)?.evidence).toEqual(row.evidence);
    expect(result.ruleSetId).toBe(set.id);
    expect(result.ruleSetVersion).toBe(set.version);
  });
}

describe('SAMR baseline rules (国市监信发〔2022〕6号)', () => check(samrBaselineRuleSet, baseline));
describe('five-class profile rules (Shandong-like)', () => check(sdFiveClassRuleSet, fiveClass));

describe('near misses: windows, removal and revocation', () => {
  const grade = (facts: CreditFact[], set: CreditRuleSet = samrBaselineRuleSet) =>
    gradeEntity({ entityId: 'X', registeredAt: OLD, facts }, { ruleSet: set, asOf: AS_OF });

  it.each([
    [
      'heavy penalty 3 years and a day ago',
      { kind: 'penalty', id: 'P', decisionDate: '2023-11-20', penaltyKinds: ['05'] },
      'A',
    ],
    [
      'heavy penalty exactly inside the 3-year window',
      { kind: 'penalty', id: 'P', decisionDate: '2023-11-22', penaltyKinds: ['05'] },
      'D',
    ],
    [
      'serious list removed before asOf',
      { kind: 'serious_list', id: 'S', listedAt: '2022-01-01', removedAt: '2024-01-01' },
      'B',
    ],
    [
      'serious list removed on asOf',
      { kind: 'serious_list', id: 'S', listedAt: '2022-01-01', removedAt: AS_OF },
      'B',
    ],
    [
      'serious list removed after asOf',
      { kind: 'serious_list', id: 'S', listedAt: '2024-01-01', removedAt: '2026-11-22' },
      'D',
    ],
    [
      'revoked penalty',
      { kind: 'penalty', id: 'P', decisionDate: '2026-01-01', penaltyKinds: ['05'], revokedAt: '2026-06-01' },
      'A',
    ],
    ['warning only', { kind: 'penalty', id: 'P', decisionDate: '2026-01-01', penaltyKinds: ['01'] }, 'A'],
    [
      'spot check corrected (E) is not a pending problem',
      { kind: 'spot_check', id: 'C', date: '2026-05-01', resultCodes: ['E'] },
      'A',
    ],
    [
      'unsubstantiated complaint',
      { kind: 'complaint', id: 'T', receivedAt: '2026-05-01', substantiated: false },
      'A',
    ],
  ] as [string, CreditFact, string][])('%s → %s', (_label, fact, expected) => {
    expect(grade([fact]).grade).toBe(expected);
  });

  it('an expired external grade no longer counts', () => {
    const g: CreditFact = {
      kind: 'external_grade',
      id: 'G',
      source: 'public-credit',
      grade: 'D',
      issuedAt: '2025-01-01',
      validUntil: '2026-01-01',
    };
    expect(grade([g]).grade).toBe('A');
  });
  it('only the latest external grade of a source counts', () => {
    const old: CreditFact = {
      kind: 'external_grade',
      id: 'G1',
      source: 'public-credit',
      grade: 'D',
      issuedAt: '2024-01-01',
    };
    const newer: CreditFact = {
      kind: 'external_grade',
      id: 'G2',
      source: 'public-credit',
      grade: 'A',
      issuedAt: '2025-01-01',
    };
    expect(grade([old, newer]).grade).toBe('A');
    expect(grade([newer, { ...old, issuedAt: '2026-01-01' }]).grade).toBe('C');
  });
});
