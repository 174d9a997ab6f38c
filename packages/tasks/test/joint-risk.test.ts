import {
  crossDepartmentLibrary,
  defineRiskRules,
  evaluateRiskRules,
  fixTasksFromRejections,
  jointTaskEvent,
  openTaskBook,
  proposeJointTasks,
  signalsToClueTasks,
  TasksError,
} from '@jianguan/tasks';
import { describe, expect, it } from 'vitest';

const A = '91330100799655058B';
const B = '91110000710925462X';

describe('outbox rejections → fix tasks', () => {
  const rejected = [
    {
      key: 'jg1-a',
      recordId: 'JC-1',
      batchNo: '2025093000001',
      status: 'rejected',
      issues: [{ rule: 'date' }],
    },
    { key: 'jg1-b', recordId: 'JC-2', batchNo: '2025093000001', status: 'rejected' },
    { key: 'jg1-c', recordId: 'JC-3', batchNo: '2025093000001', status: 'stored' },
  ];

  it('creates one quality-fix task per rejected entry, idempotently, due in 5 working days', async () => {
    const book = await openTaskBook();
    const events = fixTasksFromRejections(rejected, {
      rejectedOn: '2025-09-30',
      department: 'scjg',
      actor: { id: 'outbox' },
    });
    expect(events.map((e) => e.taskId)).toEqual(['fix:jg1-a', 'fix:jg1-b']);
    await book.applyAll(events);
    expect(book.task('fix:jg1-a')).toMatchObject({
      kind: 'quality_fix',
      data: { recordId: 'JC-1', issues: [{ rule: 'date' }] },
    });
    expect(book.task('fix:jg1-a')?.deadlines[0]?.due).toBe('2025-10-14');
    const again = fixTasksFromRejections(rejected, {
      rejectedOn: '2025-10-09',
      department: 'scjg',
      actor: { id: 'outbox' },
      existing: new Set(book.tasks().map((t) => t.id)),
    });
    expect(again).toEqual([]);
    expect(book.due({ asOf: '2025-10-15', statuses: ['overdue'] }).map((d) => d.taskId)).toEqual([
      'fix:jg1-a',
      'fix:jg1-b',
    ]);
  });
});

describe('joint supervision', () => {
  it('groups open work by USCC across departments and proposes one joint task per entity', async () => {
    const proposals = proposeJointTasks([
      { id: 'FXYJ-1', kind: 'risk_clue', department: 'scjg', uscc: A, due: '2025-10-20' },
      {
        id: 'CC-7',
        kind: 'inspection',
        department: 'hbj',
        uscc: ' 9133 0100 7996 5505 8b ',
        due: '2025-10-15',
      },
      { id: 'FXYJ-2', kind: 'risk_clue', department: 'scjg', uscc: A },
      { id: 'FXYJ-3', kind: 'risk_clue', department: 'scjg', uscc: B },
      { id: 'X', kind: 'risk_clue', department: 'jtj', uscc: 42 as never },
    ]);
    expect(proposals).toEqual([
      {
        uscc: A,
        departments: ['hbj', 'scjg'],
        lead: 'scjg',
        items: ['CC-7', 'FXYJ-1', 'FXYJ-2'],
        due: '2025-10-15',
      },
    ]);
    const book = await openTaskBook();
    await book.apply(
      jointTaskEvent(proposals[0] as never, { taskId: 'LHJG-1', at: '2025-10-09', actor: { id: 'spb' } }),
    );
    expect(book.task('LHJG-1')).toMatchObject({
      kind: 'joint_task',
      department: 'scjg',
      data: { participants: ['hbj', 'scjg'] },
    });
    expect(book.task('LHJG-1')?.deadlines[0]).toMatchObject({ due: '2025-10-15', overridden: true });
  });

  it('keeps the cross-department entity library (≥ 2 departments) and reports what entered and left it', () => {
    const first = crossDepartmentLibrary([
      { uscc: A, department: 'scjg', name: '甲公司' },
      { uscc: A, department: 'hbj' },
      { uscc: B, department: 'scjg' },
    ]);
    expect(first.library).toEqual([{ uscc: A, name: '甲公司', departments: ['hbj', 'scjg'] }]);
    expect(first.added).toEqual([A]);
    const second = crossDepartmentLibrary(
      [
        { uscc: A, department: 'scjg' },
        { uscc: B, department: 'scjg' },
        { uscc: B, department: 'jtj' },
      ],
      { previous: first.library },
    );
    expect(second.added).toEqual([B]);
    expect(second.removed).toEqual([A]);
  });
});

