import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { describeValue } from '../errors/describe.js';
import { InputFileError, readerOptions } from './errors.js';
import type { InputSource, ReadOptions } from './types.js';

type Chunk = Uint8Array | string;

function isAsyncIterable(value: unknown): value is AsyncIterable<Chunk> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
function isIterable(value: unknown): value is Iterable<Chunk> {
  return typeof value === 'object' && value !== null && Symbol.iterator in value;
}

/** @internal The source as an async iterable of chunks. */
export async function* sourceChunks(source: InputSource): AsyncGenerator<Chunk> {
  if (typeof source === 'string') {
    try {
      yield* createReadStream(source) as AsyncIterable<Buffer>;
    } catch (cause) {
      const code = (cause as { code?: unknown })?.code;
      throw new InputFileError(
        'unreadable_file',
        {
          zh: `无法读取文件 ${source}${typeof code === 'string' ? `（${code}）` : ''}`,
          en: `cannot read the file ${source}${typeof code === 'string' ? ` (${code})` : ''}`,
        },
        { cause, details: { path: source, ...(typeof code === 'string' ? { errno: code } : {}) } },
      );
    }
  } else if (source instanceof Uint8Array) {
    yield source;
  } else if (isAsyncIterable(source)) {
    yield* source;
  } else if (isIterable(source)) {
    yield* source;
  } else {
    throw new InputFileError('invalid_source', {
      zh: '输入源必须是文件路径、字节数组或数据流',
      en: 'the source must be a file path, a Uint8Array or a stream of chunks',
    });
  }
}

/**
 * How many bytes from the first non-ASCII byte decide the encoding in `'auto'` mode (编码探测窗口): the same
 * bytes whatever the chunking, so a stream read in pieces is decoded exactly like the whole buffer.
 *
 * @example
 * ENCODING_SNIFF_BYTES; // 4096
 */
export const ENCODING_SNIFF_BYTES = 4096;

function firstNonAscii(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return i;
  return -1;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

interface Utf8Scan {
  /** Offset of the first byte of the first invalid sequence, or -1. */
  readonly invalidAt: number;
  /** Offset after the last complete character (an incomplete sequence may follow up to the end). */
  readonly completeEnd: number;
}

/** Scans UTF-8 by the WHATWG decoder's rules (what `TextDecoder` with `fatal: true` rejects). */
function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return { invalidAt: i, completeEnd: i };
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return { invalidAt: -1, completeEnd: i };
      const c = bytes[i + k]!;
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (c < min || c > max) return { invalidAt: i, completeEnd: i };
    }
    i += need + 1;
  }
  return { invalidAt: -1, completeEnd: n };
}

/**
 * Whether bytes are valid UTF-8 (an incomplete sequence at the very end counts as valid: more may follow).
 *
 * @example
 * isUtf8(new TextEncoder().encode('中国')); // true
 * isUtf8(Uint8Array.of(0xd6, 0xd0, 0xb9, 0xfa)); // false ('中国' in GBK)
 */
export function isUtf8(bytes: Uint8Array): boolean {
  if (!(bytes instanceof Uint8Array)) return false;
  return scanUtf8(bytes).invalidAt < 0;
}

function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * The readers' encoding decision on the bytes seen so far (`atEnd`: they are all the bytes), or `undefined`
 * when more bytes are needed. `atStart`: `bytes` begins at the first byte of the stream (a BOM counts).
 */
function sniff(bytes: Uint8Array, atStart: boolean, atEnd: boolean): 'utf-8' | 'gb18030' | undefined {
  if (atStart && hasBom(bytes)) return 'utf-8';
  const at = firstNonAscii(bytes);
  if (at < 0) return atEnd ? 'utf-8' : undefined;
  let window: Uint8Array;
  let complete: boolean;
  if (bytes.length - at > ENCODING_SNIFF_BYTES) {
    window = bytes.subarray(at, at + ENCODING_SNIFF_BYTES);
    complete = false;
  } else if (atEnd) {
    window = bytes.subarray(at);
    complete = true;
  } else return undefined;
  const scan = scanUtf8(window);
  return scan.invalidAt < 0 && (!complete || scan.completeEnd === window.length) ? 'utf-8' : 'gb18030';
}

/**
 * Guesses the encoding of a whole buffer exactly as the readers do: a UTF-8 BOM → `'utf-8'`; otherwise the
 * {@link ENCODING_SNIFF_BYTES} bytes from the first non-ASCII byte decide — valid UTF-8 → `'utf-8'`, anything
 * else → `'gb18030'` (GBK/GB 2312 text as Excel writes it is read correctly by GB 18030). Pure ASCII and
 * non-bytes → `'utf-8'`.
 *
 * @example
 * detectEncoding(Buffer.from('名称,代码\n', 'utf8')); // 'utf-8'
 */
export function detectEncoding(bytes: Uint8Array): 'utf-8' | 'gb18030' {
  if (!(bytes instanceof Uint8Array)) return 'utf-8';
  return sniff(bytes, true, true) ?? 'utf-8';
}

