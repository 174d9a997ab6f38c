import {
  behaviourRecordSchema,
  catalogItemSchema,
  clueFeedbackSchema,
  complaintSchema,
  creditRecordSchema,
  drawnObjectSchema,
  inspectionListSchema,
  officerSchema,
  qualityCheck,
  regulatedEntitySchema,
  riskClueSchema,
  spotCheckPlanSchema,
} from '@jianguan/core';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { compulsion, entities, inspection, otherBehaviour, others, penalty, TODAY } from './fixtures.js';

/**
 * 质检 must refuse every record the record schemas refuse on a field's type (null, a number for a string, an
 * object, an array, a boolean, …): a department's client runs the quality check before upload, and a record it
 * lets through but the province's schema refuses would otherwise leave the department.
 */
const CASES: { name: string; schema: z.ZodType; recordType: string; record: Record<string, unknown> }[] = [
  { name: 'inspection', schema: behaviourRecordSchema, recordType: 'auto', record: inspection() },
  { name: 'penalty', schema: behaviourRecordSchema, recordType: 'auto', record: penalty() },
  { name: 'compulsion', schema: behaviourRecordSchema, recordType: 'auto', record: compulsion() },
  { name: 'other', schema: behaviourRecordSchema, recordType: 'auto', record: otherBehaviour() },
  ...Object.entries(entities).map(([name, record]) => ({
    name,
    schema: regulatedEntitySchema as z.ZodType,
    recordType: 'auto',
    record: { ...record } as Record<string, unknown>,
  })),
  {
    name: 'catalogItem',
    schema: catalogItemSchema,
    recordType: 'catalogItem',
    record: { ...others.catalogItem },
  },
  {
    name: 'inspectionList',
    schema: inspectionListSchema,
    recordType: 'inspectionList',
    record: { ...others.inspectionList },
  },
  { name: 'officer', schema: officerSchema, recordType: 'officer', record: { ...others.officer } },
  { name: 'complaint', schema: complaintSchema, recordType: 'complaint', record: { ...others.complaint } },
  { name: 'riskClue', schema: riskClueSchema, recordType: 'riskClue', record: { ...others.riskClue } },
  {
    name: 'clueFeedback',
    schema: clueFeedbackSchema,
    recordType: 'clueFeedback',
    record: { ...others.clueFeedback },
  },
  {
    name: 'creditRecord',
    schema: creditRecordSchema,
    recordType: 'creditRecord',
    record: { ...others.creditRecord },
  },
  {
    name: 'spotCheckPlan',
    schema: spotCheckPlanSchema,
    recordType: 'spotCheckPlan',
    record: { ...others.spotCheckPlan },
  },
  {
    name: 'drawnObject',
    schema: drawnObjectSchema,
    recordType: 'drawnObject',
    record: { ...others.drawnObject },
  },
];

const JUNK: [string, unknown][] = [
  ['null', null],
  ['number', 12345],
  ['object', { a: 1 }],
  ['array of numbers', [1]],
  ['boolean', true],
  ['NaN', Number.NaN],
];

describe('质检 refuses whatever the record schemas refuse on a field type', () => {
  for (const c of CASES) {
    it(`${c.name}: null or wrong-typed fields`, () => {
      expect(c.schema.safeParse(c.record).success).toBe(true);
      const gaps: string[] = [];
      for (const field of Object.keys(c.record)) {
        if (field === 'kind' || field === 'entityClass') continue;
        for (const [label, value] of JUNK) {
          const record = { ...c.record, [field]: value };
          if (c.schema.safeParse(record).success) continue;
          const report = qualityCheck([record], { recordType: c.recordType as never, today: TODAY });
          if (!report.issues.some((i) => i.severity === 'error' && i.field.startsWith(field)))
            gaps.push(`${field}=${label}`);
        }
      }
      expect(gaps).toEqual([]);
    });
  }
});
