import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTaskLog } from './fixtures.js';
import { runBin, tempDir } from './helpers.js';

const tmp = tempDir('jianguan-tasks-');
afterAll(() => tmp.cleanup());
const log = tmp.path('tasks.jsonl');

beforeAll(() => writeTaskLog(log));

describe('jianguan tasks due (the real binary)', () => {
  it('lists overdue, due-today and open items and exits 1 when something is overdue', async () => {
    const r = await runBin(['tasks', 'due', '--log', log, '--as-of', '2025-10-14']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('截至 2025-10-14：已逾期 1，今日到期 1，临期 0，办理中 1');
    expect(r.stdout).toContain('as of 2025-10-14: 1 overdue, 1 due today, 0 at risk, 1 open');
    const rows = r.stdout.split('\n').filter((l) => /clue:|sgz:/.test(l));
    expect(rows[0]).toMatch(/^overdue\s+2025-09-28\s+-7\s+clue:FXYJ1\s+risk_clue\s+feedback\s+scjg/);
    expect(rows[1]).toMatch(/^due_today\s+2025-10-14\s+0\s+sgz:A\s+double_notification\s+claim\s+wjw/);
    expect(rows[2]).toMatch(/^open\s+.*clue:FXYJ2.*scjg\s+li$/);
  });

  it('filters by department and officer; exit 0 when nothing is overdue; --json', async () => {
    const wjw = await runBin([
      'tasks',
      'due',
      '--log',
      log,
      '--as-of',
      '2025-10-14',
      '--department',
      'wjw',
      '--json',
    ]);
    expect(wjw.code).toBe(0);
    const doc = JSON.parse(wjw.stdout);
    expect(doc.counts).toEqual({ overdue: 0, due_today: 1, at_risk: 0, open: 0 });
    expect(doc.items.map((i: { taskId: string }) => i.taskId)).toEqual(['sgz:A']);
    expect(doc.byDepartment).toEqual({ wjw: { overdue: 0, due_today: 1, at_risk: 0, open: 0 } });
    const li = await runBin([
      'tasks',
      'due',
      '--log',
      log,
      '--as-of',
      '2025-10-14',
      '--officer',
      'li',
      '--json',
    ]);
    expect(li.code).toBe(0);
    expect(JSON.parse(li.stdout).items.map((i: { taskId: string }) => i.taskId)).toEqual(['clue:FXYJ2']);
    // Before the first clue's last day nothing is overdue.
    const early = await runBin(['tasks', 'due', '--log', log, '--as-of', '2025-09-26']);
    expect(early.code).toBe(0);
  });

  it('refuses a tampered log (exit 3), a missing --log or a bad date (exit 2), and documents the input', async () => {
    const bad = tmp.path('tampered.jsonl');
    writeFileSync(bad, readFileSync(log, 'utf8').replace('"department":"wjw"', '"department":"scjg"'));
    const tampered = await runBin(['tasks', 'due', '--log', bad, '--as-of', '2025-10-14']);
    expect(tampered.code).toBe(3);
    expect(tampered.stderr).toContain('hash chain');
    expect((await runBin(['tasks', 'due'])).code).toBe(2);
    expect((await runBin(['tasks', 'due', '--log', log, '--as-of', '2025-13-01'])).code).toBe(2);
    expect((await runBin(['tasks', 'list', '--log', log])).code).toBe(2);
    expect((await runBin(['tasks', 'due', '--log', tmp.path('missing.jsonl')])).code).toBe(3);
    const help = await runBin(['tasks', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('JSON Lines');
    expect(help.stdout).toContain('--department');
  });
});