/** The last offset + 1 up to which GB 18030 bytes can be decoded on their own (after a byte < 0x30). */
function gbSafeEnd(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= 0; i--) if (bytes[i]! < 0x30) return i + 1;
  return 0;
}

/**
 * @internal Decodes a byte source to text chunks. The text is the same for every chunking of the same bytes:
 * with `encoding: 'auto'` ASCII is passed through until the first non-ASCII byte, then the
 * {@link ENCODING_SNIFF_BYTES} bytes from there (or all the rest) decide, as {@link detectEncoding} does on the
 * whole buffer. UTF-8 is decoded strictly: the text before the first invalid byte is yielded, then
 * `invalid_encoding` is thrown. Only a leading U+FEFF (byte-order mark) is dropped; one inside the data stays.
 */
export async function* decodeSource(
  source: InputSource,
  options?: ReadOptions | null,
): AsyncGenerator<string> {
  options = readerOptions(options) as ReadOptions;
  const requested = options.encoding ?? 'auto';
  if (requested !== 'auto' && requested !== 'utf-8' && requested !== 'gb18030' && requested !== 'gbk') {
    throw new InputFileError(
      'invalid_source',
      {
        zh: `不支持的编码 ${describeValue(requested)}`,
        en: `unsupported encoding ${describeValue(requested)} (use auto, utf-8, gb18030 or gbk)`,
      },
      { path: ['encoding'], details: { encoding: describeValue(requested) } },
    );
  }
  const onEncoding = typeof options?.onEncoding === 'function' ? options.onEncoding : undefined;
  let encoding: 'utf-8' | 'gb18030' | undefined =
    requested === 'auto' ? undefined : requested === 'utf-8' ? 'utf-8' : 'gb18030';
  if (encoding !== undefined) onEncoding?.(encoding);
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  const gb = new TextDecoder('gb18030');
  let mode: 'none' | 'bytes' | 'text' = 'none';
  let textStarted = false;
  let parts: Uint8Array[] = [];
  let consumed = 0; // bytes of the stream already turned into text
  const text = (t: string): string => {
    if (textStarted || t === '') return t;
    textStarted = true;
    return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
  };
  const invalid = (offset: number): InputFileError =>
    new InputFileError(
      'invalid_encoding',
      {
        zh: `文件不是有效的 UTF-8 编码（第 ${offset + 1} 个字节）`,
        en: `the file is not valid UTF-8 (at byte ${offset + 1})`,
      },
      { details: { offset, encoding: 'utf-8' } },
    );
  /** Decodes what can be decoded of the pending bytes; the rest stays pending. */
  const drain = (atEnd: boolean): string => {
    const bytes = concat(parts);
    parts = [];
    let end: number;
    let out: string;
    if (encoding === 'utf-8') {
      const scan = scanUtf8(bytes);
      const bad =
        scan.invalidAt >= 0
          ? scan.invalidAt
          : atEnd && scan.completeEnd < bytes.length
            ? scan.completeEnd
            : -1;
      if (bad >= 0) {
        const before = text(utf8.decode(bytes.subarray(0, bad)));
        pendingError = invalid(consumed + bad);
        return before;
      }
      end = scan.completeEnd;
      out = utf8.decode(bytes.subarray(0, end));
    } else {
      end = atEnd ? bytes.length : gbSafeEnd(bytes);
      out = gb.decode(bytes.subarray(0, end));
    }
    if (end < bytes.length) parts.push(bytes.slice(end));
    consumed += end;
    return text(out);
  };
  let pendingError: InputFileError | undefined;
  for await (const chunk of sourceChunks(source)) {
    if (typeof chunk === 'string') {
      if (mode === 'bytes') throw mixedChunks();
      mode = 'text';
      const t = text(chunk);
      if (t !== '') yield t;
      continue;
    }
    if (!(chunk instanceof Uint8Array)) {
      throw new InputFileError('invalid_source', {
        zh: '数据块必须是字节数组或字符串',
        en: 'chunks must be Uint8Array or string',
      });
    }
    if (mode === 'text') throw mixedChunks();
    mode = 'bytes';
    if (chunk.length === 0) continue;
    parts.push(chunk);
    if (encoding === undefined) {
      const bytes = concat(parts);
      parts = [bytes];
      encoding = sniff(bytes, consumed === 0, false);
      if (encoding === undefined) {
        if (firstNonAscii(bytes) < 0) {
          // Pure ASCII reads the same in every candidate encoding: pass it through.
          parts = [];
          consumed += bytes.length;
          const t = text(utf8.decode(bytes));
          if (t !== '') yield t;
        }
        continue;
      }
      onEncoding?.(encoding);
    }
    const t = drain(false);
    if (t !== '') yield t;
    if (pendingError) throw pendingError;
  }
  if (mode === 'text') return;
  if (encoding === undefined) {
    encoding = sniff(concat(parts), consumed === 0, true) ?? 'utf-8';
    onEncoding?.(encoding);
  }
  const t = drain(true);
  if (t !== '') yield t;
  if (pendingError) throw pendingError;
}

function mixedChunks(): InputFileError {
  return new InputFileError('invalid_source', {
    zh: '不能混用文本和字节数据块',
    en: 'mixed text and byte chunks',
  });
}
