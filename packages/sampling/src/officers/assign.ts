import { type FieldPath, localizeZodIssue, zodIssuePath } from '@jianguan/core';
import { z } from 'zod';
import { ARRAY, badInput, isList, requireOptions, requireRules } from '../boundary.js';
import { TicketHasher } from '../draw/ticket.js';
import { SamplingInputError } from '../errors.js';
import type { SpotCheckItem } from '../plan/types.js';
import { DEFAULT_SAMPLING_RULES, type SamplingRules } from '../rules/sampling-rules.js';
import type { AvoidanceRule, DirectoryOfficer, IneligibilityReason, InspectionVisit } from './types.js';

/**
 * Options of {@link assignOfficers}.
 *
 * @example
 * const options: AssignOfficersOptions = { seed: record.seed, items, rotationRounds: 2, history };
 */
export interface AssignOfficersOptions {
  /** The draw record's seed: every officer choice comes from tickets under it. */
  readonly seed: string;
  /** The item list, for expertise requirements. */
  readonly items?: readonly SpotCheckItem[];
  /** Team size; default and minimum: the rule set's `minOfficers` (2), and at least one per department. */
  readonly teamSize?: number;
  /** Officers who inspected the same entity in its last N inspections are avoided (default 0 = off). */
  readonly rotationRounds?: number;
  /** Past inspections per entity id, newest first or dated (the last `rotationRounds` by date are used). */
  readonly history?: Readonly<
    Record<string, readonly { readonly date: string; readonly officerIds?: readonly string[] }[]>
  >;
  readonly avoidanceRules?: readonly AvoidanceRule[];
  /** Visits already assigned to officers elsewhere, counted for the cap and the balance. */
  readonly existingLoad?: Readonly<Record<string, number>>;
  /** Default workload cap per officer for this run. */
  readonly maxVisitsPerOfficer?: number;
  readonly rules?: SamplingRules;
  /** Include per-officer ineligibility reasons for each visit (default true). */
  readonly explain?: boolean;
}

/**
 * An officer on a team.
 *
 * @example
 * const m: TeamMember = { officerId: 'o-1', department: 'SAMR', ticket: '0.123456789' };
 */
export interface TeamMember {
  readonly officerId: string;
  readonly department: string;
  readonly ticket: string;
}

/**
 * An officer left out of a visit and why.
 *
 * @example
 * const x: IneligibleOfficer = { officerId: 'o-2', reasons: [{ code: 'declared_conflict' }] };
 */
export interface IneligibleOfficer {
  readonly officerId: string;
  readonly reasons: readonly IneligibilityReason[];
}

/**
 * A staffed visit (检查组).
 *
 * @example
 * const a: VisitAssignment = { visitId: 'v', entityId: 'e', team: [], ineligible: [] };
 */
export interface VisitAssignment {
  readonly visitId: string;
  readonly entityId: string;
  readonly team: readonly TeamMember[];
  readonly ineligible: readonly IneligibleOfficer[];
}

/**
 * A visit that cannot be staffed without breaking a rule (无法匹配), with the unmet requirement.
 *
 * @example
 * const f: InfeasibleVisit = { visitId: 'v', entityId: 'e', problem: 'not_enough_officers', missing: { officers: 1 }, ineligible: [] };
 */
export interface InfeasibleVisit {
  readonly visitId: string;
  readonly entityId: string;
  readonly problem: 'not_enough_officers' | 'department_uncovered' | 'expertise_uncovered';
  readonly missing: {
    readonly officers?: number;
    readonly departments?: readonly string[];
    readonly expertise?: readonly string[];
  };
  readonly ineligible: readonly IneligibleOfficer[];
}

/**
 * The result of {@link assignOfficers}.
 *
 * @example
 * const r: OfficerAssignment = assignOfficers(visits, officers, { seed });
 * r.infeasible.length; // 0 when every visit is staffed
 */
export interface OfficerAssignment {
  readonly assignments: readonly VisitAssignment[];
  readonly infeasible: readonly InfeasibleVisit[];
  /** Visits per officer after this run (including `existingLoad`). */
  readonly load: Readonly<Record<string, number>>;
}

/** `record[key]` when it is the record's own property (never an inherited `constructor` or `__proto__`). */
function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

const text = z.string();
const texts = z.array(text);
const attributes = z.record(z.string(), text).optional();

const visitsShape = z.array(
  z.looseObject({
    visitId: text,
    entityId: text,
    departments: texts,
    items: texts,
    date: text,
    entity: z.looseObject({ attributes }).optional(),
  }),
);

const officersShape = z.array(
  z.looseObject({
    id: text,
    department: text,
    kind: text.optional(),
    certificate: z.looseObject({ number: text, validFrom: text, validUntil: text }).optional(),
    expertise: texts.optional(),
    conflicts: texts.optional(),
    unavailable: texts.optional(),
    maxVisits: z.number().optional(),
    attributes,
  }),
);

