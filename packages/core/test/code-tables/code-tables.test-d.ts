import { expectTypeOf, test } from 'vitest';
import { type CodeOf, codeTableEnum, getCodeTable } from '../../src/index.js';

test('built-in tables have literal code types', () => {
  expectTypeOf<CodeOf<'checkType'>>().toEqualTypeOf<'01' | '02'>();
  expectTypeOf(getCodeTable('checkForm').entries[0]!.code).toEqualTypeOf<'01' | '02' | '99'>();
  const parsed = codeTableEnum('checkMode').parse('1');
  expectTypeOf(parsed).toEqualTypeOf<'1' | '2' | '3'>();
});
