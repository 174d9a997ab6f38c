// Issue 18, item 4: terminal text is one language per line — a Chinese line, then its English line (tables: a
// Chinese header row, then an English one): help texts and the results, warnings and summaries of every command,
// in-process, and the real binary's help once (it is the same code). The rule is in language.ts; the real
// executables' help and error paths are in one-language-bin.test.ts.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { population, toCsv, writeTaskLog } from './fixtures.js';
import { repoRoot, run, runBin, tempDir } from './helpers.js';
import { mixedLines } from './language.js';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

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

const SEED = '20237331128159211123';
const CATALOG = 'examples/data/catalog';

beforeAll(async () => {
  tmp.write('entities.csv', toCsv(population(40)));
  const ids = population(3).map((e) => e.id);
  tmp.write(
    'status.csv',
    `统一社会信用代码,企业名称,登记状态\n${ids[0]},甲,存续\n${ids[1]},乙,注销\n${ids[2]},丙,歇业中\n`,
  );
  tmp.write('empty.csv', '检查时间,行政相对人名称\n');
  tmp.write('officers.csv', 'officerId,name,certNo,departmnt\nZF-1,张三,,scjg\n');
  await writeTaskLog(tmp.path('tasks.jsonl'));
});

/** The results, warnings and summaries of the commands, in the order they depend on each other (draw, then verify). */
const RESULTS: readonly (readonly string[])[] = [
  ['draw', 'entities.csv', '--seed', SEED, '--ratio', '10%', '--out', 'draw.json'],
  [
    'draw',
    'entities.csv',
    '--seed',
    SEED,
    '--by',
    'grade',
    '--ratio',
    'A=10%',
    '--ratio',
    'D=50%',
    '--out',
    '-',
  ],
  ['draw', 'status.csv', '--seed', SEED, '--ratio', '50%', '--out', 'status-draw.json'],
  ['draw', 'entities.csv', '--commit-only', '--rule-set', 'samr-baseline', '--out', 'commitment.public.json'],
  [
    'draw',
    'entities.csv',
    '--seed',
    SEED,
    '--rule-set',
    'samr-baseline',
    '--commitment',
    'commitment.public.json',
    '--out',
    'graded.json',
  ],
  ['verify', 'draw.public.json', 'draw.population.public.json'],
  ['verify', 'draw.public.json', 'status.csv'],
  ['check', 'entities.csv', '--type', 'enterprise', '--today', '2025-12-31'],
  ['check', 'officers.csv', 'empty.csv', '--today', '2025-12-31'],
  [
    'check',
    `${repoRoot}${CATALOG}/inspections.csv`,
    '--checklist',
    `${repoRoot}${CATALOG}/checklist.json`,
    '--today',
    '2025-12-31',
  ],
  [
    'check',
    `${repoRoot}${CATALOG}/penalties.csv`,
    '--discretion',
    `${repoRoot}${CATALOG}/benchmarks.json`,
    '--today',
    '2025-12-31',
  ],
  ['tasks', 'due', '--log', 'tasks.jsonl', '--as-of', '2025-10-14'],
  [
    'catalog',
    'gap',
    `${repoRoot}${CATALOG}/provincial.csv`,
    '--claims',
    `${repoRoot}${CATALOG}/claims.csv`,
    '--records',
    `${repoRoot}${CATALOG}/behaviours.jsonl`,
    '--quarter',
    '2025-Q3',
  ],
  [
    'catalog',
    'match',
    `${repoRoot}${CATALOG}/local.csv`,
    `${repoRoot}${CATALOG}/provincial.csv`,
    '--top',
    '2',
  ],
  ['catalog', 'diff', `${repoRoot}${CATALOG}/provincial-2025.1.csv`, `${repoRoot}${CATALOG}/provincial.csv`],
  ['workday', 'info', '2025-10-01'],
  ['workday', 'deadline', '2025-09-30', '5', '--done', '2025-10-20'],
  ['workday', 'between', '2027-01-01', '2027-03-01'],
];

describe('one language per line', () => {
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

  it('the results, warnings and summaries of draw, verify, check, tasks, catalog and workday', async () => {
    const mixed: string[] = [];
    for (const argv of RESULTS) {
      const r = await run(argv, { cwd: tmp.dir });
      expect(r.code, `${argv.join(' ')}\n${r.stderr}`).toBeLessThan(2);
      expect(`${r.stdout}${r.stderr}`, argv.join(' ')).toMatch(CJK);
      // `--out -` prints the draw record, a JSON document (data, like --json), on stdout.
      const text = argv.includes('-') ? r.stderr : `${r.stdout}\n${r.stderr}`;
      for (const line of mixedLines(text)) mixed.push(`jianguan ${argv[0]} ${argv[1]}: ${line}`);
    }
    expect(mixed).toEqual([]);
  }, 120_000);

  it('the real binary prints the same help', async () => {
    const r = await runBin(['grade', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe((await run(['grade', '--help'])).stdout);
    expect(mixedLines(r.stdout)).toEqual([]);
  }, 60_000);
});
