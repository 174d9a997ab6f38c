// The contract every TaskStore meets (memory, file, and other packages' stores such as @jianguan/postgres's):
// one suite function, called by each store's test file with a factory. A factory hands out stores over ONE
// backing log (a file, a database table …): a store opened after another was closed sees what it appended.
import { canonicalJson } from '@jianguan/core';
import type { TaskEventInput, TaskStore } from '@jianguan/tasks';
import { createMemoryTaskStore, openTaskBook, rebuildStore, verifyLog } from '@jianguan/tasks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/** Opens stores over one fresh backing log; `dispose` removes it. */
export interface TaskStoreFactory {
  /** A new store over the shared backing log. */
  open(): TaskStore | Promise<TaskStore>;
  dispose?(): Promise<void>;
}

export const CONTRACT_SCRIPT: readonly TaskEventInput[] = [
  {
    taskId: 'C1',
    action: 'create',
    at: '2025-09-30T09:00:00+08:00',
    actor: { id: 'province' },
    task: { lifecycle: 'risk_clue', department: 'scjg', entity: { uscc: '91330100799655058B' } },
  },
  {
    taskId: 'N1',
    action: 'create',
    at: '2025-09-30',
    actor: { id: 'amr' },
    task: { lifecycle: 'double_notification', department: 'wjw' },
  },
  { taskId: 'C1', action: 'claim', at: '2025-10-09', actor: { id: 'zhang', department: 'scjg' } },
  {
    taskId: 'N1',
    action: 'return',
    at: '2025-10-09',
    actor: { id: 'li' },
    reason: { code: '01', note: '属卫健职责外' },
  },
  { taskId: 'N1', action: 'redispatch', at: '2025-10-10', actor: { id: 'amr' }, to: { department: 'jtj' } },
  { taskId: 'C1', action: 'start_verification', at: '2025-10-10', actor: { id: 'zhang' } },
  {
    taskId: 'C1',
    action: 'feedback',
    at: '2025-10-13',
    actor: { id: 'zhang' },
    // Characters a store must keep byte for byte: NUL, quotes, backslash, astral, NFD, a line break.
    note: '现场核查，未发现问题 \u0000 "q" \\ 😊 e\u0301\nL2',
    data: { n: 0.1, big: 1e21, neg: -2.5e-7, nested: { z: 1, a: [true, null] } },
  },
];

const snapshot = (tasks: Iterable<unknown>) => canonicalJson([...tasks]);

/**
 * Runs the task-store contract against stores from `makeFactory` (called once per test, so every test has a
 * fresh backing log).
 */
export function describeTaskStoreContract(name: string, makeFactory: () => Promise<TaskStoreFactory>): void {
  describe(`TaskStore contract: ${name}`, () => {
    let factory: TaskStoreFactory;
    beforeEach(async () => {
      factory = await makeFactory();
    });
    afterEach(async () => {
      await factory.dispose?.();
    });

    it('starts empty, and load returns exactly what was appended, in order', async () => {
      const store = await factory.open();
      expect(await store.load()).toEqual([]);
      const source = await openTaskBook();
      await source.applyAll(CONTRACT_SCRIPT);
      await store.append(source.events().slice(0, 3));
      await store.append([]);
      await store.append(source.events().slice(3));
      const loaded = await store.load();
      expect(loaded).toEqual(source.events());
      expect(verifyLog(loaded)).toEqual({ ok: true, head: source.head, count: CONTRACT_SCRIPT.length });
      await store.close();
    });

    it('is durable: a store opened later replays to the same tasks and head', async () => {
      const book = await openTaskBook({ store: await factory.open() });
      await book.applyAll(CONTRACT_SCRIPT.slice(0, 4));
      for (const e of CONTRACT_SCRIPT.slice(4)) await book.apply(e);
      const head = book.head;
      const state = snapshot(book.tasks());
      await book.close();
      const again = await openTaskBook({ store: await factory.open() });
      expect(again.size).toBe(CONTRACT_SCRIPT.length);
      expect(again.head).toBe(head);
      expect(snapshot(again.tasks())).toBe(state);
      await again.apply({ taskId: 'C1', action: 'close', at: '2025-10-14', actor: { id: 'zhang' } });
      await again.close();
      const third = await openTaskBook({ store: await factory.open() });
      expect(third.task('C1')?.state).toBe('closed');
      expect(verifyLog(third.events()).ok).toBe(true);
      await third.close();
    });

    it('writes nothing for an illegal batch (all or nothing)', async () => {
      const book = await openTaskBook({ store: await factory.open() });
      await book.apply(CONTRACT_SCRIPT[0] as TaskEventInput);
      await expect(
        book.applyAll([
          CONTRACT_SCRIPT[1] as TaskEventInput,
          { taskId: 'N1', action: 'feedback', at: '2025-10-01', actor: { id: 'x' } },
        ]),
      ).rejects.toMatchObject({ code: 'illegal_transition' });
      await book.close();
      const again = await openTaskBook({ store: await factory.open() });
      expect(again.size).toBe(1);
      await again.close();
    });

    it('refuses to append once closed', async () => {
      const store = await factory.open();
      await store.load();
      await store.close();
      const source = await openTaskBook();
      await source.apply(CONTRACT_SCRIPT[0] as TaskEventInput);
      await expect(store.append(source.events())).rejects.toMatchObject({ code: 'store_closed' });
    });

    it('replaying the log into it rebuilds the same tasks', async () => {
      const memory = await openTaskBook();
      await memory.applyAll(CONTRACT_SCRIPT);
      const target = await factory.open();
      await target.load();
      await rebuildStore(target, memory.events(), 3);
      await target.close();
      const rebuilt = await openTaskBook({ store: await factory.open() });
      const fromMemory = await openTaskBook({ store: createMemoryTaskStore(memory.events()) });
      expect(snapshot(rebuilt.tasks())).toBe(snapshot(memory.tasks()));
      expect(snapshot(fromMemory.tasks())).toBe(snapshot(memory.tasks()));
      expect(rebuilt.head).toBe(memory.head);
      await rebuilt.close();
    });
  });
}
