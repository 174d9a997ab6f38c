import { isJianguanError } from '@jianguan/core';
import {
  BUILT_IN_LIFECYCLES,
  createLifecycleRegistry,
  defineLifecycle,
  deriveLifecycle,
  diffLifecycles,
  doubleNotificationLifecycle,
  IllegalTransitionError,
  reduceTask,
  riskClueLifecycle,
  type TaskState,
  TasksError,
} from '@jianguan/tasks';
import { describe, expect, it } from 'vitest';
import { createFor, eventFor, pathTo } from './helpers.ts';

const lifecycles = createLifecycleRegistry(BUILT_IN_LIFECYCLES);
const ctx = { lifecycles };

function taskIn(lifecycleId: string, state: string): TaskState {
  const l = lifecycles.get(lifecycleId);
  const { start, path } = pathTo(l, state);
  let t = reduceTask(
    undefined,
    createFor('t1', l, '2025-09-01', start === l.initial ? undefined : start),
    ctx,
  );
  for (const step of path) t = reduceTask(t, eventFor('t1', step, '2025-09-02'), ctx);
  expect(t.state).toBe(state);
  return t;
}

describe('built-in lifecycles', () => {
  it('are six, one per kind of the issue, each citing its rules with status and check date', () => {
    expect(BUILT_IN_LIFECYCLES.map((l) => l.kind)).toEqual([
      'risk_clue',
      'joint_task',
      'complaint',
      'double_notification',
      'commitment_verification',
      'quality_fix',
    ]);
    for (const l of BUILT_IN_LIFECYCLES) {
      expect(l.rules.length + l.deadlines.length).toBeGreaterThan(0);
      for (const d of l.deadlines) expect(d.rule.checked).toBe('2026-12-02');
    }
    const byId = new Map(BUILT_IN_LIFECYCLES.map((l) => [l.id, l]));
    expect(byId.get('double_notification')?.deadlines[0]).toMatchObject({
      workdays: 5,
      rule: { status: 'seed-stated' },
    });
    expect(byId.get('quality_fix')?.deadlines[0]).toMatchObject({
      workdays: 5,
      rule: { status: 'seed-stated' },
    });
    expect(byId.get('risk_clue')?.deadlines[0]).toMatchObject({ workdays: 10, rule: { status: 'inferred' } });
  });

  for (const l of BUILT_IN_LIFECYCLES) {
    const actions = [...new Set(l.transitions.map((t) => t.action))];
    describe(l.id, () => {
      for (const s of l.states) {
        it(`from ${s.id}: every legal action moves to its target, every other action is a typed error`, () => {
          const before = taskIn(l.id, s.id);
          for (const action of actions) {
            const t = l.transitions.find((x) => x.action === action && x.from.includes(s.id));
            const spec =
              t ?? (l.transitions.find((x) => x.action === action) as (typeof l.transitions)[number]);
            const event = eventFor('t1', spec, '2025-09-03');
            if (t) {
              const after = reduceTask(before, event, ctx);
              expect(after.state).toBe(t.to);
              expect(after.events).toBe(before.events + 1);
            } else {
              let error: unknown;
              try {
                reduceTask(before, event, ctx);
              } catch (e) {
                error = e;
              }
              expect(error).toBeInstanceOf(IllegalTransitionError);
              const e = error as IllegalTransitionError;
              expect(e.name).toBe('IllegalTransitionError');
              expect(e.code).toBe('illegal_transition');
              expect(e.path).toEqual(['action']);
              expect(e.messages.zh).toContain(action);
              expect(e.messages.en).toContain(`${action} is not allowed`);
              expect(e.details).toMatchObject({ from: s.id, action });
              expect(isJianguanError(e)).toBe(true);
            }
          }
        });
      }
    });
  }
});

