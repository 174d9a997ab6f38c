import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { InputFileError } from './errors.js';
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
    yield* createReadStream(source) as AsyncIterable<Buffer>;
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

const MIN_WINDOW = 64;

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

/**
 * Whether bytes are valid UTF-8 (an incomplete sequence at the very end counts as valid: more may follow).
 *
 * @example
 * isUtf8(new TextEncoder().encode('中国')); // true
 * isUtf8(Uint8Array.of(0xd6, 0xd0, 0xb9, 0xfa)); // false ('中国' in GBK)
 */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Guesses the encoding of a whole buffer the way the readers do: a UTF-8 BOM or valid UTF-8 → `'utf-8'`,
 * anything else → `'gb18030'` (GBK/GB 2312 text as Excel writes it is read correctly by GB 18030).
 *
 * @example
 * detectEncoding(Buffer.from('名称,代码\n', 'utf8')); // 'utf-8'
 */
export function detectEncoding(bytes: Uint8Array): 'utf-8' | 'gb18030' {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  return isUtf8(bytes) ? 'utf-8' : 'gb18030';
}

/**
 * @internal Decodes a byte source to text chunks. With `encoding: 'auto'` ASCII is passed through until the
 * first non-ASCII byte, then a window of bytes decides: valid UTF-8 → utf-8, else gb18030. UTF-8 is decoded
 * strictly (a later invalid byte throws `invalid_encoding`).
 */
export async function* decodeSource(source: InputSource, options: ReadOptions = {}): AsyncGenerator<string> {
  const requested = options.encoding ?? 'auto';
  let decoder: TextDecoder | undefined;
  let textMode = false;
  const choose = (enc: 'utf-8' | 'gb18030'): TextDecoder => {
    options.onEncoding?.(enc);
    return enc === 'utf-8' ? new TextDecoder('utf-8', { fatal: true }) : new TextDecoder('gb18030');
  };
  if (requested !== 'auto') decoder = choose(requested === 'utf-8' ? 'utf-8' : 'gb18030');
  const pending: Uint8Array[] = [];
  let pendingNonAscii = -1; // offset of first non-ASCII byte within concat(pending), or -1
  let pendingLength = 0;
  let first = true;
  const safeDecode = (d: TextDecoder, bytes: Uint8Array, stream: boolean): string => {
    try {
      return d.decode(bytes, { stream });
    } catch (cause) {
      throw new InputFileError(
        'invalid_encoding',
        { zh: '文件不是有效的 UTF-8 编码', en: 'the file is not valid UTF-8' },
        { cause },
      );
    }
  };
  for await (const chunk of sourceChunks(source)) {
    if (typeof chunk === 'string') {
      textMode = true;
      yield first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
      first = false;
      continue;
    }
    if (!(chunk instanceof Uint8Array)) {
      throw new InputFileError('invalid_source', {
        zh: '数据块必须是字节数组或字符串',
        en: 'chunks must be Uint8Array or string',
      });
    }
    if (textMode)
      throw new InputFileError('invalid_source', {
        zh: '不能混用文本和字节数据块',
        en: 'mixed text and byte chunks',
      });
    if (
      first &&
      decoder === undefined &&
      chunk.length >= 3 &&
      chunk[0] === 0xef &&
      chunk[1] === 0xbb &&
      chunk[2] === 0xbf
    ) {
      decoder = choose('utf-8');
    }
    first = false;
    if (decoder) {
      const text = safeDecode(decoder, chunk, true);
      if (text !== '') yield text;
      continue;
    }
    if (pendingNonAscii < 0) {
      const at = firstNonAscii(chunk);
      if (at < 0) {
        // Pure ASCII is the same in every candidate encoding: pass it through.
        if (pending.length === 0) {
          yield new TextDecoder('utf-8').decode(chunk);
          continue;
        }
      } else pendingNonAscii = pendingLength + at;
    }
    pending.push(chunk);
    pendingLength += chunk.length;
    if (pendingNonAscii >= 0 && pendingLength - pendingNonAscii >= MIN_WINDOW) {
      const bytes = concat(pending.splice(0));
      decoder = choose(isUtf8(bytes) ? 'utf-8' : 'gb18030');
      const text = safeDecode(decoder, bytes, true);
      if (text !== '') yield text;
    }
  }
  if (textMode) return;
  if (decoder === undefined) {
    const bytes = concat(pending.splice(0));
    decoder = choose(bytes.length === 0 ? 'utf-8' : detectEncoding(bytes));
    const text = safeDecode(decoder, bytes, true);
    if (text !== '') yield text;
  }
  const rest = safeDecode(decoder, new Uint8Array(0), false);
  if (rest !== '') yield rest;
}
