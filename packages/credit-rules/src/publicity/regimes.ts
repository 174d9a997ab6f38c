import { z } from 'zod';
import type { CalendarDuration, CivilDate } from '../dates/civil-date.js';
import { civilDateSchema } from '../facts/credit-fact.js';
import { calendarDurationSchema } from '../rule-set/schema.js';
import type { SourceStatus } from '../rule-set/types.js';

/**
 * Where a regime's numbers come from, and how sure we are.
 *
 * @example
 * const s: RegimeSource = { title: 'SAMR Order 45 第13条', ref: 'sampling-and-credit.md §0', status: 'verified' };
 */
export interface RegimeSource {
  readonly title: string;
  readonly ref: string;
  readonly status: SourceStatus;
  readonly note?: string;
}

/**
 * SAMR penalty-information publicity (市场监督管理行政处罚信息公示规定, Order 45).
 *
 * @example
 * const r: SamrPenaltyRegime = defaultPublicityRegimes.samrPenalty[0]!;
 */
export interface SamrPenaltyRegime {
  readonly id: string;
  readonly inForceFrom: CivilDate;
  /** Last day in force, if replaced. */
  readonly inForceUntil?: CivilDate;
  /** Publish within this many working days of the decision (第9条). */
  readonly publishWithinWorkdays: number;
  /** 通报批评 or a lower-amount fine. */
  readonly shortPeriod: CalendarDuration;
  /** Every other published penalty. */
  readonly longPeriod: CalendarDuration;
  /** "较低数额罚款" — fines up to this amount (yuan) get the short period; set per province. */
  readonly lowFineThreshold: { readonly naturalPerson: number; readonly organisation: number };
  /** A warning-only penalty is not published. */
  readonly warningOnlyPublished: boolean;
  /** Earliest early stop after publication (提前停止公示); `null` = no minimum, only the conditions. */
  readonly earlyStopAfter: CalendarDuration | null;
  readonly sources: readonly RegimeSource[];
}

/**
 * A publicity tier of the NDRC credit-repair measures: minimum and maximum publicity after publication.
 *
 * @example
 * const t: NdrcTier = { published: true, min: { months: 3 }, max: { years: 1 } };
 */
export interface NdrcTier {
  /** Whether records of this tier are published at all by default. */
  readonly published: boolean;
  readonly min: CalendarDuration;
  readonly max: CalendarDuration;
}

/**
 * NDRC credit-information publicity and repair (失信信息公示期限与信用修复).
 *
 * @example
 * const r: NdrcRegime = defaultPublicityRegimes.ndrc[1]!;
 */
export interface NdrcRegime {
  readonly id: string;
  readonly inForceFrom: CivilDate;
  readonly inForceUntil?: CivilDate;
  readonly tiers: { readonly minor: NdrcTier; readonly general: NdrcTier; readonly serious: NdrcTier };
  readonly sources: readonly RegimeSource[];
}

/**
 * Abnormal-operation list rules (经营异常名录).
 *
 * @example
 * const r: AbnormalListRegime = defaultPublicityRegimes.abnormalList[1]!;
 */
export interface AbnormalListRegime {
  readonly id: string;
  readonly inForceFrom: CivilDate;
  readonly inForceUntil?: CivilDate;
  /** Still listed after this long → due for the serious list. */
  readonly escalateAfter: CalendarDuration;
  /** Whether a removed entry stays visible (2014: as history; 2025: "no trace"). */
  readonly removedEntriesPublished: boolean;
  /** Working days to decide on a removal application (移出决定期限). */
  readonly removalDecisionWorkdays: number;
  readonly sources: readonly RegimeSource[];
}

/**
 * Serious-violation list rules (严重违法失信名单).
 *
 * @example
 * const r: SeriousListRegime = defaultPublicityRegimes.seriousList[1]!;
 */
export interface SeriousListRegime {
  readonly id: string;
  readonly inForceFrom: CivilDate;
  readonly inForceUntil?: CivilDate;
  /** May apply for early exit after this long; `null` = no early exit. */
  readonly earlyExitAfter: CalendarDuration | null;
  /** Removed automatically after this long. */
  readonly maximumTerm: CalendarDuration;
  readonly sources: readonly RegimeSource[];
}

