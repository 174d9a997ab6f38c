import { createHash } from 'node:crypto';
import { canonicalJson as coreCanonicalJson } from '@jianguan/core';

/**
 * Canonical JSON (规范化 JSON): object keys sorted by code point, no whitespace, `undefined` members dropped.
 * Digests of records and commitments are SHA-256 over the UTF-8 of this text. `@jianguan/core`'s `canonicalJson`.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, null] }); // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return coreCanonicalJson(value);
}

/**
 * SHA-256 (hex) of the canonical JSON of `value`, streamed into the hash in 64 KiB pieces so that a record
 * with half a million picks never becomes one huge string. @internal
 */
export function digestOf(value: unknown): string {
  const hash = createHash('sha256');
  let pending = '';
  const write = (piece: string): void => {
    pending += piece;
    if (pending.length > 65_536) {
      hash.update(pending, 'utf8');
      pending = '';
    }
  };
  // The sorted keys and their `"key":` heads of the last object shape met: the picks of a record share one.
  let lastKeys: string[] = [];
  let sorted: string[] = [];
  let heads: string[] = [];
  const shape = (keys: string[]): void => {
    if (keys.length === lastKeys.length) {
      let same = true;
      for (let i = 0; i < keys.length; i++) {
        if (keys[i] !== lastKeys[i]) {
          same = false;
          break;
        }
      }
      if (same) return;
    }
    lastKeys = keys;
    sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    heads = sorted.map((k) => `${JSON.stringify(k)}:`);
  };
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      write(JSON.stringify(v));
      return;
    }
    if (v === null || typeof v !== 'object') {
      write(coreCanonicalJson(v));
      return;
    }
    if (Array.isArray(v)) {
      write('[');
      for (let i = 0; i < v.length; i++) {
        if (i > 0) write(',');
        walk(v[i] === undefined ? null : v[i]);
      }
      write(']');
      return;
    }
    shape(Object.keys(v));
    const keys = sorted;
    const keyHeads = heads;
    let first = true;
    write('{');
    for (let i = 0; i < keys.length; i++) {
      const member = (v as Record<string, unknown>)[keys[i]!];
      if (member === undefined) continue;
      write(first ? keyHeads[i]! : `,${keyHeads[i]!}`);
      first = false;
      walk(member);
    }
    write('}');
  };
  walk(value);
  hash.update(pending, 'utf8');
  return hash.digest('hex');
}

const encoder = new TextEncoder();
const CHUNK = 1 << 16;

/**
 * A streaming SHA-256 of text lines (each line's UTF-8 bytes followed by `\n`), written into a byte buffer
 * so that millions of short ids hash without creating garbage. With `onChunk`, every full buffer is also
 * handed over after hashing and replaced by `nextBuffer()`: the parallel draw sends
 * these chunks of ids to its worker threads, which send the buffers back for reuse. @internal
 */
export class LineDigest {
  readonly #hash = createHash('sha256');
  readonly #size: number;
  readonly #onChunk: ((bytes: Uint8Array) => void) | undefined;
  #buffer: Uint8Array;
  #fill = 0;

  readonly #nextBuffer: (size: number) => Uint8Array;

  constructor(
    onChunk?: (bytes: Uint8Array) => void,
    size: number = CHUNK,
    nextBuffer: (size: number) => Uint8Array = (n) => new Uint8Array(n),
  ) {
    this.#onChunk = onChunk;
    this.#size = size;
    this.#nextBuffer = nextBuffer;
    this.#buffer = nextBuffer(size);
  }

  /** The buffer being filled: the line just added is `buffer[start..fill - 1)` (see {@link LineDigest.add}). */
  get buffer(): Uint8Array {
    return this.#buffer;
  }

  /** Bytes written to {@link LineDigest.buffer} so far. */
  get fill(): number {
    return this.#fill;
  }

  /**
   * Adds a line; returns where its UTF-8 bytes start in {@link LineDigest.buffer} (they end before the `\n` at
   * `fill - 1`), or -1 for a line too long for the buffer (hashed on its own).
   */
  add(line: string): number {
    const n = line.length;
    if (this.#fill + n * 3 + 1 > this.#size) this.#flush();
    if (n * 3 + 1 > this.#size) {
      const bytes = encoder.encode(`${line}\n`);
      this.#hash.update(bytes);
      this.#onChunk?.(bytes);
      return -1;
    }
    const start = this.#fill;
    const buffer = this.#buffer;
    let fill = this.#fill;
    for (let i = 0; i < n; i++) {
      const c = line.charCodeAt(i);
      if (c >= 0x80) {
        fill = this.#fill + encoder.encodeInto(line, buffer.subarray(this.#fill)).written;
        break;
      }
      buffer[fill++] = c;
    }
    buffer[fill++] = 0x0a;
    this.#fill = fill;
    return start;
  }

  /** {@link LineDigest.add} for a line given as its `n` ASCII bytes `bytes[0..n)`. */
  addAscii(bytes: Uint8Array, n: number): number {
    if (this.#fill + n + 1 > this.#size) this.#flush();
    if (n + 1 > this.#size)
      return this.add(Buffer.from(bytes.buffer, bytes.byteOffset, n).toString('latin1'));
    const start = this.#fill;
    const buffer = this.#buffer;
    for (let i = 0; i < n; i++) buffer[start + i] = bytes[i]!;
    buffer[start + n] = 0x0a;
    this.#fill = start + n + 1;
    return start;
  }

  #flush(): void {
    if (this.#fill === 0) return;
    const bytes = this.#buffer.subarray(0, this.#fill);
    this.#hash.update(bytes);
    if (this.#onChunk !== undefined) {
      this.#onChunk(bytes);
      this.#buffer = this.#nextBuffer(this.#size);
    }
    this.#fill = 0;
  }

  hex(): string {
    this.#flush();
    return this.#hash.digest('hex');
  }
}
