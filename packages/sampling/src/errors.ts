import { JianguanError, type JianguanErrorOptions, type LocalizedMessage } from '@jianguan/core';

/**
 * A bad input to a sampling function (抽查参数错误): duplicate ids, a negative `take`, an unknown stratum, …
 *
 * @example
 * try {
 *   sampleIds(['a', 'a'], { seed: '1' });
 * } catch (error) {
 *   if (error instanceof SamplingInputError) console.log(error.code); // 'duplicate_ids'
 * }
 */
export class SamplingInputError extends JianguanError {
  override readonly name = 'SamplingInputError' as const;
  constructor(code: string, messages: LocalizedMessage, options: JianguanErrorOptions = {}) {
    super(code, messages, options);
  }
}

/**
 * A rule of the draw log was broken (抽查记录违规): appending a record that rewrites an earlier one, a redraw
 * without a reason or with the same seed, …
 *
 * @example
 * try {
 *   log.append(sameRecordAgain);
 * } catch (error) {
 *   if (error instanceof DrawLogError) console.log(error.code); // 'duplicate_record'
 * }
 */
export class DrawLogError extends JianguanError {
  override readonly name = 'DrawLogError' as const;
  constructor(code: string, messages: LocalizedMessage, options: JianguanErrorOptions = {}) {
    super(code, messages, options);
  }
}
