import type { BehaviourRecord, CatalogItem, Officer } from '@jianguan/core';
import { behaviourActDate, civilDateOf } from '@jianguan/core';
import { badArgument, checkObject } from '../errors/boundary.js';
import { KpiError } from '../errors/kpi-error.js';

/** Optional fields of an untyped argument that must have `kind` when present. */
function optional(input: unknown, path: string, kind: 'string' | 'boolean' | 'number', keys: readonly string[]): void {
  const what = { string: { en: 'a string', zh: '字符串' }, boolean: { en: 'a boolean', zh: '布尔值' }, number: { en: 'a number', zh: '数字' } }[kind];
  const value = input as Record<string, unknown>;
  for (const key of keys)
    if (value[key] !== undefined && typeof value[key] !== kind) badArgument([path, key], what, value[key]);
}
import type { BehaviourFact, CatalogItemFact, OfficerActivity, OfficerFact } from './facts.js';

/**
 * Extra facts for {@link behaviourFactFromRecord} that a core record does not carry.
 *
 * @example
 * const extra: BehaviourFactExtras = { department: 'scjg', rejectedDate: '2023-04-10', fixedDate: '2023-04-12' };
 */
export interface BehaviourFactExtras {
  /** The unit; default: the record's `implementInstitutionCode`. */
  readonly department?: string | undefined;
  /** Default: the civil date of the record's `submittedAt` (报送时间). */
  readonly reportedDate?: string | undefined;
  readonly rejectedDate?: string | undefined;
  readonly fixedDate?: string | undefined;
}

function need(value: string | undefined, field: string, recordId: unknown): string {
  if (value === undefined || value.length === 0) {
    throw new KpiError(
      'invalid_kpi_data',
      { zh: `监管行为 ${String(recordId)} 缺少 ${field}`, en: `behaviour record ${String(recordId)} has no ${field}` },
      { path: [field], details: { recordId } },
    );
  }
  return value;
}

/**
 * Maps core's full behaviour record to the lean {@link BehaviourFact} the scorer reads: the act date from
 * core's `behaviourActDate` (检查时间 / 处罚决定日期 / …), the report date from `submittedAt` (China date),
 * the department from `implementInstitutionCode` unless given.
 *
 * @example
 * const behaviours = records.map((r) => behaviourFactFromRecord(r));
 */
export function behaviourFactFromRecord(record: BehaviourRecord, extras: BehaviourFactExtras = {}): BehaviourFact {
  checkObject(record, ['record']);
  checkObject(extras, ['extras']);
  optional(record, 'record', 'string', ['recordId', 'itemCode', 'implementInstitutionCode', 'submittedAt']);
  optional(extras, 'extras', 'string', ['department', 'reportedDate', 'rejectedDate', 'fixedDate']);
  const r = record as BehaviourRecord & { implementInstitutionCode?: string; submittedAt?: string };
  const department = need(extras.department ?? r.implementInstitutionCode, 'implementInstitutionCode', r.recordId);
  const reportedDate = need(
    extras.reportedDate ?? civilDateOf(r.submittedAt),
    'submittedAt',
    r.recordId,
  );
  return {
    recordId: r.recordId,
    itemCode: r.itemCode,
    department,
    actDate: behaviourActDate(record),
    reportedDate,
    ...(extras.rejectedDate === undefined ? {} : { rejectedDate: extras.rejectedDate }),
    ...(extras.fixedDate === undefined ? {} : { fixedDate: extras.fixedDate }),
  };
}

/**
 * The ten catalog elements of seed 001 (Suqian list) as core's catalog-item fields: 监管部门, 主项名称,
 * 子项名称, 监管方式, 监管措施, 监管对象, 设定依据, 监管流程, 监管结果, 监管层级.
 *
 * @example
 * CATALOG_ELEMENT_FIELDS.length; // 10
 */
export const CATALOG_ELEMENT_FIELDS = [
  'supervisionDept',
  'mainItemName',
  'subItemName',
  'supervisionMode',
  'supervisionMeasure',
  'supervisedObject',
  'legalBasis',
  'process',
  'resultHandling',
  'supervisionLevels',
] as const;

/**
 * Facts for {@link catalogItemFactFromItem} that the catalog item itself does not carry.
 *
 * @example
 * const extra: CatalogItemFactExtras = { department: 'scjg', claimed: true, hasInspectionList: true };
 */
