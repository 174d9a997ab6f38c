import type { CodeOf } from '@jianguan/core';
import { codeTableEnum } from '@jianguan/core';
import { z } from 'zod';

/**
 * A penalty decision kind code (处罚决定种类), `'01'`–`'14'`: `@jianguan/core`'s `punishType` table
 * (the 2021 行政处罚法 superset; data-standards.md §5). Labels: `getCodeTable('punishType')`.
 *
 * @example
 * const kind: PenaltyKind = '05'; // 吊销许可证
 */
export type PenaltyKind = CodeOf<'punishType'>;

/**
 * zod enum of {@link PenaltyKind}, from core's code table.
 *
 * @example
 * penaltyKindSchema.parse('02');
 */
export const penaltyKindSchema = codeTableEnum('punishType');

/**
 * Penalty kinds that can never end publicity early (SAMR Order 45 第14条: 责令停产停业, 限制开展生产经营活动,
 * 限制从业, 降低资质等级, 吊销许可证件, 责令关闭) and that the NDRC 2025 measures class as 严重.
 *
 * @example
 * HEAVY_PENALTY_KINDS.includes('05'); // true
 */
export const HEAVY_PENALTY_KINDS: readonly PenaltyKind[] = ['04', '05', '10', '12', '13', '14'];

/**
 * A 双随机 spot-check result code (检查结果): `@jianguan/core`'s `spotCheckResult` table, the
 * Zhejiang/icinfo 2017 list (sampling-and-credit.md §A5 (i)). Labels: `getCodeTable('spotCheckResult')`.
 *
 * @example
 * const code: SpotCheckResultCode = '8'; // 不配合检查情节严重
 */
export type SpotCheckResultCode = CodeOf<'spotCheckResult'>;

/**
 * zod enum of {@link SpotCheckResultCode}, from core's code table.
 *
 * @example
 * spotCheckResultCodeSchema.parse('E');
 */
export const spotCheckResultCodeSchema = codeTableEnum('spotCheckResult');

/**
 * 经营异常名录 listing reasons (企业信息公示暂行条例 第17条; sampling-and-credit.md §B5).
 *
 * @example
 * ABNORMAL_LIST_REASONS['4'].zh; // '通过登记的住所或者经营场所无法联系'
 */
export const ABNORMAL_LIST_REASONS = {
  '1': { zh: '未按照规定的期限公示年度报告', en: 'annual report not filed on time' },
  '2': { zh: '未在责令的期限内公示有关企业信息', en: 'information not disclosed within the ordered period' },
  '3': {
    zh: '公示企业信息隐瞒真实情况、弄虚作假',
    en: 'disclosed information concealed facts or was falsified',
  },
  '4': { zh: '通过登记的住所或者经营场所无法联系', en: 'cannot be reached at the registered address' },
} as const;

/**
 * An abnormal-list listing reason code.
 *
 * @example
 * const reason: AbnormalListReason = '1';
 */
export type AbnormalListReason = keyof typeof ABNORMAL_LIST_REASONS;

/**
 * zod enum of {@link AbnormalListReason}.
 *
 * @example
 * abnormalListReasonSchema.parse('4');
 */
export const abnormalListReasonSchema = z.enum(
  Object.keys(ABNORMAL_LIST_REASONS) as [AbnormalListReason, ...AbnormalListReason[]],
);
