import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = mkdtempSync(join(tmpdir(), 'jianguan-examples-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Runs a file the way the README says: node with the source condition and tsx. */
async function runExample(file: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--conditions=@jianguan/source', '--import', 'tsx', file, ...args],
      { cwd: root, env: { ...process.env, ...env }, maxBuffer: 32 * 1024 * 1024, timeout: 150_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('every example runs', () => {
  it.each([
    [
      'verify-published-draw.ts',
      [],
      /fields per entity: attributes, id, stratum\nDoes the published draw verify: YES/,
      /Does a copy with pick #1 of stratum S\d+ swapped verify: NO/,
    ],
    ['gateway-signers.ts', [], /6 signers accepted by the gateway/, /refused by the gateway: auth_failed/],
    [
      'maintainer-variant.ts',
      [],
      /✓ rule set zj-baseline 1\.0\.0 is valid/,
      /"@zj-credit\/rule-sets": minor[\s\S]*- indicator `behaviour-report-timeliness` metric\.allowedWorkdays: 2 → 5/,
    ],
    ['quality-check-file.ts', [], /10 inspection records, encoding gb18030/, /\[06 uscc_invalid\]/],
    ['deadlines.ts', [], /inspected 2025-09-30 → report by 2025-10-10/, /publish by 2026-11-03/],
  ] as const)('%s', async (file, args, keyLine, secondLine) => {
    const r = await runExample(join('examples', 'src', 'examples', file), args);
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(keyLine);
    expect(r.stdout).toMatch(secondLine);
  });

  it('deadlines do not depend on the host time zone', async () => {
    const [a, b] = await Promise.all([
      runExample('examples/src/examples/deadlines.ts', [], { TZ: 'Asia/Shanghai' }),
      runExample('examples/src/examples/deadlines.ts', [], { TZ: 'America/Los_Angeles' }),
    ]);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it('the county year gives the same numbers in every host time zone', async () => {
    const args = (dir: string) => [
      '--entities',
      '1500',
      '--officers',
      '40',
      '--json',
      '--out',
      join(out, dir),
    ];
    const [a, b] = await Promise.all([
      runExample('examples/src/county-year/main.ts', args('tz-a'), { TZ: 'Asia/Shanghai' }),
      runExample('examples/src/county-year/main.ts', args('tz-b'), { TZ: 'America/Los_Angeles' }),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const strip = (text: string) => {
      const {
        transport: _t,
        durationMs: _d,
        files: _f,
        ...rest
      } = JSON.parse(text) as Record<string, unknown>;
      return rest;
    };
    expect(strip(b.stdout)).toEqual(strip(a.stdout));
  });

  it('the county year runs from the command line (small county) and prints its summary', async () => {
    const dir = join(out, 'county');
    const r = await runExample('examples/src/county-year/main.ts', [
      '--entities',
      '2000',
      '--officers',
      '60',
      '--out',
      dir,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\[10\/10\] 公众核验 Verify the published draw/);
    expect(r.stdout).toMatch(/each stored exactly once/);
    expect(r.stdout).toMatch(/published draw\s+核验通过 verifies/);
    expect(r.stdout).toMatch(/\n {2}npx jianguan verify \S+draw-record\.json \S+draw-population\.json\n?$/);
    // the citizen's example accepts the county's own published draw
    const v = await runExample('examples/src/examples/verify-published-draw.ts', [
      join(dir, 'draw-record.json'),
      join(dir, 'draw-population.json'),
    ]);
    expect(v.code, v.stderr).toBe(0);
    // only the eligible ids, each with its stratum label: no grade, name or inspection history
    const eligible = Number(/\((\d+) entities\)/.exec(v.stdout)?.[1]);
    expect(eligible).toBeGreaterThan(0);
    expect(eligible).toBeLessThanOrEqual(2000);
    expect(v.stdout).toMatch(/fields per entity: attributes, id, stratum\n/);
    expect(readFileSync(join(dir, 'draw-population.json'), 'utf8')).not.toMatch(/"grade"/);
    expect(v.stdout).toMatch(/Does the published draw verify: YES/);
    // and so does the `jianguan verify` command; a tampered copy is refused with a non-zero exit code
    const cli = join('packages', 'cli', 'src', 'bin.ts');
    const ok = await runExample(cli, [
      'verify',
      join(dir, 'draw-record.json'),
      join(dir, 'draw-population.json'),
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    const record = JSON.parse(readFileSync(join(dir, 'draw-record.json'), 'utf8')) as { seed: string };
    writeFileSync(
      join(dir, 'tampered.json'),
      JSON.stringify({
        ...record,
        seed: `${record.seed.startsWith('9') ? '8' : '9'}${record.seed.slice(1)}`,
      }),
    );
    const bad = await runExample(cli, [
      'verify',
      join(dir, 'tampered.json'),
      join(dir, 'draw-population.json'),
    ]);
    expect(bad.code).not.toBe(0);
  });
});
