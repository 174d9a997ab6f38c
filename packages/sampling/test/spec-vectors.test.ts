import { describe, expect, it } from 'vitest';
import { TicketHasher, wordsToKey } from '../src/draw/ticket.js';
import { type DirectoryEntity, drawTask, type SpotCheckTask } from '../src/index.js';

// Vectors of docs/guides/draw-algorithm.md §8, computed independently with Python's hashlib
// (the 6-line reference in the guide), not with this package.
describe('draw-algorithm.md vectors', () => {
  const ids = Array.from({ length: 12 }, (_, i) => `9133010${String(i + 1).padStart(11, '0')}`);
  const entities: DirectoryEntity[] = ids.map((id, i) => ({ id, grade: i < 8 ? 'A' : 'D' }));
  const task: SpotCheckTask = {
    id: 'VECTOR-1',
    department: 'SAMR-330102',
    items: ['SC-001'],
    asOf: '2026-04-01',
    strata: [
      { key: 'A', where: { grade: ['A'] }, ratio: 0.25 },
      { key: 'D', where: { grade: ['D'] }, keySupervision: true },
    ],
  };
  const record = drawTask(task, entities, { seed: '20237331128159211123' });

  it('population digests', () => {
    expect(record.commitment.strata.map((s) => s.populationDigest)).toEqual([
      '81cbbec4738f456d850903e25cead72adfcaf2a815618b3faa8acfd17ebaf49a',
      '4cc3318848c990259fe65bc152620d21c4b5ee7242757d998360b1ddb1b177b4',
    ]);
  });

  it('picks and tickets (18 digits)', () => {
    expect(record.strata.map((s) => s.picks.map((p) => [p.id, p.ticket]))).toEqual([
      [
        ['913301000000000003', '0.258478476024741312'],
        ['913301000000000007', '0.365231991142675753'],
      ],
      [
        ['913301000000000010', '0.008264149582465928'],
        ['913301000000000009', '0.009360545745482241'],
        ['913301000000000011', '0.709474905706490908'],
        ['913301000000000012', '0.844862228066499258'],
      ],
    ]);
  });
});

describe('15-digit integer keys', () => {
  it('equal the first 15 ticket digits (BigInt path) on many ids', () => {
    const hasher = new TicketHasher('key-check');
    for (let i = 0; i < 20_000; i++) {
      const id = `id-${i}`;
      const full = hasher.ticket(id);
      expect(wordsToKey(hasher.words)).toBe(Number(full.slice(2, 17)));
    }
  });

  it.each([
    [[0, 0, 0, 0, 0, 0, 0, 0], 0],
    [[0, 0, 0, 0, 0, 0, 0, 1], 100_000_000_000_000],
    [
      [-1, -1, -1, -1, -1, -1, -1, -1],
      Number([...(2n ** 256n - 1n).toString().slice(-15)].reverse().join('')),
    ],
    [[0, 0, 0, 0, 0, 0, 0, 1_000_000_000], Number([...'1000000000'.padStart(15, '0')].reverse().join(''))],
  ])('edge words %j', (words, expected) => {
    expect(wordsToKey(Int32Array.from(words))).toBe(expected);
  });
});
