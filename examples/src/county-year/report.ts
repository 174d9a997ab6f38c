/**
 * All year: report behaviour records to the province through the durable outbox (with the sandbox's faults
 * switched on), fix what the province's 质检 rejects within 5 working days, answer risk clues and joint
 * tasks, and post to the publication channels.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { addWorkdays, type BehaviourRecord } from '@jianguan/core';
import { createPostgresOutboxStore, type SqlClient } from '@jianguan/postgres';
import {
  createHmacSha256Signer,
  createOutbox,
  createProvincialClient,
  type Outbox,
  type ProvincialClient,
} from '@jianguan/provincial-client';
import type { DrawRecord } from '@jianguan/sampling';
import { SANDBOX_CREDENTIALS, type Sandbox, startSandbox } from '@jianguan/sandbox';
import {
  applyFixFacts,
  createFileTaskStore,
  feedbackToProvince,
  fixTasksFromRejections,
  openTaskBook,
  syncFromProvince,
  type TaskBook,
  type TaskEventInput,
} from '@jianguan/tasks';
import seedrandom from 'seedrandom';
import { DEPARTMENTS, makeUscc, SPOT_CHECK_ITEMS } from './county.js';
import type { RecordedInspection } from './inspect.js';

/** Working days allowed to fix a rejected record (seed 002 art. 14: 5 个工作日内整改并重新上传). */
export const FIX_WORKDAYS = 5;

/** What the reporting year produced, per record. */
export interface ReportedBehaviour {
  readonly recordId: string;
  readonly itemCode: string;
  readonly department: string;
  readonly actDate: string;
  readonly reportedDate: string;
  readonly rejectedDate?: string;
  readonly fixedDate?: string;
  readonly rejectionRules?: readonly string[];
}

/** A clue answered (or not) in the year. */
export interface AnsweredClue {
  readonly clueId: string;
  readonly receivedDate: string;
  readonly feedbackDate: string;
}

/** On time or late, per kind of work item, as the task book judges it at year end (及时率). */
export interface WorkItemTally {
  /** Tasks of the kind. */
  readonly total: number;
  /** Deadlines that count (met, or open past their last day) — the KPI denominator. */
  readonly due: number;
  readonly onTime: number;
  readonly late: number;
  /** Deadlines still open and not yet due at year end. */
  readonly open: number;
}

/** The result of the reporting year. */
export interface ReportingOutcome {
  readonly behaviours: readonly ReportedBehaviour[];
  readonly clues: readonly AnsweredClue[];
  readonly jointTasks: { readonly claimed: number; readonly answered: number };
  readonly complaintsClosed: number;
  /** Plan and drawn-object records reported. */
  readonly plansAndDraws: number;
  readonly publications: readonly { id: string; channel: string; date: string; department: string }[];
  readonly fixes: {
    readonly rejected: number;
    readonly fixed: number;
    readonly onTime: number;
    readonly maxWorkdays: number;
    readonly byRule: Readonly<Record<string, number>>;
  };
  readonly exactlyOnce: { readonly ok: boolean; readonly stored: number; readonly expected: number };
  /** The work items (clues, joint tasks, complaints, fixes) as handled through `@jianguan/tasks`, by lifecycle. */
  readonly workItems: Readonly<Record<string, WorkItemTally>>;
  /** The task book's event log (JSON Lines), for `jianguan tasks due --log`. */
  readonly taskLog: string;
  readonly transport: Readonly<Record<string, unknown>>;
}

/** The injected defect of a record, if any: a legacy export that loses an inspector, a date, a digit. */
function withDefect(seed: string, record: BehaviourRecord): { sent: BehaviourRecord; defect?: string } {
  const u = seedrandom(`${seed}:defect:${record.recordId}`)();
  const r = record as BehaviourRecord & {
    checkDate: string;
    checkPersonnel: string[];
    checkPersonnelCertNos: string[];
  };
  if (u < 0.025) {
    return {
      sent: {
        ...r,
        checkPersonnel: r.checkPersonnel.slice(0, 1),
        checkPersonnelCertNos: r.checkPersonnelCertNos.slice(0, 1),
      } as BehaviourRecord,
      defect: 'one_inspector',
    };
  }
  if (u < 0.04) {
    const [y, m, d] = r.checkDate.split('-');
    return {
      sent: { ...r, checkDate: `${y}/${Number(m)}/${Number(d)}` } as BehaviourRecord,
      defect: 'date_format',
    };
  }
  if (u < 0.05) {
    const id = r.adminCounterpartCertNo;
    const last = id.endsWith('X') ? 'Y' : 'X';
    return {
      sent: { ...r, adminCounterpartCertNo: `${id.slice(0, 17)}${last}` } as BehaviourRecord,
      defect: 'uscc_typo',
    };
  }
  return { sent: record };
}

