import type { LocalizedMessage } from '@jianguan/core';
import { isRecord } from '@jianguan/core';
import { commitPopulation, DRAW_ALGORITHM, drawTask } from '../draw/draw-task.js';
import type { DirectoryEntity } from '../plan/types.js';
import { digestOf } from './canonical.js';
import type { DrawRecord } from './types.js';

/**
 * One difference found by {@link verifyDraw} (核验不一致项).
 *
 * @example
 * const m: DrawMismatch = { code: 'result', path: ['strata', 0, 'picks', 3, 'id'], expected: 'a', actual: 'b', message: { zh: '…', en: '…' } };
 */
export interface DrawMismatch {
  readonly code:
    | 'format'
    | 'algorithm'
    | 'record_digest'
    | 'commitment_digest'
    | 'population'
    | 'result'
    | 'supersedes'
    | 'recompute_failed';
  readonly path: readonly (string | number)[];
  readonly expected?: unknown;
  readonly actual?: unknown;
  readonly message: LocalizedMessage;
}

/**
 * The outcome of {@link verifyDraw}.
 *
 * @example
 * const v: DrawVerification = verifyDraw(record, entities);
 * if (!v.ok) for (const m of v.mismatches) console.log(m.code, m.path, m.message.zh);
 */
export interface DrawVerification {
  readonly ok: boolean;
  readonly mismatches: readonly DrawMismatch[];
}

function withoutDigest(record: DrawRecord): Omit<DrawRecord, 'recordDigest'> {
  const { recordDigest: _ignored, ...body } = record;
  return body;
}

/**
 * The structural problems of a value claimed to be a draw record (JSON from anywhere): each names its path,
 * so a tampered or truncated record is reported, never crashes the verifier. Also used at the boundary of the
 * record-reading exports.
 *
 * @internal
 */
export function shapeMismatches(record: unknown): DrawMismatch[] {
  const out: DrawMismatch[] = [];
  const bad = (path: (string | number)[], expected: string, actual: unknown): void => {
    const where = path.join('.');
    out.push({
      code: 'format',
      path,
      expected,
      actual: actual === null ? null : Array.isArray(actual) ? 'array' : typeof actual,
      message: {
        zh: `记录结构错误：${where || '记录'} 应为${expected}`,
        en: `malformed record: ${where || 'the record'} must be ${expected}`,
      },
    });
  };
  if (!isRecord(record)) {
    bad([], 'an object', record);
    return out;
  }
  for (const key of ['seed', 'recordDigest'] as const) {
    if (typeof record[key] !== 'string') bad([key], 'a string', record[key]);
  }
  for (const key of ['algorithm', 'task', 'commitment'] as const) {
    if (!isRecord(record[key])) bad([key], 'an object', record[key]);
  }
  for (const key of ['rules', 'supersedes', 'derivedFrom'] as const) {
    if (record[key] !== undefined && !isRecord(record[key])) bad([key], 'an object', record[key]);
  }
  if (record.createdAt !== undefined && typeof record.createdAt !== 'string') {
    bad(['createdAt'], 'a string', record.createdAt);
  }
  if (isRecord(record.supersedes) && typeof record.supersedes.reason !== 'string') {
    bad(['supersedes', 'reason'], 'a string', record.supersedes.reason);
  }
  if (isRecord(record.commitment)) {
    const strata = record.commitment.strata;
    if (!Array.isArray(strata)) bad(['commitment', 'strata'], 'an array', strata);
    else
      strata.forEach((s, i) => {
        if (!isRecord(s)) bad(['commitment', 'strata', i], 'an object', s);
      });
  }
  if (!Array.isArray(record.strata)) bad(['strata'], 'an array', record.strata);
  else
    record.strata.forEach((s: unknown, i: number) => {
      if (!isRecord(s)) {
        bad(['strata', i], 'an object', s);
        return;
      }
      if (!Array.isArray(s.picks)) {
        bad(['strata', i, 'picks'], 'an array', s.picks);
        return;
      }
      s.picks.forEach((p: unknown, j: number) => {
        if (!isRecord(p)) bad(['strata', i, 'picks', j], 'an object', p);
      });
    });
  return out;
}

/**
 * Re-runs a draw from its record and the directory (第三方核验): checks the record's own digests, recomputes
 * the frame (strata, exclusions, sizes, digests) and the picks from the seed, and names every mismatch. A
 * changed seed, population or result is always reported. Never throws, whatever JSON it is given: a record
 * of the wrong shape (a field of the wrong type, a missing array) is a `format` mismatch naming the path, and
 * a population the draw cannot be recomputed from is `recompute_failed`.
 *
 * @example
 * const { ok, mismatches } = verifyDraw(record, entities);
 */
export function verifyDraw(record: DrawRecord, population: readonly DirectoryEntity[]): DrawVerification {
  const mismatches: DrawMismatch[] = [];
  try {
    return verifyShaped(record, population, mismatches);
  } catch (error) {
    // A last guard: the promise is a structured result for any input.
    mismatches.push({
      code: 'recompute_failed',
      path: [],
      actual: error instanceof Error ? error.message : String(error),
      message: { zh: '无法核验该记录', en: 'the record could not be verified' },
    });
    return { ok: false, mismatches };
  }
}

