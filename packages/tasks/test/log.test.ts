import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from '@jianguan/core';
import type { TaskEvent, TaskEventInput } from '@jianguan/tasks';
import {
  BUILT_IN_LIFECYCLES,
  createFileSyncCursorStore,
  createFileTaskStore,
  createLifecycleRegistry,
  createMemoryTaskStore,
  GENESIS_HASH,
  openTaskBook,
  replayTasks,
  TaskLogTamperedError,
  verifyLog,
} from '@jianguan/tasks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTRACT_SCRIPT, describeTaskStoreContract } from './store-contract.js';

// The contract's script: two tasks (a clue and a 双告知) through claim, return, redispatch and feedback; its last
// note and data carry bytes a store must keep (NUL, quotes, backslash, astral, NFD, a line break).
const script = CONTRACT_SCRIPT;
const feedbackNote = (script[6] as { note: string }).note;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jg-tasks-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const snapshot = (tasks: Iterable<unknown>) => canonicalJson([...tasks]);

describe('what the book hands out cannot change it', () => {
  it('events, tasks and due lists are frozen, and editing a copy changes nothing in the book', async () => {
    const book = await openTaskBook();
    for (const e of script.slice(0, 3)) await book.apply(e);
    const before = snapshot(book.tasks());
    const head = book.head;
    const events = book.events();
    expect(Object.isFrozen(events)).toBe(true);
    expect(() => (events as TaskEvent[]).push(events[0]!)).toThrow(TypeError);
    expect(() => {
      (events[0] as { taskId: string }).taskId = 'x';
    }).toThrow(TypeError);
    const task = book.tasks()[0]!;
    expect(Object.isFrozen(task)).toBe(true);
    expect(() => {
      (task as { state: string }).state = 'done';
    }).toThrow(TypeError);
    expect(snapshot(book.tasks())).toBe(before);
    expect(book.head).toBe(head);
    expect(book.size).toBe(3);
    // the book goes on: a later event sees the unchanged state, and events() shows it
    for (const e of script.slice(3)) await book.apply(e);
    expect(book.events()).toHaveLength(script.length);
    expect(verifyLog(book.events()).ok).toBe(true);
    expect(events).toHaveLength(3);
  });
});

