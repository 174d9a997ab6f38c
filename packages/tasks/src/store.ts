import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { badInput, requireArray, requireMethods, requireObject, requireString } from './boundary.js';
import { TasksError } from './errors.js';
import type { TaskEvent } from './events.js';

/**
 * Where a task book keeps its log (事件存储). `append` must be durable when its promise resolves; `load`
 * returns every event in order. Everything else (task states, due lists, KPI facts) is rebuilt from the log.
 *
 * @example
 * const store: TaskStore = createMemoryTaskStore();
 */
export interface TaskStore {
  load(): Promise<TaskEvent[]>;
  append(events: readonly TaskEvent[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * An in-memory store (not durable; for tests and short jobs). `initial` seeds it with a log.
 *
 * @example
 * const book = await openTaskBook({ store: createMemoryTaskStore() });
 */
export function createMemoryTaskStore(
  initial: readonly TaskEvent[] = [],
): TaskStore & { readonly events: readonly TaskEvent[] } {
  requireArray(initial, ['initial']);
  initial.forEach((e, i) => {
    requireObject(e, ['initial', i]);
  });
  const events: TaskEvent[] = [...initial];
  let closed = false;
  return {
    get events() {
      return events;
    },
    load: async () => [...events],
    append: async (more) => {
      if (closed) throw closedError();
      events.push(...more);
    },
    close: async () => {
      closed = true;
    },
  };
}

function closedError(): TasksError {
  return new TasksError('store_closed', { zh: '任务存储已关闭', en: 'the task store is closed' });
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Options of {@link createFileTaskStore}.
 *
 * @example
 * const o: FileTaskStoreOptions = { lock: true };
 */
export interface FileTaskStoreOptions {
  /** Hold `<path>.lock` while open so that only one writer appends (default `true`). */
  readonly lock?: boolean;
}

/**
 * A durable store: an append-only JSONL file, one event a line, every append `fsync`ed before it resolves;
 * an append that fails (a write or `fsync` error) is cut back off the file, so nothing unacknowledged stays.
 * Opening recovers from a crash mid-write: a torn last line (no newline, or not JSON) is cut off; a bad line
 * anywhere else is corruption and throws. A lock file (`<path>.lock`, holding the writer's pid, created
 * exclusively) keeps a second writer out; a lock left by a dead process is taken over.
 *
 * @throws {TasksError} `store_locked` when another live process holds the lock; `store_corrupt` on a bad line.
 * @example
 * const book = await openTaskBook({ store: createFileTaskStore('book-tasks.jsonl') });
 */
export function createFileTaskStore(
  path: string,
  options: FileTaskStoreOptions = {},
): TaskStore & { readonly recovered: number } {
  requireString(path, ['path']);
  if (path === '') badInput(['path'], { en: 'a file path', zh: '文件路径' }, path);
  requireObject(options, ['options']);
  if (options.lock !== undefined && typeof options.lock !== 'boolean')
    badInput(['options', 'lock'], { en: 'a boolean', zh: '布尔值' }, options.lock);
  const lockPath = `${path}.lock`;
  const useLock = options.lock ?? true;
  let handle: FileHandle | undefined;
  let locked = false;
  let closed = false;
  let recovered = 0;
  let broken: unknown;
  let chain: Promise<void> = Promise.resolve();

  /**
   * The lock file's text, or `undefined` when it is gone. An empty file is a writer between creating the
   * lock and writing its pid: wait for the pid (up to about a second) rather than take the lock from it.
   */
  async function lockText(): Promise<string | undefined> {
    for (let wait = 0; ; wait++) {
      const text = await readFile(lockPath, 'utf8').catch(() => undefined);
      if (text !== '' || wait >= 40) return text;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async function acquire(): Promise<void> {
    if (!useLock || locked) return;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const h = await open(lockPath, 'wx');
        await h.write(String(process.pid));
        await h.sync();
        await h.close();
        locked = true;
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const text = await lockText();
        if (text === undefined) continue; // released meanwhile: try again
        const holder = Number.parseInt(text, 10);
        if (Number.isInteger(holder) && holder > 0 && pidAlive(holder)) {
          throw new TasksError(
            'store_locked',
            {
              zh: `任务存储 ${path} 正被进程 ${holder} 写入`,
              en: `task store ${path} is locked by process ${holder}`,
            },
            { path: [path], details: { pid: holder, lock: lockPath } },
          );
        }
        await unlink(lockPath).catch(() => undefined);
      }
    }
    throw new TasksError(
      'store_locked',
      { zh: `无法锁定 ${path}`, en: `cannot lock ${path}` },
      { path: [path] },
    );
  }

  return {
    get recovered() {
      return recovered;
    },
    async load() {
      if (closed) throw closedError();
      await mkdir(dirname(path), { recursive: true });
      await acquire();
      let text = '';
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      const events: TaskEvent[] = [];
      let offset = 0;
      let good = 0;
      while (offset < text.length) {
        const nl = text.indexOf('\n', offset);
        const end = nl === -1 ? text.length : nl;
        const line = text.slice(offset, end);
        let parsed: TaskEvent | undefined;
        if (line.trim() !== '') {
          try {
            parsed = JSON.parse(line) as TaskEvent;
          } catch {
            parsed = undefined;
          }
          const torn = nl === -1 || parsed === undefined;
          if (torn) {
            if (nl === -1 || text.slice(nl + 1).trim() === '') break; // the last line: a crash mid-write
            throw new TasksError(
              'store_corrupt',
              {
                zh: `任务存储 ${path} 第 ${events.length + 1} 行损坏`,
                en: `task store ${path} line ${events.length + 1} is corrupt`,
              },
              { path: [path, events.length], details: { line: line.slice(0, 200) } },
            );
          }
          events.push(parsed as TaskEvent);
        }
        if (nl === -1) break;
        good += Buffer.byteLength(line, 'utf8') + 1;
        offset = end + 1;
      }
      const size = Buffer.byteLength(text, 'utf8');
      if (good < size) {
        recovered = size - good;
        const h = await open(path, 'r+');
        await h.truncate(good);
        await h.sync();
        await h.close();
      }
      return events;
    },
    append(events) {
      if (closed) return Promise.reject(closedError());
      if (broken !== undefined)
        return Promise.reject(
          new TasksError(
            'store_corrupt',
            {
              zh: `任务存储 ${path} 上次写入失败且无法回滚，须重新打开`,
              en: `task store ${path}: a failed write could not be rolled back; reopen it`,
            },
            { path: [path], cause: broken },
          ),
        );
      if (events.length === 0) return Promise.resolve();
      const text = events.map((e) => `${JSON.stringify(e)}\n`).join('');
      const run = chain.then(async () => {
        await acquire();
        handle ??= await open(path, 'a');
        const h = handle;
        const size = (await h.stat()).size;
        try {
          await h.write(text);
          await h.sync();
        } catch (error) {
          // Not acknowledged, so not kept: cut the file back, or the next append would follow a torn or
          // unacknowledged line and the log would no longer open. If even that fails, refuse further appends.
          await h
            .truncate(size)
            .then(() => h.sync())
            .catch((cause: unknown) => {
              broken = cause;
            });
          throw error;
        }
      });
      chain = run.catch(() => undefined);
      return run;
    },
    async close() {
      if (closed) return;
      closed = true;
      await chain;
      await handle?.close();
      handle = undefined;
      if (locked) await unlink(lockPath).catch(() => undefined);
      locked = false;
    },
  };
}

/**
 * Copies a log into another store (e.g. rebuilding a fresh file store, or the database store, from a
 * backup): the target then replays to the same tasks.
 *
 * @example
 * await rebuildStore(createFileTaskStore('tasks-new.jsonl'), await old.load());
 */
export async function rebuildStore(
  target: TaskStore,
  events: readonly TaskEvent[],
  batch = 10_000,
): Promise<void> {
  requireMethods(target, ['target'], ['append'], { en: 'a task store', zh: '任务存储' });
  requireArray(events, ['events']);
  if (typeof batch !== 'number' || !Number.isSafeInteger(batch) || batch < 1)
    badInput(['batch'], { en: 'a positive integer', zh: '正整数' }, batch);
  for (let i = 0; i < events.length; i += batch) await target.append(events.slice(i, i + batch));
}
