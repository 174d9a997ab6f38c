import { isRecord } from '@jianguan/core';
import { z } from 'zod';
import { matchableShape, parseOptionsShape, requireShape, requireString } from '../boundary.js';
import { catalogItemKey, catalogItemName } from '../catalog/catalog.js';
import { CatalogError } from '../errors.js';
import { type ParseLegalBasisOptions, parseLegalBasis } from './citation.js';
import { toHalfWidth } from './law-names.js';

/**
 * What the matcher needs of an item (local or provincial): its code, names and legal basis (设定依据 or 检查依据).
 *
 * @example
 * const item: MatchableItem = { itemCode: '50000000100001', mainItemName: '营业执照规范使用情况的检查', legalBasis: '《电子商务法》第十五条' };
 */
export interface MatchableItem {
  readonly itemCode: string;
  readonly subItemCode?: string | undefined;
  readonly mainItemName?: string | undefined;
  readonly subItemName?: string | undefined;
  readonly legalBasis?: string | undefined;
}

/**
 * Why a candidate was proposed (匹配证据): the citations and laws both items cite, what only one side cites,
 * and how similar the names are.
 *
 * @example
 * const e: MatchEvidence = proposal.candidates[0]!.evidence;
 * e.sharedCitations; // ['电子商务法#15']
 */
export interface MatchEvidence {
  /** Article-level citation keys both cite. */
  readonly sharedCitations: readonly string[];
  /** Laws both cite (at any level). */
  readonly sharedLaws: readonly string[];
  readonly localOnlyLaws: readonly string[];
  readonly candidateOnlyLaws: readonly string[];
  /** Dice similarity of the names' character bigrams after dropping generic words, 0–1. */
  readonly nameSimilarity: number;
  /** The three score components, 0–1 each. */
  readonly citationScore: number;
  readonly lawScore: number;
}

/**
 * One proposed counterpart of a local item, with its score (0–1) and evidence, for a person to confirm.
 *
 * @example
 * const c: MatchCandidate = proposal.candidates[0]!;
 */
export interface MatchCandidate {
  readonly key: string;
  readonly itemCode: string;
  readonly name: string;
  readonly score: number;
  readonly evidence: MatchEvidence;
}

/**
 * The proposals for one local item (法定依据同源匹配建议), best first.
 *
 * @example
 * const p: MatchProposal = proposeMappings(local, provincial)[0]!;
 */
export interface MatchProposal {
  readonly key: string;
  readonly itemCode: string;
  readonly name: string;
  readonly candidates: readonly MatchCandidate[];
}

/**
 * Options of {@link proposeMappings}.
 *
 * @example
 * const o: ProposeMappingsOptions = { top: 3, minScore: 0.3 };
 */
export interface ProposeMappingsOptions extends ParseLegalBasisOptions {
  /** Candidates kept per local item (default 3). */
  readonly top?: number;
  /** Candidates scoring below this are dropped (default {@link DEFAULT_MATCH_WEIGHTS}.minScore). */
  readonly minScore?: number;
  /** Score weights (default {@link DEFAULT_MATCH_WEIGHTS}); they are normalised to sum 1. */
  readonly weights?: { readonly citation: number; readonly law: number; readonly name: number };
}

/**
 * The default weights of the match score: shared article-level citations count most (法定依据同源), shared laws
 * next, name similarity least; `minScore` is the cut-off. Tuned on nothing but the principle; the benchmark
 * (`npm run bench -w @jianguan/catalog`) reports precision and recall with them.
 *
 * @example
 * DEFAULT_MATCH_WEIGHTS.citation; // 0.5
 */
export const DEFAULT_MATCH_WEIGHTS = { citation: 0.5, law: 0.25, name: 0.25, minScore: 0.3 } as const;

// Words every item name carries; they say nothing about which matter it is.
const GENERIC =
  /对|的|和|及|与|等|情况|行为|监督检查|行政检查|监督|检查|监管|抽查|管理|事项|规范|使用|[()（）、，,·\s]/g;

const matchableList = z.array(matchableShape);

/** {@link nameSimilarity} of checked strings. */
function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return (2 * shared) / (x.size + y.size);
}

function bigrams(name: string): Set<string> {
  const text = toHalfWidth(name).replace(GENERIC, '');
  const out = new Set<string>();
  if (text.length === 1) out.add(text);
  for (let i = 0; i + 1 < text.length; i++) out.add(text.slice(i, i + 2));
  return out;
}

/**
 * Similarity of two item names (名称相似度), 0–1: the Dice coefficient of their character bigrams after generic
 * words (对…的监督检查, 情况, 行为 …) are dropped.
 *
 * @example
 * nameSimilarity('对营业执照规范使用的检查', '营业执照规范使用情况的监督检查'); // 1 (generic words dropped)
 * nameSimilarity('营业执照（登记证）规范使用情况的检查', '对营业执照规范使用的检查') > 0.6; // true
 */
