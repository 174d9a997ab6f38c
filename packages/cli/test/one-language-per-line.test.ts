// Issue 18, item 4: terminal text is one language per line — a Chinese line, then its English line (tables: a
// Chinese header row, then an English one): help texts and the grade/kpi tables, in-process, and the real binary's
// help once (it is the same code).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { population } from './fixtures.js';
import { run, runBin, tempDir } from './helpers.js';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
/**
 * English in a Chinese line: two English words in a row, or a capitalised English word ("Usage"). Commands
 * (`jianguan grade`, anything in backticks), options and their placeholders are in neither language.
 */
const ENGLISH = /\b[A-Za-z]{2,} [A-Za-z]{2,}\b|\b[A-Z][a-z]{2,}\b/;

/** The lines of `text` that mix Chinese with English prose. */
function mixedLines(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => CJK.test(line))
    .filter((line) =>
      ENGLISH.test(
        line
          .replace(/`[^`]*`/g, '')
          .replace(/jianguan [a-z-]+|Ctrl-[A-Z]|Excel|holiday-cn/g, '')
          .replace(/--[\w-]+( <[^>]*>)?/g, ''),
      ),
    );
}

const tmp = tempDir();
const [clean, fined] = population(2).map((e) => e.id) as [string, string];

beforeAll(() => {
  tmp.write(
    'facts.jsonl',
    [
      { entityId: clean, facts: [] },
      {
        entityId: fined,
        facts: [
          { kind: 'penalty', id: 'P-1', decisionDate: '2025-03-01', penaltyKinds: ['02'], fineAmount: 5e5 },
        ],
      },
    ]
      .map((x) => JSON.stringify(x))
      .join('\n'),
  );
  tmp.write(
    'data.json',
    JSON.stringify({
      catalogItems: [{ itemCode: '33010000100001', department: 'scjg', claimed: false }],
      officers: [{ officerId: 'ZF-1', department: 'scjg', certified: true, registered: false }],
    }),
  );
});
afterAll(() => tmp.cleanup());

describe('one language per line', () => {
  it('the checker finds a mixed line and accepts paired ones', () => {
    expect(mixedLines('Usage 用法: jianguan <command>')).toHaveLength(1);
    expect(mixedLines('Exit codes 退出码: 0 ok 成功')).toHaveLength(1);
    expect(mixedLines('total score 总分 80 / 100')).toHaveLength(1);
    expect(mixedLines('用法：\nUsage:\n  --out <file>  写出分级结果（.csv、.jsonl 或 .json）')).toEqual([]);
  });

  it.each([
    [['--help']],
    [['grade', '--help']],
    [['kpi', '--help']],
    [['workday', '--help']],
    [['grade', 'facts.jsonl', '--as-of', '2025-12-31']],
    [['grade', '--list-rule-sets']],
    [['kpi', 'data.json', '--unit', 'scjg', '--period', '2025-Q2', '--fail-under', '99']],
    [['kpi', '--list-indicator-sets']],
  ])('jianguan %j', async (argv) => {
    const r = await run(argv, { cwd: tmp.dir });
    expect(r.stdout).toMatch(CJK);
    expect(r.stdout).toMatch(/[A-Za-z]{3,} [A-Za-z]{3,}/);
    expect(mixedLines(r.stdout)).toEqual([]);
  });

  it('the real binary prints the same help', async () => {
    const r = await runBin(['grade', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe((await run(['grade', '--help'])).stdout);
    expect(mixedLines(r.stdout)).toEqual([]);
  }, 60_000);
});
