import type { Lifecycle, LifecycleTransition, TaskEventInput } from '@jianguan/tasks';

/** The event input that performs transition `t` on task `taskId` on day `at`, with whatever it requires. */
export function eventFor(
  taskId: string,
  t: Pick<LifecycleTransition, 'action' | 'reasonTable' | 'requiresNote' | 'reassigns'>,
  at: string,
): TaskEventInput {
  return {
    taskId,
    action: t.action,
    at,
    actor: { id: 'officer-1', department: 'scjg' },
    ...(t.reasonTable === undefined ? {} : { reason: { code: '01', note: 'test' } }),
    ...(t.requiresNote ? { note: '已核查' } : {}),
    ...(t.reassigns === 'department' ? { to: { department: 'hbj' } } : {}),
  };
}

/** A create event for a lifecycle, optionally in an entry state. */
export function createFor(taskId: string, lifecycle: Lifecycle, at: string, state?: string): TaskEventInput {
  return {
    taskId,
    action: 'create',
    at,
    actor: { id: 'province' },
    task: {
      lifecycle: lifecycle.id,
      department: 'scjg',
      entity: { uscc: '91330100799655058B' },
      ...(state === undefined ? {} : { state }),
    },
  };
}

/** The shortest list of transitions from a start state to `target` (breadth-first). */
export function pathTo(lifecycle: Lifecycle, target: string): { start: string; path: LifecycleTransition[] } {
  const starts = [lifecycle.initial, ...lifecycle.entry];
  for (const start of starts) {
    const prev = new Map<string, { from: string; t: LifecycleTransition } | null>([[start, null]]);
    const queue = [start];
    while (queue.length > 0) {
      const s = queue.shift() as string;
      if (s === target) {
        const path: LifecycleTransition[] = [];
        for (let cur = s; prev.get(cur); cur = (prev.get(cur) as { from: string }).from)
          path.unshift((prev.get(cur) as { t: LifecycleTransition }).t);
        return { start, path };
      }
      for (const t of lifecycle.transitions) {
        if (t.from.includes(s) && !prev.has(t.to)) {
          prev.set(t.to, { from: s, t });
          queue.push(t.to);
        }
      }
    }
  }
  throw new Error(`no path to ${target}`);
}
