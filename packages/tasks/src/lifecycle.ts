import type { FieldPath, VersionedEntriesDiff, VersionedValueChange } from '@jianguan/core';
import { deepFreeze, describeValue, diffValues, diffVersionedEntries } from '@jianguan/core';
import { z } from 'zod';
import { requireIterable, requireShape } from './boundary.js';
import { TasksError } from './errors.js';
import type { RuleSource } from './rules.js';
import { ruleSourceSchema } from './rules.js';

const idSchema = z.string().regex(/^[a-z][a-z0-9_]*$/, 'an id is snake_case');
const labelSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) });

const stateSchema = z.object({
  id: idSchema,
  label: labelSchema,
  terminal: z.boolean().default(false),
});

const transitionSchema = z.object({
  action: idSchema,
  label: labelSchema,
  from: z.array(idSchema).min(1),
  to: idSchema,
  /** The code table a reason must come from; when set, a reason is required. */
  reasonTable: z.string().min(1).optional(),
  /** The event may (and for transfers must) name a new department. */
  reassigns: z.enum(['none', 'department', 'officer']).default('none'),
  /** A note (处置结果 / 反馈意见) is required. */
  requiresNote: z.boolean().default(false),
});

const clockStartSchema = z.union([
  z.object({ on: z.literal('created') }),
  z.object({ on: z.literal('entered'), state: idSchema }),
]);

const deadlineSchema = z.object({
  id: idSchema,
  label: labelSchema,
  start: clockStartSchema,
  /** Reaching any of these states meets the deadline. */
  metBy: z.array(idSchema).min(1),
  /** Reaching any of these states before it is met cancels the deadline (not counted). */
  cancelledBy: z.array(idSchema).default([]),
  /**
   * Actions that restart the clock (a transfer gives the new department its own time). A due date the task
   * was given at creation (`dueDates`) is a fixed day and stays as it is.
   */
  restartOn: z.array(idSchema).default([]),
  /** Working days allowed after the start day (the start day itself is not counted). */
  workdays: z.number().int().min(0).max(3650),
  /** Working days before the deadline from which an open item is "at risk". */
  atRiskWorkdays: z.number().int().min(0).max(365).default(1),
  /** The KPI fact this deadline feeds (see `kpiFactsFromTasks`), if any. */
  kpiFact: z.enum(['clue_feedback', 'double_notification_claim', 'behaviour_fix']).optional(),
  rule: ruleSourceSchema,
});

/**
 * The zod schema lifecycle definitions are validated with ({@link defineLifecycle}).
 *
 * @example
 * lifecycleSchema.safeParse(riskClueLifecycle).success; // true
 */
export const lifecycleSchema = z
  .object({
    id: idSchema,
    kind: idSchema,
    version: z.string().min(1),
    label: labelSchema,
    initial: idSchema,
    /** States a task may be created in (default: only `initial`), e.g. 分发失败 for a 双告知 item routing failed. */
    entry: z.array(idSchema).default([]),
    states: z.array(stateSchema).min(2),
    transitions: z.array(transitionSchema).min(1),
    deadlines: z.array(deadlineSchema).default([]),
    rules: z.array(ruleSourceSchema).default([]),
    /** What this version changed or which province it is for. */
    note: z.string().optional(),
  })
  .superRefine((l, ctx) => {
    const states = new Map(l.states.map((s) => [s.id, s]));
    if (states.size !== l.states.length)
      ctx.addIssue({ code: 'custom', path: ['states'], message: 'duplicate state id' });
    const known = (id: string, path: (string | number)[]) => {
      if (!states.has(id)) ctx.addIssue({ code: 'custom', path, message: `unknown state ${id}` });
    };
    known(l.initial, ['initial']);
    l.entry.forEach((e, i) => {
      known(e, ['entry', i]);
      if (states.get(e)?.terminal)
        ctx.addIssue({ code: 'custom', path: ['entry', i], message: 'entry state is terminal' });
    });
    if (states.get(l.initial)?.terminal)
      ctx.addIssue({ code: 'custom', path: ['initial'], message: 'initial state is terminal' });
    const pairs = new Set<string>();
    l.transitions.forEach((t, i) => {
      known(t.to, ['transitions', i, 'to']);
      t.from.forEach((f, j) => {
        known(f, ['transitions', i, 'from', j]);
        if (states.get(f)?.terminal)
          ctx.addIssue({
            code: 'custom',
            path: ['transitions', i, 'from', j],
            message: `terminal state ${f} has an outgoing transition`,
          });
        const key = `${f}\u0000${t.action}`;
        if (pairs.has(key))
          ctx.addIssue({
            code: 'custom',
            path: ['transitions', i],
            message: `action ${t.action} defined twice from ${f}`,
          });
        pairs.add(key);
      });
    });
    const deadlineIds = new Set<string>();
    l.deadlines.forEach((d, i) => {
      if (deadlineIds.has(d.id))
        ctx.addIssue({ code: 'custom', path: ['deadlines', i, 'id'], message: `duplicate deadline ${d.id}` });
      deadlineIds.add(d.id);
      if (d.start.on === 'entered') known(d.start.state, ['deadlines', i, 'start', 'state']);
      d.metBy.forEach((s, j) => {
        known(s, ['deadlines', i, 'metBy', j]);
      });
      d.cancelledBy.forEach((s, j) => {
        known(s, ['deadlines', i, 'cancelledBy', j]);
      });
      d.restartOn.forEach((a, j) => {
        if (!l.transitions.some((t) => t.action === a))
          ctx.addIssue({
            code: 'custom',
            path: ['deadlines', i, 'restartOn', j],
            message: `unknown action ${a}`,
          });
      });
    });
    // Every state is reachable from the initial one, and every non-terminal state can still move.
    const reach = new Set([l.initial, ...l.entry]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of l.transitions) {
        if (!reach.has(t.to) && t.from.some((f) => reach.has(f))) {
          reach.add(t.to);
          grew = true;
        }
      }
    }
    l.states.forEach((s, i) => {
      if (!reach.has(s.id))
        ctx.addIssue({ code: 'custom', path: ['states', i], message: `state ${s.id} is unreachable` });
      if (!s.terminal && !l.transitions.some((t) => t.from.includes(s.id)))
        ctx.addIssue({
          code: 'custom',
          path: ['states', i],
          message: `non-terminal state ${s.id} has no way out`,
        });
    });
    if (!l.states.some((s) => s.terminal))
      ctx.addIssue({ code: 'custom', path: ['states'], message: 'no terminal state' });
  });

