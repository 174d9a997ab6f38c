import { createHash } from 'node:crypto';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { kernel } from '../src/draw/kernel.js';
import { sha256Hex } from '../src/draw/sha256.js';
import {
  commitPopulation,
  compareCodePoints,
  type DirectoryEntity,
  drawTask,
  drawTaskStream,
  SamplingInputError,
  type SpotCheckTask,
  ticket,
} from '../src/index.js';

const SEED = '20237331128159211123';
const GRADES = ['A', 'A', 'A', 'A', 'A', 'B', 'B', 'C', 'D', 'E'];

/** A sorted directory large enough to span several worker chunks, with awkward ids mixed in. */
function directory(count: number): DirectoryEntity[] {
  const out: DirectoryEntity[] = [];
  for (let i = 0; i < count; i++) {
    const h = Math.imul(i ^ (i >>> 15), 0x2c1b3c6d) >>> 0;
    const grade = GRADES[h % 10]!;
    let id = `91330100${String(i).padStart(10, '0')}`;
    if (i % 997 === 0) id += '-某某分公司'; // non-ASCII
    if (i % 1009 === 0) id += `-${'x'.repeat(60)}`; // longer than one SHA-256 block
    out.push({ id, grade });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

const task: SpotCheckTask = {
  id: 'PAR-1',
  department: 'SAMR',
  items: ['SC-001'],
  asOf: '2026-04-01',
  strata: [
    { key: 'D', where: { grade: ['D'] }, keySupervision: true },
    { key: 'A', where: { grade: ['A'] }, ratio: 0.03 },
    { key: 'B', where: { grade: ['B'] }, ratio: 0.05, rounding: 'round' },
    { key: 'C', where: { grade: ['C'] }, count: 0 },
    { key: 'E', where: { grade: ['E'] }, ratio: 0.5, max: 40 },
  ],
};

describe('parallel drawTaskStream (worker threads)', () => {
  const entities = directory(60_000);
  const commitment = commitPopulation(task, entities);
  const single = drawTask(task, entities, { seed: SEED, commitment });

  it.each([1, 2, 3])('workers: %i gives a byte-identical record', async (workers) => {
    async function* pages() {
      for (let i = 0; i < entities.length; i += 5000) yield entities.slice(i, i + 5000);
    }
    const record = await drawTaskStream(task, pages(), { seed: SEED, commitment, workers });
    expect(JSON.stringify(record)).toBe(JSON.stringify(single));
    expect(record.recordDigest).toBe(single.recordDigest);
  });

  it("workers: 'auto' (a worker only when a second core is free) gives the same record; junk is refused", async () => {
    const record = await drawTaskStream(task, entities, { seed: SEED, commitment, workers: 'auto' });
    expect(record.recordDigest).toBe(single.recordDigest);
    await expect(
      drawTaskStream(task, entities, { seed: SEED, commitment, workers: 'many' as unknown as 'auto' }),
    ).rejects.toMatchObject({ name: 'SamplingInputError', code: 'invalid_option', path: ['workers'] });
  });

  it('draws what the single-threaded stream draws, stratum by stratum', async () => {
    const inThread = await drawTaskStream(task, entities, { seed: SEED, commitment });
    const parallel = await drawTaskStream(task, entities, { seed: SEED, commitment, workers: 2 });
    expect(parallel.strata).toEqual(inThread.strata);
    expect(parallel.strata.map((s) => s.sampleSize)).toEqual(single.strata.map((s) => s.sampleSize));
    // the picks really are the smallest tickets of each stratum (checked with the public ticket function)
    const a = entities.filter((e) => e.grade === 'A').map((e) => ({ id: e.id, t: ticket(SEED, e.id) }));
    a.sort((x, y) => (x.t < y.t ? -1 : 1));
    const pickedA = parallel.strata.find((s) => s.key === 'A')!.picks.map((p) => p.id);
    expect(pickedA).toEqual(a.slice(0, pickedA.length).map((x) => x.id));
  });

  it('stops with the same errors, and releases its workers', async () => {
    const shuffled = [...entities.slice(0, 30_000)].reverse();
    await expect(drawTaskStream(task, shuffled, { seed: SEED, commitment, workers: 2 })).rejects.toThrow(
      /sorted/,
    );
    await expect(
      drawTaskStream(task, entities.slice(1), { seed: SEED, commitment, workers: 2 }),
    ).rejects.toThrow(/commitment/);
  });

  it('handles ids longer than a chunk', async () => {
    const small: SpotCheckTask = { ...task, strata: [{ key: 'all', where: {}, ratio: 0.5 }] };
    const population = ['a', `b${'x'.repeat(100_000)}`, 'c', `d${'y'.repeat(90_000)}`, 'e'].map((id) => ({
      id,
    }));
    const c = commitPopulation(small, population);
    const one = await drawTaskStream(small, population, { seed: SEED, commitment: c });
    const two = await drawTaskStream(small, population, { seed: SEED, commitment: c, workers: 2 });
    expect(two).toEqual(one);
    expect(one.strata[0]!.sampleSize).toBe(3);
  });

  it.each([-1, 1.5, 65, '2'])('refuses workers: %j', async (workers) => {
    await expect(
      drawTaskStream(task, entities, { seed: SEED, commitment, workers: workers as number }),
    ).rejects.toThrow(SamplingInputError);
  });

  test.prop(
    [
      fc.uniqueArray(
        fc.string({ minLength: 1, maxLength: 70 }).filter((s) => !/[\r\n]/.test(s)),
        { maxLength: 300 },
      ),
      fc.string(),
    ],
    {
      numRuns: 4,
    },
  )('matches the in-thread draw on random ids', async (ids, seed) => {
    const small: SpotCheckTask = { ...task, strata: [{ key: 'all', where: {}, ratio: 0.2 }] };
    const population = ids.map((id) => ({ id }));
    const c = commitPopulation(small, population);
    const sorted = [...population].sort((x, y) => compareCodePoints(x.id, y.id));
    const one = await drawTaskStream(small, sorted, { seed, commitment: c });
    const two = await drawTaskStream(small, sorted, { seed, commitment: c, workers: 2 });
    expect(two).toEqual(one);
  });
});

describe('ticket kernel', () => {
  test.prop([fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 80 })])(
    'hashes seedHex ‖ id exactly like node:crypto (strings and bytes, one or more blocks)',
    (seed, id) => {
      const seedHex = sha256Hex(seed);
      const hasher = new kernel.Hasher(seedHex);
      const expected = createHash('sha256')
        .update(seedHex + id, 'utf8')
        .digest('hex');
      const words = new Int32Array(8);
      kernel.hashId(hasher.mid, id, words);
      expect(kernel.hex(words)).toBe(expected);
      const bytes = new TextEncoder().encode(`x${id}\n`);
      kernel.hashIdBytes(hasher.mid, bytes, 1, bytes.length - 1, words);
      expect(kernel.hex(words)).toBe(expected);
    },
  );

  test.prop([fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: 8, maxLength: 8 })])(
    'the 6-digit prefix is the first 6 digits of the 15-digit key and of the ticket',
    (list) => {
      const words = Int32Array.from(list);
      const key = kernel.key(words);
      expect(kernel.prefix6(words)).toBe(Math.floor(key / 1e9));
      expect(kernel.prefix6(words)).toBe(Number(kernel.ticket(words).slice(2, 8)));
    },
  );

  it('orders equal keys by the full ticket, then by id', () => {
    const hasher = new kernel.Hasher(sha256Hex(SEED));
    const ids = ['c', 'a', 'b', 'd', 'e'];
    const top = new kernel.TopK(hasher, 3);
    for (const id of ids) top.offer(7, id); // the same (fake) key for every id
    const expected = [...ids].sort((x, y) => (ticket(SEED, x) < ticket(SEED, y) ? -1 : 1)).slice(0, 3);
    expect(top.sorted().map((x) => x.id)).toEqual(expected);
  });
});

