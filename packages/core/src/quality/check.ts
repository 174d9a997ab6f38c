import { chinaToday, isCivilDate } from '../calendar/civil-date.js';
import type { CodeTableRegistry } from '../code-tables/registry.js';
import { describeValue, JianguanError } from '../errors/index.js';
import {
  type BehaviourKind,
  behaviourActionCodeField,
  fieldDictionary,
  type RecordType,
} from '../schemas/dictionary.js';
import { type CompiledType, compileType, emit, type ResolvedRules, type Sink } from './compile.js';
import { HashIndex, HashLog, KeyHasher } from './key-index.js';
import { defaultQualityRuleSet, type QualityRuleSet } from './rule-set.js';
import type { QualityIssue, QualityResult, QualitySeverity } from './types.js';

/**
 * Options of {@link qualityCheck} (质检选项).
 *
 * @example
 * const options: QualityCheckOptions = {
 *   today: '2024-06-30', checkLinks: true, disable: ['cert_type_nature'], severity: { future_date: 'warning' },
 * };
 */
export interface QualityCheckOptions {
  /**
   * Which record type the records are. `'auto'` (default) reads `kind` (behaviour records) or
   * `entityClass` (regulated entities); other record types must be named.
   */
  readonly recordType?: RecordType | 'auto';
  /** Today's China civil date for the no-future-dates rule; a `Date` is read in Asia/Shanghai. Default: now. */
  readonly today?: string | Date;
  /** The rule set (default {@link defaultQualityRuleSet}). */
  readonly ruleSet?: QualityRuleSet;
  /** Rule codes to switch off for this run. */
  readonly disable?: readonly string[];
  /** Severity overrides for this run, by rule code. */
  readonly severity?: Readonly<Record<string, QualitySeverity>>;
  /** Check links inside the batch (a penalty's 检查行为编号 exists, …). Default `false`. */
  readonly checkLinks?: boolean;
  /** Report duplicate record ids and business keys inside the batch. Default `true`. */
  readonly checkDuplicates?: boolean;
  /** The code tables to check coded fields against (default: the national tables); e.g. a provincial variant. */
  readonly codeTables?: CodeTableRegistry;
  /** Keep at most this many issues (counts stay exact; `issuesTruncated` tells). Default: unlimited. */
  readonly maxIssues?: number;
}

/**
 * The result of checking one record on its own (no batch rules).
 *
 * @example
 * const { passed, issues }: RecordQualityResult = qualityCheckRecord(record);
 */
export interface RecordQualityResult {
  readonly passed: boolean;
  readonly issues: readonly QualityIssue[];
}

/**
 * An incremental batch check: feed records one by one (e.g. from a streaming reader), then finish.
 *
 * @example
 * const batch = createQualityChecker({ checkLinks: true }).begin();
 * for await (const row of rows) batch.add(row);
 * const result = batch.finish();
 */
export interface QualityBatch {
  /** Checks one more record; never throws. */
  add(record: unknown): void;
  /** Runs the batch-level rules (links) and returns the result. Call once. */
  finish(): QualityResult;
}

/**
 * A quality checker with its rules compiled once, for repeated use.
 *
 * @example
 * const checker = createQualityChecker({ today: '2024-06-30' });
 * const a = checker.check(batchA);
 * const b = checker.check(batchB);
 */
export interface QualityChecker {
  /** As {@link qualityCheck}. */
  check(records: readonly unknown[] | Iterable<unknown>): QualityResult;
  check(records: AsyncIterable<unknown>): Promise<QualityResult>;
  check(records: unknown): QualityResult | Promise<QualityResult>;
  /** As {@link qualityCheckRecord}. */
  checkRecord(record: unknown): RecordQualityResult;
  /** Starts an incremental batch. */
  begin(): QualityBatch;
  /** The rule set in use. */
  readonly ruleSet: QualityRuleSet;
  /** The civil date used as today. */
  readonly today: string;
}