const assignOptionsShape = z.looseObject({
  seed: text,
  items: z.array(z.looseObject({ code: text, expertise: texts.optional() })).optional(),
  teamSize: z.number().optional(),
  rotationRounds: z.number().optional(),
  history: z
    .record(z.string(), z.array(z.looseObject({ date: text, officerIds: texts.optional() })))
    .optional(),
  avoidanceRules: z
    .array(
      z.looseObject({
        id: text,
        officerField: text,
        entityField: text,
        relation: z.enum(['equals', 'includes']),
      }),
    )
    .optional(),
  existingLoad: z.record(z.string(), z.number()).optional(),
  maxVisitsPerOfficer: z.number().optional(),
  explain: z.boolean().optional(),
});

/** `value` matches `schema`, else a {@link SamplingInputError} `code` at the issue's path. */
function requireShape(code: string, schema: z.ZodType, value: unknown, path: FieldPath): void {
  const r = schema.safeParse(value);
  if (r.success) return;
  const issue = r.error.issues[0]!;
  const at = [...path, ...zodIssuePath(issue)];
  const message = localizeZodIssue(issue);
  throw new SamplingInputError(
    code,
    { zh: `${at.join('.')}：${message.zh}`, en: `${at.join('.')}: ${message.en}` },
    { path: at },
  );
}

function fieldValues(
  source: { readonly attributes?: Readonly<Record<string, string>> } & Record<string, unknown>,
  name: string,
): string[] {
  const direct = source[name];
  if (typeof direct === 'string') return [direct];
  if (Array.isArray(direct)) return direct.filter((v): v is string => typeof v === 'string');
  const attr = own(source.attributes, name);
  return attr === undefined ? [] : [attr];
}

function baseReasons(
  officer: DirectoryOfficer,
  visit: InspectionVisit,
  options: AssignOfficersOptions,
  rules: SamplingRules,
  recent: ReadonlySet<string>,
): IneligibilityReason[] {
  const reasons: IneligibilityReason[] = [];
  if (rules.forbiddenOfficerKinds.includes(officer.kind ?? 'officer'))
    reasons.push({ code: 'forbidden_kind' });
  const cert = officer.certificate;
  if (cert === undefined || cert.number.trim() === '') reasons.push({ code: 'no_certificate' });
  else if (visit.date < cert.validFrom) reasons.push({ code: 'certificate_not_yet_valid' });
  else if (visit.date > cert.validUntil) reasons.push({ code: 'certificate_expired' });
  if (!visit.departments.includes(officer.department)) reasons.push({ code: 'other_department' });
  if ((officer.unavailable ?? []).includes(visit.date)) reasons.push({ code: 'unavailable' });
  if ((officer.conflicts ?? []).includes(visit.entityId)) reasons.push({ code: 'declared_conflict' });
  if (recent.has(officer.id)) reasons.push({ code: 'recent_same_entity' });
  for (const rule of options.avoidanceRules ?? []) {
    const ov = fieldValues(officer as unknown as Record<string, unknown>, rule.officerField);
    const entity = { id: visit.entityId, ...(visit.entity ?? {}) } as Record<string, unknown>;
    const ev = fieldValues(entity, rule.entityField);
    const hit =
      rule.relation === 'equals'
        ? ov.some((v) => ev.includes(v))
        : ov.some((v) => ev.some((e) => e.includes(v) || v.includes(e)));
    if (hit) reasons.push({ code: 'avoidance_rule', ruleId: rule.id });
  }
  return reasons;
}

/**
 * Staffs inspection visits (匹配执法检查人员), deterministically from the draw's seed: each visit gets at least
 * `minOfficers` (2) officers whose certificates are valid on the visit day, none of them an auxiliary, none
 * with a declared conflict, a recent visit to the same entity or a hit on an avoidance rule; at least one
 * officer per department of a joint visit; the team covers the items' expertise; nobody exceeds the
 * workload cap; among eligible officers the least loaded go first, ties broken by ticket. Visits that cannot
 * be staffed without breaking a rule are reported in `infeasible`, never staffed anyway.
 *
 * @example
 * const { assignments, infeasible } = assignOfficers(visitsFromRecord(record), officers, { seed: record.seed, items });
 */
