import { z } from 'zod';
import type { SuperviseData } from '../codec/supervise-data.js';
import { decodeSuperviseData } from '../codec/supervise-data.js';
import { recordSchema } from '../contract/core-adapter.js';
import type { Accepted } from '../contract/wire.js';
import { jointTaskDeliverySchema, pageOf } from '../contract/wire.js';
import type {
  CommitmentDelivery,
  CommitmentVerification,
  DoubleNotification,
} from '../contract/work-items.js';
import {
  commitmentDeliverySchema,
  commitmentVerificationSchema,
  doubleNotificationSchema,
} from '../contract/work-items.js';
import { ClientOptionsError, InvalidItemError } from '../errors/errors.js';
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
  /**
   * What to do with an item that does not match the contract: throw {@link InvalidItemError} (default), or
   * skip it, collect the error in the iterator's `invalid` list and move the cursor past it.
   */
  readonly onInvalid?: 'throw' | 'skip';
}

/**
 * A cursor-paginated pull of endpoint `id`. The page's shape is validated first (a malformed page throws
 * `ResponseValidationError` and the cursor stays where it was); then each item is validated with `itemSchema`
 * and mapped with `map`: an item that fails either throws {@link InvalidItemError} (`onInvalid: 'throw'`,
 * the default) or is collected in the iterator's `invalid` list (`'skip'`) while the cursor moves on, so one
 * bad item never blocks the feed. Items are deduplicated by `idOf` (at-least-once delivery).
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
  const { cursor, limit, status, onInvalid = 'throw', ...callOptions } = opts;
  const ids = new WeakMap<object, string>();
  return pageIterator<R>(
    async (c) => {
      const { data, meta } = await request(
        id,
        { query: { cursor: c, limit, status } },
        pageOf(z.unknown()),
        callOptions,
      );
      const items: R[] = [];
      const invalid: InvalidItemError[] = [];
      data.items.forEach((raw, index) => {
        const parsed = itemSchema.safeParse(raw);
        let issues: { path: PropertyKey[]; message: string }[] = [];
        if (parsed.success) {
          try {
            const mapped = map(parsed.data);
            if (mapped !== null && typeof mapped === 'object') ids.set(mapped, idOf(parsed.data));
            items.push(mapped);
            return;
          } catch (error) {
            issues = [{ path: [], message: error instanceof Error ? error.message : String(error) }];
          }
        } else {
          issues = parsed.error.issues.map((i) => ({ path: i.path, message: i.message }));
        }
        const rawId =
          raw !== null && typeof raw === 'object' ? readId(raw as Record<string, unknown>) : undefined;
        const error = new InvalidItemError(id, rawId, issues, raw, {
          requestId: meta.requestId,
          status: meta.status,
          details: { index },
        });
        if (onInvalid === 'throw') throw error;
        invalid.push(error);
      });
      return { items, nextCursor: data.nextCursor, hasMore: data.hasMore, invalid };
    },
    (r) => (r !== null && typeof r === 'object' ? (ids.get(r) ?? idOf(r as unknown as T)) : String(r)),
    cursor,
  );
}

/** The id of a raw item, read from the id fields the feeds use. */
function readId(raw: Record<string, unknown>): string | undefined {
  for (const key of ['warningId', 'taskNo', 'complaintId', 'itemId', 'id']) {
    const v = raw[key];
    if (typeof v === 'string' && v.length > 0) return v;
  }
  return undefined;
}

/**
 * The work-item feeds of the contract and their answers: risk-warning clues (风险预警线索) and their feedback,
 * joint tasks (联合监管任务) with claim and feedback, complaints (投诉举报工单) and their status, 双告知 items
 * with claim and feedback, and 告知承诺 commitments with their verification.
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
    doubleNotifications: (o: PullOptions = {}): PageIterator<DoubleNotification> =>
      pullFeed(
        request,
        'listDoubleNotifications',
        doubleNotificationSchema,
        (d) => d.itemId,
        (d) => d,
        o,
      ),
    claimDoubleNotification: (
      itemId: string,
      claim: { claimTime: string; department: string; officer?: string },
      o?: CallOptions,
    ): Promise<Accepted> => {
      requireNonEmpty(itemId, 'itemId');
      return singleWrite(request, 'claimDoubleNotification', { itemId }, claim, o);
    },
    feedbackDoubleNotification: (
      itemId: string,
      feedback: { feedbackTime: string; result: string },
      o?: CallOptions,
    ): Promise<Accepted> => {
      requireNonEmpty(itemId, 'itemId');
      return singleWrite(request, 'doubleNotificationFeedback', { itemId }, feedback, o);
    },
    commitments: (o: PullOptions = {}): PageIterator<CommitmentDelivery> =>
      pullFeed(
        request,
        'listCommitments',
        commitmentDeliverySchema,
        (k) => k.id,
        (k) => k,
        o,
      ),
    sendCommitmentVerification: (
      commitmentId: string,
      verification: CommitmentVerification,
      o?: CallOptions,
    ): Promise<Accepted> => {
      requireNonEmpty(commitmentId, 'commitmentId');
      const parsed = commitmentVerificationSchema.safeParse(verification);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ClientOptionsError(
          {
            zh: `核查结果不符合接口规范：${issue?.path.join('.')} ${issue?.message}`,
            en: `invalid commitment verification: ${issue?.path.join('.')} ${issue?.message}`,
          },
          { path: issue?.path },
        );
      }
      return singleWrite(request, 'commitmentVerification', { commitmentId }, verification, o);
    },
  };
}
