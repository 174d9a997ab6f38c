import type { CivilDate, SourceStatus } from '@jianguan/core';
import { deepFreeze, validatedOnce } from '@jianguan/core';
import { z } from 'zod';
import { requireSchema } from '../boundary.js';
import type { CalendarDuration } from '../dates/civil-date.js';
import { civilDateSchema } from '../facts/credit-fact.js';
import { calendarDurationSchema, creditSourceStatusSchema } from '../rule-set/schema.js';

/**
 * Where a regime's numbers come from, and how sure we are. Shipped data quotes the source text (`quote`)
 * and says when it was checked (`checkedOn`); `status` is `verified` (read in the primary text or a named
 * copy of it), `inferred` (a reasonable reading or a configurable default) or `unverified` (recalled or read
 * only in a low-authority copy — check it before relying on it).
 *
 * @example
 * const s: RegimeSource = { title: 'SAMR Order 45 第13条', ref: 'https://…', status: 'verified', quote: '…', checkedOn: '2026-12-02' };
 */
export interface RegimeSource {
  readonly title: string;
  readonly ref: string;
  /** How sure the source is: `verified`, `inferred` or `unverified` (core's {@link SourceStatus}). */
  readonly status: Extract<SourceStatus, 'verified' | 'inferred' | 'unverified'>;
  readonly note?: string;
  /** The source text the numbers come from, quoted (原文摘录). */
  readonly quote?: string;
  /** The day the source was last checked. */
  readonly checkedOn?: CivilDate;
  /**
   * The fields of the regime this source supports (dotted paths, e.g. `'tiers.general.min'`); a source
   * without `covers` supports every field no other source claims. The sources ledger uses it to cite each
   * number.
   */
  readonly covers?: readonly string[];
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
  /**
   * Fallback "较低数额罚款" when no province threshold ({@link LowFineThreshold}) applies: no national
   * number exists (第13条 leaves it to the provinces), so the shipped values are placeholders.
   */
  readonly lowFineThreshold: { readonly naturalPerson: number; readonly organisation: number };
  /** Whether a fine equal to the fallback threshold is low (default `true`, "up to"). */
  readonly lowFineInclusive?: boolean;
  /** A warning-only penalty is not published (第2条). */
  readonly warningOnlyPublished: boolean;
  /** Whether decisions made under the simple procedure (简易程序) are published (第2条: only 普通程序; default `false`). */
  readonly simpleProcedurePublished?: boolean;
  /**
   * A minimum publicity before early stop that overrides the repair regimes ({@link SamrRepairRegime});
   * `null` = take it from the repair regimes.
   */
  readonly earlyStopAfter: CalendarDuration | null;
  readonly sources: readonly RegimeSource[];
}

/**
 * One bound of a provincial low-fine threshold: the amount in yuan and whether a fine of exactly that
 * amount is still "low" (`inclusive`: 含本数 / 及以下; exclusive: 不含本数).
 *
 * @example
 * const b: LowFineBound = { amount: 5000, inclusive: false }; // 五千元（不含本数）以下
 */
export interface LowFineBound {
  readonly amount: number;
  readonly inclusive: boolean;
}

/**
 * A province's "较低数额罚款" standard for Order 45 第13条 (provincial data: each province sets its own
 * amounts and its own boundary rule).
 *
 * @example
 * const t = defaultPublicityRegimes.lowFineThresholds!.find((t) => t.province === '520000');
 */
export interface LowFineThreshold {
  readonly id: string;
  /** The province's GB/T 2260 code (`'520000'`); any code of the province matches it by its first two digits. */
  readonly province: string;
  /** The province's name. */
  readonly name: string;
  readonly inForceFrom: CivilDate;
  readonly inForceUntil?: CivilDate;
  /** Fines on natural persons (个人 / 自然人). */
  readonly naturalPerson: LowFineBound;
  /** Fines on legal persons and other organisations (法人或者其他组织). */
  readonly organisation: LowFineBound;
  readonly sources: readonly RegimeSource[];
}

