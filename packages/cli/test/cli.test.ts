import { ExitCode } from '@jianguan/cli';
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('jianguan (top level)', () => {
  it('prints help with --help and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(ExitCode.Ok);
    expect(r.stdout).toContain('用法：\nUsage:\n  jianguan <command>');
    expect(r.stdout).toContain('退出码：');
    expect(r.stdout).toContain('Exit codes:');
    expect(r.stderr).toBe('');
  });

  it('prints help on stderr and exits 2 without a command', async () => {
    const r = await run([]);
    expect(r.code).toBe(ExitCode.Usage);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('命令：\nCommands:');
  });

  it('prints the package version', async () => {
    const r = await run(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const j = await run(['--version', '--json']);
    expect(JSON.parse(j.stdout)).toEqual({ version: r.stdout.trim() });
  });

  it('rejects an unknown command with a bilingual message and exit 2', async () => {
    const r = await run(['frobnicate']);
    expect(r.code).toBe(ExitCode.Usage);
    expect(r.stderr).toContain('unknown command: "frobnicate"');
    expect(r.stderr).toContain('未知命令：“frobnicate”');
    expect(r.stderr).toContain('jianguan --help');
  });

  it('reports errors as JSON on stdout with --json', async () => {
    const r = await run(['frobnicate', '--json']);
    expect(r.code).toBe(ExitCode.Usage);
    const body = JSON.parse(r.stdout) as {
      ok: boolean;
      exitCode: number;
      error: { code: string; message: { zh: string } };
    };
    expect(body.ok).toBe(false);
    expect(body.exitCode).toBe(2);
    expect(body.error.code).toBe('unknown_command');
    expect(body.error.message.zh).toContain('未知命令');
  });
});

describe('per-command help', () => {
  it.each(['check', 'workday', 'grade', 'draw', 'verify', 'kpi', 'sandbox'])(
    '%s --help shows usage, options and exit codes',
    async (name) => {
      const r = await run([name, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`jianguan ${name}：`);
      expect(r.stdout).toContain(`jianguan ${name}: `);
      expect(r.stdout).toContain('用法：\nUsage:');
      expect(r.stdout).toContain('--json');
      expect(r.stdout).toContain('示例：\nExamples:');
      expect(r.stdout).toContain('退出码：');
      expect(r.stdout).toContain('Exit codes:');
      const same = await run(['help', name]);
      expect(same.stdout).toBe(r.stdout);
    },
  );

  it('lists every command in the top-level help', async () => {
    const r = await run(['--help']);
    for (const name of ['check', 'workday', 'grade', 'draw', 'verify', 'kpi', 'sandbox'])
      expect(r.stdout).toContain(`  ${name}`);
  });

  it('suggests a command for a typo', async () => {
    const r = await run(['wrokday']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean `jianguan workday`?');
  });
});
