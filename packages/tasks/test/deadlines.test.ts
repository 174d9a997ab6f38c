import { createCalendar, organisationClosures, workdayLateness } from '@jianguan/core';
import type { ClueFact, DoubleNotificationFact } from '@jianguan/kpi';
import { baselineIndicatorSet, scoreIndicators } from '@jianguan/kpi';
import type { TaskEventInput } from '@jianguan/tasks';
import { applyFixFacts, openTaskBook, summarizeDue, TasksError } from '@jianguan/tasks';
import { describe, expect, it } from 'vitest';

const create = (
  taskId: string,
  lifecycle: string,
  at: string,
  department = 'scjg',
  extra: Record<string, unknown> = {},
): TaskEventInput => ({
  taskId,
  action: 'create',
  at,
  actor: { id: 'province' },
  task: { lifecycle, department, ...extra },
});
const act = (
  taskId: string,
  action: string,
  at: string,
  extra: Partial<TaskEventInput> = {},
): TaskEventInput => ({
  taskId,
  action,
  at,
  actor: { id: 'li' },
  ...extra,
});

describe('deadlines across the 2025 National Day holiday', () => {
  it('a 双告知 item pushed on 2025-09-30 must be claimed by 2025-10-14 (Oct 1–8 off, Sat Oct 11 worked)', async () => {
    const book = await openTaskBook();
    await book.apply(create('SGZ-1', 'double_notification', '2025-09-30', 'wjw'));
    const d = book.task('SGZ-1')?.deadlines[0];
    expect(d).toMatchObject({ id: 'claim', start: '2025-09-30', due: '2025-10-14' });
    // Agrees with core's own lateness check.
    expect(workdayLateness('2025-09-30', '2025-10-14', 5).deadline).toBe('2025-10-14');

    expect(book.due({ asOf: '2025-10-08' })[0]).toMatchObject({ status: 'open', workdaysLeft: 5 });
    expect(book.due({ asOf: '2025-10-13' })[0]).toMatchObject({ status: 'at_risk', workdaysLeft: 1 });
    expect(book.due({ asOf: '2025-10-14' })[0]).toMatchObject({ status: 'due_today', workdaysLeft: 0 });
    expect(book.due({ asOf: '2025-10-15' })[0]).toMatchObject({ status: 'overdue', workdaysLeft: -1 });
    // An instant late on 30 Sept UTC is 1 October in China: the clock starts on the holiday.
    await book.apply(create('SGZ-2', 'double_notification', '2025-09-30T17:00:00Z', 'wjw'));
    expect(book.task('SGZ-2')?.deadlines[0]).toMatchObject({ start: '2025-10-01', due: '2025-10-14' });
  });

  it('a quality fix rejected on 2025-09-28 (an adjusted working Sunday) is due 2025-10-11 (an adjusted working Saturday)', async () => {
    const book = await openTaskBook();
    await book.apply(create('fix:1', 'quality_fix', '2025-09-28', 'scjg', { data: { recordId: 'JC-1' } }));
    expect(book.task('fix:1')?.deadlines[0]?.due).toBe('2025-10-11');
    await book.apply(act('fix:1', 'resubmit', '2025-10-12'));
    expect(book.timeliness({ asOf: '2025-12-31' })[0]).toMatchObject({
      counted: true,
      onTime: false,
      met: '2025-10-12',
    });
    expect(
      applyFixFacts(
        [
          { recordId: 'JC-1', x: 1 },
          { recordId: 'JC-2', x: 2 },
        ],
        book.kpiFacts().fixes,
      ),
    ).toEqual([
      { recordId: 'JC-1', x: 1, rejectedDate: '2025-09-28', fixedDate: '2025-10-12' },
      { recordId: 'JC-2', x: 2 },
    ]);
  });

  it('uses the calendar given (an organisation closure moves the deadline)', async () => {
    const calendar = createCalendar({
      overlays: [
        organisationClosures({ id: 'x', name: 'closure', nameZh: '停止办公', dates: ['2025-10-13'] }),
      ],
    });
    const book = await openTaskBook({ calendar });
    await book.apply(create('SGZ-1', 'double_notification', '2025-09-30', 'wjw'));
    expect(book.task('SGZ-1')?.deadlines[0]?.due).toBe('2025-10-15');
  });

  it('a task’s own due date overrides the lifecycle’s; an unknown deadline id is rejected', async () => {
    const book = await openTaskBook();
    await book.apply(
      create('LH-1', 'joint_task', '2025-09-01', 'scjg', { dueDates: { feedback: '2025-09-12' } }),
    );
    expect(book.task('LH-1')?.deadlines[0]).toMatchObject({ due: '2025-09-12', overridden: true });
    await expect(
      book.apply(create('LH-2', 'joint_task', '2025-09-01', 'scjg', { dueDates: { nope: '2025-09-12' } })),
    ).rejects.toMatchObject({
      code: 'invalid_event',
      path: ['task', 'dueDates', 'nope'],
    });
    await expect(
      book.apply({ ...create('LH-3', 'joint_task', '2025-13-01'), at: '2025-13-01' }),
    ).rejects.toBeInstanceOf(TasksError);
  });

  it('lists due items per department and officer, most urgent first, and leaves out met and cancelled ones', async () => {
    const book = await openTaskBook();
    await book.applyAll([
      create('C1', 'risk_clue', '2025-11-03', 'scjg'),
      create('C2', 'risk_clue', '2025-11-10', 'scjg'),
      create('C3', 'risk_clue', '2025-11-03', 'hbj'),
      create('C4', 'risk_clue', '2025-11-03', 'hbj'),
      act('C1', 'claim', '2025-11-04', { to: { officer: 'wang' } }),
      act('C4', 'return', '2025-11-04', { reason: { code: '01' } }),
    ]);
    const all = book.due({ asOf: '2025-11-17' });
    expect(all.map((i) => i.taskId)).toEqual(['C1', 'C3', 'C2']);
    expect(all.map((i) => i.status)).toEqual(['due_today', 'due_today', 'open']);
    expect(book.due({ asOf: '2025-11-17', officer: 'wang' }).map((i) => i.taskId)).toEqual(['C1']);
    expect(
      book.due({ asOf: '2025-11-18', department: 'hbj', statuses: ['overdue'] }).map((i) => i.taskId),
    ).toEqual(['C3']);
    const { byDepartment, byOfficer } = summarizeDue(book.due({ asOf: '2025-11-18' }));
    expect(byDepartment.get('scjg')).toEqual({ overdue: 1, due_today: 0, at_risk: 0, open: 1 });
    expect(byOfficer.get('wang')?.overdue).toBe(1);
    expect(() => book.due({ asOf: '18/11/2025' })).toThrow(
      expect.objectContaining({ code: 'invalid_input', path: ['asOf'] }),
    );
  });
});

