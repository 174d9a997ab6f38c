import { describe, expect, it } from 'vitest';
import { detectEncoding, readCsv, readJsonl } from '../../src/io/index.js';

type Outcome = { rows: unknown[]; error?: string; encoding?: string | undefined };

async function read(source: Uint8Array | Uint8Array[], reader = 'csv'): Promise<Outcome> {
  const rows: unknown[] = [];
  let encoding: string | undefined;
  const options = { onEncoding: (e: string) => (encoding = e) } as const;
  try {
    const it = reader === 'csv' ? readCsv(source, options) : readJsonl(source, options);
    for await (const item of it) rows.push(item);
    return { rows, encoding };
  } catch (error) {
    return { rows, error: (error as { code?: string }).code ?? 'untyped', encoding };
  }
}

function split(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

const gbk = (text: string): Uint8Array => {
  // '中国' in GBK is D6 D0 B9 FA; build GBK text from a small table of known characters.
  const table: Record<string, number[]> = { 中: [0xd6, 0xd0], 国: [0xb9, 0xfa] };
  return Uint8Array.from([...text].flatMap((c) => table[c] ?? [c.charCodeAt(0)]));
};

describe('chunked reading equals whole-buffer reading', () => {
  it('a U+FEFF inside the data is kept whatever the chunking; only a leading BOM is dropped', async () => {
    const bytes = new TextEncoder().encode('\uFEFFa,b\n1,\uFEFFx\n');
    const whole = await read(bytes);
    expect(whole.rows).toEqual([{ line: 2, record: { a: '1', b: '\uFEFFx' } }]);
    for (const size of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) expect(await read(split(bytes, size))).toEqual(whole);
    // ASCII first, then a chunk that starts with U+FEFF: it is data, not a BOM.
    const late = new TextEncoder().encode('a,b\n1,\uFEFFx\n');
    expect((await read(late)).rows).toEqual([{ line: 2, record: { a: '1', b: '\uFEFFx' } }]);
    expect(await read([late.subarray(0, 6), late.subarray(6)])).toEqual(await read(late));
  });

  it('the encoding does not depend on where the chunks end', async () => {
    // 100 bytes of valid UTF-8 after the first non-ASCII byte, then GBK bytes.
    const utf8Part = new TextEncoder().encode(`名称\n${'中'.repeat(40)}\n`);
    const bytes = Uint8Array.from([...utf8Part, ...gbk('中国\n')]);
    const whole = await read(bytes);
    expect(whole.encoding).toBe('gb18030'); // the whole window decides, not its first 64 bytes
    for (const size of [1, 7, 64, 65, 100, 128]) expect(await read(split(bytes, size))).toEqual(whole);
    // UTF-8 beyond the sniffing window, then GBK: UTF-8 in every chunking, and the bad byte is an error.
    const long = Uint8Array.from([
      ...new TextEncoder().encode(`名称\n${'中\n'.repeat(2000)}`),
      ...gbk('中国\n'),
    ]);
    const longWhole = await read(long);
    expect(longWhole.encoding).toBe('utf-8');
    expect(longWhole.error).toBe('invalid_encoding');
    expect(longWhole.rows).toHaveLength(2000);
    for (const size of [1000, 4096, 4097, 5000]) expect(await read(split(long, size))).toEqual(longWhole);
    // Pure GBK decides GB 18030 in every chunking.
    const gb = gbk('名,b\n中国,1\n'.replace('名', '中'));
    const gbWhole = await read(gb);
    expect(gbWhole.encoding).toBe('gb18030');
    expect(gbWhole.rows).toEqual([{ line: 2, record: { 中: '中国', b: '1' } }]);
    for (const size of [1, 2, 3, 5]) expect(await read(split(gb, size))).toEqual(gbWhole);
  });

  it('a BOM split over chunks is still a BOM; text before a bad UTF-8 byte is read the same', async () => {
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"a":1}\n{"b":2}\n'), 0xff]);
    const whole = await read(bom, 'jsonl');
    expect(whole.encoding).toBe('utf-8');
    expect(whole.error).toBe('invalid_encoding');
    expect(whole.rows).toHaveLength(2);
    for (const size of [1, 2, 4]) expect(await read(split(bom, size), 'jsonl')).toEqual(whole);
    expect(detectEncoding(bom)).toBe('utf-8');
  });
});

describe('readers at the boundary', () => {
  it('null options mean the defaults; a missing file is an InputFileError, not a raw ENOENT', async () => {
    const bytes = new TextEncoder().encode('a,b\n1,2\n');
    const rows: unknown[] = [];
    for await (const item of readCsv(bytes, null as never)) rows.push(item);
    expect(rows).toEqual([{ line: 2, record: { a: '1', b: '2' } }]);
    const missing = readJsonl('/nonexistent/jianguan-fuzz.jsonl');
    await expect(missing.next()).rejects.toMatchObject({ name: 'InputFileError', code: 'unreadable_file' });
  });
});