/**
 * A validated lifecycle (任务生命周期): the states, the transitions with their reasons and the working-day
 * deadlines of one kind of work item, versioned, with the rules they come from.
 *
 * @example
 * const l: Lifecycle = riskClueLifecycle;
 * l.transitions.map((t) => t.action); // ['claim', 'start_verification', …]
 */
export type Lifecycle = z.output<typeof lifecycleSchema>;

/**
 * What {@link defineLifecycle} accepts: a {@link Lifecycle} whose defaults may be omitted.
 *
 * @example
 * const input: LifecycleInput = { id: 'x', kind: 'x', version: '1', label, initial: 'open', states, transitions };
 */
export type LifecycleInput = z.input<typeof lifecycleSchema>;

/**
 * One deadline of a lifecycle (时限): when its clock starts, what meets or cancels it, how many working days.
 *
 * @example
 * const d: LifecycleDeadline = riskClueLifecycle.deadlines[0]!;
 */
export type LifecycleDeadline = Lifecycle['deadlines'][number];

/**
 * One transition of a lifecycle (状态流转).
 *
 * @example
 * const t: LifecycleTransition = riskClueLifecycle.transitions[0]!;
 */
export type LifecycleTransition = Lifecycle['transitions'][number];

/** Lifecycles {@link defineLifecycle} returned. */
const defined = new WeakSet<object>();

/**
 * Validates a lifecycle definition and returns it frozen with defaults filled in: states exist, terminal
 * states have no way out, every state is reachable, each action is defined once per state, deadlines name
 * known states and carry a rule source.
 *
 * @throws {TasksError} `invalid_lifecycle`, with the zod issues in `details.issues` and the first issue's path.
 * @example
 * const mine = defineLifecycle({ ...riskClueLifecycle, id: 'zj_risk_clue', version: 'zj-2026.1' });
 */
export function defineLifecycle(input: LifecycleInput): Lifecycle {
  const parsed = lifecycleSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const id = describeValue((input as { id?: unknown } | null | undefined)?.id);
    throw new TasksError(
      'invalid_lifecycle',
      {
        zh: `任务生命周期 ${id} 定义不合法：${first?.message ?? ''}`,
        en: `lifecycle ${id} is invalid: ${first?.message ?? ''}`,
      },
      {
        path: (first?.path ?? []) as (string | number)[],
        details: { issues: parsed.error.issues.map((i) => ({ path: i.path, message: i.message })) },
      },
    );
  }
  const out = deepFreeze(parsed.data);
  defined.add(out);
  return out;
}

/**
 * Changes a maintainer makes to derive a provincial variant ({@link deriveLifecycle}).
 *
 * @example
 * const c: LifecycleChanges = { id: 'zj_risk_clue', version: 'zj-2026.1', deadlines: { feedback: { workdays: 7 } } };
 */