/**
 * SAMR credit-repair rules for penalty information (市场监督管理信用修复管理办法): the minimum publicity before
 * early stop (提前停止公示) may be applied for, by Order 45 period class, and the working days to decide. The
 * regime in force on the **application** day applies (程序从新); without an application day, the one in
 * force on the decision day is assumed.
 *
 * @example
 * const r: SamrRepairRegime = defaultPublicityRegimes.samrRepair![1]!;
 */
export interface SamrRepairRegime {
  readonly id: string;
  readonly inForceFrom: CivilDate;
  readonly inForceUntil?: CivilDate;
  /** Minimum publicity counted from publication; `null` = no minimum (only the conditions of 第14条). */
  readonly earlyStopAfter: {
    /** 通报批评 / lower-amount fines (3-month publicity). */
    readonly short: CalendarDuration | null;
    /** Other penalties that may stop early. */
    readonly long: CalendarDuration | null;
  };
  /** Working days to decide on an application (办理时限). */
  readonly decisionWorkdays: number;
  readonly sources: readonly RegimeSource[];
}

/**
 * A publicity tier of the NDRC credit-repair measures: minimum and maximum publicity.
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
 * const r: NdrcRegime = defaultPublicityRegimes.ndrc[2]!;
 */
export interface NdrcRegime {
  readonly id: string;
  readonly inForceFrom: CivilDate;
  readonly inForceUntil?: CivilDate;
  /**
   * The day periods run from: `decision` (认定 / 作出决定之日, the rule of every NDRC text read) or
   * `publication`. Default `decision`.
   */
  readonly periodStart?: 'decision' | 'publication';
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
 * passing your own to the publicity functions. In every list the entry in force on the day applies; where
 * windows overlap (an entry appended to the shipped ones), the one that took effect last wins, and of two with
 * the same first day the later in the list.
 *
 * @example
 * const mine: PublicityRegimes = parsePublicityRegimes({ ...defaultPublicityRegimes, version: '1.0.1-zj' });
 */
export interface PublicityRegimes {
  readonly version: string;
  readonly samrPenalty: readonly SamrPenaltyRegime[];
  /** Provincial "较低数额罚款" standards (Order 45 第13条第2款). */
  readonly lowFineThresholds?: readonly LowFineThreshold[];
  /** SAMR credit-repair regimes (minimum publicity before early stop), by application day. */
  readonly samrRepair?: readonly SamrRepairRegime[];
  readonly ndrc: readonly NdrcRegime[];
  readonly abnormalList: readonly AbnormalListRegime[];
  readonly seriousList: readonly SeriousListRegime[];
}

const source = z.strictObject({
  title: z.string().min(1),
  ref: z.string().min(1),
  status: creditSourceStatusSchema,
  note: z.string().exactOptional(),
  quote: z.string().min(1).exactOptional(),
  checkedOn: civilDateSchema.exactOptional(),
  covers: z.array(z.string().min(1)).min(1).exactOptional(),
});
const lowFineBound = z.strictObject({
  amount: z.number().nonnegative().finite(),
  inclusive: z.boolean(),
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

/** The lists of {@link PublicityRegimes} whose entries have an in-force window. */
const REGIME_LISTS = [
  'samrPenalty',
  'lowFineThresholds',
  'samrRepair',
  'ndrc',
  'abnormalList',
  'seriousList',
] as const;

/**
 * @internal The entry of `list` in force on `date`. Where windows overlap (a province appends its own entry
 * to the shipped ones), the one that took effect last applies — a newer standard supersedes an older one
 * without an end date — and of two with the same first day, the later in the list (the appended override).
 */
export function regimeInForceOn<
  T extends { readonly inForceFrom: CivilDate; readonly inForceUntil?: CivilDate },
>(list: readonly T[], date: CivilDate): T | undefined {
  let found: T | undefined;
  for (const r of list)
    if (
      r.inForceFrom <= date &&
      (r.inForceUntil === undefined || date <= r.inForceUntil) &&
      (found === undefined || r.inForceFrom >= found.inForceFrom)
    )
      found = r;
  return found;
}

/**
 * zod schema of {@link PublicityRegimes}.
 *
 * @example
 * publicityRegimesSchema.parse(defaultPublicityRegimes);
 */
export const publicityRegimesSchema: z.ZodType<PublicityRegimes> = z
  .strictObject({
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
        lowFineInclusive: z.boolean().exactOptional(),
        warningOnlyPublished: z.boolean(),
        simpleProcedurePublished: z.boolean().exactOptional(),
        earlyStopAfter: calendarDurationSchema.nullable(),
      }),
    ),
    lowFineThresholds: z
      .array(
        z.strictObject({
          ...span,
          province: z.string().regex(/^\d{2}0000$/, {
            message: 'expected a province code like 520000 (应为省级区划代码，如 520000)',
          }),
          name: z.string().min(1),
          naturalPerson: lowFineBound,
          organisation: lowFineBound,
        }),
      )
      .exactOptional(),
    samrRepair: z
      .array(
        z.strictObject({
          ...span,
          earlyStopAfter: z.strictObject({
            short: calendarDurationSchema.nullable(),
            long: calendarDurationSchema.nullable(),
          }),
          decisionWorkdays: z.number().int().positive(),
        }),
      )
      .exactOptional(),
    ndrc: z.array(
      z.strictObject({
        ...span,
        periodStart: z.enum(['decision', 'publication']).exactOptional(),
        tiers: z.strictObject({ minor: tier, general: tier, serious: tier }),
      }),
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
  })
  .superRefine((regimes, ctx) => {
    for (const list of REGIME_LISTS) {
      (regimes[list] ?? []).forEach((r, i) => {
        if (r.inForceUntil !== undefined && r.inForceUntil < r.inForceFrom)
          ctx.addIssue({
            code: 'custom',
            path: [list, i, 'inForceUntil'],
            message: `inForceUntil ${r.inForceUntil} is before inForceFrom ${r.inForceFrom} (失效日期早于生效日期)`,
          });
      });
    }
  });

/**
 * Validates regimes data (e.g. a province's override) and returns it typed, as a deeply frozen copy;
 * throws a `CreditInputError` (`invalid_publicity_regimes`, with the path of the first problem) on bad data.
 *
 * @example
 * const regimes = parsePublicityRegimes(JSON.parse(text));
 */
export function parsePublicityRegimes(data: unknown): PublicityRegimes {
  return deepFreeze(requireSchema(publicityRegimesSchema, data, [], 'invalid_publicity_regimes'));
}

const validRegimes = validatedOnce(
  (regimes: unknown, path: readonly (string | number)[]): PublicityRegimes =>
    requireSchema(publicityRegimesSchema, regimes, path, 'invalid_publicity_regimes'),
);

/**
 * @internal Regimes passed as an option, validated (typed error at `path`) and returned frozen: the argument
 * itself when deeply frozen (checked once per object), else a validated copy re-checked against the argument
 * on every call (see core's `validatedOnce`).
 */
export function requireRegimes(
  regimes: unknown,
  path: readonly (string | number)[] = ['regimes'],
): PublicityRegimes {
  return validRegimes(regimes, path);
}

/** The day the shipped sources were checked. */
const CHECKED = '2026-12-02';

const ORDER_45_ART_2: RegimeSource = {
  title:
    '市场监督管理行政处罚信息公示规定（总局令第45号，2021-09-01 施行）第2条：只公示普通程序作出的处罚，仅警告不公示',
  ref: 'https://flfgsc.cn/law/市场监督管理行政处罚信息公示规定-2021年 ; https://m.wenkunet.com/p-5745741.html',
  covers: ['warningOnlyPublished', 'simpleProcedurePublished'],
  status: 'verified',
  quote:
    '市场监督管理部门对适用普通程序作出行政处罚决定的相关信息，应当记录于国家企业信用信息公示系统，并向社会公示。仅受到警告行政处罚的不予公示。法律、行政法规另有规定的除外。',
  checkedOn: CHECKED,
};

const ORDER_45_ART_13: RegimeSource = {
  title:
    '总局令第45号 第13条：通报批评或较低数额罚款 3 个月，其他 3 年，限制期限超过 3 年的按实际期限；较低数额罚款由省级以上部门规定',
  ref: 'http://www.it214.net/c6195694.aspx ; http://info.foodmate.net/news/show-171915.html (quoted by 贵州省市场监管局)',
  covers: ['shortPeriod', 'longPeriod'],
  status: 'verified',
  quote:
    '仅受到通报批评或者较低数额罚款的行政处罚信息自公示之日起届满三个月的，停止公示。其他行政处罚信息自公示之日起届满三年的，停止公示。前款所称较低数额罚款由省级以上市场监督管理部门结合工作实际规定。依照法律法规被限制开展生产经营活动、限制从业超过三年的，公示期按照实际限制期限执行。',
  checkedOn: CHECKED,
};

const ORDER_45_ART_9_14: RegimeSource = {
  title:
    '总局令第45号 第9–11条（20 个工作日内公示）、第14条（提前停止公示的条件；停产停业、限制、降级、吊销等不得提前停止）',
  ref: 'sampling-and-credit.md §0, §B7',
  covers: ['publishWithinWorkdays', 'inForceFrom', 'earlyStopAfter'],
  status: 'verified',
  note: 'as summarised in the reference (compiled 2026-11); the article text itself was not re-read on 2026-12-02',
};

/**
 * The regimes jianguan ships, each with its sources (quoted where read). Numbers marked `unverified` are
 * configurable defaults; see docs/guides/sources-ledger.md for every number and its status.
 *
 * @example
 * defaultPublicityRegimes.ndrc.map((r) => r.id); // ['ndrc-2019', 'ndrc-2023', 'ndrc-2025']
 */
export const defaultPublicityRegimes: PublicityRegimes = parsePublicityRegimes({
  version: '1.1.0',
  samrPenalty: [
    {
      id: 'samr-order-45',
      inForceFrom: '2021-09-01',
      publishWithinWorkdays: 20,
      shortPeriod: { months: 3 },
      longPeriod: { years: 3 },
      lowFineThreshold: { naturalPerson: 10000, organisation: 100000 },
      lowFineInclusive: true,
      warningOnlyPublished: false,
      simpleProcedurePublished: false,
      earlyStopAfter: null,
      sources: [
        ORDER_45_ART_2,
        ORDER_45_ART_13,
        ORDER_45_ART_9_14,
        {
          title: '较低数额罚款的全国缺省值（无全国标准）',
          ref: 'Order 45 第13条第2款 leaves it to the provinces; see lowFineThresholds',
          covers: ['lowFineThreshold.naturalPerson', 'lowFineThreshold.organisation', 'lowFineInclusive'],
          status: 'unverified',
          note: 'fallback ¥10,000 (natural person) / ¥100,000 (organisation), inclusive, is a placeholder used only when no provincial threshold applies; pass `province` to use a province’s published one',
        },
      ],
    },
  ],
  lowFineThresholds: [
    {
      id: 'shanghai-2022',
      province: '310000',
      name: '上海市',
      inForceFrom: '2022-07-01',
      inForceUntil: '2027-06-30',
      naturalPerson: { amount: 5000, inclusive: true },
      organisation: { amount: 50000, inclusive: true },
      sources: [
        {
          title:
            '上海市市场监督管理局《关于行政处罚信息公示中“较低数额罚款”标准的规定》（沪市监规范〔2022〕8号，2022-06-09）',
          ref: 'http://www.cctv1204.com/zhengce/show-50037.html (repost, 2022-07-05)',
          status: 'verified',
          quote:
            '对个人处以五千元及以下的罚款，对法人或者其他组织处以五万元及以下的罚款。本规定自2022年7月1日起施行，有效期至2027年6月30日。',
          checkedOn: CHECKED,
          note: 'read on a repost (traditional characters, quoted here in simplified); 及以下 = inclusive',
        },
      ],
    },
    {
      id: 'guizhou-2024',
      province: '520000',
      name: '贵州省',
      inForceFrom: '2024-01-01',
      naturalPerson: { amount: 5000, inclusive: false },
      organisation: { amount: 50000, inclusive: false },
      sources: [
        {
          title:
            '贵州省市场监督管理局关于明确行政处罚信息公示中适用“较低数额罚款”标准的规定（2023-12-19 印发）',
          ref: 'http://info.foodmate.net/news/show-171915.html (repost, 2023-12-25)',
          status: 'verified',
          quote:
            '对自然人处以五千元(不含本数)以下的罚款，对法人或者其他组织处以五万元(不含本数)以下的罚款。上述规定自2024年1月1日起执行。',
          checkedOn: CHECKED,
          note: 'read on a repost; 不含本数 = exclusive; no expiry stated',
        },
      ],
    },
    {
      id: 'fujian-2024',
      province: '350000',
      name: '福建省',
      inForceFrom: '2024-07-12',
      inForceUntil: '2029-07-11',
      naturalPerson: { amount: 5000, inclusive: false },
      organisation: { amount: 50000, inclusive: false },
      sources: [
        {
          title:
            '福建省市场监管局关于明确市场监管领域行政处罚信息公示“较低数额罚款”适用标准的通知（闽市监规〔2024〕3号，2024-07-12）',
          ref: 'http://foodwifi.net/zcfg/202409/29332.html (repost, 2024-09-11)',
          status: 'verified',
          quote:
            '“较低数额罚款”全省适用标准为：“对自然人处以五千元(不含本数)以下的罚款，对法人或者其他组织处以五万元(不含本数)以下的罚款。”上述标准自通知印发之日起执行，有效期5年。',
          checkedOn: CHECKED,
          note: 'read on a repost; 不含本数 = exclusive; the end date (5 years from 2024-07-12) is inferred',
        },
      ],
    },
  ],
  samrRepair: [
    {
      id: 'samr-repair-2021',
      inForceFrom: '2021-09-01',
      inForceUntil: '2025-12-24',
      earlyStopAfter: { short: null, long: { months: 6 } },
      decisionWorkdays: 15,
      sources: [
        {
          title:
            '市场监督管理信用修复管理办法（国市监信规〔2021〕3号，规范性文件）：提前停止公示行政处罚信息属信用修复',
          ref: 'http://m.personalh.cn/article/mobile-do-detail-id-42884.html ; https://m.wenkunet.com/p-5745676.html ; sampling-and-credit.md §B7',
          covers: ['inForceFrom', 'inForceUntil'],
          status: 'verified',
          quote:
            '本办法所称信用修复管理，是指市场监督管理部门按照规定的程序，将符合条件的当事人依法移出经营异常名录、恢复个体工商户正常记载状态、提前移出严重违法失信名单、提前停止通过国家企业信用信息公示系统（以下简称公示系统）公示行政处罚等相关信息……',
          checkedOn: CHECKED,
          note: 'only 第1–4条 could be read',
        },
        {
          title: '提前停止公示前的最短公示期（2021 办法）',
          ref: 'not read: the articles that set it were not in the copies found',
          covers: ['earlyStopAfter.short', 'earlyStopAfter.long'],
          status: 'unverified',
          note: '6 months for penalties with a 3-year publicity is recalled, not read; no minimum for 3-month ones; configurable',
          checkedOn: CHECKED,
        },
        {
          title: '办理时限 15 个工作日（2021 办法）',
          ref: 'http://longway-casters.net/shipindongtai/708.html (low-authority repost of news on the 2025 measures)',
          covers: ['decisionWorkdays'],
          status: 'unverified',
          quote: '……办理行政处罚或严重违法失信名单信用修复的时限从15个工作日缩短至7个工作日。',
          checkedOn: CHECKED,
        },
      ],
    },
    {
      id: 'samr-repair-2025',
      inForceFrom: '2025-12-25',
      earlyStopAfter: { short: { months: 3 }, long: { months: 3 } },
      decisionWorkdays: 7,
      sources: [
        {
          title:
            '市场监督管理信用修复管理办法（国家市场监督管理总局规章，2025-12-25 施行，取代 2021 年规范性文件）',
          ref: 'http://m.yashengluo.com/cn/Instant/domestic/202512/t20251203_7896717.html (SAMR 信用监管司 briefing, 2025-12-02) ; http://www.shfzb.com.cn/shfzb/h5/html5/2025-12/24/content_150505_2968967.htm',
          covers: ['inForceFrom'],
          status: 'verified',
          quote:
            '《市场监督管理信用修复管理办法》将于2025年12月25日实施。……相比较2021年7月制定出台的《市场监督管理信用修复管理办法》规范性文件，新《办法》以部门规章的形式发布……《办法》将违法失信信息划分为“轻微、一般、严重”三类，按照过罚相当原则，分别设置不同的公示……',
          checkedOn: CHECKED,
          note: 'the in-force date and the three tiers are verified; the text of the measures was not found',
        },
        {
          title: '一般违法失信信息：最短公示期 3 个月，最长 1 年；办理时限 7 个工作日',
          ref: 'http://longway-casters.net/shipindongtai/708.html (low-authority repost)',
          covers: ['earlyStopAfter.short', 'earlyStopAfter.long', 'decisionWorkdays'],
          status: 'unverified',
          quote:
            '一般违法失信信息指除轻微和严重情形外的其他行政处罚信息，最短公示期为3个月，最长公示期为1年。',
          checkedOn: CHECKED,
          note: 'the 1-year maximum is NOT applied to Order 45 periods until the measures’ text is read; heavy penalties stay blocked from early stop (Order 45 第14条)',
        },
      ],
    },
  ],
  ndrc: [
    {
      id: 'ndrc-2019',
      inForceFrom: '2019-05-01',
      inForceUntil: '2023-04-30',
      periodStart: 'decision',
      tiers: {
        minor: { published: true, min: { months: 3 }, max: { years: 1 } },
        general: { published: true, min: { months: 3 }, max: { years: 1 } },
        serious: { published: true, min: { months: 6 }, max: { years: 3 } },
      },
      sources: [
        {
          title:
            '发改办财金〔2019〕527号 关于进一步完善“信用中国”网站及地方信用门户网站行政处罚信息信用修复机制的通知：严重 6 个月–3 年，自行政处罚决定之日起',
          ref: 'https://www.0797cx.cn/page37?article_id=15265',
          covers: ['tiers.serious.published', 'tiers.serious.min', 'tiers.serious.max', 'periodStart'],
          status: 'verified',
          quote:
            '涉及严重失信行为的行政处罚信息自行政处罚决定之日起，在信用网站最短公示期限为六个月，最长公示期限为三年。',
          checkedOn: CHECKED,
        },
        {
          title: '一般 3 个月–1 年，自处罚决定之日起（黔东南州统计局 2022 年适用）',
          ref: 'http://tjj.qdn.gov.cn/tjfw/sxqygs/202204/t20220429_73686150.html',
          covers: ['tiers.general.published', 'tiers.general.min', 'tiers.general.max', 'periodStart'],
          status: 'verified',
          quote:
            '严重失信行为的行政处罚信息自处罚决定之日起，6个月--3年；一般失信行为的行政处罚信息自处罚决定之日起，3个月--1年。',
          checkedOn: CHECKED,
        },
        {
          title: 'no 轻微 tier; start date',
          ref: 'sampling-and-credit.md §B7',
          covers: [
            'tiers.minor.published',
            'tiers.minor.min',
            'tiers.minor.max',
            'inForceFrom',
            'inForceUntil',
          ],
          status: 'inferred',
          note: 'minor records are treated as general; the first day (2019-05-01) is approximate',
        },
      ],
    },
    {
      id: 'ndrc-2023',
      inForceFrom: '2023-05-01',
      inForceUntil: '2026-03-31',
      periodStart: 'decision',
      tiers: {
        minor: { published: true, min: { months: 3 }, max: { years: 3 } },
        general: { published: true, min: { months: 3 }, max: { years: 3 } },
        serious: { published: true, min: { months: 3 }, max: { years: 3 } },
      },
      sources: [
        {
          title:
            '失信行为纠正后的信用信息修复管理办法（试行）（国家发展改革委令第58号，2023-05-01 施行）：行政处罚信息最短 3 个月、最长 3 年，自作出处罚之日起',
          ref: 'http://www.senqisrq.com/xxgk/ztzl/sgs/index.html (a Shenzhen department’s repair guide under the 2023 measures, as mirrored)',
          status: 'inferred',
          quote:
            '对于列入行政处罚信息公示的，最短公示期为三个月，最长公示期为三年。最短公示期届满后，方可按规定申请提前终止公示。最长公示期届满后，相关信息自动停止公示。对于特种设备、安全生产、消防领域的行政处罚信息，最短公示期为一年。……行政处罚信息的公示期限起点以行政处罚作出时间为准。',
          checkedOn: CHECKED,
          note: 'read as applied by a local department, not in Order 58 itself; no severity tiers (one period for all); the 1-year minimum of 特种设备、安全生产、消防 is not modelled — pass `severity` or your own regimes for those sectors',
        },
      ],
    },
    {
      id: 'ndrc-2025',
      inForceFrom: '2026-04-01',
      periodStart: 'decision',
      tiers: {
        minor: { published: false, min: { months: 0 }, max: { months: 3 } },
        general: { published: true, min: { months: 3 }, max: { years: 1 } },
        serious: { published: true, min: { years: 1 }, max: { years: 3 } },
      },
      sources: [
        {
          title:
            '信用修复管理办法（国家发展改革委令第36号，2025-11-20 公布，2026-04-01 施行；废止 2023 年试行办法）',
          ref: 'https://finance.stockstar.com/IG2025112600020150.shtml ; https://toubiaole.com/news/xingyexinwen/887.html ; http://www.cctv-cmpany.net/nav8/102981.html',
          status: 'verified',
          quote:
            '失信信息按照失信严重程度实行分类管理，原则上划分为“轻微、一般、严重”三类，按照过罚相当原则，分别设置不同的公示期限，公示期限自司法、行政公务文书认定之日起开始计算。轻微失信信息原则上不予公示；行业主管部门认为确有必要公示的，公示期最长不超过3个月，且法定责任履行完毕即可申请修复。一般失信信息的最短公示期为3个月，最长为1年。严重失信信息的最短公示期为1年，最长为3年。',
          checkedOn: CHECKED,
          note: 'periods run from the decision (认定) day, not from publication; transitional rules for earlier decisions were not read (the regime is chosen by decision day)',
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
          title: '企业信息公示暂行条例（2014）第17条：满 3 年未移出列入严重违法企业名单',
          ref: 'sampling-and-credit.md §B5',
          covers: ['escalateAfter', 'removedEntriesPublished', 'inForceFrom', 'inForceUntil'],
          status: 'verified',
        },
        {
          title: '移出决定期限',
          ref: 'sampling-and-credit.md §B5',
          covers: ['removalDecisionWorkdays'],
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
          covers: ['escalateAfter', 'removedEntriesPublished', 'inForceFrom'],
          status: 'verified',
        },
        {
          title: '移出决定期限',
          ref: 'sampling-and-credit.md §B5',
          covers: ['removalDecisionWorkdays'],
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
          covers: ['earlyExitAfter', 'inForceFrom'],
          status: 'verified',
        },
        {
          title: '最长 3 年',
          ref: 'sampling-and-credit.md §0',
          covers: ['maximumTerm'],
          status: 'unverified',
          note: 'recalled from Order 44; configurable',
        },
      ],
    },
  ],
});
