import type { LocalizedMessage } from '../errors/index.js';
import type { RecordType } from '../schemas/dictionary.js';
import type { CheckType } from '../schemas/field-spec.js';

/**
 * How serious a quality issue is: an `error` fails the record (the province would reject it), a
 * `warning` is reported but the record still passes.
 *
 * @example
 * const s: QualitySeverity = 'warning';
 */
export type QualitySeverity = 'error' | 'warning';

/**
 * One finding of the batch quality check (质检问题).
 *
 * @example
 * const issue: QualityIssue = {
 *   checkType: '10', rule: 'future_date', index: 3, recordId: 'r3', field: 'checkDate',
 *   value: '2099-01-01', severity: 'error',
 *   message: { zh: '检查时间不能晚于当前日期', en: 'inspection date must not be in the future' },
 * };
 */
export interface QualityIssue {
  /** The national check type (数据检核类型) '01'…'10'. */
  readonly checkType: CheckType;
  /** A stable rule code, e.g. `required`, `uscc_checksum`, `date_order`. */
  readonly rule: string;
  /** The 0-based position of the record in the batch. */
  readonly index: number;
  /** The record's `recordId` (or other id field), when it has a string one. */
  readonly recordId?: string;
  /** The record type the record was checked as, when known. */
  readonly recordType?: RecordType;
  /** The field path, e.g. `checkDate` or `checkPersonnelCertNos[1]`; `''` for the whole record. */
  readonly field: string;
  /** The offending value as found in the input (not copied). */
  readonly value: unknown;
  /** What is wrong, in Chinese and English. */
  readonly message: LocalizedMessage;
  readonly severity: QualitySeverity;
}

/**
 * The result of a batch quality check (质检结果).
 *
 * @example
 * const r: QualityResult = qualityCheck(records);
 * console.log(`${r.passed}/${r.total} passed (${(r.passRate * 100).toFixed(1)}%)`);
 */
export interface QualityResult {
  /** Records checked. */
  readonly total: number;
  /** Records with no error (warnings allowed). */
  readonly passed: number;
  /** Records with at least one error. */
  readonly failed: number;
  /** `passed / total`; `1` for an empty batch. */
  readonly passRate: number;
  /** Every issue, ordered by record index. */
  readonly issues: readonly QualityIssue[];
  /** Whether issues were dropped because `maxIssues` was reached (counts stay exact). */
  readonly issuesTruncated: boolean;
}
