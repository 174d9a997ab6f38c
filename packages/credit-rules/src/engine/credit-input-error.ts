import { JianguanError } from '@jianguan/core';

/**
 * Thrown when grading input is malformed: a bad as-of date or a profile that fails its schema.
 *
 * @example
 * try { gradeEntity([], { ruleSet, asOf: '2026-13-01' }); } catch (e) { (e as CreditInputError).path; } // ['asOf']
 */
export class CreditInputError extends JianguanError {
  override readonly name = 'CreditInputError' as const;
}