describe('stream order check (code points, not UTF-16 units)', () => {
  const small: SpotCheckTask = { ...task, strata: [{ key: 'all', where: {}, ratio: 0.5 }] };
  // U+FF01 < U+1F60A by code point, but '\uFF01' > '\uD83D…' by UTF-16 code unit
  const ids = ['a', 'b', '\uFF01', '😊', '😊x'];
  const population = ids.map((id) => ({ id }));
  const commitment = commitPopulation(small, population);

  it('accepts a code-point-sorted stream with astral characters', async () => {
    const record = await drawTaskStream(small, population, { seed: SEED, commitment });
    expect(record.strata[0]!.populationSize).toBe(5);
    expect(record).toEqual(drawTask(small, population, { seed: SEED }));
  });

  it('refuses UTF-16 order, duplicates and line breaks', async () => {
    const utf16 = [...population].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(utf16.map((e) => e.id)).not.toEqual(ids);
    await expect(drawTaskStream(small, utf16, { seed: SEED, commitment })).rejects.toThrow(/sorted/);
    await expect(
      drawTaskStream(small, [population[0]!, population[0]!], { seed: SEED, commitment }),
    ).rejects.toThrow(/duplicate/);
    await expect(drawTaskStream(small, [{ id: 'a\r' }], { seed: SEED, commitment })).rejects.toThrow(
      /line breaks/,
    );
    // a lone surrogate cannot be encoded in UTF-8 (Python's str.encode raises too)
    expect(() => drawTask(small, [{ id: 'a\uD83D' }], { seed: SEED })).toThrow(/surrogate/);
    expect(() => drawTask(small, [{ id: '\uDE0Ab' }], { seed: SEED })).toThrow(/surrogate/);
  });
});
