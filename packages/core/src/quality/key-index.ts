/**
 * A string → first-index table for batch-wide rules (duplicates, links) that stays cheap on large batches:
 * open addressing over an `Int32Array` (not scanned by the garbage collector) plus one array of keys, so a
 * million keys cost a few dozen bytes each and no per-entry objects.
 *
 * @internal
 */
export class KeyIndex {
  private table = new Int32Array(1024).fill(-1);
  private mask = 1023;
  private readonly keys: string[] = [];
  private readonly firsts: number[] = [];

  /** Number of distinct keys. */
  get size(): number {
    return this.keys.length;
  }

  private static hash(s: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  }

  /** The first index recorded for `key`, or -1 when it is new (and `index` is then recorded). */
  firstIndex(key: string, index: number): number {
    if (this.keys.length * 2 >= this.mask) this.grow();
    let slot = KeyIndex.hash(key) & this.mask;
    for (;;) {
      const j = this.table[slot]!;
      if (j < 0) {
        this.table[slot] = this.keys.length;
        this.keys.push(key);
        this.firsts.push(index);
        return -1;
      }
      if (this.keys[j] === key) return this.firsts[j]!;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Whether `key` was recorded. */
  has(key: string): boolean {
    let slot = KeyIndex.hash(key) & this.mask;
    for (;;) {
      const j = this.table[slot]!;
      if (j < 0) return false;
      if (this.keys[j] === key) return true;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    this.mask = this.mask * 2 + 1;
    const table = new Int32Array(this.mask + 1).fill(-1);
    for (let j = 0; j < this.keys.length; j++) {
      let slot = KeyIndex.hash(this.keys[j]!) & this.mask;
      while (table[slot]! >= 0) slot = (slot + 1) & this.mask;
      table[slot] = j;
    }
    this.table = table;
  }
}
