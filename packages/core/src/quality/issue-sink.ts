/*
 * Where the quality check's issues go: the per-record sink the rules emit into, and the batch's issue
 * collector behind it (the `maxIssues` cap, record order of late batch-rule issues).
 */
import type { CodeTableRegistry } from '../code-tables/registry.js';
import type { LocalizedMessage } from '../errors/index.js';
import type { RecordType } from '../schemas/dictionary.js';
import type { CheckType } from '../schemas/field-spec.js';
import type { QualityRuleSet } from './rule-set.js';
import type { QualityIssue, QualitySeverity } from './types.js';

/** A resolved rule: `undefined` when disabled. */
export interface ActiveRule {
  readonly checkType: CheckType;
  readonly severity: QualitySeverity;
}

/** The per-batch sink issues go to. */
export interface Sink {
  index: number;
  recordId: string | undefined;
  recordType: RecordType | undefined;
  /** Whether the current record has an error. */
  failed: boolean;
  push(issue: QualityIssue): void;
}

/** Rules resolved against options, shared by every record type. */
export interface ResolvedRules {
  readonly get: (rule: string) => ActiveRule | undefined;
  readonly ruleSet: QualityRuleSet;
  readonly today: string;
  readonly codeTables: CodeTableRegistry | undefined;
}

/** Emits an issue for an active rule. */
export function emit(
  sink: Sink,
  rule: ActiveRule,
  code: string,
  field: string,
  value: unknown,
  message: LocalizedMessage,
  checkType: CheckType = rule.checkType,
): void {
  if (rule.severity === 'error') sink.failed = true;
  const { index, recordId, recordType } = sink;
  const issue: QualityIssue =
    recordId === undefined
      ? recordType === undefined
        ? { checkType, rule: code, index, field, value, message, severity: rule.severity }
        : { checkType, rule: code, index, recordType, field, value, message, severity: rule.severity }
      : recordType === undefined
        ? { checkType, rule: code, index, recordId, field, value, message, severity: rule.severity }
        : {
            checkType,
            rule: code,
            index,
            recordId,
            recordType,
            field,
            value,
            message,
            severity: rule.severity,
          };
  sink.push(issue);
}

/** The issues of one batch and the sink that feeds them. */
export interface IssueCollector {
  readonly sink: Sink;
  /** The kept issues (record order once {@link IssueCollector.inRecordOrder} ran). */
  readonly issues: QualityIssue[];
  /** Whether issues were dropped because `maxIssues` was reached. */
  readonly truncated: boolean;
  /**
   * Emits, through `f`, issues of an earlier record (batch rules), with the sink set to that record and
   * restored afterwards; returns whether `f` emitted an error.
   */
  emitFor(index: number, recordId: string | undefined, type: RecordType, f: () => void): boolean;
  /** Sorts the issues by record index (then emission order) when late issues were emitted. */
  inRecordOrder(): void;
}

/** A collector keeping at most `maxIssues` issues: the first ones in record order, as an in-order run would. */
export function createIssueCollector(maxIssues: number): IssueCollector {
  const issues: QualityIssue[] = [];
  let truncated = false;
  /** Set once an issue was emitted out of record order (batch rules): the list is sorted at the end. */
  let late = false;
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
  return {
    sink,
    issues,
    get truncated() {
      return truncated;
    },
    emitFor(index, recordId, type, f) {
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
      const failed = sink.failed;
      sink.index = saved.index;
      sink.recordId = saved.recordId;
      sink.recordType = saved.recordType;
      sink.failed = saved.failed;
      return failed;
    },
    inRecordOrder() {
      if (!late) return;
      const order = issues.map((_, i) => i);
      order.sort((x, y) => issues[x]!.index - issues[y]!.index || seqs[x]! - seqs[y]!);
      const sorted = order.map((i) => issues[i]!);
      for (let i = 0; i < sorted.length; i++) issues[i] = sorted[i]!;
    },
  };
}
