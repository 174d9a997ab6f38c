// The default rule set is built without zod at import: it must be exactly what qualityRuleSetSchema makes of it.
import { expect, it } from 'vitest';
import { defaultQualityRuleSet, qualityRuleSetSchema } from '../../src/index.js';

it('defaultQualityRuleSet passes qualityRuleSetSchema unchanged (values and key order)', () => {
  const parsed = qualityRuleSetSchema.safeParse(defaultQualityRuleSet);
  expect(parsed.error?.issues).toBeUndefined();
  expect(parsed.data).toEqual(defaultQualityRuleSet);
  expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(defaultQualityRuleSet));
});
