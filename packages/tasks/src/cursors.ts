import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { TasksError } from './errors.js';

/**
 * Where {@link syncFromProvince} resumes each feed (增量拉取游标): the cursors the provincial client returned.
 *
 * @example
 * const c: SyncCursors = { clues: 'c120', doubleNotifications: 'c7' };
 */
export interface SyncCursors {
  readonly clues?: string;
  readonly jointTasks?: string;
  readonly complaints?: string;
  readonly doubleNotifications?: string;
  readonly commitments?: string;
}

/**
 * Keeps the sync cursors between runs (and restarts). The sync saves them only after the tasks they cover are
 * written, so a crash in between re-pulls items that are then recognised as existing tasks.
 *
 * @example
 * const store: SyncCursorStore = { load: () => saved, save: (c) => { saved = c; } };
 */
export interface SyncCursorStore {
  load(): SyncCursors | undefined | Promise<SyncCursors | undefined>;
  save(cursors: SyncCursors): void | Promise<void>;
}

const FEEDS = ['clues', 'jointTasks', 'complaints', 'doubleNotifications', 'commitments'] as const;

/**
 * A {@link SyncCursorStore} in a JSON file, replaced atomically (write and `fsync` a temporary file, then rename).
 *
 * @example
 * const cursors = createFileSyncCursorStore('./data/province-cursors.json');
 * await syncFromProvince(book, client, { department: 'scjg', cursorStore: cursors });
 */
export function createFileSyncCursorStore(path: string): SyncCursorStore {
  return {
    async load() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (cause) {
        throw new TasksError(
          'invalid_cursors',
          { zh: `同步游标文件 ${path} 不是有效的 JSON`, en: `sync cursor file ${path} is not valid JSON` },
          { path: ['cursors'], details: { file: path }, cause },
        );
      }
      const out: Record<string, string> = {};
      for (const feed of FEEDS) {
        const v = (parsed as Record<string, unknown> | null)?.[feed];
        if (v === undefined) continue;
        if (typeof v !== 'string') {
          throw new TasksError(
            'invalid_cursors',
            { zh: `同步游标 ${feed} 须为字符串`, en: `sync cursor ${feed} must be a string` },
            { path: ['cursors', feed], details: { file: path } },
          );
        }
        out[feed] = v;
      }
      return out;
    },
    async save(cursors) {
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.tmp`;
      // fsync before the rename: otherwise a power cut can leave the renamed file empty, and the next
      // sync would refuse to start (invalid_cursors) instead of resuming.
      const h = await open(tmp, 'w');
      try {
        await h.writeFile(`${JSON.stringify(cursors)}\n`);
        await h.sync();
      } finally {
        await h.close();
      }
      await rename(tmp, path);
    },
  };
}
