// Credit-rule source statuses are core's SourceStatus vocabulary (one definition): core gained `unverified`
// (recalled, or read only in a low-authority copy), the credit packages accept their documented subset, and
// shipped data keeps saying what it said.
import { type SourceStatus as CoreSourceStatus, publicCitation, SOURCE_STATUSES } from '@jianguan/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  defaultPublicityRegimes,
  parsePublicityRegimes,
  parseRuleSet,
  type RegimeSource,
  type SourceCitation,
  type SourceStatus,
  samrBaselineRuleSet,
  sdFiveClassRuleSet,
} from '../src/index.js';
import { creditSourceStatusSchema } from '../src/rule-set/schema.js';

const CREDIT = ['verified', 'inferred', 'unverified'] as const;

/** Every object with a string `status` inside `value`, with the text it cites. */
function sourcesIn(
  value: unknown,
  out: { status: string; ref: string }[] = [],
): { status: string; ref: string }[] {
  if (Array.isArray(value)) for (const v of value) sourcesIn(v, out);
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.status === 'string' && (typeof o.doc === 'string' || typeof o.ref === 'string'))
      out.push({ status: o.status, ref: String(o.title ?? o.ref ?? o.doc) });
    for (const v of Object.values(o)) sourcesIn(v, out);
  }
  return out;
}

describe('credit-rules source status', () => {
  it('is the documented subset of core SourceStatus, unverified included', () => {
    expectTypeOf<SourceStatus>().toExtend<CoreSourceStatus>();
    expectTypeOf<SourceStatus>().toEqualTypeOf<Extract<CoreSourceStatus, (typeof CREDIT)[number]>>();
    expectTypeOf<SourceCitation['status']>().toEqualTypeOf<SourceStatus>();
    expectTypeOf<RegimeSource['status']>().toEqualTypeOf<SourceStatus>();
    expect(SOURCE_STATUSES).toContain('unverified');
    expect(creditSourceStatusSchema.options).toEqual(
      SOURCE_STATUSES.filter((s) => (CREDIT as readonly string[]).includes(s)),
    );
  });

  it('shipped rule sets and regimes keep their statuses (unverified is not mapped) and cite through core', () => {
    const sources = sourcesIn([samrBaselineRuleSet, sdFiveClassRuleSet, defaultPublicityRegimes]);
    expect(sources.length).toBeGreaterThan(20);
    expect(new Set(sources.map((s) => s.status))).toEqual(new Set(CREDIT));
    for (const s of sources) {
      expect(SOURCE_STATUSES).toContain(s.status);
      // Before core knew `unverified`, publicCitation threw on these.
      expect(() => publicCitation(s.ref, s.status as CoreSourceStatus)).not.toThrow();
    }
  });

  it('parses old data with unverified, and refuses statuses credit data does not use', () => {
    const data = structuredClone(samrBaselineRuleSet) as unknown as {
      rules: { source: { status: string } }[];
    };
    data.rules[0]!.source.status = 'unverified';
    expect(parseRuleSet(data).rules[0]?.source.status).toBe('unverified');
    data.rules[0]!.source.status = 'seed-stated';
    expect(() => parseRuleSet(data)).toThrow();
    const regimes = parsePublicityRegimes(structuredClone(defaultPublicityRegimes));
    expect(sourcesIn(regimes).some((s) => s.status === 'unverified')).toBe(true);
    for (const status of ['confirmed', 'partial', 'seed-stated'])
      expect(creditSourceStatusSchema.safeParse(status).success).toBe(false);
  });
});
