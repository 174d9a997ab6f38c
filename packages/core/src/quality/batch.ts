/*
 * The batch engine (批次质检): checks records one by one with the compiled field rules and runs the batch-wide
 * rules (duplicates, links) over 64-bit key hashes, for an in-memory array, an iterable or a stream.
 */
import type { RecordType } from '../schemas/dictionary.js';
import { behaviourActionCodeField } from '../schemas/dictionary.js';
import type { QualityBatch } from './check.js';
import { createIssueCollector } from './issue-sink.js';
import { HashIndex, HashLog, KeyHasher } from './key-index.js';
import type { BatchPlan, CheckPlan } from './plan.js';
import {
  hashBusinessKey,
  reportDuplicateId,
  reportDuplicateKey,
  sameBusinessKey,
} from './rules/duplicates.js';
import {
  type LinkPlan,
  type PendingFollowUp,
  type PendingLink,
  reportFollowUpMissing,
  reportLinkMissing,
} from './rules/links.js';
import { reportNotObject, reportUnknownType, reportUnreadable } from './rules/record.js';
import type { QualityIssue, QualityResult } from './types.js';

/** Queued table look-ups of the batch-wide rules before they run in one tight loop. */
const WINDOW = 512;
/** The most look-ups one record queues (record id, business key, link targets, follow-up target). */
const MAX_OPS_PER_RECORD = 8;

/**
 * Begins a batch of `plan`'s checker: `batchRules` false checks records on their own (no duplicates or
 * links); `source` is the in-memory array being checked, when there is one (its records stay at hand, so the
 * batch rules log hashes and sort once instead of windowed hash tables).
 */
