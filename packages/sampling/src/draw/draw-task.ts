import { availableParallelism, loadavg } from 'node:os';
import { describeValue } from '@jianguan/core';
import { SamplingInputError } from '../errors.js';
import { ratioCount } from '../plan/counts.js';
import { compileExclusions, compileStrata, type ExclusionReason } from '../plan/frame.js';
import {
  type DirectoryEntity,
  type SpotCheckTask,
  type StratumSpec,
  spotCheckTaskSchema,
} from '../plan/types.js';
import { digestOf, LineDigest } from '../record/canonical.js';
import type {
  DrawAlgorithm,
  DrawPick,
  DrawRecord,
  PopulationCommitment,
  StratumCommitment,
  StratumResult,
  Supersedes,
} from '../record/types.js';
import { DEFAULT_SAMPLING_RULES, type SamplingRules } from '../rules/sampling-rules.js';
import { compareCodePoints } from './order.js';
import { TicketPool } from './parallel.js';
import { seedString } from './sample-ids.js';
import { TicketHasher } from './ticket.js';
import { TicketTopK } from './top-k.js';

/**
 * The algorithm every draw record names.
 *
 * @example
 * DRAW_ALGORITHM.version; // '1'
 */
export const DRAW_ALGORITHM: DrawAlgorithm = Object.freeze({
  id: 'consistent-sampler-sha256',
  version: '1',
  reference:
    'ron-rivest/consistent_sampler pkg/consistent_sampler (decimal tickets), as pinned by votingworks/arlo; docs/guides/draw-algorithm.md',
});

/** Whether `text` has no lone surrogate (`String.prototype.isWellFormed`, ES2024). */
function wellFormed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c > 0xdbff) return false;
    const d = text.charCodeAt(i + 1);
    if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
    i++;
  }
  return true;
}

/** Bytes of `id\n` lines per chunk sent to a ticket worker. */
const POOL_CHUNK_BYTES = 1 << 18;

/** Digits of the ticket stored in records (Arlo's display precision). */
const RECORD_DIGITS = 18;

/**
 * How many entities a stratum of `populationSize` draws: key supervision → all; `count` → min(count, N);
 * `ratio` → exact rounding (default ceil), then `min`/`max`, never above N.
 *
 * @example
 * sampleSizeFor({ key: 'B', where: {}, ratio: 0.05, min: 3 }, 20); // 3
 */
export function sampleSizeFor(
  stratum: StratumSpec,
  populationSize: number,
  rules: SamplingRules = DEFAULT_SAMPLING_RULES,
): number {
  if (
    stratum === null ||
    typeof stratum !== 'object' ||
    !Number.isSafeInteger(populationSize) ||
    populationSize < 0 ||
    rules === null ||
    typeof rules !== 'object'
  )
    throw new SamplingInputError(
      'invalid_input',
      {
        zh: '应为（分层, 非负整数总体数, 规则）',
        en: 'expected (stratum object, population size ≥ 0, rules object)',
      },
      {
        path: [
          stratum === null || typeof stratum !== 'object'
            ? 'stratum'
            : Number.isSafeInteger(populationSize) && populationSize >= 0
              ? 'rules'
              : 'populationSize',
        ],
      },
    );
  if (stratum.keySupervision === true) return populationSize;
  let n =
    stratum.count !== undefined
      ? stratum.count
      : ratioCount(populationSize, stratum.ratio ?? 0, stratum.rounding ?? rules.defaultRounding);
  if (stratum.min !== undefined) n = Math.max(n, stratum.min);
  if (stratum.max !== undefined) n = Math.min(n, stratum.max);
  return Math.min(n, populationSize);
}

function parseTask(task: SpotCheckTask): SpotCheckTask {
  const parsed = spotCheckTaskSchema.safeParse(task);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SamplingInputError(
      'invalid_task',
      { zh: `抽查任务定义无效：${issue?.message ?? ''}`, en: `invalid task: ${issue?.message ?? ''}` },
      { path: (issue?.path ?? []) as (string | number)[], cause: parsed.error },
    );
  }
  return task;
}

interface StratumState {
  readonly spec: StratumSpec;
  digest: LineDigest;
  readonly excludedDigest: LineDigest;
  size: number;
  readonly excluded: Partial<Record<ExclusionReason, number>>;
  top?: TicketTopK;
}

