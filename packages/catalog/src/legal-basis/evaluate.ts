import { z } from 'zod';
import { badInput, proposalShape, requireShape } from '../boundary.js';
import type { MatchProposal } from './match.js';

/**
 * Precision and recall of the matcher's first-ranked proposals against labels (匹配评估): a local item with a
 * label should get that candidate first; one labelled `null` should get none. `precision` = correct first
 * proposals / first proposals made; `recall` = correct first proposals / labelled pairs; also recall within
 * the top k (`recallAtK`), which is what a person confirming from a short list sees.
 *
 * @example
 * const e = evaluateProposals(proposals, new Map([['L1', 'P1'], ['L2', null]]));
 * e.precision; // e.g. 0.8
 */
export interface ProposalEvaluation {
  readonly labelled: number;
  readonly positives: number;
  readonly proposed: number;
  readonly correct: number;
  readonly precision: number;
  readonly recall: number;
  readonly recallAtK: number;
  readonly k: number;
  /** Per local key: the truth, the first candidate and whether the truth was among the proposals. */
  readonly rows: readonly {
    readonly key: string;
    readonly truth: string | null;
    readonly first: string | null;
    readonly firstScore: number | null;
    readonly inTopK: boolean;
  }[];
}

const proposalsShape = z.array(proposalShape);

/**
 * Scores proposals against labels keyed by local item key (value: the true provincial key, or `null`).
 * Proposals without a label are ignored.
 *
 * @example
 * const e = evaluateProposals(proposeMappings(local, provincial), truth);
 * console.log(e.precision, e.recall);
 */
export function evaluateProposals(
  proposals: readonly MatchProposal[],
  truth: ReadonlyMap<string, string | null>,
): ProposalEvaluation {
  requireShape(proposalsShape, proposals, ['proposals']);
  if (!(truth instanceof Map))
    badInput(
      'invalid_input',
      ['truth'],
      { en: 'a Map of item key → key or null', zh: 'Map（事项键 → 键或 null）' },
      truth,
    );
  let proposed = 0;
  let correct = 0;
  let positives = 0;
  let inK = 0;
  let k = 0;
  const rows: ProposalEvaluation['rows'][number][] = [];
  for (const p of proposals) {
    if (!truth.has(p.key)) continue;
    const t = truth.get(p.key) ?? null;
    const first = p.candidates[0];
    k = Math.max(k, p.candidates.length);
    if (t !== null) positives++;
    if (first) proposed++;
    if (first && first.key === t) correct++;
    const hit = t !== null && p.candidates.some((c) => c.key === t);
    if (hit) inK++;
    rows.push({
      key: p.key,
      truth: t,
      first: first?.key ?? null,
      firstScore: first?.score ?? null,
      inTopK: hit,
    });
  }
  return {
    labelled: rows.length,
    positives,
    proposed,
    correct,
    precision: proposed === 0 ? 1 : correct / proposed,
    recall: positives === 0 ? 1 : correct / positives,
    recallAtK: positives === 0 ? 1 : inK / positives,
    k,
    rows,
  };
}
