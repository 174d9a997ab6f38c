import type { CreditRecord, PenaltyRecord } from '@jianguan/core';
import { describe, expect, it } from 'vitest';
import {
  CreditInputError,
  creditFactFromRecord,
  gradeEntity,
  penaltyFactFromRecord,
  samrBaselineRuleSet,
} from '../src/index.js';

const penalty = (over: Partial<PenaltyRecord>) =>
  ({
    kind: 'penalty',
    recordId: 'R-1',
    setDate: '2026-03-02',
    punishTypes: ['02', '03'],
    fineAmount: 5000,
    punishProcedure: '02',
    adminCounterpartNature: '02',
    noPenalty: false,
    ...over,
  }) as PenaltyRecord;

const credit = (over: Partial<CreditRecord>) =>
  ({
    creditRecordId: 'CR-1',
    recordKind: 'operatingAbnormal',
    enterpriseName: '某某商贸有限公司',
    enterpriseCreditCode: '91330100799655058B',
    listedDate: '2026-01-10',
    ...over,
  }) as CreditRecord;

describe('facts from core records', () => {
  it('maps a penalty behaviour record', () => {
    expect(penaltyFactFromRecord(penalty({}), { publishedAt: '2026-03-20' })).toEqual({
      kind: 'penalty',
      id: 'R-1',
      decisionDate: '2026-03-02',
      penaltyKinds: ['02', '03'],
      fineAmount: 5000,
      procedure: 'general',
      counterpart: 'organisation',
      publishedAt: '2026-03-20',
    });
    expect(
      penaltyFactFromRecord(penalty({ punishProcedure: '01', adminCounterpartNature: '01' })),
    ).toMatchObject({
      procedure: 'simple',
      counterpart: 'natural_person',
    });
  });

  it('不予行政处罚 is not a penalty', () => {
    expect(penaltyFactFromRecord(penalty({ noPenalty: true }))).toBeUndefined();
  });

  it('rejects unknown penalty kinds with a path', () => {
    expect(() => penaltyFactFromRecord(penalty({ punishTypes: ['02', '99'] }))).toThrow(
      expect.objectContaining({ code: 'invalid_penalty_kind', path: ['punishTypes', 1] }),
    );
  });

  it.each([
    [
      '年度报告 reason',
      { listedReason: '未按照规定的期限公示年度报告' },
      { kind: 'abnormal_list', reason: '1' },
    ],
    [
      'address reason',
      { listedReason: '通过登记的住所或者经营场所无法联系' },
      { kind: 'abnormal_list', reason: '4' },
    ],
    [
      'falsified reason',
      { listedReason: '公示信息隐瞒真实情况、弄虚作假' },
      { kind: 'abnormal_list', reason: '3' },
    ],
    [
      'removed entry',
      { listedReason: '1', removedDate: '2026-04-01' },
      { kind: 'abnormal_list', removedAt: '2026-04-01' },
    ],
    [
      'serious list',
      { recordKind: 'seriousIllegal', listedReason: '食品安全' },
      { kind: 'serious_list', reason: '食品安全' },
    ],
    [
      'public-credit grade',
      { recordKind: 'creditAssess', grade: 'B' },
      { kind: 'external_grade', source: 'public-credit', grade: 'B', issuedAt: '2026-01-10' },
    ],
  ] as [string, Partial<CreditRecord>, object][])('%s', (_l, over, expected) => {
    expect(
      creditFactFromRecord(credit({ listedReason: '未按照规定的期限公示年度报告', ...over })),
    ).toMatchObject({ id: 'CR-1', ...expected });
  });

  it.each([
    [{ recordKind: 'rumour' }, 'unknown_record_kind'],
    [{ listedReason: '其他原因' }, 'unknown_reason'],
    [{ listedDate: undefined }, 'missing_date'],
    [{ listedDate: '2026-02-30', listedReason: '1' }, 'invalid_credit_facts'],
    [{ recordKind: 'creditAssess' }, 'missing_grade'],
  ] as [Partial<CreditRecord>, string][])('rejects %j', (over, code) => {
    expect(() => creditFactFromRecord(credit(over))).toThrow(CreditInputError);
    expect(() => creditFactFromRecord(credit(over))).toThrow(expect.objectContaining({ code }));
  });

  it('feeds the grader', () => {
    const facts = [creditFactFromRecord(credit({ recordKind: '严重违法失信名单', listedReason: 'x' }))];
    const r = gradeEntity(
      { entityId: '91330100799655058B', facts },
      { ruleSet: samrBaselineRuleSet, asOf: '2026-11-21' },
    );
    expect(r.firedRules[0]).toMatchObject({ ruleId: 'serious-list', evidence: ['CR-1'] });
  });
});
