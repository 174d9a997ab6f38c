/**
 * The one place this package touches `@jianguan/core`'s record schemas, quality check (质检) and working-day
 * calendar, so the rest of the package depends on a small, stable surface.
 */

import type { RecordType } from '@jianguan/core';
import {
  addWorkdays,
  behaviourRecordSchema,
  catalogItemSchema,
  chinaToday,
  clueFeedbackSchema,
  complaintSchema,
  drawnObjectSchema,
  inspectionListSchema,
  isCivilDate,
  jointTaskSchema,
  officerSchema,
  qualityCheck,
  regulatedEntitySchema,
  riskClueSchema,
  spotCheckPlanSchema,
  tryBehaviourActDate,
  workdayLateness,
} from '@jianguan/core';
import type { z } from 'zod';

const SCHEMAS = {
  behaviourRecordSchema,
  catalogItemSchema,
  inspectionListSchema,
  regulatedEntitySchema,
  officerSchema,
  spotCheckPlanSchema,
  drawnObjectSchema,
  riskClueSchema,
  clueFeedbackSchema,
  complaintSchema,
  jointTaskSchema,
} as const;

/**
 * Name of a core record schema used by the contract.
 *
 * @example
 * const n: CoreSchemaName = 'behaviourRecordSchema';
 */
export type CoreSchemaName = keyof typeof SCHEMAS;

/**
 * The zod schema named `name` from `@jianguan/core`.
 *
 * @example
 * recordSchema('riskClueSchema').safeParse(clue).success;
 */
export function recordSchema(name: CoreSchemaName): z.ZodType {
  return SCHEMAS[name];
}

/**
 * One quality-check finding (质检问题) — structurally core's `QualityIssue`.
 *
 * @example
 * const i: QualityIssue = { checkType: '03', rule: 'required', index: 0, field: 'itemCode', value: '', message: { zh: '必填', en: 'required' }, severity: 'error' };
 */
export interface QualityIssue {
  readonly checkType: string;
  readonly rule: string;
  readonly index: number;
  readonly recordId?: string;
  readonly field: string;
  readonly value: unknown;
  readonly message: { readonly zh: string; readonly en: string };
  readonly severity: 'error' | 'warning';
}

/**
 * A batch quality report (质检结果) — structurally core's `QualityResult`.
 *
 * @example
 * const r: QualityReport = { total: 1, passed: 1, failed: 0, passRate: 1, issues: [] };
 */
export interface QualityReport {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly passRate: number;
  readonly issues: readonly QualityIssue[];
}

/**
 * A quality checker: core's `qualityCheck` or any function of the same shape.
 *
 * @example
 * const accept: QualityChecker = (records) => ({ total: records.length, passed: records.length, failed: 0, passRate: 1, issues: [] });
 */
export type QualityChecker = (records: readonly unknown[], options?: QualityCheckContext) => QualityReport;

/**
 * What a {@link QualityChecker} is told about the records: core's record type (`'auto'` reads `kind` /
 * `entityClass`) and, when the caller fixed one, the civil date taken as today.
 *
 * @example
 * const ctx: QualityCheckContext = { recordType: 'officer', today: '2025-12-31' };
 */
export interface QualityCheckContext {
  readonly recordType?: string;
  /** The civil date ('YYYY-MM-DD') taken as today by date rules (no future dates, …). Default: China today. */
  readonly today?: string;
}

/**
 * Core's `qualityCheck` (质检) with its default national rule set — what the client runs before upload and the
 * sandbox runs on receipt. `today` in the context is passed to core (default: China today).
 *
 * @example
 * defaultQualityCheck([{ kind: 'inspection', recordId: 'r1' }], { today: '2025-12-31' }).failed; // 1 (required fields missing)
 */
export const defaultQualityCheck: QualityChecker = (records, options = {}) =>
  qualityCheck(records, {
    recordType: (options.recordType ?? 'auto') as RecordType | 'auto',
    ...(options.today === undefined ? {} : { today: options.today }),
  });

/**
 * Whether `value` is a real civil date `'YYYY-MM-DD'` (core calendar).
 *
 * @example
 * isValidCivilDate('2025-02-29'); // false
 */
export function isValidCivilDate(value: unknown): value is string {
  return typeof value === 'string' && isCivilDate(value);
}

/**
 * Working-day lateness of an act done on `eventDay` with `allowedWorkdays`, judged on `doneDay` (core calendar).
 *
 * @example
 * workdayDeadline('2024-03-15', 5, '2024-03-20').onTime; // true
 */
export function workdayDeadline(
  eventDay: string,
  allowedWorkdays: number,
  doneDay: string,
): { deadline: string; onTime: boolean; workdaysLate: number } {
  const r = workdayLateness(eventDay, doneDay, allowedWorkdays);
  return { deadline: String(r.deadline), onTime: r.onTime, workdaysLate: r.workdaysLate };
}

/**
 * The n-th working day after `day` (core calendar).
 *
 * @example
 * addWorkdaysAdapter('2024-03-15', 1); // '2024-03-18'
 */
export function addWorkdaysAdapter(day: string, n: number): string {
  return String(addWorkdays(day, n));
}

/**
 * The China civil date ('YYYY-MM-DD', Asia/Shanghai) of an instant.
 *
 * @example
 * chinaDate(new Date('2024-03-15T20:00:00Z')); // '2024-03-16'
 */
export function chinaDate(now: Date): string {
  return String(chinaToday(now));
}

/**
 * The act date of a behaviour record (core `tryBehaviourActDate`), or undefined.
 *
 * @example
 * actDateOf({ kind: 'inspection', checkDate: '2024-03-05' }); // '2024-03-05'
 */
export function actDateOf(record: unknown): string | undefined {
  const d = tryBehaviourActDate(record);
  return d === undefined ? undefined : String(d);
}
