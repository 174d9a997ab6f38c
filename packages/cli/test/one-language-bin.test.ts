// Issue 18, item 4, on the real executables: `node packages/cli/bin/jianguan.js` and
// `node packages/sandbox/bin/jianguan-sandbox.js` as a user runs them. Every help text (each command and
// subcommand) and a set of error paths print no line that mixes Chinese with English words (the rule is in
// language.ts), and the error paths end with the documented exit codes.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { population, toCsv } from './fixtures.js';
import type { RunResult } from './helpers.js';
import { repoRoot, runExecutable, tempDir } from './helpers.js';
import { englishWords, HAN, mixedLines } from './language.js';

const JIANGUAN = 'packages/cli/bin/jianguan.js';
const SANDBOX = 'packages/sandbox/bin/jianguan-sandbox.js';

const tmp = tempDir();

interface Case {
  readonly name: string;
  readonly bin: string;
  readonly argv: readonly string[];
  readonly code: number;
  /** Which stream the text is on. */
  readonly stream: 'stdout' | 'stderr';
  /** Text the output must contain (the point of the case). */
  readonly contains?: RegExp;
}

const help = (argv: readonly string[], bin = JIANGUAN): Case => ({
  name: `${bin === JIANGUAN ? 'jianguan' : 'jianguan-sandbox'} ${argv.join(' ')}`,
  bin,
  argv,
  code: 0,
  stream: 'stdout',
  contains: /(用法|Usage)/,
});
const failure = (argv: readonly string[], code: number, contains: RegExp, bin = JIANGUAN): Case => ({
  name: `${bin === JIANGUAN ? 'jianguan' : 'jianguan-sandbox'} ${argv.join(' ')}`,
  bin,
  argv,
  code,
  stream: 'stderr',
  contains,
});

const CASES: readonly Case[] = [
  help(['--help']),
  help(['help']),
  help(['help', 'draw']),
  ...['check', 'workday', 'grade', 'draw', 'verify', 'kpi', 'sandbox', 'catalog', 'tasks', 'db'].map((c) =>
    help([c, '--help']),
  ),
  ...['info', 'add', 'between', 'deadline'].map((s) => help(['workday', s, '--help'])),
  ...['gap', 'match', 'diff'].map((s) => help(['catalog', s, '--help'])),
  ...['migrate', 'status'].map((s) => help(['db', s, '--help'])),
  help(['tasks', 'due', '--help']),
  help(['--help'], SANDBOX),
  // usage errors: exit 2
  { ...failure([], 2, /Usage/), stream: 'stderr' },
  failure(['drow'], 2, /draw/),
  failure(['draw', 'entities.csv', '--sed', '1'], 2, /--seed/),
  failure(['check', 'entities.csv', '--type', 'nonsense'], 2, /nonsense/),
  failure(['workday', 'add', '2026/13/1', '2'], 2, /2026\/13\/1/),
  failure(['tasks', 'due'], 2, /--log/),
  failure(['tasks', 'undo'], 2, /undo/),
  failure(['catalog', 'gaps'], 2, /gap/),
  failure(['workday', 'someday'], 2, /someday/),
  failure(['workday', 'info', '2025-10-01', '--done', '2025-10-02'], 2, /--done/),
  failure(['draw', 'entities.csv', '--seed', '1', '--ratio', '10%', '--rounding', 'up'], 2, /--rounding/),
  failure(['db', 'status'], 2, /DATABASE_URL/),
  failure(['sandbox', '--port', 'eighty'], 2, /65535/),
  failure(['sandbox', '--bogus'], 2, /--bogus/),
  failure(['--port', 'eighty'], 2, /65535/, SANDBOX),
  failure(['--bogus'], 2, /--bogus/, SANDBOX),
  // input errors: exit 3
  failure(['check', 'missing.csv'], 3, /missing\.csv/),
  failure(['grade', 'facts.jsonl'], 3, /facts\.jsonl/),
  failure(['tasks', 'due', '--log', 'broken.jsonl'], 3, /broken\.jsonl/),
  failure(['verify', 'broken.jsonl', 'entities.csv'], 3, /broken\.jsonl/),
  failure(['workday', 'add', '2027-03-01', '2', '--strict'], 3, /2027/),
  // a year without the State Council notice: a warning, and the answer
  { ...failure(['workday', 'add', '2027-03-01', '2'], 0, /2027/) },
];

const results = new Map<string, RunResult>();

beforeAll(async () => {
  tmp.write('entities.csv', toCsv(population(20)));
  tmp.write('facts.jsonl', `${JSON.stringify({ entityId: 'X', facts: [{ kind: 'penalty', id: 1 }] })}\n`);
  tmp.write('broken.jsonl', '{"seq":1}\nnot json\n{"seq":3}\n');
  // Two cores are shared by several test workers: three children at a time.
  const queue = [...CASES];
  const worker = async (): Promise<void> => {
    for (let c = queue.shift(); c !== undefined; c = queue.shift()) {
      results.set(c.name, await runExecutable(c.bin, c.argv, { cwd: tmp.dir, env: { DATABASE_URL: '' } }));
    }
  };
  await Promise.all([worker(), worker(), worker()]);
}, 300_000);
afterAll(() => tmp.cleanup());

