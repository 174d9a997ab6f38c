import { isCivilDate } from '@jianguan/core';
import type { TaskBook } from './book.js';
import type { TaskState } from './engine.js';
import type { TaskEventInput } from './events.js';
import { eventDate } from './events.js';

/**
 * A risk-warning clue as the provincial client's `clues()` yields it (风险预警线索); accepted structurally, so
 * this package does not depend on the client.
 *
 * @example
 * const c: ProvinceClue = { warningId: 'FXYJ00000001', title: '食品抽检不合格', riskObject: '杭州某餐饮有限公司', createdAt: '2025-03-02T09:00:00+08:00' };
 */
export interface ProvinceClue {
  readonly warningId?: unknown;
  readonly title?: unknown;
  readonly riskObject?: unknown;
  readonly createdAt?: unknown;
  readonly [field: string]: unknown;
}

/**
 * A joint supervision task as the client's `jointTasks()` yields it (联合监管任务, the XML already decoded).
 *
 * @example
 * const t: ProvinceJointTask = { taskNo: 'lhjg000001', status: '分发', superviseData: { taskInfo: { taskNo: 'lhjg000001', taskStartTime: '2025-03-02 09:00:00' } } };
 */
export interface ProvinceJointTask {
  readonly taskNo: string;
  readonly status?: string;
  readonly superviseData: {
    readonly taskInfo: {
      readonly taskNo: string;
      readonly taskName?: string | undefined;
      readonly taskStartTime?: string | undefined;
      readonly superviseObjects?:
        | readonly {
            readonly superviseObjectName?: string | undefined;
            readonly credentialsValue?: string | undefined;
          }[]
        | undefined;
    };
  };
}

/**
 * A 12345 complaint work order as the client's `complaints()` yields it (投诉举报工单).
 *
 * @example
 * const c: ProvinceComplaint = { complaintId: 'TS00000001', complaintObject: '南京某超市', receivedDate: '2025-03-02' };
 */
export interface ProvinceComplaint {
  readonly complaintId?: unknown;
  readonly complaintObject?: unknown;
  readonly complaintDetail?: unknown;
  readonly receivedDate?: unknown;
  readonly [field: string]: unknown;
}

/**
 * A 双告知 item pushed by market registration (登记推送的“双告知”事项). The provincial interface v1 has no pull
 * for them yet, so callers map their registration feed to this shape.
 *
 * @example
 * const d: ProvinceDoubleNotification = { itemId: 'SGZ-1', pushedAt: '2025-09-30', uscc: '91330100799655058B', department: 'wjw' };
 */
export interface ProvinceDoubleNotification {
  readonly itemId: string;
  /** Day (or instant with offset) the item was pushed; the 5-working-day claim clock starts after it. */
  readonly pushedAt: string;
  readonly uscc?: string;
  readonly name?: string;
  /** The department it was routed to; absent when routing failed (the task starts 待分配). */
  readonly department?: string;
}

/**
 * Options of the `*Events` intake functions.
 *
 * @example
 * const o: IntakeOptions<ProvinceClue> = { department: 'scjg', existing: new Set(book.tasks().map((t) => t.id)) };
 */
export interface IntakeOptions<R> {
  /** The department that receives the item (or a function of the record). */
  readonly department?: string | ((record: R) => string | undefined);
  /** Who records the creation (default `{ id: 'province' }`). */
  readonly actor?: { readonly id: string; readonly department?: string };
  /** Task ids that already exist: skipped, so a sync is idempotent. */
  readonly existing?: ReadonlySet<string> | { has(id: string): boolean };
}

/** Task id of a pushed clue: `clue:<预警编号>`. */
export const clueTaskId = (warningId: string): string => `clue:${warningId}`;
/** Task id of a joint task: `joint:<任务编号>`. */
export const jointTaskId = (taskNo: string): string => `joint:${taskNo}`;
/** Task id of a complaint: `complaint:<工单号>`. */
export const complaintTaskId = (complaintId: string): string => `complaint:${complaintId}`;
/** Task id of a 双告知 item: `sgz:<事项编号>`. */
export const doubleNotificationTaskId = (itemId: string): string => `sgz:${itemId}`;

