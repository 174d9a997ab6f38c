/*
 * Duplicate rules (重复性检查): `duplicate_record_id` (the same record id twice in a batch) and
 * `duplicate_key` (the same business key twice). The batch engine (`../batch.ts`) finds the pairs by
 * 64-bit key hashes; this module says what a key is and reports a duplicate.
 */
import { describeValue } from '../../errors/index.js';
import { type ActiveRule, emit, type Sink } from '../issue-sink.js';
import type { KeyHasher } from '../key-index.js';

/** Business-key parts that may be empty (a record without a source or sub-item still has a key). */
export const OPTIONAL_KEY_PARTS: ReadonlySet<string> = new Set(['source', 'subItemCode', 'unionUnitNo']);

/** A business-key part: the field's string value; '' for a missing optional part; undefined otherwise. */
export function keyPart(value: unknown, optional: boolean): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  return optional ? '' : undefined;
}

/**
 * Feeds the business key of `rec` (the `fields`, in order) to `hasher`; false when a required part is
 * missing (the record has no key to compare).
 */
export function hashBusinessKey(
  hasher: KeyHasher,
  rec: Readonly<Record<string, unknown>>,
  fields: readonly string[],
  optional: readonly boolean[],
): boolean {
  for (let i = 0; i < fields.length; i++) {
    const part = keyPart(rec[fields[i]!], optional[i] === true);
    if (part === undefined) return false;
    hasher.add(part);
  }
  return true;
}

/** Whether two records of one type have the same business key (the exact re-check of a hash match). */
export function sameBusinessKey(
  r: Readonly<Record<string, unknown>>,
  s: Readonly<Record<string, unknown>>,
  fields: readonly string[],
  optional: readonly boolean[],
): boolean {
  for (let i = 0; i < fields.length; i++) {
    const opt = optional[i] === true;
    if (keyPart(r[fields[i]!], opt) !== keyPart(s[fields[i]!], opt)) return false;
  }
  return true;
}

/** `duplicate_record_id`: the record's id repeats record `first` (0-based). */
export function reportDuplicateId(
  sink: Sink,
  rule: ActiveRule,
  field: string,
  id: unknown,
  first: number,
): void {
  emit(sink, rule, 'duplicate_record_id', field, id, {
    zh: `记录唯一标识“${typeof id === 'string' ? id : describeValue(id)}”与第${first + 1}条记录重复`,
    en: `record id "${typeof id === 'string' ? id : describeValue(id)}" duplicates record ${first + 1}`,
  });
}

/** `duplicate_key`: the record's business key (`fields`) repeats record `first` (0-based). */
export function reportDuplicateKey(
  sink: Sink,
  rule: ActiveRule,
  fields: readonly string[],
  rec: Readonly<Record<string, unknown>>,
  first: number,
): void {
  const field = fields[fields.length - 1] ?? '';
  emit(sink, rule, 'duplicate_key', field, rec[field], {
    zh: `业务主键（${fields.join('+')}）与第${first + 1}条记录重复`,
    en: `business key (${fields.join(' + ')}) duplicates record ${first + 1}`,
  });
}