export function beginBatch(
  plan: CheckPlan,
  maxIssues: number,
  batchRules: boolean,
  source?: readonly unknown[],
): QualityBatch & { issues: QualityIssue[]; truncated: boolean } {
  const { typeOf, compiledFor, batchPlanFor, linkByKey, params } = plan;
  const { notObject, unknownType, unreadable, dupId, dupKey, linkRule, followRule } = plan.batchRules;
  const collector = createIssueCollector(maxIssues);
  const { sink, issues } = collector;
  let total = 0;
  let failed = 0;
  /** Records that failed only through a late (batch-rule) issue, so each is counted once. */
  const lateFailed = new Set<number>();

  // --- Batch-wide rules (duplicates, links) ---------------------------------------------------------------
  // Each key (record type + key fields, record id, link value) is hashed to 64 bits straight from the field
  // values when the record is added, while it is in cache; no key string is built or kept.
  // - In-memory array: the hashes go to append-only logs, sorted once at the end (sequential memory access
  //   only; every earlier record is still at hand for the exact re-check and the report).
  // - Stream or iterable: the look-ups go to hash tables, queued and run WINDOW at a time in a tight loop;
  //   the window keeps its few records for the report and the exact re-check, so memory stays bounded.
  const useLogs = source !== undefined;
  const expected = source?.length ?? 0;
  const hasher = new KeyHasher();
  const want = {
    ids: batchRules && dupId !== undefined,
    keys: batchRules && dupKey !== undefined,
    targets: batchRules && linkRule !== undefined,
    follow: batchRules && followRule !== undefined,
  };
  const OP_ID = 0;
  const OP_KEY = 1;
  const OP_TARGET = 2;
  const OP_FOLLOW = 3;
  /** Per op kind: the log (arrays) … */
  const logs = useLogs
    ? [
        want.ids ? new HashLog(expected) : undefined,
        want.keys ? new HashLog(expected) : undefined,
        want.targets ? new HashLog() : undefined,
        want.follow ? new HashLog() : undefined,
      ]
    : [];
  /** … or the hash table (streams). */
  const tables: (HashIndex | undefined)[] = [];
  /** Whether each record failed its own checks (arrays only: streams keep this for the window). */
  const recordFailed = useLogs && batchRules ? new Uint8Array(expected) : undefined;

  // The window of queued look-ups (streams).
  const windowSize = useLogs || !batchRules ? 0 : WINDOW; // no window for arrays or single records
  const opKind = new Uint8Array(windowSize);
  const opA = new Int32Array(windowSize);
  const opB = new Int32Array(windowSize);
  const opSlot = new Int32Array(windowSize);
  const opTarget: (LinkPlan['to'][number] | undefined)[] = [];
  let ops = 0;
  /** The records of the queued look-ups, their indexes (ascending) and whether each failed. */
  const winRecs: Readonly<Record<string, unknown>>[] = [];
  const winIndex = new Int32Array(windowSize);
  const winFailed = new Uint8Array(windowSize);

  /** An earlier record by index, when still at hand (the in-memory batch, or the current window). */
  const earlier = (i: number): Readonly<Record<string, unknown>> | undefined => {
    let r: unknown;
    if (source !== undefined) r = source[i];
    else {
      let lo = 0;
      let hi = winRecs.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const at = winIndex[mid]!;
        if (at === i) {
          r = winRecs[mid];
          break;
        }
        if (at < i) lo = mid + 1;
        else hi = mid - 1;
      }
    }
    return r !== null && typeof r === 'object' ? (r as Readonly<Record<string, unknown>>) : undefined;
  };
  const idOf = (r: Readonly<Record<string, unknown>>): unknown => {
    const t = typeOf(r);
    const f = t === undefined ? undefined : compiledFor(t).idField;
    return f === undefined ? undefined : r[f];
  };
  const sameKey = (r: Readonly<Record<string, unknown>>, s: Readonly<Record<string, unknown>>): boolean => {
    const type = typeOf(s);
    if (type === undefined || typeOf(r) !== type) return false;
    const bp = batchPlanFor(type);
    return sameBusinessKey(r, s, bp.keyFields ?? [], bp.keyOptional);
  };
  const isTarget = (r: Readonly<Record<string, unknown>>, key: string, value: unknown): boolean => {
    const t = typeOf(r);
    const link = linkByKey.get(key);
    return t !== undefined && link?.toTypes.has(t) === true && r[link.toField] === value;
  };
  /** Two records' keys of one op kind are equal (exact re-check of a 64-bit match). */
  const sameRecords = (kind: number, i: number, j: number, target?: string): boolean => {
    try {
      const r = earlier(i);
      const s = earlier(j);
      if (r === undefined || s === undefined) return true; // streamed and gone: the 64-bit hash decides
      if (kind === OP_ID) return idOf(r) === idOf(s);
      if (kind === OP_KEY) return sameKey(r, s);
      if (kind === OP_TARGET) {
        const link = linkByKey.get(target ?? '');
        return link !== undefined && isTarget(r, target ?? '', s[link.toField]);
      }
      return typeOf(r) === typeOf(s) && r.relatedCheckActionCode === s.relatedCheckActionCode;
    } catch {
      return false;
    }
  };
  /** The current look-up (streams): its index, kind and link target, read by the verifiers. */
  let curIndex = 0;
  let curTarget: string | undefined;
  if (!useLogs) {
    const table = (kind: number, on: boolean, size: number): HashIndex | undefined =>
      on
        ? new HashIndex({ same: (first) => sameRecords(kind, first, curIndex, curTarget) }, size)
        : undefined;
    tables.push(
      table(OP_ID, want.ids, expected),
      table(OP_KEY, want.keys, expected),
      table(OP_TARGET, want.targets, 0),
      table(OP_FOLLOW, want.follow, 0),
    );
  }

  const pendingLinks: PendingLink[] = [];
  const pendingFollow: PendingFollowUp[] = [];

  /** Emits a late issue for an earlier record and counts the record as failed once. */
  const lateEmit = (
    index: number,
    recordId: string | undefined,
    type: RecordType,
    wasFailed: boolean,
    f: () => void,
  ): void => {
    if (collector.emitFor(index, recordId, type, f) && !wasFailed && !lateFailed.has(index)) {
      lateFailed.add(index);
      failed++;
    }
  };
  const reportDuplicate = (
    kind: number,
    rec: Readonly<Record<string, unknown>>,
    index: number,
    first: number,
    wasFailed: boolean,
  ): void => {
    const type = typeOf(rec) as RecordType;
    const idField = compiledFor(type).idField;
    const id = idField === undefined ? undefined : rec[idField];
    const recordId = typeof id === 'string' ? id : undefined;
    if (kind === OP_ID && dupId) {
      const field = idField ?? 'recordId';
      lateEmit(index, recordId, type, wasFailed, () => reportDuplicateId(sink, dupId, field, id, first));
    } else if (kind === OP_KEY && dupKey) {
      const fields = batchPlanFor(type).keyFields ?? [];
      lateEmit(index, recordId, type, wasFailed, () => reportDuplicateKey(sink, dupKey, fields, rec, first));
    }
  };

  /** Runs the queued table look-ups (streams) and reports duplicates. */
  const flush = (): void => {
    for (let o = 0; o < ops; o++) (tables[opKind[o]!] as HashIndex).touch(opA[o]!);
    for (let o = 0; o < ops; o++) {
      const w = opSlot[o]!;
      const index = winIndex[w]!;
      const kind = opKind[o]!;
      curIndex = index;
      curTarget = kind === OP_TARGET ? opTarget[o]?.key : undefined;
      const first = (tables[kind] as HashIndex).lookup(opA[o]!, opB[o]!, index, true);
      if (first >= 0 && kind <= OP_KEY) reportDuplicate(kind, winRecs[w]!, index, first, winFailed[w] === 1);
    }
    ops = 0;
    opTarget.length = 0;
    winRecs.length = 0;
    winFailed.fill(0);
  };

  /** Logs (arrays) or queues (streams) one look-up of `kind`; the hash is in `hasher`. */
  let winSlot = 0;
  const record = (kind: number, index: number, target?: LinkPlan['to'][number]): void => {
    hasher.finish();
    if (useLogs) {
      (logs[kind] as HashLog).append(hasher.a, hasher.b, index);
      return;
    }
    if (ops === WINDOW) {
      // Many look-ups for one record (a large custom link plan): run the queue, keep the record in the window.
      const rec = winRecs[winSlot] as Readonly<Record<string, unknown>>;
      const wasFailed = winFailed[winSlot];
      flush();
      winSlot = 0;
      winIndex[0] = index;
      winFailed[0] = wasFailed ?? 0;
      winRecs.push(rec);
    }
    opKind[ops] = kind;
    opA[ops] = hasher.a;
    opB[ops] = hasher.b;
    opSlot[ops] = winSlot;
    if (target !== undefined) opTarget[ops] = target;
    ops++;
  };

  function batchChecks(
    rec: Readonly<Record<string, unknown>>,
    type: RecordType,
    bp: BatchPlan,
    index: number,
  ): void {
    if (!useLogs) {
      // Streams: make room first, so that a record's look-ups (usually a few) land in one window.
      if (ops + MAX_OPS_PER_RECORD > WINDOW || winRecs.length === WINDOW) flush();
      winSlot = winRecs.length;
      winIndex[winSlot] = index;
      winRecs.push(rec); // winFailed is set by add() once the record is done
    }
    if (want.ids) {
      const id = sink.recordId;
      if (id !== undefined && id !== '') {
        hasher.reset(0);
        hasher.add(id);
        record(OP_ID, index);
      }
    }
    const fields = bp.keyFields;
    if (want.keys && fields) {
      hasher.reset(bp.seed);
      // A required key part missing: nothing to compare.
      if (hashBusinessKey(hasher, rec, fields, bp.keyOptional)) record(OP_KEY, index);
    }
    const p = bp.link;
    if (want.targets && p) {
      for (const t of p.to) {
        const v = rec[t.field];
        if (typeof v !== 'string' || v === '') continue;
        hasher.reset(t.seed);
        hasher.add(v);
        record(OP_TARGET, index, t);
      }
      for (const f of p.from) {
        const v = rec[f.field];
        if (typeof v !== 'string' || v === '') continue;
        pendingLinks.push({
          index,
          recordId: sink.recordId,
          type,
          field: f.field,
          value: v,
          key: f.key,
          seed: f.seed,
          toLabel: f.toLabel,
          failed: false,
        });
      }
    }
    if (want.follow) {
      if (type === 'inspection') {
        const result = rec.checkResult;
        const code = rec[behaviourActionCodeField.inspection];
        if (typeof result === 'string' && typeof code === 'string' && code !== '') {
          const expect = params.followUpResults[result];
          if (expect !== undefined)
            pendingFollow.push({ index, recordId: sink.recordId, code, expect, result, failed: false });
        }
      } else {
        const related = rec.relatedCheckActionCode;
        if (typeof related === 'string' && related !== '') {
          hasher.reset(bp.seed);
          hasher.add(related);
          record(OP_FOLLOW, index);
        }
      }
    }
  }

  /** Whether a pending link or follow-up value exists among the logged or tabled targets. */
  const hasTarget = (kind: number, seed: number, value: string, key: string | undefined): boolean => {
    hasher.reset(seed);
    hasher.add(value);
    hasher.finish();
    const exact = (first: number): boolean => {
      try {
        const r = earlier(first);
        if (r === undefined) return true;
        if (kind === OP_TARGET) return isTarget(r, key ?? '', value);
        return r.relatedCheckActionCode === value && KeyHasher.seedOf(typeOf(r) ?? '') === seed;
      } catch {
        return false;
      }
    };
    if (useLogs) return (logs[kind] as HashLog).find(hasher.a, hasher.b, exact) >= 0;
    const table = tables[kind] as HashIndex;
    return table.lookup(hasher.a, hasher.b, -1, false, exact) >= 0;
  };

  const batch = {
    issues,
    get truncated() {
      return collector.truncated;
    },
    add(record: unknown): void {
      const index = total++;
      sink.index = index;
      sink.recordId = undefined;
      sink.recordType = undefined;
      sink.failed = false;
      const links = pendingLinks.length;
      const follows = pendingFollow.length;
      try {
        if (record === null || typeof record !== 'object' || Array.isArray(record)) {
          if (notObject) reportNotObject(sink, notObject, index, record);
        } else {
          const rec = record as Readonly<Record<string, unknown>>;
          const type = typeOf(rec);
          if (type === undefined) {
            if (unknownType) reportUnknownType(sink, unknownType, rec.kind);
          } else {
            const bp = batchPlanFor(type);
            const c = bp.compiled;
            sink.recordType = type;
            if (c.idField !== undefined) {
              const id = rec[c.idField];
              if (typeof id === 'string') sink.recordId = id;
            }
            c.check(rec, sink);
            if (batchRules) batchChecks(rec, type, bp, index);
          }
        }
      } catch (error) {
        if (unreadable) reportUnreadable(sink, unreadable, error);
      }
      if (sink.failed) {
        failed++;
        if (recordFailed !== undefined && index < recordFailed.length) recordFailed[index] = 1;
        for (let i = links; i < pendingLinks.length; i++) pendingLinks[i]!.failed = true;
        for (let i = follows; i < pendingFollow.length; i++) pendingFollow[i]!.failed = true;
        // The record's own window slot, if it queued look-ups (a flush may have emptied the window).
        if (winRecs.length > 0 && winIndex[winRecs.length - 1] === index) winFailed[winRecs.length - 1] = 1;
      }
    },
    finish(): QualityResult {
      if (useLogs) {
        for (const kind of [OP_ID, OP_KEY]) {
          logs[kind]?.duplicates(
            (first, index) => sameRecords(kind, first, index),
            (index, first) => {
              const rec = earlier(index);
              if (rec !== undefined) reportDuplicate(kind, rec, index, first, recordFailed?.[index] === 1);
            },
          );
        }
      } else {
        flush();
      }
      if (linkRule && want.targets) {
        for (const p of pendingLinks) {
          if (hasTarget(OP_TARGET, p.seed, p.value, p.key)) continue;
          lateEmit(p.index, p.recordId, p.type, p.failed, () => reportLinkMissing(sink, linkRule, p));
        }
      }
      if (followRule && want.follow) {
        for (const p of pendingFollow) {
          if (hasTarget(OP_FOLLOW, KeyHasher.seedOf(p.expect), p.code, undefined)) continue;
          lateEmit(p.index, p.recordId, 'inspection', p.failed, () =>
            reportFollowUpMissing(sink, followRule, p),
          );
        }
      }
      collector.inRecordOrder();
      const passed = total - failed;
      return {
        total,
        passed,
        failed,
        passRate: total === 0 ? 1 : passed / total,
        issues,
        issuesTruncated: collector.truncated,
      };
    },
  };

  return batch;
}
