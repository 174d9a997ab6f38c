import { describeValue } from './describe.js';
import { type Expected, expectedMessage } from './expected.js';
import { JianguanError } from './jianguan-error.js';

const ARGUMENT = { zhLead: '参数 ' } as const;

/**
 * A positional argument of the wrong kind (参数无效), typically from an untyped caller or parsed JSON: code
 * `invalid_argument`, `path` `[argumentName]`, or `[argumentName, …]` for a bad part of it (no `'options'`
 * prefix: an options object is an {@link InvalidOptionsError}). `details.actual` is the value rendered with
 * {@link describeValue}, as in {@link InvalidOptionsError}.
 *
 * @example
 * isLeapYear('2024' as never); // throws InvalidArgumentError
 * const error = new InvalidArgumentError('year', EXPECTED.number, '2024');
 * error.code; // 'invalid_argument'
 * error.path; // ['year']
 * error.messages.en; // 'year must be a number, not "2024"'
 * new InvalidArgumentError(['levels', 'major'], EXPECTED.boolean, 1).messages.zh; // '参数 levels.major 应为布尔值，实际为 1'
 */
export class InvalidArgumentError extends JianguanError {
  override readonly name = 'InvalidArgumentError' as const;
  declare readonly code: 'invalid_argument';

  /**
   * @param argument The argument's name, or its name followed by the path to the bad part inside it.
   * @param expected What the value must be, in both languages.
   * @param actual The value received.
   */
  constructor(
    argument: string | readonly [string, ...(string | number)[]],
    expected: Expected,
    actual: unknown,
  ) {
    const path = typeof argument === 'string' ? [argument] : [...argument];
    super('invalid_argument', expectedMessage(path, expected, actual, ARGUMENT), {
      path,
      details: { actual: describeValue(actual) },
    });
  }
}