function verifyShaped(
  record: DrawRecord,
  population: readonly DirectoryEntity[],
  mismatches: DrawMismatch[],
): DrawVerification {
  const add = (m: DrawMismatch): void => {
    mismatches.push(m);
  };
  if ((record as { format?: unknown } | null | undefined)?.format !== 'jianguan.draw-record/1') {
    add({
      code: 'format',
      path: ['format'],
      expected: 'jianguan.draw-record/1',
      actual: record?.format,
      message: { zh: '记录格式未知', en: 'unknown record format' },
    });
    return { ok: false, mismatches };
  }
  const shape = shapeMismatches(record);
  if (shape.length > 0) {
    mismatches.push(...shape);
    return { ok: false, mismatches };
  }
  if (!Array.isArray(population)) {
    add({
      code: 'population',
      path: [],
      expected: 'an array of directory entities',
      actual: population === null ? null : typeof population,
      message: { zh: '名录必须是数组', en: 'the population must be an array' },
    });
    return { ok: false, mismatches };
  }
  if (record.algorithm?.id !== DRAW_ALGORITHM.id || record.algorithm?.version !== DRAW_ALGORITHM.version) {
    add({
      code: 'algorithm',
      path: ['algorithm'],
      expected: { id: DRAW_ALGORITHM.id, version: DRAW_ALGORITHM.version },
      actual: record.algorithm,
      message: { zh: '抽取算法或版本不符', en: 'unknown algorithm or version' },
    });
  }
  const recordDigest = digestOf(withoutDigest(record));
  if (recordDigest !== record.recordDigest) {
    add({
      code: 'record_digest',
      path: ['recordDigest'],
      expected: recordDigest,
      actual: record.recordDigest,
      message: { zh: '记录内容在生成后被改动', en: 'the record was changed after it was made' },
    });
  }
  const { commitmentDigest, ...commitmentBody } = record.commitment;
  const expectedCommitmentDigest = digestOf(commitmentBody);
  if (expectedCommitmentDigest !== commitmentDigest) {
    add({
      code: 'commitment_digest',
      path: ['commitment', 'commitmentDigest'],
      expected: expectedCommitmentDigest,
      actual: commitmentDigest,
      message: { zh: '名录承诺摘要不符', en: 'the commitment digest does not match its content' },
    });
  }
  if (record.supersedes !== undefined && !(record.supersedes.reason?.trim() !== '')) {
    add({
      code: 'supersedes',
      path: ['supersedes', 'reason'],
      message: { zh: '重新抽取缺少理由', en: 'a redraw without a reason' },
    });
  }
  let recomputed: DrawRecord;
  try {
    const commitment = commitPopulation(record.task, population, record.rules);
    commitment.strata.forEach((s, i) => {
      const r = record.commitment.strata[i];
      for (const field of ['key', 'populationSize', 'populationDigest', 'excludedDigest'] as const) {
        if (r?.[field] !== s[field]) {
          add({
            code: 'population',
            path: ['commitment', 'strata', i, field],
            expected: s[field],
            actual: r?.[field],
            message: {
              zh: `第 ${i + 1} 层（${s.key}）名录与记录不一致：${field}`,
              en: `stratum ${s.key}: the population differs from the record (${field})`,
            },
          });
        }
      }
    });
    if (commitment.unmatched !== record.commitment.unmatched) {
      add({
        code: 'population',
        path: ['commitment', 'unmatched'],
        expected: commitment.unmatched,
        actual: record.commitment.unmatched,
        message: { zh: '未归层对象数量不一致', en: 'the count of unmatched entities differs' },
      });
    }
    recomputed = drawTask(record.task, population, { seed: record.seed, rules: record.rules });
  } catch (error) {
    add({
      code: 'recompute_failed',
      path: [],
      actual: error instanceof Error ? error.message : String(error),
      message: { zh: '无法按记录重新抽取', en: 'the draw could not be recomputed from the record' },
    });
    return { ok: false, mismatches };
  }
  recomputed.strata.forEach((s, i) => {
    const r = record.strata[i];
    if (
      r === undefined ||
      r.key !== s.key ||
      r.sampleSize !== s.sampleSize ||
      r.picks.length !== s.picks.length
    ) {
      add({
        code: 'result',
        path: ['strata', i, 'sampleSize'],
        expected: s.sampleSize,
        actual: r?.sampleSize,
        message: { zh: `第 ${i + 1} 层抽取数量不符`, en: `stratum ${s.key}: the sample size differs` },
      });
    }
    const n = Math.max(s.picks.length, r?.picks.length ?? 0);
    for (let j = 0; j < n; j++) {
      const e = s.picks[j];
      const a = r?.picks[j];
      if (e?.id !== a?.id || e?.ticket !== a?.ticket || e?.rank !== a?.rank) {
        add({
          code: 'result',
          path: ['strata', i, 'picks', j],
          expected: e,
          actual: a,
          message: {
            zh: `第 ${i + 1} 层第 ${j + 1} 个抽中对象与重算结果不符`,
            en: `stratum ${s.key}: pick ${j + 1} differs from the recomputed draw`,
          },
        });
        break;
      }
    }
  });
  if (record.strata.length !== recomputed.strata.length) {
    add({
      code: 'result',
      path: ['strata'],
      expected: recomputed.strata.length,
      actual: record.strata.length,
      message: { zh: '分层数量不符', en: 'the number of strata differs' },
    });
  }
  return { ok: mismatches.length === 0, mismatches };
}
