import type { JianguanErrorOptions, LocalizedMessage } from '@jianguan/core';
import { JianguanError } from '@jianguan/core';

/**
 * Stable codes of {@link KpiError}.
 *
 * @example
 * const code: KpiErrorCode = 'invalid_period';
 */
export type KpiErrorCode =
  | 'invalid_indicator_set'
  | 'invalid_period'
  | 'invalid_kpi_data'
  | 'invalid_unit'
  | 'invalid_options';

/**
 * An error raised by `@jianguan/kpi` (考核评分错误): a bad indicator set, period, unit or input record.
 *
 * @example
 * try {
 *   parsePeriod('2023-Q5');
 * } catch (error) {
 *   if (error instanceof KpiError) console.log(error.code); // 'invalid_period'
 * }
 */
export class KpiError extends JianguanError {
  override readonly name = 'KpiError' as const;

  constructor(code: KpiErrorCode, messages: LocalizedMessage, options: JianguanErrorOptions = {}) {
    super(code, messages, options);
  }
}