/**
 * All publicity and repair regimes, as versioned data (公示期限与信用修复规则). Override per province by
 * passing your own to the publicity functions.
 *
 * @example
 * const mine: PublicityRegimes = parsePublicityRegimes({ ...defaultPublicityRegimes, version: '1.0.1-zj' });
 */
export interface PublicityRegimes {
  readonly version: string;
  readonly samrPenalty: readonly SamrPenaltyRegime[];
  readonly ndrc: readonly NdrcRegime[];
  readonly abnormalList: readonly AbnormalListRegime[];
  readonly seriousList: readonly SeriousListRegime[];
}

const source = z.strictObject({
  title: z.string().min(1),
  ref: z.string().min(1),
  status: z.enum(['verified', 'inferred', 'unverified']),
  note: z.string().exactOptional(),
});
const span = {
  id: z.string().min(1),
  inForceFrom: civilDateSchema,
  inForceUntil: civilDateSchema.exactOptional(),
  sources: z.array(source).min(1),
};
const tier = z.strictObject({
  published: z.boolean(),
  min: calendarDurationSchema,
  max: calendarDurationSchema,
});

/**
 * zod schema of {@link PublicityRegimes}.
 *
 * @example
 * publicityRegimesSchema.parse(defaultPublicityRegimes);
 */
export const publicityRegimesSchema: z.ZodType<PublicityRegimes> = z.strictObject({
  version: z.string().min(1),
  samrPenalty: z.array(
    z.strictObject({
      ...span,
      publishWithinWorkdays: z.number().int().positive(),
      shortPeriod: calendarDurationSchema,
      longPeriod: calendarDurationSchema,
      lowFineThreshold: z.strictObject({
        naturalPerson: z.number().nonnegative(),
        organisation: z.number().nonnegative(),
      }),
      warningOnlyPublished: z.boolean(),
      earlyStopAfter: calendarDurationSchema.nullable(),
    }),
  ),
  ndrc: z.array(
    z.strictObject({ ...span, tiers: z.strictObject({ minor: tier, general: tier, serious: tier }) }),
  ),
  abnormalList: z.array(
    z.strictObject({
      ...span,
      escalateAfter: calendarDurationSchema,
      removedEntriesPublished: z.boolean(),
      removalDecisionWorkdays: z.number().int().positive(),
    }),
  ),
  seriousList: z.array(
    z.strictObject({
      ...span,
      earlyExitAfter: calendarDurationSchema.nullable(),
      maximumTerm: calendarDurationSchema,
    }),
  ),
});

/**
 * Validates regimes data (e.g. a province's override) and returns it typed; throws a zod error on bad data.
 *
 * @example
 * const regimes = parsePublicityRegimes(JSON.parse(text));
 */
export function parsePublicityRegimes(data: unknown): PublicityRegimes {
  return publicityRegimesSchema.parse(data);
}

const ORDER_45: RegimeSource = {
  title: '市场监督管理行政处罚信息公示规定（总局令第45号，2021-09-01 施行）第2、9–11、13、14条',
  ref: 'sampling-and-credit.md §0, §B7',
  status: 'verified',
};

/**
 * The regimes jianguan ships, each with its sources. Numbers marked `unverified` are configurable defaults.
 *
 * @example
 * defaultPublicityRegimes.ndrc.map((r) => r.id); // ['ndrc-2019', 'ndrc-2025']
 */
