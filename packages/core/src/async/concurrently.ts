import { InvalidArgumentError } from '../errors/invalid-argument.js';
import { InvalidOptionsError } from '../errors/invalid-options.js';

/**
 * Runs `task` for every item with at most `concurrency` tasks in flight (并发上限), items taken in order by
 * whichever worker is free: the SDK's one async worker pool (batch uploads, outbox flushes). Resolves when
 * every started task has settled; rejects with the first task error (tasks that want to go on after a
 * failure catch their own errors). Once `signal` is aborted no further item is started.
 *
 * @example
 * const seen: number[] = [];
 * await forEachConcurrently([1, 2, 3], 2, async (n) => { seen.push(n * 10); });
 * seen; // [10, 20, 30]
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<void>,
  options: { readonly signal?: AbortSignal | undefined } = {},
): Promise<void> {
  if (!Array.isArray(items)) throw new InvalidArgumentError('items', { en: 'an array', zh: '数组' }, items);
  if (!Number.isSafeInteger(concurrency) || concurrency < 1)
    throw new InvalidArgumentError(
      'concurrency',
      { en: 'a whole number ≥ 1', zh: '不小于 1 的整数' },
      concurrency,
    );
  if (typeof task !== 'function')
    throw new InvalidArgumentError('task', { en: 'a function', zh: '函数' }, task);
  if (options === null || typeof options !== 'object')
    throw new InvalidOptionsError(undefined, { en: 'an object', zh: '对象' }, options);
  const { signal } = options;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      if (signal?.aborted) return;
      const i = next++;
      await task(items[i] as T, i);
    }
  };
  const workers = Math.min(Math.max(1, Math.floor(concurrency) || 1), items.length);
  await Promise.all(Array.from({ length: workers }, worker));
}
