import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  batchIdempotencyKey,
  buildOpenApiDocument,
  ClientOptionsError,
  ENDPOINTS,
  formatBatchNo,
  parseBatchNo,
  recordIdempotencyKey,
  redactUrl,
  redactValue,
  stableStringify,
  validateOpenApiDocument,
} from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('batch numbers (cd_batch)', () => {
  it.each([
    ['2019-04-11', 2, '2019041100002'],
    ['2024-12-31', 99_999, '2024123199999'],
    ['2024-01-01', 1, '2024010100001'],
  ])('formatBatchNo(%s, %d) = %s and parses back', (date, seq, expected) => {
    expect(formatBatchNo(date, seq)).toBe(expected);
    expect(parseBatchNo(expected)).toEqual({ date, sequence: seq });
  });
  it.each([
    ['2024-1-1', 1],
    ['2024-01-01', 0],
    ['2024-01-01', 100_000],
    ['2024-01-01', 1.5],
  ])('rejects %s / %d', (date, seq) => {
    expect(() => formatBatchNo(date, seq)).toThrow(ClientOptionsError);
  });
  it('parseBatchNo returns undefined for malformed input', () => {
    expect(parseBatchNo('20240101001')).toBeUndefined();
  });
});

describe('idempotency keys', () => {
  const base = { source: 's', kind: 'behaviours', recordId: 'r1', operation: 'I' as const };
  test.prop([fc.dictionary(fc.string(), fc.jsonValue())])(
    'do not depend on key order of the record',
    (record) => {
      const reversed = Object.fromEntries(Object.entries(record).reverse());
      expect(recordIdempotencyKey({ ...base, record })).toBe(
        recordIdempotencyKey({ ...base, record: reversed }),
      );
      expect(stableStringify(record)).toBe(stableStringify(reversed));
    },
  );
  it('differ by operation, record id, source and content; a delete ignores content', () => {
    const k = recordIdempotencyKey({ ...base, record: { a: 1 } });
    expect(recordIdempotencyKey({ ...base, operation: 'U', record: { a: 1 } })).not.toBe(k);
    expect(recordIdempotencyKey({ ...base, recordId: 'r2', record: { a: 1 } })).not.toBe(k);
    expect(recordIdempotencyKey({ ...base, source: 't', record: { a: 1 } })).not.toBe(k);
    expect(recordIdempotencyKey({ ...base, record: { a: 2 } })).not.toBe(k);
    expect(recordIdempotencyKey({ ...base, operation: 'D', record: { a: 1 } })).toBe(
      recordIdempotencyKey({ ...base, operation: 'D' }),
    );
  });
  test.prop([fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 20 })])(
    'batch keys are order-independent',
    (keys) => {
      expect(batchIdempotencyKey('2024010100001', keys)).toBe(
        batchIdempotencyKey('2024010100001', [...keys].reverse()),
      );
      expect(batchIdempotencyKey('2024010100002', keys)).not.toBe(batchIdempotencyKey('2024010100001', keys));
    },
  );
});

describe('redaction', () => {
  it('redacts signatures, secrets and tokens in URLs and bodies', () => {
    const url = redactUrl('http://gw/api/x.htm?appKey=k&sign=abc&requestTime=1&access_token=t');
    expect(url).not.toContain('abc');
    expect(url).not.toMatch(/access_token=t(&|$)/);
    expect(url).toContain('requestTime=1');
    expect(redactValue({ datas: { requestSecret: 's', refreshSecret: 'r', count: 1 } })).toEqual({
      datas: { requestSecret: '[REDACTED]', refreshSecret: '[REDACTED]', count: 1 },
    });
  });
});

describe('OpenAPI 3.1 document', () => {
  it('is generated from the zod schemas, covers every endpoint, and validates', () => {
    const doc = buildOpenApiDocument();
    expect(validateOpenApiDocument(doc)).toEqual([]);
    const paths = doc.paths as Record<string, Record<string, { operationId: string }>>;
    const ids = Object.values(paths).flatMap((p) => Object.values(p).map((op) => op.operationId));
    expect(ids.sort()).toEqual(ENDPOINTS.map((e) => e.id).sort());
    // core's inspection schema is embedded in the behaviour upload body
    const text = JSON.stringify(paths['/v1/behaviours/batches']);
    expect(text).toContain('checkPersonnel');
    expect(text).toContain('Idempotency-Key');
  });

  it('the validator catches broken documents', () => {
    expect(validateOpenApiDocument({ openapi: '3.0.0', info: {}, paths: {} }).length).toBeGreaterThan(0);
    const broken = buildOpenApiDocument();
    const paths = broken.paths as Record<
      string,
      Record<string, { parameters: unknown[]; responses: unknown }>
    >;
    paths['/v1/clues/{warningId}/feedback']!.post!.parameters = [];
    (paths['/v1/clues']!.get as unknown as Record<string, unknown>).extra = {
      $ref: '#/components/schemas/Nope',
    };
    const problems = validateOpenApiDocument(broken);
    expect(problems.some((p) => p.includes('{warningId}'))).toBe(true);
    expect(problems.some((p) => p.includes('unresolved $ref'))).toBe(true);
  });

  it('the published document in docs/openapi is up to date', () => {
    const published = JSON.parse(
      readFileSync(join(here, '../../../docs/openapi/provincial-interface-v1.json'), 'utf8'),
    );
    expect(published).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });
});
