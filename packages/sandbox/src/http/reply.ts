import { randomUUID } from 'node:crypto';
import { BUSINESS_CODES } from '@jianguan/provincial-client/contract';
import type { Context } from 'hono';

/** Answers in the contract's envelope `{ code, msg, requestId, data? }`. */
export type Reply = (
  c: Context,
  status: number,
  code: string,
  data?: unknown,
  extra?: Record<string, unknown>,
) => Response;

/**
 * The envelope writer of a sandbox whose clock is `clock` (sent as `x-jg-server-time`).
 *
 * @example
 * const reply = createReply(Date.now); reply(c, 200, '00', { ok: true });
 */
export function createReply(clock: () => number): Reply {
  return (c, status, code, data, extra = {}) => {
    const requestId = c.req.header('x-request-id') ?? randomUUID();
    const known = BUSINESS_CODES[code as keyof typeof BUSINESS_CODES];
    const body = {
      code,
      msg: known?.zh ?? String(extra.msg ?? ''),
      requestId,
      ...(data === undefined ? {} : { data }),
      ...extra,
    };
    return c.json(body, status as 200, { 'x-request-id': requestId, 'x-jg-server-time': String(clock()) });
  };
}
