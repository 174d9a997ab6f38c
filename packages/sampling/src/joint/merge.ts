import { ARRAY, badInput, requireDrawRecord, requireOptions } from '../boundary.js';
import { compareCodePoints } from '../draw/order.js';
import type { InspectionVisit } from '../officers/types.js';
import type { DrawRecord } from '../record/types.js';

/**
 * One visit after merging departments' draws (联合检查): the entity, every department that drew it, the
 * combined items, and the lead department (发起部门).
 *
 * @example
 * const v: JointVisit = { visitId: 'joint/2026Q2/9133…', entityId: '9133…', departments: ['SAMR', 'EPB'], leadDepartment: 'SAMR', items: ['SC-001', 'EP-004'], date: '2026-04-10', sourceTasks: ['T1', 'T7'], joint: true };
 */
export interface JointVisit extends InspectionVisit {
  readonly leadDepartment: string;
  readonly sourceTasks: readonly string[];
  readonly joint: boolean;
}

/**
 * The result of {@link mergeJointDraws} ("进一次门、查多项事").
 *
 * @example
 * const m: JointMerge = mergeJointDraws([samr, epb], { batchId: '2026Q2' });
 * m.visitsSaved; // separate visits avoided
 */
export interface JointMerge {
  readonly visits: readonly JointVisit[];
  /** Visits if every department went alone (the sum of the picks). */
  readonly visitsBefore: number;
  readonly visitsAfter: number;
  readonly visitsSaved: number;
  readonly jointVisits: number;
}

/**
 * Merges several departments' draw records: an entity drawn by two or more tasks becomes one joint visit with
 * the combined items and one team (with an officer from each department). The lead department is the one
 * whose task is itself joint (has participants), else the first department in code-point order. The result
 * does not depend on the order of `records`.
 *
 * @example
 * const merged = mergeJointDraws([samrRecord, epbRecord], { batchId: '2026Q2', date: '2026-04-10' });
 * assignOfficers(merged.visits, officers, { seed: samrRecord.seed });
 */
export function mergeJointDraws(
  records: readonly DrawRecord[],
  options: { readonly batchId?: string; readonly date?: string } = {},
): JointMerge {
  if (!Array.isArray(records)) badInput('invalid_record', ['records'], ARRAY, records);
  records.forEach((record, i) => {
    requireDrawRecord(record, ['records', i]);
  });
  requireOptions(options);
  for (const key of ['batchId', 'date'] as const)
    if (options[key] !== undefined && typeof options[key] !== 'string')
      badInput('invalid_options', ['options', key], { en: 'a string', zh: '字符串' }, options[key]);
  const byEntity = new Map<
    string,
    { departments: Set<string>; items: Set<string>; tasks: Set<string>; leads: Set<string>; dates: string[] }
  >();
  let before = 0;
  for (const record of records) {
    const task = record.task;
    for (const stratum of record.strata) {
      for (const pick of stratum.picks) {
        before++;
        let slot = byEntity.get(pick.id);
        if (slot === undefined) {
          slot = { departments: new Set(), items: new Set(), tasks: new Set(), leads: new Set(), dates: [] };
          byEntity.set(pick.id, slot);
        }
        slot.departments.add(task.department);
        for (const p of task.participants ?? []) slot.departments.add(p);
        for (const i of task.items) slot.items.add(i);
        slot.tasks.add(task.id);
        if ((task.participants ?? []).length > 0) slot.leads.add(task.department);
        slot.dates.push(task.inspectionStart ?? task.asOf);
      }
    }
  }
  const batch = options.batchId ?? 'joint';
  const visits: JointVisit[] = [...byEntity.entries()]
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(([entityId, slot]) => {
      const departments = [...slot.departments].sort(compareCodePoints);
      const leads = [...slot.leads].sort(compareCodePoints);
      return {
        visitId: `${batch}/${entityId}`,
        entityId,
        departments,
        leadDepartment: leads[0] ?? departments[0]!,
        items: [...slot.items].sort(compareCodePoints),
        date: options.date ?? slot.dates.sort()[slot.dates.length - 1]!,
        sourceTasks: [...slot.tasks].sort(compareCodePoints),
        joint: departments.length > 1,
      };
    });
  return {
    visits,
    visitsBefore: before,
    visitsAfter: visits.length,
    visitsSaved: before - visits.length,
    jointVisits: visits.filter((v) => v.joint).length,
  };
}