export interface LifecycleChanges {
  readonly id?: string;
  readonly version: string;
  readonly label?: { readonly zh: string; readonly en: string };
  readonly note?: string;
  /** Per deadline id: replaced fields (a changed number should come with its `rule`). */
  readonly deadlines?: Readonly<Record<string, Partial<LifecycleDeadline>>>;
  /** Transitions to add (or replace, by action). */
  readonly addTransitions?: readonly z.input<typeof transitionSchema>[];
  /** Actions to remove. */
  readonly removeTransitions?: readonly string[];
  readonly addStates?: readonly z.input<typeof stateSchema>[];
  readonly rules?: readonly RuleSource[];
}

/**
 * A lifecycle: one `defineLifecycle` returned, or a value its schema accepts (returned with the schema's
 * defaults filled in).
 */
function requireLifecycle(value: unknown, path: FieldPath): Lifecycle {
  if (value !== null && typeof value === 'object' && defined.has(value)) return value as Lifecycle;
  return requireShape(lifecycleSchema, value, path);
}

/** {@link LifecycleChanges} as far as {@link deriveLifecycle} reads them before validating the result. */
const changesShape = z.looseObject({
  id: z.string().optional(),
  deadlines: z.record(z.string(), z.looseObject({ restartOn: z.array(z.string()).optional() })).optional(),
  addTransitions: z.array(z.looseObject({ action: z.string() })).optional(),
  removeTransitions: z.array(z.string()).optional(),
  addStates: z.array(z.unknown()).optional(),
  rules: z.array(z.unknown()).optional(),
});

/**
 * Derives a provincial variant from a lifecycle: a new version with some deadlines, transitions or states
 * changed (a removed action is also dropped from the deadlines' `restartOn`); the result is validated like any
 * definition. Diff the two with {@link diffLifecycles}.
 *
 * @example
 * const zj = deriveLifecycle(doubleNotificationLifecycle, {
 *   id: 'zj_double_notification', version: 'zj-2026.1',
 *   deadlines: { claim: { workdays: 3, rule: { ref: '浙江 notice …', status: 'inferred', checked: '2026-12-02' } } },
 * });
 */
export function deriveLifecycle(given: Lifecycle, changes: LifecycleChanges): Lifecycle {
  const base = requireLifecycle(given, ['base']);
  requireShape(changesShape, changes, ['changes']);
  for (const id of Object.keys(changes.deadlines ?? {})) {
    if (!base.deadlines.some((d) => d.id === id)) {
      throw new TasksError(
        'invalid_lifecycle',
        { zh: `变体引用了不存在的时限 ${id}`, en: `variant changes unknown deadline ${id}` },
        { path: ['deadlines', id] },
      );
    }
  }
  const removed = new Set(changes.removeTransitions ?? []);
  const added = changes.addTransitions ?? [];
  const addedActions = new Set(added.map((t) => t.action));
  return defineLifecycle({
    ...base,
    id: changes.id ?? base.id,
    version: changes.version,
    label: changes.label ?? base.label,
    ...(changes.note === undefined ? {} : { note: changes.note }),
    states: [...base.states, ...(changes.addStates ?? [])],
    transitions: [
      ...base.transitions.filter((t) => !removed.has(t.action) && !addedActions.has(t.action)),
      ...added,
    ],
    deadlines: base.deadlines.map((d) => {
      const patch = changes.deadlines !== undefined && Object.hasOwn(changes.deadlines, d.id);
      const merged = { ...d, ...(patch ? changes.deadlines?.[d.id] : {}) };
      // A removed action no longer restarts a clock.
      return { ...merged, restartOn: merged.restartOn.filter((a) => !removed.has(a) || addedActions.has(a)) };
    }),
    rules: [...base.rules, ...(changes.rules ?? [])],
  });
}

/**
 * What changed between two versions of a lifecycle (版本差异): header values, and states, transitions
 * (by action, or `action@from` when an action has several transitions) and deadlines (by id) added, removed or changed — core's versioned-entry diff.
 *
 * @example
 * const d = diffLifecycles(doubleNotificationLifecycle, zj);
 * d.deadlines.changed[0]?.changes; // [{ path: ['deadlines', 'claim', 'workdays'], before: 5, after: 3 }, …]
 */
export interface LifecycleDiff {
  readonly header: readonly VersionedValueChange[];
  readonly states: VersionedEntriesDiff;
  readonly transitions: VersionedEntriesDiff;
  readonly deadlines: VersionedEntriesDiff;
}

/**
 * Diffs two lifecycles (usually a base and its provincial variant).
 *
 * @example
 * diffLifecycles(riskClueLifecycle, riskClueLifecycle).deadlines.changed; // []
 */
