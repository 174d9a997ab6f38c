import { describe, it } from 'vitest';
import { type InputSource, readCsv, readJson, readJsonl } from '../../src/io/index.js';
import { expectClean, fc, fuzzAsync, runs, target } from './harness.js';

type Reader = 'csv' | 'jsonl' | 'json';

interface Outcome {
  readonly items: unknown[];
  readonly error?: string;
  readonly encoding?: string | undefined;
}

async function read(reader: Reader, source: InputSource, delimiter = ','): Promise<Outcome> {
  const items: unknown[] = [];
  let encoding: string | undefined;
  const options = { errors: 'yield' as const, onEncoding: (e: string) => (encoding = e) };
  try {
    const it =
      reader === 'csv'
        ? readCsv(source, { ...options, delimiter })
        : reader === 'jsonl'
          ? readJsonl(source, options)
          : readJson(source, options);
    for await (const item of it) {
      items.push('error' in item ? { line: item.line, error: item.error.code } : item);
    }
    return { items, encoding };
  } catch (error) {
    if ((error as { name?: string }).name !== 'InputFileError') throw error;
    return { items, error: (error as { code: string }).code, encoding };
  }
}

/** The bytes cut at the given points (sorted, deduplicated), as a list of chunks. */
function cut(bytes: Uint8Array, points: readonly number[]): Uint8Array[] {
  const at = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of at) {
    out.push(bytes.subarray(from, p));
    from = p;
  }
  out.push(bytes.subarray(from));
  return out;
}

/** Same records, errors and (when the read got to the end) encoding. A reader that stops early may stop
 * before the encoding is decided, so `onEncoding` is compared only for complete reads. */
const same = (a: Outcome, b: Outcome): boolean =>
  JSON.stringify([a.items, a.error]) === JSON.stringify([b.items, b.error]) &&
  (a.error !== undefined || a.encoding === b.encoding);

/** A GB 2312 character as GBK bytes (lead B0–F7, trail A1–FE: all assigned in GBK). */
const gbChar = fc.tuple(fc.integer({ min: 0xb0, max: 0xf7 }), fc.integer({ min: 0xa1, max: 0xfe }));
const asciiPiece = fc.constantFrom(...'ab,;\t"\n\r 1=+-@'.split('')).map((c) => [c.charCodeAt(0)]);
const gbkBytes = fc
  .array(fc.oneof(asciiPiece, gbChar), { maxLength: 120 })
  .map((parts) => Uint8Array.from(parts.flat()));
const utf8Bytes = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom(...'ab,;\t"\n\r \uFEFF中国'.split('')),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    ),
    maxLength: 80,
  })
  .map((s) => new TextEncoder().encode(s));
const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 200 }),
  gbkBytes,
  utf8Bytes,
  fc
    .tuple(fc.constantFrom(Uint8Array.of(0xef, 0xbb, 0xbf), new Uint8Array(0)), utf8Bytes, gbkBytes)
    .map(([a, b, c]) => Uint8Array.from([...a, ...b, ...c])),
);
const cuts = fc.array(fc.nat(), { maxLength: 8 });

describe('fuzz: readers', () => {
  for (const reader of ['csv', 'jsonl', 'json'] as const) {
    it(`${reader}: random bytes (GBK, UTF-8, junk), chunked == whole, only InputFileError`, async () => {
      const t = target(
        `core read${reader === 'csv' ? 'Csv' : reader === 'json' ? 'Json' : 'Jsonl'} (bytes, chunked vs whole)`,
      );
      await fuzzAsync(
        t,
        fc.tuple(anyBytes, cuts, fc.constantFrom(',', '\t', ';')),
        runs(100, 40_000),
        'typed',
        async ([bytes, points, delimiter]) => {
          const whole = await read(reader, bytes, delimiter);
          const chunked = await read(reader, cut(bytes, points), delimiter);
          if (!same(whole, chunked))
            return `chunked ${JSON.stringify(chunked)} ≠ whole ${JSON.stringify(whole)}`;
          const oneByOne = await read(
            reader,
            cut(
              bytes,
              Array.from({ length: bytes.length }, (_, i) => i),
            ),
            delimiter,
          );
          if (!same(whole, oneByOne)) return 'byte-by-byte differs from whole';
          return undefined;
        },
      );
      expectClean(t);
    });
  }

  it('csv: written records read back exactly (UTF-8 and GBK), in any chunking', async () => {
    const t = target('core readCsv (round trip)');
    const cell = fc.string({ unit: fc.constantFrom(...'ab ,;"\n\r\t=-中国\uFEFF'.split('')), maxLength: 6 });
    const table = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 5 }))
      .chain(([cols, rows]) =>
        fc.tuple(
          fc.uniqueArray(
            fc.string({ unit: fc.constantFrom(...'abc中'.split('')), minLength: 1, maxLength: 3 }),
            { minLength: cols, maxLength: cols },
          ),
          fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), {
            minLength: rows,
            maxLength: rows,
          }),
        ),
      );
    await fuzzAsync(
      t,
      fc.tuple(table, fc.boolean(), fc.constantFrom('\n', '\r\n'), cuts),
      runs(100, 40_000),
      'typed',
      async ([[header, rows], bom, eol, points]) => {
        const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
        const text = `${bom ? '\uFEFF' : ''}${[header, ...rows].map((r) => r.map(quote).join(',')).join(eol)}${eol}`;
        const bytes = new TextEncoder().encode(text);
        const expected = rows
          .filter((r) => r.length > 0)
          .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
        for (const source of [bytes, cut(bytes, points)]) {
          const got = await read('csv', source);
          const records = got.items.map((i) => (i as { record?: unknown }).record);
          if (got.error !== undefined || JSON.stringify(records) !== JSON.stringify(expected)) {
            return `read back ${JSON.stringify(got)} ≠ written ${JSON.stringify(expected)}`;
          }
        }
        return undefined;
      },
    );
    expectClean(t);
  });

  it('jsonl and json: written values read back exactly, in any chunking', async () => {
    const t = target('core readJsonl/readJson (round trip)');
    await fuzzAsync(
      t,
      fc.tuple(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 6 }), fc.constantFrom(0, 2), cuts),
      runs(100, 30_000),
      'typed',
      async ([values, indent, points]) => {
        const expected = JSON.parse(JSON.stringify(values)) as unknown[];
        const lines = new TextEncoder().encode(values.map((v) => JSON.stringify(v)).join('\n'));
        const array = new TextEncoder().encode(JSON.stringify(values, null, indent));
        for (const [reader, bytes] of [
          ['jsonl', lines],
          ['json', array],
        ] as const) {
          for (const source of [bytes, cut(bytes, points)]) {
            const got = await read(reader, source);
            const records = got.items.map((i) => (i as { record?: unknown }).record);
            if (got.error !== undefined || JSON.stringify(records) !== JSON.stringify(expected)) {
              return `${reader}: read back ${JSON.stringify(got)} ≠ written ${JSON.stringify(expected)}`;
            }
          }
        }
        return undefined;
      },
    );
    expectClean(t);
  });
});
