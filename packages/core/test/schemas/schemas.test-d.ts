import type {
  BehaviourRecord,
  InspectionRecord,
  Officer,
  QualityResult,
  RegulatedEntity,
} from '@jianguan/core';
import { behaviourActDate, qualityCheck } from '@jianguan/core';
import { expectTypeOf, test } from 'vitest';

test('inferred record types', () => {
  expectTypeOf<InspectionRecord['checkDate']>().toEqualTypeOf<string>();
  expectTypeOf<InspectionRecord['checkPersonnel']>().toEqualTypeOf<string[]>();
  expectTypeOf<InspectionRecord['randomPlanId']>().toEqualTypeOf<string | undefined>();
  expectTypeOf<Extract<BehaviourRecord, { kind: 'penalty' }>['fineAmount']>().toEqualTypeOf<
    number | undefined
  >();
  expectTypeOf<Extract<BehaviourRecord, { kind: 'penalty' }>['hearingHeld']>().toEqualTypeOf<boolean>();
  expectTypeOf<BehaviourRecord['kind']>().toEqualTypeOf<'inspection' | 'penalty' | 'compulsion' | 'other'>();
  expectTypeOf<RegulatedEntity['entityClass']>().toEqualTypeOf<
    'enterprise' | 'individualBusiness' | 'otherOrganisation' | 'naturalPerson'
  >();
  expectTypeOf<Officer['lawEnforcementCertNo']>().toEqualTypeOf<string>();
});

test('qualityCheck is sync over arrays and async over async iterables', () => {
  expectTypeOf(qualityCheck([])).toEqualTypeOf<QualityResult>();
  async function* gen() {
    yield {};
  }
  expectTypeOf(qualityCheck(gen())).toEqualTypeOf<Promise<QualityResult>>();
  expectTypeOf(behaviourActDate).returns.toEqualTypeOf<string>();
});
