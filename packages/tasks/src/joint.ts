import { uscc } from '@jianguan/core';
import { z } from 'zod';
import { actorShape, requireShape } from './boundary.js';
import type { TaskEventInput } from './events.js';

/**
 * An open work item on an entity (a clue, a drawn inspection, a complaint…), as input to joint planning.
 *
 * @example
 * const w: OpenWork = { id: 'FXYJ-1', kind: 'risk_clue', department: 'scjg', uscc: '91330100799655058B', due: '2025-10-20' };
 */
export interface OpenWork {
  readonly id: string;
  readonly kind: string;
  readonly department: string;
  readonly uscc: string;
  readonly due?: string;
  readonly name?: string;
}

/**
 * A proposed joint task (联合检查任务建议, 进一次门、查多项事): one visit to an entity that several departments
 * have open work on.
 *
 * @example
 * const p: JointProposal = { uscc: '91330100799655058B', departments: ['hbj', 'scjg'], lead: 'scjg', items: ['FXYJ-1', 'CC-7'], due: '2025-10-20' };
 */
export interface JointProposal {
  readonly uscc: string;
  readonly name?: string;
  readonly departments: readonly string[];
  /** The department with the most items (ties: the earliest due, then by code). */
  readonly lead: string;
  readonly items: readonly string[];
  /** The earliest due date of the items, if any has one. */
  readonly due?: string;
}

const optionalText = z.string().optional();
const openWorkShape = z.array(
  z.looseObject({
    id: z.string(),
    department: z.string(),
    /** Work without a valid USCC is left out, not refused. */
    uscc: z.unknown(),
    due: optionalText,
    name: optionalText,
  }),
);
const minDepartmentsShape = z.looseObject({ minDepartments: z.number().optional() });
const proposalShape = z.looseObject({
  uscc: z.string(),
  name: optionalText,
  departments: z.array(z.string()),
  lead: z.string(),
  items: z.array(z.string()),
  due: optionalText,
});
const jointEventOptionsShape = z.looseObject({ taskId: z.string(), at: z.string(), actor: actorShape });
const listingsShape = z.array(
  z.looseObject({ uscc: z.unknown(), department: z.string(), name: optionalText }),
);
const libraryOptionsShape = z.looseObject({
  minDepartments: z.number().optional(),
  previous: z.array(z.looseObject({ uscc: z.string() })).optional(),
});

function key(value: string): string | undefined {
  try {
    return uscc.compact(value);
  } catch {
    return undefined;
  }
}

/**
 * Groups open work by USCC (normalised with core's `uscc.compact`) across departments and proposes a joint
 * task where at least `minDepartments` (default 2) departments have work on the same entity — seed 003
 * 三(一) and 二(二): 针对不同线索指向的同一监管对象形成联合检查任务. Items without a readable USCC are skipped.
 *
 * @example
 * proposeJointTasks(book.tasks().filter((t) => !t.done).map(toOpenWork));
 */
export function proposeJointTasks(
  work: readonly OpenWork[],
  options: { readonly minDepartments?: number } = {},
): JointProposal[] {
  requireShape(openWorkShape, work, ['work']);
  requireShape(minDepartmentsShape, options, ['options']);
  const min = options.minDepartments ?? 2;
  const groups = new Map<string, OpenWork[]>();
  for (const w of work) {
    const k = key(w.uscc);
    if (k === undefined || k === '') continue;
    const list = groups.get(k) ?? [];
    list.push(w);
    groups.set(k, list);
  }
  const out: JointProposal[] = [];
  for (const [code, items] of groups) {
    const perDept = new Map<string, { n: number; due: string }>();
    for (const w of items) {
      const c = perDept.get(w.department) ?? { n: 0, due: '9999-12-31' };
      c.n++;
      if (w.due !== undefined && w.due < c.due) c.due = w.due;
      perDept.set(w.department, c);
    }
    if (perDept.size < min) continue;
    const departments = [...perDept.keys()].sort();
    const lead = [...perDept.entries()].sort(
      (a, b) =>
        b[1].n - a[1].n || (a[1].due < b[1].due ? -1 : a[1].due > b[1].due ? 1 : a[0] < b[0] ? -1 : 1),
    )[0]?.[0] as string;
    const dues = items
      .map((w) => w.due)
      .filter((d): d is string => d !== undefined)
      .sort();
    const name = items.find((w) => w.name !== undefined)?.name;
    out.push({
      uscc: code,
      ...(name === undefined ? {} : { name }),
      departments,
      lead,
      items: items.map((w) => w.id).sort(),
      ...(dues[0] === undefined ? {} : { due: dues[0] }),
    });
  }
  return out.sort((a, b) => b.departments.length - a.departments.length || (a.uscc < b.uscc ? -1 : 1));
}

