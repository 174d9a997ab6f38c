import type { CivilDate } from '@jianguan/core';
import {
  dayNumberOf,
  describeValue,
  isCivilDate,
  JianguanError,
  localizeZodIssue,
  zodIssuePath,
} from '@jianguan/core';
import { z } from 'zod';
import { addCalendar } from '../dates/civil-date.js';
import type { CommitmentBreachFact } from '../facts/credit-fact.js';
import { civilDateSchema } from '../facts/credit-fact.js';

/**
 * zod schema of a {@link Commitment} (告知承诺 / 信用承诺).
 *
 * @example
 * commitmentSchema.parse({ id: 'K1', entityId: 'X', type: 'notify_commit', item: '食品经营许可', content: '…', madeAt: '2026-01-05', deadline: '2026-03-05', verificationStandard: '现场核查', responsibleUnit: '市场监管局' });
 */
export const commitmentSchema = z.object({
  id: z.string().min(1),
  /** The committing entity (USCC). */
  entityId: z.string().min(1),
  /** 告知承诺 (notify-and-commit, for an approval) or 信用承诺 (a credit commitment). */
  type: z.enum(['notify_commit', 'credit']),
  /** 承诺事项. */
  item: z.string().min(1),
  /** 承诺内容. */
  content: z.string().min(1),
  /** The day the commitment was made (承诺日期). */
  madeAt: civilDateSchema,
  /** The last day to fulfil it (履约期限), inclusive. */
  deadline: civilDateSchema,
  /** 核查标准 — how fulfilment is verified. */
  verificationStandard: z.string().min(1),
  /** 核查责任单位. */
  responsibleUnit: z.string().min(1),
  /** Fulfilment reported on this day (履约日期). */
  fulfilledAt: civilDateSchema.exactOptional(),
  /** The verification (核查): on this day, with this outcome. */
  verification: z
    .object({
      date: civilDateSchema,
      outcome: z.enum(['confirmed', 'failed']),
      note: z.string().exactOptional(),
    })
    .exactOptional(),
});

/**
 * A commitment (告知承诺 / 信用承诺): item, content, deadline, verification standard, responsible unit, and
 * whether it was fulfilled and verified. Seeds: "将信用承诺履行情况纳入信用记录" (002), 告知承诺管理 (004).
 *
 * @example
 * const k: Commitment = { id: 'K1', entityId: 'X', type: 'credit', item: '…', content: '…', madeAt: '2026-01-05', deadline: '2026-03-05', verificationStandard: '…', responsibleUnit: '…' };
 */
export type Commitment = z.infer<typeof commitmentSchema>;

/**
 * Where a commitment stands on a date.
 *
 * - `pending` — before the deadline, not fulfilled yet;
 * - `due_soon` — pending and within the warning window;
 * - `awaiting_verification` — fulfilled (on time), not verified yet;
 * - `fulfilled` — verified as confirmed;
 * - `missed` — the deadline passed without fulfilment (a credit fact);
 * - `failed` — verification found it untrue or unmet (a credit fact).
 *
 * @example
 * const s: CommitmentState = 'missed';
 */
export type CommitmentState =
  | 'pending'
  | 'due_soon'
  | 'awaiting_verification'
  | 'fulfilled'
  | 'missed'
  | 'failed';

/**
 * The tracking status of one commitment as of a date.
 *
 * @example
 * const s: CommitmentStatus = trackCommitment(k, { asOf: '2026-03-01' });
 * s.state; s.daysLeft;
 */
export interface CommitmentStatus {
  readonly commitmentId: string;
  readonly state: CommitmentState;
  readonly deadline: CivilDate;
  /** Calendar days from asOf to the deadline (negative when past). */
  readonly daysLeft: number;
  /** The credit fact this status produces, for `missed` and `failed`. */
  readonly breach?: CommitmentBreachFact;
}

/**
 * Options of {@link trackCommitment}.
 *
 * @example
 * const o: TrackCommitmentOptions = { asOf: '2026-03-01', warnWithinDays: 7 };
 */
