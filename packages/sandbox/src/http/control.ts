import type { HttpBindings } from '@hono/node-server';
import type { Hono } from 'hono';
import type { WorkItems } from '../state/work-items.js';
import type { Reply } from './reply.js';

/**
 * The sandbox's arrival control (not part of the contract, outside `/v1/`, mounted only with `arrivals`):
 * `POST /_sandbox/advance {"ms": n}` moves the arrival clock forward, `GET /_sandbox/clock` tells the sandbox
 * time and how many items of each feed have arrived — for driving a sandbox started from the command line.
 *
 * @example
 * mountArrivalControl(app, items, reply);
 */
export function mountArrivalControl(
  app: Hono<{ Bindings: HttpBindings }>,
  items: WorkItems,
  reply: Reply,
): void {
  const clockView = () => ({
    elapsedMs: items.elapsed(),
    released: Object.fromEntries(
      (['clues', 'complaints', 'jointTasks', 'doubleNotifications', 'commitments'] as const).map((f) => [
        f,
        items.released(f),
      ]),
    ),
  });
  app.get('/_sandbox/clock', (c) => reply(c, 200, '00', clockView()));
  app.post('/_sandbox/advance', async (c) => {
    const body = (await c.req.json().catch(() => undefined)) as { ms?: unknown } | undefined;
    const ms = body?.ms;
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return reply(c, 400, '20');
    items.advance(ms);
    return reply(c, 200, '00', clockView());
  });
}
