import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { BatchSequence } from '../client/create-client.js';
import { pathArgument, unusablePath } from '../errors/arguments.js';
import { ClientOptionsError, OutboxLockedError } from '../errors/errors.js';
import type { FileLock } from './file-lock.js';
import { acquireFileLock } from './file-lock.js';
import type { OutboxEntry, OutboxSettlement, OutboxStore } from './store.js';

type Line = { t: 'enq'; e: OutboxEntry } | { t: 'set'; s: OutboxSettlement[] };

function isLine(v: unknown): v is Line {
  const l = v as Partial<Line> | null;
  if (!l || typeof l !== 'object') return false;
  if (l.t === 'enq') return !!l.e && typeof (l.e as OutboxEntry).key === 'string';
  if (l.t === 'set') return Array.isArray(l.s);
  return false;
}

/**
 * Parses one journal line. A line that is two records glued together (a journal whose final newline was lost
 * before this version repaired it) is split where both halves parse.
 */
function parseLine(raw: string): Line[] | undefined {
  try {
    const v = JSON.parse(raw) as unknown;
    return isLine(v) ? [v] : undefined;
  } catch {
    for (let i = raw.indexOf('}{'); i >= 0; i = raw.indexOf('}{', i + 1)) {
      const left = parseLine(raw.slice(0, i + 1));
      const right = left && parseLine(raw.slice(i + 1));
      if (left && right) return [...left, ...right];
    }
    return undefined;
  }
}

/**
 * Replays journal text; a torn last line (crash mid-write) and unreadable lines are skipped.
 *
 * @example
 * replayJournal('{"t":"enq","e":{...}}\n').pending.length;
 */
export function replayJournal(text: string): {
  pending: OutboxEntry[];
  rejected: OutboxSettlement[];
  skipped: number;
  settled: number;
} {
  const pending = new Map<string, OutboxEntry>();
  const rejected = new Map<string, OutboxSettlement>();
  let skipped = 0;
  let settled = 0;
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue;
    const lines = parseLine(raw);
    if (!lines) {
      skipped++;
      continue;
    }
    if (lines.length > 1) skipped++; // a glued line: recovered, but the file needs rewriting
    for (const line of lines) {
      if (line.t === 'enq') {
        if (!rejected.has(line.e.key)) pending.set(line.e.key, line.e);
      } else {
        for (const s of line.s) {
          settled++;
          const entry = pending.get(s.key);
          pending.delete(s.key);
          if (s.status === 'rejected') {
            // Journals written before settlements carried the record id and kind: take them from the entry.
            rejected.set(
              s.key,
              entry && (s.recordId === undefined || s.kind === undefined)
                ? { ...s, recordId: s.recordId ?? entry.recordId, kind: s.kind ?? entry.kind }
                : s,
            );
          }
        }
      }
    }
  }
  return { pending: [...pending.values()], rejected: [...rejected.values()], skipped, settled };
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // directory fsync is not supported everywhere
  }
}

/** Writes `text` to `path` atomically and durably: a uniquely named temp file, fsync, rename, directory fsync. */
function writeFileDurableSync(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.${randomUUID()}.tmp`;
  const fd = openSync(tmp, 'wx');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  fsyncDir(dirname(path));
}

/**
 * A durable per-day counter in a small JSON file: `next(day)` persists (fsync + atomic rename) the new value
 * before returning it, so a number handed out is never handed out again, even after SIGKILL. The caller must
 * hold a lock that makes it the file's only writer.
 */
function durableDailyCounter(path: string): BatchSequence {
  let days: Record<string, number> = {};
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw unusablePath(['path'], path, error);
  }
  if (text !== undefined) {
    // Written by atomic rename, so never torn; anything unreadable is refused rather than restarted from 1
    // (which would repeat batch numbers).
    let parsed: { days?: unknown } | undefined;
    try {
      parsed = JSON.parse(text) as { days?: unknown };
    } catch {
      parsed = undefined;
    }
    if (!parsed || typeof parsed.days !== 'object' || parsed.days === null) {
      throw new ClientOptionsError(
        {
          zh: `批次序号文件 ${path} 无法读取；请核对后修复或删除（删除后当日序号将从 1 重新开始）`,
          en: `batch sequence file ${path} is unreadable; repair or remove it (removing restarts today's numbering at 1)`,
        },
        { path },
      );
    }
    for (const [d, n] of Object.entries(parsed.days as Record<string, unknown>))
      if (typeof n === 'number' && Number.isInteger(n)) days[d] = n;
  }
  return {
    next(day) {
      const n = (days[day] ?? 0) + 1;
      if (n > 99_999) {
        throw new ClientOptionsError(
          { zh: `${day} 的批次序号已用尽（99999）`, en: `batch sequence of ${day} exhausted (99999)` },
          { day },
        );
      }
      // Keep the last 31 days (a clock set back a little must not restart a day's numbering).
      const next = { ...days, [day]: n };
      const keep = Object.keys(next).sort().slice(-31);
      days = Object.fromEntries(keep.map((d) => [d, next[d]!]));
      writeFileDurableSync(path, `${JSON.stringify({ days })}\n`);
      return n;
    },
  };
}

