import { isCivilDate } from '@jianguan/core';
import { z } from 'zod';
import { candidateShape, proposalShape, requireShape } from '../boundary.js';
import { isItemCode } from '../catalog/item-code.js';
import { CatalogError, fromZodIssues } from '../errors.js';
import type { MatchCandidate, MatchProposal } from './match.js';

const civilDate = z.string().refine(isCivilDate, { message: 'expected a China civil date YYYY-MM-DD' });
const itemCode = z.string().refine(isItemCode, { message: 'expected a 14-digit catalog item code' });
const catalogRef = z.object({ id: z.string().min(1), version: z.string().min(1) });

/**
 * The zod schema of a confirmed mapping set (事项对应关系): which local item corresponds to which provincial
 * item, who confirmed it and when, and the shared legal bases it rests on. Versioned data: a department
 * publishes a new version when either catalog changes.
 *
 * @example
 * mappingSetSchema.parse({ id: 'rc-cq', version: '2025.1', local: { id: 'rc', version: '1' },
 *   provincial: { id: 'cq', version: '2' }, mappings: [] });
 */
export const mappingSetSchema = z.object({
  id: z.string().min(1),
  version: z.string().min(1),
  local: catalogRef,
  provincial: catalogRef,
  mappings: z.array(
    z.object({
      localKey: z.string().min(1),
      localItemCode: z.string().min(1),
      provincialKey: z.string().min(1),
      provincialItemCode: itemCode,
      confirmedBy: z.string().min(1),
      confirmedDate: civilDate,
      /** The shared citation keys (or laws) the mapping rests on, from the proposal's evidence. */
      sharedBasis: z.array(z.string()),
      score: z.number().min(0).max(1).optional(),
      note: z.string().optional(),
    }),
  ),
});

/**
 * A confirmed mapping set; see {@link mappingSetSchema}.
 *
 * @example
 * const set: MappingSet = defineMappingSet(input);
 */
export type MappingSet = z.infer<typeof mappingSetSchema>;

/**
 * One confirmed local ↔ provincial correspondence (确认的对应关系).
 *
 * @example
 * const m: ConfirmedMapping = confirmMapping(proposal, proposal.candidates[0]!, { by: '张三', date: '2026-12-02' });
 */
export type ConfirmedMapping = MappingSet['mappings'][number];

const confirmationShape = z.looseObject({ by: z.string(), date: z.string(), note: z.string().optional() });

/**
 * Turns a proposal's candidate into a confirmed mapping, recording who confirmed it, when, and the shared basis
 * from the evidence (shared citations, else shared laws).
 *
 * @throws {CatalogError} `invalid_mapping_set` when the date is not a China civil date or `by` is empty.
 * @example
 * const m = confirmMapping(proposal, proposal.candidates[0]!, { by: '法制科 张三', date: '2026-12-02' });
 */
export function confirmMapping(
  proposal: MatchProposal,
  candidate: MatchCandidate,
  confirmation: { readonly by: string; readonly date: string; readonly note?: string },
): ConfirmedMapping {
  requireShape(proposalShape, proposal, ['proposal']);
  requireShape(candidateShape, candidate, ['candidate']);
  requireShape(confirmationShape, confirmation, ['confirmation'], 'invalid_mapping_set');
  if (!isCivilDate(confirmation.date) || confirmation.by.trim() === '') {
    throw new CatalogError(
      'invalid_mapping_set',
      { zh: '确认须有确认人和有效日期', en: 'a confirmation needs a person and a civil date' },
      { path: ['confirmation'], details: { by: confirmation.by, date: confirmation.date } },
    );
  }
  const shared =
    candidate.evidence.sharedCitations.length > 0
      ? candidate.evidence.sharedCitations
      : candidate.evidence.sharedLaws;
  return {
    localKey: proposal.key,
    localItemCode: proposal.itemCode,
    provincialKey: candidate.key,
    provincialItemCode: candidate.itemCode,
    confirmedBy: confirmation.by,
    confirmedDate: confirmation.date,
    sharedBasis: [...shared],
    score: candidate.score,
    ...(confirmation.note === undefined ? {} : { note: confirmation.note }),
  };
}

/**
 * Validates a mapping set: schema, and each local item mapped at most once.
 *
 * @throws {CatalogError} `invalid_mapping_set` with the path of the first problem.
 * @example
 * const set = defineMappingSet({ id: 'rc-cq', version: '2025.1', local, provincial, mappings: [m] });
 */
export function defineMappingSet(input: unknown): MappingSet {
  const parsed = mappingSetSchema.safeParse(input);
  if (!parsed.success)
    throw fromZodIssues('invalid_mapping_set', { zh: '对应关系集', en: 'mapping set' }, parsed.error.issues);
  const seen = new Map<string, number>();
  parsed.data.mappings.forEach((m, i) => {
    const first = seen.get(m.localKey);
    if (first !== undefined) {
      throw new CatalogError(
        'invalid_mapping_set',
        {
          zh: `本地事项 ${m.localKey} 对应了两次（第 ${first + 1} 条与第 ${i + 1} 条）`,
          en: `local item ${m.localKey} is mapped twice (mappings ${first + 1} and ${i + 1})`,
        },
        { path: ['mappings', i, 'localKey'], details: { localKey: m.localKey } },
      );
    }
    seen.set(m.localKey, i);
  });
  return parsed.data;
}
