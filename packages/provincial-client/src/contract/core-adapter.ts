/**
 * The one place this package touches `@jianguan/core`'s record schemas, quality check (质检) and working-day
 * calendar, so the rest of the package depends on a small, stable surface.
 */

import type { QualityResult, RecordType } from '@jianguan/core';
import {
  addWorkdays,
  behaviourRecordSchema,
  catalogItemSchema,
  clueFeedbackSchema,
  complaintSchema,
  drawnObjectSchema,
  inspectionListSchema,
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
import { invalidArgument, objectArgument } from '../errors/arguments.js';

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
  if (typeof name !== 'string' || !Object.hasOwn(SCHEMAS, name)) {
    throw invalidArgument(
      ['name'],
      {
        zh: `core 记录模式名（${Object.keys(SCHEMAS).join('、')}）`,
        en: `a core record schema name (${Object.keys(SCHEMAS).join(', ')})`,
      },
      name,
    );
  }
  return SCHEMAS[name];
}

/**
 * What a {@link QualityCheckFunction} returns: core's {@link QualityResult} (批次质检结果), the
 * `issuesTruncated` flag optional. The issues are core's `QualityIssue`.
 *
 * @example
 * const r: QualityReport = { total: 1, passed: 1, failed: 0, passRate: 1, issues: [] };
 */
export type QualityReport = Omit<QualityResult, 'issuesTruncated'> & { readonly issuesTruncated?: boolean };

/**
 * A quality check (质检) as a function: core's `qualityCheck` or any function of the same shape. (Core's
 * `QualityChecker` is the compiled checker object `createQualityChecker` returns; this is the plug-in point.)
 *
 * @example
 * const accept: QualityCheckFunction = (records) => ({ total: records.length, passed: records.length, failed: 0, passRate: 1, issues: [] });
 */
export type QualityCheckFunction = (
  records: readonly unknown[],
  options?: QualityCheckContext,
) => QualityReport;

/**
 * What a {@link QualityCheckFunction} is told about the records: core's record type (`'auto'` reads `kind` /
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
export const defaultQualityCheck: QualityCheckFunction = (records, options) => {
  const context = objectArgument(options, ['options'], true) as QualityCheckContext;
  return qualityCheck(records, {
    recordType: (context.recordType ?? 'auto') as RecordType | 'auto',
    ...(context.today === undefined ? {} : { today: context.today }),
  });
};

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
 * The act date of a behaviour record (core `tryBehaviourActDate`), or undefined.
 *
 * @example
 * actDateOf({ kind: 'inspection', checkDate: '2024-03-05' }); // '2024-03-05'
 */
export function actDateOf(record: unknown): string | undefined {
  const d = tryBehaviourActDate(record);
  return d === undefined ? undefined : String(d);
}