/** Business-key parts that may be empty (a record without a source or sub-item still has a key). */
const OPTIONAL_KEY_PARTS = new Set(['source', 'subItemCode', 'unionUnitNo']);
/** Queued table look-ups of the batch-wide rules before they run in one tight loop. */
const WINDOW = 512;
/** The most look-ups one record queues (record id, business key, link targets, follow-up target). */
const MAX_OPS_PER_RECORD = 8;
const BEHAVIOUR_KINDS = new Set<string>(['inspection', 'penalty', 'compulsion', 'other']);
const ENTITY_CLASSES = new Set<string>([
  'enterprise',
  'individualBusiness',
  'otherOrganisation',
  'naturalPerson',
]);

function invalidOption(name: string, value: unknown): JianguanError {
  return new JianguanError(
    'invalid_option',
    { zh: `质检选项 ${name} 无效`, en: `invalid quality-check option ${name}` },
    { path: [name], details: { value } },
  );
}

function resolveToday(today: string | Date | undefined): string {
  if (today === undefined) return chinaToday(new Date());
  if (today instanceof Date) {
    if (Number.isNaN(today.getTime())) throw invalidOption('today', today);
    return chinaToday(today);
  }
  if (!isCivilDate(today)) throw invalidOption('today', today);
  return today;
}

function resolveRules(options: QualityCheckOptions): ResolvedRules {
  const ruleSet = options.ruleSet ?? defaultQualityRuleSet;
  const disabled = new Set(options.disable ?? []);
  const severity = options.severity ?? {};
  const cache = new Map<
    string,
    { checkType: QualityIssue['checkType']; severity: QualitySeverity } | undefined
  >();
  for (const [code, spec] of Object.entries(ruleSet.rules)) {
    if (!spec.enabled || disabled.has(code)) cache.set(code, undefined);
    else cache.set(code, { checkType: spec.checkType, severity: severity[code] ?? spec.severity });
  }
  return {
    ruleSet,
    today: resolveToday(options.today),
    codeTables: options.codeTables,
    get: (rule) => cache.get(rule),
  };
}

interface LinkPlan {
  /** `fromField` values of this type must exist among `key` targets. */
  readonly from: { field: string; key: string; seed: number; toLabel: string }[];
  /** This type provides targets `key` from `field`. */
  readonly to: { field: string; key: string; seed: number }[];
}

/** Per record type, what the batch-wide rules need (computed once per checker). */
interface BatchPlan {
  readonly compiled: CompiledType;
  /** Business-key fields, or undefined when the type has none. */
  readonly keyFields: readonly string[] | undefined;
  /** Per key field: may it be empty. */
  readonly keyOptional: readonly boolean[];
  /** Hash seed of the record type (keys of different types never meet). */
  readonly seed: number;
  readonly link: LinkPlan | undefined;
}

/**
 * Creates a quality checker with compiled rules (precompiled once per record type).
 *
 * @throws {JianguanError} `invalid_option` when `today` is not a valid date.
 * @example
 * const checker = createQualityChecker({ today: '2024-06-30', checkLinks: true });
 * checker.check(records).passRate;
 */
