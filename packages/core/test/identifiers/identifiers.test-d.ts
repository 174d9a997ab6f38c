import { expectTypeOf, test } from 'vitest';
import {
  type IdentifierCheckResult,
  type IdentifierModule,
  InvalidChecksumError,
  type InvalidFormatError,
  orgCode,
  regionCode,
  residentId,
  uscc,
} from '../../src/index.js';

test('every namespace satisfies IdentifierModule', () => {
  expectTypeOf(uscc).toMatchTypeOf<IdentifierModule>();
  expectTypeOf(orgCode).toMatchTypeOf<IdentifierModule>();
  expectTypeOf(residentId).toMatchTypeOf<IdentifierModule>();
  expectTypeOf(regionCode).toMatchTypeOf<IdentifierModule>();
  expectTypeOf(uscc.check('x')).toEqualTypeOf<IdentifierCheckResult>();
});

test('errors carry literal names and codes', () => {
  const e = new InvalidChecksumError({ zh: '错', en: 'bad' });
  expectTypeOf(e.name).toEqualTypeOf<'InvalidChecksumError'>();
  expectTypeOf(e.code).toEqualTypeOf<'invalid_checksum'>();
  expectTypeOf(e).toMatchTypeOf<InvalidFormatError>();
  expectTypeOf(residentId.sex('34052419800101001X')).toEqualTypeOf<'male' | 'female'>();
});