export interface CatalogItemFactExtras {
  readonly department: string;
  readonly claimed: boolean;
  readonly requiresInspectionList?: boolean | undefined;
  readonly hasInspectionList?: boolean | undefined;
  /** Spot-check result (季度抽查) for this item, if it was checked. */
  readonly checkedElements?: number | undefined;
  readonly accurateElements?: number | undefined;
}

/**
 * Maps core's catalog item to a {@link CatalogItemFact}; `filledElements` counts the non-empty fields of
 * {@link CATALOG_ELEMENT_FIELDS} out of 10 mandatory elements.
 *
 * @example
 * const fact = catalogItemFactFromItem(item, { department: 'scjg', claimed: true, hasInspectionList: true });
 */
export function catalogItemFactFromItem(item: CatalogItem, extras: CatalogItemFactExtras): CatalogItemFact {
  checkObject(item, ['item']);
  checkObject(extras, ['extras']);
  optional(item, 'item', 'string', ['itemCode']);
  optional(extras, 'extras', 'string', ['department']);
  optional(extras, 'extras', 'boolean', ['claimed', 'requiresInspectionList', 'hasInspectionList']);
  optional(extras, 'extras', 'number', ['checkedElements', 'accurateElements']);
  const record = item as unknown as Record<string, unknown>;
  let filled = 0;
  for (const field of CATALOG_ELEMENT_FIELDS) {
    const v = record[field];
    if (Array.isArray(v) ? v.length > 0 : typeof v === 'string' ? v.trim().length > 0 : v !== undefined && v !== null) {
      filled++;
    }
  }
  return {
    itemCode: item.itemCode,
    department: extras.department,
    claimed: extras.claimed,
    mandatoryElements: CATALOG_ELEMENT_FIELDS.length,
    filledElements: filled,
    ...(extras.requiresInspectionList === undefined ? {} : { requiresInspectionList: extras.requiresInspectionList }),
    ...(extras.hasInspectionList === undefined ? {} : { hasInspectionList: extras.hasInspectionList }),
    ...(extras.checkedElements === undefined ? {} : { checkedElements: extras.checkedElements }),
    ...(extras.accurateElements === undefined ? {} : { accurateElements: extras.accurateElements }),
  };
}

/**
 * Facts for {@link officerFactFromOfficer}: registration and activity live in the provincial system, not in
 * the officer record.
 *
 * @example
 * const extra: OfficerFactExtras = { registered: true, activity: [{ month: '2023-04', logins: 9, onlineDays: 17 }] };
 */
export interface OfficerFactExtras {
  /** Default: the officer's `deptCode`. */
  readonly department?: string | undefined;
  readonly registered: boolean;
  /** Default: true (the record exists because the officer holds a 执法证). */
  readonly certified?: boolean | undefined;
  readonly activity?: readonly OfficerActivity[] | undefined;
}

/**
 * Maps core's officer record to an {@link OfficerFact}, keyed by the enforcement certificate number.
 *
 * @example
 * const fact = officerFactFromOfficer(officer, { registered: true });
 */
export function officerFactFromOfficer(officer: Officer, extras: OfficerFactExtras): OfficerFact {
  checkObject(officer, ['officer']);
  checkObject(extras, ['extras']);
  optional(officer, 'officer', 'string', ['lawEnforcementCertNo', 'deptCode']);
  optional(extras, 'extras', 'string', ['department']);
  optional(extras, 'extras', 'boolean', ['registered', 'certified']);
  if (extras.activity !== undefined && !Array.isArray(extras.activity))
    badArgument(['extras', 'activity'], { en: 'an array', zh: '数组' }, extras.activity);
  const o = officer as Officer & { deptCode?: string };
  const department = extras.department ?? o.deptCode;
  if (department === undefined || department.length === 0) {
    throw new KpiError(
      'invalid_kpi_data',
      { zh: `执法人员 ${o.lawEnforcementCertNo} 缺少部门`, en: `officer ${o.lawEnforcementCertNo} has no department` },
      { path: ['deptCode'] },
    );
  }
  return {
    officerId: o.lawEnforcementCertNo,
    department,
    certified: extras.certified ?? true,
    registered: extras.registered,
    ...(extras.activity === undefined ? {} : { activity: extras.activity }),
  };
}
