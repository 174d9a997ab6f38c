/**
 * The built-in lifecycles (内置任务生命周期), one per kind of work item the seeds name. Numbers carry their
 * source, status and check date; where no source states a number it is marked `inferred` and meant to be
 * overridden with {@link deriveLifecycle}.
 */
import type { Lifecycle } from './lifecycle.js';
import { defineLifecycle } from './lifecycle.js';
import type { RuleSource } from './rules.js';
import { CHECKED } from './rules.js';

const VERSION = '2026.12.0';

const S = {
  dispatched: { id: 'dispatched', label: { zh: '分发', en: 'dispatched' } },
  claimed: { id: 'claimed', label: { zh: '认领', en: 'claimed' } },
  verifying: { id: 'verifying', label: { zh: '核查', en: 'verifying' } },
  handling: { id: 'handling', label: { zh: '处置', en: 'handling' } },
  fedBack: { id: 'fed_back', label: { zh: '反馈', en: 'fed back' } },
  returned: { id: 'returned', label: { zh: '回退', en: 'returned' } },
  closed: { id: 'closed', label: { zh: '办结', en: 'closed' }, terminal: true },
  terminated: { id: 'terminated', label: { zh: '终止', en: 'terminated' }, terminal: true },
} as const;

const claim = {
  action: 'claim',
  label: { zh: '认领', en: 'claim' },
  from: ['dispatched'],
  to: 'claimed',
  reassigns: 'officer' as const,
};
const close = { action: 'close', label: { zh: '办结', en: 'close' }, from: ['fed_back'], to: 'closed' };
const redispatch = {
  action: 'redispatch',
  label: { zh: '重新分发', en: 'redispatch' },
  from: ['returned'],
  to: 'dispatched',
  reassigns: 'department' as const,
};

function returnFrom(from: readonly string[]) {
  return {
    action: 'return',
    label: { zh: '回退', en: 'return' },
    from: [...from],
    to: 'returned',
    reasonTable: 'taskReturnReason',
  };
}
function transferFrom(from: readonly string[]) {
  return {
    action: 'transfer',
    label: { zh: '转办', en: 'transfer' },
    from: [...from],
    to: 'dispatched',
    reasonTable: 'taskTransferReason',
    reassigns: 'department' as const,
  };
}
function terminateFrom(from: readonly string[]) {
  return {
    action: 'terminate',
    label: { zh: '终止', en: 'terminate' },
    from: [...from],
    to: 'terminated',
    reasonTable: 'taskTerminationReason',
  };
}
function rule(ref: string, status: RuleSource['status'], note?: string): RuleSource {
  return note === undefined ? { ref, status, checked: CHECKED } : { ref, status, checked: CHECKED, note };
}

const RISK_CLUE_SOURCES = [
  rule('seed 000 task 5: 完成省级推送的风险预警线索核查并及时反馈', 'seed-stated'),
  rule(
    'seed 002 art. 34: 利用监管系统提供的风险预警线索开展核查、处置等监管业务，并将监管结果反馈至监管系统',
    'seed-stated',
  ),
  rule(
    'seed 001 二(五)2: 任务管理系统将风险预警线索、投诉举报工单等任务分发到各监管部门…反馈及归档',
    'seed-stated',
  ),
];

/**
 * 风险预警线索核查 — a risk-warning clue pushed by the province: 分发 → 认领 → 核查 → 处置 → 反馈 → 办结,
 * with 回退 / 转办 / 终止. Feedback within 10 working days is `inferred` (seed 000 task 5 says only 及时反馈;
 * the same default as `@jianguan/kpi`'s baseline `clue-feedback-timeliness`, so both agree).
 *
 * @example
 * riskClueLifecycle.deadlines[0]?.workdays; // 10
 */
