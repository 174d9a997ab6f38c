import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addWorkdays } from '@jianguan/core';
import type { ProvincialClientOptions } from '@jianguan/provincial-client';
import {
  createHmacSha256Signer,
  createProvincialClient,
  InvalidItemError,
  ResponseValidationError,
} from '@jianguan/provincial-client';
import type { Sandbox } from '@jianguan/sandbox';
import { SANDBOX_CREDENTIALS, startSandbox } from '@jianguan/sandbox';
import type { SyncCursors, SyncResult, TaskBook } from '@jianguan/tasks';
import {
  commitmentTaskId,
  createFileSyncCursorStore,
  createFileTaskStore,
  doubleNotificationTaskId,
  feedbackToProvince,
  openTaskBook,
  syncFromProvince,
} from '@jianguan/tasks';
import { afterAll, describe, expect, it } from 'vitest';

const HOUR = 3_600_000;
const counts = { clues: 7, complaints: 5, jointTasks: 4, doubleNotifications: 9, commitments: 6 };
const total = Object.values(counts).reduce((a, b) => a + b, 0);
const dir = mkdtempSync(join(tmpdir(), 'jianguan-sync-time-'));
const sandboxes: Sandbox[] = [];
afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.stop()));
  rmSync(dir, { recursive: true, force: true });
});

async function sandboxWithArrivals(seed: string): Promise<Sandbox> {
  // One item of each feed every 12 hours on average, two of each there at start; the sandbox's real clock moves
  // by milliseconds during the test, so only `advance` releases items.
  const s = await startSandbox({
    seed,
    counts,
    baseDate: '2025-09-26',
    arrivals: { everyMs: 12 * HOUR, initial: 2 },
  });
  sandboxes.push(s);
  return s;
}

const clientOf = (sandbox: Sandbox, extra: Partial<ProvincialClientOptions> = {}) =>
  createProvincialClient({
    baseUrl: sandbox.url,
    source: '330100-SCJG',
    signer: createHmacSha256Signer(SANDBOX_CREDENTIALS),
    retry: { limit: 6, baseDelayMs: 1, maxDelayMs: 5, jitter: false },
    ...extra,
  });

const released = (s: Sandbox) => ({
  clues: s.state.released('clues'),
  jointTasks: s.state.released('jointTasks'),
  complaints: s.state.released('complaints'),
  doubleNotifications: s.state.released('doubleNotifications'),
  commitments: s.state.released('commitments'),
});
const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
const minus = (a: Record<string, number>, b: Record<string, number>) =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v - (b[k] ?? 0)]));

