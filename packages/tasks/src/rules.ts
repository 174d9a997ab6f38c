import { SOURCE_STATUSES, type SourceStatus } from '@jianguan/core';
import { z } from 'zod';

/**
 * How well a rule's number is backed (依据状态): the subset of core's {@link SourceStatus} task rules accept —
 * `verified` (checked against a published text), `seed-stated` (stated in one of the five government plans
 * jianguan was built from) or `inferred` (no source found, a configurable default).
 *
 * @deprecated Use `SourceStatus` from `@jianguan/core` (this alias is `Extract<SourceStatus, 'verified' |
 * 'seed-stated' | 'inferred'>`, the values {@link ruleSourceSchema} accepts).
 * @example
 * const s: RuleStatus = 'seed-stated';
 */
export type RuleStatus = Extract<SourceStatus, 'verified' | 'seed-stated' | 'inferred'>;

/**
 * The source of a rule (规则依据): a quoted reference, its status and the day it was last checked.
 *
 * @example
 * const r: RuleSource = {
 *   ref: 'seed 004 (义乌) 三(三)2: 在5个工作日内100%认领接收',
 *   status: 'seed-stated',
 *   checked: '2026-12-02',
 * };
 */
export interface RuleSource {
  readonly ref: string;
  /** How sure the source is: `verified`, `seed-stated` or `inferred` (core's {@link SourceStatus}). */
  readonly status: Extract<SourceStatus, 'verified' | 'seed-stated' | 'inferred'>;
  /** `YYYY-MM-DD`. */
  readonly checked: string;
  readonly note?: string | undefined;
}

const civilDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD');

/**
 * The zod schema of {@link RuleSource}.
 *
 * @example
 * ruleSourceSchema.parse({ ref: 'seed 002 art. 14', status: 'seed-stated', checked: '2026-12-02' });
 */
export const ruleSourceSchema = z.object({
  ref: z.string().min(1),
  status: z.enum(SOURCE_STATUSES).extract(['verified', 'seed-stated', 'inferred']),
  checked: civilDate,
  note: z.string().min(1).optional(),
});

/** The date every built-in rule was last checked against its source. @internal */
export const CHECKED = '2026-12-02';

/** @internal */
export const civilDateSchema = civilDate;