export const riskClueLifecycle: Lifecycle = defineLifecycle({
  id: 'risk_clue',
  kind: 'risk_clue',
  version: VERSION,
  label: { zh: '风险预警线索核查', en: 'risk-warning clue verification' },
  initial: 'dispatched',
  states: [S.dispatched, S.claimed, S.verifying, S.handling, S.fedBack, S.returned, S.closed, S.terminated],
  transitions: [
    claim,
    {
      action: 'start_verification',
      label: { zh: '开始核查', en: 'start verification' },
      from: ['claimed'],
      to: 'verifying',
    },
    {
      action: 'start_handling',
      label: { zh: '转入处置', en: 'start handling' },
      from: ['verifying'],
      to: 'handling',
    },
    {
      action: 'feedback',
      label: { zh: '核查反馈', en: 'feed back' },
      from: ['verifying', 'handling'],
      to: 'fed_back',
      requiresNote: true,
    },
    {
      action: 'reject_feedback',
      label: { zh: '反馈退回', en: 'feedback sent back' },
      from: ['fed_back'],
      to: 'verifying',
      requiresNote: true,
    },
    close,
    returnFrom(['dispatched', 'claimed']),
    redispatch,
    transferFrom(['dispatched', 'claimed']),
    terminateFrom(['dispatched', 'claimed', 'verifying', 'handling', 'returned']),
  ],
  deadlines: [
    {
      id: 'feedback',
      label: { zh: '核查反馈', en: 'verification feedback' },
      start: { on: 'created' },
      metBy: ['fed_back', 'closed'],
      cancelledBy: ['returned', 'terminated'],
      restartOn: ['transfer', 'redispatch'],
      workdays: 10,
      atRiskWorkdays: 2,
      kpiFact: 'clue_feedback',
      rule: rule(
        'seed 000 task 5 (及时反馈)',
        'inferred',
        'no deadline is published; 10 working days is the configurable default shared with @jianguan/kpi',
      ),
    },
  ],
  rules: RISK_CLUE_SOURCES,
});

/**
 * 联合监管任务 — a joint supervision task from the national or provincial system (status 分发/认领/反馈/结束
 * in the national exchange XML): claim, inspect jointly, feed back, close. No handling deadline is published
 * (seed 000 task 8: 按要求及时办理); 20 working days is `inferred`, and a task's own deadline can be given at
 * creation (`dueDates.feedback`).
 *
 * @example
 * jointTaskLifecycle.states.map((s) => s.label.zh); // ['分发', '认领', '处置', '反馈', '回退', '办结', '终止']
 */
export const jointTaskLifecycle: Lifecycle = defineLifecycle({
  id: 'joint_task',
  kind: 'joint_task',
  version: VERSION,
  label: { zh: '联合监管任务', en: 'joint supervision task' },
  initial: 'dispatched',
  states: [S.dispatched, S.claimed, S.handling, S.fedBack, S.returned, S.closed, S.terminated],
  transitions: [
    claim,
    {
      action: 'start_inspection',
      label: { zh: '联合检查', en: 'inspect jointly' },
      from: ['claimed'],
      to: 'handling',
    },
    {
      action: 'feedback',
      label: { zh: '反馈', en: 'feed back' },
      from: ['handling'],
      to: 'fed_back',
      requiresNote: true,
    },
    close,
    returnFrom(['dispatched', 'claimed']),
    redispatch,
    transferFrom(['dispatched', 'claimed']),
    terminateFrom(['dispatched', 'claimed', 'handling', 'returned']),
  ],
  deadlines: [
    {
      id: 'feedback',
      label: { zh: '任务反馈', en: 'task feedback' },
      start: { on: 'created' },
      metBy: ['fed_back', 'closed'],
      cancelledBy: ['returned', 'terminated'],
      restartOn: ['transfer', 'redispatch'],
      workdays: 20,
      atRiskWorkdays: 3,
      rule: rule(
        'seed 000 task 8: 对于国家和省“互联网+监管”系统下发的联合监管任务，按要求及时办理',
        'inferred',
        'no number published; 20 working days is a default, the task’s own deadline overrides it',
      ),
    },
  ],
  rules: [
    rule('seed 000 task 8: 联合监管任务按要求及时办理; 进一次门、查多项事', 'seed-stated'),
    rule(
      'kpi-and-interface §2.3: taskInfo.status ∈ 分发/认领/结束/反馈; claimTime, endReason, feedbackTime',
      'verified',
    ),
  ],
});

