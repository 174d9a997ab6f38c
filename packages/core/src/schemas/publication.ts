import { InvalidArgumentError } from '../errors/invalid-argument.js';

/**
 * The publication channels (公示渠道) a department posts to and is scored on: 年度抽查计划 (`annual_plan`),
 * 工作动态 (`work_news`) and 曝光台 (`exposure`). The one list of the SDK: KPI facts use these codes; the
 * provincial interface writes them as URL slugs (`work-news`, see {@link publicationChannelSlug}).
 *
 * @example
 * PUBLICATION_CHANNELS.includes('work_news'); // true
 */
export const PUBLICATION_CHANNELS = ['annual_plan', 'work_news', 'exposure'] as const;

/**
 * A publication channel (公示渠道) code: `'annual_plan'` (年度抽查计划), `'work_news'` (工作动态) or `'exposure'`
 * (曝光台).
 *
 * @example
 * const c: PublicationChannel = 'work_news';
 */
export type PublicationChannel = (typeof PUBLICATION_CHANNELS)[number];

/**
 * The URL slug of a publication channel: the code with `_` written `-` (`work_news` → `work-news`).
 *
 * @example
 * publicationChannelSlug('annual_plan'); // 'annual-plan'
 */
export function publicationChannelSlug<C extends PublicationChannel>(channel: C): PublicationChannelSlug {
  if (!(PUBLICATION_CHANNELS as readonly unknown[]).includes(channel))
    throw new InvalidArgumentError(
      'channel',
      { en: `one of ${PUBLICATION_CHANNELS.join(', ')}`, zh: `${PUBLICATION_CHANNELS.join('、')} 之一` },
      channel,
    );
  return channel.replace('_', '-') as PublicationChannelSlug;
}

/**
 * A publication channel as a URL path segment: `'annual-plan'`, `'work-news'` or `'exposure'`.
 *
 * @example
 * const s: PublicationChannelSlug = 'work-news';
 */
export type PublicationChannelSlug = 'annual-plan' | 'work-news' | 'exposure';
