import { randomUUID } from 'node:crypto';
import type { Stats } from 'node:fs';
import {
  closeSync,
  fstatSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { pathArgument, stringArgument, unusablePath } from '../errors/arguments.js';
import { OutboxLockedError } from '../errors/errors.js';

/**
 * What a lock file holds: who owns it (pid, host, the process's start time when the OS tells it) and a random
 * token unique to this acquisition.
 *
 * @example
 * const owner: LockOwner = { pid: 4242, host: 'svc-1', token: 'c0ffee…', since: 1733100000000 };
 */
export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly token: string;
  /** Epoch ms of the acquisition. */
  readonly since: number;
  /** The owner process's start time as the OS reports it (Linux: /proc/<pid>/stat field 22), to detect pid reuse. */
  readonly processStart?: string;
}

/**
 * A held single-writer lock (see {@link acquireFileLock}).
 *
 * @example
 * const lock = acquireFileLock('outbox.jsonl.lock', 'outbox.jsonl');
 * lock.assertHeld(); // (an OutboxLockedError here would mean another process took the lock over)
 * lock.release();
 */
export interface FileLock {
  readonly path: string;
  readonly owner: LockOwner;
  /** Whether the lock file on disk is still this acquisition's (same inode, not released). */
  held(): boolean;
  /** Throws {@link OutboxLockedError} (`outbox_lock_lost`) unless {@link FileLock.held}. */
  assertHeld(): void;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

/** The start time of process `pid` as the OS reports it, when it can be read (Linux /proc); else undefined. */
export function processStartToken(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (comm) is in parentheses and may contain spaces: count fields after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return rest[19]; // field 22 = starttime (fields 3… are rest[0]…)
  } catch {
    return undefined;
  }
}

/**
 * Whether the process that wrote `owner` is still running: `process.kill(pid, 0)` (ESRCH = gone, EPERM = alive but
 * not ours), and, where /proc exists, the same start time (a reused pid is not the owner). A lock written on
 * another host is always treated as alive (its liveness cannot be checked from here).
 */
export function ownerAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  if (!Number.isInteger(owner.pid) || owner.pid <= 0) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (owner.processStart !== undefined) {
    const now = processStartToken(owner.pid);
    if (now !== undefined && now !== owner.processStart) return false;
  }
  return true;
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || typeof parsed.token !== 'string') return undefined;
    return parsed as LockOwner;
  } catch {
    return undefined;
  }
}

const sameFile = (a: Stats, b: Stats) => a.ino === b.ino && a.dev === b.dev;

/**
 * Takes the single-writer lock `lockPath` guarding `resource` (a journal), or throws {@link OutboxLockedError}.
 *
 * The scheme (documented in the provincial-integration guide):
 * 1. create `lockPath` with `O_CREAT | O_EXCL` (`'wx'`) — atomic on local file systems — writing the owner record
 *    (pid, host, process start time, random token), fsync'ed, and keep it open;
 * 2. if it exists, read the owner: alive (same host, the pid answers signal 0 and its start time is unchanged) → `outbox_locked`; dead (SIGKILL, crash) or
 *    unreadable and older than 10 s → stale: rename it to a unique name, check that what was moved is the stale
 *    owner (not a lock a concurrent opener just created — then it is moved back), remove it and retry;
 * 3. the holder checks with {@link FileLock.held} (inode of the path = inode of its open descriptor) before it
 *    acknowledges a write, so a lock lost in any way fails the write instead of losing it.
 *
 * @example
 * const lock = acquireFileLock(`${journal}.lock`, journal);
 */
export function acquireFileLock(lockPath: string, resource: string): FileLock {
  pathArgument(lockPath, ['lockPath']);
  stringArgument(resource, ['resource']);
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    token: randomUUID(),
    since: Date.now(),
    ...(processStartToken(process.pid) === undefined
      ? {}
      : { processStart: processStartToken(process.pid)! }),
  };
  for (let round = 0; round < 20; round++) {
    let fd: number;
    try {
      fd = openSync(lockPath, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw unusablePath(['lockPath'], lockPath, error);
      const current = readOwner(lockPath);
      if (current === undefined) {
        // Being written right now, or garbage left by a crash between create and write: wait a little.
        let age = 0;
        try {
          age = Date.now() - statSync(lockPath).mtimeMs;
        } catch {
          continue; // gone meanwhile
        }
        if (age < 10_000) {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
          continue;
        }
      } else if (ownerAlive(current)) {
        throw new OutboxLockedError('outbox_locked', resource, lockPath, current);
      }
      // Stale: move it aside under a unique name, and make sure we moved the stale one.
      const aside = `${lockPath}.stale-${process.pid}-${randomUUID()}`;
      try {
        renameSync(lockPath, aside);
      } catch {
        continue; // someone else broke it first
      }
      const moved = readOwner(aside);
      if (current !== undefined && moved?.token !== current.token) {
        // A concurrent opener had already replaced the stale lock with a live one: put it back.
        try {
          renameSync(aside, lockPath);
        } catch {
          // nothing more we can do; its holder's held() check will fail its writes safely
        }
        continue;
      }
      try {
        unlinkSync(aside);
      } catch {
        // ignore
      }
      continue;
    }
    try {
      writeSync(fd, `${JSON.stringify(owner)}\n`);
      fsyncSync(fd);
    } catch (error) {
      closeSync(fd);
      try {
        unlinkSync(lockPath);
      } catch {
        // ignore
      }
      throw error;
    }
    const mine = fstatSync(fd);
    let released = false;
    const held = () => {
      if (released) return false;
      try {
        return sameFile(statSync(lockPath), mine);
      } catch {
        return false;
      }
    };
    return {
      path: lockPath,
      owner,
      held,
      assertHeld() {
        if (!held()) throw new OutboxLockedError('outbox_lock_lost', resource, lockPath, readOwner(lockPath));
      },
      release() {
        if (released) return;
        const ours = held();
        released = true;
        if (ours) {
          try {
            unlinkSync(lockPath);
          } catch {
            // ignore
          }
        }
        try {
          closeSync(fd);
        } catch {
          // ignore
        }
      },
    };
  }
  throw new OutboxLockedError('outbox_locked', resource, lockPath, readOwner(lockPath));
}
