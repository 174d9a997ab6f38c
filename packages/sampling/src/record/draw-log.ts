import { createHash } from 'node:crypto';
import { DrawLogError } from '../errors.js';
import { digestOf } from './canonical.js';
import type { DrawRecord } from './types.js';

/**
 * One entry of a {@link DrawLog}: the record, its sequence number and the hash chain value
 * `chainDigest = SHA-256(previous chainDigest + recordDigest)` (the first entry chains from 64 zeros).
 *
 * @example
 * const entry: DrawLogEntry = log.entries()[0]!;
 */
export interface DrawLogEntry {
  readonly sequence: number;
  readonly record: DrawRecord;
  readonly chainDigest: string;
}

const GENESIS = '0'.repeat(64);

/**
 * An append-only log of draw records (抽查记录簿). Nothing is ever deleted or rewritten: a redraw must carry a
 * new seed and a reason and point to the record it supersedes, and each task has at most one current record.
 * Entries are hash-chained so an exported log can be checked with {@link DrawLog.verifyChain}.
 *
 * @example
 * const log = new DrawLog();
 * log.append(record);
 * log.append(drawTask(task, entities, { seed: newSeed, supersedes: { recordDigest: record.recordDigest, reason: '名录错误' } }));
 * log.current(task.id)?.seed; // newSeed
 */
export class DrawLog {
  readonly #entries: DrawLogEntry[] = [];
  readonly #byDigest = new Map<string, DrawLogEntry>();
  readonly #supersededBy = new Map<string, string>();

  /** Appends a record after checking its digest and the redraw rules; returns the new entry. */
  append(record: DrawRecord): DrawLogEntry {
    const { recordDigest, ...body } = record;
    if (digestOf(body) !== recordDigest) {
      throw new DrawLogError(
        'record_digest_mismatch',
        { zh: '记录摘要与内容不符', en: 'the record digest does not match its content' },
        { path: ['recordDigest'] },
      );
    }
    if (this.#byDigest.has(recordDigest)) {
      throw new DrawLogError(
        'duplicate_record',
        { zh: '该记录已登记', en: 'the record is already in the log' },
        { details: { recordDigest } },
      );
    }
    const current = this.current(record.task.id);
    if (record.supersedes === undefined) {
      if (current !== undefined) {
        throw new DrawLogError(
          'redraw_requires_supersedes',
          {
            zh: '该任务已有抽取记录；重新抽取须注明被替代记录和理由',
            en: 'the task already has a draw; a redraw must name the superseded record and a reason',
          },
          { details: { taskId: record.task.id, current: current.recordDigest } },
        );
      }
    } else {
      const target = this.#byDigest.get(record.supersedes.recordDigest);
      const reason = record.supersedes.reason.trim();
      const problem =
        target === undefined
          ? 'unknown_superseded_record'
          : this.#supersededBy.has(target.record.recordDigest)
            ? 'already_superseded'
            : target.record.task.id !== record.task.id
              ? 'different_task'
              : target.record.seed === record.seed
                ? 'same_seed'
                : reason === ''
                  ? 'redraw_without_reason'
                  : undefined;
      if (problem !== undefined) {
        throw new DrawLogError(
          problem,
          { zh: `重新抽取不合规：${problem}`, en: `invalid redraw: ${problem}` },
          { path: ['supersedes'], details: { supersedes: record.supersedes.recordDigest } },
        );
      }
      this.#supersededBy.set(record.supersedes.recordDigest, recordDigest);
    }
    const previous = this.#entries.at(-1)?.chainDigest ?? GENESIS;
    const entry: DrawLogEntry = Object.freeze({
      sequence: this.#entries.length + 1,
      record,
      chainDigest: createHash('sha256')
        .update(previous + recordDigest)
        .digest('hex'),
    });
    this.#entries.push(entry);
    this.#byDigest.set(recordDigest, entry);
    return entry;
  }

  /** All entries in order (a copy). */
  entries(): readonly DrawLogEntry[] {
    return [...this.#entries];
  }

  /** The record of `taskId` that no later record supersedes. */
  current(taskId: string): DrawRecord | undefined {
    for (let i = this.#entries.length - 1; i >= 0; i--) {
      const r = this.#entries[i]!.record;
      if (r.task.id === taskId && !this.#supersededBy.has(r.recordDigest)) return r;
    }
    return undefined;
  }

  /** Every record of `taskId`, oldest first, with the digest of the record superseding it. */
  history(taskId: string): { record: DrawRecord; supersededBy?: string }[] {
    return this.#entries
      .filter((e) => e.record.task.id === taskId)
      .map((e) => {
        const by = this.#supersededBy.get(e.record.recordDigest);
        return by === undefined ? { record: e.record } : { record: e.record, supersededBy: by };
      });
  }

  /**
   * Checks an exported list of entries: sequence numbers, record digests and the hash chain.
   * Returns the first broken sequence number, or undefined when intact.
   *
   * @example
   * DrawLog.verifyChain(JSON.parse(text)); // undefined
   */
  static verifyChain(entries: readonly DrawLogEntry[]): number | undefined {
    let previous = GENESIS;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      const { recordDigest, ...body } = e.record;
      const chain = createHash('sha256')
        .update(previous + recordDigest)
        .digest('hex');
      if (e.sequence !== i + 1 || digestOf(body) !== recordDigest || chain !== e.chainDigest) return i + 1;
      previous = chain;
    }
    return undefined;
  }
}