/**
 * 投诉举报 — a complaint or report (12345 and other channels): registered and dispatched, accepted
 * (认领/受理), handled, answered, closed, with 督办 (urging, with a note; the state does not change), 回退,
 * 转办 and 终止. The
 * acceptance and answer deadlines are `inferred` defaults.
 *
 * @example
 * complaintLifecycle.transitions.some((t) => t.action === 'urge'); // true
 */
export const complaintLifecycle: Lifecycle = defineLifecycle({
  id: 'complaint',
  kind: 'complaint',
  version: VERSION,
  label: { zh: '投诉举报办理', en: 'complaint handling' },
  initial: 'dispatched',
  states: [S.dispatched, S.claimed, S.handling, S.fedBack, S.returned, S.closed, S.terminated],
  transitions: [
    { ...claim, label: { zh: '受理', en: 'accept' } },
    {
      action: 'start_handling',
      label: { zh: '办理', en: 'start handling' },
      from: ['claimed'],
      to: 'handling',
    },
    // 督办 (urging) leaves the state as it is: one transition per state.
    ...(['dispatched', 'claimed', 'handling'] as const).map((state) => ({
      action: 'urge',
      label: { zh: '督办', en: 'urge' },
      from: [state],
      to: state,
      requiresNote: true,
    })),
    {
      action: 'reply',
      label: { zh: '答复反馈', en: 'reply' },
      from: ['handling'],
      to: 'fed_back',
      requiresNote: true,
    },
    close,
    returnFrom(['dispatched', 'claimed']),
    redispatch,
    transferFrom(['dispatched', 'claimed', 'handling']),
    terminateFrom(['dispatched', 'claimed', 'handling', 'returned']),
  ],
  deadlines: [
    {
      id: 'accept',
      label: { zh: '受理', en: 'acceptance' },
      start: { on: 'created' },
      metBy: ['claimed', 'handling', 'fed_back', 'closed'],
      cancelledBy: ['returned', 'terminated'],
      restartOn: ['transfer', 'redispatch'],
      workdays: 7,
      atRiskWorkdays: 1,
      rule: rule(
        '市场监督管理投诉举报处理暂行办法 (SAMR order 20, 2019) — decision to accept a complaint within 7 working days',
        'inferred',
        'recalled, not checked against the published text in this project; a market-regulation rule, other fields differ',
      ),
    },
    {
      id: 'reply',
      label: { zh: '答复反馈', en: 'reply' },
      start: { on: 'created' },
      metBy: ['fed_back', 'closed'],
      cancelledBy: ['returned', 'terminated'],
      restartOn: ['transfer', 'redispatch'],
      workdays: 15,
      atRiskWorkdays: 3,
      rule: rule(
        'seed 001 行政执法监管系统 (6) 投诉举报处理: 登记、转办、督办和反馈',
        'inferred',
        'the seed names the steps, not a number; 15 working days is a default',
      ),
    },
  ],
  rules: [
    rule(
      'seed 001 行政执法监管系统 (6) 投诉举报处理: 对监管投诉举报信息进行登记、转办、督办和反馈',
      'seed-stated',
    ),
    rule('seed 002 art. 33: 投诉举报…根据监管职责进行分发处理、督查督办', 'seed-stated'),
  ],
});

/**
 * 双告知 — a post-registration approval item pushed by registration (先照后证): routed to a department
 * (automatically, manually, or routing failed → 待分配), claimed within 5 working days (seed 004 三(三)2,
 * `seed-stated`), then handled (审批许可、后续监管); 回退 with a reason, 转办, 终止.
 *
 * @example
 * doubleNotificationLifecycle.deadlines[0]?.workdays; // 5
 */
