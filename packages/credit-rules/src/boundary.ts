/**
 * Boundary checks for untyped callers (issue #11, total functions): each turns junk into the package's typed
 * error with a field path instead of a `TypeError` from deep inside. Cheap structural checks only, so the
 * grading hot path is not slowed.
 */
import {
  EXPECTED,
  type Expected,
  expectedFailure,
  type FieldPath,
  isCivilDate,
  isRecord,
} from '@jianguan/core';
import type { z } from 'zod';
import { CreditInputError } from './engine/credit-input-error.js';

/** Throws a {@link CreditInputError} `invalid_input` at `path`: `what` in English and Chinese, and the value. */
export function badInput(path: FieldPath, what: Expected, value: unknown): never {
  throw new CreditInputError('invalid_input', ...expectedFailure(path, what, value));
}

/** `value` is a plain object (or, with `optional`, `undefined`). */
export function requireObject(value: unknown, path: FieldPath, optional = false): void {
  if (optional && value === undefined) return;
  if (!isRecord(value)) badInput(path, EXPECTED.object, value);
}

/** `value` parses with `schema`; else a {@link CreditInputError} `code` at `path` + the issue's path. */
export function requireSchema<T>(schema: z.ZodType<T>, value: unknown, path: FieldPath, code: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const at = [...path, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  throw new CreditInputError(
    code,
    {
      zh: `输入无效（${at.join('.')}）：${issue.message}`,
      en: `invalid input at ${at.join('.')}: ${issue.message}`,
    },
    { path: at },
  );
}

const FACT_DATE: Readonly<Record<string, string>> = {
  penalty: 'decisionDate',
  abnormal_list: 'listedAt',
  serious_list: 'listedAt',
  court_dishonesty: 'listedAt',
  spot_check: 'date',
  complaint: 'receivedAt',
  commitment_breach: 'date',
  external_grade: 'issuedAt',
};

/**
 * A credit fact as far as its dates go: an object with a known `kind`, its date field, and `recordedAt` /
 * `removedAt` when present, all `YYYY-MM-DD` strings naming real days.
 */
export function requireFactDates(fact: unknown, path: FieldPath = ['fact']): void {
  if (!isRecord(fact)) badInput(path, { en: 'a credit fact object', zh: '信用信息对象' }, fact);
  const field =
    typeof fact.kind === 'string' && Object.hasOwn(FACT_DATE, fact.kind) ? FACT_DATE[fact.kind] : undefined;
  if (field === undefined)
    badInput(
      [...path, 'kind'],
      { en: `one of ${Object.keys(FACT_DATE).join(', ')}`, zh: '已知的信用信息种类' },
      fact.kind,
    );
  for (const [key, optional] of [
    [field, false],
    ['recordedAt', true],
    ['removedAt', true],
    ['revokedAt', true],
    ['validUntil', true],
  ] as const) {
    const v = fact[key];
    if (optional && v === undefined) continue;
    if (!isCivilDate(v)) badInput([...path, key], { en: 'a date YYYY-MM-DD', zh: 'YYYY-MM-DD 日期' }, v);
  }
}
