import type { TaskState } from '@jianguan/tasks';
import {
  BUILT_IN_LIFECYCLES,
  clueEvents,
  createLifecycleRegistry,
  defineRiskRules,
  evaluateRiskRules,
  eventDate,
  reduceTask,
  replayTasks,
  timeliness,
} from '@jianguan/tasks';
import { afterEach, describe, expect, it } from 'vitest';

const lifecycles = createLifecycleRegistry(BUILT_IN_LIFECYCLES);
const ctx = { lifecycles };
const typed = (path: (string | number)[]) => ({
  code: 'invalid_input',
  path,
  messages: { zh: expect.any(String), en: expect.any(String) },
});
const create = (at: string, extra: Record<string, unknown> = {}) => ({
  taskId: 'SGZ-1',
  action: 'create',
  at,
  actor: { id: 'reg' },
  task: { lifecycle: 'double_notification', department: 'wjw', ...extra },
});

const tz = process.env.TZ;
afterEach(() => {
  if (tz === undefined) delete process.env.TZ;
  else process.env.TZ = tz;
});

describe('event dates are China dates whatever the host time zone', () => {
  it('an instant without its offset is refused rather than read in the host zone', () => {
    for (const zone of ['Asia/Shanghai', 'America/Los_Angeles', 'UTC']) {
      process.env.TZ = zone;
      expect(() => eventDate('2025-09-30T20:00:00')).toThrow(expect.objectContaining(typed(['at'])));
      expect(() => replayTasks([create('2025-09-30T20:00')], ctx)).toThrow(
        expect.objectContaining(typed(['at'])),
      );
      // With its offset the day is the same everywhere: 20:00 in Beijing is still 2025-09-30.
      const task = replayTasks([create('2025-09-30T20:00:00+08:00')], ctx).get('SGZ-1') as TaskState;
      expect(task.created).toBe('2025-09-30');
      expect(task.deadlines[0]?.due).toBe('2025-10-14');
      expect(eventDate('2025-09-30T16:30:00Z')).toBe('2025-10-01');
    }
  });

  it('a provincial time without an offset is Beijing time, also with fractional seconds', () => {
    for (const zone of ['Asia/Shanghai', 'America/Los_Angeles']) {
      process.env.TZ = zone;
      const events = clueEvents([
        { warningId: 'FXYJ1', createdAt: '2025-09-30 20:00:00' },
        { warningId: 'FXYJ2', createdAt: '2025-09-30T20:00:00.000' },
      ]);
      expect(events.map((e) => e.at)).toEqual(['2025-09-30', '2025-09-30']);
    }
  });

  it('an impossible day is a typed error with the field path, not a core error about `date`', () => {
    expect(() => eventDate('2025-02-30T10:00:00+08:00')).toThrow(expect.objectContaining(typed(['at'])));
    expect(() => reduceTask(undefined, create('2025-13-01'), ctx)).toThrow(
      expect.objectContaining(typed(['at'])),
    );
    expect(() => reduceTask(undefined, create('2025-10-01', { dueDates: { claim: 'soon' } }), ctx)).toThrow(
      expect.objectContaining(typed(['event', 'task', 'dueDates', 'claim'])),
    );
  });

  it('timeliness and risk rules name the bad date', () => {
    const task = reduceTask(undefined, create('2025-10-01'), ctx);
    expect(() => timeliness([task], { asOf: '2025-10-30', from: 'last week' })).toThrow(
      expect.objectContaining(typed(['options', 'from'])),
    );
    expect(() => timeliness([task], { asOf: '2025-10-30', to: '2025-10-32' })).toThrow(
      expect.objectContaining(typed(['options', 'to'])),
    );
    const rules = defineRiskRules({
      id: 's',
      version: '1',
      rules: [
        {
          id: 'r',
          label: { zh: '投诉激增', en: 'complaints surge' },
          metric: 'complaints',
          on: 'value',
          grades: [{ grade: 'P1', atLeast: 1 }],
          department: 'scjg',
          rule: { ref: 'test', status: 'inferred', checked: '2026-01-01' },
        },
      ],
    });
    expect(() => evaluateRiskRules(rules, [], { asOf: '2025-02-30' })).toThrow(
      expect.objectContaining(typed(['options', 'asOf'])),
    );
    const observation = { uscc: '91330100799655058B', metric: 'complaints', date: '2025-10-01', value: 3 };
    expect(() =>
      evaluateRiskRules(rules, [observation, { ...observation, date: 'yesterday' }], { asOf: '2025-10-02' }),
    ).toThrow(expect.objectContaining(typed(['observations', 1, 'date'])));
  });

  it('a transfer restarts a computed deadline but keeps the task’s own due date', () => {
    const created = {
      taskId: 'CN1',
      action: 'create',
      at: '2025-11-03',
      actor: { id: 'province' },
      task: { lifecycle: 'commitment_verification', department: 'scjg', dueDates: { verify: '2025-12-01' } },
    };
    const transfer = {
      taskId: 'CN1',
      action: 'transfer',
      at: '2025-11-10',
      actor: { id: 'scjg' },
      reason: { code: '01' },
      to: { department: 'wjw' },
    };
    const task = replayTasks([created, transfer], ctx).get('CN1') as TaskState;
    expect(task.department).toBe('wjw');
    expect(task.deadlines).toEqual([
      { id: 'verify', start: '2025-11-10', due: '2025-12-01', cancelled: false, overridden: true },
    ]);
    const computed = replayTasks(
      [{ ...created, task: { lifecycle: 'commitment_verification', department: 'scjg' } }, transfer],
      ctx,
    ).get('CN1') as TaskState;
    expect(computed.deadlines[0]).toMatchObject({ start: '2025-11-10', overridden: false });
    expect(computed.deadlines[0]?.due).not.toBe('2025-12-01');
  });
});