/** One pass over a frame sorted by id: digests, counts and (when drawing) bounded top-k per stratum. */
class FramePass {
  readonly #task: SpotCheckTask;
  readonly #stratumOf: (entity: DirectoryEntity) => StratumSpec | undefined;
  readonly #exclusion: (stratum: StratumSpec, entity: DirectoryEntity) => ExclusionReason | undefined;
  readonly #states = new Map<string, StratumState>();
  readonly #stateOf = new Map<StratumSpec, StratumState>();
  #unmatched = 0;
  #last: string | undefined;
  /** The highest UTF-16 code unit of `#last`. */
  #lastHigh = 0;
  #index = 0;
  /** The bytes of an ASCII id being pushed. */
  #scratch = new Uint8Array(256);
  /** Tickets are computed by a worker pool (fed through the frame digests), not here. */
  readonly #parallel: boolean;

  constructor(
    task: SpotCheckTask,
    rules: SamplingRules,
    hasher?: TicketHasher,
    capacities?: Map<string, number>,
    pool?: TicketPool,
  ) {
    this.#task = task;
    this.#stratumOf = compileStrata(task);
    this.#exclusion = compileExclusions(task, rules);
    this.#parallel = pool !== undefined;
    for (const spec of task.strata) {
      const state: StratumState = {
        spec,
        digest: new LineDigest(),
        excludedDigest: new LineDigest(),
        size: 0,
        excluded: {},
      };
      if (hasher !== undefined) {
        const top = new TicketTopK(hasher, capacities?.get(spec.key) ?? 0);
        state.top = top;
        if (pool !== undefined) {
          // The frame's id lines go to the workers chunk by chunk as they are digested; the workers answer with
          // the few ids that can still enter this stratum's heap.
          state.digest = new LineDigest(
            (bytes) => {
              if (top.capacity === 0) pool.recycle(bytes);
              else pool.send(bytes, top.bound, (key, id) => top.offerKey(key, id));
            },
            POOL_CHUNK_BYTES,
            (size) => pool.buffer(size),
          );
        }
      }
      this.#states.set(spec.key, state);
      this.#stateOf.set(spec, state);
    }
  }

  push(entity: DirectoryEntity): void {
    const index = this.#index++;
    if (entity === null || typeof entity !== 'object' || typeof entity.id !== 'string' || entity.id === '') {
      throw new SamplingInputError(
        'invalid_entity',
        { zh: '名录条目缺少 id', en: 'a directory entry has no id' },
        { path: ['population', index] },
      );
    }
    const id = entity.id;
    // One scan: line breaks are refused, ids below U+D800 compare natively (UTF-16 order = code-point order),
    // and an ASCII id's bytes are written once, for the digest and the ticket.
    const n = id.length;
    if (n > this.#scratch.length) this.#scratch = new Uint8Array(2 * n);
    const scratch = this.#scratch;
    let high = 0;
    for (let i = 0; i < n; i++) {
      const c = id.charCodeAt(i);
      scratch[i] = c;
      if (c === 0x0a || c === 0x0d) {
        throw new SamplingInputError(
          'invalid_entity',
          { zh: '对象标识不能含换行', en: 'an id may not contain line breaks' },
          { path: ['population', index, 'id'] },
        );
      }
      if (c > high) high = c;
    }
    if (high >= 0xd800 && !wellFormed(id)) {
      // UTF-8 (and Python's str.encode) cannot carry a lone surrogate: the id could not be hashed as given.
      throw new SamplingInputError(
        'invalid_entity',
        {
          zh: '对象标识含无效的 Unicode 字符（孤立代理项）',
          en: 'an id contains a lone surrogate (invalid Unicode)',
        },
        { path: ['population', index, 'id'] },
      );
    }
    const last = this.#last;
    if (last !== undefined) {
      const c =
        high < 0xd800 && this.#lastHigh < 0xd800
          ? last < id
            ? -1
            : last === id
              ? 0
              : 1
          : compareCodePoints(last, id);
      if (c >= 0) {
        throw new SamplingInputError(
          c === 0 ? 'duplicate_ids' : 'population_not_sorted',
          c === 0
            ? { zh: `对象标识重复：${id}`, en: `duplicate id: ${id}` }
            : {
                zh: '流式名录必须按 id 的码位（UTF-8 字节）升序排列，例如 LC_ALL=C sort',
                en: 'a streamed population must be sorted by id in code-point (UTF-8 byte) order, e.g. LC_ALL=C sort',
              },
          { path: ['population', index, 'id'], details: { previous: last, id } },
        );
      }
    }
    this.#lastHigh = high;
    this.#last = id;
    const spec = this.#stratumOf(entity);
    if (spec === undefined) {
      this.#unmatched++;
      return;
    }
    const state = this.#stateOf.get(spec)!;
    const reason = this.#exclusion(spec, entity);
    if (reason !== undefined) {
      state.excluded[reason] = (state.excluded[reason] ?? 0) + 1;
      state.excludedDigest.add(`${id}\t${reason}`);
      return;
    }
    state.size++;
    const digest = state.digest;
    const at = high < 0x80 ? digest.addAscii(scratch, n) : digest.add(id);
    const top = state.top;
    if (top !== undefined && !this.#parallel) {
      // The ticket is hashed from the UTF-8 bytes the digest has just written (one encoding per id).
      if (at >= 0) top.offerBytes(digest.buffer, at, digest.fill - 1, id);
      else top.offer(id);
    }
  }

  commitment(): PopulationCommitment {
    const strata: StratumCommitment[] = [...this.#states.values()].map((s) => ({
      key: s.spec.key,
      populationSize: s.size,
      populationDigest: s.digest.hex(),
      excluded: { ...s.excluded },
      excludedDigest: s.excludedDigest.hex(),
    }));
    const body = {
      format: 'jianguan.population-commitment/1' as const,
      taskId: this.#task.id,
      asOf: this.#task.asOf,
      strata,
      unmatched: this.#unmatched,
    };
    return { ...body, commitmentDigest: digestOf(body) };
  }

  picks(hasher: TicketHasher): Map<string, DrawPick[]> {
    const out = new Map<string, DrawPick[]>();
    for (const [key, s] of this.#states) {
      out.set(
        key,
        (s.top?.sortedIds() ?? []).map((id, i) => ({
          id,
          ticket: hasher.core.ticket(id, RECORD_DIGITS),
          rank: i + 1,
        })),
      );
    }
    return out;
  }
}

