import { isCivilDate, isRecord } from '@jianguan/core';
import { z } from 'zod';
import type { TaskBook } from './book.js';
import {
  actorShape,
  functionShape,
  hasShape,
  requireIterable,
  requireMethods,
  requireObject,
  requireShape,
  requireString,
} from './boundary.js';
import type { SyncCursorStore, SyncCursors } from './cursors.js';
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
 * A 双告知 item pushed by market registration (登记推送的“双告知”事项), in the shape {@link doubleNotificationEvents}
 * takes; {@link syncFromProvince} maps the client's `doubleNotifications()` items to it, and callers with
 * another registration feed map theirs.
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
export const clueTaskId = (warningId: string): string => `clue:${text(warningId, 'warningId')}`;
/** Task id of a joint task: `joint:<任务编号>`. */
export const jointTaskId = (taskNo: string): string => `joint:${text(taskNo, 'taskNo')}`;
/** Task id of a complaint: `complaint:<工单号>`. */
export const complaintTaskId = (complaintId: string): string =>
  `complaint:${text(complaintId, 'complaintId')}`;
/** Task id of a 双告知 item: `sgz:<事项编号>`. */
export const doubleNotificationTaskId = (itemId: string): string => `sgz:${text(itemId, 'itemId')}`;

/** Task id of a commitment to verify: `commitment:<承诺编号>`. */
export const commitmentTaskId = (commitmentId: string): string =>
  `commitment:${text(commitmentId, 'commitmentId')}`;

/** An id argument: a string, else `invalid_input`. */
function text(value: unknown, name: string): string {
  requireString(value, [name]);
  return value;
}

const intakeOptionsShape = z.looseObject({
  department: z.union([z.string(), functionShape]).optional(),
  actor: actorShape.optional(),
  existing: hasShape.optional(),
});

