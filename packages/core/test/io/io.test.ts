import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { uscc } from '../../src/index.js';
import {
  detectEncoding,
  InputFileError,
  parseCsvRows,
  type RecordErrorItem,
  type RecordItem,
  readCsv,
  readJson,
  readJsonl,
  readRecords,
} from '../../src/io/index.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const expected = [
  {
    line: 2,
    record: {
      行为名称: '日常检查（食品）',
      统一社会信用代码: '91330100799655058B',
      检查结果: '01',
      备注: '含逗号，和"引号"',
    },
  },
  {
    line: 3,
    record: {
      行为名称: '专项检查',
      统一社会信用代码: '９１３３０１００７９９６５５０５８Ｂ',
      检查结果: '02',
      备注: '跨行\r\n备注',
    },
  },
  {
    line: 6,
    record: { 行为名称: '抽查', 统一社会信用代码: '9144030071526726XG', 检查结果: '未发现问题', 备注: '' },
  },
];

describe('readCsv', () => {
  it.each([
    ['behaviours-gbk.csv', 'gb18030'],
    ['behaviours-utf8-bom.csv', 'utf-8'],
  ])('reads %s (detected %s) with physical line numbers', async (name, encoding) => {
    let detected: string | undefined;
    const items = await collect(readCsv(fixture(name), { onEncoding: (e) => (detected = e) }));
    expect(detected).toBe(encoding);
    expect(items).toEqual(expected);
    expect(uscc.isValid(items[1]!.record.统一社会信用代码)).toBe(true);
  });

  it('reads a Buffer, a Readable with 1-byte chunks, and string chunks alike', async () => {
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(fixture('behaviours-gbk.csv'));
    expect(await collect(readCsv(bytes))).toEqual(expected);
    const oneByte = Readable.from([...bytes].map((b) => Buffer.of(b)));
    expect(await collect(readCsv(oneByte))).toEqual(expected);
    const text = new TextDecoder('gb18030').decode(bytes);
    expect(await collect(readCsv([text.slice(0, 7), text.slice(7)]))).toEqual(expected);
  });

  it('GBK after a long ASCII prefix is still detected', async () => {
    const ascii = `name,code\n${'x,1\n'.repeat(5000)}`;
    const gbk = Buffer.from([0xd6, 0xd0, 0xb9, 0xfa, 0x2c, 0x32, 0x0a]); // "中国,2\n" in GBK
    const items = await collect(readCsv(Buffer.concat([Buffer.from(ascii), gbk])));
    expect(items.at(-1)).toEqual({ line: 5002, record: { name: '中国', code: '2' } });
  });

  it('explicit encodings are respected; bad UTF-8 is an error', async () => {
    const gbk = Buffer.from([0x61, 0x0a, 0xd6, 0xd0, 0x0a]);
    expect(await collect(readCsv(gbk, { encoding: 'gbk' }))).toEqual([{ line: 2, record: { a: '中' } }]);
    await expect(collect(readCsv(gbk, { encoding: 'utf-8' }))).rejects.toMatchObject({
      code: 'invalid_encoding',
    });
  });

  it('maps headers, accepts a given header, trims, and supports TSV', async () => {
    const items = await collect(
      readCsv(Buffer.from('名称\t代码\n 甲 \t1\n'), {
        delimiter: '\t',
        trim: true,
        mapHeader: (h) => (h === '名称' ? 'name' : 'code'),
      }),
    );
    expect(items).toEqual([{ line: 2, record: { name: '甲', code: '1' } }]);
    expect(await collect(readCsv([Buffer.from('1,2\n')], { header: ['x', 'y'] }))).toEqual([
      { line: 1, record: { x: '1', y: '2' } },
    ]);
  });

  it('reports structural errors with line numbers', async () => {
    await expect(collect(readCsv(Buffer.from('a,b\n1,"2\n3,4\n')))).rejects.toMatchObject({
      code: 'invalid_csv',
      line: 2,
    });
    await expect(collect(readCsv(Buffer.from('a,b\n1,2"x"\n')))).rejects.toBeInstanceOf(InputFileError);
    await expect(collect(readCsv(Buffer.from('a,a\n1,2\n')))).rejects.toMatchObject({ line: 1 });
    const items = await collect(readCsv(Buffer.from('a,b\n1,2,3\n4,5,\n6\n'), { errors: 'yield' }));
    expect(items).toEqual([
      { line: 2, error: expect.objectContaining({ code: 'invalid_csv', line: 2 }) },
      { line: 3, record: { a: '4', b: '5' } },
      { line: 4, record: { a: '6', b: '' } },
    ]);
  });

  it('a "__proto__" header is an ordinary field', async () => {
    const [item] = await collect(readCsv(Buffer.from('__proto__,b\n1,2\n')));
    expect(Object.getPrototypeOf(item!.record)).toBe(Object.prototype);
    expect(Object.keys(item!.record)).toEqual(['__proto__', 'b']);
  });

  test.prop([
    fc.array(fc.array(fc.string({ unit: 'grapheme', maxLength: 6 }), { minLength: 2, maxLength: 2 }), {
      minLength: 1,
      maxLength: 8,
    }),
    fc.integer({ min: 1, max: 9 }),
    fc.constantFrom('\n', '\r\n'),
  ])('RFC 4180 round-trip, any chunking, line = physical start line', async (rows, chunkSize, eol) => {
    const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
    const lines = [['h1', 'h2'], ...rows].map((r) => r.map(quote).join(','));
    const text = lines.join(eol) + eol;
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += chunkSize) chunks.push(text.slice(i, i + chunkSize));
    const parsed = await collect(parseCsvRows(chunks));
    expect(parsed.map((r) => r.fields)).toEqual([['h1', 'h2'], ...rows]);
    let line = 1;
    parsed.forEach((r, i) => {
      expect(r.line).toBe(line);
      line += (lines[i]!.match(/\r\n|\n|\r/g) ?? []).length + 1;
    });
  });
});

