import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { OutboxEntry, OutboxSettlement, OutboxStore } from './store.js';

type Line = { t: 'enq'; e: OutboxEntry } | { t: 'set'; s: OutboxSettlement[] };

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
    let line: Line;
    try {
      line = JSON.parse(raw) as Line;
    } catch {
      skipped++;
      continue;
    }
    if (line.t === 'enq' && line.e && typeof line.e.key === 'string') {
      if (!rejected.has(line.e.key)) pending.set(line.e.key, line.e);
    } else if (line.t === 'set' && Array.isArray(line.s)) {
      for (const s of line.s) {
        settled++;
        const entry = pending.get(s.key);
        pending.delete(s.key);
        if (s.status === 'rejected') {
          // Journals written before settlements carried the record id: take it from the entry.
          rejected.set(s.key, s.recordId === undefined && entry ? { ...s, recordId: entry.recordId } : s);
        }
      }
    } else skipped++;
  }
  return { pending: [...pending.values()], rejected: [...rejected.values()], skipped, settled };
}

/**
 * The default durable store: an append-only JSONL journal; every append is `fsync`ed before it resolves, so a
 * journaled record survives a crash (SIGKILL, power loss after fsync). Opening compacts settled entries away
 * (write to a temp file, fsync, atomic rename).
 *
 * @example
 * const outbox = await createOutbox({ client, store: createFileOutboxStore('.jianguan/outbox.jsonl') });
 */
export function createFileOutboxStore(path: string): OutboxStore {
  let handle: FileHandle | undefined;
  let chain: Promise<void> = Promise.resolve();

  const write = (lines: readonly Line[]) => {
    const text = lines.map((l) => `${JSON.stringify(l)}\n`).join('');
    const run = chain.then(async () => {
      handle ??= await open(path, 'a');
      await handle.write(text);
      await handle.sync();
    });
    chain = run.catch(() => undefined);
    return run;
  };

  return {
    async load() {
      await mkdir(dirname(path), { recursive: true });
      let text = '';
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      const { pending, rejected, skipped, settled } = replayJournal(text);
      if (settled > 0 || skipped > 0) {
        const tmp = `${path}.tmp`;
        const h = await open(tmp, 'w');
        const lines: Line[] = [
          ...pending.map((e): Line => ({ t: 'enq', e })),
          ...(rejected.length > 0 ? [{ t: 'set', s: rejected } as Line] : []),
        ];
        await h.write(lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
        await h.sync();
        await h.close();
        await handle?.close();
        handle = undefined;
        await rename(tmp, path);
        try {
          const dir = await open(dirname(path), 'r');
          await dir.sync();
          await dir.close();
        } catch {
          // directory fsync is not supported everywhere
        }
      }
      return { pending, rejected };
    },
    append: (entries) =>
      entries.length === 0 ? Promise.resolve() : write(entries.map((e) => ({ t: 'enq', e }))),
    settle: (settlements) =>
      settlements.length === 0 ? Promise.resolve() : write([{ t: 'set', s: [...settlements] }]),
    async close() {
      await chain;
      await handle?.close();
      handle = undefined;
    },
  };
}