describe('transition requirements', () => {
  it('回退 needs a reason from the return-reason code table', () => {
    const t = taskIn('risk_clue', 'dispatched');
    expect(() =>
      reduceTask(t, { taskId: 't1', action: 'return', at: '2025-09-03', actor: { id: 'u' } }, ctx),
    ).toThrow(expect.objectContaining({ code: 'invalid_reason', path: ['reason'] }));
    expect(() =>
      reduceTask(
        t,
        { taskId: 't1', action: 'return', at: '2025-09-03', actor: { id: 'u' }, reason: { code: '77' } },
        ctx,
      ),
    ).toThrow(expect.objectContaining({ code: 'invalid_reason', path: ['reason', 'code'] }));
    const returned = reduceTask(
      t,
      { taskId: 't1', action: 'return', at: '2025-09-03', actor: { id: 'u' }, reason: { code: '01' } },
      ctx,
    );
    expect(returned.reason).toEqual({ code: '01' });
  });

  it('转办 moves the task to another department and restarts its clock', () => {
    const t = taskIn('double_notification', 'dispatched');
    expect(() =>
      reduceTask(
        t,
        { taskId: 't1', action: 'transfer', at: '2025-09-03', actor: { id: 'u' }, reason: { code: '02' } },
        ctx,
      ),
    ).toThrow(expect.objectContaining({ code: 'invalid_event', path: ['to', 'department'] }));
    const moved = reduceTask(
      t,
      {
        taskId: 't1',
        action: 'transfer',
        at: '2025-09-30',
        actor: { id: 'u' },
        reason: { code: '02' },
        to: { department: 'wjw' },
      },
      ctx,
    );
    expect(moved.department).toBe('wjw');
    expect(moved.deadlines[0]).toMatchObject({ start: '2025-09-30', due: '2025-10-14' });
  });

  it('feedback needs a note; claim assigns the claiming officer', () => {
    const claimed = reduceTask(
      taskIn('risk_clue', 'dispatched'),
      { taskId: 't1', action: 'claim', at: '2025-09-03', actor: { id: 'zhang' } },
      ctx,
    );
    expect(claimed.officer).toBe('zhang');
    const verifying = reduceTask(
      claimed,
      { taskId: 't1', action: 'start_verification', at: '2025-09-03', actor: { id: 'zhang' } },
      ctx,
    );
    expect(() =>
      reduceTask(
        verifying,
        { taskId: 't1', action: 'feedback', at: '2025-09-04', actor: { id: 'zhang' } },
        ctx,
      ),
    ).toThrow(expect.objectContaining({ code: 'invalid_event', path: ['note'] }));
  });

  it('督办 keeps the state and needs a note; a lifecycle with a repeated action diffs cleanly', () => {
    const t = taskIn('complaint', 'claimed');
    const urged = reduceTask(
      t,
      { taskId: 't1', action: 'urge', at: '2025-09-05', actor: { id: 'hotline' }, note: '请加快办理' },
      ctx,
    );
    expect(urged).toMatchObject({
      state: 'claimed',
      since: t.since,
      note: '请加快办理',
      events: t.events + 1,
    });
    const complaint = lifecycles.get('complaint');
    const d = diffLifecycles(complaint, deriveLifecycle(complaint, { version: 'x', removeTransitions: [] }));
    expect(d.transitions).toMatchObject({ added: [], removed: [], changed: [] });
  });

  it('rejects unknown tasks, duplicate creates, back-dated events and bad entry states', () => {
    const l = riskClueLifecycle;
    expect(() =>
      reduceTask(undefined, { taskId: 'x', action: 'claim', at: '2025-09-03', actor: { id: 'u' } }, ctx),
    ).toThrow(expect.objectContaining({ code: 'unknown_task' }));
    const t = reduceTask(undefined, createFor('x', l, '2025-09-03'), ctx);
    expect(() => reduceTask(t, createFor('x', l, '2025-09-03'), ctx)).toThrow(
      expect.objectContaining({ code: 'duplicate_task' }),
    );
    expect(() =>
      reduceTask(t, { taskId: 'x', action: 'claim', at: '2025-09-02', actor: { id: 'u' } }, ctx),
    ).toThrow(expect.objectContaining({ code: 'invalid_event', path: ['at'] }));
    expect(() => reduceTask(undefined, createFor('y', l, '2025-09-03', 'closed'), ctx)).toThrow(
      expect.objectContaining({ code: 'invalid_event', path: ['task', 'state'] }),
    );
    expect(
      reduceTask(undefined, createFor('z', doubleNotificationLifecycle, '2025-09-03', 'unrouted'), ctx).state,
    ).toBe('unrouted');
  });
});

