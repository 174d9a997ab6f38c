// Issue 18: as a library, kpi never puts raw zod English into a Chinese message line (it uses core's
// describeZodError). Each valid indicator set is broken one field at a time and every zh line is checked.
import { describe, expect, it } from 'vitest';
import { checkZhMessages } from '../../core/test/support/zh-messages.js';
import { baselineIndicatorSet, defineIndicatorSet } from '../src/index.js';

describe('Chinese messages of invalid data carry no raw zod English', () => {
  it('defineIndicatorSet (the baseline set)', () => {
    expect(() => defineIndicatorSet(baselineIndicatorSet)).not.toThrow();
    const { rejected, problems } = checkZhMessages(baselineIndicatorSet, (d) => defineIndicatorSet(d));
    expect(rejected).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});