/**
 * Options of {@link drawTask}.
 *
 * @example
 * const options: DrawTaskOptions = { seed: '20237331128159211123', createdAt: '2026-04-02T09:00:00+08:00' };
 */
export interface DrawTaskOptions {
  /** The public seed from the ceremony (at least 20 decimal digits recommended). */
  readonly seed: string;
  /** The commitment published before the seed; the draw fails if the frame no longer matches it. */
  readonly commitment?: PopulationCommitment;
  readonly rules?: SamplingRules;
  readonly createdAt?: string;
  /** For a redraw: the record replaced and why. */
  readonly supersedes?: Supersedes;
}

function sortedCopy(entities: readonly DirectoryEntity[]): DirectoryEntity[] {
  if (!Array.isArray(entities)) {
    throw new SamplingInputError(
      'invalid_population',
      { zh: '名录必须是数组', en: 'the population must be an array' },
      { path: ['population'] },
    );
  }
  const key = (e: DirectoryEntity | undefined): string =>
    typeof e?.id === 'string' ? e.id : describeValue((e as { id?: unknown } | null | undefined)?.id);
  return [...entities].sort((a, b) => compareCodePoints(key(a), key(b)));
}

/**
 * Freezes a task's frame (冻结名录): applies strata and exclusions to the directory and returns per-stratum
 * sizes and digests, to be published **before** the seed is drawn.
 *
 * @example
 * const commitment = commitPopulation(task, entities);
 * publish(commitment.strata.map((s) => [s.key, s.populationSize, s.populationDigest]));
 */
export function commitPopulation(
  task: SpotCheckTask,
  entities: readonly DirectoryEntity[],
  rules: SamplingRules = DEFAULT_SAMPLING_RULES,
): PopulationCommitment {
  parseTask(task);
  const pass = new FramePass(task, rules);
  for (const e of sortedCopy(entities)) pass.push(e);
  return pass.commitment();
}

/**
 * {@link commitPopulation} over an async stream sorted by id (code-point order, e.g. `LC_ALL=C sort`):
 * memory O(number of strata).
 *
 * @example
 * const commitment = await commitPopulationStream(task, readEntities('directory.sorted.ndjson'));
 */
export async function commitPopulationStream(
  task: SpotCheckTask,
  source: PopulationSource,
  rules: SamplingRules = DEFAULT_SAMPLING_RULES,
): Promise<PopulationCommitment> {
  parseTask(task);
  const pass = new FramePass(task, rules);
  await feed(pass, source);
  return pass.commitment();
}

/**
 * A population source for the streaming functions: entities, or batches (arrays) of entities, from a sync or
 * async iterable (e.g. a database cursor yielding pages). Sorted by id in code-point order.
 *
 * @example
 * const source: PopulationSource = (async function* () { yield [{ id: 'a' }, { id: 'b' }]; })();
 */
