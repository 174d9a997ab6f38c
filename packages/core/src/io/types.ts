import type { InputFileError } from './errors.js';

/**
 * Where bytes come from: a file path, a whole buffer, or a stream of chunks (a Node `Readable`, a web
 * `ReadableStream`, or any (async) iterable of `Uint8Array`/`Buffer`; string chunks are taken as decoded text).
 *
 * @example
 * const sources: InputSource[] = ['batch.csv', Buffer.from('a,b\n1,2\n'), fs.createReadStream('batch.csv')];
 */
export type InputSource =
  | string
  | Uint8Array
  | AsyncIterable<Uint8Array | string>
  | Iterable<Uint8Array | string>;

/** The text encodings the readers decode. `gbk` is read with the GB 18030 decoder (a superset). */
export type InputEncoding = 'utf-8' | 'gb18030' | 'gbk';

/**
 * One record read from a file, with the 1-based physical line where it starts.
 *
 * @example
 * const item: RecordItem = { line: 2, record: { 名称: '某公司' } };
 */
export interface RecordItem<T = Record<string, string>> {
  readonly line: number;
  readonly record: T;
}

/**
 * A record that could not be read (bad JSON line, extra CSV fields), yielded in place when the reader runs
 * with `errors: 'yield'`, so nothing is dropped silently.
 *
 * @example
 * for await (const item of readJsonl(src, { errors: 'yield' })) {
 *   if ('error' in item) report(item.line, item.error.messages.zh);
 * }
 */
export interface RecordErrorItem {
  readonly line: number;
  readonly error: InputFileError;
}

/**
 * Options every reader shares.
 *
 * @example
 * const options: ReadOptions = { encoding: 'auto', errors: 'yield' };
 */
export interface ReadOptions {
  /**
   * `'auto'` (default): UTF-8 after a UTF-8 BOM or when the bytes are valid UTF-8, otherwise GB 18030 (Excel's
   * “CSV” on Chinese Windows). The decision is taken on the `ENCODING_SNIFF_BYTES` (4 KiB) from the first
   * non-ASCII byte, the same for every chunking; a later invalid UTF-8 byte is an `invalid_encoding` error.
   */
  readonly encoding?: 'auto' | InputEncoding;
  /** `'throw'` (default) stops at the first bad record; `'yield'` yields a {@link RecordErrorItem} and goes on. */
  readonly errors?: 'throw' | 'yield';
  /** Called once with the encoding used, after detection. */
  readonly onEncoding?: (encoding: 'utf-8' | 'gb18030') => void;
}
