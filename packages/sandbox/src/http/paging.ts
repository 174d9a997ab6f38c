import type { Context } from 'hono';
import type { FaultPlan } from '../faults.js';

/**
 * One page of `list` after the request's `cursor` (`c<offset>`), `limit` items (1–500, default 50); with the
 * fault plan's duplicate delivery, the item before the page is repeated (at-least-once delivery).
 *
 * @example
 * page(list, c, plan); // { items, nextCursor: 'c50', hasMore: true, totalDataCount: 120 }
 */
export function page<T>(list: readonly T[], c: Context, plan: FaultPlan) {
  const cursor = c.req.query('cursor');
  const offset = cursor && /^c\d+$/.test(cursor) ? Number(cursor.slice(1)) : 0;
  const limit = Math.min(500, Math.max(1, Number(c.req.query('limit') ?? 50) || 50));
  const items = list.slice(offset, offset + limit);
  const end = offset + items.length;
  const delivered = offset > 0 && plan.duplicate() ? [list[offset - 1]!, ...items] : items;
  return {
    items: delivered,
    nextCursor: `c${end}`,
    hasMore: end < list.length,
    totalDataCount: list.length,
  };
}
