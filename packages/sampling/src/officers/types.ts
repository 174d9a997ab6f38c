import type { CivilDate } from '@jianguan/core';

/**
 * An enforcement certificate (执法证).
 *
 * @example
 * const c: OfficerCertificate = { number: '33010212345', validFrom: '2024-01-01', validUntil: '2028-12-31' };
 */
export interface OfficerCertificate {
  readonly number: string;
  readonly validFrom: CivilDate;
  readonly validUntil: CivilDate;
}

/**
 * One entry of the officer directory (执法检查人员名录库).
 *
 * @example
 * const o: DirectoryOfficer = { id: 'o-17', department: 'SAMR-330102', certificate: { number: '3301', validFrom: '2024-01-01', validUntil: '2028-12-31' }, expertise: ['food'] };
 */
export interface DirectoryOfficer {
  readonly id: string;
  readonly name?: string;
  readonly department: string;
  /** `'officer'` by default; auxiliaries and other uncertified kinds may not inspect (国办发〔2024〕54号). */
  readonly kind?: string;
  readonly certificate?: OfficerCertificate;
  readonly expertise?: readonly string[];
  readonly areaCodes?: readonly string[];
  /** Entity ids the officer declared a conflict of interest with (回避申报). */
  readonly conflicts?: readonly string[];
  /** Most visits in one assignment run (on top of `existingLoad`). */
  readonly maxVisits?: number;
  readonly unavailable?: readonly CivilDate[];
  readonly attributes?: Readonly<Record<string, string>>;
}

/**
 * An avoidance rule as data (回避规则): the officer is excluded when its field relates to the entity's field.
 * Fields: `id`, `department`, `areaCodes`, `areaCode`, `industry`, or keys of `attributes`.
 *
 * @example
 * // officers may not inspect in the area they live in
 * const r: AvoidanceRule = { id: 'home-area', officerField: 'homeArea', entityField: 'areaCode', relation: 'equals', description: { zh: '居住地回避', en: 'home-area avoidance' } };
 */
export interface AvoidanceRule {
  readonly id: string;
  readonly officerField: string;
  readonly entityField: string;
  readonly relation: 'equals' | 'includes';
  readonly description: { readonly zh: string; readonly en: string };
}

/**
 * Why an officer cannot join a visit (不符合条件原因).
 *
 * @example
 * const r: IneligibilityReason = { code: 'certificate_expired' };
 */
export interface IneligibilityReason {
  readonly code:
    | 'forbidden_kind'
    | 'no_certificate'
    | 'certificate_not_yet_valid'
    | 'certificate_expired'
    | 'other_department'
    | 'unavailable'
    | 'declared_conflict'
    | 'recent_same_entity'
    | 'avoidance_rule'
    | 'workload_cap';
  readonly ruleId?: string;
}

/**
 * One inspection visit to staff: an entity, the departments taking part and the items to check.
 *
 * @example
 * const v: InspectionVisit = { visitId: 'T1/91330100799655058B', entityId: '91330100799655058B', departments: ['SAMR'], items: ['SC-001'], date: '2026-04-10' };
 */
export interface InspectionVisit {
  readonly visitId: string;
  readonly entityId: string;
  readonly departments: readonly string[];
  readonly items: readonly string[];
  readonly date: CivilDate;
  readonly entity?: {
    readonly areaCode?: string;
    readonly industry?: string;
    readonly attributes?: Readonly<Record<string, string>>;
  };
}