export function nameSimilarity(a: string, b: string): number {
  requireString(a, ['a']);
  requireString(b, ['b']);
  return similarity(a, b);
}

/** |A ∩ B| / min(|A|, |B|): a local list often cites a subset of the provincial basis. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): { score: number; shared: string[] } {
  const shared = [...a].filter((x) => b.has(x));
  const n = Math.min(a.size, b.size);
  return { score: n === 0 ? 0 : shared.length / n, shared };
}

interface Prepared {
  readonly item: MatchableItem;
  readonly key: string;
  readonly name: string;
  readonly citations: ReadonlySet<string>;
  readonly laws: ReadonlySet<string>;
}

function prepare(item: MatchableItem, options: ParseLegalBasisOptions): Prepared {
  const parsed = parseLegalBasis(typeof item.legalBasis === 'string' ? item.legalBasis : '', options);
  return {
    item,
    key: catalogItemKey(item),
    name: catalogItemName(item),
    citations: new Set(parsed.citations.filter((c) => c.article !== undefined).map((c) => c.key)),
    laws: new Set(parsed.laws),
  };
}

/**
 * Proposes local ↔ provincial item pairs by the principle that the legal basis is the same (法定依据同源, seed 000
 * task 1): for every local item, the provincial items ranked by a score of shared article-level citations,
 * shared laws and name similarity, each with its evidence. Proposals are for a person to confirm
 * ({@link confirmMapping}); nothing is mapped automatically.
 *
 * @throws {CatalogError} `invalid_options` for bad weights, `top` or `minScore`.
 * @example
 * const proposals = proposeMappings(localCatalog.items, provincialCatalog.items, { top: 3 });
 * proposals[0]?.candidates[0]?.evidence.sharedCitations;
 */
export function proposeMappings(
  local: readonly MatchableItem[],
  provincial: readonly MatchableItem[],
  options: ProposeMappingsOptions = {},
): MatchProposal[] {
  requireShape(matchableList, local, ['local']);
  requireShape(matchableList, provincial, ['provincial']);
  requireShape(parseOptionsShape, options, ['options'], 'invalid_options');
  const w = options.weights ?? DEFAULT_MATCH_WEIGHTS;
  const top = options.top ?? 3;
  const minScore = options.minScore ?? DEFAULT_MATCH_WEIGHTS.minScore;
  const sum = isRecord(w) ? w.citation + w.law + w.name : Number.NaN;
  if (
    !isRecord(w) ||
    ![w.citation, w.law, w.name].every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0) ||
    !(sum > 0)
  ) {
    throw new CatalogError(
      'invalid_options',
      { zh: '权重须为非负数且和大于0', en: 'weights must be non-negative with a positive sum' },
      {
        path: ['weights'],
      },
    );
  }
  if (typeof top !== 'number' || !Number.isInteger(top) || top < 1) {
    throw new CatalogError(
      'invalid_options',
      { zh: 'top 须为正整数', en: 'top must be a positive integer' },
      { path: ['top'] },
    );
  }
  if (typeof minScore !== 'number' || !Number.isFinite(minScore) || minScore < 0 || minScore > 1) {
    throw new CatalogError(
      'invalid_options',
      { zh: 'minScore 须在0到1之间', en: 'minScore must be within [0, 1]' },
      {
        path: ['minScore'],
      },
    );
  }
  const cands = provincial.map((p) => prepare(p, options));
  return local.map((l) => {
    const a = prepare(l, options);
    const scored: MatchCandidate[] = [];
    for (const b of cands) {
      const cit = overlap(a.citations, b.citations);
      const law = overlap(a.laws, b.laws);
      const sim = similarity(a.name, b.name);
      const score = (w.citation * cit.score + w.law * law.score + w.name * sim) / sum;
      if (score < minScore) continue;
      scored.push({
        key: b.key,
        itemCode: b.item.itemCode,
        name: b.name,
        score: Math.round(score * 1000) / 1000,
        evidence: {
          sharedCitations: cit.shared,
          sharedLaws: law.shared,
          localOnlyLaws: [...a.laws].filter((x) => !b.laws.has(x)),
          candidateOnlyLaws: [...b.laws].filter((x) => !a.laws.has(x)),
          nameSimilarity: Math.round(sim * 1000) / 1000,
          citationScore: Math.round(cit.score * 1000) / 1000,
          lawScore: Math.round(law.score * 1000) / 1000,
        },
      });
    }
    scored.sort((x, y) => y.score - x.score || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    return { key: a.key, itemCode: l.itemCode, name: a.name, candidates: scored.slice(0, top) };
  });
}
