import type { CivilDate } from '@jianguan/core';
import { isRecord } from '@jianguan/core';
import { badInput, OBJECT, requireRules, requireTask } from '../boundary.js';
import type { SamplingRules } from '../rules/sampling-rules.js';
import type { DirectoryEntity, SpotCheckTask, StratumSpec } from './types.js';

/**
 * Why an entity was left out of a task's frame (排除原因).
 *
 * @example
 * const reason: ExclusionReason = 'yearly_cap';
 */
export type ExclusionReason = 'status' | 'excluded_id' | 'quiet' | 'window' | 'yearly_cap';

function attributeValues(entity: DirectoryEntity, name: string): readonly string[] {
  switch (name) {
    case 'grade':
      return entity.grade === undefined ? [] : [entity.grade];
    case 'riskLevel':
      return entity.riskLevel === undefined ? [] : [entity.riskLevel];
    case 'industry':
      return entity.industry === undefined ? [] : [entity.industry];
    case 'areaCode':
      return entity.areaCode === undefined ? [] : [entity.areaCode];
    case 'status':
      return [entity.status ?? 'active'];
    case 'tag':
      return entity.tags ?? [];
    default: {
      const v = entity.attributes?.[name];
      return v === undefined ? [] : [v];
    }
  }
}

/**
 * The first stratum of `task` whose filter `entity` matches (strata are tried in order), or undefined.
 *
 * @example
 * stratumOf(task, { id: 'x', grade: 'D' }); // the 'D' stratum spec
 */
export function stratumOf(task: SpotCheckTask, entity: DirectoryEntity): StratumSpec | undefined {
  requireTask(task);
  if (!isRecord(entity)) badInput('invalid_entity', ['entity'], OBJECT, entity);
  return compileStrata(task)(entity);
}

/** Compiles a task's strata filters once into a fast matcher. @internal */
export function compileStrata(task: SpotCheckTask): (entity: DirectoryEntity) => StratumSpec | undefined {
  const compiled = task.strata.map((spec) => ({
    spec,
    tests: Object.entries(spec.where).map(([name, allowed]) => ({ name, allowed: new Set(allowed) })),
  }));
  // The common case, every stratum filtering one built-in field (e.g. the credit grade): one map lookup,
  // the first stratum listing a value winning as in the loop below.
  const name = compiled[0]?.tests[0]?.name;
  if (
    (name === 'grade' || name === 'industry' || name === 'areaCode' || name === 'riskLevel') &&
    compiled.every(({ tests }) => tests.length === 1 && tests[0]!.name === name)
  ) {
    const byValue = new Map<string, StratumSpec>();
    for (const { spec, tests } of compiled) {
      for (const v of tests[0]!.allowed) if (!byValue.has(v)) byValue.set(v, spec);
    }
    switch (name) {
      case 'grade':
        return (entity) => byValue.get(entity.grade as string);
      case 'industry':
        return (entity) => byValue.get(entity.industry as string);
      case 'areaCode':
        return (entity) => byValue.get(entity.areaCode as string);
      default:
        return (entity) => byValue.get(entity.riskLevel as string);
    }
  }
  return (entity) => {
    for (const { spec, tests } of compiled) {
      let ok = true;
      for (const { name, allowed } of tests) {
        if (name === 'grade' || name === 'industry' || name === 'areaCode' || name === 'riskLevel') {
          const v = entity[name];
          if (v === undefined || !allowed.has(v)) {
            ok = false;
            break;
          }
        } else if (!attributeValues(entity, name).some((v) => allowed.has(v))) {
          ok = false;
          break;
        }
      }
      if (ok) return spec;
    }
    return undefined;
  };
}

function dayNumber(date: CivilDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/**
 * Whether and why `entity` is excluded from `stratum` of `task` (checks in a fixed order: status, named
 * exclusion, "无事不扰" quiet policy, recent-inspection window, yearly cap per 国办发〔2024〕54号).
 *
 * @example
 * exclusionReason(task, stratum, { id: 'x', status: 'deregistered' }, DEFAULT_SAMPLING_RULES); // 'status'
 */
export function exclusionReason(
  task: SpotCheckTask,
  stratum: StratumSpec,
  entity: DirectoryEntity,
  rules: SamplingRules,
): ExclusionReason | undefined {
  requireTask(task);
  if (!isRecord(stratum)) badInput('invalid_task', ['stratum'], OBJECT, stratum);
  if (!isRecord(entity)) badInput('invalid_entity', ['entity'], OBJECT, entity);
  requireRules(rules);
  return compileExclusions(task, rules)(stratum, entity);
}

/** Compiles a task's exclusion policy once. @internal */
export function compileExclusions(
  task: SpotCheckTask,
  rules: SamplingRules,
): (stratum: StratumSpec, entity: DirectoryEntity) => ExclusionReason | undefined {
  const policy = task.exclusions ?? {};
  const statuses = new Set(policy.excludedStatuses ?? rules.excludedStatuses);
  const activeExcluded = statuses.has('active');
  const named = policy.excludedIds ?? {};
  const hasNamed = Object.keys(named).length > 0;
  const lift = new Set(policy.quietExceptTags ?? []);
  const onSite = task.onSite ?? true;
  const asOf = dayNumber(task.asOf);
  const year = task.asOf.slice(0, 4);
  const window = policy.windowDays ?? 0;
  return (stratum, entity) => {
    if (entity.status === undefined ? activeExcluded : statuses.has(entity.status)) return 'status';
    if (hasNamed && Object.hasOwn(named, entity.id)) return 'excluded_id';
    if (stratum.quiet === true && onSite && !(entity.tags ?? []).some((t) => lift.has(t))) return 'quiet';
    const inspections = entity.inspections;
    if (inspections !== undefined && inspections.length > 0) {
      if (window > 0) {
        const from = asOf - window;
        if (inspections.some((i) => dayNumber(i.date) > from && dayNumber(i.date) <= asOf)) return 'window';
      }
      const cap = stratum.yearlyCap !== undefined ? stratum.yearlyCap : policy.yearlyCap;
      if (cap !== undefined && cap !== null) {
        const count = inspections.filter((i) => i.date.startsWith(year) && i.date <= task.asOf).length;
        if (count >= cap) return 'yearly_cap';
      }
    }
    return undefined;
  };
}
