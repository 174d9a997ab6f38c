import {
  claimRequestSchema,
  complaintStatusRequestSchema,
  taskFeedbackRequestSchema,
} from '@jianguan/provincial-client/contract';
import type { FaultPlan } from '../faults.js';
import { page } from '../http/paging.js';
import type { UploadStore } from '../state/upload-store.js';
import type { WorkItems } from '../state/work-items.js';
import type { Handlers } from './types.js';
import { once } from './types.js';

/**
 * Handlers of the pushed work items: risk-warning clues and their feedback, joint tasks with claim and
 * feedback, complaints and their status.
 *
 * @example
 * Object.assign(handlers, workItemRoutes(items, store, plan));
 */
export function workItemRoutes(items: WorkItems, store: UploadStore, plan: FaultPlan): Handlers {
  const { clues, complaints, jointTasks, clueFeedback, jointTaskProgress, complaintStatus } = items;
  return {
    listClues: (c) => ({ status: 200, code: '00', data: page(clues, c, plan) }),
    listComplaints: (c) => ({ status: 200, code: '00', data: page(complaints, c, plan) }),
    listJointTasks: (c) => {
      const status = c.req.query('status');
      const list = jointTasks
        .map((t) => ({ ...t, status: jointTaskProgress.get(t.taskNo)?.status ?? t.status }))
        .filter((t) => !status || t.status === status);
      return { status: 200, code: '00', data: page(list, c, plan) };
    },
    clueFeedback: (c, body) => {
      const id = c.req.param('warningId') ?? '';
      if (!clues.some((x) => x.warningId === id)) return { status: 200, code: '21' };
      return once(clueFeedback, id, body);
    },
    claimJointTask: (c, body) => {
      const t = jointTaskProgress.get(c.req.param('taskNo') ?? '');
      if (!t) return { status: 200, code: '21' };
      if (!claimRequestSchema.safeParse(body).success) return { status: 400, code: '20' };
      if (t.status !== '分发') return { status: 200, code: '22' };
      t.status = '认领';
      t.claim = body;
      return { status: 200, code: '00', data: { id: c.req.param('taskNo'), status: 'stored' } };
    },
    jointTaskFeedback: (c, body) => {
      const t = jointTaskProgress.get(c.req.param('taskNo') ?? '');
      if (!t) return { status: 200, code: '21' };
      const parsed = taskFeedbackRequestSchema.safeParse(body);
      if (!parsed.success) return { status: 400, code: '20' };
      if (t.status !== '认领') return { status: 200, code: '22' };
      if (parsed.data.recordIds.some((id) => !store.rows.has(`behaviours/${id}`)))
        return { status: 200, code: '22' };
      t.status = '反馈';
      t.feedback = body;
      return { status: 200, code: '00', data: { id: c.req.param('taskNo'), status: 'stored' } };
    },
    updateComplaintStatus: (c, body) => {
      const id = c.req.param('complaintId') ?? '';
      if (!complaints.some((x) => x.complaintId === id)) return { status: 200, code: '21' };
      if (!complaintStatusRequestSchema.safeParse(body).success) return { status: 400, code: '20' };
      complaintStatus.set(id, body);
      return { status: 200, code: '00', data: { id, status: 'stored' } };
    },
  };
}