export interface TrackCommitmentOptions {
  readonly asOf: CivilDate;
  /** `due_soon` from this many calendar days before the deadline (default 7). */
  readonly warnWithinDays?: number;
}

/**
 * Thrown for a malformed commitment or as-of date.
 *
 * @example
 * try { trackCommitment(bad, { asOf: '2026-03-01' }); } catch (e) { (e as CommitmentError).path; }
 */
export class CommitmentError extends JianguanError {
  override readonly name = 'CommitmentError' as const;
}

/**
 * Tracks a commitment to its deadline as of a date. A commitment not fulfilled by its deadline is
 * `missed` from the next day; one that fails verification is `failed` from the verification day. Both
 * carry the {@link CommitmentBreachFact} to add to the entity's credit facts; as of an earlier date the
 * breach does not exist yet.
 *
 * @example
 * trackCommitment(k, { asOf: '2026-03-06' }).state; // 'missed' (deadline 2026-03-05, not fulfilled)
 */
export function trackCommitment(commitment: Commitment, options: TrackCommitmentOptions): CommitmentStatus {
  const parsed = commitmentSchema.safeParse(commitment);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = zodIssuePath(issue);
    const text = localizeZodIssue(issue);
    throw new CommitmentError(
      'invalid_commitment',
      {
        zh: `承诺信息无效（${path.join('.')}）：${text.zh}`,
        en: `invalid commitment at ${path.join('.')}: ${text.en}`,
      },
      { path },
    );
  }
  const asOf = options?.asOf;
  if (!isCivilDate(asOf)) {
    throw new CommitmentError(
      'invalid_as_of',
      { zh: `基准日无效：${describeValue(asOf)}`, en: `invalid asOf ${describeValue(asOf)}` },
      { path: ['asOf'] },
    );
  }
  const c = parsed.data;
  const warn = options.warnWithinDays ?? 7;
  const daysLeft = dayNumberOf(c.deadline) - dayNumberOf(asOf);
  const base = { commitmentId: c.id, deadline: c.deadline, daysLeft };
  const v = c.verification;
  if (v && v.date <= asOf) {
    if (v.outcome === 'failed') {
      return {
        ...base,
        state: 'failed',
        breach: {
          kind: 'commitment_breach',
          id: `${c.id}#failed`,
          commitmentId: c.id,
          date: v.date,
          outcome: 'failed',
        },
      };
    }
    return { ...base, state: 'fulfilled' };
  }
  const fulfilledOnTime = c.fulfilledAt !== undefined && c.fulfilledAt <= c.deadline && c.fulfilledAt <= asOf;
  if (fulfilledOnTime) return { ...base, state: 'awaiting_verification' };
  if (asOf > c.deadline) {
    const date = addCalendar(c.deadline, { days: 1 });
    return {
      ...base,
      state: 'missed',
      breach: {
        kind: 'commitment_breach',
        id: `${c.id}#missed`,
        commitmentId: c.id,
        date,
        outcome: 'missed',
      },
    };
  }
  return { ...base, state: daysLeft <= warn ? 'due_soon' : 'pending' };
}

/**
 * The credit facts a list of commitments produces as of a date (one per missed or failed commitment),
 * ready to append to an entity's facts before grading.
 *
 * @example
 * const facts = [...entityFacts, ...commitmentFacts(commitments, { asOf: '2026-11-21' })];
 */
export function commitmentFacts(
  commitments: Iterable<Commitment>,
  options: TrackCommitmentOptions,
): CommitmentBreachFact[] {
  if (
    commitments === null ||
    typeof commitments !== 'object' ||
    typeof (commitments as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function'
  )
    throw new CommitmentError(
      'invalid_commitment',
      {
        zh: `承诺列表应为可迭代对象，实际为 ${describeValue(commitments)}`,
        en: `commitments must be an iterable, not ${describeValue(commitments)}`,
      },
      { path: [] },
    );
  const out: CommitmentBreachFact[] = [];
  for (const c of commitments) {
    const s = trackCommitment(c, options);
    if (s.breach) out.push(s.breach);
  }
  return out;
}