describe('KPI facts', () => {
  it('the scorecard and the task list count the same items on time and late', async () => {
    const book = await openTaskBook();
    const events: TaskEventInput[] = [];
    // 40 clues and 40 双告知 items in 2025-Q4 for two departments, handled with varying delays.
    const days = [
      '2025-09-30',
      '2025-10-09',
      '2025-10-20',
      '2025-11-03',
      '2025-11-28',
      '2025-12-15',
      '2025-12-24',
      '2025-12-30',
    ];
    const later = (d: string, n: number) => {
      const t = new Date(`${d}T00:00:00Z`);
      t.setUTCDate(t.getUTCDate() + n);
      return t.toISOString().slice(0, 10);
    };
    for (let i = 0; i < 40; i++) {
      const dept = i % 2 === 0 ? 'scjg' : 'hbj';
      const day = days[i % days.length] as string;
      events.push(create(`C${i}`, 'risk_clue', day, dept), create(`N${i}`, 'double_notification', day, dept));
      if (i % 5 !== 4) {
        const c = later(day, 1 + (i % 4) * 6);
        events.push(
          act(`C${i}`, 'claim', c),
          act(`C${i}`, 'start_verification', c),
          act(`C${i}`, 'feedback', later(c, 2), { note: '已核查' }),
        );
      }
      if (i % 7 === 3) events.push(act(`N${i}`, 'return', later(day, 1), { reason: { code: '01' } }));
      else if (i % 3 !== 2) events.push(act(`N${i}`, 'claim', later(day, (i % 4) * 4)));
    }
    await book.applyAll(events);
    const facts = book.kpiFacts();
    // The shapes are the ones @jianguan/kpi scores.
    const clues: readonly ClueFact[] = facts.clues;
    const notices: readonly DoubleNotificationFact[] = facts.doubleNotifications;
    expect(notices.length).toBe(40 - 6); // six returned items are cancelled, not counted
    for (const dept of ['scjg', 'hbj']) {
      const asOf = '2025-12-31';
      const card = scoreIndicators(
        baselineIndicatorSet,
        { clues, doubleNotifications: notices },
        { period: '2025-Q4', unit: dept, asOf },
      );
      const window = (id: string) => card.indicators.find((i) => i.id === id)?.windows[0];
      for (const [indicator, kind] of [
        ['clue-feedback-timeliness', 'risk_clue'],
        ['double-notification-claim-timeliness', 'double_notification'],
      ] as const) {
        const rows = book
          .timeliness({ asOf, kind, department: dept, from: '2025-10-01', to: asOf })
          .filter((r) => r.counted);
        const w = window(indicator);
        expect(rows.length).toBeGreaterThan(0);
        expect(w?.denominator).toBe(rows.length);
        expect(w?.numerator).toBe(rows.filter((r) => r.onTime).length);
      }
      const rate = window('double-notification-claim-rate');
      const open = book.timeliness({
        asOf,
        kind: 'double_notification',
        department: dept,
        from: '2025-10-01',
        to: asOf,
      });
      expect(rate?.denominator).toBe(open.length);
      expect(rate?.numerator).toBe(open.filter((r) => r.met !== undefined).length);
    }
  });
});
