import type { InvalidItemError } from '../errors/errors.js';

/**
 * One page of a pulled list.
 *
 * @example
 * const p: Page<{ id: string }> = { items: [], nextCursor: 'c0', hasMore: false };
 */
export interface Page<T> {
  readonly items: readonly T[];
  /** Position after this page (persist it to pull only new items next time). */
  readonly nextCursor: string;
  /** Whether more items are available now. */
  readonly hasMore: boolean;
  /** Items of this page that did not match the contract (pulls with `onInvalid: 'skip'`). */
  readonly invalid?: readonly InvalidItemError[];
}

/**
 * An async iterator over a cursor-paginated list (增量拉取). `for await` yields items and stops fetching on
 * `break`; `pages()` yields whole pages; `cursor` is the position to persist for the next incremental pull.
 * Items delivered twice (at-least-once delivery) are yielded once.
 *
 * @example
 * for await (const clue of client.clues({ cursor: saved })) handle(clue);
 */
export interface PageIterator<T> extends AsyncIterable<T> {
  /** Iterate whole pages instead of items. */
  pages(): AsyncIterable<Page<T>>;
  /** Collect at most `limit` items (a limit is required). */
  toArray(options: { readonly limit: number }): Promise<T[]>;
  /** The cursor after the last fully consumed page (start here next time). */
  readonly cursor: string | undefined;
  /** Items skipped so far because they did not match the contract (pulls with `onInvalid: 'skip'`). */
  readonly invalid: readonly InvalidItemError[];
}

/** Builds a {@link PageIterator} from a page fetcher and an item id function. */
export function pageIterator<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  idOf: (item: T) => string,
  startCursor: string | undefined,
): PageIterator<T> {
  let cursor = startCursor;
  const invalid: InvalidItemError[] = [];
  async function* pages(): AsyncGenerator<Page<T>> {
    const seen = new Set<string>();
    let next = cursor;
    for (;;) {
      const page = await fetchPage(next);
      const fresh = page.items.filter((item) => {
        const id = idOf(item);
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
      cursor = page.nextCursor;
      if (page.invalid) invalid.push(...page.invalid);
      yield {
        items: fresh,
        nextCursor: page.nextCursor,
        hasMore: page.hasMore,
        ...(page.invalid && page.invalid.length > 0 ? { invalid: page.invalid } : {}),
      };
      if (!page.hasMore || page.items.length === 0) return;
      next = page.nextCursor;
    }
  }
  return {
    pages,
    get cursor() {
      return cursor;
    },
    invalid,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.items;
    },
    async toArray({ limit }) {
      const out: T[] = [];
      if (!(limit > 0)) return out;
      for await (const page of pages()) {
        for (const item of page.items) {
          out.push(item);
          if (out.length >= limit) return out;
        }
      }
      return out;
    },
  };
}
