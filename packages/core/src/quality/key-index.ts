/**
 * Tables for the batch-wide rules (duplicate record ids and business keys, links inside a batch) that stay
 * cheap on large and streamed batches.
 *
 * A key is never kept as a string: {@link KeyHasher} folds the key's parts (record type, field values) into
 * two independent 32-bit hashes without building a string. Per distinct key only those 64 bits and the index
 * of the first record that had it are stored, in typed arrays (not scanned by the garbage collector, and no
 * reference that would keep a record or a CSV line alive):
 *
 * - {@link HashLog} (in-memory batches): an append-only log sorted once at the end; 12 bytes a key, and only
 *   sequential memory access while records are added.
 * - {@link HashIndex} (streams): open addressing, looked up as records arrive; about 20–36 bytes a key.
 *
 * When the 64 bits match, the caller re-checks the key exactly against the earlier record when it is still
 * at hand (an in-memory batch, or the current look-up window of a stream); a genuine collision of two
 * different keys then simply continues. Otherwise (a stream, the earlier record gone) a 64-bit match is taken
 * as the same key: for n distinct keys the chance that any two different keys share all 64 bits is about
 * n² / 2⁶⁵ (≈ 3·10⁻⁸ for a million keys), and the only possible effect is one spurious duplicate or a missed
 * link report, never a crash.
 *
 * @internal
 */

/** Re-checks that the key now being looked up equals the key of the record at `firstIndex`. @internal */
export interface KeyVerifier {
  same(firstIndex: number): boolean;
}

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * Folds strings into two independent 32-bit hashes (FNV-1a and a multiply-rotate hash) with no allocation.
 * `reset(seed)`, then `add(part)` for each key part (each part is terminated, so `('ab','c')` and `('a','bc')`
 * differ), then read {@link a} and {@link b} after `finish()`.
 *
 * @internal
 */
export class KeyHasher {
  a = 0;
  b = 0;

  reset(seed: number): void {
    this.a = (0x811c9dc5 ^ seed) | 0;
    this.b = Math.imul(seed ^ 0x27d4eb2f, 0x9e3779b1) | 0;
  }

  add(s: string): void {
    let a = this.a;
    let b = this.b;
    const n = s.length;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b + c, 0x9e3779b1);
      b = (b << 13) | (b >>> 19);
    }
    // Terminate the part with its length (a value no character sequence of another split reproduces).
    a = Math.imul(a ^ (n + 0x10000), 0x01000193);
    b = Math.imul(b + n + 0x10000, 0x9e3779b1);
    this.a = a;
    this.b = (b << 13) | (b >>> 19);
  }

  finish(): void {
    this.a = fmix(this.a);
    this.b = fmix(this.b ^ 0x5bd1e995);
  }

  /** Hash of one string, e.g. a record type or link name, usable as a seed. */
  static seedOf(s: string): number {
    const h = new KeyHasher();
    h.reset(0);
    h.add(s);
    h.finish();
    return h.a;
  }
}

/**
 * 64-bit key hash → first record index, in typed arrays.
 *
 * @internal
 */
export class HashIndex {
  /**
   * Two ints per slot, side by side so one cache line serves a probe: entry number + 1 (0 = empty) and
   * the entry's first hash.
   */
  private slots: Int32Array;
  private mask: number;
  private hashB: Int32Array;
  private firsts: Int32Array;
  private count = 0;

  /** @param expected the number of keys expected (pre-sizes the table; it grows as needed anyway). */
  constructor(
    private readonly verifier?: KeyVerifier,
    expected = 0,
  ) {
    let cap = 1024;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
    const entries = Math.max(256, Math.min(expected, cap >> 1));
    this.hashB = new Int32Array(entries);
    this.firsts = new Int32Array(entries);
  }

  /** Number of distinct keys. */
  get size(): number {
    return this.count;
  }

  /** Bytes held by the typed arrays (for memory reports). */
  get bytes(): number {
    return this.slots.byteLength + this.hashB.byteLength + this.firsts.byteLength;
  }

  /**
   * Touches the slot of hash `a` (a software prefetch): a loop of these over queued look-ups issues the
   * memory reads side by side, so the look-ups that follow find their slots in cache.
   */
  touch(a: number): void {
    this.touched ^= this.slots[(a & this.mask) * 2]!;
  }

  /** Where {@link touch} puts what it read, so the read is not optimised away. */
  private touched = 0;

  /**
   * The first record index recorded for the key hashed to `(a, b)`, or -1 when the key is new; a new key
   * is recorded with `index` when `insert` is true.
   */
  lookup(
    a: number,
    b: number,
    index: number,
    insert: boolean,
    verify: ((first: number) => boolean) | undefined = undefined,
  ): number {
    const slots = this.slots;
    const mask = this.mask;
    let slot = a & mask;
    for (;;) {
      const e = slots[slot * 2]!;
      if (e === 0) break;
      if (slots[slot * 2 + 1] === a && this.hashB[e - 1] === b) {
        const first = this.firsts[e - 1]!;
        if (verify !== undefined ? verify(first) : this.verifier === undefined || this.verifier.same(first))
          return first;
      }
      slot = (slot + 1) & mask;
    }
    if (!insert) return -1;
    const j = this.count;
    if (j === this.hashB.length) this.growEntries();
    this.hashB[j] = b;
    this.firsts[j] = index;
    this.count = j + 1;
    slots[slot * 2] = j + 1;
    slots[slot * 2 + 1] = a;
    if (this.count * 2 > mask) this.growSlots();
    return -1;
  }