describe('the event log', () => {
  it('chains every event to the one before and replays to the same state', async () => {
    const book = await openTaskBook();
    for (const e of script) await book.apply(e);
    const events = book.events();
    expect(events[0]?.prev).toBe(GENESIS_HASH);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (let i = 1; i < events.length; i++) expect(events[i]?.prev).toBe(events[i - 1]?.hash);
    expect(verifyLog(events)).toEqual({ ok: true, head: book.head, count: 7 });
    const replayed = replayTasks(events, { lifecycles: createLifecycleRegistry(BUILT_IN_LIFECYCLES) });
    expect(snapshot(replayed.values())).toBe(snapshot(book.tasks()));
    expect(book.task('N1')).toMatchObject({
      state: 'dispatched',
      department: 'jtj',
      reason: { code: '01', note: '属卫健职责外' },
    });
    expect(book.task('C1')).toMatchObject({ state: 'fed_back', officer: 'zhang', note: feedbackNote });
    expect(book.allowed('C1')).toEqual(['reject_feedback', 'close']);
  });

  it('detects an edited, removed, inserted or reordered event', async () => {
    const book = await openTaskBook();
    await book.applyAll(script);
    const events = book.events().map((e) => structuredClone(e)) as TaskEvent[];
    const edited = events.map((e, i) => (i === 3 ? { ...e, reason: { code: '02' } } : e));
    expect(verifyLog(edited)).toEqual({ ok: false, index: 3, reason: 'hash_mismatch' });
    const removed = events.filter((_, i) => i !== 2);
    expect(verifyLog(removed)).toMatchObject({ ok: false, index: 2 });
    const reordered = [events[0], events[2], events[1], ...events.slice(3)] as TaskEvent[];
    expect(verifyLog(reordered)).toMatchObject({ ok: false, index: 1 });
    // Rewriting an event and re-hashing only that one still breaks the next link.
    const rehashed = events.map((e) => ({ ...e }));
    rehashed[2] = { ...rehashed[2], actor: { id: 'someone-else' } } as TaskEvent;
    const { hashEvent } = await import('@jianguan/tasks');
    rehashed[2] = { ...rehashed[2], hash: hashEvent(rehashed[2] as TaskEvent) } as TaskEvent;
    expect(verifyLog(rehashed)).toEqual({ ok: false, index: 3, reason: 'prev_mismatch' });
    await expect(openTaskBook({ store: createMemoryTaskStore(edited) })).rejects.toBeInstanceOf(
      TaskLogTamperedError,
    );
  });

  it('writes nothing when an event is illegal, and a batch is all or nothing', async () => {
    const store = createMemoryTaskStore();
    const book = await openTaskBook({ store });
    await book.apply(script[0] as TaskEventInput);
    await expect(
      book.apply({ taskId: 'C1', action: 'close', at: '2025-10-01', actor: { id: 'x' } }),
    ).rejects.toMatchObject({ code: 'illegal_transition' });
    await expect(
      book.applyAll([
        script[1] as TaskEventInput,
        { taskId: 'N1', action: 'feedback', at: '2025-10-01', actor: { id: 'x' } },
      ]),
    ).rejects.toMatchObject({
      code: 'illegal_transition',
    });
    expect(store.events.length).toBe(1);
    expect(book.size).toBe(1);
    expect(book.task('N1')).toBeUndefined();
    await book.apply(script[1] as TaskEventInput);
    expect(verifyLog(store.events).ok).toBe(true);
  });
});

