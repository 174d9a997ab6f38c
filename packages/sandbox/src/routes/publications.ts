import { publicationSchema } from '@jianguan/provincial-client/contract';
import type { Handlers } from './types.js';
import { once } from './types.js';

/**
 * Handler of the publication channels (公示渠道): each publication id is stored once per channel.
 *
 * @example
 * Object.assign(handlers, publicationRoutes(new Map()));
 */
export function publicationRoutes(publications: Map<string, unknown>): Handlers {
  return {
    publish: (c, body) => {
      const parsed = publicationSchema.safeParse(body);
      if (!parsed.success) return { status: 400, code: '20' };
      return once(publications, `${c.req.param('channel')}/${parsed.data.publicationId}`, body);
    },
  };
}