export const doubleNotificationLifecycle: Lifecycle = defineLifecycle({
  id: 'double_notification',
  kind: 'double_notification',
  version: VERSION,
  label: { zh: '“双告知”认领', en: 'double notification' },
  initial: 'dispatched',
  entry: ['unrouted'],
  states: [
    { id: 'unrouted', label: { zh: '待分配', en: 'routing failed' } },
    S.dispatched,
    S.claimed,
    S.handling,
    S.fedBack,
    S.returned,
    S.closed,
    S.terminated,
  ],
  transitions: [
    {
      action: 'assign',
      label: { zh: '人工分配', en: 'assign manually' },
      from: ['unrouted'],
      to: 'dispatched',
      reassigns: 'department',
    },
    claim,
    {
      action: 'start_handling',
      label: { zh: '审批监管', en: 'start handling' },
      from: ['claimed'],
      to: 'handling',
    },
    {
      action: 'feedback',
      label: { zh: '反馈结果', en: 'feed back' },
      from: ['handling'],
      to: 'fed_back',
      requiresNote: true,
    },
    close,
    returnFrom(['dispatched', 'claimed']),
    redispatch,
    transferFrom(['dispatched']),
    terminateFrom(['unrouted', 'dispatched', 'claimed', 'handling', 'returned']),
  ],
  deadlines: [
    {
      id: 'claim',
      label: { zh: '认领', en: 'claim' },
      start: { on: 'created' },
      metBy: ['claimed', 'handling', 'fed_back', 'closed'],
      cancelledBy: ['returned', 'terminated'],
      restartOn: ['assign', 'transfer', 'redispatch'],
      workdays: 5,
      atRiskWorkdays: 1,
      kpiFact: 'double_notification_claim',
      rule: rule('seed 004 (义乌) 三(三)2: 相关审批部门…在5个工作日内100%认领接收', 'seed-stated'),
    },
  ],
  rules: [
    rule(
      'seed 004 (义乌) 三(三)2: 市场监管局在注册登记环节，将涉及后置审批事项的登记信息推送至对应的审批部门',
      'seed-stated',
    ),
    rule('seed 002 (七): 各有关部门要切实履行“双告知”职责', 'seed-stated'),
  ],
});

/**
 * 告知承诺核查 — verifying a 告知承诺 commitment after approval: claim, verify, record kept (履诺) or broken
 * (未履诺, with the 失信约束措施 in the note), close. The verification deadline is the commitment's own
 * 承诺履行期限 (give it as `dueDates.verify`); 20 working days is an `inferred` default.
 *
 * @example
 * commitmentVerificationLifecycle.transitions.find((t) => t.action === 'record_broken')?.requiresNote; // true
 */
export const commitmentVerificationLifecycle: Lifecycle = defineLifecycle({
  id: 'commitment_verification',
  kind: 'commitment_verification',
  version: VERSION,
  label: { zh: '告知承诺核查', en: 'commitment verification' },
  initial: 'dispatched',
  states: [S.dispatched, S.claimed, S.verifying, S.fedBack, S.returned, S.closed, S.terminated],
  transitions: [
    claim,
    {
      action: 'start_verification',
      label: { zh: '开始核查', en: 'start verification' },
      from: ['claimed'],
      to: 'verifying',
    },
    {
      action: 'confirm_kept',
      label: { zh: '核查履诺', en: 'commitment kept' },
      from: ['verifying'],
      to: 'fed_back',
    },
    {
      action: 'record_broken',
      label: { zh: '未履诺并采取失信约束措施', en: 'commitment broken, measures recorded' },
      from: ['verifying'],
      to: 'fed_back',
      requiresNote: true,
    },
    close,
    returnFrom(['dispatched', 'claimed']),
    redispatch,
    transferFrom(['dispatched', 'claimed']),
    terminateFrom(['dispatched', 'claimed', 'verifying', 'returned']),
  ],
  deadlines: [
    {
      id: 'verify',
      label: { zh: '事后核查', en: 'verification' },
      start: { on: 'created' },
      metBy: ['fed_back', 'closed'],
      cancelledBy: ['returned', 'terminated'],
      restartOn: ['transfer', 'redispatch'],
      workdays: 20,
      atRiskWorkdays: 3,
      rule: rule(
        'seed 004 (义乌) 三(三)1: 明确…承诺履行期限、事后核查标准、核查责任单位、失信约束措施',
        'inferred',
        'the period is per commitment (承诺履行期限); 20 working days is only the default when none is given',
      ),
    },
  ],
  rules: [
    rule('seed 004 (义乌) 三(三)1: 对未落实承诺事项、未履行相关义务的失信对象采取惩戒措施', 'seed-stated'),
    rule('seed 002 (四): 大力推行信用承诺制度，将信用承诺履行情况纳入信用记录', 'seed-stated'),
  ],
});

