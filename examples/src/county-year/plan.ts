/**
 * Spring: grade every entity (信用分级分类), build the entity directory (检查对象名录库), draw both departments'
 * spot-check tasks (双随机), merge them into joint inspections (进一次门、查多项事) and staff every visit
 * (匹配执法检查人员).
 */
import { type CreditRecord, isWorkday, type Officer, type RegulatedEntity } from '@jianguan/core';
import {
  type CreditFact,
  compileRuleSet,
  creditFactFromRecord,
  type EntityCreditProfile,
  gradeEach,
  samrBaselineRuleSet,
} from '@jianguan/credit-rules';
import {
  assignOfficers,
  commitPopulation,
  type DirectoryEntity,
  type DirectoryOfficer,
  DrawLog,
  type DrawRecord,
  drawTask,
  type JointMerge,
  mergeJointDraws,
  type OfficerAssignment,
  type SpotCheckTask,
  strataFromGradeMeasures,
  validatePlan,
} from '@jianguan/sampling';
import seedrandom from 'seedrandom';
import { DEPARTMENTS, INDUSTRY_CODES, type SpotCheckItemRow } from './county.js';

/** The year's key dates (all China civil dates). */
export function calendarOf(year: number) {
  return {
    gradedAsOf: `${year}-03-02`,
    drawAsOf: `${year}-03-16`,
    inspectionStart: `${year}-03-23`,
    inspectionEnd: `${year}-10-30`,
    yearEnd: `${year}-12-31`,
  } as const;
}

/** Grades every entity with the SAMR baseline rule set; returns grade by entity id and the counts. */
export function gradeCounty(
  entities: readonly RegulatedEntity[],
  creditRecords: readonly CreditRecord[],
  facts: readonly { readonly entityId: string; readonly fact: CreditFact }[],
  asOf: string,
): { grades: Map<string, string>; counts: Record<string, number>; firedRules: Record<string, number> } {
  const byEntity = new Map<string, CreditFact[]>();
  const add = (id: string, fact: CreditFact) => {
    const list = byEntity.get(id);
    if (list === undefined) byEntity.set(id, [fact]);
    else list.push(fact);
  };
  for (const r of creditRecords) add(r.enterpriseCreditCode, creditFactFromRecord(r));
  for (const { entityId, fact } of facts) add(entityId, fact);
  const profiles: EntityCreditProfile[] = entities.map((e) => {
    const registeredAt = (e as { establishedDate?: string }).establishedDate;
    return {
      entityId: e.objectId,
      ...(registeredAt === undefined ? {} : { registeredAt }),
      facts: byEntity.get(e.objectId) ?? [],
    };
  });
  const ruleSet = compileRuleSet(samrBaselineRuleSet);
  const grades = new Map<string, string>();
  const counts: Record<string, number> = {};
  const firedRules: Record<string, number> = {};
  for (const result of gradeEach(profiles, { ruleSet, asOf })) {
    grades.set(result.entityId, result.grade);
    counts[result.grade] = (counts[result.grade] ?? 0) + 1;
    for (const f of result.firedRules) firedRules[f.ruleId] = (firedRules[f.ruleId] ?? 0) + 1;
  }
  return { grades, counts, firedRules };
}

/** The entity directory the sampler reads: id, name, grade (internal), industry, tags. */
export function buildDirectory(
  entities: readonly RegulatedEntity[],
  grades: ReadonlyMap<string, string>,
  facts: readonly { readonly entityId: string; readonly fact: CreditFact }[],
): DirectoryEntity[] {
  const industryOf = new Map(Object.entries(INDUSTRY_CODES).map(([name, code]) => [code, name]));
  const complained = new Set(facts.filter((f) => f.fact.kind === 'complaint').map((f) => f.entityId));
  return entities.map((e) => ({
    id: e.objectId,
    name: e.name,
    grade: grades.get(e.objectId) ?? 'B',
    industry: industryOf.get((e as { industryCode?: string }).industryCode ?? '') ?? 'other',
    areaCode: e.areaCode,
    ...(complained.has(e.objectId) ? { tags: ['complaint'] } : {}),
  }));
}