  private growEntries(): void {
    const n = this.hashB.length * 2;
    const hashB = new Int32Array(n);
    hashB.set(this.hashB);
    const firsts = new Int32Array(n);
    firsts.set(this.firsts);
    this.hashB = hashB;
    this.firsts = firsts;
  }

  /** Doubles the slot table, re-placing entries from their stored hashes (no key is re-hashed). */
  private growSlots(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    const mask = cap - 1;
    const slots = new Int32Array(cap * 2);
    for (let s = 0; s < old.length; s += 2) {
      const e = old[s]!;
      if (e === 0) continue;
      const a = old[s + 1]!;
      let slot = a & mask;
      while (slots[slot * 2] !== 0) slot = (slot + 1) & mask;
      slots[slot * 2] = e;
      slots[slot * 2 + 1] = a;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/**
 * An append-only log of 64-bit key hashes with their record indexes, sorted once at the end of a batch:
 * for in-memory batches, where every earlier record is still at hand. Appending is a sequential write
 * (no cache miss per record, unlike a hash-table probe); the sort is a two-pass radix sort, about 20–30 ns
 * a key. 12 bytes a key while the batch runs.
 *
 * @internal
 */
export class HashLog {
  private hashA: Int32Array;
  private hashB: Int32Array;
  private indexes: Int32Array;
  private count = 0;
  private order: Uint32Array | undefined;
  private sortedA: Uint32Array | undefined;

  constructor(expected = 0) {
    const n = Math.max(256, expected);
    this.hashA = new Int32Array(n);
    this.hashB = new Int32Array(n);
    this.indexes = new Int32Array(n);
  }

  /** Number of keys logged. */
  get size(): number {
    return this.count;
  }

  append(a: number, b: number, index: number): void {
    const j = this.count;
    if (j === this.hashA.length) {
      const grow = (from: Int32Array): Int32Array => {
        const to = new Int32Array(from.length * 2);
        to.set(from);
        return to;
      };
      this.hashA = grow(this.hashA);
      this.hashB = grow(this.hashB);
      this.indexes = grow(this.indexes);
    }
    this.hashA[j] = a;
    this.hashB[j] = b;
    this.indexes[j] = index;
    this.count = j + 1;
    this.order = undefined;
  }

  /** Log positions ordered by the first hash (as unsigned), ties in log order (stable). */
  private sorted(): Uint32Array {
    if (this.order !== undefined) return this.order;
    const n = this.count;
    const a = this.hashA;
    let src = new Uint32Array(n);
    for (let i = 0; i < n; i++) src[i] = i;
    if (n < 4096) {
      src.sort((x, y) => (a[x]! >>> 0) - (a[y]! >>> 0) || x - y);
    } else {
      let dst = new Uint32Array(n);
      const count = new Uint32Array(65536);
      for (let shift = 0; shift < 32; shift += 16) {
        count.fill(0);
        for (let i = 0; i < n; i++) count[(a[src[i]!]! >>> shift) & 0xffff]!++;
        let sum = 0;
        for (let k = 0; k < 65536; k++) {
          const c = count[k]!;
          count[k] = sum;
          sum += c;
        }
        for (let i = 0; i < n; i++) {
          const e = src[i]!;
          dst[count[(a[e]! >>> shift) & 0xffff]!++] = e;
        }
        const t = src;
        src = dst;
        dst = t;
      }
    }
    const sortedA = new Uint32Array(n);
    for (let i = 0; i < n; i++) sortedA[i] = a[src[i]!]! >>> 0;
    this.order = src;
    this.sortedA = sortedA;
    return src;
  }

  /**
   * Calls `visit(index, first)` for every logged key that an earlier record already had, with the index of
   * the first record that had it, in log order within each key. `same(first, index)` re-checks two
   * records' keys exactly when their 64-bit hashes match.
   */
  duplicates(
    same: (first: number, index: number) => boolean,
    visit: (index: number, first: number) => void,
  ): void {
    const o = this.sorted();
    const a = this.sortedA as Uint32Array;
    const b = this.hashB;
    const idx = this.indexes;
    const n = this.count;
    const heads: number[] = [];
    let s = 0;
    while (s < n) {
      let e = s + 1;
      while (e < n && a[e] === a[s]) e++;
      if (e - s > 1) {
        // A run of equal first hashes (nearly always one key): keep the first entry of each distinct key.
        heads.length = 0;
        heads.push(o[s]!);
        for (let k = s + 1; k < e; k++) {
          const ek = o[k]!;
          let first = -1;
          for (const h of heads) {
            if (b[h] === b[ek] && same(idx[h]!, idx[ek]!)) {
              first = idx[h]!;
              break;
            }
          }
          if (first >= 0) visit(idx[ek]!, first);
          else heads.push(ek);
        }
      }
      s = e;
    }
  }

  /**
   * The index of the first record whose key hashes to `(a, b)` and for which `same(index)` holds, or -1.
   */
  find(a: number, b: number, same: (index: number) => boolean): number {
    const o = this.sorted();
    const sa = this.sortedA as Uint32Array;
    const key = a >>> 0;
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sa[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < this.count && sa[k] === key; k++) {
      const e = o[k]!;
      if (this.hashB[e] === b && same(this.indexes[e]!)) return this.indexes[e]!;
    }
    return -1;
  }
}
