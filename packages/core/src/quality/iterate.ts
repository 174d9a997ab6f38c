/*
 * Feeding a batch: arrays, iterables and async iterables (streaming readers), where reading itself may fail.
 */
import type { QualityBatch } from './check.js';
import type { QualityResult } from './types.js';

/** A record whose reading failed (an iterator that threw): reported as `unreadable_record`. */
export class Unreadable {
  get kind(): never {
    throw new Error('unreadable');
  }
}

export function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  try {
    return (
      value !== null &&
      (typeof value === 'object' || typeof value === 'function') &&
      typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function'
    );
  } catch {
    return false;
  }
}

export function isIterable(value: unknown): value is Iterable<unknown> {
  try {
    return (
      value !== null &&
      typeof value === 'object' &&
      typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function'
    );
  } catch {
    return false;
  }
}

/** Checks the records of an array, an iterable or (as a batch of one) anything else. */
export function feedSync(batch: QualityBatch, records: unknown): QualityResult {
  if (Array.isArray(records)) {
    const n = records.length;
    for (let i = 0; i < n; i++) {
      let rec: unknown;
      try {
        rec = records[i];
      } catch {
        rec = undefined;
      }
      batch.add(rec);
    }
  } else if (isIterable(records)) {
    try {
      for (const rec of records) batch.add(rec);
    } catch {
      batch.add(new Unreadable());
    }
  } else {
    batch.add(records);
  }
  return batch.finish();
}

/** Checks the records of an async iterable; a failing iterator ends the batch with an unreadable record. */
export async function feedAsync(
  batch: QualityBatch,
  records: AsyncIterable<unknown>,
): Promise<QualityResult> {
  try {
    for await (const rec of records) batch.add(rec);
  } catch {
    batch.add(new Unreadable());
  }
  return batch.finish();
}
