import { describe, expectTypeOf, it } from 'vitest';
import {
  forPublication,
  type GradingResult,
  type InternalGrade,
  type PublicGradingRecord,
  toPublicRecord,
} from '../src/index.js';

declare const result: GradingResult;

describe('grades stay internal in the types', () => {
  it('the grade is branded', () => {
    expectTypeOf(result.grade).toEqualTypeOf<InternalGrade>();
    // It still reads as a string.
    expectTypeOf(result.grade).toExtend<string>();
    // A plain string is not an internal grade.
    expectTypeOf<string>().not.toExtend<InternalGrade>();
  });

  it('a public record has no grade unless opted in', () => {
    expectTypeOf(toPublicRecord(result)).toEqualTypeOf<PublicGradingRecord>();
    expectTypeOf(toPublicRecord(result)).not.toHaveProperty('grade');
    expectTypeOf(toPublicRecord(result, { includeGrade: true, reason: 'x' }))
      .toHaveProperty('grade')
      .toEqualTypeOf<string>();
    // @ts-expect-error — opting in takes `includeGrade: true` and a reason.
    toPublicRecord(result, { includeGrade: false, reason: 'x' });
  });

  it('a publication payload cannot hold an internal grade, however deep', () => {
    forPublication({ entityId: result.entityId });
    // @ts-expect-error — the grade is internal.
    forPublication({ entityId: result.entityId, grade: result.grade });
    // @ts-expect-error — nested too.
    forPublication({ rows: [{ grade: result.grade }] });
    // @ts-expect-error — a whole grading result contains the grade.
    forPublication(result);
    // An explicitly declassified string is fine.
    forPublication({ grade: String(result.grade) });
    const base = { entityId: 'X', asOf: '2026-01-01', ruleSetId: 's', ruleSetVersion: '1' };
    // @ts-expect-error — a public record type has no grade property to fill.
    const pub: PublicGradingRecord = { ...base, grade: result.grade };
    void pub;
  });
});
