// Issue 18: as a library, credit-rules never puts raw zod English into a Chinese message line (it uses core's
// localizeZodIssue). Each valid input is broken one field at a time and every zh line of the error is checked.
import { describe, expect, it } from 'vitest';
import { checkZhMessages } from '../../core/test/support/zh-messages.js';
import type { Commitment, EntityCreditProfile } from '../src/index.js';
import {
  gradeEntity,
  parseRuleSet,
  samrBaselineRuleSet,
  sdFiveClassRuleSet,
  trackCommitment,
} from '../src/index.js';

const profile: EntityCreditProfile = {
  entityId: '91330100799655058B',
  registeredAt: '2020-05-01',
  facts: [
    { kind: 'penalty', id: 'P1', decisionDate: '2025-03-02', penaltyKinds: ['02'], fineAmount: 5000 },
    { kind: 'abnormal_list', id: 'AB1', reason: '1', listedAt: '2024-07-01' },
    { kind: 'spot_check', id: 'C1', date: '2025-06-01', resultCodes: ['1'] },
    { kind: 'complaint', id: 'Q1', receivedAt: '2025-01-03', substantiated: true },
  ],
};

const commitment: Commitment = {
  id: 'K1',
  entityId: '91330100799655058B',
  type: 'notify_commit',
  item: '食品经营许可（告知承诺）',
  content: '三个月内完成后厨改造',
  madeAt: '2026-01-05',
  deadline: '2026-04-05',
  verificationStandard: '现场核查后厨布局与设施',
  responsibleUnit: '某区市场监督管理局',
};

describe('Chinese messages of invalid data carry no raw zod English', () => {
  it.each([
    ['parseRuleSet (SAMR baseline)', samrBaselineRuleSet, (d: unknown) => parseRuleSet(d)],
    ['parseRuleSet (five-class)', sdFiveClassRuleSet, (d: unknown) => parseRuleSet(d)],
    [
      'gradeEntity (a credit profile)',
      profile,
      (d: unknown) => gradeEntity(d as never, { ruleSet: samrBaselineRuleSet, asOf: '2026-01-05' }),
    ],
    ['trackCommitment', commitment, (d: unknown) => trackCommitment(d as never, { asOf: '2026-02-01' })],
  ])('%s', (_name, valid, parse) => {
    expect(() => parse(valid)).not.toThrow();
    const { rejected, problems } = checkZhMessages(valid, parse);
    expect(rejected).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});
