import type { CivilDate } from '@jianguan/core';
import type { GradingResult } from '../engine/compile.js';
import { CreditInputError } from '../engine/grade.js';
import { declassifyGrade } from './internal-grade.js';

/**
 * What may be published about a grading run by default: who was graded, when and by which rule set —
 * never the grade.
 *
 * @example
 * const rec: PublicGradingRecord = toPublicRecord(result);
 */
export interface PublicGradingRecord {
  readonly entityId: string;
  readonly asOf: CivilDate;
  readonly ruleSetId: string;
  readonly ruleSetVersion: string;
}

/**
 * A public record that carries the grade because the caller opted in (with a reason).
 *
 * @example
 * const rec: PublicGradingRecordWithGrade = toPublicRecord(result, { includeGrade: true, reason: '本省规定公开' });
 */
export interface PublicGradingRecordWithGrade extends PublicGradingRecord {
  /** A plain string: declassified on purpose. */
  readonly grade: string;
  readonly disclosureReason: string;
}

/**
 * Options of {@link toPublicRecord}: include the grade only with `includeGrade: true` and a reason.
 *
 * @example
 * const o: PublicRecordOptions = { includeGrade: true, reason: 'court order' };
 */
export interface PublicRecordOptions {
  readonly includeGrade: true;
  readonly reason: string;
}

/**
 * Builds the publishable form of a grading result (公示用记录). By default the grade is stripped; pass
 * `{ includeGrade: true, reason }` to publish it deliberately. Anything other than `includeGrade: true`
 * (`false`, missing, `null` options from untyped callers) leaves the grade out.
 *
 * @throws {GradeDeclassificationError} `missing_reason` when `includeGrade: true` comes without a reason.
 * @throws {CreditInputError} `invalid_input` when `result` is not a grading result.
 *
 * @example
 * toPublicRecord(result); // { entityId, asOf, ruleSetId, ruleSetVersion }
 * toPublicRecord(result, { includeGrade: true, reason: '本省规定公开' }).grade; // 'A'
 */
export function toPublicRecord(result: GradingResult): PublicGradingRecord;
export function toPublicRecord(
  result: GradingResult,
  options: PublicRecordOptions,
): PublicGradingRecordWithGrade;
export function toPublicRecord(
  result: GradingResult,
  options?: PublicRecordOptions,
): PublicGradingRecord | PublicGradingRecordWithGrade {
  if (typeof result !== 'object' || result === null) {
    throw new CreditInputError(
      'invalid_input',
      { zh: '分级结果必须是对象', en: 'the grading result must be an object' },
      { path: [], details: { type: result === null ? 'null' : typeof result } },
    );
  }
  const base: PublicGradingRecord = {
    entityId: result.entityId,
    asOf: result.asOf,
    ruleSetId: result.ruleSetId,
    ruleSetVersion: result.ruleSetVersion,
  };
  // Only an explicit `includeGrade: true` publishes the grade (untyped callers may pass `false`).
  if (options === undefined || (options as { includeGrade?: unknown } | null)?.includeGrade !== true) {
    return base;
  }
  return {
    ...base,
    grade: declassifyGrade(result.grade, { reason: options.reason }),
    disclosureReason: options.reason,
  };
}
