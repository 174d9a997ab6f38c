/**
 * Summer and autumn: every staffed visit is inspected and recorded as a 行政检查 behaviour record (one per
 * department taking part); each draw's results are published as a public notice (一公开) — JSON and CSV,
 * without grades.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addWorkdays, type BehaviourRecord, getCodeTable } from '@jianguan/core';
import {
  buildPublicNotice,
  type DirectoryEntity,
  type DirectoryOfficer,
  type DrawRecord,
  type InspectionResult,
  type JointMerge,
  type OfficerAssignment,
  type PublicNotice,
  publicNoticeToCsv,
  publicNoticeToJson,
} from '@jianguan/sampling';
import seedrandom from 'seedrandom';
import { DEPARTMENTS, type SpotCheckItemRow } from './county.js';

/** Inspection result (检查结果, core `checkResult`) → spot-check result for the notice (core `spotCheckResult`). */
const NOTICE_RESULT: Record<string, string> = { '01': '1', '02': 'E', '03': 'E', '04': 'A' };

/** A recorded inspection with the dates that matter for reporting. */
export interface RecordedInspection {
  readonly record: BehaviourRecord;
  readonly department: string;
  readonly taskIds: readonly string[];
  /** The day the record reaches the outbox (报送日期). */
  readonly reportedDate: string;
}

function departmentOf(code: string) {
  return code === DEPARTMENTS.samr.code ? DEPARTMENTS.samr : DEPARTMENTS.health;
}

/**
 * One inspection record per (visit, department), with a seeded result and a seeded reporting lag: most
 * records are reported within 1–2 working days, about 2 % later (the KPI notices).
 */
export function recordInspections(
  seed: string,
  merge: JointMerge,
  assignment: OfficerAssignment,
  visitDates: ReadonlyMap<string, string>,
  entities: ReadonlyMap<string, DirectoryEntity>,
  officers: ReadonlyMap<string, DirectoryOfficer>,
  items: readonly SpotCheckItemRow[],
): RecordedInspection[] {
  const teams = new Map(assignment.assignments.map((a) => [a.visitId, a.team]));
  const itemsByCode = new Map(items.map((i) => [i.code, i]));
  const out: RecordedInspection[] = [];
  const seq: Record<string, number> = {};
  for (const visit of merge.visits) {
    const team = teams.get(visit.visitId);
    if (team === undefined) continue; // infeasible: not inspected
    const date = visitDates.get(visit.visitId)!;
    const entity = entities.get(visit.entityId)!;
    for (const deptCode of visit.departments) {
      const dept = departmentOf(deptCode);
      const item = visit.items.map((c) => itemsByCode.get(c)).find((i) => i?.department === deptCode)!;
      const rng = seedrandom(`${seed}:result:${visit.visitId}:${deptCode}`);
      const u = rng();
      const result = u < 0.84 ? '01' : u < 0.94 ? '02' : u < 0.98 ? '03' : '04';
      const lagDraw = rng();
      const lag = lagDraw < 0.8 ? 1 : lagDraw < 0.98 ? 2 : 3 + Math.floor(rng() * 2);
      const reportedDate = addWorkdays(date, lag);
      const n = (seq[deptCode] ?? 0) + 1;
      seq[deptCode] = n;
      const short = deptCode.split('-')[0]!;
      const recordId = `${short}-JC-${date.slice(0, 4)}-${String(n).padStart(6, '0')}`;
      const record = {
        kind: 'inspection',
        recordId,
        itemCode: item.itemCode,
        checkListCode: `${dept.uscc}4${item.itemCode.slice(-5)}`, // USCC + 行使层级 4 (县级) + serial
        implementInstitution: dept.name,
        implementInstitutionCode: dept.uscc,
        adminCounterpartName: entity.name ?? entity.id,
        adminCounterpartNature: '02',
        adminCounterpartCertType: '001',
        adminCounterpartCertNo: entity.id,
        areaCode: entity.areaCode ?? '330122',
        checkActionName: `${item.name}（${visit.joint ? '联合抽查' : '双随机抽查'}）`,
        checkActionCode: `JC${short}${date.slice(0, 4)}${String(n).padStart(6, '0')}`,
        checkForm: '01',
        checkType: '01',
        checkMode: '1',
        checkResult: result,
        checkDate: date,
        checkPersonnel: team.map((m) => officers.get(m.officerId)?.name ?? m.officerId),
        checkPersonnelCertNos: team.map((m) => m.officerId),
        submittedAt: `${reportedDate}T17:30:00+08:00`,
      } as BehaviourRecord;
      out.push({ record, department: deptCode, taskIds: visit.sourceTasks, reportedDate });
    }
  }
  return out;
}

/**
 * The public notice of one draw (抽查结果公示): the results its department recorded, resolved against core's
 * `spotCheckResult` table; the deadline from core's working-day calendar. Writes JSON and CSV.
 */
export function publishNotice(
  record: DrawRecord,
  inspections: readonly RecordedInspection[],
  outDir: string,
): { notice: PublicNotice; json: string; csv: string } {
  const resultTable = getCodeTable('spotCheckResult');
  const results: InspectionResult[] = inspections
    .filter((i) => i.department === record.task.department && i.taskIds.includes(record.task.id))
    .map((i) => {
      const r = i.record as BehaviourRecord & { checkDate: string; checkResult: string };
      return {
        entityId: r.adminCounterpartCertNo,
        entityName: r.adminCounterpartName,
        inspectionDate: r.checkDate,
        results: [NOTICE_RESULT[r.checkResult] ?? '1'],
      };
    });
  const notice = buildPublicNotice(record, results, { calendar: { addWorkdays }, resultTable });
  const base = join(outDir, `notice-${record.task.department}`);
  writeFileSync(`${base}.json`, publicNoticeToJson(notice));
  writeFileSync(`${base}.csv`, publicNoticeToCsv(notice));
  return { notice, json: `${base}.json`, csv: `${base}.csv` };
}
