import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFileTaskStore, openTaskBook, verifyLog } from '@jianguan/tasks';
import { expect, it } from 'vitest';

const writer = fileURLToPath(new URL('./fixtures/writer.ts', import.meta.url));

it('a writer killed mid-append loses nothing it acknowledged, and its stale lock is taken over', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'jg-tasks-crash-'));
  try {
    const path = join(dir, 'tasks.jsonl');
    const child = spawn(
      process.execPath,
      ['--conditions=@jianguan/source', '--import', 'tsx', writer, path],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let acknowledged = 0;
    await new Promise<void>((resolve, reject) => {
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        const lines = chunk.trim().split('\n');
        acknowledged = Math.max(acknowledged, Number(lines[lines.length - 1]));
        if (acknowledged >= 40) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`writer exited with ${code}`));
      });
    });
    await new Promise((r) => child.once('close', r));
    // The dead writer's lock is still there; opening takes it over and recovers the log.
    expect(Number(await readFile(`${path}.lock`, 'utf8'))).toBe(child.pid);
    const store = createFileTaskStore(path);
    const book = await openTaskBook({ store });
    expect(book.size).toBeGreaterThanOrEqual(acknowledged);
    expect(verifyLog(book.events()).ok).toBe(true);
    expect(book.task(`C${acknowledged - 1}`)?.state).toBe('dispatched');
    await book.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 60_000);