/**
 * The `create` event of a joint task for a proposal (lead department; the others in `data.participants`).
 *
 * @example
 * await book.apply(jointTaskEvent(proposal, { taskId: 'LHJG-1', at: '2025-10-08', actor: { id: 'spb' } }));
 */
export function jointTaskEvent(
  proposal: JointProposal,
  options: {
    readonly taskId: string;
    readonly at: string;
    readonly actor: { readonly id: string; readonly department?: string };
  },
): TaskEventInput {
  requireShape(proposalShape, proposal, ['proposal']);
  requireShape(jointEventOptionsShape, options, ['options']);
  return {
    taskId: options.taskId,
    action: 'create',
    at: options.at,
    actor: options.actor,
    task: {
      lifecycle: 'joint_task',
      department: proposal.lead,
      entity: { uscc: proposal.uscc, ...(proposal.name === undefined ? {} : { name: proposal.name }) },
      title: '进一次门、查多项事',
      ...(proposal.due === undefined ? {} : { dueDates: { feedback: proposal.due } }),
      data: { participants: proposal.departments, items: proposal.items },
    },
  };
}

/**
 * A department listing an entity as one it supervises (监管对象名录).
 *
 * @example
 * const l: EntityListing = { uscc: '91330100799655058B', department: 'scjg', name: '某公司' };
 */
export interface EntityListing {
  readonly uscc: string;
  readonly department: string;
  readonly name?: string;
}

/**
 * One entry of the cross-department entity library (跨部门综合监管对象库).
 *
 * @example
 * const e: CrossDepartmentEntity = { uscc: '91330100799655058B', departments: ['hbj', 'scjg'] };
 */
export interface CrossDepartmentEntity {
  readonly uscc: string;
  readonly name?: string;
  readonly departments: readonly string[];
}

/**
 * The cross-department entity library: entities listed by at least `minDepartments` (default 2)
 * departments — seed 003 二(二): 被两个及以上部门列为监管对象的市场主体，纳入全市跨部门综合监管对象库动态管理.
 * Pass the previous library to get what entered and left it (动态管理).
 *
 * @example
 * const { library, added, removed } = crossDepartmentLibrary(listings, { previous: lastMonth });
 */
export function crossDepartmentLibrary(
  listings: readonly EntityListing[],
  options: { readonly minDepartments?: number; readonly previous?: readonly CrossDepartmentEntity[] } = {},
): { readonly library: CrossDepartmentEntity[]; readonly added: string[]; readonly removed: string[] } {
  requireShape(listingsShape, listings, ['listings']);
  requireShape(libraryOptionsShape, options, ['options']);
  const min = options.minDepartments ?? 2;
  const byEntity = new Map<string, { depts: Set<string>; name?: string }>();
  for (const l of listings) {
    const k = key(l.uscc);
    if (k === undefined || k === '') continue;
    const e = byEntity.get(k) ?? { depts: new Set<string>() };
    e.depts.add(l.department);
    if (e.name === undefined && l.name !== undefined) e.name = l.name;
    byEntity.set(k, e);
  }
  const library: CrossDepartmentEntity[] = [];
  for (const [code, e] of byEntity) {
    if (e.depts.size < min) continue;
    library.push({
      uscc: code,
      ...(e.name === undefined ? {} : { name: e.name }),
      departments: [...e.depts].sort(),
    });
  }
  library.sort((a, b) => (a.uscc < b.uscc ? -1 : 1));
  const before = new Set((options.previous ?? []).map((e) => e.uscc));
  const now = new Set(library.map((e) => e.uscc));
  return {
    library,
    added: [...now].filter((u) => !before.has(u)).sort(),
    removed: [...before].filter((u) => !now.has(u)).sort(),
  };
}
