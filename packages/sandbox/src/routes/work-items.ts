import {
  claimRequestSchema,
  commitmentVerificationSchema,
  complaintStatusRequestSchema,
  doubleNotificationClaimSchema,
  doubleNotificationFeedbackSchema,
  taskFeedbackRequestSchema,
} from '@jianguan/provincial-client/contract';
import type { FaultPlan } from '../faults.js';
import { page } from '../http/paging.js';
import type { UploadStore } from '../state/upload-store.js';
import type { WorkFeed, WorkItems } from '../state/work-items.js';
import type { Handlers } from './types.js';
import { once } from './types.js';

/**
 * Handlers of the pushed work items: risk-warning clues and their feedback, joint tasks with claim and
 * feedback, complaints and their status, 双告知 items with claim and feedback, commitments and their
 * verification. Lists show the items that have arrived so far, in arrival order (so an offset cursor is
 * stable); answers to items that have not arrived are `21` (not found).
 *
 * @example
 * Object.assign(handlers, workItemRoutes(items, store, plan));
 */
export function workItemRoutes(items: WorkItems, store: UploadStore, plan: FaultPlan): Handlers {
  const { clueFeedback, jointTaskProgress, complaintStatus } = items;
  const visible = <T>(feed: WorkFeed, list: readonly T[]) => list.slice(0, items.released(feed));
  const notFound = { status: 200, code: '21' } as const;
  const invalid = (issues?: readonly unknown[]) =>
    ({ status: 400, code: '20', ...(issues ? { data: { issues: issues.slice(0, 20) } } : {}) }) as const;
  return {
    listClues: (c) => ({ status: 200, code: '00', data: page(visible('clues', items.clues), c, plan) }),
    listComplaints: (c) => ({
      status: 200,
      code: '00',
      data: page(visible('complaints', items.complaints), c, plan),
    }),
    listJointTasks: (c) => {
      const status = c.req.query('status');
      const list = visible('jointTasks', items.jointTasks)
        .map((t) => ({ ...t, status: jointTaskProgress.get(t.taskNo)?.status ?? t.status }))
        .filter((t) => !status || t.status === status);
      return { status: 200, code: '00', data: page(list, c, plan) };
    },
    clueFeedback: (c, body) => {
      const id = c.req.param('warningId') ?? '';
      if (!items.isReleased('clues', id)) return notFound;
      return once(clueFeedback, id, body);
    },
    claimJointTask: (c, body) => {
      const taskNo = c.req.param('taskNo') ?? '';
      const t = jointTaskProgress.get(taskNo);
      if (!t || !items.isReleased('jointTasks', taskNo)) return notFound;
      if (!claimRequestSchema.safeParse(body).success) return invalid();
      if (t.status !== '分发') return { status: 200, code: '22' };
      t.status = '认领';
      t.claim = body;
      return { status: 200, code: '00', data: { id: taskNo, status: 'stored' } };
    },
    jointTaskFeedback: (c, body) => {
      const taskNo = c.req.param('taskNo') ?? '';
      const t = jointTaskProgress.get(taskNo);
      if (!t || !items.isReleased('jointTasks', taskNo)) return notFound;
      const parsed = taskFeedbackRequestSchema.safeParse(body);
      if (!parsed.success) return invalid();
      if (t.status !== '认领') return { status: 200, code: '22' };
      if (parsed.data.recordIds.some((id) => !store.rows.has(`behaviours/${id}`)))
        return { status: 200, code: '22' };
      t.status = '反馈';
      t.feedback = body;
      return { status: 200, code: '00', data: { id: taskNo, status: 'stored' } };
    },
    updateComplaintStatus: (c, body) => {
      const id = c.req.param('complaintId') ?? '';
      if (!items.isReleased('complaints', id)) return notFound;
      if (!complaintStatusRequestSchema.safeParse(body).success) return invalid();
      complaintStatus.set(id, body);
      return { status: 200, code: '00', data: { id, status: 'stored' } };
    },
    listDoubleNotifications: (c) => {
      const list = visible('doubleNotifications', items.doubleNotifications).map((d) => {
        const p = items.doubleNotificationProgress.get(String(d.itemId));
        return { ...d, status: p?.feedback ? '已反馈' : p?.claim ? '已认领' : '待认领' };
      });
      return { status: 200, code: '00', data: page(list, c, plan) };
    },
    claimDoubleNotification: (c, body) => {
      const id = c.req.param('itemId') ?? '';
      if (!items.isReleased('doubleNotifications', id)) return notFound;
      const parsed = doubleNotificationClaimSchema.safeParse(body);
      if (!parsed.success) return invalid(parsed.error.issues);
      const p = items.doubleNotificationProgress.get(id) ?? {};
      // A second, different claim is refused: an item is claimed once (an equal retry is answered from the
      // Idempotency-Key cache before it gets here).
      if (p.claim !== undefined) return { status: 200, code: '22' };
      items.doubleNotificationProgress.set(id, { ...p, claim: parsed.data });
      return { status: 200, code: '00', data: { id, status: 'stored' } };
    },
    doubleNotificationFeedback: (c, body) => {
      const id = c.req.param('itemId') ?? '';
      if (!items.isReleased('doubleNotifications', id)) return notFound;
      const parsed = doubleNotificationFeedbackSchema.safeParse(body);
      if (!parsed.success) return invalid(parsed.error.issues);
      const p = items.doubleNotificationProgress.get(id);
      if (p?.claim === undefined) return { status: 200, code: '22' };
      if (p.feedback !== undefined) return { status: 200, code: '00', data: { id, status: 'duplicate' } };
      p.feedback = parsed.data;
      return { status: 200, code: '00', data: { id, status: 'stored' } };
    },
    listCommitments: (c) => ({
      status: 200,
      code: '00',
      data: page(visible('commitments', items.commitments), c, plan),
    }),
    commitmentVerification: (c, body) => {
      const id = c.req.param('commitmentId') ?? '';
      if (!items.isReleased('commitments', id)) return notFound;
      const parsed = commitmentVerificationSchema.safeParse(body);
      if (!parsed.success) return invalid(parsed.error.issues);
      return once(items.commitmentVerifications, id, parsed.data);
    },
  };
}
