import type { ScoringConventions, SourceRef } from '../indicators/schema.js';

/**
 * The national scoring conventions of the inspection indicators (国办秘函〔2019〕19号 附件
 * 《政府网站与政务新媒体检查指标》 指标说明): a 100-point deduction part, a **30-point** bonus part counted only
 * when the deduction part is above 80, any veto fails, below 60 fails; 2 decimals (GB/T 33356-2016 style).
 * (The 20-point bonus belongs to the other annex, the 监管工作年度考核指标, whose other numbers are not used
 * here.)
 *
 * @example
 * NATIONAL_CONVENTIONS.bonusPoints; // 30
 */
export const NATIONAL_CONVENTIONS: ScoringConventions = {
  deductionPoints: 100,
  bonusPoints: 30,
  bonusRequiresAbove: 80,
  passMark: 60,
  decimals: 2,
};

/** Source of {@link NATIONAL_CONVENTIONS}. @internal */
export const CONVENTIONS_SOURCE: SourceRef = {
  ref: '国办秘函〔2019〕19号 附件《政府网站与政务新媒体检查指标》指标说明: 扣分指标分值为100分，加分指标分值为30分; 扣分指标得分低于60分的为不合格; 超过80分的，加分指标得分计入 (read on 51xunbu.cn/kss/c107449/202010/54336522e21e46d58c7fee8c3a412fb5.shtml and a translated copy, ieain.com/365betazsjkhd/2019/0810/7684.html; kpi-and-interface.md §1.5); GB/T 33356-2016 for weight × ratio, 2 decimals',
  status: 'confirmed',
  covers: [
    'conventions.deductionPoints',
    'conventions.bonusPoints',
    'conventions.bonusRequiresAbove',
    'conventions.passMark',
    'conventions.decimals',
  ],
  note: 'checked 2026-12-02; the 20-point bonus of earlier drafts belongs to the 监管工作年度考核指标, not to these inspection indicators',
};

/** Where point values and per-record deductions come from when no source gives them. @internal */
export const POINTS_INFERRED: SourceRef = {
  ref: 'kpi-and-interface.md §1.7',
  status: 'inferred',
  covers: [
    'points',
    'perShortfall',
    'perRecord',
    'perWorkdayLate',
    'perPercentAbove',
    'perUnitAbove',
    'scoring.points',
  ],
  note: 'no published 评分细则 gives the points or per-record deductions; configurable defaults',
};