export function diffLifecycles(givenBefore: Lifecycle, givenAfter: Lifecycle): LifecycleDiff {
  const before = requireLifecycle(givenBefore, ['before']);
  const after = requireLifecycle(givenAfter, ['after']);
  // An action defined by several transitions (e.g. 督办 from each state) is identified with its from-states.
  const repeated = new Set<string>();
  for (const list of [before.transitions, after.transitions]) {
    const seen = new Set<string>();
    for (const t of list) {
      if (seen.has(t.action)) repeated.add(t.action);
      seen.add(t.action);
    }
  }
  const header: VersionedValueChange[] = [];
  for (const key of ['id', 'kind', 'version', 'label', 'initial', 'note'] as const) {
    header.push(...diffValues(before[key], after[key], [key]));
  }
  return {
    header,
    states: diffVersionedEntries(before.states, after.states, { path: 'states' }),
    transitions: diffVersionedEntries(before.transitions, after.transitions, {
      path: 'transitions',
      idOf: (t) => (repeated.has(t.action) ? `${t.action}@${t.from.join('|')}` : t.action),
    }),
    deadlines: diffVersionedEntries(before.deadlines, after.deadlines, { path: 'deadlines' }),
  };
}

/**
 * The lifecycles a task book knows, by id and version. New tasks use the last version registered for an id;
 * a task keeps the version it was created under, so registering a provincial variant never changes the
 * deadlines of tasks already open (register the old version too while such tasks exist).
 *
 * @example
 * const registry = createLifecycleRegistry([...BUILT_IN_LIFECYCLES, zjVariant]);
 * registry.get('double_notification').version; // 'zj-2026.1'
 */
export interface LifecycleRegistry {
  readonly ids: readonly string[];
  /** The given version of a lifecycle, or (no version) the last one registered. */
  get(id: string, version?: string): Lifecycle;
  has(id: string, version?: string): boolean;
  /** The transition for `action` from `state`, if the lifecycle allows it. */
  transition(id: string, state: string, action: string, version?: string): LifecycleTransition | undefined;
  /** The actions allowed from `state`. */
  allowed(id: string, state: string, version?: string): readonly string[];
}

/**
 * Builds a registry from lifecycles (each validated again). The last lifecycle given for an id is the one new
 * tasks use; every version given stays available to the tasks created under it.
 *
 * @throws {TasksError} `invalid_lifecycle`.
 * @example
 * const registry = createLifecycleRegistry(BUILT_IN_LIFECYCLES);
 * registry.allowed('risk_clue', 'dispatched'); // ['claim', 'return', 'transfer', 'terminate']
 */
export function createLifecycleRegistry(
  lifecycles: readonly (Lifecycle | LifecycleInput)[],
): LifecycleRegistry {
  requireIterable(lifecycles, ['lifecycles']);
  const latest = new Map<string, Lifecycle>();
  const versions = new Map<string, Map<string, Lifecycle>>();
  for (const input of lifecycles) {
    const l = defineLifecycle(input);
    latest.set(l.id, l);
    let byVersion = versions.get(l.id);
    if (byVersion === undefined) {
      byVersion = new Map();
      versions.set(l.id, byVersion);
    }
    byVersion.set(l.version, l);
  }
  const find = (id: string, version?: string) =>
    version === undefined ? latest.get(id) : versions.get(id)?.get(version);
  const get = (id: string, version?: string): Lifecycle => {
    const l = find(id, version);
    if (!l) {
      const name = version === undefined ? id : `${id}@${version}`;
      throw new TasksError(
        'unknown_lifecycle',
        { zh: `未知的任务生命周期 ${name}`, en: `unknown lifecycle ${name}` },
        {
          path: ['lifecycle'],
          details: {
            id,
            version,
            known: [...versions].flatMap(([i, v]) => [...v.keys()].map((x) => `${i}@${x}`)),
          },
        },
      );
    }
    return l;
  };
  return {
    ids: [...latest.keys()],
    get,
    has: (id, version) => find(id, version) !== undefined,
    transition: (id, state, action, version) => {
      const l = find(id, version);
      return l === undefined ? undefined : transitionOf(l, state, action);
    },
    allowed: (id, state, version) => {
      const l = find(id, version);
      return l === undefined ? [] : [...(transitionTable(l).get(state)?.keys() ?? [])];
    },
  };
}

const tables = new WeakMap<Lifecycle, Map<string, Map<string, LifecycleTransition>>>();

function transitionTable(l: Lifecycle): Map<string, Map<string, LifecycleTransition>> {
  let perState = tables.get(l);
  if (perState === undefined) {
    perState = new Map();
    for (const s of l.states) perState.set(s.id, new Map());
    for (const t of l.transitions) for (const f of t.from) perState.get(f)?.set(t.action, t);
    tables.set(l, perState);
  }
  return perState;
}

/**
 * The transition of a lifecycle for `action` from `state`, if allowed (indexed once per lifecycle). @internal
 */
export function transitionOf(l: Lifecycle, state: string, action: string): LifecycleTransition | undefined {
  return transitionTable(l).get(state)?.get(action);
}
