import { describeValue } from './describe.js';
import { type Expected, expectedMessage } from './expected.js';
import { JianguanError } from './jianguan-error.js';

const OPTIONS = { zhLead: '选项 ' } as const;

/**
 * An options argument of the wrong shape (选项无效), typically from an untyped caller or parsed JSON: code
 * `invalid_options`, `path` `['options', field]`. A bad positional argument is an {@link InvalidArgumentError}
 * instead.
 *
 * @example
 * try { lookupCode('checkType', '01', { asOf: 20240101 } as never); }
 * catch (error) { (error as InvalidOptionsError).path; } // ['options', 'asOf']
 */
export class InvalidOptionsError extends JianguanError {
  override readonly name = 'InvalidOptionsError' as const;
  declare readonly code: 'invalid_options';

  constructor(field: string | undefined, expected: Expected, actual: unknown) {
    const path = field === undefined ? ['options'] : ['options', field];
    super('invalid_options', expectedMessage(path, expected, actual, OPTIONS), {
      path,
      details: { actual: describeValue(actual) },
    });
  }
}