/** The officer directory the sampler reads, from core's officer records. */
export function buildOfficerDirectory(officers: readonly Officer[], year: number): DirectoryOfficer[] {
  return officers.map((o) => ({
    id: o.lawEnforcementCertNo,
    name: o.name,
    department: (o as { deptCode?: string }).deptCode ?? '',
    ...(o.staffNature === '05' ? { kind: 'auxiliary' } : {}),
    certificate: {
      number: o.lawEnforcementCertNo,
      validFrom: `${year - 3}-01-01`,
      validUntil: (o as { certValidUntil?: string }).certValidUntil ?? `${year - 1}-12-31`,
    },
  }));
}

/** A public seed as a seed ceremony would produce it (20 decimal digits), derived from the demo seed. */
export function publicSeed(seed: string, label: string): string {
  const rng = seedrandom(`${seed}:ceremony:${label}`);
  let digits = '';
  while (digits.length < 20) digits += String(Math.floor(rng() * 10));
  return digits;
}

/** Both departments' tasks: SAMR stratified by credit grade, the health commission by industry. */
export function tasksOf(year: number, items: readonly SpotCheckItemRow[]): [SpotCheckTask, SpotCheckTask] {
  const dates = calendarOf(year);
  const samrItems = items.filter((i) => i.department === DEPARTMENTS.samr.code && i.industries.length === 0);
  const healthItems = items.filter((i) => i.department === DEPARTMENTS.health.code);
  const samr: SpotCheckTask = {
    id: `${year}-SAMR-330122-001`,
    planId: `${year}-SAMR-330122`,
    department: DEPARTMENTS.samr.code,
    items: samrItems.map((i) => i.code),
    asOf: dates.drawAsOf,
    inspectionStart: dates.inspectionStart,
    inspectionEnd: dates.inspectionEnd,
    strata: strataFromGradeMeasures(samrBaselineRuleSet.measures),
    exclusions: { quietExceptTags: ['complaint'] },
  };
  const industries = [...new Set(healthItems.flatMap((i) => i.industries))].sort();
  const health: SpotCheckTask = {
    id: `${year}-WJW-330122-001`,
    planId: `${year}-WJW-330122`,
    department: DEPARTMENTS.health.code,
    items: healthItems.map((i) => i.code),
    asOf: dates.drawAsOf,
    inspectionStart: dates.inspectionStart,
    inspectionEnd: dates.inspectionEnd,
    strata: [{ key: 'public-places', where: { industry: industries }, ratio: 0.08 }],
  };
  return [samr, health];
}

/** Commits the frame, then draws with the public seed; the record goes into an append-only log. */
export function drawBoth(
  seed: string,
  tasks: readonly SpotCheckTask[],
  directory: readonly DirectoryEntity[],
): { records: DrawRecord[]; log: DrawLog } {
  const log = new DrawLog();
  for (const task of tasks) {
    // each department's annual plan (年度抽查计划) is checked before anything is drawn
    validatePlan({
      id: task.planId ?? task.id,
      department: task.department,
      year: Number(task.asOf.slice(0, 4)),
      tasks: [task],
    });
  }
  const records = tasks.map((task) => {
    const commitment = commitPopulation(task, directory); // published before the seed is drawn
    const record = drawTask(task, directory, {
      seed: publicSeed(seed, task.id),
      commitment,
      createdAt: `${task.asOf}T10:00:00+08:00`,
    });
    log.append(record);
    return record;
  });
  return { records, log };
}

/** The working days of a window. */
export function workdaysIn(from: string, to: string): string[] {
  const out: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  while (d <= end) {
    const day = d.toISOString().slice(0, 10);
    if (isWorkday(day)) out.push(day);
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

/** Merges the draws into joint visits, dates each visit (seeded, order-independent) and staffs it. */
export function mergeAndAssign(
  seed: string,
  year: number,
  records: readonly DrawRecord[],
  officers: readonly DirectoryOfficer[],
): { merge: JointMerge; assignment: OfficerAssignment; visitDates: Map<string, string> } {
  const merge = mergeJointDraws(records, { batchId: `${year}` });
  const dates = calendarOf(year);
  const days = workdaysIn(dates.inspectionStart, dates.inspectionEnd);
  const visitDates = new Map<string, string>();
  const visits = merge.visits.map((v) => {
    const date = days[Math.floor(seedrandom(`${seed}:visit:${v.visitId}`)() * days.length)]!;
    visitDates.set(v.visitId, date);
    return { ...v, date };
  });
  const assignment = assignOfficers(visits, officers, {
    seed: records[0]!.seed,
    explain: false,
  });
  return { merge, assignment, visitDates };
}
