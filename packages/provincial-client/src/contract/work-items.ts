/**
 * The work-item feeds added to "jianguan provincial interface v1" for 双告知 and 告知承诺. No province publishes
 * a wire format for either (reference kpi-and-interface §1.7: the 双告知 mechanism is confirmed, its exchange is
 * not; §2.8: design defaults) — these shapes are the contract's own [I], with field names taken from the
 * registration data (data-standards §3: 企业名称, 统一社会信用代码, 登记机关, 成立日期, 经营范围) and from
 * `@jianguan/credit-rules`' `Commitment` (id, entityId, item, content, madeAt, deadline, verificationStandard,
 * responsibleUnit), so a delivered commitment is a `Commitment` plus delivery fields.
 */

import { isCivilDate as isValidCivilDate } from '@jianguan/core';
import { z } from 'zod';

const civilDate = z
  .string()
  .refine(isValidCivilDate, { message: 'expected a civil date YYYY-MM-DD' })
  .meta({ description: 'civil date YYYY-MM-DD (China)' });

/** An instant with an explicit offset, e.g. `2025-11-03T09:00:00+08:00`. */
const instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'expected an ISO instant with offset',
  })
  .meta({ description: 'ISO 8601 instant with offset' });

/**
 * A 双告知 item as the province delivers it (登记推送的后置审批事项): the registered entity, the approval item
 * and the department it was routed to (自动/人工分配; `failed` routing has no department → 待分配).
 *
 * @example
 * doubleNotificationSchema.parse({ itemId: 'SGZ00000001', entityName: '某餐饮有限公司', uscc: '91330100799655058B', licenseItem: '食品经营许可', routing: 'auto', department: '县卫生健康局', pushedAt: '2025-11-03T09:00:00+08:00' });
 */
export const doubleNotificationSchema = z.object({
  itemId: z.string().min(1).max(50).meta({ description: '双告知事项编号' }),
  entityName: z.string().min(1).max(300).meta({ description: '企业名称' }),
  uscc: z.string().length(18).meta({ description: '统一社会信用代码' }),
  registrationAuthority: z.string().max(600).optional().meta({ description: '登记机关' }),
  establishedAt: civilDate.optional().meta({ description: '成立日期' }),
  businessScope: z.string().max(3000).optional().meta({ description: '经营范围' }),
  licenseItem: z.string().min(1).max(200).meta({ description: '后置审批事项 (许可事项)' }),
  routing: z.enum(['auto', 'manual', 'failed']).meta({ description: '分配方式: 自动 / 人工 / 分配失败' }),
  department: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: '审批（行业主管）部门; absent when routing failed' }),
  pushedAt: instant.meta({ description: '推送时间 (the 5-working-day claim clock starts after it)' }),
  status: z
    .enum(['待认领', '已认领', '已反馈'])
    .optional()
    .meta({ description: '办理状态 on the province side' }),
});

/**
 * A delivered 双告知 item.
 *
 * @example
 * const d: DoubleNotification = { itemId: 'SGZ1', entityName: '某公司', uscc: '91330100799655058B', licenseItem: '食品经营许可', routing: 'failed', pushedAt: '2025-11-03T09:00:00+08:00' };
 */
export type DoubleNotification = z.infer<typeof doubleNotificationSchema>;

/**
 * Body of a 双告知 claim (认领接收).
 *
 * @example
 * doubleNotificationClaimSchema.parse({ claimTime: '2025-11-04T10:00:00+08:00', department: '县卫生健康局' });
 */
export const doubleNotificationClaimSchema = z.object({
  claimTime: instant,
  department: z.string().min(1).max(100).meta({ description: '认领部门' }),
  officer: z.string().max(100).optional(),
});

/**
 * Body of a 双告知 feedback (审批/监管结果反馈).
 *
 * @example
 * doubleNotificationFeedbackSchema.parse({ feedbackTime: '2025-11-10T10:00:00+08:00', result: '已办理许可' });
 */
export const doubleNotificationFeedbackSchema = z.object({
  feedbackTime: instant,
  result: z.string().min(1).max(2000).meta({ description: '办理结果' }),
});

/**
 * A 告知承诺 commitment the province hands to the responsible unit for verification (事后核查): the fields of
 * `@jianguan/credit-rules`' `Commitment` plus the entity name and the push time.
 *
 * @example
 * commitmentDeliverySchema.parse({ id: 'CN00000001', entityId: '91330100799655058B', entityName: '某公司', type: 'notify_commit', item: '食品经营许可', content: '具备经营场所', madeAt: '2025-11-01', deadline: '2025-12-01', verificationStandard: '现场核查', responsibleUnit: '县市场监督管理局', pushedAt: '2025-11-03T09:00:00+08:00' });
 */
export const commitmentDeliverySchema = z.object({
  id: z.string().min(1).max(50).meta({ description: '承诺编号' }),
  entityId: z.string().length(18).meta({ description: '统一社会信用代码' }),
  entityName: z.string().min(1).max(300),
  type: z.enum(['notify_commit', 'credit']).meta({ description: '告知承诺 / 信用承诺' }),
  item: z.string().min(1).max(200).meta({ description: '承诺事项' }),
  content: z.string().min(1).max(4000).meta({ description: '承诺内容' }),
  madeAt: civilDate.meta({ description: '承诺日期' }),
  deadline: civilDate.meta({ description: '承诺履行期限 (inclusive)' }),
  verificationStandard: z.string().min(1).max(2000).meta({ description: '事后核查标准' }),
  responsibleUnit: z.string().min(1).max(200).meta({ description: '核查责任单位' }),
  pushedAt: instant,
});

/**
 * A delivered commitment to verify.
 *
 * @example
 * const k: CommitmentDelivery = commitmentDeliverySchema.parse(raw);
 */
export type CommitmentDelivery = z.infer<typeof commitmentDeliverySchema>;

/**
 * Body of a commitment verification (核查结果): `confirmed` (履诺) or `failed` (未履诺, with the 失信约束措施
 * taken in `measures`).
 *
 * @example
 * commitmentVerificationSchema.parse({ verifiedAt: '2025-11-20', outcome: 'failed', note: '未按期取得', measures: '列入重点监管对象' });
 */
export const commitmentVerificationSchema = z
  .object({
    verifiedAt: civilDate,
    outcome: z.enum(['confirmed', 'failed']),
    note: z.string().max(2000).optional(),
    measures: z
      .string()
      .min(1)
      .max(2000)
      .optional()
      .meta({ description: '失信约束措施 (required when failed)' }),
  })
  .refine((v) => v.outcome === 'confirmed' || v.measures !== undefined, {
    message: 'a failed verification names its 失信约束措施 (measures)',
    path: ['measures'],
  });

/**
 * A commitment verification (核查结果).
 *
 * @example
 * const v: CommitmentVerification = { verifiedAt: '2025-11-20', outcome: 'confirmed' };
 */
export type CommitmentVerification = z.infer<typeof commitmentVerificationSchema>;
