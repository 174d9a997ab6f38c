import type { EndpointSpec } from '@jianguan/provincial-client/contract';
import type { Context } from 'hono';

/** What a route handler answers: a business code and data, sent in the envelope by the pipeline. */
export interface HandlerResult {
  readonly status: number;
  readonly code: string;
  readonly data?: unknown;
}

/** A route handler of one contract endpoint: synchronous, so concurrent retries cannot interleave. */
export type Handler = (c: Context, body: unknown, e: EndpointSpec) => Response | HandlerResult;

/** Route handlers by endpoint id. */
export type Handlers = Record<string, Handler>;

/**
 * Stores `value` under `id` once: a second write is answered `duplicate`.
 *
 * @example
 * once(map, 'p1', body); // { status: 200, code: '00', data: { id: 'p1', status: 'stored' } }
 */
export function once(map: Map<string, unknown>, id: string, value: unknown): HandlerResult {
  if (map.has(id)) return { status: 200, code: '00', data: { id, status: 'duplicate' } };
  map.set(id, value);
  return { status: 200, code: '00', data: { id, status: 'stored' } };
}