/** The civil date of a provincial time ('2025-03-02', '2025-03-02 09:00:00' or an ISO instant). */
function dayOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (isCivilDate(value)) return value;
  // A provincial time without an offset is Beijing time: its day is the date written.
  const local = /^(\d{4}-\d{2}-\d{2})[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/.exec(value);
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
  requireIterable(records, ['records']);
  requireShape(intakeOptionsShape, options, ['options']);
  const out: TaskEventInput[] = [];
  const seen = new Set<string>();
  let i = 0;
  for (const record of records) {
    requireObject(record, ['records', i++]);
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
    const id = str(t.taskNo);
    const data: unknown = t.superviseData;
    const info = isRecord(data) && isRecord(data.taskInfo) ? data.taskInfo : undefined;
    if (id === undefined || info === undefined) return undefined;
    const objects = info.superviseObjects;
    const object: Record<string, unknown> | undefined =
      Array.isArray(objects) && isRecord(objects[0]) ? objects[0] : undefined;
    const name = str(object?.superviseObjectName);
    const code = str(object?.credentialsValue);
    const entity = { ...(name !== undefined ? { name } : {}), ...(code !== undefined ? { uscc: code } : {}) };
    return {
      id: jointTaskId(id),
      at: dayOf(info.taskStartTime),
      task: {
        lifecycle: 'joint_task',
        ...(typeof info.taskName === 'string' ? { title: info.taskName } : {}),
        ...(Object.keys(entity).length > 0 ? { entity } : {}),
        source: { system: 'province', ref: id },
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
  requireShape(intakeOptionsShape, options, ['options']);
  const withRouting: IntakeOptions<ProvinceDoubleNotification> = {
    ...options,
    department: (item) =>
      str(item.department) ??
      (typeof options.department === 'function' ? options.department(item) : options.department),
  };
  return collect(items, withRouting, (d) => {
    const id = str(d.itemId);
    if (id === undefined) return undefined;
    const entity = {
      ...(str(d.uscc) !== undefined ? { uscc: d.uscc } : {}),
      ...(str(d.name) !== undefined ? { name: d.name } : {}),
    };
    return {
      id: doubleNotificationTaskId(id),
      at: dayOf(d.pushedAt),
      task: {
        lifecycle: 'double_notification',
        ...(Object.keys(entity).length > 0 ? { entity } : {}),
        source: { system: 'registration', ref: id },
      },
    };
  }).map((e) =>
    e.task?.department === undefined
      ? { ...e, task: { ...e.task, lifecycle: 'double_notification', state: 'unrouted' } }
      : e,
  );
}

/**
 * A 告知承诺 commitment to verify, as the client's `commitments()` yields it (the fields of
 * `@jianguan/credit-rules`' `Commitment` plus delivery fields).
 *
 * @example
 * const k: ProvinceCommitment = { id: 'CN00000001', entityId: '91330100799655058B', entityName: '某公司', item: '食品经营许可', deadline: '2025-12-01', pushedAt: '2025-11-03T09:00:00+08:00' };
 */
export interface ProvinceCommitment {
  readonly id: string;
  readonly entityId?: string | undefined;
  readonly entityName?: string | undefined;
  readonly item?: string | undefined;
  readonly content?: string | undefined;
  /** 承诺履行期限: the verification is due by this day (the task's `dueDates.verify`). */
  readonly deadline?: string | undefined;
  readonly verificationStandard?: string | undefined;
  readonly responsibleUnit?: string | undefined;
  readonly pushedAt: string;
}

/**
 * `create` events of 告知承诺核查 tasks (`commitment_verification`), one per 承诺编号, created the day the
 * commitment was pushed and due on its 承诺履行期限 (`dueDates.verify`; the lifecycle's 20-working-day default
 * when absent).
 *
 * @example
 * const events = commitmentEvents(pulled, { department: 'scjg' });
 */
export function commitmentEvents(
  items: Iterable<ProvinceCommitment>,
  options: IntakeOptions<ProvinceCommitment> = {},
): TaskEventInput[] {
  return collect(items, options, (k) => {
    const id = str(k.id);
    if (id === undefined) return undefined;
    const entity = {
      ...(str(k.entityId) !== undefined ? { uscc: k.entityId } : {}),
      ...(str(k.entityName) !== undefined ? { name: k.entityName } : {}),
    };
    const deadline = typeof k.deadline === 'string' && isCivilDate(k.deadline) ? k.deadline : undefined;
    const data: Record<string, unknown> = {};
    for (const key of ['item', 'content', 'verificationStandard', 'responsibleUnit', 'deadline'] as const)
      if (str(k[key]) !== undefined) data[key] = k[key];
    return {
      id: commitmentTaskId(id),
      at: dayOf(k.pushedAt),
      task: {
        lifecycle: 'commitment_verification',
        ...(str(k.item) !== undefined ? { title: `告知承诺核查：${k.item}` } : {}),
        ...(Object.keys(entity).length > 0 ? { entity } : {}),
        source: { system: 'province', ref: id },
        ...(deadline !== undefined ? { dueDates: { verify: deadline } } : {}),
        ...(Object.keys(data).length > 0 ? { data } : {}),
      },
    };
  });
}

/** A pull as the sync sees it: items, the cursor to persist, and the items skipped as invalid. */
export type SyncPull<T> = AsyncIterable<T> & {
  readonly cursor?: string | undefined;
  readonly invalid?: readonly unknown[];
};

/** Options the sync passes to every pull: the cursor, and `onInvalid: 'skip'` so one bad item never blocks a feed. */
export interface SyncPullOptions {
  cursor?: string;
  onInvalid?: 'skip';
}

/**
 * The part of `@jianguan/provincial-client`'s `ProvincialClient` the sync uses (structural: pass the client).
 *
 * @example
 * const c: ProvinceSyncClient = createProvincialClient({ baseUrl, source, signer });
 */
export interface ProvinceSyncClient {
  clues(options?: SyncPullOptions): SyncPull<Record<string, unknown>>;
  jointTasks(options?: SyncPullOptions): SyncPull<ProvinceJointTask>;
  complaints(options?: SyncPullOptions): SyncPull<Record<string, unknown>>;
  /** 双告知 items (optional: a client without the feed syncs the other kinds). */
  doubleNotifications?(options?: SyncPullOptions): SyncPull<{
    readonly itemId: string;
    readonly pushedAt: string;
    readonly uscc?: string | undefined;
    readonly entityName?: string | undefined;
    readonly routing?: string | undefined;
    readonly department?: string | undefined;
  }>;
  /** 告知承诺 commitments to verify (optional). */
  commitments?(options?: SyncPullOptions): SyncPull<ProvinceCommitment>;
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
  claimDoubleNotification?(
    itemId: string,
    claim: { claimTime: string; department: string; officer?: string },
  ): Promise<unknown>;
  feedbackDoubleNotification?(
    itemId: string,
    feedback: { feedbackTime: string; result: string },
  ): Promise<unknown>;
  sendCommitmentVerification?(
    commitmentId: string,
    verification: { verifiedAt: string; outcome: 'confirmed' | 'failed'; note?: string; measures?: string },
  ): Promise<unknown>;
}

/**
 * The kinds of pushed work items the sync pulls.
 *
 * @example
 * const k: SyncKind = 'double_notification';
 */
export type SyncKind = 'clue' | 'joint_task' | 'complaint' | 'double_notification' | 'commitment';

/**
 * Options of {@link syncFromProvince}.
 *
 * @example
 * const o: SyncOptions = { department: 'scjg', cursorStore: createFileSyncCursorStore('./cursors.json') };
 */
export interface SyncOptions {
  /**
   * Department the pulled items go to (or a function of kind and record). A 双告知 item routed by the
   * province keeps its own department.
   */
  readonly department?: string | ((kind: SyncKind, record: unknown) => string | undefined);
  readonly actor?: { readonly id: string; readonly department?: string };
  /** Cursors from the previous sync (pull only what is new); without them everything is pulled and deduplicated. */
  readonly cursors?: SyncCursors;
  /**
   * Loads the cursors at start (unless `cursors` is given) and saves the new ones after the tasks are written,
   * so a restarted process resumes where the last sync ended.
   */
  readonly cursorStore?: SyncCursorStore;
}

/**
 * The outcome of {@link syncFromProvince}: tasks created per kind, items seen, the cursors to keep, the items
 * skipped because they did not match the contract, and the feeds that failed (their cursor did not move past
 * what was not read; the next sync retries them).
 *
 * @example
 * const r: SyncResult = { created: { clues: 3, jointTasks: 1, complaints: 0, doubleNotifications: 2, commitments: 0 }, seen: 6, cursors: {}, invalid: [], failed: [] };
 */
export interface SyncResult {
  readonly created: {
    readonly clues: number;
    readonly jointTasks: number;
    readonly complaints: number;
    readonly doubleNotifications: number;
    readonly commitments: number;
  };
  readonly seen: number;
  readonly cursors: SyncCursors;
  /** Items skipped as invalid (the client's typed `InvalidItemError`s), by feed. */
  readonly invalid: readonly { readonly feed: keyof SyncCursors; readonly error: unknown }[];
  /** Feeds whose pull failed (network, a malformed page …), with the error. */
  readonly failed: readonly { readonly feed: keyof SyncCursors; readonly error: unknown }[];
}

const BOOK = { en: 'a task book', zh: '任务台账' } as const;
const CLIENT = { en: 'a province sync client', zh: '省级同步客户端' } as const;

const syncOptionsShape = z.looseObject({
  department: z.union([z.string(), functionShape]).optional(),
  actor: actorShape.optional(),
  cursors: z.record(z.string(), z.string()).optional(),
  cursorStore: z
    .custom<object>(
      (v) =>
        v !== null &&
        typeof v === 'object' &&
        typeof (v as { load?: unknown }).load === 'function' &&
        typeof (v as { save?: unknown }).save === 'function',
      { message: 'expected a cursor store with load() and save() (须为带 load/save 的游标存储)' },
    )
    .optional(),
});

const feedbackOptionsShape = z.looseObject({
  sent: z.custom<object>(
    (v) =>
      v !== null &&
      typeof v === 'object' &&
      typeof (v as { has?: unknown }).has === 'function' &&
      typeof (v as { add?: unknown }).add === 'function',
    { message: 'expected a Set of sent keys (须为已发送键的 Set)' },
  ),
  unitName: z.string(),
  recordIds: functionShape.optional(),
});

async function drain<T>(
  open: (() => SyncPull<T>) | undefined,
  cursor: string | undefined,
): Promise<{ items: T[]; cursor: string | undefined; invalid: readonly unknown[]; error?: unknown }> {
  if (open === undefined) return { items: [], cursor, invalid: [] };
  const items: T[] = [];
  let it: SyncPull<T> | undefined;
  try {
    it = open();
    for await (const item of it) items.push(item);
    return { items, cursor: it.cursor ?? cursor, invalid: it.invalid ?? [] };
  } catch (error) {
    return { items, cursor: it?.cursor ?? cursor, invalid: it?.invalid ?? [], error };
  }
}

/**
 * Pulls clues, joint tasks, complaints, 双告知 items and commitments from the province, from the saved cursors
 * on, and records one `create` event per new item in one atomic write; then saves the new cursors. It is
 * incremental and idempotent: running it again (or after a restart, or after a crash between the write and
 * the cursor save) creates nothing for items already in the book. An item that does not match the contract is
 * skipped and reported in `invalid`; a feed whose pull fails is reported in `failed` and the others proceed.
 *
 * @example
 * const r = await syncFromProvince(book, client, { department: 'scjg', cursorStore });
 * r.created.doubleNotifications; // new 双告知 tasks
 */
export async function syncFromProvince(
  book: TaskBook,
  client: ProvinceSyncClient,
  options: SyncOptions = {},
): Promise<SyncResult> {
  requireMethods(book, ['book'], ['tasks', 'applyAll'], BOOK);
  requireMethods(client, ['client'], ['clues', 'jointTasks', 'complaints'], CLIENT);
  requireShape(syncOptionsShape, options, ['options']);
  const start: SyncCursors = options.cursors ?? (await options.cursorStore?.load()) ?? {};
  const pull = (c: string | undefined): SyncPullOptions =>
    c === undefined ? { onInvalid: 'skip' } : { cursor: c, onInvalid: 'skip' };
  const clues = await drain(() => client.clues(pull(start.clues)), start.clues);
  const joint = await drain(() => client.jointTasks(pull(start.jointTasks)), start.jointTasks);
  const complaints = await drain(() => client.complaints(pull(start.complaints)), start.complaints);
  const doubles = await drain(
    client.doubleNotifications && (() => client.doubleNotifications!(pull(start.doubleNotifications))),
    start.doubleNotifications,
  );
  const commitments = await drain(
    client.commitments && (() => client.commitments!(pull(start.commitments))),
    start.commitments,
  );
  const existing = new Set(book.tasks().map((t) => t.id));
  const dep =
    <R>(kind: SyncKind) =>
    (record: R) =>
      typeof options.department === 'function' ? options.department(kind, record) : options.department;
  const base = { existing, ...(options.actor !== undefined ? { actor: options.actor } : {}) };
  const c = clueEvents(clues.items, { ...base, department: dep('clue') });
  const j = jointTaskEvents(joint.items, { ...base, department: dep('joint_task') });
  const p = complaintEvents(complaints.items, { ...base, department: dep('complaint') });
  const d = doubleNotificationEvents(
    doubles.items.map(
      (x): ProvinceDoubleNotification => ({
        itemId: x.itemId,
        pushedAt: x.pushedAt,
        ...(x.uscc !== undefined ? { uscc: x.uscc } : {}),
        ...(x.entityName !== undefined ? { name: x.entityName } : {}),
        ...(x.routing !== 'failed' && x.department !== undefined ? { department: x.department } : {}),
      }),
    ),
    {
      ...base,
      // Routing failed at the province (分配失败): the item starts 待分配, whatever the default department.
      department: (x) =>
        doubles.items.find((y) => y.itemId === x.itemId)?.routing === 'failed'
          ? undefined
          : dep<ProvinceDoubleNotification>('double_notification')(x),
    },
  );
  const k = commitmentEvents(commitments.items, { ...base, department: dep('commitment') });
  const all = [...c, ...j, ...p, ...d, ...k];
  if (all.length > 0) await book.applyAll(all);
  const cursors: { -readonly [K in keyof SyncCursors]: SyncCursors[K] } = {};
  const pulled = { clues, jointTasks: joint, complaints, doubleNotifications: doubles, commitments };
  for (const [feed, r] of Object.entries(pulled) as [keyof SyncCursors, typeof clues][])
    if (r.cursor !== undefined) cursors[feed] = r.cursor;
  // Saved only after the tasks are written: a crash before this line re-pulls items that now exist.
  await options.cursorStore?.save(cursors);
  const entries = Object.entries(pulled) as [keyof SyncCursors, typeof clues][];
  return {
    created: {
      clues: c.length,
      jointTasks: j.length,
      complaints: p.length,
      doubleNotifications: d.length,
      commitments: k.length,
    },
    seen: entries.reduce((n, [, r]) => n + r.items.length, 0),
    cursors,
    invalid: entries.flatMap(([feed, r]) => r.invalid.map((error) => ({ feed, error }))),
    failed: entries.flatMap(([feed, r]) => (r.error === undefined ? [] : [{ feed, error: r.error }])),
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
/** Start of a civil day in China as an ISO instant (the 双告知 wire takes instants with an offset). */
const instantOf = (day: string) => `${day}T00:00:00+08:00`;

/**
 * Sends task outcomes back to the province: clue feedback (核查结果) once a clue is fed back, the claim and the
 * feedback of joint tasks, the progress status of complaints (事件进展状态 1 正常处理中 / 4 结案), the claim
 * (`sgz-claim:<id>`) and feedback (`sgz-feedback:<id>`) of 双告知 items, and the verification of commitments
 * (`commitment-verification:<id>`: `confirmed` after 核查履诺, `failed` with the note as 失信约束措施 after
 * 未履诺). Each call is made once (keys in `sent`); a failed call is reported and retried on the next run.
 *
 * @example
 * const r = await feedbackToProvince(book, client, { sent, unitName: '某县市场监督管理局', recordIds: (t) => [String(t.data?.recordId)] });
 */
export async function feedbackToProvince(
  book: TaskBook,
  client: ProvinceSyncClient,
  options: FeedbackOptions,
): Promise<FeedbackResult> {
  requireMethods(book, ['book'], ['tasks', 'events'], BOOK);
  requireMethods(
    client,
    ['client'],
    ['sendClueFeedback', 'claimJointTask', 'feedbackJointTask', 'updateComplaintStatus'],
    CLIENT,
  );
  requireShape(feedbackOptionsShape, options, ['options']);
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
    .filter(
      (t) =>
        t.source?.system === 'province' ||
        (t.source?.system === 'registration' && t.lifecycle.id === 'double_notification'),
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // How each commitment was fed back (核查履诺 or 未履诺): the action of its last fed-back event.
  const commitmentOutcome = new Map<string, string>();
  if (sorted.some((t) => t.lifecycle.id === 'commitment_verification'))
    for (const e of book.events())
      if (e.action === 'confirm_kept' || e.action === 'record_broken')
        commitmentOutcome.set(e.taskId, e.action);
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
    } else if (t.lifecycle.id === 'double_notification' && client.claimDoubleNotification) {
      if (reached(t, ['claimed']) && t.department !== undefined) {
        const department = t.department;
        await call(`sgz-claim:${ref}`, () =>
          client.claimDoubleNotification!(ref, {
            claimTime: instantOf(t.entered.claimed as string),
            department,
            ...(t.officer !== undefined ? { officer: t.officer } : {}),
          }),
        );
      }
      if (
        reached(t, ['fed_back']) &&
        client.feedbackDoubleNotification &&
        options.sent.has(`sgz-claim:${ref}`)
      )
        await call(`sgz-feedback:${ref}`, () =>
          client.feedbackDoubleNotification!(ref, {
            feedbackTime: instantOf(t.entered.fed_back as string),
            result: t.note ?? '已办理',
          }),
        );
    } else if (t.lifecycle.id === 'commitment_verification' && client.sendCommitmentVerification) {
      const outcome = commitmentOutcome.get(t.id);
      if (reached(t, ['fed_back']) && outcome !== undefined)
        await call(`commitment-verification:${ref}`, () =>
          client.sendCommitmentVerification!(
            ref,
            outcome === 'record_broken'
              ? {
                  verifiedAt: t.entered.fed_back as string,
                  outcome: 'failed',
                  measures: t.note ?? '已采取失信约束措施',
                }
              : {
                  verifiedAt: t.entered.fed_back as string,
                  outcome: 'confirmed',
                  ...(t.note !== undefined ? { note: t.note } : {}),
                },
          ),
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