describe('risk-warning rules', () => {
  const rules = defineRiskRules({
    id: 'county',
    version: '2026.1',
    rules: [
      {
        id: 'complaint-surge',
        label: { zh: '投诉激增', en: 'complaint surge' },
        metric: 'complaints',
        on: 'change',
        windowDays: 30,
        grades: [
          { grade: 'P1', atLeast: 10 },
          { grade: 'P3', atLeast: 3 },
        ],
        department: 'scjg',
        rule: { ref: 'test rule', status: 'inferred', checked: '2026-12-02' },
      },
      {
        id: 'overdue-tax',
        label: { zh: '欠税金额', en: 'tax arrears' },
        metric: 'arrears',
        on: 'value',
        grades: [
          { grade: 'P0', atLeast: 1_000_000 },
          { grade: 'P2', atLeast: 100_000 },
        ],
        department: 'sw',
        rule: { ref: 'test rule', status: 'inferred', checked: '2026-12-02' },
      },
    ],
  });

  it('grades thresholds on a value and on its change over a window, with the evidence', () => {
    const signals = evaluateRiskRules(
      rules,
      [
        { uscc: A, metric: 'complaints', date: '2025-08-20', value: 1 },
        { uscc: A, metric: 'complaints', date: '2025-09-30', value: 12 },
        { uscc: B, metric: 'complaints', date: '2025-08-01', value: 5 },
        { uscc: B, metric: 'complaints', date: '2025-09-29', value: 9 },
        { uscc: B, metric: 'arrears', date: '2025-09-01', value: 2_000_000 },
        { uscc: A, metric: 'arrears', date: '2025-09-01', value: 50_000 },
        { uscc: A, metric: 'arrears', date: '2025-10-01', value: 5_000_000 },
      ],
      { asOf: '2025-09-30' },
    );
    expect(signals.map((s) => [s.ruleId, s.uscc, s.grade])).toEqual([
      ['overdue-tax', B, 'P0'],
      ['complaint-surge', A, 'P1'],
      ['complaint-surge', B, 'P3'],
    ]);
    expect(signals[1]?.evidence).toEqual({
      metric: 'complaints',
      measure: 11,
      threshold: 10,
      latest: { date: '2025-09-30', value: 12 },
      base: { date: '2025-08-20', value: 1 },
    });
  });

  it('turns signals into clue tasks once', async () => {
    const signals = evaluateRiskRules(
      rules,
      [{ uscc: B, metric: 'arrears', date: '2025-09-01', value: 2_000_000 }],
      { asOf: '2025-09-30' },
    );
    const book = await openTaskBook();
    await book.applyAll(signalsToClueTasks(signals, { at: '2025-09-30', actor: { id: 'fxyj' } }));
    const t = book.task(signals[0]?.id as string);
    expect(t).toMatchObject({
      kind: 'risk_clue',
      department: 'sw',
      data: { grade: 'P0' },
      entity: { uscc: B },
    });
    expect(
      signalsToClueTasks(signals, {
        at: '2025-10-09',
        actor: { id: 'fxyj' },
        existing: new Set(book.tasks().map((x) => x.id)),
      }),
    ).toEqual([]);
  });

  it('rejects a bad rule set with a typed error', () => {
    const bad = () =>
      defineRiskRules({
        id: 'x',
        version: '1',
        rules: [
          {
            id: 'r',
            label: { zh: '规则', en: 'rule' },
            metric: 'm',
            on: 'change',
            grades: [
              { grade: 'P0', atLeast: 1 },
              { grade: 'P1', atLeast: 5 },
            ],
            department: 'd',
            rule: { ref: 'x', status: 'inferred', checked: '2026-12-02' },
          },
        ],
      });
    expect(bad).toThrow(TasksError);
    expect(bad).toThrow(
      expect.objectContaining({ code: 'invalid_risk_rules', path: ['rules', 0, 'windowDays'] }),
    );
  });
});
