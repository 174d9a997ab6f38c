import { createHash } from 'node:crypto';
import { canonicalJson } from '@jianguan/core';
import { invalidArgument, objectArgument, stringArgument, stringsArgument } from '../errors/arguments.js';

/**
 * JSON with object keys sorted at every level, so equal values always serialise identically
 * (`@jianguan/core`'s `canonicalJson`).
 *
 * @example
 * stableStringify({ b: 1, a: [2, { d: 1, c: 0 }] }); // '{"a":[2,{"c":0,"d":1}],"b":1}'
 */
export function stableStringify(value: unknown): string {
  return canonicalJson(value);
}

/**
 * The idempotency key of one record write (幂等键): derived from the source, the record family, the record id,
 * the operation and a hash of the record content — the same on every retry and after a restart, different for a
 * genuinely new update of the same record.
 *
 * @example
 * recordIdempotencyKey({ source: '330000-01', kind: 'behaviours', recordId: 'r1', operation: 'I', record: { recordId: 'r1' } });
 */
export function recordIdempotencyKey(input: {
  readonly source: string;
  readonly kind: string;
  readonly recordId: string;
  readonly operation: 'I' | 'U' | 'D';
  readonly record?: unknown;
}): string {
  const i = objectArgument(input, ['input']);
  for (const name of ['source', 'kind', 'recordId'] as const) stringArgument(i[name], ['input', name]);
  if (i.operation !== 'I' && i.operation !== 'U' && i.operation !== 'D') {
    throw invalidArgument(
      ['input', 'operation'],
      { zh: "'I'、'U' 或 'D'", en: "'I', 'U' or 'D'" },
      i.operation,
    );
  }
  const content =
    input.operation === 'D'
      ? ''
      : createHash('sha256')
          .update(stableStringify(input.record ?? null))
          .digest('hex');
  const digest = createHash('sha256')
    .update([input.source, input.kind, input.recordId, input.operation, content].join('\u0000'))
    .digest('hex');
  return `jg1-${digest.slice(0, 40)}`;
}

/**
 * The idempotency key of one batch request: a hash of its batch number and its item keys (order-independent).
 * A retry of the request reuses it; the same records sent again in a new batch get a new key and are then
 * recognised one by one as duplicates.
 *
 * @example
 * batchIdempotencyKey('2024031500001', ['jg1-a', 'jg1-b']) === batchIdempotencyKey('2024031500001', ['jg1-b', 'jg1-a']); // true
 */
export function batchIdempotencyKey(batchNo: string, itemKeys: readonly string[]): string {
  stringArgument(batchNo, ['batchNo']);
  stringsArgument(itemKeys, ['itemKeys']);
  const digest = createHash('sha256')
    .update(`${batchNo}\n${[...itemKeys].sort().join('\n')}`)
    .digest('hex');
  return `jgb-${digest.slice(0, 40)}`;
}
