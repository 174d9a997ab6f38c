import { Worker } from 'node:worker_threads';
import { SamplingInputError } from '../errors.js';
import { createTicketKernel } from './kernel.js';

type ToWorker = {
  readonly seq: number;
  readonly bytes: Uint8Array;
  /** Keys above this cannot enter the caller's heap (its largest key when full, else +Infinity). */
  readonly bound: number;
};

type FromWorker = {
  readonly seq: number;
  /** The chunk's buffer, handed back for reuse. */
  readonly buffer: ArrayBuffer;
  readonly count: number;
  /** Byte offsets (start, end) in the chunk of the ids whose key is ≤ the bound. */
  readonly spans: Int32Array;
  readonly keys: Float64Array;
};

/**
 * A worker thread's main function. Self-contained like the kernel (its source text is the worker's code): for
 * each chunk of `id\n` lines it hashes every id with the kernel and returns the byte spans and 15-digit keys
 * of the ids that can still enter the caller's top-k (key ≤ bound; most are rejected on the 6-digit prefix).
 * It keeps no state between chunks.
 */
function workerMain(
  createKernel: typeof createTicketKernel,
  port: import('node:worker_threads').MessagePort,
  data: { readonly seedHex: string },
): void {
  const kernel = createKernel();
  const mid = new kernel.Hasher(data.seedHex).mid;
  const words = new Int32Array(8);
  const batch = new kernel.Batch(mid);
  /** The byte span of each batch lane's id. */
  const lanes = new Int32Array(2 * kernel.LANES);
  let spans = new Int32Array(2048);
  let keys = new Float64Array(1024);
  let count = 0;
  let bound = 0;
  const keep = (key: number, start: number, end: number): void => {
    if (key > bound) return;
    if (count === keys.length) {
      const sp = new Int32Array(count * 4);
      sp.set(spans);
      spans = sp;
      const k = new Float64Array(count * 2);
      k.set(keys);
      keys = k;
    }
    spans[2 * count] = start;
    spans[2 * count + 1] = end;
    keys[count] = key;
    count++;
  };
  const run = (boundPrefix: number): void => {
    const listed = batch.run(boundPrefix);
    for (let j = 0; j < listed; j++) {
      const lane = batch.listed(j);
      keep(batch.keys[j]!, lanes[2 * lane]!, lanes[2 * lane + 1]!);
    }
    batch.clear();
  };
  port.on('message', (msg: ToWorker) => {
    const bytes = msg.bytes;
    bound = msg.bound;
    const boundPrefix = Math.min(1e6, Math.floor(bound / 1e9));
    count = 0;
    let start = 0;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] !== 0x0a) continue;
      const lane = batch.count;
      if (batch.addBytes(bytes, start, i)) {
        lanes[2 * lane] = start;
        lanes[2 * lane + 1] = i;
        if (batch.full) run(boundPrefix);
      } else {
        kernel.hashIdBytes(mid, bytes, start, i, words);
        if (kernel.prefix6(words) <= boundPrefix) keep(kernel.key(words), start, i);
      }
      start = i + 1;
    }
    if (batch.count > 0) run(boundPrefix);
    const outSpans = spans.slice(0, 2 * count);
    const outKeys = keys.slice(0, count);
    port.postMessage({ seq: msg.seq, buffer: bytes.buffer, count, spans: outSpans, keys: outKeys }, [
      bytes.buffer as ArrayBuffer,
      outSpans.buffer,
      outKeys.buffer,
    ]);
  });
}

/** The worker's code: the kernel and `workerMain`, from their own source text (one implementation). */
const WORKER_SOURCE = [
  "'use strict';",
  // esbuild's keepNames (tsx, some bundlers) may emit __name(fn, 'x') calls inside function bodies.
  'var __name = function (f) { return f; };',
  "const { parentPort, workerData } = require('node:worker_threads');",
  `const createTicketKernel = (${createTicketKernel.toString()});`,
  `(${workerMain.toString()})(createTicketKernel, parentPort, workerData);`,
].join('\n');

/** Young-generation size of a worker's heap (MB); a worker allocates little. */
const YOUNG_GENERATION_MB = 4;

/** Chunks in flight per worker before the producer waits (bounds memory: chunks × chunk size). */
const IN_FLIGHT_PER_WORKER = 3;

/** Where the candidates of a returned chunk go: `sink(key, id)`. */
type ChunkSink = (key: number, id: string) => void;

