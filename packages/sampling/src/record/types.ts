import type { ExclusionReason } from '../plan/frame.js';
import type { SpotCheckTask } from '../plan/types.js';
import type { SamplingRules } from '../rules/sampling-rules.js';

/**
 * The digest and size of one stratum's frame, published before the seed is drawn (抽查名录公示摘要).
 * `populationDigest` = SHA-256 over the UTF-8 of the stratum's eligible ids sorted by code point, each
 * followed by `\n` (the same as `LC_ALL=C sort -u ids.txt | sha256sum`).
 *
 * @example
 * const s: StratumCommitment = { key: 'B', populationSize: 1200, populationDigest: 'ab…', excluded: { window: 3 }, excludedDigest: 'cd…' };
 */
export interface StratumCommitment {
  readonly key: string;
  readonly populationSize: number;
  readonly populationDigest: string;
  /** How many matching entities each exclusion rule removed. */
  readonly excluded: Readonly<Partial<Record<ExclusionReason, number>>>;
  /** SHA-256 over the sorted `id<TAB>reason\n` lines of the excluded entities. */
  readonly excludedDigest: string;
}

/**
 * The frozen frame of a task (抽查名录冻结承诺), committed before the seed ceremony.
 *
 * @example
 * const c: PopulationCommitment = commitPopulation(task, entities);
 * console.log(c.commitmentDigest);
 */
export interface PopulationCommitment {
  readonly format: 'jianguan.population-commitment/1';
  readonly taskId: string;
  readonly asOf: string;
  readonly strata: readonly StratumCommitment[];
  /** Directory entries that matched no stratum. */
  readonly unmatched: number;
  /** SHA-256 of the canonical JSON of all the fields above. */
  readonly commitmentDigest: string;
}

/**
 * One drawn entity: id, ticket (18 significant digits, as Arlo shows them) and rank within its stratum.
 *
 * @example
 * const p: DrawPick = { id: '91330100799655058B', ticket: '0.000617786129909912', rank: 1 };
 */
export interface DrawPick {
  readonly id: string;
  readonly ticket: string;
  readonly rank: number;
}

/**
 * The result of one stratum.
 *
 * @example
 * const r: StratumResult = { key: 'B', populationSize: 1200, sampleSize: 60, picks: [] };
 */
export interface StratumResult {
  readonly key: string;
  readonly populationSize: number;
  readonly sampleSize: number;
  readonly picks: readonly DrawPick[];
}

/**
 * The draw algorithm's identity, so a record can be re-run by another implementation.
 *
 * @example
 * DRAW_ALGORITHM.id; // 'consistent-sampler-sha256'
 */
export interface DrawAlgorithm {
  readonly id: 'consistent-sampler-sha256';
  readonly version: string;
  readonly reference: string;
}

/**
 * A redraw's link to the record it replaces (重新抽取说明). The reason is mandatory.
 *
 * @example
 * const s: Supersedes = { recordDigest: 'ab…', reason: '名录数据错误，经批准重新抽取' };
 */
export interface Supersedes {
  readonly recordDigest: string;
  readonly reason: string;
}

/**
 * A public verification record's link to the internal record it was derived from (派生自内部记录), see
 * `publishDraw`. `binding` = SHA-256 (hex) of the UTF-8 of `salt + "\n" + internalRecordDigest`; the salt is
 * kept with the internal record and given to authorised auditors only, so the public cannot confirm a guess of
 * the internal record (e.g. which grade each stratum is) by hashing candidates.
 *
 * @example
 * const d: DerivedFrom = { scheme: 'sha256-salted/1', binding: '9f…' };
 */
export interface DerivedFrom {
  readonly scheme: 'sha256-salted/1';
  readonly binding: string;
}

/**
 * The append-only record of a draw (抽查记录): everything needed to re-run and check it.
 *
 * @example
 * const record: DrawRecord = drawTask(task, entities, { seed: '20237331128159211123' });
 * verifyDraw(record, entities).ok; // true
 */
export interface DrawRecord {
  readonly format: 'jianguan.draw-record/1';
  readonly algorithm: DrawAlgorithm;
  /** The rule set in force (its defaults decide rounding and excluded statuses). */
  readonly rules: SamplingRules;
  readonly task: SpotCheckTask;
  readonly commitment: PopulationCommitment;
  readonly seed: string;
  readonly strata: readonly StratumResult[];
  readonly createdAt?: string;
  readonly supersedes?: Supersedes;
  /**
   * Only in a public verification record made by `publishDraw`: the salted link to the internal record. An
   * optional field under the same format (`/1`): the record digest covers it like any other field.
   */
  readonly derivedFrom?: DerivedFrom;
  /** SHA-256 of the canonical JSON of every other field. */
  readonly recordDigest: string;
}
