// The file journal for the shared outbox suites: one journal in a temp dir; the child process opens it by path.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenedStore, OutboxStoreFactory } from './outbox-suite.js';

/** What a child process opens: the journal's path (the file store is the path itself). */
export async function openStore(spec: unknown): Promise<OpenedStore> {
  return { store: (spec as { path: string }).path, close: async () => undefined };
}

export const fileStoreFactory = (counts: { soakCount: number; killCount: number }): OutboxStoreFactory => ({
  name: 'file',
  flushers: 1, // one writer per journal
  ...counts,
  async prepare() {
    const dir = mkdtempSync(join(tmpdir(), 'jianguan-outbox-'));
    const spec = { path: join(dir, 'outbox.jsonl') };
    return {
      open: () => openStore(spec),
      childModule: fileURLToPath(import.meta.url),
      childSpec: spec,
      reclaimAfterMs: 0,
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
});
