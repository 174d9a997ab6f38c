/**
 * Boundary checks for untyped callers (issue #11, total functions): junk becomes a {@link KpiError}
 * `invalid_options` with a field path instead of a `TypeError` from deep inside.
 */
import { EXPECTED, type Expected, expectedFailure, type FieldPath, isRecord } from '@jianguan/core';
import { KpiError } from './kpi-error.js';

/** Throws {@link KpiError} `invalid_options` at `path`: `what` in English and Chinese, and the value. */
export function badArgument(path: FieldPath, what: Expected, value: unknown): never {
  throw new KpiError('invalid_options', ...expectedFailure(path, what, value));
}

const { object: OBJECT, array: ARRAY, string: STRING, number: NUMBER } = EXPECTED;

/** {@link requireObject} without narrowing the caller's typed parameter. */
export function checkObject(value: unknown, path: FieldPath): void {
  if (!isRecord(value)) badArgument(path, OBJECT, value);
}

/** `value` is an object (or, with `optional`, `undefined`). */
export function requireObject(
  value: unknown,
  path: FieldPath,
  optional = false,
): asserts value is Record<string, unknown> {
  if (optional && value === undefined) return;
  if (!isRecord(value)) badArgument(path, OBJECT, value);
}

function fields(
  value: Record<string, unknown>,
  path: FieldPath,
  kind: 'string' | 'number',
  keys: readonly string[],
): void {
  for (const key of keys)
    if (typeof value[key] !== kind)
      badArgument([...path, key], kind === 'string' ? STRING : NUMBER, value[key]);
}

function localized(value: unknown, path: FieldPath): void {
  requireObject(value, path);
  fields(value, path, 'string', ['zh', 'en']);
}

/** A scorecard (from `scoreIndicators`, possibly through JSON) as far as the exports read it. */
export function requireScorecard(card: unknown, path: FieldPath = ['card']): void {
  requireObject(card, path);
  fields(card, path, 'string', ['setId', 'setVersion', 'period', 'start', 'end', 'asOf']);
  fields(card, path, 'number', ['deductionScore', 'deductionPoints', 'bonusEarned', 'total']);
  localized(card.setName, [...path, 'setName']);
  requireObject(card.unit, [...path, 'unit']);
  fields(card.unit, [...path, 'unit'], 'string', ['id']);
  if (card.unit.name !== undefined && typeof card.unit.name !== 'string')
    badArgument([...path, 'unit', 'name'], STRING, card.unit.name);
  for (const key of ['indicators', 'dimensions', 'vetoes'] as const)
    if (!Array.isArray(card[key])) badArgument([...path, key], ARRAY, card[key]);
  (card.indicators as unknown[]).forEach((indicator, i) => {
    const at = [...path, 'indicators', i];
    requireObject(indicator, at);
    fields(indicator, at, 'string', ['id', 'dimension', 'kind', 'metric', 'status']);
    fields(indicator, at, 'number', ['points', 'score', 'deducted']);
    localized(indicator.name, [...at, 'name']);
    for (const key of ['windows', 'deductions', 'source'] as const) {
      const list = indicator[key];
      if (!Array.isArray(list)) badArgument([...at, key], ARRAY, list);
      list.forEach((entry, j) => {
        requireObject(entry, [...at, key, j]);
      });
    }
  });
  (card.dimensions as unknown[]).forEach((dimension, i) => {
    const at = [...path, 'dimensions', i];
    requireObject(dimension, at);
    fields(dimension, at, 'string', ['dimension', 'nameEn']);
    fields(dimension, at, 'number', ['points', 'score']);
  });
}

/** A comparison (from `compareUnits`) as far as the exports read it. */
export function requireComparison(comparison: unknown, path: FieldPath = ['comparison']): void {
  requireObject(comparison, path);
  fields(comparison, path, 'string', ['setId', 'setVersion', 'period']);
  for (const key of ['rows', 'scorecards'] as const)
    if (!Array.isArray(comparison[key])) badArgument([...path, key], ARRAY, comparison[key]);
  (comparison.rows as unknown[]).forEach((row, i) => {
    requireObject(row, [...path, 'rows', i]);
    requireObject(row.dimensions, [...path, 'rows', i, 'dimensions']);
  });
  (comparison.scorecards as unknown[]).forEach((card, i) => {
    requireScorecard(card, [...path, 'scorecards', i]);
  });
}

/** `value` is an array (or, with `optional`, `undefined`). */
export function requireArray(value: unknown, path: FieldPath, optional = false): void {
  if (optional && value === undefined) return;
  if (!Array.isArray(value)) badArgument(path, ARRAY, value);
}

/** Options objects: `undefined` is the defaults; anything but an object is a typed error. */
export function requireOptions(options: unknown, path: FieldPath = ['options']): void {
  if (!isRecord(options)) badArgument(path, OBJECT, options);
}