describe('items released over time are synced exactly once (real HTTP, real sandbox)', () => {
  it('several runs, a restart from the persisted cursors, and a crash before the cursor save', async () => {
    const sandbox = await sandboxWithArrivals('over-time');
    const bookPath = join(dir, 'tasks.jsonl');
    const cursorPath = join(dir, 'cursors.json');
    const cursorStore = createFileSyncCursorStore(cursorPath);
    let book: TaskBook = await openTaskBook({ store: createFileTaskStore(bookPath) });
    const runs: SyncResult[] = [];
    const sync = async (b: TaskBook = book) => {
      const r = await syncFromProvince(b, clientOf(sandbox), { department: 'scjg', cursorStore });
      expect(r.failed).toEqual([]);
      expect(r.invalid).toEqual([]);
      runs.push(r);
      return r;
    };

    // Run 1: only the initial items are there.
    let before = { clues: 0, jointTasks: 0, complaints: 0, doubleNotifications: 0, commitments: 0 };
    let now = released(sandbox);
    expect(now).toEqual({ clues: 2, jointTasks: 2, complaints: 2, doubleNotifications: 2, commitments: 2 });
    expect((await sync()).created).toEqual(now);

    // Runs 2–4: time moves on; each run creates exactly the items that arrived in between.
    for (const hours of [20, 0, 30]) {
      sandbox.advance(hours * HOUR);
      before = now;
      now = released(sandbox);
      const r = await sync();
      expect(r.created).toEqual(minus(now, before));
      expect(r.seen).toBe(sum(minus(now, before)));
    }
    expect(book.size).toBe(sum(now));
    expect(sum(now)).toBeLessThan(total);

    // Restart: a new process opens the same files and resumes from the saved cursors.
    await book.close();
    book = await openTaskBook({ store: createFileTaskStore(bookPath) });
    expect(book.size).toBe(sum(now));
    const resumed = await sync();
    expect(resumed.seen).toBe(0);
    expect(resumed.created).toEqual({
      clues: 0,
      jointTasks: 0,
      complaints: 0,
      doubleNotifications: 0,
      commitments: 0,
    });

    // A crash after the tasks are written but before the cursors are saved: the next run re-pulls those items
    // and creates none of them again.
    sandbox.advance(24 * HOUR);
    before = now;
    now = released(sandbox);
    const saved = (await cursorStore.load()) as SyncCursors;
    await expect(
      syncFromProvince(book, clientOf(sandbox), {
        department: 'scjg',
        cursorStore: {
          load: () => saved,
          save: () => {
            throw new Error('power cut');
          },
        },
      }),
    ).rejects.toThrow('power cut');
    expect(book.size).toBe(sum(now));
    const createdByCrashedRun = sum(minus(now, before));
    expect(createdByCrashedRun).toBeGreaterThan(0);
    const afterCrash = await sync();
    expect(afterCrash.seen).toBe(sum(minus(now, before)));
    expect(sum(afterCrash.created)).toBe(0);

    // Everything arrives; the last run takes the rest.
    sandbox.advance(1000 * HOUR);
    const last = await sync();
    expect(sum(last.created)).toBe(total - sum(now));
    expect(book.size).toBe(total);
    const ids = book.tasks().map((t) => t.id);
    expect(new Set(ids).size).toBe(total);
    expect(runs.reduce((n, r) => n + sum(r.created), 0) + createdByCrashedRun).toBe(total);
    await book.close();
  });

  it('双告知 items become tasks due for claim 5 working days after the push; failed routing starts 待分配', async () => {
    const sandbox = await sandboxWithArrivals('sgz-deadlines');
    sandbox.advance(1000 * HOUR);
    const book = await openTaskBook();
    await syncFromProvince(book, clientOf(sandbox), { department: 'scjg' });
    const items = await clientOf(sandbox).doubleNotifications().toArray({ limit: 100 });
    expect(items).toHaveLength(counts.doubleNotifications);
    for (const item of items) {
      const task = book.task(doubleNotificationTaskId(item.itemId))!;
      const pushedDay = item.pushedAt.slice(0, 10);
      expect(task.created).toBe(pushedDay);
      if (item.routing === 'failed') {
        expect(task.state).toBe('unrouted');
        expect(task.department).toBeUndefined();
      } else {
        expect(task.state).toBe('dispatched');
        expect(task.department).toBe(item.department);
        expect(task.deadlines.find((d) => d.id === 'claim')?.due).toBe(addWorkdays(pushedDay, 5));
      }
    }
    // Items arrive over time, so they are dated on different days from the base date on.
    expect(new Set(items.map((i) => i.pushedAt.slice(0, 10))).size).toBeGreaterThan(2);
    // Commitments are due on their own 承诺履行期限.
    for (const k of await clientOf(sandbox).commitments().toArray({ limit: 100 })) {
      const task = book.task(commitmentTaskId(k.id))!;
      expect(task.lifecycle.id).toBe('commitment_verification');
      expect(task.entity?.uscc).toBe(k.entityId);
      expect(task.deadlines.find((d) => d.id === 'verify')?.due).toBe(k.deadline);
    }
  });
});

describe('feedback reaches the sandbox exactly once', () => {
  it('双告知 claim and feedback, and commitment verifications, through faults and repeated runs', async () => {
    const sandbox = await sandboxWithArrivals('sgz-feedback');
    sandbox.advance(1000 * HOUR);
    const book = await openTaskBook();
    await syncFromProvince(book, clientOf(sandbox), { department: 'scjg' });
    const officer = { id: 'wang', department: 'wjw' };
    const routed = book
      .tasks()
      .filter((t) => t.lifecycle.id === 'double_notification' && t.state === 'dispatched');
    expect(routed.length).toBeGreaterThanOrEqual(2);
    const [a, b] = routed as [(typeof routed)[0], (typeof routed)[0]];
    const day = '2025-12-01';
    await book.apply({ taskId: a.id, action: 'claim', at: day, actor: officer });
    await book.apply({ taskId: a.id, action: 'start_handling', at: day, actor: officer });
    await book.apply({
      taskId: a.id,
      action: 'feedback',
      at: '2025-12-02',
      actor: officer,
      note: '已办理许可',
    });
    await book.apply({ taskId: b.id, action: 'claim', at: day, actor: officer });
    const [k1, k2] = book.tasks().filter((t) => t.lifecycle.id === 'commitment_verification') as [
      (typeof routed)[0],
      (typeof routed)[0],
    ];
    for (const k of [k1, k2]) {
      await book.apply({ taskId: k.id, action: 'claim', at: day, actor: officer });
      await book.apply({ taskId: k.id, action: 'start_verification', at: day, actor: officer });
    }
    await book.apply({ taskId: k1.id, action: 'confirm_kept', at: '2025-12-03', actor: officer });
    await book.apply({
      taskId: k2.id,
      action: 'record_broken',
      at: '2025-12-03',
      actor: officer,
      note: '列入重点监管对象，依法撤销许可',
    });

    // Half the requests fail after the sandbox processed them (the answer is lost): retries carry the same
    // Idempotency-Key, so each write is stored once.
    sandbox.state.faults = { serverErrorRate: 0.5, afterProcessingShare: 1 };
    const sent = new Set<string>();
    const options = { sent, unitName: '某县市场监督管理局' };
    const c = clientOf(sandbox);
    const first = await feedbackToProvince(book, c, options);
    sandbox.state.faults = {};
    expect(first.failed).toEqual([]);
    const aRef = a.source?.ref as string;
    const bRef = b.source?.ref as string;
    expect([...first.sent].sort()).toEqual(
      [
        `sgz-claim:${aRef}`,
        `sgz-feedback:${aRef}`,
        `sgz-claim:${bRef}`,
        `commitment-verification:${k1.source?.ref}`,
        `commitment-verification:${k2.source?.ref}`,
      ].sort(),
    );
    expect(sandbox.state.doubleNotifications.get(aRef)).toEqual({
      claim: { claimTime: '2025-12-01T00:00:00+08:00', department: a.department as string, officer: 'wang' },
      feedback: { feedbackTime: '2025-12-02T00:00:00+08:00', result: '已办理许可' },
    });
    expect(sandbox.state.doubleNotifications.get(bRef)?.feedback).toBeUndefined();
    expect(sandbox.state.commitmentVerifications.get(k1.source?.ref as string)).toEqual({
      verifiedAt: '2025-12-03',
      outcome: 'confirmed',
    });
    expect(sandbox.state.commitmentVerifications.get(k2.source?.ref as string)).toEqual({
      verifiedAt: '2025-12-03',
      outcome: 'failed',
      measures: '列入重点监管对象，依法撤销许可',
    });
    // Faults did strike after processing, and retries were answered from the Idempotency-Key cache (a claim
    // processed twice would have been refused with code 22 and reported in `failed`).
    expect(sandbox.state.requests.some((r) => r.method === 'POST' && r.fault === 'server-error')).toBe(true);
    expect(sandbox.state.stats().replays).toBeGreaterThan(0);
    // A second run sends nothing.
    expect((await feedbackToProvince(book, c, options)).sent).toEqual([]);
    // Even with the keys forgotten, the province keeps one claim (same body → same key → cached answer).
    const again = await feedbackToProvince(book, c, {
      sent: new Set<string>(),
      unitName: '某县市场监督管理局',
    });
    expect(again.failed).toEqual([]);
    expect(sandbox.state.doubleNotifications.get(aRef)?.claim).toMatchObject({ officer: 'wang' });
    expect(sandbox.state.commitmentVerifications.size).toBe(2);
  });
});

