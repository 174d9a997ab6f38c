import type { PublicationChannel } from '@jianguan/core';
/**
 * A lean behaviour record (监管行为) for scoring: only the fields the indicators read. Map core's full
 * records with `behaviourFactFromRecord`. Dates are China civil dates `YYYY-MM-DD`.
 *
 * @example
 * const fact: BehaviourFact = {
 *   recordId: 'JC-1', itemCode: '33010000100001', department: 'scjg',
 *   actDate: '2023-04-03', reportedDate: '2023-04-06',
 * };
 */
export interface BehaviourFact {
  readonly recordId: string;
  /** 监管事项目录编码 of the catalog item the act belongs to. */
  readonly itemCode: string;
  /** The department (unit) that performed the act. */
  readonly department: string;
  /** Date of the act (检查/处罚决定/强制日期). */
  readonly actDate: string;
  /** Date the record reached the provincial system (报送时间). */
  readonly reportedDate: string;
  /** Date the province rejected it (质检不通过/报送错误), if it did. */
  readonly rejectedDate?: string | undefined;
  /** Date the corrected record was re-uploaded. */
  readonly fixedDate?: string | undefined;
}

/**
 * A catalog item (监管事项) of a department, as far as the 清单管理 indicators need it.
 *
 * @example
 * const item: CatalogItemFact = {
 *   itemCode: '33010000100001', department: 'scjg', claimed: true, hasInspectionList: true,
 *   mandatoryElements: 10, filledElements: 10, checkedElements: 10, accurateElements: 9,
 * };
 */
export interface CatalogItemFact {
  readonly itemCode: string;
  readonly department: string;
  /** Whether the department claimed (认领) this applicable item. */
  readonly claimed: boolean;
  /** Whether the item needs a 检查实施清单 (行政检查 sub-items do); default true. */
  readonly requiresInspectionList?: boolean | undefined;
  /** Whether at least one 检查实施清单 exists for it. */
  readonly hasInspectionList?: boolean | undefined;
  /** Mandatory elements of the item (Suqian lists 10) and how many are filled. */
  readonly mandatoryElements?: number | undefined;
  readonly filledElements?: number | undefined;
  /** Elements checked in the quarterly spot check (季度抽查) and how many were accurate. */
  readonly checkedElements?: number | undefined;
  readonly accurateElements?: number | undefined;
}

/**
 * A month of an officer's account activity (登录与在线情况).
 *
 * @example
 * const a: OfficerActivity = { month: '2023-04', logins: 12, onlineDays: 16 };
 */
export interface OfficerActivity {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly logins: number;
  readonly onlineDays: number;
}

/**
 * An enforcement officer (执法人员) with certificate, registration and activity facts.
 *
 * @example
 * const o: OfficerFact = { officerId: 'ZF-1', department: 'scjg', certified: true, registered: true, activity: [] };
 */
export interface OfficerFact {
  readonly officerId: string;
  readonly department: string;
  /** Holds a valid 执法证 (in post, on the establishment). */
  readonly certified: boolean;
  /** Has an account in the provincial system. */
  readonly registered: boolean;
  readonly activity?: readonly OfficerActivity[] | undefined;
}

/**
 * One publication: 年度监管工作计划 (annual_plan), 工作动态 (work_news) or 曝光台 (exposure).
 *
 * @example
 * const p: PublicationFact = { publicationId: 'GZDT-1', department: 'scjg', channel: 'work_news', date: '2023-04-10' };
 */
export interface PublicationFact {
  readonly publicationId: string;
  readonly department: string;
  readonly channel: PublicationChannel;
  readonly date: string;
}

/**
 * A risk-warning clue (风险预警线索) pushed to a department and its 核查反馈 date, if any.
 *
 * @example
 * const c: ClueFact = { clueId: 'FXYJ-1', department: 'scjg', receivedDate: '2023-04-03', feedbackDate: '2023-04-10' };
 */
export interface ClueFact {
  readonly clueId: string;
  readonly department: string;
  readonly receivedDate: string;
  readonly feedbackDate?: string | undefined;
}

/**
 * A 双告知 item pushed to a department and the date it claimed (认领) it, if any.
 *
 * @example
 * const n: DoubleNotificationFact = { noticeId: 'SGZ-1', department: 'scjg', pushedDate: '2023-04-03', claimedDate: '2023-04-04' };
 */
export interface DoubleNotificationFact {
  readonly noticeId: string;
  readonly department: string;
  readonly pushedDate: string;
  readonly claimedDate?: string | undefined;
}

/**
 * A manual assessment (人工评价) of a department for one period, as a fraction 0..1 of the indicator met —
 * for 信息化建设 and 组织保障 items that no record can measure (system integration, a 工作专班 …).
 *
 * @example
 * const a: AssessmentFact = { key: 'system_integration', department: 'scjg', period: '2023-Q2', value: 0.5 };
 */
export interface AssessmentFact {
  readonly key: string;
  readonly department: string;
  /** The period it applies to (any granularity). */
  readonly period: string;
  readonly value: number;
  readonly note?: string | undefined;
}

/**
 * Everything the scorer reads. Every list is optional; an indicator whose data is missing has nothing due
 * (full points, marked not applicable) except manual assessments, which cost their points when absent.
 *
 * @example
 * const data: KpiData = { behaviours: [], catalogItems: [], officers: [] };
 */
export interface KpiData {
  readonly behaviours?: readonly BehaviourFact[] | undefined;
  readonly catalogItems?: readonly CatalogItemFact[] | undefined;
  readonly officers?: readonly OfficerFact[] | undefined;
  readonly publications?: readonly PublicationFact[] | undefined;
  readonly clues?: readonly ClueFact[] | undefined;
  readonly doubleNotifications?: readonly DoubleNotificationFact[] | undefined;
  readonly assessments?: readonly AssessmentFact[] | undefined;
}