export type PopulationSource =
  | AsyncIterable<DirectoryEntity | readonly DirectoryEntity[]>
  | Iterable<DirectoryEntity | readonly DirectoryEntity[]>;

async function feed(pass: FramePass, source: PopulationSource, pool?: TicketPool): Promise<void> {
  const push = (item: DirectoryEntity | readonly DirectoryEntity[]): void => {
    if (Array.isArray(item)) for (const e of item as readonly DirectoryEntity[]) pass.push(e);
    else pass.push(item as DirectoryEntity);
  };
  if (source === null || typeof source !== 'object') {
    throw new SamplingInputError(
      'invalid_population',
      { zh: '名录必须是可迭代对象', en: 'the population must be an iterable or async iterable' },
      { path: ['population'] },
    );
  }
  if (Symbol.iterator in source) {
    for (const item of source as Iterable<DirectoryEntity | readonly DirectoryEntity[]>) {
      push(item);
      // Backpressure: wait for the workers when too many chunks are in flight.
      if (pool?.saturated === true) await pool.drain();
    }
    return;
  }
  for await (const item of source) {
    push(item);
    if (pool?.saturated === true) await pool.drain();
  }
}

function compareCommitments(expected: PopulationCommitment, actual: PopulationCommitment): void {
  if (expected.commitmentDigest !== actual.commitmentDigest) {
    const changed = actual.strata
      .filter((s, i) => {
        const e = expected.strata[i];
        return (
          e === undefined ||
          e.populationDigest !== s.populationDigest ||
          e.populationSize !== s.populationSize
        );
      })
      .map((s) => s.key);
    throw new SamplingInputError(
      'commitment_mismatch',
      {
        zh: '名录与抽签前公示的承诺不一致',
        en: 'the population does not match the commitment published before the seed',
      },
      { details: { expected: expected.commitmentDigest, actual: actual.commitmentDigest, strata: changed } },
    );
  }
}

function capacities(
  task: SpotCheckTask,
  commitment: PopulationCommitment,
  rules: SamplingRules,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const spec of task.strata) {
    const c = commitment.strata.find((s) => s.key === spec.key);
    out.set(spec.key, sampleSizeFor(spec, c?.populationSize ?? 0, rules));
  }
  return out;
}

function buildRecord(
  task: SpotCheckTask,
  rules: SamplingRules,
  commitment: PopulationCommitment,
  seed: string,
  picks: Map<string, DrawPick[]>,
  options: DrawTaskOptions,
): DrawRecord {
  if (options.supersedes !== undefined && options.supersedes.reason.trim() === '') {
    throw new SamplingInputError(
      'redraw_without_reason',
      { zh: '重新抽取必须说明理由', en: 'a redraw needs a reason' },
      { path: ['supersedes', 'reason'] },
    );
  }
  const strata: StratumResult[] = commitment.strata.map((c) => {
    const p = picks.get(c.key) ?? [];
    return { key: c.key, populationSize: c.populationSize, sampleSize: p.length, picks: p };
  });
  const body = {
    format: 'jianguan.draw-record/1' as const,
    algorithm: DRAW_ALGORITHM,
    rules,
    task,
    commitment,
    seed,
    strata,
    createdAt: options.createdAt,
    supersedes: options.supersedes,
  };
  const record = { ...body, recordDigest: digestOf(body) };
  if (record.createdAt === undefined) delete (record as { createdAt?: string }).createdAt;
  if (record.supersedes === undefined) delete (record as { supersedes?: Supersedes }).supersedes;
  return record as DrawRecord;
}

/**
 * Draws a task (抽取检查对象): freezes the frame, checks it against the published commitment if given, and
 * takes in every stratum the `n_h` entities with the smallest tickets under the seed. Key-supervision
 * strata are drawn whole, in ticket order. Returns the draw record; the input is never mutated.
 *
 * @example
 * const record = drawTask(task, entities, { seed: '20237331128159211123', commitment });
 * record.strata.map((s) => [s.key, s.sampleSize]);
 */
export function drawTask(
  task: SpotCheckTask,
  entities: readonly DirectoryEntity[],
  options: DrawTaskOptions,
): DrawRecord {
  parseTask(task);
  const rules = options.rules ?? DEFAULT_SAMPLING_RULES;
  const seed = seedString(options.seed);
  const sorted = sortedCopy(entities);
  // The stratum sizes first (filters only, nothing hashed), then a single pass that digests the frame and
  // hashes every id's ticket once, from the bytes just digested.
  const hasher = new TicketHasher(seed);
  const pass = new FramePass(task, rules, hasher, countedCapacities(task, rules, sorted));
  for (const e of sorted) pass.push(e);
  const commitment = pass.commitment();
  if (options.commitment !== undefined) compareCommitments(options.commitment, commitment);
  return buildRecord(task, rules, commitment, seed, pass.picks(hasher), options);
}

