import type { CodeTableRegistry } from '../code-tables/registry.js';
import { JianguanError } from '../errors/index.js';
import { isCivilDate } from '../schemas/act-date.js';
import {
  type BehaviourKind,
  behaviourActionCodeField,
  fieldDictionary,
  type RecordType,
} from '../schemas/dictionary.js';
import { type CompiledType, compileType, emit, type ResolvedRules, type Sink } from './compile.js';
import { KeyIndex } from './key-index.js';
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
/** The map key under which a key level keeps its leaf index (cannot collide with a string value's key). */
const LEAF = '\u0000leaf';
const BEHAVIOUR_KINDS = new Set<string>(['inspection', 'penalty', 'compulsion', 'other']);
const ENTITY_CLASSES = new Set<string>([
  'enterprise',
  'individualBusiness',
  'otherOrganisation',
  'naturalPerson',
]);

/** Today's civil date in China (UTC+8, no daylight saving). */
function chinaDateOf(date: Date): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function invalidOption(name: string, value: unknown): JianguanError {
  return new JianguanError(
    'invalid_option',
    { zh: `质检选项 ${name} 无效`, en: `invalid quality-check option ${name}` },
    { path: [name], details: { value } },
  );
}

function resolveToday(today: string | Date | undefined): string {
  if (today === undefined) return chinaDateOf(new Date());
  if (today instanceof Date) {
    if (Number.isNaN(today.getTime())) throw invalidOption('today', today);
    return chinaDateOf(today);
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
  readonly from: { field: string; key: string; toLabel: string }[];
  /** This type provides targets `key` from `field`. */
  readonly to: { field: string; key: string }[];
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
  const rules = resolveRules(options);
  const compiled = new Map<RecordType, CompiledType>();
  const fixedType =
    options.recordType !== undefined && options.recordType !== 'auto' ? options.recordType : undefined;
  if (fixedType !== undefined && !(fixedType in fieldDictionary))
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
      plan(link.fromType).from.push({ field: link.fromField, key, toLabel: link.toTypes.join('/') });
      for (const t of link.toTypes) plan(t).to.push({ field: link.toField, key });
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

  const typeOf = (rec: Readonly<Record<string, unknown>>): RecordType | undefined => {
    if (fixedType !== undefined) return fixedType;
    const kind = rec.kind;
    if (typeof kind === 'string' && BEHAVIOUR_KINDS.has(kind)) return kind as BehaviourKind;
    const cls = rec.entityClass;
    if (typeof cls === 'string' && ENTITY_CLASSES.has(cls)) return cls as RecordType;
    return undefined;
  };

  const begin = (batchRules: boolean): QualityBatch & { issues: QualityIssue[]; truncated: boolean } => {
    const issues: QualityIssue[] = [];
    let truncated = false;
    let total = 0;
    let failed = 0;
    const sink: Sink = {
      index: 0,
      recordId: undefined,
      recordType: undefined,
      failed: false,
      push(issue) {
        if (issues.length < maxIssues) issues.push(issue);
        else truncated = true;
      },
    };
    const seenIds = new KeyIndex();
    const seenKeys = new Map<string, unknown>();
    const lastLeaf = new Map<string, { prefix: readonly string[]; leaf: KeyIndex }>();
    const targets = new Map<string, KeyIndex>();
    const pendingLinks: {
      index: number;
      recordId: string | undefined;
      type: RecordType;
      field: string;
      value: string;
      key: string;
      toLabel: string;
    }[] = [];
    const followTargets = new Map<string, KeyIndex>(); // 'penalty' → related inspection codes
    const pendingFollow: {
      index: number;
      recordId: string | undefined;
      code: string;
      expect: string;
      result: string;
    }[] = [];
    const failedFlags: boolean[] = [];

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
              const c = compiledFor(type);
              sink.recordType = type;
              if (c.idField !== undefined) {
                const id = rec[c.idField];
                if (typeof id === 'string') sink.recordId = id;
              }
              c.check(rec, sink);
              if (batchRules) batchChecks(rec, type, index);
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
        if (sink.failed) failed++;
        if (checkLinks) failedFlags.push(sink.failed);
      },
      finish(): QualityResult {
        let late = false;
        if (linkRule) {
          for (const p of pendingLinks) {
            if (targets.get(p.key)?.has(p.value)) continue;
            late = true;
            sink.index = p.index;
            sink.recordId = p.recordId;
            sink.recordType = p.type;
            sink.failed = false;
            const spec = (fieldDictionary[p.type] as Record<string, { zh: string; en: string }>)[p.field];
            emit(sink, linkRule, 'link_missing', p.field, p.value, {
              zh: `${spec?.zh ?? p.field}“${p.value}”在本批次中找不到对应的记录（${p.toLabel}）`,
              en: `${spec?.en ?? p.field} "${p.value}" has no matching ${p.toLabel} record in the batch`,
            });
            if (sink.failed && !failedFlags[p.index]) {
              failedFlags[p.index] = true;
              failed++;
            }
          }
        }
        if (followRule) {
          for (const p of pendingFollow) {
            if (followTargets.get(p.expect)?.has(p.code)) continue;
            late = true;
            sink.index = p.index;
            sink.recordId = p.recordId;
            sink.recordType = 'inspection';
            sink.failed = false;
            emit(sink, followRule, 'follow_up_missing', 'checkResult', p.result, {
              zh: `检查结果为${p.result}，但本批次中没有关联检查行为编号“${p.code}”的${p.expect === 'penalty' ? '行政处罚' : '行政强制'}记录`,
              en: `inspection result ${p.result} but no ${p.expect} record in the batch links to inspection "${p.code}"`,
            });
            if (sink.failed && !failedFlags[p.index]) {
              failedFlags[p.index] = true;
              failed++;
            }
          }
        }
        if (late) issues.sort((a, b) => a.index - b.index);
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

    /**
     * Business-key duplicates: the leading key parts select nested maps (few distinct values, e.g. the
     * source), the last part goes into a {@link KeyIndex}; no key strings are built per record.
     */
    function keyCheck(
      rec: Readonly<Record<string, unknown>>,
      type: RecordType,
      index: number,
      fields: readonly string[],
    ): void {
      const n = fields.length;
      // Fast path: the leading parts equal the previous record's of this type (one source per batch).
      let leaf: KeyIndex | undefined;
      const cached = lastLeaf.get(type);
      if (cached !== undefined) {
        let same = true;
        for (let i = 0; i < n - 1; i++) {
          const v = rec[fields[i]!];
          if ((typeof v === 'string' ? v : '') !== cached.prefix[i]) {
            same = false;
            break;
          }
        }
        if (same) leaf = cached.leaf;
      }
      const lastValue = rec[fields[n - 1]!];
      if (typeof lastValue !== 'string' || lastValue === '') {
        if (!OPTIONAL_KEY_PARTS.has(fields[n - 1]!)) return;
      }
      if (leaf === undefined) {
        const prefix: string[] = [];
        for (let i = 0; i < n - 1; i++) {
          const v = rec[fields[i]!];
          if (typeof v === 'string' && v !== '') prefix.push(v);
          else if (OPTIONAL_KEY_PARTS.has(fields[i]!)) prefix.push('');
          else return;
        }
        let level = seenKeys.get(type) as Map<string, unknown> | undefined;
        if (!level) {
          level = new Map();
          seenKeys.set(type, level);
        }
        for (const part of prefix) {
          let next = level.get(part) as Map<string, unknown> | undefined;
          if (!next) {
            next = new Map();
            level.set(part, next);
          }
          level = next;
        }
        leaf = level.get(LEAF) as KeyIndex | undefined;
        if (!leaf) {
          leaf = new KeyIndex();
          level.set(LEAF, leaf);
        }
        lastLeaf.set(type, { prefix, leaf });
      }
      const first = leaf.firstIndex(typeof lastValue === 'string' ? lastValue : '', index);
      if (first >= 0 && dupKey) {
        const field = fields[fields.length - 1]!;
        emit(sink, dupKey, 'duplicate_key', field, rec[field], {
          zh: `业务主键（${fields.join('+')}）与第${first + 1}条记录重复`,
          en: `business key (${fields.join(' + ')}) duplicates record ${first + 1}`,
        });
      }
    }

    function batchChecks(rec: Readonly<Record<string, unknown>>, type: RecordType, index: number): void {
      if (dupId) {
        const id = sink.recordId;
        if (id !== undefined && id !== '') {
          const first = seenIds.firstIndex(id, index);
          if (first >= 0) {
            emit(sink, dupId, 'duplicate_record_id', compiledFor(type).idField ?? 'recordId', id, {
              zh: `记录唯一标识“${id}”与第${first + 1}条记录重复`,
              en: `record id "${id}" duplicates record ${first + 1}`,
            });
          }
        }
      }
      if (dupKey) {
        const fields = params.businessKeys[type];
        if (fields) keyCheck(rec, type, index, fields);
      }
      if (linkRule) {
        const p = linkPlans.get(type);
        if (p) {
          for (const t of p.to) {
            const v = rec[t.field];
            if (typeof v !== 'string' || v === '') continue;
            let set = targets.get(t.key);
            if (!set) {
              set = new KeyIndex();
              targets.set(t.key, set);
            }
            set.firstIndex(v, index);
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
              toLabel: f.toLabel,
            });
          }
        }
      }
      if (followRule) {
        if (type === 'inspection') {
          const result = rec.checkResult;
          const code = rec[behaviourActionCodeField.inspection];
          if (typeof result === 'string' && typeof code === 'string' && code !== '') {
            const expect = params.followUpResults[result];
            if (expect !== undefined)
              pendingFollow.push({ index, recordId: sink.recordId, code, expect, result });
          }
        } else {
          const related = rec.relatedCheckActionCode;
          if (typeof related === 'string' && related !== '') {
            let set = followTargets.get(type);
            if (!set) {
              set = new KeyIndex();
              followTargets.set(type, set);
            }
            set.firstIndex(related, index);
          }
        }
      }
    }

    return batch;
  };

  const runSync = (records: unknown): QualityResult => {
    const batch = begin(true);
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
function cachedChecker(options: QualityCheckOptions): QualityChecker {
  if (
    options.ruleSet !== undefined ||
    options.codeTables !== undefined ||
    options.disable !== undefined ||
    options.severity !== undefined ||
    (options.today !== undefined && typeof options.today !== 'string')
  ) {
    return createQualityChecker(options);
  }
  const today = options.today ?? chinaDateOf(new Date());
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