export function createQualityChecker(options: QualityCheckOptions = {}): QualityChecker {
  options = qualityOptions(options);
  const rules = resolveRules(options);
  const compiled = new Map<RecordType, CompiledType>();
  const fixedType =
    options.recordType !== undefined && options.recordType !== 'auto' ? options.recordType : undefined;
  if (
    fixedType !== undefined &&
    (typeof fixedType !== 'string' || !Object.hasOwn(fieldDictionary, fixedType))
  )
    throw invalidOption('recordType', fixedType);
  const checkLinks = options.checkLinks === true;
  const checkDuplicates = options.checkDuplicates !== false;
  const maxIssues = options.maxIssues ?? Number.POSITIVE_INFINITY;
  const params = rules.ruleSet.params;
  const notObject = rules.get('record_not_object');
  const unknownType = rules.get('unknown_record_type');
  const unreadable = rules.get('unreadable_record');
  const dupId = checkDuplicates ? rules.get('duplicate_record_id') : undefined;
  const dupKey = checkDuplicates ? rules.get('duplicate_key') : undefined;
  const linkRule = checkLinks ? rules.get('link_missing') : undefined;
  const followRule = checkLinks ? rules.get('follow_up_missing') : undefined;

  const linkPlans = new Map<string, LinkPlan>();
  const plan = (type: string): LinkPlan => {
    let p = linkPlans.get(type);
    if (!p) {
      p = { from: [], to: [] };
      linkPlans.set(type, p);
    }
    return p;
  };
  if (linkRule) {
    for (const link of params.links) {
      const key = `${link.toTypes.join('+')}.${link.toField}`;
      const seed = KeyHasher.seedOf(key);
      plan(link.fromType).from.push({ field: link.fromField, key, seed, toLabel: link.toTypes.join('/') });
      for (const t of link.toTypes) {
        const to = plan(t).to;
        if (!to.some((x) => x.key === key)) to.push({ field: link.toField, key, seed });
      }
    }
  }

  const compiledFor = (type: RecordType): CompiledType => {
    let c = compiled.get(type);
    if (!c) {
      c = compileType(type, rules);
      compiled.set(type, c);
    }
    return c;
  };

  const batchPlans = new Map<RecordType, BatchPlan>();
  const batchPlanFor = (type: RecordType): BatchPlan => {
    let b = batchPlans.get(type);
    if (!b) {
      const keyFields = params.businessKeys[type];
      b = {
        compiled: compiledFor(type),
        keyFields,
        keyOptional: (keyFields ?? []).map((f) => OPTIONAL_KEY_PARTS.has(f)),
        seed: KeyHasher.seedOf(type),
        link: linkPlans.get(type),
      };
      batchPlans.set(type, b);
    }
    return b;
  };
  const linkByKey = new Map<string, { toField: string; toTypes: ReadonlySet<string> }>();
  for (const link of params.links) {
    linkByKey.set(`${link.toTypes.join('+')}.${link.toField}`, {
      toField: link.toField,
      toTypes: new Set(link.toTypes),
    });
  }

  const typeOf = (rec: Readonly<Record<string, unknown>>): RecordType | undefined => {
    if (fixedType !== undefined) return fixedType;
    const kind = rec.kind;
    if (typeof kind === 'string' && BEHAVIOUR_KINDS.has(kind)) return kind as BehaviourKind;
    const cls = rec.entityClass;
    if (typeof cls === 'string' && ENTITY_CLASSES.has(cls)) return cls as RecordType;
    return undefined;
  };

  const begin = (
    batchRules: boolean,
    source?: readonly unknown[],
  ): QualityBatch & { issues: QualityIssue[]; truncated: boolean } => {
    const issues: QualityIssue[] = [];
    let truncated = false;
    /** Set once an issue was emitted out of record order (batch rules): the list is sorted at the end. */
    let late = false;
    let total = 0;
    let failed = 0;
    /** Emission number of each kept issue: the order of a record's own issues (field, then batch rules). */
    const seqs: number[] = [];
    let seq = 0;
    const sink: Sink = {
      index: 0,
      recordId: undefined,
      recordType: undefined,
      failed: false,
      push(issue) {
        const n = seq++;
        if (issues.length < maxIssues) {
          issues.push(issue);
          seqs.push(n);
          return;
        }
        truncated = true;
        if (!late || issues.length === 0) return;
        // A late issue may belong to an earlier record than a kept one: keep the first issues in record
        // order, as an in-order run would have.
        let m = 0;
        for (let i = 1; i < issues.length; i++) {
          const d = issues[i]!.index - issues[m]!.index;
          if (d > 0 || (d === 0 && seqs[i]! > seqs[m]!)) m = i;
        }
        if (issues[m]!.index > issue.index) {
          issues[m] = issue;
          seqs[m] = n;
        }
      },
    };
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
      const plan = batchPlanFor(type);
      const fields = plan.keyFields ?? [];
      for (let i = 0; i < fields.length; i++) {
        const optional = plan.keyOptional[i] === true;
        if (keyPart(r[fields[i]!], optional) !== keyPart(s[fields[i]!], optional)) return false;
      }
      return true;
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

    const pendingLinks: {
      index: number;
      recordId: string | undefined;
      type: RecordType;
      field: string;
      value: string;
      key: string;
      seed: number;
      toLabel: string;
      /** Whether the record had already failed when it was added. */
      failed: boolean;
    }[] = [];
    const pendingFollow: {
      index: number;
      recordId: string | undefined;
      code: string;
      expect: string;
      result: string;
      failed: boolean;
    }[] = [];

    /** Emits a late issue for an earlier record and counts the record as failed once. */
    const lateEmit = (
      index: number,
      recordId: string | undefined,
      type: RecordType,
      wasFailed: boolean,
      f: () => void,
    ): void => {
      late = true;
      // A flush may run while another record is being added: keep that record's state.
      const saved = {
        index: sink.index,
        recordId: sink.recordId,
        recordType: sink.recordType,
        failed: sink.failed,
      };
      sink.index = index;
      sink.recordId = recordId;
      sink.recordType = type;
      sink.failed = false;
      f();
      if (sink.failed && !wasFailed && !lateFailed.has(index)) {
        lateFailed.add(index);
        failed++;
      }
      sink.index = saved.index;
      sink.recordId = saved.recordId;
      sink.recordType = saved.recordType;
      sink.failed = saved.failed;
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
        lateEmit(index, recordId, type, wasFailed, () =>
          emit(sink, dupId, 'duplicate_record_id', field, id, {
            zh: `记录唯一标识“${typeof id === 'string' ? id : describeValue(id)}”与第${first + 1}条记录重复`,
            en: `record id "${typeof id === 'string' ? id : describeValue(id)}" duplicates record ${first + 1}`,
          }),
        );
      } else if (kind === OP_KEY && dupKey) {
        const fields = batchPlanFor(type).keyFields ?? [];
        const field = fields[fields.length - 1] ?? '';
        lateEmit(index, recordId, type, wasFailed, () =>
          emit(sink, dupKey, 'duplicate_key', field, rec[field], {
            zh: `业务主键（${fields.join('+')}）与第${first + 1}条记录重复`,
            en: `business key (${fields.join(' + ')}) duplicates record ${first + 1}`,
          }),
        );
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
        if (first >= 0 && kind <= OP_KEY)
          reportDuplicate(kind, winRecs[w]!, index, first, winFailed[w] === 1);
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
        let complete = true;
        for (let i = 0; i < fields.length; i++) {
          const part = keyPart(rec[fields[i]!], bp.keyOptional[i] === true);
          if (part === undefined) {
            complete = false; // a required key part is missing: nothing to compare
            break;
          }
          hasher.add(part);
        }
        if (complete) record(OP_KEY, index);
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
        return truncated;
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
            if (notObject) {
              emit(sink, notObject, 'record_not_object', '', record, {
                zh: `第${index + 1}条记录不是对象`,
                en: `record ${index + 1} is not an object`,
              });
            }
          } else {
            const rec = record as Readonly<Record<string, unknown>>;
            const type = typeOf(rec);
            if (type === undefined) {
              if (unknownType) {
                emit(sink, unknownType, 'unknown_record_type', 'kind', rec.kind, {
                  zh: '无法识别记录类型：kind 须为 inspection/penalty/compulsion/other（或指定 recordType）',
                  en: 'unknown record type: kind must be inspection/penalty/compulsion/other (or pass recordType)',
                });
              }
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
          if (unreadable) {
            emit(sink, unreadable, 'unreadable_record', '', undefined, {
              zh: '记录无法读取（读取字段时出错）',
              en: `the record cannot be read (${error instanceof Error ? error.name : 'error'} while reading a field)`,
            });
          }
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
            const spec = (fieldDictionary[p.type] as Record<string, { zh: string; en: string }>)[p.field];
            lateEmit(p.index, p.recordId, p.type, p.failed, () =>
              emit(sink, linkRule, 'link_missing', p.field, p.value, {
                zh: `${spec?.zh ?? p.field}“${p.value}”在本批次中找不到对应的记录（${p.toLabel}）`,
                en: `${spec?.en ?? p.field} "${p.value}" has no matching ${p.toLabel} record in the batch`,
              }),
            );
          }
        }
        if (followRule && want.follow) {
          for (const p of pendingFollow) {
            if (hasTarget(OP_FOLLOW, KeyHasher.seedOf(p.expect), p.code, undefined)) continue;
            lateEmit(p.index, p.recordId, 'inspection', p.failed, () =>
              emit(sink, followRule, 'follow_up_missing', 'checkResult', p.result, {
                zh: `检查结果为${p.result}，但本批次中没有关联检查行为编号“${p.code}”的${p.expect === 'penalty' ? '行政处罚' : '行政强制'}记录`,
                en: `inspection result ${p.result} but no ${p.expect} record in the batch links to inspection "${p.code}"`,
              }),
            );
          }
        }
        if (late) {
          const order = issues.map((_, i) => i);
          order.sort((x, y) => issues[x]!.index - issues[y]!.index || seqs[x]! - seqs[y]!);
          const sorted = order.map((i) => issues[i]!);
          for (let i = 0; i < sorted.length; i++) issues[i] = sorted[i]!;
        }
        const passed = total - failed;
        return {
          total,
          passed,
          failed,
          passRate: total === 0 ? 1 : passed / total,
          issues,
          issuesTruncated: truncated,
        };
      },
    };

    return batch;
  };

  const runSync = (records: unknown): QualityResult => {
    const batch = begin(true, Array.isArray(records) ? records : undefined);
    if (Array.isArray(records)) {
      const n = records.length;
      for (let i = 0; i < n; i++) {
        let rec: unknown;
        try {
          rec = records[i];
        } catch {
          rec = undefined;
        }
        batch.add(rec);
      }
    } else if (isIterable(records)) {
      try {
        for (const rec of records) batch.add(rec);
      } catch {
        batch.add(new Unreadable());
      }
    } else {
      batch.add(records);
    }
    return batch.finish();
  };

  const runAsync = async (records: AsyncIterable<unknown>): Promise<QualityResult> => {
    const batch = begin(true);
    try {
      for await (const rec of records) batch.add(rec);
    } catch {
      batch.add(new Unreadable());
    }
    return batch.finish();
  };

  function check(records: readonly unknown[] | Iterable<unknown>): QualityResult;
  function check(records: AsyncIterable<unknown>): Promise<QualityResult>;
  function check(records: unknown): QualityResult | Promise<QualityResult>;
  function check(records: unknown): QualityResult | Promise<QualityResult> {
    if (isAsyncIterable(records)) return runAsync(records);
    return runSync(records);
  }

  return {
    check,
    checkRecord(record: unknown): RecordQualityResult {
      const batch = begin(false);
      batch.add(record);
      const result = batch.finish();
      return { passed: result.failed === 0, issues: result.issues };
    },
    begin: () => {
      const b = begin(true);
      return { add: (r) => b.add(r), finish: () => b.finish() };
    },
    ruleSet: rules.ruleSet,
    today: rules.today,
  };
}