/**
 * Each stratum's sample size from a count of its frame (the filters and exclusions of {@link FramePass},
 * nothing hashed). An entry the filters cannot read is skipped here: the frame pass reports it.
 */
function countedCapacities(
  task: SpotCheckTask,
  rules: SamplingRules,
  sorted: readonly DirectoryEntity[],
): Map<string, number> {
  const stratumOf = compileStrata(task);
  const exclusion = compileExclusions(task, rules);
  const sizes = new Map<string, number>();
  for (const entity of sorted) {
    if (entity === null || typeof entity !== 'object' || typeof entity.id !== 'string') continue;
    try {
      const spec = stratumOf(entity);
      if (spec !== undefined && exclusion(spec, entity) === undefined) {
        sizes.set(spec.key, (sizes.get(spec.key) ?? 0) + 1);
      }
    } catch {
      // reported by the frame pass, in order
    }
  }
  const out = new Map<string, number>();
  for (const spec of task.strata) out.set(spec.key, sampleSizeFor(spec, sizes.get(spec.key) ?? 0, rules));
  return out;
}

/**
 * Options of {@link drawTaskStream}: those of {@link drawTask}, the commitment (required: it supplies the
 * stratum sizes) and optional worker threads.
 *
 * @example
 * const options: DrawTaskStreamOptions = { seed: '20237331128159211123', commitment, workers: 2 };
 */
export interface DrawTaskStreamOptions extends DrawTaskOptions {
  readonly commitment: PopulationCommitment;
  /**
   * Worker threads that compute the tickets (0 or absent: this thread). The calling thread still reads the
   * source, checks the order and computes the digests; the digested chunks of ids go to the workers, which
   * return the few ids that can still enter each stratum's heap, so the record is byte-identical whatever the
   * number of workers. `'auto'`: one worker when a second core is free (at least two cores and a one-minute
   * load average below their number minus one), else none — on a busy machine a worker only adds hand-off work.
   */
  readonly workers?: number | 'auto';
}

function workerCount(value: unknown): number {
  if (value === undefined) return 0;
  if (value === 'auto') {
    const cores = availableParallelism();
    return cores >= 2 && loadavg()[0]! < cores - 1 ? 1 : 0;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 64) {
    throw new SamplingInputError(
      'invalid_option',
      {
        zh: "workers 必须是 0 到 64 的整数或 'auto'",
        en: "workers must be an integer from 0 to 64, or 'auto'",
      },
      { path: ['workers'], details: { workers: describeValue(value) } },
    );
  }
  return value;
}

/**
 * {@link drawTask} over a stream sorted by id, in one pass with memory proportional to the sample: the
 * published commitment supplies the stratum sizes, and the digests are recomputed on the way and must match
 * it. With `workers: n` the tickets are computed on n worker threads, with the same result.
 *
 * @example
 * const record = await drawTaskStream(task, readEntities('directory.sorted.ndjson'), { seed, commitment, workers: 2 });
 */
export async function drawTaskStream(
  task: SpotCheckTask,
  source: PopulationSource,
  options: DrawTaskStreamOptions,
): Promise<DrawRecord> {
  parseTask(task);
  const workers = workerCount(options.workers);
  const rules = options.rules ?? DEFAULT_SAMPLING_RULES;
  const seed = seedString(options.seed);
  const hasher = new TicketHasher(seed);
  const sizes = capacities(task, options.commitment, rules);
  if (workers === 0) {
    const pass = new FramePass(task, rules, hasher, sizes);
    await feed(pass, source);
    const commitment = pass.commitment();
    compareCommitments(options.commitment, commitment);
    return buildRecord(task, rules, commitment, seed, pass.picks(hasher), options);
  }
  const pool = new TicketPool(workers, hasher.seedHex);
  try {
    const pass = new FramePass(task, rules, hasher, sizes, pool);
    await feed(pass, source, pool);
    const commitment = pass.commitment(); // flushes the last chunks to the workers
    compareCommitments(options.commitment, commitment);
    await pool.drain(true);
    return buildRecord(task, rules, commitment, seed, pass.picks(hasher), options);
  } finally {
    await pool.terminate();
  }
}
