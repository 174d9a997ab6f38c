import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fc, test } from '@fast-check/vitest';
import { addWorkdays, workdaysBetween } from '@jianguan/core';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('jianguan workday', () => {
  it('adds working days across the 2025 National Day holiday', async () => {
    const r = await run(['workday', 'add', '2025-09-30', '2']);
    expect(r).toEqual({ code: 0, stdout: '2025-10-10\n', stderr: '' });
  });

  it('goes backwards with a negative count', async () => {
    // 10-09 is the first working day after the holiday (10-01 … 10-08), so two back from 10-10 is 09-30.
    const r = await run(['workday', 'add', '2025-10-10', '-2']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('2025-09-30');
  });

  it('prints JSON with --json', async () => {
    const r = await run(['workday', 'add', '2025-09-30', '2', '--json']);
    expect(JSON.parse(r.stdout)).toEqual({ date: '2025-09-30', workdays: 2, result: '2025-10-10' });
  });

  it('describes holidays and adjusted working days', async () => {
    const holiday = await run(['workday', 'info', '2025-10-01']);
    expect(holiday.code).toBe(0);
    expect(holiday.stdout).toContain('2025-10-01  法定节假日：国庆节、中秋节，非工作日\n');
    expect(holiday.stdout).toContain(
      '2025-10-01  public holiday: National Day and Mid-Autumn Festival; working day: no\n',
    );
    const adjusted = await run(['workday', 'info', '2025-09-28', '--json']);
    expect(JSON.parse(adjusted.stdout)).toMatchObject({
      date: '2025-09-28',
      kind: 'adjusted_workday',
      isWorkday: true,
    });
  });

  it('defaults info to today in China time', async () => {
    const r = await run(['workday', 'info', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { date: string }).date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('counts working days between two dates', async () => {
    const r = await run(['workday', 'between', '2025-09-30', '2025-10-10']);
    expect(r.stdout.trim()).toBe('2');
    const back = await run(['workday', 'between', '2025-10-10', '2025-09-30', '--json']);
    expect(JSON.parse(back.stdout)).toEqual({ from: '2025-10-10', to: '2025-09-30', workdays: -2 });
  });

  it('checks a deadline: on time exits 0, late exits 1 with the working days late', async () => {
    const due = await run(['workday', 'deadline', '2025-09-30', '2']);
    expect(due.stdout.trim()).toBe('2025-10-10');
    const onTime = await run(['workday', 'deadline', '2025-09-30', '2', '--done', '2025-10-10']);
    expect(onTime.code).toBe(0);
    expect(onTime.stdout).toContain('on time');
    // 2025-10-11 is an adjusted working Saturday, so Monday 10-13 is two working days late.
    const late = await run(['workday', 'deadline', '2025-09-30', '2', '--done', '2025-10-13', '--json']);
    expect(late.code).toBe(1);
    expect(JSON.parse(late.stdout)).toMatchObject({ deadline: '2025-10-10', onTime: false, workdaysLate: 2 });
  });

  it.each([
    [['workday', 'add', '2025-02-30', '1'], 'bad_date'],
    [['workday', 'add', '2025-09-30', 'two'], 'bad_integer'],
    [['workday', 'add', '2025-09-30'], 'missing_argument'],
    [['workday', 'frobnicate'], 'unknown_command'],
    [['workday'], 'missing_argument'],
    [['workday', 'add', '2025-09-30', '2', '--dyas', '3'], 'unknown_option'],
    [['workday', 'add', '2025-09-30', '2', '--done', '2025-10-01'], 'unexpected_option'],
    [['workday', 'between', '2025-09-30', '2025-10-10', 'extra'], 'unexpected_argument'],
  ])('%j is a usage error (exit 2)', async (argv, code) => {
    const r = await run([...argv, '--json']);
    expect(r.code).toBe(2);
    expect((JSON.parse(r.stdout) as { error: { code: string } }).error.code).toBe(code);
    expect(r.stderr).toContain('jianguan: error:');
    expect(r.stderr).toContain('jianguan: 错误：');
  });

  it('reports a year without a schedule as an input error (exit 3) and suggests --schedule', async () => {
    const r = await run(['workday', 'add', '2099-01-01', '1']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('2099');
    expect(r.stderr).toContain('--schedule');
  });

  it('falls back to the weekend rule on request, with a warning', async () => {
    const r = await run(['workday', 'add', '2099-01-02', '1', '--weekend-rule']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('2099-01-05'); // Friday → Monday
    expect(r.stderr).toContain('warning');
  });

  it('loads a newly published schedule with --schedule', async () => {
    const file = tmp.write(
      's2099.json',
      JSON.stringify({
        year: 2099,
        notices: [{ number: 'test', title: 'synthetic schedule for the test' }],
        holidays: [
          { key: 'new_year', off: ['2099-01-01', '2099-01-02', '2099-01-03'], work: ['2099-01-04'] },
        ],
      }),
    );
    const off = await run(['workday', 'info', '2099-01-02', '--schedule', file, '--json']);
    expect(off.code).toBe(0);
    expect(JSON.parse(off.stdout)).toMatchObject({ kind: 'holiday', isWorkday: false });
    const add = await run(['workday', 'add', '2098-12-31', '1', '--schedule', file, '--weekend-rule']);
    expect(add.stdout.trim()).toBe('2099-01-04'); // the adjusted working Sunday
    const missing = await run(['workday', 'add', '2099-01-01', '1', '--schedule', tmp.path('nope.json')]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('file not found');
  });

  test.prop(
    [
      fc.date({
        min: new Date('2010-01-01T00:00:00Z'),
        max: new Date('2025-12-01T00:00:00Z'),
        noInvalidDate: true,
      }),
      fc.integer({ min: -30, max: 30 }),
    ],
    { numRuns: 40 },
  )('agrees with the library for any date and count', async (date, n) => {
    const day = date.toISOString().slice(0, 10);
    const added = await run(['workday', 'add', day, String(n)]);
    expect(added.stdout.trim()).toBe(addWorkdays(day, n));
    const between = await run(['workday', 'between', day, added.stdout.trim()]);
    expect(Number(between.stdout)).toBe(workdaysBetween(day, addWorkdays(day, n)));
  });

  it('runs from the bin: `jianguan workday add 2025-09-30 2` prints 2025-10-10', () => {
    const r = spawnSync(
      process.execPath,
      [
        '--conditions=@jianguan/source',
        '--import',
        'tsx',
        'packages/cli/src/bin.ts',
        'workday',
        'add',
        '2025-09-30',
        '2',
      ],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('2025-10-10\n');
    expect(r.status).toBe(0);
  });
});
