import { createHmacSha256Signer, createProvincialClient } from '@jianguan/provincial-client';
import type { Sandbox } from '@jianguan/sandbox';
import { SANDBOX_CREDENTIALS, startSandbox, syntheticInspectionRecords } from '@jianguan/sandbox';
import {
  clueEvents,
  complaintTaskId,
  doubleNotificationEvents,
  feedbackToProvince,
  jointTaskId,
  openTaskBook,
  syncFromProvince,
} from '@jianguan/tasks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let sandbox: Sandbox;
const counts = { clues: 23, complaints: 9, jointTasks: 4, doubleNotifications: 6, commitments: 3 };

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'tasks-sync', counts, baseDate: '2025-11-01' });
});
afterAll(() => sandbox.stop());

const client = () =>
  createProvincialClient({
    baseUrl: sandbox.url,
    source: '330100-SCJG',
    signer: createHmacSha256Signer(SANDBOX_CREDENTIALS),
    retry: { limit: 3, baseDelayMs: 2, maxDelayMs: 10 },
  });

describe('sync from the sandbox over HTTP', () => {
  it('creates one task per pushed item, and a second sync creates none', async () => {
    const book = await openTaskBook();
    const c = client();
    const first = await syncFromProvince(book, c, { department: 'scjg' });
    expect(first.created).toEqual({
      clues: 23,
      jointTasks: 4,
      complaints: 9,
      doubleNotifications: 6,
      commitments: 3,
    });
    const second = await syncFromProvince(book, c, { department: 'scjg' });
    expect(second.created).toEqual({
      clues: 0,
      jointTasks: 0,
      complaints: 0,
      doubleNotifications: 0,
      commitments: 0,
    });
    expect(second.seen).toBe(45);
    const tasks = book.tasks();
    expect(tasks).toHaveLength(45);
    expect(new Set(tasks.map((t) => t.source?.ref)).size).toBe(45);
    const joint = book.task(jointTaskId('lhjg000001'));
    expect(joint?.lifecycle.id).toBe('joint_task');
    expect(joint?.entity?.name).toBeTruthy();
    expect(joint?.created).toMatch(/^2025-|^2024-/);
    // Incremental: with the cursors of the first sync, nothing new is even seen.
    const third = await syncFromProvince(book, c, { department: 'scjg', cursors: first.cursors });
    expect(third.seen).toBe(0);
    expect(book.size).toBe(45);
  });

  it('sends clue feedback, joint-task claim and feedback, and complaint status to the sandbox once', async () => {
    const book = await openTaskBook();
    const c = client();
    await syncFromProvince(book, c, { department: 'scjg' });
    const [record] = syntheticInspectionRecords('tasks-sync', 1, { prefix: 'TSK' });
    expect((await c.uploadBehaviours([record as Record<string, unknown>])).stored).toBe(1);
    const officer = { id: 'li', department: 'scjg' };
    const clue = book.tasks().find((t) => t.lifecycle.id === 'risk_clue')!;
    const day = '2025-11-03';
    for (const action of ['claim', 'start_verification'])
      await book.apply({ taskId: clue.id, action, at: day, actor: officer });
    await book.apply({
      taskId: clue.id,
      action: 'feedback',
      at: day,
      actor: officer,
      note: '已核查，未发现问题',
    });
    const joint = jointTaskId('lhjg000002');
    await book.apply({ taskId: joint, action: 'claim', at: day, actor: officer });
    await book.apply({ taskId: joint, action: 'start_inspection', at: day, actor: officer });
    await book.apply({ taskId: joint, action: 'feedback', at: day, actor: officer, note: '已联合检查' });
    const complaint = complaintTaskId('TS00000003');
    await book.apply({ taskId: complaint, action: 'claim', at: day, actor: officer });

    const sent = new Set<string>();
    const options = { sent, unitName: '某县市场监督管理局', recordIds: () => ['TSK-0'] };
    const r = await feedbackToProvince(book, c, options);
    expect(r.failed).toEqual([]);
    expect([...r.sent].sort()).toEqual(
      [
        `clue-feedback:${clue.source?.ref}`,
        'complaint-status:TS00000003:1',
        'joint-claim:lhjg000002',
        'joint-feedback:lhjg000002',
      ].sort(),
    );
    expect(sandbox.state.clueFeedback.get(clue.source?.ref as string)).toMatchObject({
      verifyResult: '已核查，未发现问题',
      feedbackTime: '2025-11-03 00:00:00',
    });
    expect(sandbox.state.jointTasks.get('lhjg000002')?.status).toBe('反馈');
    expect(sandbox.state.complaintStatus.get('TS00000003')).toMatchObject({ status: '1' });

    // Nothing is sent twice; a new state is.
    expect((await feedbackToProvince(book, c, options)).sent).toEqual([]);
    await book.apply({ taskId: complaint, action: 'start_handling', at: '2025-11-04', actor: officer });
    await book.apply({
      taskId: complaint,
      action: 'reply',
      at: '2025-11-05',
      actor: officer,
      note: '已答复',
    });
    expect((await feedbackToProvince(book, c, options)).sent).toEqual(['complaint-status:TS00000003:4']);
    expect(sandbox.state.complaintStatus.get('TS00000003')).toMatchObject({ status: '4', note: '已答复' });
  });
});

describe('intake functions', () => {
  it('the same record twice in one pull gives one event; records without an id or date are skipped', () => {
    const rec = { warningId: 'FXYJ1', createdAt: '2025-09-30T17:00:00Z', title: 't' };
    const events = clueEvents([rec, rec, { title: 'no id' }, { warningId: 'FXYJ2', createdAt: 'soon' }]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ taskId: 'clue:FXYJ1', at: '2025-10-01' });
  });

  it('a 双告知 item without a department starts 待分配', async () => {
    const book = await openTaskBook();
    await book.applyAll(
      doubleNotificationEvents([
        { itemId: 'A', pushedAt: '2025-09-30', department: 'wjw', uscc: '91330100799655058B' },
        { itemId: 'B', pushedAt: '2025-09-30' },
      ]),
    );
    expect(book.task('sgz:A')).toMatchObject({ state: 'dispatched', department: 'wjw' });
    expect(book.task('sgz:A')?.deadlines[0]?.due).toBe('2025-10-14');
    expect(book.task('sgz:B')?.state).toBe('unrouted');
  });
});