/** A record whose reading failed (an iterator that threw): reported as `unreadable_record`. */
class Unreadable {
  get kind(): never {
    throw new Error('unreadable');
  }
}

/** A business-key part: the field's string value; '' for a missing optional part; undefined otherwise. */
function keyPart(value: unknown, optional: boolean): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  return optional ? '' : undefined;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  try {
    return (
      value !== null &&
      (typeof value === 'object' || typeof value === 'function') &&
      typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function'
    );
  } catch {
    return false;
  }
}

function isIterable(value: unknown): value is Iterable<unknown> {
  try {
    return (
      value !== null &&
      typeof value === 'object' &&
      typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function'
    );
  } catch {
    return false;
  }
}

/**
 * The batch quality check (批量质检): checks every record against the data standard and the rule set,
 * and returns `{ total, passed, failed, passRate, issues }`. Synchronous over arrays and iterables, a
 * Promise over async iterables (e.g. a streaming file reader). Each issue carries the national check
 * type ('01' 代码检查 … '10' 时间信息检查), a stable rule code, the record index and id, the field, the
 * value, a bilingual message and a severity. It never throws on any record input and never mutates it;
 * a non-iterable input is checked as a batch of one.
 *
 * @throws {JianguanError} `invalid_option` only for invalid options (e.g. `today: '2024-13-01'`).
 * @example
 * const result = qualityCheck(records, { today: '2024-06-30', checkLinks: true });
 * for (const issue of result.issues) console.log(issue.checkType, issue.rule, issue.field, issue.message.zh);
 *
 * const streamed = await qualityCheck(readJsonl('batch.jsonl'));
 */