describe('bad payloads from the province', () => {
  it('an invalid item is a typed error, skipped and reported; the feed moves on and the rest is synced', async () => {
    const sandbox = await sandboxWithArrivals('bad-items');
    sandbox.advance(1000 * HOUR);
    let corruptCommitmentPage = true;
    const corrupting: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      if (url.pathname === '/v1/double-notifications') {
        const body = (await res.json()) as { data: { items: Record<string, unknown>[] } };
        for (const item of body.data.items)
          if (item.itemId === 'SGZ00000003') item.uscc = 'not-a-uscc';
          else if (item.itemId === 'SGZ00000005') item.pushedAt = 'yesterday';
        return new Response(JSON.stringify(body), { status: res.status, headers: res.headers });
      }
      if (url.pathname === '/v1/commitments' && corruptCommitmentPage) {
        const body = (await res.json()) as { data: Record<string, unknown> };
        body.data.items = 'garbage';
        return new Response(JSON.stringify(body), { status: res.status, headers: res.headers });
      }
      return res;
    };
    const book = await openTaskBook();
    const client = clientOf(sandbox, { fetch: corrupting });

    // Without skipping, the client throws the typed error.
    const error = await client
      .doubleNotifications()
      .toArray({ limit: 100 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidItemError);
    expect(error).toMatchObject({
      code: 'invalid_item',
      endpoint: 'listDoubleNotifications',
      itemId: 'SGZ00000003',
    });

    const first = await syncFromProvince(book, client, { department: 'scjg' });
    expect(first.invalid.map((x) => [x.feed, (x.error as InvalidItemError).itemId])).toEqual([
      ['doubleNotifications', 'SGZ00000003'],
      ['doubleNotifications', 'SGZ00000005'],
    ]);
    expect(first.invalid.every((x) => x.error instanceof InvalidItemError)).toBe(true);
    expect((first.invalid[0]!.error as InvalidItemError).issues[0]?.path).toEqual(['uscc']);
    expect(first.created.doubleNotifications).toBe(counts.doubleNotifications - 2);
    expect(first.cursors.doubleNotifications).toBe(`c${counts.doubleNotifications}`);
    // A malformed page fails its feed only: the other feeds are synced, its cursor does not move.
    expect(first.failed).toHaveLength(1);
    expect(first.failed[0]?.feed).toBe('commitments');
    expect(first.failed[0]?.error).toBeInstanceOf(ResponseValidationError);
    expect(first.cursors.commitments).toBeUndefined();
    expect(first.created.clues).toBe(counts.clues);
    expect(book.task(doubleNotificationTaskId('SGZ00000003'))).toBeUndefined();

    // Once the province answers well again, the next run picks the commitments up; nothing is created twice.
    corruptCommitmentPage = false;
    const second = await syncFromProvince(book, client, { department: 'scjg', cursors: first.cursors });
    expect(second.failed).toEqual([]);
    expect(second.created).toEqual({
      clues: 0,
      jointTasks: 0,
      complaints: 0,
      doubleNotifications: 0,
      commitments: counts.commitments,
    });
    expect(book.size).toBe(total - 2);
  });
});
