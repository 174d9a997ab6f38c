import { SANDBOX_USAGE } from '@jianguan/sandbox';
import { describe, expect, it } from 'vitest';
import { run, runBin } from './helpers.js';

describe('jianguan sandbox', () => {
  it('serves on 127.0.0.1 until stopped, then exits 0', async () => {
    const controller = new AbortController();
    let announced: (url: string) => void = () => {};
    const url = new Promise<string>((resolve) => {
      announced = resolve;
    });
    const running = run(['sandbox', '--port', '0', '--seed', 'cli-test', '--json'], {
      signal: controller.signal,
      onStdout: (s) => {
        const m = /"url": "([^"]+)"/.exec(s);
        if (m?.[1]) announced(m[1]);
      },
    });
    const base = await url;
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${base}/no-such-endpoint`);
    expect(response.status).toBe(404); // a real HTTP server answered
    await response.body?.cancel();
    controller.abort();
    const result = await running;
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      seed: 'cli-test',
      auth: 'hmac',
      credentials: { appKey: 'sandbox-app' },
    });
    await expect(fetch(`${base}/`)).rejects.toThrow();
  });

  it('prints a human banner and stops on an already aborted signal', async () => {
    const r = await run(['sandbox', '--port', '0', '--no-auth'], { signal: AbortSignal.abort() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('listening on http://127.0.0.1:');
    expect(r.stdout).not.toContain('credentials');
    expect(r.stdout).toContain('sandbox stopped');
  });

  it.each([
    [['--5xx', '2'], 'must be a rate'],
    [['--app-key', 'k'], 'go together'],
    [['--port', 'x'], 'port'],
    [['--bogus'], 'unknown option'],
  ])('rejects %j as a usage error (exit 2)', async (argv, text) => {
    const r = await run(['sandbox', ...argv], { signal: AbortSignal.abort() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(text);
  });
});

describe('one sandbox command, one set of flags', () => {
  const flagsOf = (text: string) => [...new Set(text.match(/--[a-z0-9][a-z0-9-]*/g) ?? [])].sort();

  it('jianguan sandbox --help lists exactly the flags of jianguan-sandbox (plus --json)', async () => {
    const r = await runBin(['sandbox', '--help']);
    expect(r.code).toBe(0);
    const cliFlags = flagsOf(r.stdout.split('Examples')[0] ?? '').filter((f) => f !== '--json');
    expect(cliFlags).toEqual(flagsOf(SANDBOX_USAGE));
  });

  it('accepts --base-date, which only jianguan-sandbox took before', async () => {
    const r = await run(['sandbox', '--port', '0', '--base-date', '2025-06-30', '--json'], {
      signal: AbortSignal.abort(),
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ seed: 'jianguan', auth: 'hmac' });
  });

  it('rejects what the sandbox parser rejects, with exit 2 from the real binary', async () => {
    const r = await runBin(['sandbox', '--base-date', '2025/13/01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--base-date');
  });
});