const decoder = new TextDecoder();

/** The id at `bytes[start..end)` (UTF-8), as the string the calling thread digested. */
function decodeId(bytes: Buffer, start: number, end: number): string {
  for (let j = start; j < end; j++) {
    if (bytes[j]! >= 0x80) return decoder.decode(bytes.subarray(start, end));
  }
  return bytes.toString('latin1', start, end);
}

/**
 * A pool of ticket workers for one draw. The calling thread sends chunks of `id\n` lines (the bytes it has
 * just digested) with its heap's current bound; a worker hashes them and answers with the few ids that can
 * still enter the heap, which the calling thread offers to its one exact top-k. Because the bound only
 * shrinks and the top-k does not depend on the order of offers, the result is the single-threaded one.
 *
 * @internal
 */
export class TicketPool {
  readonly #workers: Worker[];
  readonly #pending = new Map<number, ChunkSink>();
  readonly #free: ArrayBuffer[] = [];
  readonly #limit: number;
  #seq = 0;
  #next = 0;
  #error: unknown;
  #waiter: (() => void) | undefined;

  constructor(count: number, seedHex: string) {
    this.#limit = IN_FLIGHT_PER_WORKER * count;
    this.#workers = Array.from({ length: count }, () => {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { seedHex },
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      });
      worker.on('message', (msg: FromWorker) => {
        this.#receive(msg);
      });
      worker.on('error', (error) => {
        this.#error ??= error;
        this.#wake();
      });
      worker.on('exit', (code) => {
        if (this.#pending.size > 0) this.#error ??= new Error(`ticket worker exited with code ${code}`);
        this.#wake();
      });
      return worker;
    });
  }

  #receive(msg: FromWorker): void {
    const sink = this.#pending.get(msg.seq);
    this.#pending.delete(msg.seq);
    if (sink !== undefined) {
      // Ids are decoded from the returned chunk (the calling thread keeps no reference to them meanwhile).
      const bytes = Buffer.from(msg.buffer);
      const spans = msg.spans;
      try {
        for (let i = 0; i < msg.count; i++)
          sink(msg.keys[i]!, decodeId(bytes, spans[2 * i]!, spans[2 * i + 1]!));
      } catch (error) {
        this.#error ??= error;
      }
    }
    this.#free.push(msg.buffer);
    this.#wake();
  }

  /** Whether the producer should wait ({@link TicketPool.drain}) before sending more. */
  get saturated(): boolean {
    return this.#pending.size >= this.#limit || this.#error !== undefined;
  }

  #wake(): void {
    const waiter = this.#waiter;
    this.#waiter = undefined;
    waiter?.();
  }

  #check(): void {
    if (this.#error !== undefined) {
      throw new SamplingInputError(
        'worker_failed',
        { zh: '抽签工作线程出错', en: 'a ticket worker thread failed' },
        { cause: this.#error },
      );
    }
  }

  /** A buffer for the next chunk: one the workers gave back, or a new one. */
  buffer(size: number): Uint8Array {
    const free = this.#free.pop();
    return free !== undefined && free.byteLength === size ? new Uint8Array(free) : new Uint8Array(size);
  }

  /** Returns a chunk's buffer to the free list without sending it. */
  recycle(bytes: Uint8Array): void {
    this.#free.push(bytes.buffer as ArrayBuffer);
  }

  /**
   * Sends a chunk of `id\n` lines (the buffer is transferred) with the receiving heap's current `bound`;
   * `sink(key, line)` gets the candidates when the answer comes back.
   */
  send(bytes: Uint8Array, bound: number, sink: ChunkSink): void {
    this.#check();
    const worker = this.#workers[this.#next]!;
    this.#next = (this.#next + 1) % this.#workers.length;
    const seq = this.#seq++;
    this.#pending.set(seq, sink);
    worker.postMessage({ seq, bytes, bound } satisfies ToWorker, [bytes.buffer as ArrayBuffer]);
  }

  /** Resolves when fewer chunks than the limit are in flight (`all`: none), or rejects when a worker failed. */
  async drain(all = false): Promise<void> {
    while ((all ? this.#pending.size > 0 : this.#pending.size >= this.#limit) && this.#error === undefined) {
      await new Promise<void>((resolve) => {
        this.#waiter = resolve;
      });
    }
    this.#check();
  }

  /** Stops every worker (after a failure or when done). */
  async terminate(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}
