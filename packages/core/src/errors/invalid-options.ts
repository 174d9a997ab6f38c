import { describeValue } from './describe.js';
import { JianguanError } from './jianguan-error.js';

/**
 * An options argument of the wrong shape (选项无效), typically from an untyped caller or parsed JSON: code
 * `invalid_options`, `path` `['options', field]`.
 *
 * @example
 * try { lookupCode('checkType', '01', { asOf: 20240101 } as never); }
 * catch (error) { (error as InvalidOptionsError).path; } // ['options', 'asOf']
 */
export class InvalidOptionsError extends JianguanError {
  override readonly name = 'InvalidOptionsError' as const;
  declare readonly code: 'invalid_options';

  constructor(
    field: string | undefined,
    expected: { readonly en: string; readonly zh: string },
    actual: unknown,
  ) {
    const where = field === undefined ? 'options' : `options.${field}`;
    super(
      'invalid_options',
      {
        zh: `选项 ${where} 应为${expected.zh}，实际为 ${describeValue(actual)}`,
        en: `${where} must be ${expected.en}, not ${describeValue(actual)}`,
      },
      {
        path: field === undefined ? ['options'] : ['options', field],
        details: { actual: describeValue(actual) },
      },
    );
  }
}