export function qualityCheck(
  records: readonly unknown[] | Iterable<unknown>,
  options?: QualityCheckOptions,
): QualityResult;
export function qualityCheck(
  records: AsyncIterable<unknown>,
  options?: QualityCheckOptions,
): Promise<QualityResult>;
export function qualityCheck(
  records: unknown,
  options?: QualityCheckOptions,
): QualityResult | Promise<QualityResult>;
export function qualityCheck(
  records: unknown,
  options: QualityCheckOptions = {},
): QualityResult | Promise<QualityResult> {
  return cachedChecker(options).check(records);
}

const checkerCache = new Map<string, QualityChecker>();

/**
 * Reuses compiled checkers for plain options (no rule set, code tables, disable or severity objects), so
 * calling {@link qualityCheckRecord} in a loop does not recompile the rules every time.
 */
/** Options from untyped callers: `null` means the defaults; a non-object is an `invalid_option` error. */
function qualityOptions(options: unknown): QualityCheckOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) throw invalidOption('options', options);
  return options as QualityCheckOptions;
}

function cachedChecker(options: QualityCheckOptions): QualityChecker {
  options = qualityOptions(options);
  if (
    options.ruleSet !== undefined ||
    options.codeTables !== undefined ||
    options.disable !== undefined ||
    options.severity !== undefined ||
    (options.today !== undefined && typeof options.today !== 'string')
  ) {
    return createQualityChecker(options);
  }
  const today = options.today ?? chinaToday(new Date());
  const key = [
    today,
    options.recordType,
    options.checkLinks,
    options.checkDuplicates,
    options.maxIssues,
  ].join('|');
  let checker = checkerCache.get(key);
  if (!checker) {
    checker = createQualityChecker({ ...options, today });
    if (checkerCache.size >= 32) checkerCache.clear();
    checkerCache.set(key, checker);
  }
  return checker;
}

/**
 * Checks one record on its own (field and cross-field rules; no duplicate or link rules).
 *
 * @example
 * const { passed, issues } = qualityCheckRecord({ kind: 'inspection', checkDate: '2099-01-01' }, { today: '2024-06-30' });
 */
export function qualityCheckRecord(record: unknown, options: QualityCheckOptions = {}): RecordQualityResult {
  return cachedChecker(options).checkRecord(record);
}
