/*
 * The quality check's public face (质检): `qualityCheck`, `qualityCheckRecord` and `createQualityChecker`.
 * The work is done by the modules beside it: options.ts (options), plan.ts (record types and what is compiled
 * for each), batch.ts (the batch engine), iterate.ts (arrays, iterables, streams), issue-sink.ts (where issues
 * go) and rules/ (field.ts, record.ts, duplicates.ts, links.ts: what each rule checks and says).
 */
import { chinaToday } from '../calendar/civil-date.js';
import type { CodeTableRegistry } from '../code-tables/registry.js';
import type { RecordType } from '../schemas/dictionary.js';
import { beginBatch } from './batch.js';
import { feedAsync, feedSync, isAsyncIterable } from './iterate.js';
import { qualityOptions, resolveRules } from './options.js';
import { createCheckPlan } from './plan.js';
import type { QualityRuleSet } from './rule-set.js';
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
  const plan = createCheckPlan(
    rules,
    options.recordType,
    options.checkLinks === true,
    options.checkDuplicates !== false,
  );
  const maxIssues = options.maxIssues ?? Number.POSITIVE_INFINITY;

  function check(records: readonly unknown[] | Iterable<unknown>): QualityResult;
  function check(records: AsyncIterable<unknown>): Promise<QualityResult>;
  function check(records: unknown): QualityResult | Promise<QualityResult>;
  function check(records: unknown): QualityResult | Promise<QualityResult> {
    if (isAsyncIterable(records)) return feedAsync(beginBatch(plan, maxIssues, true), records);
    return feedSync(beginBatch(plan, maxIssues, true, Array.isArray(records) ? records : undefined), records);
  }

  return {
    check,
    checkRecord(record: unknown): RecordQualityResult {
      const batch = beginBatch(plan, maxIssues, false);
      batch.add(record);
      const result = batch.finish();
      return { passed: result.failed === 0, issues: result.issues };
    },
    begin: () => {
      const b = beginBatch(plan, maxIssues, true);
      return { add: (r) => b.add(r), finish: () => b.finish() };
    },
    ruleSet: rules.ruleSet,
    today: rules.today,
  };
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
