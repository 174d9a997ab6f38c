import { fc, test } from '@fast-check/vitest';
import { canonicalJson } from '@jianguan/core';
import type { TaskEvent, TaskState } from '@jianguan/tasks';
import {
  BUILT_IN_LIFECYCLES,
  createLifecycleRegistry,
  isTasksError,
  parseEventInput,
  reduceTask,
  replayTasks,
  sealEvent,
  verifyLog,
} from '@jianguan/tasks';
import { describe, expect } from 'vitest';
import { createFor, eventFor } from './helpers.ts';

const lifecycles = createLifecycleRegistry(BUILT_IN_LIFECYCLES);
const ctx = { lifecycles };
const allActions = [...new Set(BUILT_IN_LIFECYCLES.flatMap((l) => l.transitions.map((t) => t.action)))];

const step = fc.record({
  action: fc.constantFrom(...allActions),
  dayGap: fc.integer({ min: 0, max: 9 }),
  withReason: fc.boolean(),
  withNote: fc.boolean(),
  withDepartment: fc.boolean(),
});

describe('random event sequences', () => {
  test.prop([fc.constantFrom(...BUILT_IN_LIFECYCLES), fc.array(step, { maxLength: 25 })], { numRuns: 60 })(
    'never reach an undefined state; rejected events change nothing; the accepted log replays to the same task',
    (lifecycle, steps) => {
      const states = new Set(lifecycle.states.map((s) => s.id));
      const accepted: TaskEvent[] = [
        sealEvent(undefined, parseEventInput(createFor('p', lifecycle, '2025-09-01'))),
      ];
      let task: TaskState = reduceTask(undefined, accepted[0] as TaskEvent, ctx);
      let day = new Date('2025-09-01T00:00:00Z');
      for (const s of steps) {
        day = new Date(day.getTime() + s.dayGap * 86_400_000);
        const spec = lifecycle.transitions.find((t) => t.action === s.action) ?? {
          action: s.action,
          requiresNote: false,
          reassigns: 'none' as const,
        };
        const base = eventFor('p', spec as never, day.toISOString().slice(0, 10));
        const input = {
          ...base,
          ...(s.withReason ? {} : { reason: undefined }),
          ...(s.withNote || !('requiresNote' in spec && spec.requiresNote) ? {} : { note: undefined }),
          ...(s.withDepartment ? {} : { to: undefined }),
        };
        const before = canonicalJson(task);
        try {
          const sealed = sealEvent(accepted[accepted.length - 1], parseEventInput(input));
          task = reduceTask(task, sealed, ctx);
          accepted.push(sealed);
        } catch (error) {
          expect(isTasksError(error)).toBe(true);
          expect(canonicalJson(task)).toBe(before);
        }
        expect(states.has(task.state)).toBe(true);
        expect(task.done).toBe(lifecycle.states.find((x) => x.id === task.state)?.terminal === true);
        for (const d of task.deadlines) expect(d.due >= d.start).toBe(true);
      }
      expect(verifyLog(accepted).ok).toBe(true);
      expect(canonicalJson(replayTasks(accepted, ctx).get('p'))).toBe(canonicalJson(task));
    },
  );
});
