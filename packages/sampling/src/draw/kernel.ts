/**
 * Text space for tickets: bytes and, over the same memory, 32-bit words, so that four digits are written with
 * one store. A ticket written at `base` (≡ 2 mod 4) has `0.` at `base` and its digits from `base + 2`, a word
 * boundary. @internal
 */
export interface TicketSpace {
  readonly bytes: Buffer;
  readonly quads: Uint32Array;
}

/**
 * The ticket kernel (抽签号计算内核): SHA-256 of `seedHex ‖ id` from a precomputed midstate, the 15-digit
 * integer sort key, full decimal tickets, and a bounded top-k of the smallest tickets.
 *
 * **Self-contained on purpose**: {@link createTicketKernel} references nothing outside its own body, because
 * its source text (`Function.prototype.toString`) is also the code of the draw's worker threads. The main
 * thread and every worker therefore run the very same code, which is what makes a parallel draw
 * byte-identical to a single-threaded one. Do not import anything into it.
 *
 * @internal
 *
 * Batches of ids are hashed four lanes at a time by a WebAssembly SIMD module that the kernel generates
 * itself ({@link createTicketKernel}'s `useSimd`, default true; false runs the same batches on the scalar code,
 * which tests compare).
 */
export function createTicketKernel(useSimd = true) {
  /** SHA-256 round constants (signed 32-bit). */
  const k = new Int32Array([
    1116352408, 1899447441, -1245643825, -373957723, 961987163, 1508970993, -1841331548, -1424204075,
    -670586216, 310598401, 607225278, 1426881987, 1925078388, -2132889090, -1680079193, -1046744716,
    -459576895, -272742522, 264347078, 604807628, 770255983, 1249150122, 1555081692, 1996064986, -1740746414,
    -1473132947, -1341970488, -1084653625, -958395405, -710438585, 113926993, 338241895, 666307205, 773529912,
    1294757372, 1396182291, 1695183700, 1986661051, -2117940946, -1838011259, -1564481375, -1474664885,
    -1035236496, -949202525, -778901479, -694614492, -200395387, 275423344, 430227734, 506948616, 659060556,
    883997877, 958139571, 1322822218, 1537002063, 1747873779, 1955562222, 2024104815, -2067236844,
    -1933114872, -1866530822, -1538233109, -1090935817, -965641998,
  ]);
  const IV = new Int32Array([
    1779033703, -1150833019, 1013904242, -1521486534, 1359893119, -1694144372, 528734635, 1541459225,
  ]);
  /** The message schedule of the block being compressed (w[0..15] loaded by the caller). */
  const w = new Int32Array(64);
  /** The padded final block(s) of a message. */
  const tail = new Uint8Array(128);
  /** UTF-8 scratch for non-ASCII or long ids. */
  let scratch = new Uint8Array(256);
  const encoder = new TextEncoder();
  /** Two lowercase hex digits of every byte. */
  const HEX: string[] = [];
  for (let i = 0; i < 256; i++) HEX.push((i < 16 ? '0' : '') + i.toString(16));

  /** Compresses the block in `w[0..15]` into `st`; eight rounds per iteration with rotated roles. */
  function compress(st: Int32Array): void {
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      w[i] =
        ((((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) +
          w[i - 7]! +
          (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) +
          w[i - 16]!) |
        0;
    }
    let a = st[0]!;
    let b = st[1]!;
    let c = st[2]!;
    let d = st[3]!;
    let e = st[4]!;
    let f = st[5]!;
    let g = st[6]!;
    let h = st[7]!;
    for (let i = 0; i < 64; i += 8) {
      h =
        (h +
          ((((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) +
            ((e & f) ^ (~e & g))) +
          k[i + 0]! +
          w[i + 0]!) |
        0;
      d = (d + h) | 0;
      h =
        (h +
          ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) +
            ((a & b) ^ (a & c) ^ (b & c)))) |
        0;
      g =
        (g +
          ((((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7))) +
            ((d & e) ^ (~d & f))) +
          k[i + 1]! +
          w[i + 1]!) |
        0;
      c = (c + g) | 0;
      g =
        (g +
          ((((h >>> 2) | (h << 30)) ^ ((h >>> 13) | (h << 19)) ^ ((h >>> 22) | (h << 10))) +
            ((h & a) ^ (h & b) ^ (a & b)))) |
        0;
      f =
        (f +
          ((((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7))) +
            ((c & d) ^ (~c & e))) +
          k[i + 2]! +
          w[i + 2]!) |
        0;
      b = (b + f) | 0;
      f =
        (f +
          ((((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10))) +
            ((g & h) ^ (g & a) ^ (h & a)))) |
        0;
      e =
        (e +
          ((((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7))) +
            ((b & c) ^ (~b & d))) +
          k[i + 3]! +
          w[i + 3]!) |
        0;
      a = (a + e) | 0;
      e =
        (e +
          ((((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10))) +
            ((f & g) ^ (f & h) ^ (g & h)))) |
        0;
      d =
        (d +
          ((((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7))) +
            ((a & b) ^ (~a & c))) +
          k[i + 4]! +
          w[i + 4]!) |
        0;
      h = (h + d) | 0;
      d =
        (d +
          ((((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10))) +
            ((e & f) ^ (e & g) ^ (f & g)))) |
        0;
      c =
        (c +
          ((((h >>> 6) | (h << 26)) ^ ((h >>> 11) | (h << 21)) ^ ((h >>> 25) | (h << 7))) +
            ((h & a) ^ (~h & b))) +
          k[i + 5]! +
          w[i + 5]!) |
        0;
      g = (g + c) | 0;
      c =
        (c +
          ((((d >>> 2) | (d << 30)) ^ ((d >>> 13) | (d << 19)) ^ ((d >>> 22) | (d << 10))) +
            ((d & e) ^ (d & f) ^ (e & f)))) |
        0;
      b =
        (b +
          ((((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7))) +
            ((g & h) ^ (~g & a))) +
          k[i + 6]! +
          w[i + 6]!) |
        0;
      f = (f + b) | 0;
      b =
        (b +
          ((((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10))) +
            ((c & d) ^ (c & e) ^ (d & e)))) |
        0;
      a =
        (a +
          ((((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7))) +
            ((f & g) ^ (~f & h))) +
          k[i + 7]! +
          w[i + 7]!) |
        0;
      e = (e + a) | 0;
      a =
        (a +
          ((((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10))) +
            ((b & c) ^ (b & d) ^ (c & d)))) |
        0;
    }
    st[0] = (st[0]! + a) | 0;
    st[1] = (st[1]! + b) | 0;
    st[2] = (st[2]! + c) | 0;
    st[3] = (st[3]! + d) | 0;
    st[4] = (st[4]! + e) | 0;
    st[5] = (st[5]! + f) | 0;
    st[6] = (st[6]! + g) | 0;
    st[7] = (st[7]! + h) | 0;
  }

  function load(src: Uint8Array, offset: number): void {
    for (let i = 0; i < 16; i++) {
      const j = offset + i * 4;
      w[i] = (src[j]! << 24) | (src[j + 1]! << 16) | (src[j + 2]! << 8) | src[j + 3]!;
    }
  }

  /**
   * SHA-256 continued from `init` (the state after `prefixBytes`, a multiple of 64) over `src[start..start+length)`;
   * the 8 digest words go to `out`.
   */
  function finish(
    init: Int32Array,
    prefixBytes: number,
    src: Uint8Array,
    start: number,
    length: number,
    out: Int32Array,
  ): void {
    out.set(init);
    let offset = start;
    const end = start + length;
    while (end - offset >= 64) {
      load(src, offset);
      compress(out);
      offset += 64;
    }
    const rest = end - offset;
    tail.fill(0);
    for (let i = 0; i < rest; i++) tail[i] = src[offset + i]!;
    tail[rest] = 0x80;
    const blocks = rest + 9 <= 64 ? 64 : 128;
    const bits = (prefixBytes + length) * 8;
    const high = Math.floor(bits / 0x100000000);
    tail[blocks - 8] = high >>> 24;
    tail[blocks - 7] = (high >>> 16) & 0xff;
    tail[blocks - 6] = (high >>> 8) & 0xff;
    tail[blocks - 5] = high & 0xff;
    tail[blocks - 4] = bits >>> 24;
    tail[blocks - 3] = (bits >>> 16) & 0xff;
    tail[blocks - 2] = (bits >>> 8) & 0xff;
    tail[blocks - 1] = bits & 0xff;
    load(tail, 0);
    compress(out);
    if (blocks === 128) {
      load(tail, 64);
      compress(out);
    }
  }

  /** SHA-256 of `bytes` as 8 digest words. */
  function digest(bytes: Uint8Array): Int32Array {
    const out = new Int32Array(8);
    finish(IV, 0, bytes, 0, bytes.length, out);
    return out;
  }

  /** 8 digest words as 64 lowercase hex digits. */
  function hex(words: Int32Array): string {
    let s = '';
    for (let i = 0; i < 8; i++) {
      const v = words[i]!;
      s += HEX[(v >>> 24) & 0xff]! + HEX[(v >>> 16) & 0xff]! + HEX[(v >>> 8) & 0xff]! + HEX[v & 0xff]!;
    }
    return s;
  }

  /** The midstate after the 64 ASCII bytes of `seedHex` (the seed's SHA-256 in hex is exactly one block). */
  function midstate(seedHex: string): Int32Array {
    const bytes = encoder.encode(seedHex);
    const st = IV.slice();
    load(bytes, 0);
    compress(st);
    return st;
  }

  /** Hashes `seedHex ‖ id` (the midstate `mid`) into `out`; ASCII ids up to 55 characters take one block. */
  function hashId(mid: Int32Array, id: string, out: Int32Array): void {
    const n = id.length;
    if (n <= 55 && one !== undefined) {
      // The block's words go straight into the WebAssembly memory (ASCII only).
      const m = one.mem;
      let word = 0;
      let seen = 0;
      let at = 8;
      for (let i = 0; i < n; i++) {
        const ch = id.charCodeAt(i);
        seen |= ch;
        word = (word << 8) | ch;
        if ((i & 3) === 3) {
          m[at++] = word;
          word = 0;
        }
      }
      if (seen < 0x80) {
        m[at++] = ((word << 8) | 0x80) << ((3 - (n & 3)) * 8);
        while (at < 23) m[at++] = 0;
        m[23] = (64 + n) * 8;
        if (one.mid !== mid) {
          for (let i = 0; i < 8; i++) m[i] = mid[i]!;
          one.mid = mid;
        }
        one.run();
        for (let i = 0; i < 8; i++) out[i] = m[8 + i]!;
        return;
      }
    } else if (n <= 55) {
      // Build the single final block's words straight from the characters (ASCII only).
      let word = 0;
      let seen = 0;
      let wi = 0;
      for (let i = 0; i < n; i++) {
        const ch = id.charCodeAt(i);
        seen |= ch;
        word = (word << 8) | ch;
        if ((i & 3) === 3) {
          w[wi++] = word;
          word = 0;
        }
      }
      if (seen < 0x80) {
        lastBlock(word, n, wi);
        compressLast(mid, out);
        return;
      }
    }
    if (n * 3 > scratch.length) scratch = new Uint8Array(n * 3);
    const length = encoder.encodeInto(id, scratch).written;
    finish(mid, 64, scratch, 0, length, out);
  }

  /**
   * Completes `w` for a one-block message tail of `n` bytes (after the 64-byte prefix): `word` holds the last
   * `n % 4` bytes, `wi` = ⌊n / 4⌋ words are loaded; appends 0x80, zeros and the bit length.
   */
  function lastBlock(word: number, n: number, wi: number): void {
    w[wi++] = ((word << 8) | 0x80) << ((3 - (n & 3)) * 8);
    while (wi < 15) w[wi++] = 0;
    w[15] = (64 + n) * 8;
  }

  /** Hashes `seedHex ‖ bytes[start..end)` into `out`. */
  function hashIdBytes(
    mid: Int32Array,
    bytes: Uint8Array,
    start: number,
    end: number,
    out: Int32Array,
  ): void {
    const n = end - start;
    if (n > 55) {
      finish(mid, 64, bytes, start, n, out);
      return;
    }
    let word = 0;
    let wi = 0;
    for (let i = 0; i < n; i++) {
      word = (word << 8) | bytes[start + i]!;
      if ((i & 3) === 3) {
        w[wi++] = word;
        word = 0;
      }
    }
    lastBlock(word, n, wi);
    compressLast(mid, out);
  }

  /** Messages hashed per {@link Batch} call: 256 groups of four lanes. */
  const LANES = 1024;
  /** Where the lanes' words start in a batch's memory (after the midstate), in 32-bit words. */
  const LANES_AT = 16;
  /** Where a batch's memory lists the lanes that pass the 6-digit bound. */
  const LIST_AT = LANES_AT + 16 * LANES;
  /** Where a batch's memory holds the reversed digits of 0–999. */
  const REV3_AT = LIST_AT + LANES;
  /** Where a batch's memory holds the 15-digit keys of the listed lanes (64-bit floats; an even word index). */
  const KEYS_AT = REV3_AT + 1000;
  /** Where a batch's memory holds one message for the scalar export `s`: midstate, then the block's 16 words. */
  const ONE_AT = KEYS_AT + 2 * LANES;
  /** Where the memory holds the digest words the export `t` converts to a ticket when called from JavaScript. */
  const WORDS_AT = ONE_AT + 24;
  /** Where the memory holds {@link REV_TEXT4}, the reversed 4-digit texts of 0–9999 (one word each). */
  const REV_TEXT4_AT = WORDS_AT + 8;
  /** Where the memory holds the lengths of the tickets the export `T` writes (one byte per lane). */
  const LENGTHS_AT = REV_TEXT4_AT + 10000;
  /** Where the memory holds the texts of tickets (the export `T`: lane L at byte 4 · TEXTS_AT + 84 L). */
  const TEXTS_AT = LENGTHS_AT + LANES / 4;
  /** Bytes one ticket may use: `0.`, 80 digits, and the 2 bytes that align the next one. */
  const TICKET_ROOM = 84;
  /** The module's memory in 64 KiB pages once it holds the texts of a batch. */
  const MEMORY_PAGES = Math.ceil((4 * TEXTS_AT + TICKET_ROOM * LANES) / 65536);
  /** The four ASCII digits of 0–9999, lowest digit first, as the 32-bit word that stores them in that order. */
  const REV_TEXT4 = new Uint32Array(10000);
  {
    const bytes = new Uint8Array(REV_TEXT4.buffer);
    for (let x = 0; x < 10000; x++) {
      bytes[4 * x] = 48 + (x % 10);
      bytes[4 * x + 1] = 48 + (Math.floor(x / 10) % 10);
      bytes[4 * x + 2] = 48 + (Math.floor(x / 100) % 10);
      bytes[4 * x + 3] = 48 + Math.floor(x / 1000);
    }
  }
  /**
   * The base-10^8 limbs of 2^(16 h): `LIMB_TERMS[i]` lists, for limb i, the pairs [h, limb i of 2^(16 h)] that
   * are not zero (`for i < 10, h < 16: (2n ** BigInt(16 * h) / 10n ** BigInt(8 * i)) % 10n ** 8n`). The
   * WebAssembly conversion is generated from it; the JavaScript one ({@link writeTicket}) has the same numbers
   * written out, and tests compare the two.
   */
  const LIMB_TERMS: readonly (readonly [number, number])[][] = (() => {
    const out: [number, number][][] = [];
    for (let i = 0; i < 10; i++) out.push([]);
    // 2^(16 h) in base 10^8, limb by limb (each limb < 10^8; doubling 16 times keeps every step exact)
    let limbs = [1];
    for (let h = 0; h < 16; h++) {
      limbs.forEach((limb, i) => {
        if (limb !== 0) out[i]!.push([h, limb]);
      });
      for (let d = 0; d < 16; d++) {
        let carry = 0;
        limbs = limbs.map((limb) => {
          const x = limb * 2 + carry;
          carry = x >= 1e8 ? 1 : 0;
          return x - carry * 1e8;
        });
        if (carry > 0) limbs.push(carry);
      }
    }
    return out;
  })();

  /**
   * SHA-256 on four lanes at once in WebAssembly SIMD, compiled from code generated here (no binary blob):
   * the export `h(groups)` compresses, for each group of four messages, the one block whose 16 words are
   * interleaved at words `LANES_AT + 64 g + 4 i + lane` of the memory `m`, starting from the midstate at
   * words 0–7, and writes each digest's 8 words over the block's first 8 (same interleaving). Then, lane by
   * lane, it computes the 6-digit ticket prefix ({@link prefix6}: the digest integer mod 10^6 in 64-bit
   * arithmetic, reversed with the table at `REV3_AT`) and lists at `LIST_AT` the lanes whose prefix is ≤ its
   * second argument, with their 15-digit {@link key} at `KEYS_AT` (mod 10^15 from the digest's 32 bytes, each
   * term < 2^58); it returns how many. Undefined where WebAssembly SIMD is not available (a big-endian host,
   * `--jitless`): the scalar code does the same.
   */
  const wasm = (
    globalThis as {
      WebAssembly?: {
        Module: new (bytes: Uint8Array) => object;
        Instance: new (module: object) => { exports: Record<string, unknown> };
      };
    }
  ).WebAssembly;
  const simdModule: object | undefined = (() => {
    try {
      if (!useSimd || wasm === undefined || new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) {
        return undefined;
      }
      const leb = (out: number[], value: number, signed: boolean): void => {
        let v = value;
        for (;;) {
          const b = v & 0x7f;
          v = signed ? v >> 7 : v >>> 7;
          const done = signed ? (v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0) : v === 0;
          out.push(done ? b : b | 0x80);
          if (done) return;
        }
      };
      /** Signed LEB128 of a non-negative integer below 2^53. */
      const leb64 = (out: number[], value: number): void => {
        let v = value;
        for (;;) {
          const b = v % 128;
          v = Math.floor(v / 128);
          const done = v === 0 && b < 64;
          out.push(done ? b : b | 0x80);
          if (done) return;
        }
      };
      /** The instructions every function body uses (local.get, local.set, i32.const, i64.const), into `out`. */
      const emitter = (out: number[]) => ({
        get: (x: number) => out.push(0x20, x),
        set: (x: number) => out.push(0x21, x),
        i32: (v: number) => {
          out.push(0x41);
          leb(out, v, true);
        },
        i64: (v: number) => {
          out.push(0x42);
          leb64(out, v);
        },
      });
      const c: number[] = [];
      const { get, set, i32 } = emitter(c);
      const simdOp = (o: number) => {
        c.push(0xfd);
        leb(c, o, false);
      };
      const add = () => simdOp(0xae);
      const xor = () => simdOp(0x51);
      const rotr = (x: number, n: number) => {
        get(x);
        i32(n);
        simdOp(0xad); // i32x4.shr_u
        get(x);
        i32(32 - n);
        simdOp(0xab); // i32x4.shl
        simdOp(0x50); // v128.or
      };
      const sigma = (x: number, r1: number, r2: number, r3: number, shift: boolean) => {
        rotr(x, r1);
        rotr(x, r2);
        xor();
        if (shift) {
          get(x);
          i32(r3);
          simdOp(0xad);
        } else rotr(x, r3);
        xor();
      };
      // locals: 0 groups, 1 bound (params); 2 address, 3 prefix, 4 listed, 5 lane; 6–13 working variables,
      // 14–29 schedule, 30–37 midstate, 38–39 temps
      const N = 0;
      const BOUND = 1;
      const P = 2;
      const X = 3;
      const LISTED = 4;
      const LANE = 5;
      const W = 14;
      const M = 30;
      const T1 = 38;
      const T2 = 39;
      const Y = 40;
      const load32 = (offset: number) => {
        c.push(0x28, 2); // i32.load
        leb(c, offset, false);
      };
      for (let j = 0; j < 8; j++) {
        i32(0);
        c.push(0x28, 2); // i32.load align=4
        leb(c, 4 * j, false);
        simdOp(0x11); // i32x4.splat
        set(M + j);
      }
      i32(4 * LANES_AT);
      set(P);
      c.push(0x02, 0x40, 0x03, 0x40); // block, loop
      get(N);
      c.push(0x45, 0x0d, 1); // i32.eqz, br_if 1
      for (let i = 0; i < 16; i++) {
        get(P);
        simdOp(0x00); // v128.load
        c.push(4);
        leb(c, 16 * i, false);
        set(W + i);
      }
      for (let j = 0; j < 8; j++) {
        get(M + j);
        set(6 + j);
      }
      let r = [6, 7, 8, 9, 10, 11, 12, 13];
      for (let t = 0; t < 64; t++) {
        const [a, b, cc, d, e, f, g, h] = r as [
          number,
          number,
          number,
          number,
          number,
          number,
          number,
          number,
        ];
        const wt = W + (t % 16);
        if (t >= 16) {
          sigma(W + ((t - 2) % 16), 17, 19, 10, true);
          get(W + ((t - 7) % 16));
          add();
          sigma(W + ((t - 15) % 16), 7, 18, 3, true);
          add();
          get(wt);
          add();
          set(wt);
        }
        get(h);
        sigma(e, 6, 11, 25, false);
        add();
        get(f);
        get(g);
        get(e);
        simdOp(0x52); // v128.bitselect: Ch(e, f, g)
        add();
        simdOp(0x0c); // v128.const K[t] in every lane
        for (let lane = 0; lane < 4; lane++) {
          const kt = k[t]!;
          c.push(kt & 0xff, (kt >>> 8) & 0xff, (kt >>> 16) & 0xff, (kt >>> 24) & 0xff);
        }
        add();
        get(wt);
        add();
        set(T1);
        sigma(a, 2, 13, 22, false);
        get(b);
        get(cc);
        get(a);
        get(cc);
        xor();
        simdOp(0x52); // Maj(a, b, c) = bitselect(b, c, a ^ c)
        add();
        set(T2);
        get(d);
        get(T1);
        add();
        set(d);
        get(T1);
        get(T2);
        add();
        set(h);
        r = [h, a, b, cc, d, e, f, g];
      }
      for (let j = 0; j < 8; j++) {
        get(P);
        get(r[j]!);
        get(M + j);
        add();
        simdOp(0x0b); // v128.store
        c.push(4);
        leb(c, 16 * j, false);
      }
      for (let lane = 0; lane < 4; lane++) {
        // the digest integer mod 10^6: Σ word_j · (2^(32 (7 - j)) mod 10^6) < 8 · 2^32 · 10^6 < 2^64
        for (let j = 0; j < 8; j++) {
          get(P);
          load32(16 * j + 4 * lane);
          c.push(0xad, 0x42); // i64.extend_i32_u, i64.const
          let m = 1;
          for (let e = 0; e < 7 - j; e++) m = (m * 4294967296) % 1e6;
          leb(c, m, true);
          c.push(0x7e); // i64.mul
          if (j > 0) c.push(0x7c); // i64.add
        }
        c.push(0x42);
        leb(c, 1e6, true);
        c.push(0x82, 0xa7); // i64.rem_u, i32.wrap_i64
        set(X);
        // reversed: REV3[x mod 1000] · 1000 + REV3[⌊x / 1000⌋]
        get(X);
        i32(1000);
        c.push(0x70); // i32.rem_u
        i32(2);
        c.push(0x74); // i32.shl
        load32(4 * REV3_AT);
        i32(1000);
        c.push(0x6c); // i32.mul
        get(X);
        i32(1000);
        c.push(0x6e); // i32.div_u
        i32(2);
        c.push(0x74);
        load32(4 * REV3_AT);
        c.push(0x6a); // i32.add
        get(BOUND);
        c.push(0x4c, 0x04, 0x40); // i32.le_s, if
        get(LISTED);
        i32(2);
        c.push(0x74);
        get(LANE);
        if (lane > 0) {
          i32(lane);
          c.push(0x6a);
        }
        c.push(0x36, 2); // i32.store
        leb(c, 4 * LIST_AT, false);
        // the 15-digit key: y = the digest integer mod 10^15, byte by byte
        get(LISTED);
        i32(3);
        c.push(0x74); // i32.shl (the key's address)
        for (let j = 0; j < 8; j++) {
          for (let byte = 0; byte < 4; byte++) {
            get(P);
            load32(16 * j + 4 * lane);
            i32(8 * (3 - byte));
            c.push(0x76); // i32.shr_u
            i32(255);
            c.push(0x71, 0xad, 0x42); // i32.and, i64.extend_i32_u, i64.const
            let m = 1;
            for (let e = 0; e < 32 * (7 - j) + 8 * (3 - byte); e++) m = (m * 2) % 1e15;
            leb64(c, m);
            c.push(0x7e); // i64.mul
            if (j > 0 || byte > 0) c.push(0x7c); // i64.add
          }
        }
        c.push(0x42);
        leb64(c, 1e15);
        c.push(0x82); // i64.rem_u
        set(Y);
        // reversed in groups of three digits: Σ REV3[y_g] · 10^(12 − 3 g)
        for (let g = 0; g < 5; g++) {
          get(Y);
          if (g < 4) {
            c.push(0x42);
            leb64(c, 1000);
            c.push(0x82); // i64.rem_u
          }
          c.push(0xa7); // i32.wrap_i64
          i32(2);
          c.push(0x74);
          load32(4 * REV3_AT);
          c.push(0xb8, 0x44); // f64.convert_i32_u, f64.const
          const f = new Uint8Array(new Float64Array([10 ** (12 - 3 * g)]).buffer);
          for (const x of f) c.push(x);
          c.push(0xa2); // f64.mul
          if (g > 0) c.push(0xa0); // f64.add
          if (g < 4) {
            get(Y);
            c.push(0x42);
            leb64(c, 1000);
            c.push(0x80); // i64.div_u
            set(Y);
          }
        }
        c.push(0x39, 3); // f64.store
        leb(c, 4 * KEYS_AT, false);
        get(LISTED);
        i32(1);
        c.push(0x6a);
        set(LISTED);
        c.push(0x0b); // end if
      }
      get(LANE);
      i32(4);
      c.push(0x6a);
      set(LANE);
      get(P);
      i32(256);
      c.push(0x6a); // i32.add
      set(P);
      get(N);
      i32(1);
      c.push(0x6b); // i32.sub
      set(N);
      c.push(0x0c, 0, 0x0b, 0x0b); // br 0, end loop, end block
      get(LISTED);
      c.push(0x0b); // end function
      const body: number[] = [3, 4, 0x7f, 34, 0x7b, 1, 0x7e, ...c]; // locals: 4 i32, 34 v128, 1 i64
      // The scalar export `s()`: one message, the midstate at words ONE_AT…+7 and the block at ONE_AT+8…+23; the
      // digest goes over the block's first 8 words. i32.rotr makes each rotation one instruction, and no
      // array bounds are checked: about twice the speed of the JavaScript compression for a single call.
      const o: number[] = [];
      const { get: sget, set: sset, i32: sconst } = emitter(o);
      const sload = (word: number) => {
        sconst(0);
        o.push(0x28, 2);
        leb(o, 4 * word, false);
      };
      const srot = (x: number, n: number) => {
        sget(x);
        sconst(n);
        o.push(0x78); // i32.rotr
      };
      const ssigma = (x: number, r1: number, r2: number, r3: number, shift: boolean) => {
        srot(x, r1);
        srot(x, r2);
        o.push(0x73); // i32.xor
        if (shift) {
          sget(x);
          sconst(r3);
          o.push(0x76); // i32.shr_u
        } else srot(x, r3);
        o.push(0x73);
      };
      // locals: 0–7 working variables, 8–23 schedule, 24–25 temps
      for (let i = 0; i < 16; i++) {
        sload(ONE_AT + 8 + i);
        sset(8 + i);
      }
      for (let j = 0; j < 8; j++) {
        sload(ONE_AT + j);
        sset(j);
      }
      let sr = [0, 1, 2, 3, 4, 5, 6, 7];
      for (let t = 0; t < 64; t++) {
        const [a, b, cc, d, e, f, g, h] = sr as [
          number,
          number,
          number,
          number,
          number,
          number,
          number,
          number,
        ];
        const wt = 8 + (t % 16);
        if (t >= 16) {
          ssigma(8 + ((t - 2) % 16), 17, 19, 10, true);
          sget(8 + ((t - 7) % 16));
          o.push(0x6a); // i32.add
          ssigma(8 + ((t - 15) % 16), 7, 18, 3, true);
          o.push(0x6a);
          sget(wt);
          o.push(0x6a);
          sset(wt);
        }
        sget(h);
        ssigma(e, 6, 11, 25, false);
        o.push(0x6a);
        // Ch(e, f, g) = g ^ (e & (f ^ g))
        sget(g);
        sget(e);
        sget(f);
        sget(g);
        o.push(0x73, 0x71, 0x73, 0x6a); // xor, and, xor, add
        sconst(k[t]!);
        o.push(0x6a);
        sget(wt);
        o.push(0x6a);
        sset(24);
        ssigma(a, 2, 13, 22, false);
        // Maj(a, b, c) = c ^ ((a ^ c) & (b ^ c))
        sget(cc);
        sget(a);
        sget(cc);
        o.push(0x73);
        sget(b);
        sget(cc);
        o.push(0x73, 0x71, 0x73, 0x6a);
        sset(25);
        sget(d);
        sget(24);
        o.push(0x6a);
        sset(d);
        sget(24);
        sget(25);
        o.push(0x6a);
        sset(h);
        sr = [h, a, b, cc, d, e, f, g];
      }
      for (let j = 0; j < 8; j++) {
        sconst(0);
        sget(sr[j]!);
        sload(ONE_AT + j);
        o.push(0x6a, 0x36, 2); // i32.add, i32.store
        leb(o, 4 * (ONE_AT + 8 + j), false);
      }
      o.push(0x0b);
      const single: number[] = [1, 26, 0x7f, ...o]; // locals: 26 i32
      // The export `t(src, stride, dst)`: the ticket of the 8 digest words at bytes src, src + stride, … (most
      // significant first), written as text at byte dst (`0.` and 80 digits, the ticket's length returned: at
      // least 66). The arithmetic of writeTicket in 64-bit integers: the integer's sixteen 16-bit halves u_h,
      // limb sums a_i = Σ u_h · (limb i of 2^(16 h)) < 2^47, quotients by 10^8 from a float multiplication
      // corrected by one, then the carry chain of small carries, each limb written as two 4-digit words.
      const tc: number[] = [];
      const { get: tget, set: tset, i32: ti32, i64: ti64 } = emitter(tc);
      // locals: 0 src, 1 stride, 2 dst (params); 3–18 u_h, 19–27 q_i, 28–36 r_i (i64); 37 a9, 38 tmp (i64);
      // 39 limb, 40 carry, 41 limb 8, 42 limb 9 (i32)
      const U = 3;
      const Q = 19;
      const R = 28;
      const A9 = 37;
      const TMP = 38;
      const LIMB = 39;
      const CARRY = 40;
      const L8 = 41;
      const L9 = 42;
      for (let k = 0; k < 8; k++) {
        // word 7 - k (least significant first)
        tget(0);
        tget(1);
        ti32(7 - k);
        tc.push(0x6c, 0x6a, 0x28, 0, 0); // i32.mul, i32.add, i32.load align=1 offset=0
        tc.push(0xad); // i64.extend_i32_u
        tset(TMP);
        tget(TMP);
        ti64(0xffff);
        tc.push(0x83); // i64.and
        tset(U + 2 * k);
        tget(TMP);
        ti64(16);
        tc.push(0x88); // i64.shr_u
        tset(U + 2 * k + 1);
      }
      const sum = (i: number) => {
        LIMB_TERMS[i]!.forEach(([h, c], n) => {
          tget(U + h);
          if (c !== 1) {
            ti64(c);
            tc.push(0x7e); // i64.mul
          }
          if (n > 0) tc.push(0x7c); // i64.add
        });
      };
      for (let i = 0; i < 9; i++) {
        sum(i);
        tset(TMP);
        // q = trunc(a · 1e-8); r = a - q · 1e8; q += (r ≥ 1e8) - (r < 0); r -= 1e8 · ((r ≥ 1e8) - (r < 0))
        tget(TMP);
        tc.push(0xb9, 0x44); // f64.convert_i64_s, f64.const
        for (const x of new Uint8Array(new Float64Array([1e-8]).buffer)) tc.push(x);
        tc.push(0xa2, 0xb0); // f64.mul, i64.trunc_f64_s
        tset(Q + i);
        tget(TMP);
        tget(Q + i);
        ti64(1e8);
        tc.push(0x7e, 0x7d); // i64.mul, i64.sub
        tset(R + i);
        for (const [cmp, sign] of [
          [0x59, 1], // i64.ge_s: r ≥ 1e8 → q + 1, r - 1e8
          [0x53, -1], // i64.lt_s: r < 0 → q - 1, r + 1e8
        ] as const) {
          tget(R + i);
          ti64(sign > 0 ? 1e8 : 0);
          tc.push(cmp, 0x04, 0x40); // compare, if
          tget(Q + i);
          ti64(1);
          tc.push(sign > 0 ? 0x7c : 0x7d); // i64.add / i64.sub
          tset(Q + i);
          tget(R + i);
          ti64(1e8);
          tc.push(sign > 0 ? 0x7d : 0x7c);
          tset(R + i);
          tc.push(0x0b); // end if
        }
      }
      sum(9);
      tset(A9);
      /** Writes limb (an i32 local) i as two reversed 4-digit words from the table. */
      const put = (local: number, i: number) => {
        // low 4 digits: limb - ⌊limb / 10^4⌋ · 10^4
        tget(2);
        tget(local);
        tget(local);
        ti32(10000);
        tc.push(0x6e); // i32.div_u
        ti32(10000);
        tc.push(0x6c, 0x6b); // i32.mul, i32.sub
        ti32(2);
        tc.push(0x74, 0x28, 2); // i32.shl, i32.load align=4
        leb(tc, 4 * REV_TEXT4_AT, false);
        tc.push(0x36, 0); // i32.store align=1
        leb(tc, 2 + 8 * i, false);
        // high 4 digits
        tget(2);
        tget(local);
        ti32(10000);
        tc.push(0x6e);
        ti32(2);
        tc.push(0x74, 0x28, 2);
        leb(tc, 4 * REV_TEXT4_AT, false);
        tc.push(0x36, 0);
        leb(tc, 6 + 8 * i, false);
      };
      // `0.`
      tget(2);
      ti32(0x2e30);
      tc.push(0x3b, 0, 0); // i32.store16 align=1 offset=0
      tget(R);
      tc.push(0xa7); // i32.wrap_i64
      tset(LIMB);
      put(LIMB, 0);
      ti32(0);
      tset(CARRY);
      for (let i = 1; i < 9; i++) {
        // limb = r_i + q_(i-1) + carry (< 2 · 10^8); carry = limb ≥ 10^8; limb -= carry · 10^8
        tget(R + i);
        tget(Q + i - 1);
        tc.push(0x7c, 0xa7); // i64.add, i32.wrap_i64
        tget(CARRY);
        tc.push(0x6a); // i32.add
        tset(LIMB);
        tget(LIMB);
        ti32(1e8);
        tc.push(0x4f); // i32.ge_u
        tset(CARRY);
        tget(LIMB);
        tget(CARRY);
        ti32(1e8);
        tc.push(0x6c, 0x6b); // i32.mul, i32.sub
        tset(LIMB);
        put(LIMB, i);
      }
      tget(LIMB);
      tset(L8);
      tget(A9);
      tget(Q + 8);
      tc.push(0x7c, 0xa7); // i64.add, i32.wrap_i64
      tget(CARRY);
      tc.push(0x6a);
      tset(L9);
      put(L9, 9);
      // length: 2 + (limb 9 ≠ 0 ? 72 + digits(limb 9) : limb 8 ≠ 0 ? 64 + digits(limb 8) : 64)
      const digitCount = (local: number, base: number) => {
        ti32(base + 1);
        for (const t of [10, 100, 1000, 1e4, 1e5, 1e6, 1e7]) {
          tget(local);
          ti32(t);
          tc.push(0x4f, 0x6a); // i32.ge_u, i32.add
        }
      };
      tget(L9);
      tc.push(0x04, 0x7f); // if (result i32)
      digitCount(L9, 72);
      tc.push(0x05); // else
      tget(L8);
      tc.push(0x04, 0x7f);
      digitCount(L8, 64);
      tc.push(0x05);
      ti32(64);
      tc.push(0x0b, 0x0b); // end, end
      ti32(2);
      tc.push(0x6a, 0x0b); // i32.add, end function
      const toText: number[] = [4, 16, 0x7e, 18, 0x7e, 2, 0x7e, 4, 0x7f, ...tc]; // locals: 16 + 18 + 2 i64, 4 i32
      // The export `T(count, dst)`: lane by lane, `t` of lane L's digest (interleaved, stride 16) to
      // dst + TICKET_ROOM · L, its length at byte 4 · LENGTHS_AT + L.
      const bc: number[] = [];
      const { get: bget, i32: bi32 } = emitter(bc);
      // locals: 0 count, 1 dst (params); 2 lane
      bc.push(0x02, 0x40, 0x03, 0x40); // block, loop
      bget(2);
      bget(0);
      bc.push(0x4f, 0x0d, 1); // i32.ge_u, br_if 1
      bget(2);
      // address of the lane's digest: 4 · LANES_AT + 256 · (lane >> 2) + 4 · (lane & 3)
      bget(2);
      bi32(2);
      bc.push(0x76); // i32.shr_u
      bi32(256);
      bc.push(0x6c);
      bget(2);
      bi32(3);
      bc.push(0x71); // i32.and
      bi32(4);
      bc.push(0x6c, 0x6a);
      bi32(4 * LANES_AT);
      bc.push(0x6a);
      bi32(16);
      bget(1);
      bget(2);
      bi32(TICKET_ROOM);
      bc.push(0x6c, 0x6a); // dst + room · lane
      bc.push(0x10, 2); // call t
      bc.push(0x3a, 0); // i32.store8 (address: lane, pushed first)
      leb(bc, 4 * LENGTHS_AT, false);
      bget(2);
      bi32(1);
      bc.push(0x6a, 0x21, 2); // lane + 1
      bc.push(0x0c, 0, 0x0b, 0x0b, 0x0b); // br 0, end loop, end block, end function
      const toTexts: number[] = [1, 1, 0x7f, ...bc];
      const section = (id: number, content: number[]): number[] => {
        const out = [id];
        leb(out, content.length, false);
        return out.concat(content);
      };
      const sized: number[] = [];
      leb(sized, body.length, false);
      const singleSized: number[] = [];
      leb(singleSized, single.length, false);
      const toTextSized: number[] = [];
      leb(toTextSized, toText.length, false);
      const toTextsSized: number[] = [];
      leb(toTextsSized, toTexts.length, false);
      const bytes = new Uint8Array([
        0x00,
        0x61,
        0x73,
        0x6d,
        0x01,
        0x00,
        0x00,
        0x00,
        // types: (i32, i32) → i32, () → (), (i32, i32, i32) → i32, (i32, i32) → ()
        ...section(
          1,
          [
            4, 0x60, 2, 0x7f, 0x7f, 1, 0x7f, 0x60, 0, 0, 0x60, 3, 0x7f, 0x7f, 0x7f, 1, 0x7f, 0x60, 2, 0x7f,
            0x7f, 0,
          ],
        ),
        ...section(3, [4, 0, 1, 2, 3]), // four functions, of types 0, 1, 2, 3
        ...section(5, [1, 0, 2]), // one memory, 2 pages (MEMORY_PAGES once grown for the texts)
        // exports m, h, s, t, T
        ...section(
          7,
          [5, 1, 0x6d, 0x02, 0, 1, 0x68, 0x00, 0, 1, 0x73, 0x00, 1, 1, 0x74, 0x00, 2, 1, 0x54, 0x00, 3],
        ),
        ...section(10, [
          4,
          ...sized,
          ...body,
          ...singleSized,
          ...single,
          ...toTextSized,
          ...toText,
          ...toTextsSized,
          ...toTexts,
        ]),
      ]);
      return new wasm.Module(bytes);
    } catch {
      return undefined;
    }
  })();

  /** The scalar WebAssembly compression of one block (the module's export `s`), when the module exists. */
  const one = (() => {
    if (wasm === undefined || simdModule === undefined) return undefined;
    const { exports } = new wasm.Instance(simdModule);
    const memory = exports.m as { buffer: ArrayBuffer; grow(pages: number): number };
    memory.grow(MEMORY_PAGES - 2);
    const buffer = memory.buffer;
    new Uint32Array(buffer, 4 * REV_TEXT4_AT, 10000).set(REV_TEXT4);
    return {
      mem: new Int32Array(buffer, 4 * ONE_AT, 24),
      run: exports.s as () => void,
      /** The midstate array whose words the memory holds (callers never modify a midstate). */
      mid: undefined as Int32Array | undefined,
      /** The digest words the export `t` converts ({@link ticket}). */
      words: new Int32Array(buffer, 4 * WORDS_AT, 8),
      /** The whole memory as bytes (the ticket's text is at `4 · TEXTS_AT`). */
      bytes: Buffer.from(buffer),
      toText: exports.t as (src: number, stride: number, dst: number) => number,
    };
  })();

  /** The digest of the final block in `w[0..15]` continued from `mid`, into `out`. */
  function compressLast(mid: Int32Array, out: Int32Array): void {
    if (one === undefined) {
      out.set(mid);
      compress(out);
      return;
    }
    const m = one.mem;
    for (let i = 0; i < 8; i++) m[i] = mid[i]!;
    one.mid = mid;
    for (let i = 0; i < 16; i++) m[8 + i] = w[i]!;
    one.run();
    for (let i = 0; i < 8; i++) out[i] = m[8 + i]!;
  }

  /**
   * Up to {@link LANES} messages `seedHex ‖ id` of one seed (ids up to 55 UTF-8 bytes: one block after the
   * midstate), hashed together: four lanes at a time in WebAssembly SIMD when available, else one by one.
   * Load messages with {@link Batch.addBytes} / {@link Batch.addString}, {@link Batch.run}, read each digest
   * with {@link Batch.digest}, then {@link Batch.clear}.
   */
  class Batch {
    mem: Int32Array;
    /** The 15-digit keys of the listed messages, in list order. */
    keys: Float64Array;
    readonly #simd: ((groups: number, bound: number) => number) | undefined;
    readonly #toTexts: ((count: number, dst: number) => void) | undefined;
    readonly #memory: { buffer: ArrayBuffer; grow(pages: number): number } | undefined;
    #texts: Buffer | undefined;
    #lengths: Uint8Array | undefined;
    count = 0;
    constructor(mid: Int32Array) {
      if (wasm !== undefined && simdModule !== undefined) {
        const { exports } = new wasm.Instance(simdModule);
        this.#memory = exports.m as { buffer: ArrayBuffer; grow(pages: number): number };
        this.mem = new Int32Array(this.#memory.buffer, 0, KEYS_AT + 2 * LANES);
        this.#simd = exports.h as (groups: number, bound: number) => number;
        this.#toTexts = exports.T as (count: number, dst: number) => void;
      } else {
        this.mem = new Int32Array(KEYS_AT + 2 * LANES);
      }
      this.keys = new Float64Array(this.mem.buffer, 4 * KEYS_AT, LANES);
      this.mem.set(mid, 0);
      for (let i = 0; i < 1000; i++) this.mem[REV3_AT + i] = REV4[i]! / 10;
    }
    /**
     * Writes the full tickets of lanes `0..count)` after {@link Batch.run} into {@link Batch.texts}: lane L's
     * at byte `TICKETS_AT + TICKET_ROOM · L`, its length at `lengths[L]`. False (nothing written) without the
     * WebAssembly module: then convert each {@link Batch.digest}.
     */
    writeTickets(): boolean {
      if (this.#toTexts === undefined || this.#memory === undefined) return false;
      if (this.#texts === undefined) {
        // The memory holds the tables and texts only from the first call: a batch that only hashes (one per
        // stratum of a draw) stays at its 2 pages. Growing replaces the buffer: the views are made again.
        this.#memory.grow(MEMORY_PAGES - 2);
        const buffer = this.#memory.buffer;
        this.mem = new Int32Array(buffer, 0, KEYS_AT + 2 * LANES);
        this.keys = new Float64Array(buffer, 4 * KEYS_AT, LANES);
        new Uint32Array(buffer, 4 * REV_TEXT4_AT, 10000).set(REV_TEXT4);
        this.#texts = Buffer.from(buffer);
        this.#lengths = new Uint8Array(buffer, 4 * LENGTHS_AT, LANES);
      }
      this.#toTexts(this.count, 4 * TEXTS_AT);
      return true;
    }
    /** The memory as bytes, holding the texts of {@link Batch.writeTickets}. */
    get texts(): Buffer {
      return this.#texts!;
    }
    /** The ticket lengths of {@link Batch.writeTickets}, by lane. */
    get lengths(): Uint8Array {
      return this.#lengths!;
    }
    get full(): boolean {
      return this.count === LANES;
    }
    /** Loads `seedHex ‖ bytes[start..end)` as the next message; false (nothing loaded) above 55 bytes. */
    addBytes(bytes: Uint8Array, start: number, end: number): boolean {
      const n = end - start;
      if (n > 55) return false;
      const mem = this.mem;
      let at = LANES_AT + 64 * (this.count >> 2) + (this.count & 3);
      let word = 0;
      for (let i = 0; i < n; i++) {
        word = (word << 8) | bytes[start + i]!;
        if ((i & 3) === 3) {
          mem[at] = word;
          at += 4;
          word = 0;
        }
      }
      this.#pad(at, word, n);
      return true;
    }
    /** Loads `seedHex ‖ id` for an ASCII id up to 55 characters; false (nothing loaded) otherwise. */
    addString(id: string): boolean {
      const n = id.length;
      if (n > 55) return false;
      const mem = this.mem;
      let at = LANES_AT + 64 * (this.count >> 2) + (this.count & 3);
      let word = 0;
      let seen = 0;
      for (let i = 0; i < n; i++) {
        const ch = id.charCodeAt(i);
        seen |= ch;
        word = (word << 8) | ch;
        if ((i & 3) === 3) {
          mem[at] = word;
          at += 4;
          word = 0;
        }
      }
      if (seen >= 0x80) return false;
      this.#pad(at, word, n);
      return true;
    }
    #pad(from: number, word: number, n: number): void {
      const mem = this.mem;
      let at = from;
      mem[at] = ((word << 8) | 0x80) << ((3 - (n & 3)) * 8);
      const last = at - 4 * (n >> 2) + 60;
      for (at += 4; at < last; at += 4) mem[at] = 0;
      mem[last] = (64 + n) * 8;
      this.count++;
    }
    /**
     * Hashes the loaded messages and lists those whose 6-digit ticket prefix ({@link prefix6}) is ≤ `bound6`
     * (1e6: all); returns how many, in lane order: read them with {@link Batch.listed}.
     */
    run(bound6: number): number {
      const groups = (this.count + 3) >> 2;
      const mem = this.mem;
      let listed = 0;
      if (this.#simd !== undefined) {
        listed = this.#simd(groups, bound6);
      } else {
        const st = new Int32Array(8);
        for (let lane = 0; lane < 4 * groups; lane++) {
          const at = LANES_AT + 64 * (lane >> 2) + (lane & 3);
          for (let i = 0; i < 16; i++) w[i] = mem[at + 4 * i]!;
          st.set(mem.subarray(0, 8));
          compress(st);
          for (let j = 0; j < 8; j++) mem[at + 4 * j] = st[j]!;
          if (prefix6(st) <= bound6) {
            this.keys[listed] = key(st);
            mem[LIST_AT + listed++] = lane;
          }
        }
      }
      // The last group's unused lanes hold stale messages.
      while (listed > 0 && mem[LIST_AT + listed - 1]! >= this.count) listed--;
      return listed;
    }
    /** The lane of the i-th listed message of the last {@link Batch.run}. */
    listed(i: number): number {
      return this.mem[LIST_AT + i]!;
    }
    /** Copies message `lane`'s digest words (after {@link Batch.run}) into `out[to..to + 8)`. */
    digest(lane: number, out: Int32Array, to = 0): void {
      const mem = this.mem;
      const at = LANES_AT + 64 * (lane >> 2) + (lane & 3);
      for (let j = 0; j < 8; j++) out[to + j] = mem[at + 4 * j]!;
    }
    clear(): void {
      this.count = 0;
    }
  }

  const FIVE15 = 30517578125;
  const INV_FIVE15 = (() => {
    const m = FIVE15 % 32768;
    for (let x = 1; x < 32768; x += 2) if ((m * x) % 32768 === 1) return x;
    return 0;
  })();
  /** 2^(16 j) mod 5^15, j = 0..15 (exact in doubles: each step < 2^16 · 5^15 < 2^52). */
  const POW16 = new Float64Array(16);
  POW16[0] = 1;
  for (let j = 1; j < 16; j++) POW16[j] = (POW16[j - 1]! * 65536) % FIVE15;
  /** Reversed digits of every 4-digit group 0000–9999. */
  const REV4 = new Int32Array(10000);
  for (let i = 0; i < 10000; i++) {
    REV4[i] =
      (i % 10) * 1000 +
      (Math.floor(i / 10) % 10) * 100 +
      (Math.floor(i / 100) % 10) * 10 +
      Math.floor(i / 1000);
  }

  function modFive15(x: number): number {
    let r = x - Math.floor(x / FIVE15) * FIVE15;
    if (r < 0) r += FIVE15;
    else if (r >= FIVE15) r -= FIVE15;
    return r;
  }

  /**
   * The first 15 ticket digits as an integer in [0, 10^15): the 15 lowest decimal digits of the digest integer,
   * reversed. Keys order tickets exactly like the decimal strings except on ties (then compare full tickets).
   */
  function key(words: Int32Array, at = 0): number {
    let acc = 0;
    for (let i = 0; i < 8; i++) {
      const v = words[at + 7 - i]! >>> 0;
      acc += (v & 0xffff) * POW16[2 * i]! + (v >>> 16) * POW16[2 * i + 1]!;
      if ((i & 1) === 1) acc = modFive15(acc);
    }
    const r = modFive15(acc);
    const t = Math.imul((words[at + 7]! - (r % 32768) + 32768) & 0x7fff, INV_FIVE15) & 0x7fff;
    const x = r + FIVE15 * t;
    const hi = Math.floor(x / 1e8);
    const lo = x - hi * 1e8;
    const lo1 = Math.floor(lo / 1e4);
    const lo0 = lo - lo1 * 1e4;
    const hi1 = Math.floor(hi / 1e4);
    const hi0 = hi - hi1 * 1e4;
    return (REV4[lo0]! * 1e4 + REV4[lo1]!) * 1e7 + REV4[hi0]! * 1e3 + REV4[hi1]! / 10;
  }

  /** 2^(16 j) mod 5^6, j = 0..15. */
  const POW16_5_6 = new Float64Array(16);
  POW16_5_6[0] = 1;
  for (let j = 1; j < 16; j++) POW16_5_6[j] = (POW16_5_6[j - 1]! * 65536) % 15625;

  /**
   * The first 6 ticket digits as an integer in [0, 10^6), i.e. `Math.floor(key(words) / 1e9)`, at a fraction of
   * the cost: a bounded top-k rejects most ids on it without computing the full key.
   */
  function prefix6(words: Int32Array): number {
    let acc = 0;
    for (let i = 0; i < 8; i++) {
      const v = words[7 - i]! >>> 0;
      // each product < 2^16 · 2^14 = 2^30; the sum of 16 stays far below 2^53
      acc += (v & 0xffff) * POW16_5_6[2 * i]! + (v >>> 16) * POW16_5_6[2 * i + 1]!;
    }
    const r = acc % 15625; // n mod 5^6
    // n mod 2^6 = low 6 bits; CRT: x = r + 15625 t with x ≡ n (mod 64); 15625 ≡ 9 (mod 64), 9⁻¹ ≡ 57
    const t = (((words[7]! & 63) - (r & 63) + 64) * 57) & 63;
    const x = r + 15625 * t; // n mod 10^6
    const hi = Math.floor(x / 1e4); // < 100
    const lo = x - hi * 1e4;
    // reversed: digits of lo (4) then of hi (2)
    return REV4[lo]! * 100 + REV4[hi]! / 100;
  }

  /** A {@link TicketSpace} of at least `size` bytes. */
  function ticketSpace(size: number): TicketSpace {
    const memory = new ArrayBuffer(4 * Math.ceil(size / 4));
    return { bytes: Buffer.from(memory), quads: new Uint32Array(memory) };
  }
  /** The four ASCII digits of 0–9999, highest first, as the 32-bit word that stores them in that order. */
  const TEXT4 = new Uint32Array(10000);
  /** `.` and the three ASCII digits of 0–999, highest first, as one 32-bit word. */
  const DOT_TEXT3 = new Uint32Array(1000);
  {
    const bytes = new Uint8Array(TEXT4.buffer);
    const dots = new Uint8Array(DOT_TEXT3.buffer);
    for (let x = 0; x < 10000; x++) {
      bytes[4 * x] = 48 + Math.floor(x / 1000);
      bytes[4 * x + 1] = 48 + (Math.floor(x / 100) % 10);
      bytes[4 * x + 2] = 48 + (Math.floor(x / 10) % 10);
      bytes[4 * x + 3] = 48 + (x % 10);
      if (x < 1000) {
        dots[4 * x] = 46;
        dots[4 * x + 1] = 48 + Math.floor(x / 100);
        dots[4 * x + 2] = 48 + (Math.floor(x / 10) % 10);
        dots[4 * x + 3] = 48 + (x % 10);
      }
    }
  }
  /** The text of one ticket ({@link ticket}), written from byte 2. */
  const ticketText = ticketSpace(2 + TICKET_ROOM);
  /**
   * Node's `Buffer.prototype.latin1Slice(start, end)`, what `toString('latin1', start, end)` ends in after its
   * argument checks and encoding dispatch (undocumented but present in every supported Node; a tenth of a
   * ticket's time is saved); the documented call when it is missing.
   */
  const latin1Slice = (
    ticketText.bytes as unknown as { latin1Slice?: (start: number, end: number) => string }
  ).latin1Slice;

  /** The Latin-1 text of `bytes[start..end)`, by {@link latin1Slice} when present. */
  function text(bytes: Buffer, start: number, end: number): string {
    return latin1Slice !== undefined
      ? latin1Slice.call(bytes, start, end)
      : bytes.toString('latin1', start, end);
  }

  /**
   * Writes the ticket trimmed to `digits` significant digits after its leading 9s, from its 15-digit
   * {@link key} alone, into `space` from `base` (≡ 3 mod 4; 17 bytes free) and returns its length; 0 (the text
   * written is not the ticket) when those digits do not all lie within the key's 15.
   */
  function writeKeyTicket(key: number, digits: number, space: TicketSpace, base: number): number {
    // the key's 15 digits, highest first, in two exact integer halves (< 10^7 and < 10^8): `0`, then the words
    // `.ddd` (3 of the 7), `dddd`, and the 8 of the low half
    const hi = Math.floor(key / 1e8);
    const lo = key - hi * 1e8;
    const h1 = (hi / 1e4) | 0;
    const l1 = (lo / 1e4) | 0;
    const bytes = space.bytes;
    const quads = space.quads;
    const at4 = (base + 1) >> 2;
    bytes[base] = 48;
    quads[at4] = DOT_TEXT3[h1]!;
    quads[at4 + 1] = TEXT4[hi - h1 * 1e4]!;
    quads[at4 + 2] = TEXT4[l1]!;
    quads[at4 + 3] = TEXT4[lo - l1 * 1e4]!;
    let i = 2;
    while (i < 17 && bytes[base + i] === 57) i++;
    return i + digits > 17 ? 0 : i + digits;
  }

  /** Writes a limb in [0, 10^8) as 8 reversed digits: two words at `quads[at]`. */
  function put(quads: Uint32Array, at: number, limb: number): void {
    const x = limb | 0;
    const hi = (x / 1e4) | 0;
    quads[at] = REV_TEXT4[x - hi * 1e4]!;
    quads[at + 1] = REV_TEXT4[hi]!;
  }
  /** Decimal digits of a limb in [1, 10^8). */
  function digitCount(g: number): number {
    return g < 1e4
      ? g < 10
        ? 1
        : g < 100
          ? 2
          : g < 1000
            ? 3
            : 4
      : g < 1e5
        ? 5
        : g < 1e6
          ? 6
          : g < 1e7
            ? 7
            : 8;
  }

  /**
   * The full decimal ticket of digest words: digits of the integer, zero-padded to 64, reversed, after `0.`.
   * `at`: the offset of the 8 words in `words`; `digits`: trimmed as `trimTicket` does (a new flat string, not
   * a slice of the full one).
   */
  function ticket(words: Int32Array, at = 0, digits = Number.POSITIVE_INFINITY): string {
    if (one === undefined)
      return text(ticketText.bytes, 2, 2 + writeTicket(words, at, digits, ticketText, 2));
    const w = one.words;
    for (let i = 0; i < 8; i++) w[i] = words[at + i]!;
    const start = 4 * TEXTS_AT;
    const length = one.toText(4 * WORDS_AT, 4, start);
    return text(one.bytes, start, start + trimmedLength(one.bytes, start, length, digits));
  }

  /**
   * The length of the ticket whose full text (`length` bytes) is at `bytes[start..)`, trimmed to `digits`
   * significant digits after its leading 9s (as `trimTicket`).
   */
  function trimmedLength(bytes: Uint8Array, start: number, length: number, digits: number): number {
    if (digits >= length) return length;
    let i = 2;
    while (i < length && bytes[start + i] === 57) i++;
    return i + digits < length ? i + digits : length;
  }

  /**
   * Writes the text of {@link ticket} into `space` from `base` (≡ 2 mod 4, with {@link TICKET_ROOM} bytes free;
   * bytes past the ticket may be overwritten) and returns its length. BigInt-free: the integer is
   * Σ u_h · 2^(16 h) over its sixteen 16-bit halves, summed limb by limb in base 10^8 (every partial sum
   * < 16 · 2^16 · 10^8 < 2^47, exact in doubles), then one carry pass. The sums are unrolled with the base-10^8
   * limbs of 2^(16 h) as literals, skipping the zero limbs: 78 multiplications instead of 160, no table loads.
   * Generated by `for i < 10, h < 16: (2n ** BigInt(16 * h) / 10n ** BigInt(8 * i)) % 10n ** 8n` (non-zero
   * terms only); the Rivest vectors and the BigInt reference property check every coefficient. The limbs come
   * lowest first, the order the reversed ticket needs, and each limb is two 4-digit words from a table.
   */
  function writeTicket(
    words: Int32Array,
    at: number,
    digits: number,
    space: TicketSpace,
    base: number,
  ): number {
    const w0 = words[at + 7]!;
    const w1 = words[at + 6]!;
    const w2 = words[at + 5]!;
    const w3 = words[at + 4]!;
    const w4 = words[at + 3]!;
    const w5 = words[at + 2]!;
    const w6 = words[at + 1]!;
    const w7 = words[at + 0]!;
    const u0 = w0 & 0xffff;
    const u1 = w0 >>> 16;
    const u2 = w1 & 0xffff;
    const u3 = w1 >>> 16;
    const u4 = w2 & 0xffff;
    const u5 = w2 >>> 16;
    const u6 = w3 & 0xffff;
    const u7 = w3 >>> 16;
    const u8 = w4 & 0xffff;
    const u9 = w4 >>> 16;
    const u10 = w5 & 0xffff;
    const u11 = w5 >>> 16;
    const u12 = w6 & 0xffff;
    const u13 = w6 >>> 16;
    const u14 = w7 & 0xffff;
    const u15 = w7 >>> 16;
    const a0 =
      u0 +
      u1 * 65536 +
      u2 * 94967296 +
      u3 * 76710656 +
      u4 * 9551616 +
      u5 * 74706176 +
      u6 * 43950336 +
      u7 * 29220096 +
      u8 * 68211456 +
      u9 * 5980416 +
      u10 * 32542976 +
      u11 * 36475136 +
      u12 * 34512896 +
      u13 * 37152256 +
      u14 * 10249216 +
      u15 * 92619776;
    const a1 =
      u2 * 42 +
      u3 * 2814749 +
      u4 * 67440737 +
      u5 * 96146291 +
      u6 * 43375935 +
      u7 * 85304963 +
      u8 * 46074317 +
      u9 * 26483615 +
      u10 * 30196559 +
      u11 * 61711951 +
      u12 * 54444640 +
      u13 * 83949658 +
      u14 * 24811036 +
      u15 * 16062012;
    const a2 =
      u4 * 1844 +
      u5 * 20892581 +
      u6 * 16251426 +
      u7 * 53482762 +
      u8 * 46346337 +
      u9 * 53571827 +
      u10 * 83271628 +
      u11 * 89432397 +
      u12 * 41610235 +
      u13 * 68396640 +
      u14 * 42254057 +
      u15 * 61895812;
    const a3 =
      u5 +
      u6 * 79228 +
      u7 * 92296858 +
      u8 * 66920938 +
      u9 * 30623141 +
      u10 * 18203684 +
      u11 * 96689196 +
      u12 * 23207666 +
      u13 * 37626245 +
      u14 * 73637144 +
      u15 * 83896875;
    const a4 =
      u7 * 51 +
      u8 * 3402823 +
      u9 * 7451985 +
      u10 * 73309029 +
      u11 * 80536473 +
      u12 * 38357894 +
      u13 * 22956393 +
      u14 * 70196306 +
      u15 * 85158274;
    const a5 =
      u9 * 2230 +
      u10 * 46150163 +
      u11 * 97130411 +
      u12 * 38668076 +
      u13 * 51053874 +
      u14 * 66701508 +
      u15 * 50074291;
    const a6 = u10 + u11 * 95780 + u12 * 77101735 + u13 * 39330301 + u14 * 50639794 + u15 * 29583297;
    const a7 = u12 * 62 + u13 * 4113761 + u14 * 99466671 + u15 * 47783843;
    const a8 = u14 * 2695 + u15 * 76684706;
    const a9 = u15;
    const bytes = space.bytes;
    const quads = space.quads;
    bytes[base] = 48;
    bytes[base + 1] = 46;
    const at4 = (base + 2) >> 2;
    // Each sum splits on its own into quotient and remainder by 10^8 (⌊a / 10^8⌋ from a multiplication: a < 2^48,
    // so the estimate is off by at most one, corrected below); nothing waits on the carry of the limb below, so
    // the processor overlaps them. Then limb i = r_i + q_(i-1) + c_(i-1) < 2 · 10^8, whose carry c_i is 0 or 1.
    // Written out (generated like the sums): a helper for the quotient, not inlined in this large function,
    // measured a third slower.
    let q0 = Math.floor(a0 * 1e-8);
    let r0 = a0 - q0 * 1e8;
    if (r0 >= 1e8) {
      q0++;
      r0 -= 1e8;
    } else if (r0 < 0) {
      q0--;
      r0 += 1e8;
    }
    let q1 = Math.floor(a1 * 1e-8);
    let r1 = a1 - q1 * 1e8;
    if (r1 >= 1e8) {
      q1++;
      r1 -= 1e8;
    } else if (r1 < 0) {
      q1--;
      r1 += 1e8;
    }
    let q2 = Math.floor(a2 * 1e-8);
    let r2 = a2 - q2 * 1e8;
    if (r2 >= 1e8) {
      q2++;
      r2 -= 1e8;
    } else if (r2 < 0) {
      q2--;
      r2 += 1e8;
    }
    let q3 = Math.floor(a3 * 1e-8);
    let r3 = a3 - q3 * 1e8;
    if (r3 >= 1e8) {
      q3++;
      r3 -= 1e8;
    } else if (r3 < 0) {
      q3--;
      r3 += 1e8;
    }
    let q4 = Math.floor(a4 * 1e-8);
    let r4 = a4 - q4 * 1e8;
    if (r4 >= 1e8) {
      q4++;
      r4 -= 1e8;
    } else if (r4 < 0) {
      q4--;
      r4 += 1e8;
    }
    let q5 = Math.floor(a5 * 1e-8);
    let r5 = a5 - q5 * 1e8;
    if (r5 >= 1e8) {
      q5++;
      r5 -= 1e8;
    } else if (r5 < 0) {
      q5--;
      r5 += 1e8;
    }
    let q6 = Math.floor(a6 * 1e-8);
    let r6 = a6 - q6 * 1e8;
    if (r6 >= 1e8) {
      q6++;
      r6 -= 1e8;
    } else if (r6 < 0) {
      q6--;
      r6 += 1e8;
    }
    let q7 = Math.floor(a7 * 1e-8);
    let r7 = a7 - q7 * 1e8;
    if (r7 >= 1e8) {
      q7++;
      r7 -= 1e8;
    } else if (r7 < 0) {
      q7--;
      r7 += 1e8;
    }
    let q8 = Math.floor(a8 * 1e-8);
    let r8 = a8 - q8 * 1e8;
    if (r8 >= 1e8) {
      q8++;
      r8 -= 1e8;
    } else if (r8 < 0) {
      q8--;
      r8 += 1e8;
    }
    let limb = r0;
    put(quads, at4, limb);
    let carry = 0;
    limb = r1 + q0 + carry;
    carry = limb >= 1e8 ? 1 : 0;
    limb -= carry * 1e8;
    put(quads, at4 + 2, limb);
    limb = r2 + q1 + carry;
    carry = limb >= 1e8 ? 1 : 0;
    limb -= carry * 1e8;
    put(quads, at4 + 4, limb);
    limb = r3 + q2 + carry;
    carry = limb >= 1e8 ? 1 : 0;
    limb -= carry * 1e8;
    put(quads, at4 + 6, limb);
    limb = r4 + q3 + carry;
    carry = limb >= 1e8 ? 1 : 0;
    limb -= carry * 1e8;
    put(quads, at4 + 8, limb);
    limb = r5 + q4 + carry;
    carry = limb >= 1e8 ? 1 : 0;
    limb -= carry * 1e8;
    put(quads, at4 + 10, limb);
    limb = r6 + q5 + carry;
    carry = limb >= 1e8 ? 1 : 0;
    limb -= carry * 1e8;
    put(quads, at4 + 12, limb);
    limb = r7 + q6 + carry;
    carry = limb >= 1e8 ? 1 : 0;
    limb -= carry * 1e8;
    put(quads, at4 + 14, limb);
    limb = r8 + q7 + carry;
    carry = limb >= 1e8 ? 1 : 0;
    limb -= carry * 1e8;
    put(quads, at4 + 16, limb);
    const l8 = limb;
    const l9 = a9 + q8 + carry;
    put(quads, at4 + 18, l9);
    // The integer has 72 digits plus those of limb 9, or 64 plus those of limb 8, or at most 64 (then 64 are
    // written, zero-padded).
    const used = l9 !== 0 ? 72 + digitCount(l9) : l8 !== 0 ? 64 + digitCount(l8) : 64;
    return trimmedLength(bytes, base, used < 64 ? 66 : 2 + used, digits);
  }

  /** Unicode code-point order (UTF-8 byte order), as `compareCodePoints`. */
  function compareIds(a: string, b: string): number {
    if (a === b) return 0;
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const x = a.charCodeAt(i);
      const y = b.charCodeAt(i);
      if (x !== y) {
        const fx = x >= 0xe000 ? x - 0x800 : x >= 0xd800 ? x + 0x2000 : x;
        const fy = y >= 0xe000 ? y - 0x800 : y >= 0xd800 ? y + 0x2000 : y;
        return fx - fy;
      }
    }
    return a.length - b.length;
  }

  /** One seed's hasher: midstate, scratch digest words, keys and full tickets of ids. */
  class Hasher {
    readonly seedHex: string;
    readonly mid: Int32Array;
    readonly words = new Int32Array(8);
    readonly #other = new Int32Array(8);
    constructor(seedHex: string) {
      this.seedHex = seedHex;
      this.mid = midstate(seedHex);
    }
    key(id: string): number {
      hashId(this.mid, id, this.words);
      return key(this.words);
    }
    ticket(id: string, digits = Number.POSITIVE_INFINITY): string {
      hashId(this.mid, id, this.#other);
      return ticket(this.#other, 0, digits);
    }
    /** Full-precision order of two ids' tickets, then the ids (Python's tuple order). */
    compare(a: string, b: string): number {
      const ta = this.ticket(a);
      const tb = this.ticket(b);
      if (ta !== tb) return ta < tb ? -1 : 1;
      return compareIds(a, b);
    }
  }

  /**
   * The indices of `keys` in ascending key order, ties by `tie(a, b)`. The key's top 32 bits (keys < 10^15 <
   * 2^50) are sorted with their indices by a stable radix sort (three passes of 11, 11 and 10 bits: linear, and
   * no input makes it slower), or by a native sort of packed 64-bit integers below {@link RADIX_FROM} keys; then
   * the rare runs of equal top bits are re-sorted exactly.
   */
  function sortByKey(keys: Float64Array, tie: (a: number, b: number) => number): Uint32Array {
    const n = keys.length;
    const { order, top } = n >= RADIX_FROM ? radixTop(keys) : nativeTop(keys);
    const exact = (a: number, b: number): number => {
      const ka = keys[a]!;
      const kb = keys[b]!;
      if (ka !== kb) return ka < kb ? -1 : 1;
      return tie(a, b);
    };
    for (let i = 1; i < n; ) {
      if (top[i] !== top[i - 1]) {
        i++;
        continue;
      }
      let end = i + 1;
      while (end < n && top[end] === top[i]) end++;
      order.subarray(i - 1, end).sort(exact);
      i = end;
    }
    return order;
  }

  /** From how many keys {@link sortByKey} sorts by radix. */
  const RADIX_FROM = 2048;

  /** The top 32 bits of a 15-digit key (2^50 > 10^15). */
  const topBits = (key: number): number => Math.floor(key / 262144); // 2^18

  /** The indices in order of their keys' top bits, and those top bits in that order: a native sort. */
  function nativeTop(keys: Float64Array): { order: Uint32Array; top: Uint32Array } {
    const n = keys.length;
    const packed = new BigUint64Array(n);
    const halves = new Uint32Array(packed.buffer);
    const lo = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 0 : 1;
    for (let i = 0; i < n; i++) {
      halves[2 * i + lo] = i;
      halves[2 * i + 1 - lo] = topBits(keys[i]!);
    }
    packed.sort();
    const order = new Uint32Array(n);
    const top = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      order[i] = halves[2 * i + lo]!;
      top[i] = halves[2 * i + 1 - lo]!;
    }
    return { order, top };
  }

  /** {@link nativeTop} by a stable least-significant-digit radix sort of the 32 bits: 11, 11, then 10. */
  function radixTop(keys: Float64Array): { order: Uint32Array; top: Uint32Array } {
    const n = keys.length;
    const c0 = new Uint32Array(2048);
    const c1 = new Uint32Array(2048);
    const c2 = new Uint32Array(1024);
    const k0 = new Uint32Array(n);
    const i0 = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const k = topBits(keys[i]!);
      k0[i] = k;
      i0[i] = i;
      c0[k & 2047]!++;
      c1[(k >>> 11) & 2047]!++;
      c2[k >>> 22]!++;
    }
    const k1 = new Uint32Array(n);
    const i1 = new Uint32Array(n);
    scatter(k0, i0, k1, i1, c0, 0);
    scatter(k1, i1, k0, i0, c1, 11);
    scatter(k0, i0, k1, i1, c2, 22);
    return { order: i1, top: k1 };
  }

  /** One radix pass: (key, index) pairs from `k`/`at` to `k2`/`at2`, stably by the digit at `shift`. */
  function scatter(
    k: Uint32Array,
    at: Uint32Array,
    k2: Uint32Array,
    at2: Uint32Array,
    count: Uint32Array,
    shift: number,
  ): void {
    for (let d = 0, sum = 0; d < count.length; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    const mask = count.length - 1;
    for (let i = 0; i < k.length; i++) {
      const x = k[i]!;
      const p = count[(x >>> shift) & mask]!++;
      k2[p] = x;
      at2[p] = at[i]!;
    }
  }

  /**
   * The `capacity` smallest tickets seen, in a bounded max-heap on (key, full ticket, id): memory proportional
   * to the sample. Full tickets are computed only when two keys are equal.
   */
  class TopK {
    readonly keys: number[] = [];
    readonly ids: string[] = [];
    readonly hasher: Hasher;
    readonly capacity: number;
    seen = 0;
    /** Ids offered by {@link TopK.offerBytes} / {@link TopK.offerString} and not hashed yet, by batch lane. */
    #batch: Batch | undefined;
    readonly #pending: string[] = [];
    readonly #words = new Int32Array(8);
    constructor(hasher: Hasher, capacity: number) {
      this.hasher = hasher;
      this.capacity = capacity;
    }
    /** The largest key held when full (an id with a larger key cannot enter), else +Infinity. */
    get bound(): number {
      this.flush();
      return this.keys.length < this.capacity ? Number.POSITIVE_INFINITY : (this.keys[0] ?? -1);
    }
    cmp(ka: number, a: string, kb: number, b: string): number {
      if (ka !== kb) return ka < kb ? -1 : 1;
      return this.hasher.compare(a, b);
    }
    offer(key: number, id: string): void {
      this.seen++;
      this.#insert(key, id);
    }
    /**
     * Offers the id whose UTF-8 bytes are `bytes[start..end)` (the string `id`): its message is copied into a
     * batch hashed four lanes at a time once full, or by {@link TopK.flush} (which every read of the heap calls).
     */
    offerBytes(bytes: Uint8Array, start: number, end: number, id: string): void {
      this.seen++;
      if (this.capacity === 0) return;
      if (this.#batch === undefined) this.#batch = new Batch(this.hasher.mid);
      const batch = this.#batch;
      if (batch.addBytes(bytes, start, end)) {
        this.#pending[batch.count - 1] = id;
        if (batch.full) this.flush();
        return;
      }
      hashIdBytes(this.hasher.mid, bytes, start, end, this.#words);
      this.#consider(this.#words, id);
    }
    /** Offers an id, hashed in a batch like {@link TopK.offerBytes}. */
    offerString(id: string): void {
      this.seen++;
      if (this.capacity === 0) return;
      if (this.#batch === undefined) this.#batch = new Batch(this.hasher.mid);
      const batch = this.#batch;
      if (batch.addString(id)) {
        this.#pending[batch.count - 1] = id;
        if (batch.full) this.flush();
        return;
      }
      hashId(this.hasher.mid, id, this.#words);
      this.#consider(this.#words, id);
    }
    /** Hashes the batched ids and offers those that can enter. */
    flush(): void {
      const batch = this.#batch;
      if (batch === undefined || batch.count === 0) return;
      const keys = this.keys;
      const pending = this.#pending;
      const listed = batch.run(keys.length < this.capacity ? 1e6 : Math.floor(keys[0]! / 1e9));
      const listedKeys = batch.keys;
      for (let i = 0; i < listed; i++) {
        const k = listedKeys[i]!;
        if (keys.length >= this.capacity && k > keys[0]!) continue;
        this.#insert(k, pending[batch.listed(i)]!);
      }
      batch.clear();
    }
    /** Inserts the id of digest `words` if its ticket is below the heap's largest (or the heap is not full). */
    #consider(words: Int32Array, id: string): void {
      const keys = this.keys;
      if (keys.length >= this.capacity && prefix6(words) > Math.floor(keys[0]! / 1e9)) return;
      const k = key(words);
      if (keys.length >= this.capacity && k > keys[0]!) return;
      this.#insert(k, id);
    }
    #insert(key: number, id: string): void {
      const keys = this.keys;
      const ids = this.ids;
      const n = keys.length;
      if (n < this.capacity) {
        let i = n;
        keys.push(key);
        ids.push(id);
        while (i > 0) {
          const p = (i - 1) >> 1;
          const kp = keys[p]!;
          if (key < kp || (key === kp && this.cmp(key, id, kp, ids[p]!) <= 0)) break;
          keys[i] = kp;
          ids[i] = ids[p]!;
          i = p;
        }
        keys[i] = key;
        ids[i] = id;
        return;
      }
      if (n === 0) return;
      const top = keys[0]!;
      if (key > top || (key === top && this.cmp(key, id, top, ids[0]!) >= 0)) return;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        let m = l;
        let km = keys[l]!;
        const r = l + 1;
        if (r < n) {
          const kr = keys[r]!;
          if (kr > km || (kr === km && this.cmp(kr, ids[r]!, km, ids[l]!) > 0)) {
            m = r;
            km = kr;
          }
        }
        if (km < key || (km === key && this.cmp(km, ids[m]!, key, id) <= 0)) break;
        keys[i] = km;
        ids[i] = ids[m]!;
        i = m;
      }
      keys[i] = key;
      ids[i] = id;
    }
    /**
     * Offers the id whose digest words are `words` (its ticket hashed already): when the heap is full, most ids
     * are rejected on their 6-digit prefix alone. `id` may be a function, called only if the id is kept.
     */
    offerWords(words: Int32Array, id: string | (() => string)): void {
      const keys = this.keys;
      if (keys.length >= this.capacity) {
        if (this.capacity === 0 || prefix6(words) > Math.floor(keys[0]! / 1e9)) {
          this.seen++;
          return;
        }
      }
      const k = key(words);
      if (keys.length >= this.capacity && k > keys[0]!) {
        this.seen++;
        return;
      }
      this.offer(k, typeof id === 'string' ? id : id());
    }
    /** The held ids in ascending ticket order. */
    sortedIds(): string[] {
      this.flush();
      const ids = this.ids;
      const order = sortByKey(Float64Array.from(this.keys), (a, b) => this.hasher.compare(ids[a]!, ids[b]!));
      return Array.from(order, (i) => ids[i]!);
    }
    /** The held ids with their keys in ascending ticket order. */
    sorted(): { key: number; id: string }[] {
      this.flush();
      const keys = Float64Array.from(this.keys);
      const ids = this.ids;
      const order = sortByKey(keys, (a, b) => this.hasher.compare(ids[a]!, ids[b]!));
      return Array.from(order, (i) => ({ key: keys[i]!, id: ids[i]! }));
    }
  }

  return {
    compress,
    finish,
    digest,
    hex,
    midstate,
    hashId,
    hashIdBytes,
    key,
    prefix6,
    ticket,
    writeTicket,
    writeKeyTicket,
    ticketSpace,
    trimmedLength,
    TICKET_ROOM,
    TICKETS_AT: 4 * TEXTS_AT,
    text,
    compareIds,
    Hasher,
    TopK,
    Batch,
    LANES,
    sortByKey,
    simd: simdModule !== undefined,
    IV,
  };
}

/** The kernel's API. @internal */
export type TicketKernel = ReturnType<typeof createTicketKernel>;

/** The kernel of this thread. @internal */
export const kernel: TicketKernel = createTicketKernel();
