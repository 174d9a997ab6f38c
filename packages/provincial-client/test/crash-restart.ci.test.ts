import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sandbox } from '@jianguan/sandbox';
import { startSandbox } from '@jianguan/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, '..');
const COUNT = 1500;
let sandbox: Sandbox;
let dir: string;

function child(journal: string, run: number) {
  const proc = spawn(
    process.execPath,
    [
      '--conditions=@jianguan/source',
      '--import',
      'tsx',
      join(here, 'fixtures/crash-child.ts'),
      sandbox.url,
      journal,
      String(COUNT),
      String(run),
    ],
    { cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  proc.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  proc.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { proc, exited, output: () => out, errors: () => err };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jianguan-crash-'));
  // Latency and faults (incl. lost answers after the write happened) make the kill land mid-flush.
  sandbox = await startSandbox({
    seed: 'crash',
    faults: { latencyMs: [5, 20], serverErrorRate: 0.1, dropRate: 0.05, afterProcessingShare: 0.7 },
  });
});
afterAll(async () => {
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a client process killed (SIGKILL) mid-flush and restarted', () => {
  it('loses nothing and duplicates nothing', async () => {
    const journal = join(dir, 'outbox.jsonl');
    const first = child(journal, 1);
    // Wait until part of the flush has reached the province, then kill without warning.
    const deadline = Date.now() + 60_000;
    while (sandbox.state.writes.length < 300 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    first.proc.kill('SIGKILL');
    const ended = await first.exited;
    expect(ended.signal).toBe('SIGKILL');
    const storedAtKill = sandbox.state.writes.length;
    expect(storedAtKill).toBeGreaterThan(0);
    expect(storedAtKill).toBeLessThan(COUNT);
    expect(readFileSync(journal, 'utf8').length).toBeGreaterThan(0);

    const second = child(journal, 2);
    const done = await second.exited;
    expect(second.errors()).toBe('');
    expect(done.code).toBe(0);
    const lines = second
      .output()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ event: 'journaled' });
    expect(Number(lines[0]!.resumed)).toBeGreaterThan(0);
    expect(lines.at(-1)).toMatchObject({ event: 'done', remaining: 0 });

    const writes = sandbox.state.writes;
    expect(writes).toHaveLength(COUNT);
    expect(new Set(writes.map((w) => w.recordId)).size).toBe(COUNT);
    expect(new Set(writes.map((w) => w.idempotencyKey)).size).toBe(COUNT);
    expect(sandbox.state.records('behaviours')).toHaveLength(COUNT);
    const expected = Array.from({ length: COUNT }, (_, i) => `CR-${i}`).sort();
    expect(writes.map((w) => w.recordId).sort()).toEqual(expected);
  }, 120_000);
});