describe('defineLifecycle', () => {
  it('rejects broken definitions with a typed error and the path', () => {
    const bad = (change: Record<string, unknown>) => {
      try {
        defineLifecycle({ ...riskClueLifecycle, ...change } as never);
      } catch (e) {
        return e as TasksError;
      }
      throw new Error('accepted');
    };
    expect(bad({ initial: 'nowhere' })).toMatchObject({ code: 'invalid_lifecycle', path: ['initial'] });
    expect(
      bad({
        transitions: [
          ...riskClueLifecycle.transitions,
          { action: 'reopen', label: { zh: '重开', en: 'reopen' }, from: ['closed'], to: 'dispatched' },
        ],
      }),
    ).toMatchObject({
      code: 'invalid_lifecycle',
    });
    expect(
      bad({ states: [...riskClueLifecycle.states, { id: 'limbo', label: { zh: '悬置', en: 'limbo' } }] })
        .messages.en,
    ).toMatch(/unreachable|no way out/);
    expect(bad({ deadlines: [{ ...riskClueLifecycle.deadlines[0], metBy: ['nope'] }] }).path).toEqual([
      'deadlines',
      0,
      'metBy',
      0,
    ]);
    expect(
      bad({
        deadlines: [
          { ...riskClueLifecycle.deadlines[0], rule: { ref: 'x', status: 'guessed', checked: '2026-12-02' } },
        ],
      }).code,
    ).toBe('invalid_lifecycle');
  });

  it('derives a provincial variant and diffs it against the base', () => {
    const zj = deriveLifecycle(doubleNotificationLifecycle, {
      id: 'zj_double_notification',
      version: 'zj-2026.1',
      deadlines: {
        claim: {
          workdays: 3,
          rule: { ref: '浙江 variant (test)', status: 'inferred', checked: '2026-12-02' },
        },
      },
      removeTransitions: ['transfer'],
    });
    expect(zj.deadlines[0]?.workdays).toBe(3);
    expect(doubleNotificationLifecycle.deadlines[0]?.workdays).toBe(5);
    const d = diffLifecycles(doubleNotificationLifecycle, zj);
    expect(d.header.map((c) => c.path[0])).toEqual(['id', 'version']);
    expect(d.transitions.removed).toEqual(['transfer']);
    expect(d.deadlines.changed[0]?.changes).toContainEqual({
      path: ['deadlines', 'claim', 'workdays'],
      before: 5,
      after: 3,
    });
    expect(() =>
      deriveLifecycle(doubleNotificationLifecycle, { version: 'x', deadlines: { nope: { workdays: 1 } } }),
    ).toThrow(TasksError);
    expect(zj.deadlines[0]?.restartOn).not.toContain('transfer');
  });

  it('a variant registered later applies to new tasks; open tasks keep the version they were created under', async () => {
    const { openTaskBook } = await import('@jianguan/tasks');
    const zj = deriveLifecycle(doubleNotificationLifecycle, {
      version: 'zj-2026.1',
      deadlines: {
        claim: { workdays: 3, rule: { ref: 'variant (test)', status: 'inferred', checked: '2026-12-02' } },
      },
    });
    const book = await openTaskBook({ lifecycles: [...BUILT_IN_LIFECYCLES, zj] });
    await book.apply({
      taskId: 'new',
      action: 'create',
      at: '2025-09-30',
      actor: { id: 'p' },
      task: { lifecycle: 'double_notification', department: 'wjw' },
    });
    expect(book.task('new')).toMatchObject({
      lifecycle: { version: 'zj-2026.1' },
      deadlines: [{ due: '2025-10-11' }],
    });
    const old = await openTaskBook();
    await old.apply({
      taskId: 'old',
      action: 'create',
      at: '2025-09-30',
      actor: { id: 'p' },
      task: { lifecycle: 'double_notification', department: 'wjw' },
    });
    // Replaying the old log with only the variant registered: its version is unknown, and says so.
    const { replayTasks } = await import('@jianguan/tasks');
    const events = [
      ...old.events(),
      { ...old.events()[0], taskId: 'old', action: 'claim', task: undefined, seq: 2 } as never,
    ];
    expect(() => replayTasks(events, { lifecycles: createLifecycleRegistry([zj]) })).toThrow(
      expect.objectContaining({ code: 'unknown_lifecycle' }),
    );
    // With both versions registered the old task keeps its 5-working-day clock.
    const both = createLifecycleRegistry([doubleNotificationLifecycle, zj]);
    expect(replayTasks(events, { lifecycles: both }).get('old')).toMatchObject({
      state: 'claimed',
      deadlines: [{ due: '2025-10-14', met: '2025-09-30' }],
    });
  });
});
