import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { forEachConcurrently } from '../../src/index.js';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('forEachConcurrently (the one async worker pool)', () => {
  test.prop([fc.array(fc.nat(3), { maxLength: 30 }), fc.integer({ min: 1, max: 6 })], { numRuns: 60 })(
    'runs every item once, never more than `concurrency` at a time, starting them in order',
    async (delays, concurrency) => {
      let inFlight = 0;
      let peak = 0;
      const started: number[] = [];
      const done: number[] = [];
      await forEachConcurrently(delays, concurrency, async (d, i) => {
        started.push(i);
        peak = Math.max(peak, ++inFlight);
        for (let k = 0; k < d; k++) await tick();
        inFlight--;
        done.push(i);
      });
      expect(started).toEqual(delays.map((_, i) => i));
      expect([...done].sort((a, b) => a - b)).toEqual(delays.map((_, i) => i));
      expect(peak).toBeLessThanOrEqual(Math.min(concurrency, Math.max(1, delays.length)));
      // The first `concurrency` items start at once; if each of them waits, all are in flight together.
      if (delays.length >= concurrency && delays.slice(0, concurrency).every((d) => d > 0))
        expect(peak).toBe(concurrency);
    },
  );

  it('starts no further item once the signal is aborted', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    await forEachConcurrently(
      [0, 1, 2, 3, 4, 5],
      2,
      async (n) => {
        started.push(n);
        if (n === 1) controller.abort();
        await tick();
      },
      { signal: controller.signal },
    );
    expect(started).toEqual([0, 1]);
  });

  it('rejects with the first task error', async () => {
    const error = new Error('boom');
    await expect(
      forEachConcurrently([1, 2, 3], 2, async (n) => {
        await tick();
        if (n === 2) throw error;
      }),
    ).rejects.toBe(error);
  });
});