describe('the language rule', () => {
  it('flags English words in a Chinese line and nothing else', () => {
    expect(englishWords('Usage 用法: jianguan <command>')).toEqual(['Usage']);
    expect(englishWords('警告：2027 年 warning 未收录')).toEqual(['warning']);
    expect(englishWords('status 状态')).toEqual(['status']);
    expect(englishWords('存续/在业 (active) 被抽取')).toEqual(['active']);
    expect(mixedLines('total score 总分 80 / 100')).toHaveLength(1);
    // codes are neither language
    expect(
      mixedLines(
        [
          '  --type [<file>=]<type>  记录类型，如 inspection、penalty、enterprise；<文件>=<类型> 只用于该文件',
          '数据库：--database-url，否则取环境变量 DATABASE_URL；--pglite <目录> 使用嵌入式 PGlite 数据库。',
          '运行 `jianguan draw --help` 查看用法；公开记录写入 draw-record.public.json（CSV/JSON/JSONL，UTF-8 或 GBK）',
          '  jianguan catalog gap：认领缺口；字段 "entityId"、riskLevel、risk_clue、I65，规则集 samr-baseline',
          'Exit codes: 0 ok · 1 findings',
          '--json 中 "provisional": true；默认 postgres://user@host/db，格式 csv|json|jsonl',
        ].join('\n'),
      ),
    ).toEqual([]);
    expect(HAN.test('English only')).toBe(false);
  });
});

describe('the real executables print one language per line', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const r = results.get(c.name) as RunResult;
    expect({ code: r.code, stderr: c.code === r.code ? '' : r.stderr }).toEqual({ code: c.code, stderr: '' });
    if (c.contains) expect(r[c.stream]).toMatch(c.contains);
    expect(r[c.stream]).toMatch(HAN);
    expect(mixedLines(`${r.stdout}\n${r.stderr}`)).toEqual([]);
  });

  // Issue 18, item 4: every input format is documented in the command's help (and in docs/guides/cli.md).
  it.each([
    [
      'check',
      [
        'CSV',
        'GBK',
        'JSONL',
        'YYYY-MM-DD',
        '2024/3/5',
        'Excel',
        '检查时间',
        'inspection',
        'data-standard.md',
      ],
    ],
    [
      'draw',
      [
        'JSONL',
        'GBK',
        '统一社会信用代码',
        '登记状态',
        '注销',
        'deregistered',
        'moved_out',
        '2025/9/30',
        'Excel',
      ],
    ],
    ['verify', ['population.public.json', 'CSV', 'JSONL', '--id-field']],
    ['tasks', ['"seq"', '"prev"', '"hash"', '"lifecycle"', '2025/10/14', 'Excel', 'overdue', 'due_today']],
    ['catalog', ['监管事项目录编码', '认领部门编码', '"claims"', 'YYYY-Qn', 'JSONL', 'GBK']],
    ['workday', ['2025/9/30', '2025年9月30日', 'Excel', 'holiday-cn', '"isOffDay"', '"holidays"']],
    ['grade', ['"entityId"', 'penaltyKinds', 'abnormal_list', 'YYYY-MM-DD', 'code-tables.md']],
    ['kpi', ['catalogItems', 'officers', 'YYYY-MM-DD', '2025-Q2']],
    ['db', ['DATABASE_URL', 'postgres://', '--pglite <dir>']],
    ['sandbox', ['--base-date <YYYY-MM-DD>', '--persist <file>', '--latency <ms|min-max>']],
  ])('jianguan %s --help documents its input formats', (command, texts) => {
    const out = (results.get(`jianguan ${command} --help`) as RunResult).stdout;
    for (const text of texts) expect(out, text).toContain(text);
  });

  it('jianguan sandbox and jianguan-sandbox document the same options', () => {
    const options = (text: string) =>
      [...text.matchAll(/^\s+(--?[\w-]+)/gm)].map((m) => m[1]).filter((o) => o !== '--json');
    const cli = options((results.get('jianguan sandbox --help') as RunResult).stdout);
    const own = options((results.get('jianguan-sandbox --help') as RunResult).stdout);
    expect(cli.length).toBeGreaterThan(10);
    expect(cli).toEqual(own);
  });
});

describe('jianguan-sandbox, once started', () => {
  // Both sandbox commands greet the user alike: Chinese first, then English, one language per line.
  const startAndStop = (argv: readonly string[]): Promise<string> =>
    new Promise((resolvePromise, reject) => {
      const child = spawn(process.execPath, [join(repoRoot, SANDBOX), '--port', '0', ...argv], {
        cwd: repoRoot,
        env: { ...process.env, NO_COLOR: '1' },
      });
      let out = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`no start-up banner: ${out}`));
      }, 20_000);
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (s: string) => {
        out += s;
        if (out.includes('Press Ctrl-C to stop.')) child.kill('SIGTERM');
      });
      child.on('exit', () => {
        clearTimeout(timer);
        resolvePromise(out);
      });
    });

  it('prints its banner in Chinese and in English, one language per line', async () => {
    const out = await startAndStop([]);
    expect(out).toMatch(
      /^省级平台沙箱已启动：http:\/\/127\.0\.0\.1:\d+（种子 jianguan）\njianguan-sandbox listening on /,
    );
    expect(out).toContain('签名：HMAC-SHA256 或 HMAC-SM3 规范串；凭据 sandbox-app / sandbox-secret');
    expect(out).toContain('按 Ctrl-C 停止。');
    expect(mixedLines(out)).toEqual([]);
  });

  it('does not offer the default credentials when --app-key replaces them', async () => {
    const out = await startAndStop(['--app-key', 'county', '--secret', 's3cret']);
    expect(out).toContain('省级平台沙箱已启动');
    expect(out).not.toContain('sandbox-secret');
  });
});