/**
 * A durable {@link BatchSequence} in `path` (批次序号, per China civil day): each number is fsync'ed to the file
 * before it is used, so batch numbers never repeat after a crash or restart. One process per file: the file is
 * guarded by the same single-writer lock as the outbox journal (`<path>.lock`); a second opener gets
 * {@link OutboxLockedError}. Call `close()` to release it.
 *
 * @example
 * const batchSequence = createFileBatchSequence('batch-seq.json');
 * const client = createProvincialClient({ baseUrl, source, signer, batchSequence });
 */
export function createFileBatchSequence(path: string): BatchSequence & { close(): void } {
  pathArgument(path, ['path']);
  const lock = acquireFileLock(`${path}.lock`, path);
  let counter: BatchSequence;
  try {
    counter = durableDailyCounter(path);
  } catch (error) {
    lock.release();
    throw error;
  }
  return {
    next(day) {
      lock.assertHeld();
      return counter.next(day);
    },
    close: () => lock.release(),
  };
}

/**
 * The default durable store: an append-only JSONL journal.
 *
 * Guarantees (see the provincial-integration guide):
 * - **durable appends** — every append and settlement is written and `fsync`ed before its promise resolves, and is
 *   acknowledged only if the journal path still names the file written and this process still holds the lock;
 * - **single writer** — `load()` takes the lock `<path>.lock` (O_EXCL lock file with pid, host, process start
 *   time and a token; a lock left by a dead process is detected and broken) and a second opener gets
 *   {@link OutboxLockedError} `outbox_locked`;
 * - **torn tails recovered** — a partial last line (crash mid-write) is dropped, a complete last line that only
 *   lost its newline is kept and terminated, so the next append starts on a fresh line;
 * - **compaction only under the lock** — settled entries are dropped on open by writing a uniquely named temp file,
 *   fsync, atomic rename, directory fsync;
 * - **durable batch numbers** — `nextBatchSequence(day)` persists the day's sequence in `<path>.seq` before use.
 *
 * @example
 * const outbox = await createOutbox({ client, store: createFileOutboxStore('.jianguan/outbox.jsonl') });
 */
export function createFileOutboxStore(path: string): OutboxStore {
  let handle: FileHandle | undefined;
  let handleIno: number | undefined;
  let lock: FileLock | undefined;
  let counter: BatchSequence | undefined;
  let chain: Promise<void> = Promise.resolve();

  const requireLock = (): FileLock => {
    if (!lock) {
      throw new ClientOptionsError({
        zh: '待报队列尚未打开（先调用 load）',
        en: 'the outbox journal is not open (call load first)',
      });
    }
    lock.assertHeld();
    return lock;
  };

  const write = (lines: readonly Line[]) => {
    const text = lines.map((l) => `${JSON.stringify(l)}\n`).join('');
    const run = chain.then(async () => {
      const held = requireLock();
      if (!handle) {
        handle = await open(path, 'a');
        handleIno = (await handle.stat()).ino;
      }
      await handle.write(text);
      await handle.sync();
      // Acknowledge only what is in the file the journal path names, written under our lock.
      const now = await stat(path).catch(() => undefined);
      if (!now || now.ino !== handleIno || !held.held()) {
        throw new OutboxLockedError('outbox_lock_lost', path, held.path, undefined);
      }
    });
    chain = run.catch(() => undefined);
    return run;
  };

  return {
    async load() {
      await mkdir(dirname(path), { recursive: true });
      lock ??= acquireFileLock(`${path}.lock`, path);
      try {
        let text = '';
        try {
          text = await readFile(path, 'utf8');
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
        // A torn tail: keep a complete last record that only lost its newline, drop a partial one.
        let repaired = false;
        if (text.length > 0 && !text.endsWith('\n')) {
          const cut = text.lastIndexOf('\n') + 1;
          const tail = text.slice(cut);
          text = parseLine(tail) ? `${text}\n` : text.slice(0, cut);
          repaired = true;
        }
        const { pending, rejected, skipped, settled } = replayJournal(text);
        if (settled > 0 || skipped > 0 || repaired) {
          await handle?.close();
          handle = undefined;
          const lines: Line[] = [
            ...pending.map((e): Line => ({ t: 'enq', e })),
            ...(rejected.length > 0 ? [{ t: 'set', s: rejected } as Line] : []),
          ];
          lock.assertHeld();
          writeFileDurableSync(path, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
        }
        // Temp files of compactions a crashed holder left behind (only a lock holder writes them).
        const prefix = `${basename(path)}.`;
        for (const name of await readdir(dirname(path)).catch(() => [] as string[])) {
          if (name.startsWith(prefix) && name.endsWith('.tmp')) {
            await unlink(join(dirname(path), name)).catch(() => undefined);
          }
        }
        counter ??= durableDailyCounter(`${path}.seq`);
        return { pending, rejected };
      } catch (error) {
        if (!(error instanceof OutboxLockedError)) {
          lock.release();
          lock = undefined;
        }
        throw error;
      }
    },
    append: (entries) =>
      entries.length === 0 ? Promise.resolve() : write(entries.map((e) => ({ t: 'enq', e }))),
    settle: (settlements) =>
      settlements.length === 0 ? Promise.resolve() : write([{ t: 'set', s: [...settlements] }]),
    async nextBatchSequence(civilDate) {
      requireLock();
      counter ??= durableDailyCounter(`${path}.seq`);
      return counter.next(civilDate);
    },
    async close() {
      await chain;
      await handle?.close();
      handle = undefined;
      lock?.release();
      lock = undefined;
    },
  };
}
