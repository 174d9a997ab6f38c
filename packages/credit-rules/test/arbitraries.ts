import { fc } from '@fast-check/vitest';
import type { CreditFact, EntityCreditProfile } from '../src/index.js';
import { addCalendar } from '../src/index.js';

const DAY0 = '2015-01-01';
/** A civil date between 2015-01-01 and about 2027-12-31. */
export const date = fc.integer({ min: 0, max: 4745 }).map((d) => addCalendar(DAY0, { days: d }));

const penaltyKinds = fc.uniqueArray(
  fc.constantFrom('01', '02', '03', '04', '05', '08', '10', '12', '13', '14' as const),
  { minLength: 1, maxLength: 3 },
) as fc.Arbitrary<('01' | '02' | '03' | '04' | '05' | '08' | '10' | '12' | '13' | '14')[]>;

const id = fc.string({ minLength: 1, maxLength: 6 }).map((s) => `R-${s}`);

function withRemoval<T extends { listedAt: string }>(
  a: fc.Arbitrary<T>,
): fc.Arbitrary<T & { removedAt?: string }> {
  return fc
    .tuple(a, fc.option(fc.integer({ min: 1, max: 2000 }), { nil: undefined }))
    .map(([f, days]) => (days === undefined ? f : { ...f, removedAt: addCalendar(f.listedAt, { days }) }));
}

/** Facts that can only make an entity look worse (penalties, listings, problems, breaches). */
export const negativeFact: fc.Arbitrary<CreditFact> = fc.oneof(
  fc.record({
    kind: fc.constant('penalty' as const),
    id,
    decisionDate: date,
    penaltyKinds,
    fineAmount: fc.integer({ min: 0, max: 500_000 }),
  }),
  withRemoval(
    fc.record({
      kind: fc.constant('abnormal_list' as const),
      id,
      reason: fc.constantFrom('1', '2', '3', '4' as const),
      listedAt: date,
    }),
  ),
  withRemoval(fc.record({ kind: fc.constant('serious_list' as const), id, listedAt: date })),
  withRemoval(fc.record({ kind: fc.constant('court_dishonesty' as const), id, listedAt: date })),
  fc.record({
    kind: fc.constant('spot_check' as const),
    id,
    date,
    resultCodes: fc.uniqueArray(fc.constantFrom('2', '3', '6', '8', 'A', 'B', 'C', 'G' as const), {
      minLength: 1,
      maxLength: 2,
    }),
  }),
  fc.record({
    kind: fc.constant('complaint' as const),
    id,
    receivedAt: date,
    substantiated: fc.constant(true),
  }),
  fc.record({
    kind: fc.constant('commitment_breach' as const),
    id,
    commitmentId: id,
    date,
    outcome: fc.constantFrom('missed', 'failed' as const),
  }),
) as fc.Arbitrary<CreditFact>;

/** Neutral or positive facts. */
export const otherFact: fc.Arbitrary<CreditFact> = fc.oneof(
  fc.record({ kind: fc.constant('spot_check' as const), id, date, resultCodes: fc.constant(['1' as const]) }),
  fc.record({
    kind: fc.constant('complaint' as const),
    id,
    receivedAt: date,
    substantiated: fc.constant(false),
  }),
  fc.record({
    kind: fc.constant('external_grade' as const),
    id,
    source: fc.constantFrom('public-credit', 'industry'),
    grade: fc.constantFrom('A', 'B', 'C', 'D', '差'),
    issuedAt: date,
  }),
) as fc.Arbitrary<CreditFact>;

/** Any fact, optionally recorded later than it happened. */
export const anyFact: fc.Arbitrary<CreditFact> = fc
  .tuple(fc.oneof(negativeFact, otherFact), fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }))
  .map(([f, lag]) => {
    if (lag === undefined) return f;
    const d =
      f.kind === 'penalty'
        ? f.decisionDate
        : 'listedAt' in f
          ? f.listedAt
          : 'date' in f
            ? f.date
            : 'receivedAt' in f
              ? f.receivedAt
              : f.issuedAt;
    return { ...f, recordedAt: addCalendar(d, { days: lag }) };
  });

export const profile: fc.Arbitrary<EntityCreditProfile> = fc.record({
  entityId: fc.constant('91330100799655058B'),
  registeredAt: date,
  facts: fc.array(anyFact, { maxLength: 8 }),
});
