// Issue 18 item 5, on the real executable in a child process (runBin: the sources the bin is built from, so a
// stale dist/ cannot hide a regression): text for people cites the public
// document a rule comes from, never the project's research references (seed NNN, notes *.md §…, "task N");
// the JSON output keeps the raw reference, as the rule data does.
import { describe, expect, it } from 'vitest';
import { runBin } from './helpers.js';
import { mixedLines } from './language.js';

const D = 'examples/data/catalog';
const RESEARCH = /seed 0|\.md\b|task \d/;

const CASES: readonly { readonly argv: readonly string[]; readonly cites: readonly string[] }[] = [
  {
    argv: ['check', `${D}/penalties.csv`, '--type', 'penalty', '--discretion', 'example', '--enforcement'],
    cites: [
      '来源：「《朔州市平鲁区以加强和规范事中事后监管为抓手持续优化营商环境实施方案》（十）」',
      'source: 「Pinglu District plan on in-process and after-the-fact supervision, （十）」',
      '盐城市人民政府办公室文件（盐政办发〔2021〕94号）（二）',
    ],
  },
  {
    argv: ['check', `${D}/inspections.csv`, '--type', 'inspection', '--checklist', `${D}/checklist.json`],
    cites: ['来源：检查表 food-retail-daily 2025.1', 'source: checklist food-retail-daily 2025.1'],
  },
  {
    argv: [
      'catalog',
      'gap',
      `${D}/provincial.csv`,
      '--claims',
      `${D}/claims.csv`,
      '--records',
      `${D}/behaviours.jsonl`,
      '--quarter',
      '2025-Q3',
    ],
    cites: [
      '来源：「《朔州市平鲁区“互联网+监管”系统运行管理办法》第 9、45 条；《郧西县“互联网+监管”工作推进方案》（西政办发〔2021〕16号）第 1 项任务」',
      'source: 「Yunxi County Internet+Regulation work plan (西政办发〔2021〕16号), work task no. 11」',
      '来源：「《宿迁市“互联网+监管”系统建设实施方案》（宿政办发〔2020〕43号）；《郧西县“互联网+监管”工作推进方案》（西政办发〔2021〕16号）第 3 项任务」',
    ],
  },
];

describe('human-facing output cites public documents (real binary)', () => {
  for (const { argv, cites } of CASES)
    it(`jianguan ${argv.slice(0, 2).join(' ')} ${argv
      .slice(2)
      .filter((a) => a.startsWith('--'))
      .join(' ')}`, { timeout: 60_000 }, async () => {
      const r = await runBin(argv);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      const lines = r.stdout.split('\n');
      expect(lines.filter((l) => RESEARCH.test(l))).toEqual([]);
      expect(mixedLines(r.stdout)).toEqual([]);
      for (const c of cites) expect(r.stdout).toContain(c);
    });

  it('the JSON output keeps the raw research reference', { timeout: 60_000 }, async () => {
    const r = await runBin(['check', `${D}/penalties.csv`, '--type', 'penalty', '--enforcement', '--json']);
    expect(r.code).toBe(1);
    const sources = JSON.stringify(JSON.parse(r.stdout)).match(/"source":"[^"]*"/g) ?? [];
    expect(sources.some((s) => s.includes('seed 002'))).toBe(true);
  });
});
