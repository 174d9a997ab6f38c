// Issue 18, item 4: slash and Excel dates, CLI guidance for unpublished years, zod issues translated.
// Run through the real executable.
import { afterAll, describe, expect, it } from 'vitest';
import { run, runBin, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** A line mixes languages when it has Chinese and English words outside quoted values and `code`. */
function mixed(line: string): boolean {
  const bare = line.replace(/“[^”]*”|"[^"]*"|`[^`]*`|--[a-z-]+|\S+\.(json|csv|jsonl)/g, '');
  return (
    /[\u4e00-\u9fff]/.test(bare) && /\b(the|is|of|to|and|with|for|expected|required|load|run)\b/i.test(bare)
  );
}

describe('dates as documented (real binary)', () => {
  it.each([
    ['2025/9/30', '2025-10-10'],
    ['45930', '2025-10-10'], // Excel serial of 2025-09-30
  ])('workday add %s 2 prints %s', async (date, expected) => {
    const r = await runBin(['workday', 'add', date, '2']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${expected}\n`);
    expect(r.code).toBe(0);
  });

  it.each([
    ['2025.9.30', '2025-10-10'],
    ['2025年9月30日', '2025-10-10'],
    ['20250930', '2025-10-10'],
  ])('workday add %s 2 prints %s (in-process)', async (date, expected) => {
    const r = await run(['workday', 'add', date, '2']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${expected}\n`);
    expect(r.code).toBe(0);
  });

  it('refuses a day that does not exist (exit 2) and says which forms are accepted', async () => {
    const r = await run(['workday', 'add', '2026/2/30', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2025/9/30');
  });
});

describe('guidance for a year without a schedule', () => {
  it('names --schedule and the file formats, never loadSchedule()', async () => {
    const r = await runBin(['workday', 'add', '2100-03-01', '1']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('--schedule 2100.json');
    expect(r.stderr).toContain('holiday-cn');
    expect(r.stderr).not.toContain('loadSchedule');
    expect(r.stderr).not.toContain('createCalendar');
    for (const line of r.stderr.split('\n')) expect(mixed(line), line).toBe(false);
    const help = await run(['workday', '--help']);
    expect(help.stdout).toContain('"isOffDay"');
    expect(help.stdout).toContain('"holidays"');
  });

  it('for 2027 answers provisionally from the statutory estimate, with a CLI warning and --json flag', async () => {
    // 2026-12-31 + 1 working day: 2027-01-01 (元旦) is a statutory holiday, so the estimate gives 2027-01-04.
    const r = await runBin(['workday', 'add', '2026-12-31', '1', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      date: '2026-12-31',
      workdays: 1,
      result: '2027-01-04',
      provisional: true,
    });
    expect(r.stderr).toContain('--schedule 2027.json');
    expect(r.stderr).toContain('provisional');
    expect(r.stderr).toContain('临时结果');
    expect(r.stderr).not.toContain('loadSchedule');
    for (const line of r.stderr.split('\n')) expect(mixed(line), line).toBe(false);
    // An answer inside a year with a published notice is not provisional.
    const known = await run(['workday', 'add', '2026-12-01', '1', '--json']);
    expect(JSON.parse(known.stdout)).toEqual({ date: '2026-12-01', workdays: 1, result: '2026-12-02' });
  });

  it('--strict refuses 2027 and names the fix', async () => {
    const r = await run(['workday', 'add', '2026-12-31', '1', '--strict']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('--schedule 2027.json');
    expect(r.stderr).not.toContain('--weekend-rule');
    const both = await run(['workday', 'add', '2026-12-31', '1', '--strict', '--weekend-rule']);
    expect(both.code).toBe(2);
  });

  it('reports a bad --schedule file in plain Chinese and plain English lines', async () => {
    tmp.write(
      '2027.json',
      JSON.stringify({
        year: 2027,
        papers: [],
        days: [{ name: '元旦', date: '2027-13-01', isOffDay: true }],
      }),
    );
    const r = await runBin(['workday', 'add', '2027-03-01', '1', '--schedule', '2027.json'], {
      cwd: tmp.dir,
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('2027.json is not a valid holiday-cn holiday schedule');
    expect(r.stderr).toContain('days.0.date');
    for (const line of r.stderr.split('\n')) expect(mixed(line), line).toBe(false);
  });
});