/**
 * 质检整改 — a record the province rejected (未报送、报送错误或报送不一致): fix and re-upload within
 * 5 working days (seed 002 art. 14, `seed-stated`); the province accepts (办结) or rejects the re-upload
 * again (back to 整改, the original deadline stands).
 *
 * @example
 * qualityFixLifecycle.deadlines[0]?.rule.ref; // 'seed 002 (平鲁区) art. 14: …'
 */
export const qualityFixLifecycle: Lifecycle = defineLifecycle({
  id: 'quality_fix',
  kind: 'quality_fix',
  version: VERSION,
  label: { zh: '质检整改', en: 'quality-rejection fix' },
  initial: 'dispatched',
  states: [
    S.dispatched,
    S.claimed,
    { id: 'fixing', label: { zh: '整改', en: 'fixing' } },
    { id: 'resubmitted', label: { zh: '重新上报', en: 're-uploaded' } },
    S.closed,
    S.terminated,
  ],
  transitions: [
    claim,
    { action: 'start_fix', label: { zh: '开始整改', en: 'start fixing' }, from: ['claimed'], to: 'fixing' },
    {
      action: 'resubmit',
      label: { zh: '重新上报', en: 're-upload' },
      from: ['dispatched', 'claimed', 'fixing'],
      to: 'resubmitted',
    },
    {
      action: 'reject_again',
      label: { zh: '再次质检不通过', en: 'rejected again' },
      from: ['resubmitted'],
      to: 'fixing',
      requiresNote: true,
    },
    { action: 'accept', label: { zh: '质检通过', en: 'accepted' }, from: ['resubmitted'], to: 'closed' },
    transferFrom(['dispatched', 'claimed']),
    terminateFrom(['dispatched', 'claimed', 'fixing']),
  ],
  deadlines: [
    {
      id: 'fix',
      label: { zh: '整改并重新上报', en: 'fix and re-upload' },
      start: { on: 'created' },
      metBy: ['resubmitted', 'closed'],
      cancelledBy: ['terminated'],
      workdays: 5,
      atRiskWorkdays: 1,
      kpiFact: 'behaviour_fix',
      rule: rule(
        'seed 002 (平鲁区) art. 14: 对未报送、报送错误或报送不一致的异常数据，应于5个工作日内完成处置并重新上报',
        'seed-stated',
      ),
    },
  ],
  rules: [rule('seed 000 task 15: 及时修复未通过质检的错误数据并重新上报', 'seed-stated')],
});

/**
 * Every built-in lifecycle, in the order of the issue: risk clue, joint task, complaint, 双告知, commitment
 * verification, quality fix.
 *
 * @example
 * BUILT_IN_LIFECYCLES.map((l) => l.id);
 */
export const BUILT_IN_LIFECYCLES: readonly Lifecycle[] = Object.freeze([
  riskClueLifecycle,
  jointTaskLifecycle,
  complaintLifecycle,
  doubleNotificationLifecycle,
  commitmentVerificationLifecycle,
  qualityFixLifecycle,
]);
