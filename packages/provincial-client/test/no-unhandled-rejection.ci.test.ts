import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, '..');

/**
 * Each scenario runs in its own child process with Node's default unhandled-rejection mode (`throw`): a late
 * rejection (after a retry, a timeout or an abort) kills the child with exit code 1. The child talks to a real
 * scripted HTTP server on 127.0.0.1:0, prints the call's outcome and stays alive past every timer the call armed.
 */
const SCENARIOS: { name: string; expected: Record<string, unknown> }[] = [
  { name: '502-then-abort-in-backoff', expected: { name: 'TimeoutError', code: 'aborted' } },
  { name: '502-then-abort-in-retry', expected: { name: 'TimeoutError', code: 'aborted' } },
  { name: '429-then-abort', expected: { name: 'TimeoutError', code: 'aborted' } },
  { name: '502-then-attempt-timeout', expected: { name: 'TimeoutError', code: 'timeout', kind: 'attempt' } },
  { name: '503-then-total-timeout', expected: { name: 'TimeoutError', code: 'timeout', kind: 'total' } },
  { name: '502-then-success-total-expires-later', expected: { ok: true, attempts: 2 } },
  { name: '502-then-success-caller-aborts-later', expected: { ok: true, attempts: 2 } },
  { name: 'success-slow-body-abort', expected: { name: 'TimeoutError', code: 'aborted' } },
  { name: 'write-500-then-abort', expected: { name: 'TimeoutError', code: 'aborted' } },
  { name: 'abort-before-answer', expected: { name: 'TimeoutError', code: 'aborted' } },
  { name: 'signer-throws-on-retry', expected: { name: 'SignerError', code: 'sign_failed', attempts: 1 } },
  { name: 'throwing-hooks-and-logger', expected: { ok: true, attempts: 2 } },
  {
    name: 'retries-exhausted-then-signals-fire',
    expected: { name: 'HttpError', code: 'http_error', attempts: 3 },
  },
];

function run(scenario: string) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const env = { ...process.env };
    // The child must run with Node's default (throw) behaviour whatever the parent was started with.
    delete env.NODE_OPTIONS;
    const proc = spawn(
      process.execPath,
      ['--conditions=@jianguan/source', '--import', 'tsx', join(here, 'fixtures/abort-child.ts'), scenario],
      { cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'], env },
    );
    let out = '';
    let err = '';
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    proc.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    proc.on('exit', (code) => resolve({ code, out, err }));
  });
}

describe('no unhandled rejection from any client call (child processes, default --unhandled-rejections=throw)', () => {
  it('every retry / timeout / abort combination ends in its typed outcome and the process lives on', async () => {
    const results: { name: string; code: number | null; out: string; err: string }[] = [];
    const queue = [...SCENARIOS];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let s = queue.shift(); s; s = queue.shift())
          results.push({ name: s.name, ...(await run(s.name)) });
      }),
    );
    for (const { name, expected } of SCENARIOS) {
      const r = results.find((x) => x.name === name)!;
      const lines = r.out
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect({ name, stderr: r.err, exit: r.code }).toEqual({ name, stderr: '', exit: 0 });
      expect(lines.map((l) => l.event)).toEqual(['outcome', 'alive']);
      expect({ scenario: name, ...lines[0] }).toMatchObject({ scenario: name, ...expected });
      if (lines[0]!.ok === false) expect(lines[0]!.typed).toBe(true);
    }
  }, 60_000);
});