describe('stores', () => {
  it('recovers from a torn last line and refuses a corrupt line in the middle', async () => {
    const path = join(dir, 'tasks.jsonl');
    const book = await openTaskBook({ store: createFileTaskStore(path) });
    await book.applyAll(script);
    await book.close();
    const text = await readFile(path, 'utf8');
    expect(text.trim().split('\n')).toHaveLength(7); // one line per event (the note's line break is escaped)
    await writeFile(path, `${text}{"seq":8,"prev":"ab`);
    const store = createFileTaskStore(path);
    const recovered = await openTaskBook({ store });
    expect(recovered.size).toBe(7);
    expect(store.recovered).toBeGreaterThan(0);
    await recovered.apply({ taskId: 'C1', action: 'close', at: '2025-10-14', actor: { id: 'zhang' } });
    await recovered.close();
    const reopened = await openTaskBook({ store: createFileTaskStore(path) });
    expect(reopened.size).toBe(8);
    expect(reopened.task('C1')?.state).toBe('closed');
    await reopened.close();

    const lines = (await readFile(path, 'utf8')).split('\n');
    lines[2] = '{not json';
    await writeFile(path, lines.join('\n'));
    await expect(createFileTaskStore(path).load()).rejects.toMatchObject({ code: 'store_corrupt' });
  });

  it('a tampered file is refused on open', async () => {
    const path = join(dir, 'tasks.jsonl');
    const book = await openTaskBook({ store: createFileTaskStore(path) });
    await book.applyAll(script);
    await book.close();
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('现场核查，未发现问题', '现场核查，发现问题'));
    await expect(openTaskBook({ store: createFileTaskStore(path) })).rejects.toMatchObject({
      name: 'TaskLogTamperedError',
      details: { index: 6 },
    });
  });

  it('an acknowledged event reopens: data is sealed as the JSON the store keeps, detached from the caller', async () => {
    const path = join(dir, 'tasks.jsonl');
    const data = { pushed: new Date('2025-09-30T01:00:00Z'), hook: () => 1, nested: { n: 1 } };
    const input = {
      taskId: 'D1',
      action: 'create',
      at: '2025-09-30',
      actor: { id: 'reg' },
      data: { at: new Date('2025-09-30T02:00:00Z') },
      task: { lifecycle: 'risk_clue', department: 'scjg', data },
    } as unknown as TaskEventInput;
    const book = await openTaskBook({ store: createFileTaskStore(path) });
    await book.apply(input);
    await book.close();
    const reopened = await openTaskBook({ store: createFileTaskStore(path) });
    expect(reopened.task('D1')?.data).toEqual({ pushed: '2025-09-30T01:00:00.000Z', nested: { n: 1 } });
    await reopened.close();

    const memory = createMemoryTaskStore();
    const inMemory = await openTaskBook({ store: memory });
    await inMemory.apply({
      ...input,
      data: undefined,
      task: { lifecycle: 'risk_clue', data },
    } as TaskEventInput);
    data.nested.n = 2; // the caller reuses its object after the event was acknowledged
    expect(inMemory.task('D1')?.data).toEqual({ pushed: '2025-09-30T01:00:00.000Z', nested: { n: 1 } });
    expect(verifyLog(memory.events).ok).toBe(true);
  });

  it('data that cannot be stored as JSON is a typed invalid_event, and nothing is written', async () => {
    const book = await openTaskBook();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const [data, path] of [
      [{ big: 1n }, ['task', 'data']],
      [cyclic, ['task', 'data']],
    ] as const) {
      await expect(
        book.apply({
          taskId: 'B1',
          action: 'create',
          at: '2025-09-30',
          actor: { id: 'reg' },
          task: { lifecycle: 'risk_clue', data },
        }),
      ).rejects.toMatchObject({
        code: 'invalid_event',
        path,
        messages: { zh: expect.any(String), en: expect.any(String) },
      });
    }
    await expect(
      book.apply({
        taskId: 'B1',
        action: 'create',
        at: '2025-09-30',
        actor: { id: 'reg' },
        data: { big: 2n },
        task: { lifecycle: 'risk_clue' },
      }),
    ).rejects.toMatchObject({ code: 'invalid_event', path: ['data'] });
    expect(book.size).toBe(0);
  });

  it('a failed append leaves nothing behind: the next appends and a reopen still verify', async () => {
    const path = join(dir, 'tasks.jsonl');
    const book = await openTaskBook({ store: createFileTaskStore(path) });
    await book.applyAll(script.slice(0, 2));
    const probe = await open(join(dir, 'probe'), 'w');
    const proto = Object.getPrototypeOf(probe) as { sync: () => Promise<void> };
    await probe.close();
    const sync = vi
      .spyOn(proto, 'sync')
      .mockRejectedValueOnce(Object.assign(new Error('EIO'), { code: 'EIO' }));
    try {
      await expect(book.apply(script[2] as TaskEventInput)).rejects.toThrow('EIO');
    } finally {
      sync.mockRestore();
    }
    expect(book.size).toBe(2);
    await book.applyAll(script.slice(2));
    await book.close();
    const reopened = await openTaskBook({ store: createFileTaskStore(path) });
    expect(reopened.size).toBe(script.length);
    expect(verifyLog(reopened.events()).ok).toBe(true);
    await reopened.close();
  });

  it('when a failed append cannot be cut back, the store refuses further appends until reopened', async () => {
    const path = join(dir, 'tasks.jsonl');
    const book = await openTaskBook({ store: createFileTaskStore(path) });
    await book.applyAll(script.slice(0, 2));
    const probe = await open(join(dir, 'probe'), 'w');
    const proto = Object.getPrototypeOf(probe) as {
      sync: () => Promise<void>;
      truncate: (n?: number) => Promise<void>;
    };
    await probe.close();
    const sync = vi.spyOn(proto, 'sync').mockRejectedValueOnce(new Error('EIO'));
    const truncate = vi.spyOn(proto, 'truncate').mockRejectedValueOnce(new Error('EIO'));
    try {
      await expect(book.apply(script[2] as TaskEventInput)).rejects.toThrow('EIO');
    } finally {
      sync.mockRestore();
      truncate.mockRestore();
    }
    await expect(book.apply(script[2] as TaskEventInput)).rejects.toMatchObject({ code: 'store_corrupt' });
    await book.close();
    const reopened = await openTaskBook({ store: createFileTaskStore(path) });
    expect(reopened.size).toBe(3); // the unacknowledged line was written whole and is kept on reopen
    await reopened.close();
  });

  it('a second writer does not take the lock while the first is still writing its pid into it', async () => {
    const path = join(dir, 'tasks.jsonl');
    const probe = await open(join(dir, 'probe'), 'w');
    const proto = Object.getPrototypeOf(probe) as { write: (...args: unknown[]) => Promise<unknown> };
    await probe.close();
    const write = proto.write;
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const spy = vi.spyOn(proto, 'write').mockImplementationOnce(async function (this: unknown, ...args) {
      await held; // the first writer has created the lock file but not yet written its pid
      return write.apply(this, args);
    });
    try {
      const first = createFileTaskStore(path);
      const loading = first.load();
      while ((await readFile(`${path}.lock`, 'utf8').catch(() => undefined)) === undefined)
        await new Promise((resolve) => setTimeout(resolve, 1));
      const second = createFileTaskStore(path).load();
      setTimeout(release, 100);
      await expect(second).rejects.toMatchObject({ code: 'store_locked', details: { pid: process.pid } });
      await expect(loading).resolves.toEqual([]);
      expect(await readFile(`${path}.lock`, 'utf8')).toBe(String(process.pid));
      await first.close();
    } finally {
      spy.mockRestore();
    }
  });

  it('the cursor file is flushed to disk before it replaces the old one', async () => {
    const path = join(dir, 'cursors.json');
    const store = createFileSyncCursorStore(path);
    const probe = await open(join(dir, 'probe'), 'w');
    const proto = Object.getPrototypeOf(probe) as { sync: () => Promise<void> };
    await probe.close();
    const sync = vi.spyOn(proto, 'sync');
    try {
      await store.save({ clues: 'c-2' });
      expect(sync).toHaveBeenCalled();
    } finally {
      sync.mockRestore();
    }
    expect(await store.load()).toEqual({ clues: 'c-2' });
  });

  it('enforces a single writer with a lock file, and takes over a stale lock', async () => {
    const path = join(dir, 'tasks.jsonl');
    const first = await openTaskBook({ store: createFileTaskStore(path) });
    await expect(openTaskBook({ store: createFileTaskStore(path) })).rejects.toMatchObject({
      code: 'store_locked',
      details: { pid: process.pid },
    });
    await first.close();
    await writeFile(`${path}.lock`, '2147483646'); // no such process
    const second = await openTaskBook({ store: createFileTaskStore(path) });
    expect(await readFile(`${path}.lock`, 'utf8')).toBe(String(process.pid));
    await second.close();
    await expect(second.apply(script[0] as TaskEventInput)).rejects.toMatchObject({ code: 'store_closed' });
  });
});

describeTaskStoreContract('memory', async () => {
  let backing: TaskEvent[] = [];
  return {
    open: () => {
      const store = createMemoryTaskStore(backing);
      return {
        load: () => store.load(),
        append: async (events) => {
          await store.append(events);
          backing = [...store.events];
        },
        close: () => store.close(),
      };
    },
  };
});

describeTaskStoreContract('file', async () => {
  const root = await mkdtemp(join(tmpdir(), 'jg-tasks-contract-'));
  const path = join(root, 'tasks.jsonl');
  return {
    open: () => createFileTaskStore(path),
    dispose: () => rm(root, { recursive: true, force: true }),
  };
});
