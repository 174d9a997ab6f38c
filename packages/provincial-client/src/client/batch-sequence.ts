import { invalidArgument, objectArgument } from '../errors/arguments.js';

/**
 * Source of the 5-digit daily sequence in batch numbers (批次序号). Share one between clients of the same
 * source, or persist it, so batch numbers never repeat within a day.
 *
 * @example
 * const seq = createBatchSequence({ '2024-03-15': 7 }); seq.next('2024-03-15'); // 8
 */
export interface BatchSequence {
  next(civilDate: string): number;
}

/**
 * An in-memory {@link BatchSequence}, optionally starting after known last sequences per day.
 *
 * @example
 * createBatchSequence().next('2024-03-15'); // 1
 */
export function createBatchSequence(last: Readonly<Record<string, number>> = {}): BatchSequence {
  const given = objectArgument(last, ['last'], true);
  for (const [day, n] of Object.entries(given)) {
    if (!Number.isSafeInteger(n) || (n as number) < 0) {
      throw invalidArgument(['last', day], { zh: '非负整数', en: 'a non-negative integer' }, n);
    }
  }
  const seen = new Map(Object.entries(last));
  return {
    next(day) {
      const n = (seen.get(day) ?? 0) + 1;
      seen.set(day, n);
      return n;
    },
  };
}
