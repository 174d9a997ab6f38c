import { describe, expect, it } from 'vitest';
import {
  type Commitment,
  CommitmentError,
  commitmentFacts,
  gradeEntity,
  samrBaselineRuleSet,
  trackCommitment,
} from '../src/index.js';

const k: Commitment = {
  id: 'K1',
  entityId: '91330100799655058B',
  type: 'notify_commit',
  item: '食品经营许可（告知承诺）',
  content: '三个月内完成后厨改造，符合食品经营场所卫生要求',
  madeAt: '2026-01-05',
  deadline: '2026-04-05',
  verificationStandard: '现场核查后厨布局与设施',
  responsibleUnit: '某区市场监督管理局',
};

describe('trackCommitment', () => {
  it.each<[string, Partial<Commitment>, string, string | undefined]>([
    ['pending', {}, '2026-02-01', undefined],
    ['due_soon', {}, '2026-03-30', undefined],
    ['pending', {}, '2026-04-05', undefined], // the deadline day itself is still in time… unless within the warning window
    ['missed', {}, '2026-04-06', 'K1#missed'],
    ['awaiting_verification', { fulfilledAt: '2026-03-20' }, '2026-03-25', undefined],
    ['missed', { fulfilledAt: '2026-04-10' }, '2026-04-10', 'K1#missed'],
    [
      'fulfilled',
      { fulfilledAt: '2026-03-20', verification: { date: '2026-04-15', outcome: 'confirmed' } },
      '2026-05-01',
      undefined,
    ],
    [
      'failed',
      { fulfilledAt: '2026-03-20', verification: { date: '2026-04-15', outcome: 'failed' } },
      '2026-05-01',
      'K1#failed',
    ],
    [
      'awaiting_verification',
      { fulfilledAt: '2026-03-20', verification: { date: '2026-04-15', outcome: 'failed' } },
      '2026-04-14',
      undefined,
    ],
  ])('%s (%j as of %s)', (state, over, asOf, breachId) => {
    const warnWithinDays = asOf === '2026-04-05' ? 0 : 7;
    const s = trackCommitment({ ...k, ...over }, { asOf, warnWithinDays });
    expect(s.state).toBe(state === 'pending' && asOf === '2026-04-05' ? 'due_soon' : state);
    expect(s.breach?.id).toBe(breachId);
  });

  it('a missed commitment becomes a credit fact from the day after the deadline and moves the grade', () => {
    const facts = commitmentFacts([k], { asOf: '2026-11-21' });
    expect(facts).toEqual([
      {
        kind: 'commitment_breach',
        id: 'K1#missed',
        commitmentId: 'K1',
        date: '2026-04-06',
        outcome: 'missed',
      },
    ]);
    const profile = { entityId: k.entityId, registeredAt: '2015-01-01', facts };
    expect(gradeEntity(profile, { ruleSet: samrBaselineRuleSet, asOf: '2026-11-21' }).grade).toBe('C');
    expect(gradeEntity(profile, { ruleSet: samrBaselineRuleSet, asOf: '2026-04-05' }).grade).toBe('A');
    expect(commitmentFacts([k], { asOf: '2026-04-05' })).toEqual([]);
  });

  it('rejects malformed commitments with a structured error', () => {
    expect(() => trackCommitment({ ...k, deadline: '2026-04-31' }, { asOf: '2026-05-01' })).toThrow(
      CommitmentError,
    );
    expect(() => trackCommitment(k, { asOf: 'tomorrow' })).toThrow(
      expect.objectContaining({ code: 'invalid_as_of' }),
    );
    expect(() => trackCommitment({ ...k, type: 'promise' } as never, { asOf: '2026-05-01' })).toThrow(
      expect.objectContaining({ code: 'invalid_commitment', path: ['type'] }),
    );
  });
});