/** The civil date of a provincial time ('2025-03-02', '2025-03-02 09:00:00' or an ISO instant). */
function dayOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (isCivilDate(value)) return value;
  const local = /^(\d{4}-\d{2}-\d{2})[ T]\d{2}:\d{2}(:\d{2})?$/.exec(value);
  if (local && isCivilDate(local[1] as string)) return local[1];
  try {
    return eventDate(value);
  } catch {
    return undefined;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

function collect<R>(
  records: Iterable<R>,
  options: IntakeOptions<R>,
  make: (
    record: R,
  ) => { id: string; at: string | undefined; task: NonNullable<TaskEventInput['task']> } | undefined,
): TaskEventInput[] {
  const out: TaskEventInput[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    const made = make(record);
    if (made === undefined || made.at === undefined) continue;
    if (seen.has(made.id) || options.existing?.has(made.id)) continue;
    seen.add(made.id);
    const department =
      typeof options.department === 'function' ? options.department(record) : options.department;
    out.push({
      taskId: made.id,
      action: 'create',
      at: made.at,
      actor: options.actor ?? { id: 'province' },
      task: department === undefined ? made.task : { ...made.task, department },
    });
  }
  return out;
}

/**
 * `create` events of 风险预警线索 tasks (`risk_clue`) for pulled clues, one per 预警编号; records without a
 * `warningId` or a readable `createdAt` are skipped, and so are ids in `existing`.
 *
 * @example
 * const events = clueEvents(pulled, { department: 'scjg', existing: new Set(book.tasks().map((t) => t.id)) });
 * await book.applyAll(events);
 */
export function clueEvents(
  clues: Iterable<ProvinceClue>,
  options: IntakeOptions<ProvinceClue> = {},
): TaskEventInput[] {
  return collect(clues, options, (c) => {
    const id = str(c.warningId);
    if (id === undefined) return undefined;
    const name = str(c.riskObject);
    return {
      id: clueTaskId(id),
      at: dayOf(c.createdAt),
      task: {
        lifecycle: 'risk_clue',
        ...(str(c.title) !== undefined ? { title: str(c.title) } : {}),
        ...(name !== undefined ? { entity: { name } } : {}),
        source: { system: 'province', ref: id },
      },
    };
  });
}

/**
 * `create` events of 联合监管任务 (`joint_task`) for pulled joint tasks, one per 任务编号, starting on the
 * XML's `taskStartTime`.
 *
 * @example
 * const events = jointTaskEvents(items, { department: 'scjg' });
 */
export function jointTaskEvents(
  items: Iterable<ProvinceJointTask>,
  options: IntakeOptions<ProvinceJointTask> = {},
): TaskEventInput[] {
  return collect(items, options, (t) => {
    const info = t.superviseData.taskInfo;
    const object = info.superviseObjects?.[0];
    const entity = {
      ...(str(object?.superviseObjectName) !== undefined ? { name: object?.superviseObjectName } : {}),
      ...(str(object?.credentialsValue) !== undefined ? { uscc: object?.credentialsValue } : {}),
    };
    return {
      id: jointTaskId(t.taskNo),
      at: dayOf(info.taskStartTime),
      task: {
        lifecycle: 'joint_task',
        ...(info.taskName !== undefined ? { title: info.taskName } : {}),
        ...(Object.keys(entity).length > 0 ? { entity } : {}),
        source: { system: 'province', ref: t.taskNo },
      },
    };
  });
}

/**
 * `create` events of 投诉举报 tasks (`complaint`) for pulled work orders, one per 工单号, received on
 * `receivedDate`.
 *
 * @example
 * const events = complaintEvents(orders, { department: 'scjg' });
 */
export function complaintEvents(
  complaints: Iterable<ProvinceComplaint>,
  options: IntakeOptions<ProvinceComplaint> = {},
): TaskEventInput[] {
  return collect(complaints, options, (c) => {
    const id = str(c.complaintId);
    if (id === undefined) return undefined;
    const name = str(c.complaintObject);
    return {
      id: complaintTaskId(id),
      at: dayOf(c.receivedDate),
      task: {
        lifecycle: 'complaint',
        ...(str(c.complaintDetail) !== undefined ? { title: str(c.complaintDetail) } : {}),
        ...(name !== undefined ? { entity: { name } } : {}),
        source: { system: 'province', ref: id },
      },
    };
  });
}

/**
 * `create` events of 双告知 tasks (`double_notification`), one per item; an item without a department starts
 * 待分配 (`unrouted`) and feeds no KPI fact until it is assigned.
 *
 * @example
 * doubleNotificationEvents([{ itemId: 'SGZ-1', pushedAt: '2025-09-30', department: 'wjw' }]);
 */
export function doubleNotificationEvents(
  items: Iterable<ProvinceDoubleNotification>,
  options: IntakeOptions<ProvinceDoubleNotification> = {},
): TaskEventInput[] {
  const withRouting: IntakeOptions<ProvinceDoubleNotification> = {
    ...options,
    department: (item) =>
      item.department ??
      (typeof options.department === 'function' ? options.department(item) : options.department),
  };
  return collect(items, withRouting, (d) => {
    const entity = {
      ...(d.uscc !== undefined ? { uscc: d.uscc } : {}),
      ...(d.name !== undefined ? { name: d.name } : {}),
    };
    return {
      id: doubleNotificationTaskId(d.itemId),
      at: dayOf(d.pushedAt),
      task: {
        lifecycle: 'double_notification',
        ...(Object.keys(entity).length > 0 ? { entity } : {}),
        source: { system: 'registration', ref: d.itemId },
      },
    };
  }).map((e) =>
    e.task?.department === undefined
      ? { ...e, task: { ...e.task, lifecycle: 'double_notification', state: 'unrouted' } }
      : e,
  );
}

/**
 * The part of `@jianguan/provincial-client`'s `ProvincialClient` the sync uses (structural: pass the client).
 *
 * @example
 * const c: ProvinceSyncClient = createProvincialClient({ baseUrl, source, signer });
 */
export interface ProvinceSyncClient {
  clues(options?: {
    cursor?: string;
  }): AsyncIterable<Record<string, unknown>> & { readonly cursor?: string | undefined };
  jointTasks(options?: { cursor?: string }): AsyncIterable<ProvinceJointTask> & {
    readonly cursor?: string | undefined;
  };
  complaints(options?: { cursor?: string }): AsyncIterable<Record<string, unknown>> & {
    readonly cursor?: string | undefined;
  };
  sendClueFeedback(warningId: string, feedback: Readonly<Record<string, unknown>>): Promise<unknown>;
  claimJointTask(taskNo: string, claim: { claimTime: string; unionUnitName: string }): Promise<unknown>;
  feedbackJointTask(
    taskNo: string,
    feedback: { feedbackTime: string; feedbackSuggestion: string; recordIds: readonly string[] },
  ): Promise<unknown>;
  updateComplaintStatus(
    complaintId: string,
    update: { status: string; note?: string; updatedAt: string },
  ): Promise<unknown>;
}

/**
 * Options of {@link syncFromProvince}.
 *
 * @example
 * const o: SyncOptions = { department: 'scjg', cursors: saved };
 */
export interface SyncOptions {
  /** Department the pulled items go to (or a function of kind and record). */
  readonly department?:
    | string
    | ((kind: 'clue' | 'joint_task' | 'complaint', record: unknown) => string | undefined);
  readonly actor?: { readonly id: string; readonly department?: string };
  /** Cursors from the previous sync (pull only what is new); without them everything is pulled and deduplicated. */
  readonly cursors?: { readonly clues?: string; readonly jointTasks?: string; readonly complaints?: string };
}

/**
 * The outcome of {@link syncFromProvince}: tasks created per kind, items seen, and the cursors to keep.
 *
 * @example
 * const r: SyncResult = { created: { clues: 3, jointTasks: 1, complaints: 0 }, seen: 4, cursors: {} };
 */
export interface SyncResult {
  readonly created: { readonly clues: number; readonly jointTasks: number; readonly complaints: number };
  readonly seen: number;
  readonly cursors: { readonly clues?: string; readonly jointTasks?: string; readonly complaints?: string };
}

async function drain<T>(
  it: AsyncIterable<T> & { readonly cursor?: string | undefined },
): Promise<{ items: T[]; cursor: string | undefined }> {
  const items: T[] = [];
  for await (const item of it) items.push(item);
  return { items, cursor: it.cursor };
}

/**
 * Pulls clues, joint tasks and complaints from the province and records one `create` event per new item in
 * one atomic write. Running it again creates nothing for items already in the book (same record twice → one
 * task).
 *
 * @example
 * const r = await syncFromProvince(book, client, { department: 'scjg' });
 * r.created.clues; // new clue tasks
 */
export async function syncFromProvince(
  book: TaskBook,
  client: ProvinceSyncClient,
  options: SyncOptions = {},
): Promise<SyncResult> {
  const cursorOf = (c: string | undefined) => (c === undefined ? {} : { cursor: c });
  const clues = await drain(client.clues(cursorOf(options.cursors?.clues)));
  const joint = await drain(client.jointTasks(cursorOf(options.cursors?.jointTasks)));
  const complaints = await drain(client.complaints(cursorOf(options.cursors?.complaints)));
  const existing = new Set(book.tasks().map((t) => t.id));
  const dep =
    <R>(kind: 'clue' | 'joint_task' | 'complaint') =>
    (record: R) =>
      typeof options.department === 'function' ? options.department(kind, record) : options.department;
  const base = { existing, ...(options.actor !== undefined ? { actor: options.actor } : {}) };
  const c = clueEvents(clues.items, { ...base, department: dep('clue') });
  const j = jointTaskEvents(joint.items, { ...base, department: dep('joint_task') });
  const p = complaintEvents(complaints.items, { ...base, department: dep('complaint') });
  const all = [...c, ...j, ...p];
  if (all.length > 0) await book.applyAll(all);
  const cursors: { clues?: string; jointTasks?: string; complaints?: string } = {};
  if (clues.cursor !== undefined) cursors.clues = clues.cursor;
  if (joint.cursor !== undefined) cursors.jointTasks = joint.cursor;
  if (complaints.cursor !== undefined) cursors.complaints = complaints.cursor;
  return {
    created: { clues: c.length, jointTasks: j.length, complaints: p.length },
    seen: clues.items.length + joint.items.length + complaints.items.length,
    cursors,
  };
}

/**
 * Options of {@link feedbackToProvince}.
 *
 * @example
 * const sent = new Set<string>();
 * await feedbackToProvince(book, client, { sent, unitName: '某县市场监督管理局' });
 */
export interface FeedbackOptions {
  /** Keys of calls already made (`clue-feedback:<id>`, `joint-claim:<no>`, …): skipped, then added. Persist it. */
  readonly sent: { has(key: string): boolean; add(key: string): unknown };
  /** 联合单位名称 used when claiming joint tasks. */
  readonly unitName: string;
  /** Behaviour record ids that answer a joint task (its feedback needs at least one uploaded record). */
  readonly recordIds?: (task: TaskState) => readonly string[];
}

/**
 * What {@link feedbackToProvince} did: the keys sent and the calls that failed (left for the next run).
 *
 * @example
 * const r: FeedbackResult = { sent: ['clue-feedback:FXYJ00000001'], failed: [] };
 */
export interface FeedbackResult {
  readonly sent: readonly string[];
  readonly failed: readonly { readonly key: string; readonly error: unknown }[];
}

const COMPLAINT_STATUS: Readonly<Record<string, string>> = {
  dispatched: '1',
  claimed: '1',
  handling: '1',
  fed_back: '4',
  closed: '4',
};

const stamp = (day: string) => `${day} 00:00:00`;

/**
 * Sends task outcomes back to the province: clue feedback (核查结果) once a clue is fed back, the claim and the
 * feedback of joint tasks, and the progress status of complaints (事件进展状态 1 正常处理中 / 4 结案). Each
 * call is made once (keys in `sent`); a failed call is reported and retried on the next run.
 *
 * @example
 * const r = await feedbackToProvince(book, client, { sent, unitName: '某县市场监督管理局', recordIds: (t) => [String(t.data?.recordId)] });
 */
export async function feedbackToProvince(
  book: TaskBook,
  client: ProvinceSyncClient,
  options: FeedbackOptions,
): Promise<FeedbackResult> {
  const sent: string[] = [];
  const failed: { key: string; error: unknown }[] = [];
  const call = async (key: string, run: () => Promise<unknown>) => {
    if (options.sent.has(key)) return;
    try {
      await run();
      options.sent.add(key);
      sent.push(key);
    } catch (error) {
      failed.push({ key, error });
    }
  };
  const reached = (t: TaskState, states: readonly string[]) => states.some((s) => t.entered[s] !== undefined);
  const sorted = book
    .tasks()
    .filter((t) => t.source?.system === 'province')
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const t of sorted) {
    const ref = (t.source as { ref: string }).ref;
    if (t.lifecycle.id === 'risk_clue' && reached(t, ['fed_back'])) {
      const day = t.entered.fed_back as string;
      await call(`clue-feedback:${ref}`, () =>
        client.sendClueFeedback(ref, {
          warningId: ref,
          claimTime: stamp(t.entered.claimed ?? day),
          handler: t.officer ?? t.department ?? 'unknown',
          verifyResult: t.note ?? '已核查',
          feedbackTime: stamp(day),
        }),
      );
    } else if (t.lifecycle.id === 'joint_task') {
      if (reached(t, ['claimed']))
        await call(`joint-claim:${ref}`, () =>
          client.claimJointTask(ref, {
            claimTime: stamp(t.entered.claimed as string),
            unionUnitName: options.unitName,
          }),
        );
      const ids = options.recordIds?.(t) ?? [];
      if (reached(t, ['fed_back']) && ids.length > 0)
        await call(`joint-feedback:${ref}`, () =>
          client.feedbackJointTask(ref, {
            feedbackTime: stamp(t.entered.fed_back as string),
            feedbackSuggestion: t.note ?? '已检查',
            recordIds: ids,
          }),
        );
    } else if (t.lifecycle.id === 'complaint') {
      const status = COMPLAINT_STATUS[t.state];
      if (status !== undefined && t.state !== 'dispatched')
        await call(`complaint-status:${ref}:${status}`, () =>
          client.updateComplaintStatus(ref, {
            status,
            updatedAt: stamp(t.since),
            ...(t.note !== undefined ? { note: t.note } : {}),
          }),
        );
    }
  }
  return { sent, failed };
}
