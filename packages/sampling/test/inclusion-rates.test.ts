import { describe, expect, it } from 'vitest';
import { type DirectoryEntity, drawTask, type SpotCheckTask } from '../src/index.js';

/** Wilson–Hilferty upper quantile of chi-square with `df` degrees of freedom at normal quantile `z`. */
function chiSquareQuantile(df: number, z: number): number {
  const a = 2 / (9 * df);
  return df * (1 - a + z * Math.sqrt(a)) ** 3;
}

describe('per-stratum inclusion rates over many seeds', () => {
  const sizes: Record<string, number> = { A: 200, B: 120, C: 60, D: 25 };
  const entities: DirectoryEntity[] = Object.entries(sizes).flatMap(([grade, n]) =>
    Array.from({ length: n }, (_, i) => ({ id: `${grade}-${String(i).padStart(4, '0')}`, grade })),
  );
  const task: SpotCheckTask = {
    id: 'chi',
    department: 'X',
    items: [],
    asOf: '2026-01-05',
    strata: [
      { key: 'A', where: { grade: ['A'] }, ratio: 0.05 },
      { key: 'B', where: { grade: ['B'] }, ratio: 0.1 },
      { key: 'C', where: { grade: ['C'] }, ratio: 0.3 },
      { key: 'D', where: { grade: ['D'] }, keySupervision: true },
    ],
  };
  const SEEDS = 400;
  const counts = new Map<string, number>();
  const sampleSizes = new Map<string, number>();
  for (let s = 0; s < SEEDS; s++) {
    const record = drawTask(task, entities, { seed: `seed-${s}` });
    for (const stratum of record.strata) {
      sampleSizes.set(stratum.key, stratum.sampleSize);
      for (const p of stratum.picks) counts.set(p.id, (counts.get(p.id) ?? 0) + 1);
    }
  }

  it.each(['A', 'B', 'C'])(
    'stratum %s: every entity is drawn at the stratum rate (chi-square, p = 0.001)',
    (key) => {
      const n = sizes[key]!;
      const k = sampleSizes.get(key)!;
      const expected = (SEEDS * k) / n;
      let chi = 0;
      let total = 0;
      for (let i = 0; i < n; i++) {
        const observed = counts.get(`${key}-${String(i).padStart(4, '0')}`) ?? 0;
        total += observed;
        chi += (observed - expected) ** 2 / expected;
      }
      expect(total).toBe(SEEDS * k); // exact stratum sizes every time
      // Without replacement the statistic is smaller by (1 − k/n); the plain bound is conservative.
      expect(chi).toBeLessThan(chiSquareQuantile(n - 1, 3.09));
      // and not suspiciously uniform either (a biased systematic draw would give ~0)
      expect(chi).toBeGreaterThan((n - 1) * (1 - k / n) * 0.5);
    },
  );

  it('key-supervision stratum: everyone, every time', () => {
    for (let i = 0; i < sizes.D!; i++) expect(counts.get(`D-${String(i).padStart(4, '0')}`)).toBe(SEEDS);
  });
});
