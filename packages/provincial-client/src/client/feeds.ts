import type { z } from 'zod';
import type { SuperviseData } from '../codec/supervise-data.js';
import { decodeSuperviseData } from '../codec/supervise-data.js';
import { recordSchema } from '../contract/core-adapter.js';
import type { Accepted } from '../contract/wire.js';
import { jointTaskDeliverySchema, pageOf } from '../contract/wire.js';
import { requireNonEmpty } from './options.js';
import type { PageIterator } from './pagination.js';
import { pageIterator } from './pagination.js';
import type { ContractRequest } from './transport.js';
import { singleWrite } from './transport.js';
import type { CallOptions } from './types.js';

/**
 * A pulled joint task with its decoded `superviseData`.
 *
 * @example
 * for await (const t of client.jointTasks()) console.log(t.taskNo, t.superviseData.taskInfo.taskName);
 */
export interface JointTaskItem {
  readonly taskNo: string;
  readonly status: string;
  readonly superviseData: SuperviseData;
  /** The original base64 XML. */
  readonly raw: string;
}

/**
 * Options of a pull.
 *
 * @example
 * client.clues({ cursor: saved, limit: 100 });
 */
export interface PullOptions extends CallOptions {
  /** Start after this cursor (from a previous pull). */
  readonly cursor?: string;
  /** Page size (≤500). */
  readonly limit?: number;
}

/**
 * A cursor-paginated pull of endpoint `id`: each page is validated with `pageOf(itemSchema)`, items are
 * mapped with `map` and deduplicated by `idOf` (at-least-once delivery).
 *
 * @example
 * const clues = pullFeed(request, 'listClues', schema, (c) => c.warningId, (c) => c, {});
 */
export function pullFeed<T, R>(
  request: ContractRequest,
  id: string,
  itemSchema: z.ZodType<T>,
  idOf: (t: T) => string,
  map: (t: T) => R,
  opts: PullOptions & { status?: string },
): PageIterator<R> {
  const { cursor, limit, status, ...callOptions } = opts;
  return pageIterator<R>(
    async (c) => {
      const { data } = await request(
        id,
        { query: { cursor: c, limit, status } },
        pageOf(itemSchema),
        callOptions,
      );
      return { items: (data.items as T[]).map(map), nextCursor: data.nextCursor, hasMore: data.hasMore };
    },
    (r) => idOf(r as unknown as T),
    cursor,
  );
}

/**
 * The work-item feeds of the contract and their answers: risk-warning clues (风险预警线索) and their feedback,
 * joint tasks (联合监管任务) with claim and feedback, complaints (投诉举报工单) and their status.
 *
 * @example
 * const feeds = workItemFeeds(request); for await (const clue of feeds.clues()) handle(clue);
 */
export function workItemFeeds(request: ContractRequest) {
  return {
    clues: (o: PullOptions = {}): PageIterator<Record<string, unknown>> =>
      pullFeed(
        request,
        'listClues',
        recordSchema('riskClueSchema') as z.ZodType<Record<string, unknown>>,
        (c) => String(c.warningId),
        (c) => c,
        o,
      ),
    sendClueFeedback: (
      warningId: string,
      feedback: Readonly<Record<string, unknown>>,
      o?: CallOptions,
    ): Promise<Accepted> => {
      requireNonEmpty(warningId, 'warningId');
      return singleWrite(request, 'clueFeedback', { warningId }, feedback, o);
    },
    jointTasks: (o: PullOptions & { status?: string } = {}): PageIterator<JointTaskItem> =>
      pullFeed(
        request,
        'listJointTasks',
        jointTaskDeliverySchema,
        (t) => t.taskNo,
        (t): JointTaskItem => ({
          taskNo: t.taskNo,
          status: t.status,
          superviseData: decodeSuperviseData(t.superviseData),
          raw: t.superviseData,
        }),
        o,
      ),
    claimJointTask: (
      taskNo: string,
      claim: { claimTime: string; unionUnitName: string; unionUnitNo?: string },
      o?: CallOptions,
    ): Promise<Accepted> => {
      requireNonEmpty(taskNo, 'taskNo');
      return singleWrite(request, 'claimJointTask', { taskNo }, claim, o);
    },
    feedbackJointTask: (
      taskNo: string,
      feedback: {
        feedbackTime: string;
        feedbackSuggestion: string;
        recordIds: readonly string[];
        superviseData?: string;
      },
      o?: CallOptions,
    ): Promise<Accepted> => {
      requireNonEmpty(taskNo, 'taskNo');
      return singleWrite(request, 'jointTaskFeedback', { taskNo }, feedback, o);
    },
    complaints: (o: PullOptions = {}): PageIterator<Record<string, unknown>> =>
      pullFeed(
        request,
        'listComplaints',
        recordSchema('complaintSchema') as z.ZodType<Record<string, unknown>>,
        (c) => String(c.complaintId),
        (c) => c,
        o,
      ),
    updateComplaintStatus: (
      complaintId: string,
      update: { status: string; note?: string; updatedAt: string },
      o?: CallOptions,
    ): Promise<Accepted> => {
      requireNonEmpty(complaintId, 'complaintId');
      return singleWrite(request, 'updateComplaintStatus', { complaintId }, update, o);
    },
  };
}