export const defaultPublicityRegimes: PublicityRegimes = parsePublicityRegimes({
  version: '1.0.0',
  samrPenalty: [
    {
      id: 'samr-order-45',
      inForceFrom: '2021-09-01',
      publishWithinWorkdays: 20,
      shortPeriod: { months: 3 },
      longPeriod: { years: 3 },
      lowFineThreshold: { naturalPerson: 10000, organisation: 100000 },
      warningOnlyPublished: false,
      earlyStopAfter: null,
      sources: [
        ORDER_45,
        {
          title: '较低数额罚款的标准',
          ref: 'not in the reference; set by each province',
          status: 'unverified',
          note: 'default thresholds ¥10,000 (natural person) / ¥100,000 (organisation) are placeholders',
        },
        {
          title: '提前停止公示的最短期限',
          ref: 'Order 45 第14条 lists conditions only (sampling-and-credit.md §B7)',
          status: 'unverified',
          note: 'no minimum applied; heavy penalties can never stop early',
        },
      ],
    },
  ],
  ndrc: [
    {
      id: 'ndrc-2019',
      inForceFrom: '2019-05-01',
      inForceUntil: '2026-03-31',
      tiers: {
        minor: { published: true, min: { months: 3 }, max: { years: 1 } },
        general: { published: true, min: { months: 3 }, max: { years: 1 } },
        serious: { published: true, min: { months: 6 }, max: { years: 3 } },
      },
      sources: [
        {
          title:
            '发改办财金〔2019〕527号 era (一般 3 个月–1 年；严重 6 个月–3 年), as applied by 黔东南州统计局 2022',
          ref: 'sampling-and-credit.md §0, §B7',
          status: 'verified',
        },
        {
          title: 'no 轻微 tier in this regime',
          ref: 'sampling-and-credit.md §B7',
          status: 'inferred',
          note: 'minor records are treated as general; NDRC Order 58 (2023-05-01) periods not re-read; the start date 2019-05-01 is approximate',
        },
      ],
    },
    {
      id: 'ndrc-2025',
      inForceFrom: '2026-04-01',
      tiers: {
        minor: { published: false, min: { months: 0 }, max: { months: 3 } },
        general: { published: true, min: { months: 3 }, max: { years: 1 } },
        serious: { published: true, min: { years: 1 }, max: { years: 3 } },
      },
      sources: [
        {
          title:
            '信用修复管理办法（国家发展改革委 2025，2026-04-01 施行）：轻微 ≤3 个月，一般 3 个月–1 年，严重 1–3 年，自公示之日起算',
          ref: 'sampling-and-credit.md §0, §B7',
          status: 'verified',
        },
      ],
    },
  ],
  abnormalList: [
    {
      id: 'abnormal-2014',
      inForceFrom: '2014-10-01',
      inForceUntil: '2025-04-30',
      escalateAfter: { years: 3 },
      removedEntriesPublished: true,
      removalDecisionWorkdays: 5,
      sources: [
        {
          title: '企业信息公示暂行条例（2014）第17条',
          ref: 'sampling-and-credit.md §B5',
          status: 'verified',
        },
        {
          title: '移出决定期限',
          ref: 'sampling-and-credit.md §B5',
          status: 'unverified',
          note: '5 vs 7 working days unclear in the 2014 rules',
        },
      ],
    },
    {
      id: 'abnormal-2025',
      inForceFrom: '2025-05-01',
      escalateAfter: { years: 3 },
      removedEntriesPublished: false,
      removalDecisionWorkdays: 5,
      sources: [
        {
          title: '经营异常名录管理办法（2025 修订，2025-05-01 施行）：移出后不再公示',
          ref: 'sampling-and-credit.md §B5 (china-briefing, ecovis)',
          status: 'verified',
        },
        {
          title: '移出决定期限',
          ref: 'sampling-and-credit.md §B5',
          status: 'unverified',
          note: 'article numbers of the 2025 rules not checked',
        },
      ],
    },
  ],
  seriousList: [
    {
      id: 'serious-2014',
      inForceFrom: '2014-10-01',
      inForceUntil: '2021-08-31',
      earlyExitAfter: null,
      maximumTerm: { years: 5 },
      sources: [
        {
          title: '企业信息公示暂行条例（2014）第17条：满 5 年移出',
          ref: 'sampling-and-credit.md §B5',
          status: 'verified',
        },
      ],
    },
    {
      id: 'samr-order-44',
      inForceFrom: '2021-09-01',
      earlyExitAfter: { years: 1 },
      maximumTerm: { years: 3 },
      sources: [
        {
          title: '市场监督管理严重违法失信名单管理办法（总局令第44号）：满 1 年可申请提前移出',
          ref: 'sampling-and-credit.md §0, §B6',
          status: 'verified',
        },
        {
          title: '最长 3 年',
          ref: 'sampling-and-credit.md §0',
          status: 'unverified',
          note: 'recalled from Order 44; configurable',
        },
      ],
    },
  ],
});
