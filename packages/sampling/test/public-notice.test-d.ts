import type { CodeTable, WorkdayCalendar } from '@jianguan/core';
import type { GradeMeasures, GradeMeasuresSpec, measuresTable } from '@jianguan/credit-rules';
import { expectTypeOf, test } from 'vitest';
import type {
  GradedSamplingMeasures,
  GradeSamplingMeasures,
  PublicNotice,
  PublicNoticeEntry,
  ResultCodeTable,
  SampledId,
  strataFromGradeMeasures,
  WorkdayAdder,
} from '../src/index.js';

test('public notices have no internal fields at the type level', () => {
  expectTypeOf<PublicNoticeEntry>().not.toHaveProperty('grade');
  expectTypeOf<PublicNoticeEntry>().not.toHaveProperty('riskLevel');
  expectTypeOf<PublicNoticeEntry>().not.toHaveProperty('rank');
  expectTypeOf<PublicNotice['frames'][number]>().not.toHaveProperty('key');
  expectTypeOf<keyof PublicNoticeEntry>().toEqualTypeOf<
    | 'taskId'
    | 'department'
    | 'entityId'
    | 'entityName'
    | 'inspectionDate'
    | 'resultCodes'
    | 'resultLabels'
    | 'publishBy'
  >();
});

test('sampleIds picks have the contract shape', () => {
  expectTypeOf<SampledId>().toEqualTypeOf<{
    readonly id: string;
    readonly ticket: string;
    readonly generation: number;
  }>();
});

test('credit-rules measures satisfy the adapter input', () => {
  expectTypeOf<GradeMeasures>().toExtend<GradedSamplingMeasures>();
  expectTypeOf<GradeMeasuresSpec>().toExtend<GradeSamplingMeasures>();
  expectTypeOf<ReturnType<typeof measuresTable>>().toExtend<Parameters<typeof strataFromGradeMeasures>[0]>();
});

test('core calendars and code tables satisfy the publication inputs', () => {
  expectTypeOf<WorkdayCalendar>().toExtend<WorkdayAdder>();
  expectTypeOf<CodeTable>().toExtend<ResultCodeTable>();
});