/**
 * Fixes a rejected record issue by issue, the way a data clerk would: a spreadsheet date is rewritten as
 * `YYYY-MM-DD`, a missing inspector is taken from the inspection's team in the case system, a mistyped USCC is
 * looked up in the entity directory by name. Anything else is re-taken from the case system.
 */
export function fixRecord(
  sent: BehaviourRecord,
  issues: readonly { readonly rule: string; readonly field: string }[],
  sources: {
    readonly caseSystem: BehaviourRecord;
    readonly usccByName: ReadonlyMap<string, string>;
  },
): BehaviourRecord {
  const fixed: Record<string, unknown> = { ...sent };
  const source = sources.caseSystem as unknown as Record<string, unknown>;
  for (const issue of issues) {
    if (issue.rule === 'date_format' || issue.rule === 'schema') {
      const m = /^(\d{4})[/.年-](\d{1,2})[/.月-](\d{1,2})日?$/.exec(String(fixed[issue.field] ?? ''));
      fixed[issue.field] = m
        ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`
        : source[issue.field];
    } else if (issue.rule === 'min_inspectors' || issue.rule === 'inspector_cert_numbers') {
      fixed.checkPersonnel = source.checkPersonnel;
      fixed.checkPersonnelCertNos = source.checkPersonnelCertNos;
    } else if (issue.rule === 'uscc_invalid') {
      fixed[issue.field] = sources.usccByName.get(String(fixed.adminCounterpartName)) ?? source[issue.field];
    } else {
      fixed[issue.field] = source[issue.field];
    }
  }
  return fixed as BehaviourRecord;
}

/** Working days a fix takes: a format problem is fixed the next working day, a missing fact takes longer. */
const FIX_LAG: Readonly<Record<string, number>> = { date_format: 1, one_inspector: 3, uscc_typo: 2 };

async function flushAll(outbox: Outbox): Promise<void> {
  let lastError: Error | undefined;
  // Each flush already retries every batch (client retry policy); a batch that still failed stays queued.
  for (let attempt = 0; attempt < 30; attempt++) {
    const r = await outbox.flush();
    if (r.remaining === 0) return;
    lastError = r.error;
    await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
  }
  throw new Error(`outbox still has ${outbox.pending().length} pending entries after 30 flushes`, {
    cause: lastError,
  });
}

/**
 * Runs the reporting year against an in-process sandbox with faults switched on. The client's and the
 * sandbox's 质检 run as of the demo's fixed "today" (31 December of the year, for the no-future-dates rule),
 * and the sandbox's clues, joint tasks and complaints are dated in the year (base date 1 November: they fall
 * in the 300 days before it), so the run does not depend on the host clock or zone.
 */
export async function reportYear(options: {
  readonly seed: string;
  readonly year: number;
  readonly inspections: readonly RecordedInspection[];
  readonly outDir: string;
  readonly faults: boolean;
  /** The draw records: their plans and drawn objects are reported to the province. */
  readonly draws: readonly DrawRecord[];
  /** Entity names by id (for the drawn-object records). */
  readonly names: ReadonlyMap<string, string>;
  /** Called with the running sandbox before it stops (tests read its state). */
  readonly inspectSandbox?: (sandbox: Sandbox) => void | Promise<void>;
  /** The two officers who take part in the province's joint tasks. */
  readonly jointTaskTeam: readonly { readonly name: string; readonly certNo: string }[];
  /**
   * The market-regulation bureau's database (migrated): its outbox lives there (`createPostgresOutboxStore`);
   * the health commission keeps the file journal. Without it both use file journals.
   */
  readonly database?: SqlClient;
}): Promise<ReportingOutcome> {
  const { seed, year } = options;
  const today = `${year}-12-31`;
  const sandbox: Sandbox = await startSandbox({
    port: 0,
    seed,
    today,
    baseDate: `${year}-11-01`,
    counts: { clues: 60, jointTasks: 12, complaints: 10, doubleNotifications: 0, commitments: 0 },
    faults: options.faults
      ? {
          serverErrorRate: 0.08,
          dropRate: 0.04,
          rateLimitRate: 0.04,
          retryAfterSeconds: 0,
          duplicateDeliveryRate: 0.1,
        }
      : {},
  });
  try {
    const clientFor = (source: string): ProvincialClient =>
      createProvincialClient({
        baseUrl: sandbox.url,
        source,
        signer: createHmacSha256Signer(SANDBOX_CREDENTIALS),
        today,
        batchSize: 200,
        timeoutMs: 30_000,
        // Writes carry idempotency keys, so retrying a timed-out attempt cannot duplicate a record.
        retry: { limit: 8, baseDelayMs: 5, maxDelayMs: 50, maxRetryAfterMs: 50, retryOnTimeout: true },
      });
    const departments = [DEPARTMENTS.samr, DEPARTMENTS.health];
    const clients = new Map(departments.map((d) => [d.code, clientFor(d.source)]));
    const outboxes = new Map<string, Outbox>();
    for (const d of departments) {
      const file = join(options.outDir, `outbox-${d.code}.jsonl`);
      rmSync(file, { force: true });
      const store =
        options.database !== undefined && d.code === DEPARTMENTS.samr.code
          ? createPostgresOutboxStore(options.database, { owner: `${d.code}-reporter` })
          : file;
      outboxes.set(d.code, await createOutbox({ client: clients.get(d.code)!, store }));
    }

    // Every work item of the year — fixes, clues, joint tasks, complaints — goes through one task book.
    const taskLog = join(options.outDir, 'tasks.jsonl');
    rmSync(taskLog, { force: true });
    const book: TaskBook = await openTaskBook({ store: createFileTaskStore(taskLog) });
    const clerk = (department: string) => ({ id: `${department}-data-clerk`, department });
    const samrOfficer = { id: 'samr-chengnan', department: DEPARTMENTS.samr.code };

    // --- the annual plans and the draw results (双随机抽取结果) go to the province first ---
    let plansAndDraws = 0;
    for (const record of options.draws) {
      const dept = departments.find((d) => d.code === record.task.department)!;
      const outbox = outboxes.get(dept.code)!;
      const population = record.strata.reduce((n, x) => n + x.populationSize, 0);
      const drawn = record.strata.flatMap((x) => x.picks.map((p) => p.id));
      const planId = record.task.planId ?? record.task.id;
      await outbox.enqueue('plans', [
        {
          operation: 'I',
          record: {
            planId,
            planName: `${dept.name}${year}年度“双随机、一公开”抽查计划`,
            year: String(year),
            areaName: '桐庐县',
            areaCode: '330122',
            supervisionDept: dept.name,
            supervisionDeptCode: dept.uscc,
            samplingRatio: population === 0 ? 0 : Math.round((drawn.length / population) * 10_000) / 10_000,
            startDate: record.task.inspectionStart ?? record.task.asOf,
            endDate: record.task.inspectionEnd ?? record.task.asOf,
          },
        },
      ]);
      await outbox.enqueue(
        'drawResults',
        drawn.map((id) => ({
          operation: 'I' as const,
          record: { planId, objectId: id, objectName: options.names.get(id) ?? id, uscc: id },
        })),
      );
      await flushAll(outbox);
      plansAndDraws += 1 + drawn.length;
    }

    // --- behaviour records, month by month (the outbox is flushed every month) ---
    const byMonth = new Map<string, RecordedInspection[]>();
    for (const i of options.inspections) {
      const m = i.reportedDate.slice(0, 7);
      const list = byMonth.get(m) ?? [];
      list.push(i);
      byMonth.set(m, list);
    }
    const reported = new Map<string, ReportedBehaviour>();
    const clean = new Map<string, BehaviourRecord>();
    const sentById = new Map<string, BehaviourRecord>();
    const usccByName = new Map([...options.names].map(([id, name]) => [name, id]));
    const defects = new Map<string, string>();
    const seenRejections = new Set<string>();
    const byRule: Record<string, number> = {};
    let maxWorkdays = 0;
    for (const month of [...byMonth.keys()].sort()) {
      for (const d of departments) {
        const batch = byMonth.get(month)!.filter((i) => i.department === d.code);
        if (batch.length === 0) continue;
        const outbox = outboxes.get(d.code)!;
        const sent = batch.map((i) => {
          clean.set(i.record.recordId, i.record);
          reported.set(i.record.recordId, {
            recordId: i.record.recordId,
            itemCode: i.record.itemCode,
            department: d.code,
            actDate: (i.record as { checkDate: string }).checkDate,
            reportedDate: i.reportedDate,
          });
          const { sent: s, defect } = withDefect(seed, i.record);
          if (defect !== undefined) defects.set(i.record.recordId, defect);
          sentById.set(s.recordId, s);
          return s;
        });
        // The legacy export goes out as it is (force): the province's 质检 is the one that counts.
        await outbox.enqueue(
          'behaviours',
          sent.map((record) => ({ operation: 'I' as const, record })),
          { force: true },
        );
        await flushAll(outbox);
        // Fix what the province rejected, and re-send through the same outbox (local 质检 on, no force).
        const fresh = outbox.rejected().filter((s) => !seenRejections.has(s.key));
        if (fresh.length === 0) continue;
        const corrections: BehaviourRecord[] = [];
        const accepted: TaskEventInput[] = [];
        for (const s of fresh) {
          seenRejections.add(s.key);
          const { recordId } = s;
          const before = reported.get(recordId)!;
          const rules = [...new Set(((s.issues ?? []) as { rule: string }[]).map((i) => i.rule))].sort();
          for (const rule of rules) byRule[rule] = (byRule[rule] ?? 0) + 1;
          // The province answered on the day the record was reported: a 质检整改 task, 5 working days.
          const rejectedDate = before.reportedDate;
          const [create] = fixTasksFromRejections([s], {
            rejectedOn: rejectedDate,
            department: d.code,
            actor: { id: 'province-quality-check' },
            existing: { has: (id) => book.task(id) !== undefined },
          });
          const fixedDate = addWorkdays(rejectedDate, FIX_LAG[defects.get(recordId) ?? ''] ?? 1);
          maxWorkdays = Math.max(maxWorkdays, FIX_LAG[defects.get(recordId) ?? ''] ?? 1);
          if (create !== undefined) {
            const by = clerk(d.code);
            await book.applyAll([
              create,
              { taskId: create.taskId, action: 'claim', at: rejectedDate, actor: by },
              { taskId: create.taskId, action: 'start_fix', at: rejectedDate, actor: by },
              { taskId: create.taskId, action: 'resubmit', at: fixedDate, actor: by },
            ]);
            accepted.push({
              taskId: create.taskId,
              action: 'accept',
              at: fixedDate,
              actor: { id: 'province-quality-check' },
            });
          }
          reported.set(recordId, { ...before, rejectionRules: rules });
          const issues = (s.issues ?? []) as { rule: string; field: string }[];
          const repaired = fixRecord(sentById.get(recordId)!, issues, {
            caseSystem: clean.get(recordId)!,
            usccByName,
          });
          corrections.push({ ...repaired, submittedAt: `${fixedDate}T10:00:00+08:00` } as BehaviourRecord);
        }
        await outbox.enqueue(
          'behaviours',
          corrections.map((record) => ({ operation: 'I' as const, record })),
        );
        await flushAll(outbox);
        // The corrected records passed the province's 质检: the fix tasks are closed.
        const again = new Set(
          outbox
            .rejected()
            .filter((s) => !seenRejections.has(s.key))
            .map((s) => s.recordId),
        );
        await book.applyAll(accepted.filter((e) => !again.has(String(book.task(e.taskId)?.data?.recordId))));
      }
    }

    // --- the province pushes clues, joint tasks and complaints: one task each (a second sync adds nothing) ---
    const samrClient = clients.get(DEPARTMENTS.samr.code)!;
    await syncFromProvince(book, samrClient, {
      department: DEPARTMENTS.samr.code,
      actor: { id: 'province' },
    });
    const pushed = (lifecycle: string) =>
      book
        .tasks()
        .filter((t) => t.lifecycle.id === lifecycle)
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

    // --- joint tasks (联合监管任务) pushed by the province: claim, inspect, report, feed back ---
    const samrOutbox = outboxes.get(DEPARTMENTS.samr.code)!;
    const jointRecordId = (taskNo: string) => `SAMR-LH-${taskNo}`;
    for (const jt of pushed('joint_task')) {
      const taskNo = jt.source!.ref;
      const start = jt.created;
      const claimDay = addWorkdays(start, 1);
      const name = jt.entity?.name ?? '联合检查对象';
      const h = seedrandom(`${seed}:task:${taskNo}`);
      const checkDate = addWorkdays(start, 3);
      const recordId = jointRecordId(taskNo);
      const record = {
        kind: 'inspection',
        recordId,
        itemCode: SPOT_CHECK_ITEMS[1]!.itemCode, // the food-licence item: joint tasks are food-safety checks
        checkListCode: `${DEPARTMENTS.samr.uscc}400001`,
        implementInstitution: DEPARTMENTS.samr.name,
        implementInstitutionCode: DEPARTMENTS.samr.uscc,
        adminCounterpartName: name,
        adminCounterpartNature: '02',
        adminCounterpartCertType: '001',
        adminCounterpartCertNo: makeUscc('330122', String(10_000_000 + Math.floor(h() * 89_999_999))),
        areaCode: '330122',
        checkActionName: `联合监管任务 ${taskNo}`,
        checkActionCode: `LH${taskNo}`,
        checkForm: '02',
        checkType: '01',
        checkMode: '3',
        checkResult: '01',
        checkDate,
        checkPersonnel: options.jointTaskTeam.map((o) => o.name),
        checkPersonnelCertNos: options.jointTaskTeam.map((o) => o.certNo),
        submittedAt: `${addWorkdays(checkDate, 1)}T17:00:00+08:00`,
      } as BehaviourRecord;
      await samrOutbox.enqueue('behaviours', [{ operation: 'I', record }]);
      reported.set(recordId, {
        recordId,
        itemCode: record.itemCode,
        department: DEPARTMENTS.samr.code,
        actDate: checkDate,
        reportedDate: addWorkdays(checkDate, 1),
      });
      clean.set(recordId, record);
      await book.applyAll([
        { taskId: jt.id, action: 'claim', at: claimDay, actor: samrOfficer },
        { taskId: jt.id, action: 'start_inspection', at: checkDate, actor: samrOfficer },
        {
          taskId: jt.id,
          action: 'feedback',
          at: addWorkdays(checkDate, 1),
          actor: samrOfficer,
          note: '已联合检查，未发现问题',
        },
      ]);
    }
    await flushAll(samrOutbox);

    // --- risk-warning clues (风险预警线索): verify and feed back ---
    for (const clue of pushed('risk_clue')) {
      const warningId = clue.source!.ref;
      const receivedDate = clue.created;
      const u = seedrandom(`${seed}:clue:${warningId}`)();
      const lag = u < 0.85 ? 1 + Math.floor(u * 8) : 12; // a few answered late
      const claimDay = addWorkdays(receivedDate, 1);
      await book.applyAll([
        { taskId: clue.id, action: 'claim', at: claimDay, actor: samrOfficer },
        { taskId: clue.id, action: 'start_verification', at: claimDay, actor: samrOfficer },
        {
          taskId: clue.id,
          action: 'feedback',
          at: addWorkdays(receivedDate, lag),
          actor: samrOfficer,
          note: u < 0.3 ? '线索属实，已立案' : '经核查未发现问题',
        },
      ]);
    }

    // --- complaint work orders (投诉举报工单): handle and close (事件进展状态 4 = 结案) ---
    for (const complaint of pushed('complaint')) {
      const received = complaint.created;
      const replied = addWorkdays(received, 5);
      await book.applyAll([
        { taskId: complaint.id, action: 'claim', at: addWorkdays(received, 1), actor: samrOfficer },
        { taskId: complaint.id, action: 'start_handling', at: addWorkdays(received, 1), actor: samrOfficer },
        {
          taskId: complaint.id,
          action: 'reply',
          at: replied,
          actor: samrOfficer,
          note: '已核查处理并答复投诉人',
        },
        { taskId: complaint.id, action: 'close', at: replied, actor: samrOfficer },
      ]);
    }

    // --- the outcomes go back to the province: clue feedback, joint-task claim and feedback, complaint status ---
    const sent = new Set<string>();
    for (let attempt = 0; ; attempt++) {
      const r = await feedbackToProvince(book, samrClient, {
        sent,
        unitName: DEPARTMENTS.samr.name,
        recordIds: (t) => [jointRecordId(t.source!.ref)],
      });
      if (r.failed.length === 0) break;
      if (attempt >= 5)
        throw new Error(`${r.failed.length} answers to the province failed`, { cause: r.failed[0]?.error });
    }
    const facts = book.kpiFacts();
    const clues: AnsweredClue[] = facts.clues
      .filter((c) => c.feedbackDate !== undefined)
      .map((c) => ({
        clueId: c.clueId,
        receivedDate: c.receivedDate,
        feedbackDate: c.feedbackDate as string,
      }));
    const joint = pushed('joint_task');
    const claimed = joint.filter((t) => t.entered.claimed !== undefined).length;
    const answered = joint.filter((t) => t.entered.fed_back !== undefined).length;
    const complaintsClosed = pushed('complaint').filter((t) => t.state === 'closed').length;
    const fixTasks = pushed('quality_fix');
    const rejected = fixTasks.length;
    const fixed = fixTasks.filter((t) => t.state === 'closed').length;
    const onTime = book
      .timeliness({ asOf: today, kind: 'quality_fix', deadline: 'fix' })
      .filter((r) => r.onTime && book.task(r.taskId)?.state === 'closed').length;
    const workItems: Record<string, WorkItemTally> = {};
    // The deadline each kind is judged by: feedback (clues, joint tasks), reply (complaints), fix (rejections).
    const mainDeadline = {
      risk_clue: 'feedback',
      joint_task: 'feedback',
      complaint: 'reply',
      quality_fix: 'fix',
    };
    for (const [kind, deadline] of Object.entries(mainDeadline)) {
      const rows = book.timeliness({ asOf: today, kind, deadline });
      const dueRows = rows.filter((r) => r.counted);
      const onTimeRows = dueRows.filter((r) => r.onTime).length;
      workItems[kind] = {
        total: pushed(kind).length,
        due: dueRows.length,
        onTime: onTimeRows,
        late: dueRows.length - onTimeRows,
        open: rows.length - dueRows.length,
      };
    }
    await book.close();

    // --- publications (年度计划, 工作动态, 曝光台) ---
    const publications: { id: string; channel: string; date: string; department: string }[] = [];
    const publish = async (channel: 'annual-plan' | 'work-news' | 'exposure', id: string, date: string) => {
      await samrClient.publish(channel, {
        publicationId: id,
        title: `${DEPARTMENTS.samr.name} ${channel} ${id}`,
        content: '（演示内容）',
        publishedAt: `${date}T10:00:00+08:00`,
      });
      publications.push({ id, channel, date, department: DEPARTMENTS.samr.code });
    };
    await publish('annual-plan', `${year}-plan`, `${year}-02-27`);
    const rng = seedrandom(`${seed}:publications`);
    for (let m = 1; m <= 12; m++) {
      const month = `${year}-${String(m).padStart(2, '0')}`;
      const news = 17 + Math.floor(rng() * 7);
      const exposure = 3 + Math.floor(rng() * 3);
      const jobs: Promise<void>[] = [];
      for (let k = 0; k < news; k++)
        jobs.push(
          publish('work-news', `${month}-news-${k + 1}`, `${month}-${String(1 + k).padStart(2, '0')}`),
        );
      for (let k = 0; k < exposure; k++)
        jobs.push(
          publish('exposure', `${month}-exp-${k + 1}`, `${month}-${String(2 + 5 * k).padStart(2, '0')}`),
        );
      await Promise.all(jobs);
    }

    for (const o of outboxes.values()) await o.close();

    // --- exactly once: every record we reported is stored once in the province ---
    const perRecord = new Map<string, number>();
    for (const w of sandbox.state.writes) {
      if (w.kind === 'behaviours') perRecord.set(w.recordId, (perRecord.get(w.recordId) ?? 0) + 1);
    }
    const ok =
      perRecord.size === reported.size &&
      [...reported.keys()].every((id) => perRecord.get(id) === 1) &&
      sandbox.state.records('behaviours').length === reported.size;
    const stats = sandbox.state.stats();
    await options.inspectSandbox?.(sandbox);
    return {
      // The rejection and fix dates come from the fix tasks, so the scorecard counts what the task list counts.
      behaviours: applyFixFacts([...reported.values()], facts.fixes).sort((a, b) =>
        a.recordId < b.recordId ? -1 : 1,
      ),
      clues,
      jointTasks: { claimed, answered },
      complaintsClosed,
      plansAndDraws,
      publications: publications.sort((a, b) => (a.id < b.id ? -1 : 1)),
      fixes: { rejected, fixed, onTime, maxWorkdays, byRule },
      exactlyOnce: { ok, stored: perRecord.size, expected: reported.size },
      workItems,
      taskLog,
      transport: stats,
    };
  } finally {
    await sandbox.stop();
  }
}