describe('readJsonl', () => {
  const text = '{"a":1}\n\n{"a":2}\r\nnot json\n{"a":\n[1,2]\n';
  it('yields records and structured errors with line numbers', async () => {
    const items = (await collect(readJsonl(Buffer.from(text), { errors: 'yield' }))) as (
      | RecordItem<unknown>
      | RecordErrorItem
    )[];
    expect(items.map((i) => ('error' in i ? `E${i.line}` : `${i.line}:${JSON.stringify(i.record)}`))).toEqual(
      ['1:{"a":1}', '3:{"a":2}', 'E4', 'E5', '6:[1,2]'],
    );
    const error = (items[2] as RecordErrorItem).error;
    expect(error).toBeInstanceOf(InputFileError);
    expect(error.code).toBe('invalid_json');
    expect(error.messages.zh).toContain('第 4 行');
  });

  it('throws at the first bad line by default', async () => {
    await expect(collect(readJsonl(Buffer.from(text)))).rejects.toMatchObject({
      code: 'invalid_json',
      line: 4,
    });
  });
});

describe('readJson', () => {
  it('streams array elements with their start lines', async () => {
    const text = '[\n  {"a": "x,]}"},\n  {"b": [1, {"c": 2}]},\n  3,\n  "s\\"]"\n]\n';
    const chunks = [...text].map((c) => Buffer.from(c));
    expect(await collect(readJson(chunks))).toEqual([
      { line: 2, record: { a: 'x,]}' } },
      { line: 3, record: { b: [1, { c: 2 }] } },
      { line: 4, record: 3 },
      { line: 5, record: 's"]' },
    ]);
    expect(await collect(readJson(Buffer.from('[]')))).toEqual([]);
  });

  it('reports bad elements and a bad top level', async () => {
    const items = await collect(
      readJson(Buffer.from('[\n{"a":1},\n{bad},\n{"c":3}\n]'), { errors: 'yield' }),
    );
    expect(items).toEqual([
      { line: 2, record: { a: 1 } },
      { line: 3, error: expect.objectContaining({ code: 'invalid_json', line: 3 }) },
      { line: 4, record: { c: 3 } },
    ]);
    await expect(collect(readJson(Buffer.from('{"a":1}')))).rejects.toMatchObject({
      code: 'invalid_json',
      line: 1,
    });
    await expect(collect(readJson(Buffer.from('[1,2')))).rejects.toMatchObject({ code: 'invalid_json' });
    await expect(collect(readJson(Buffer.from('[1,,2]')))).rejects.toMatchObject({ code: 'invalid_json' });
    await expect(collect(readJson(Buffer.from('[1] x')))).rejects.toMatchObject({ code: 'invalid_json' });
  });
});

describe('readRecords', () => {
  it('chooses the reader by extension', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jianguan-io-'));
    writeFileSync(join(dir, 'a.jsonl'), '{"x":1}\n');
    writeFileSync(join(dir, 'a.json'), '[{"x":2}]');
    writeFileSync(join(dir, 'a.tsv'), 'x\ty\n3\t4\n');
    expect(await collect(readRecords(join(dir, 'a.jsonl')))).toEqual([{ line: 1, record: { x: 1 } }]);
    expect(await collect(readRecords(join(dir, 'a.json')))).toEqual([{ line: 1, record: { x: 2 } }]);
    expect(await collect(readRecords(join(dir, 'a.tsv')))).toEqual([{ line: 2, record: { x: '3', y: '4' } }]);
    expect(await collect(readRecords(fixture('behaviours-gbk.csv')))).toEqual(expected);
    expect(() => readRecords(join(dir, 'a.xlsx'))).toThrow(
      expect.objectContaining({ code: 'unsupported_file_type' }),
    );
  });

  it('a missing file rejects', async () => {
    await expect(collect(readRecords('/nonexistent/x.csv'))).rejects.toThrow();
  });
});

describe('detectEncoding', () => {
  it('tells UTF-8 from GBK', () => {
    expect(detectEncoding(Buffer.from('中国', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from([0xd6, 0xd0, 0xb9, 0xfa]))).toBe('gb18030');
  });
});