export function assignOfficers(
  visits: readonly InspectionVisit[],
  officers: readonly DirectoryOfficer[],
  options: AssignOfficersOptions,
): OfficerAssignment {
  if (!isList(visits)) badInput('invalid_visits', ['visits'], ARRAY, visits);
  if (!isList(officers)) badInput('invalid_officer', ['officers'], ARRAY, officers);
  requireOptions(options);
  requireShape('invalid_visits', visitsShape, visits, ['visits']);
  requireShape('invalid_officer', officersShape, officers, ['officers']);
  requireShape('invalid_options', assignOptionsShape, options, ['options']);
  if (options.rules !== undefined) requireRules(options.rules, ['options', 'rules']);
  const rules = options.rules ?? DEFAULT_SAMPLING_RULES;
  const ids = new Set<string>();
  for (const [i, o] of officers.entries()) {
    if (typeof o?.id !== 'string' || typeof o.department !== 'string' || ids.has(o.id)) {
      throw new SamplingInputError(
        'invalid_officer',
        { zh: '执法人员条目无效或重复', en: 'an officer entry is invalid or duplicated' },
        { path: ['officers', i] },
      );
    }
    ids.add(o.id);
  }
  const baseTeam = Math.max(options.teamSize ?? rules.minOfficers, rules.minOfficers);
  const hasher = new TicketHasher(options.seed);
  const expertiseOf = new Map((options.items ?? []).map((it) => [it.code, it.expertise ?? []]));
  const load = new Map<string, number>();
  for (const o of officers) load.set(o.id, own(options.existingLoad, o.id) ?? 0);
  const used = new Map<string, number>();
  const explain = options.explain ?? true;
  // Visit order comes from tickets too, so it does not depend on the input order.
  const ordered = [...visits]
    .map((v) => ({ v, key: hasher.ticket(`visit|${v.visitId}`) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const assignments: VisitAssignment[] = [];
  const infeasible: InfeasibleVisit[] = [];
  for (const { v: visit } of ordered) {
    const past = [...(own(options.history, visit.entityId) ?? [])].sort((a, b) => (a.date < b.date ? 1 : -1));
    const recent = new Set(past.slice(0, options.rotationRounds ?? 0).flatMap((p) => p.officerIds ?? []));
    const ineligible: IneligibleOfficer[] = [];
    const candidates: { o: DirectoryOfficer; ticket: string }[] = [];
    for (const o of officers) {
      const reasons = baseReasons(o, visit, options, rules, recent);
      const cap = o.maxVisits ?? options.maxVisitsPerOfficer;
      if (cap !== undefined && (used.get(o.id) ?? 0) >= cap) reasons.push({ code: 'workload_cap' });
      if (reasons.length > 0) ineligible.push({ officerId: o.id, reasons });
      else candidates.push({ o, ticket: hasher.ticket(`officer|${visit.visitId}|${o.id}`) });
    }
    const shownIneligible = explain ? ineligible : [];
    const rank = (a: { o: DirectoryOfficer; ticket: string }, b: { o: DirectoryOfficer; ticket: string }) =>
      load.get(a.o.id)! - load.get(b.o.id)! || (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : 0);
    candidates.sort(rank);
    const required = [...new Set(visit.items.flatMap((code) => expertiseOf.get(code) ?? []))];
    const teamSize = Math.max(baseTeam, visit.departments.length);
    const team: { o: DirectoryOfficer; ticket: string }[] = [];
    const uncovered = new Set(required);
    const take = (c: { o: DirectoryOfficer; ticket: string }) => {
      team.push(c);
      for (const e of c.o.expertise ?? []) uncovered.delete(e);
    };
    const free = () => candidates.filter((c) => !team.includes(c));
    const gain = (c: { o: DirectoryOfficer }) => (c.o.expertise ?? []).filter((e) => uncovered.has(e)).length;
    const missingDepartments: string[] = [];
    for (const dept of visit.departments) {
      if (team.some((t) => t.o.department === dept)) continue;
      const pool = free().filter((c) => c.o.department === dept);
      if (pool.length === 0) {
        missingDepartments.push(dept);
        continue;
      }
      pool.sort((a, b) => gain(b) - gain(a) || rank(a, b));
      take(pool[0]!);
    }
    if (missingDepartments.length > 0) {
      infeasible.push({
        visitId: visit.visitId,
        entityId: visit.entityId,
        problem: 'department_uncovered',
        missing: { departments: missingDepartments },
        ineligible: shownIneligible,
      });
      continue;
    }
    while (uncovered.size > 0) {
      const pool = free().filter((c) => gain(c) > 0);
      if (pool.length === 0) break;
      pool.sort((a, b) => gain(b) - gain(a) || rank(a, b));
      take(pool[0]!);
    }
    if (uncovered.size > 0) {
      infeasible.push({
        visitId: visit.visitId,
        entityId: visit.entityId,
        problem: 'expertise_uncovered',
        missing: { expertise: [...uncovered] },
        ineligible: shownIneligible,
      });
      continue;
    }
    for (const c of free()) {
      if (team.length >= teamSize) break;
      take(c);
    }
    if (team.length < teamSize) {
      infeasible.push({
        visitId: visit.visitId,
        entityId: visit.entityId,
        problem: 'not_enough_officers',
        missing: { officers: teamSize - team.length },
        ineligible: shownIneligible,
      });
      continue;
    }
    for (const t of team) {
      load.set(t.o.id, load.get(t.o.id)! + 1);
      used.set(t.o.id, (used.get(t.o.id) ?? 0) + 1);
    }
    assignments.push({
      visitId: visit.visitId,
      entityId: visit.entityId,
      team: team.map((t) => ({
        officerId: t.o.id,
        department: t.o.department,
        ticket: t.ticket.slice(0, 20),
      })),
      ineligible: shownIneligible,
    });
  }
  return { assignments, infeasible, load: Object.fromEntries(load) };
}
