import type { PublicationChannelSlug as PublicationChannel } from '@jianguan/core';
import type { Accepted, Publication } from '../contract/wire.js';
import { ClientOptionsError } from '../errors/errors.js';
import type { ContractRequest } from './transport.js';
import { singleWrite } from './transport.js';
import type { CallOptions } from './types.js';

/**
 * Posts to a publication channel (公示渠道: 年度计划, 工作动态, 曝光台), once per publication id.
 *
 * @example
 * await publish(request, 'work-news', { publicationId: 'p1', title: '工作动态', content: '…', publishedAt: '2024-03-05' });
 */
export function publish(
  request: ContractRequest,
  channel: PublicationChannel,
  publication: Publication,
  o?: CallOptions,
): Promise<Accepted> {
  if (!['annual-plan', 'work-news', 'exposure'].includes(channel)) {
    throw new ClientOptionsError({
      zh: `未知的公示渠道 ${String(channel)}`,
      en: `unknown publication channel ${String(channel)}`,
    });
  }
  return singleWrite(request, 'publish', { channel }, publication, o);
}
