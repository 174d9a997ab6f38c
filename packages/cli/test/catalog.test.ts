import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, run, runBin, tempDir } from './helpers.js';

const data = (name: string) => join(repoRoot, 'examples/data/catalog', name);
const tmp = tempDir('jianguan-catalog-');
afterAll(() => tmp.cleanup());

const HEADER =
  '监管事项目录编码,监管部门,监管部门编码,主项名称,子项名称,监管方式,监管措施,监管对象,设定依据,监管流程,监管结果,监管层级,检查实施清单编号,事项状态';
const COMPLETE_ROW =
  '31000000100001,市场监督管理局,31,营业执照（登记证）规范使用情况的检查,营业执照（登记证）规范使用情况的检查,双随机一公开,现场检查,市场主体,《市场主体登记管理条例》第三十六条,抽取、检查、公示,检查结果依法公示,"3,4",JC-001,01';

describe('jianguan catalog gap', () => {
  it('prints every kind of gap on the example data and exits 1 (real binary)', async () => {
    const r = await runBin([
      'catalog',
      'gap',
      data('provincial.csv'),
      '--claims',
      data('claims.csv'),
      '--records',
      data('behaviours.jsonl'),
      '--quarter',
      '2025-Q3',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('应领未领（1）');
    expect(r.stdout).toContain('must be claimed but are not (1)');
    expect(r.stdout).toMatch(/31000000100005 {2}对计量器具使用情况的监督检查/);
    expect(r.stdout).toContain('已认领但要素缺失：监管流程、监管结果');
    expect(r.stdout).toContain('claimed but missing elements: process, resultHandling');
    expect(r.stdout).toContain('claimed but without an inspection list (2)');
    expect(r.stdout).toContain('no behaviour record this quarter (3)');
    expect(r.stdout).toContain('2025-Q3（2025-07-01至2025-09-30）');
    expect(r.stdout).toContain('来源：「《朔州市平鲁区“互联网+监管”系统运行管理办法》第 9、45 条');
    expect(r.stdout).toContain(
      'source: 「Pinglu District Internet+Regulation system operating rules, art. 9, 45',
    );
  });

  it('gives the report as JSON with the summary and every gap', async () => {
    const r = await run([
      'catalog',
      'gap',
      data('provincial.csv'),
      '--claims',
      data('claims.csv'),
      '--records',
      data('behaviours.jsonl'),
      '--quarter',
      '2025-Q3',
      '--json',
    ]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(false);
    expect(report.summary).toMatchObject({
      mustClaim: 5,
      claimed: 4,
      unclaimed: 1,
      claimRate: 0.8,
      missingElements: 1,
      withoutInspectionList: 2,
      withoutBehaviour: 3,
    });
    const gaps = report.gaps.map((g: { kind: string; itemCode: string }) => `${g.kind}:${g.itemCode}`);
    expect(gaps.sort()).toEqual([
      'missing_elements:31000000100004',
      'no_behaviour_this_quarter:31000000100002',
      'no_behaviour_this_quarter:31000000100003',
      'no_behaviour_this_quarter:31000000100004',
      'no_inspection_list:31000000100003',
      'no_inspection_list:31000000100004',
      'unclaimed:31000000100005',
    ]);
  });

  it('exits 0 with "no gaps" when every item is claimed, complete, listed and active (real binary)', async () => {
    const catalog = tmp.write('one.csv', `${HEADER}\n${COMPLETE_ROW}\n`);
    const claims = tmp.write(
      'one-claims.csv',
      '监管事项目录编码,认领部门,认领部门编码\n31000000100001,某县市场监督管理局,31\n',
    );
    const records = tmp.write(
      'one-records.json',
      JSON.stringify([{ kind: 'inspection', itemCode: '31000000100001', checkDate: '2025-09-30' }]),
    );
    const r = await runBin([
      'catalog',
      'gap',
      catalog,
      '--claims',
      claims,
      '--records',
      records,
      '--quarter',
      '2025-Q3',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('应领 1 项，已认领 1 项，应领未领 0 项（认领率 100.0%）');
    expect(r.stdout).toContain('No gaps.');
    // The same record one day later falls in Q4: the item has no behaviour in Q3.
    const late = tmp.write(
      'late.json',
      JSON.stringify([{ kind: 'inspection', itemCode: '31000000100001', checkDate: '2025-10-01' }]),
    );
    const q = await run([
      'catalog',
      'gap',
      catalog,
      '--claims',
      claims,
      '--records',
      late,
      '--quarter',
      '2025-Q3',
    ]);
    expect(q.code).toBe(1);
    expect(q.stdout).toContain('no behaviour record this quarter (1)');
  });

  it('reads a JSON claim set and reports records it could not count', async () => {
    const catalog = tmp.write('one-b.csv', `${HEADER}\n${COMPLETE_ROW}\n`);
    const claims = tmp.write(
      'claims.json',
      JSON.stringify({
        id: 'c',
        version: '1',
        department: '某县市场监督管理局',
        departmentCode: '31',
        claims: [],
      }),
    );
    const records = tmp.write('bad-records.jsonl', '{"kind":"inspection","checkDate":"2025-08-01"}\n');
    const r = await run([
      'catalog',
      'gap',
      catalog,
      '--claims',
      claims,
      '--records',
      records,
      '--quarter',
      '2025-Q3',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('应领未领（1）');
    expect(r.stdout).toContain('warning: 1 records of');
  });

  it('usage errors exit 2, bad input exits 3 (real binary for one of each)', async () => {
    const missing = await runBin(['catalog', 'gap', data('provincial.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing required option --claims');
    expect(missing.stderr).toContain('缺少必需的选项 --claims');

    const notFound = await runBin(['catalog', 'gap', data('nope.csv'), '--claims', data('claims.csv')]);
    expect(notFound.code).toBe(3);
    expect(notFound.stderr).toContain('file not found');

    const quarter = await run([
      'catalog',
      'gap',
      data('provincial.csv'),
      '--claims',
      data('claims.csv'),
      '--quarter',
      '2025-Q5',
    ]);
    expect(quarter.code).toBe(2);
    expect(quarter.stderr).toContain('--quarter must be YYYY-Qn');

    const wrongOption = await run([
      'catalog',
      'gap',
      data('provincial.csv'),
      '--claims',
      data('claims.csv'),
      '--top',
      '2',
    ]);
    expect(wrongOption.code).toBe(2);
    expect(wrongOption.stderr).toContain('option --top does not apply to catalog gap');

    const noDept = tmp.write('no-dept.csv', '监管事项目录编码\n31000000100001\n');
    const dept = await run(['catalog', 'gap', data('provincial.csv'), '--claims', noDept]);
    expect(dept.code).toBe(3);
    expect(dept.stderr).toContain('认领部门');

    const notCatalog = tmp.write('not-catalog.csv', '名称,地址\n甲,乙\n');
    const nc = await run(['catalog', 'gap', notCatalog, '--claims', data('claims.csv')]);
    expect(nc.code).toBe(3);
    expect(nc.stderr).toContain('is not a catalog');

    const badClaim = tmp.write('bad-claim.csv', '监管事项目录编码,认领部门\n3100000010000,某县局\n');
    const bc = await run(['catalog', 'gap', data('provincial.csv'), '--claims', badClaim]);
    expect(bc.code).toBe(3);

    const sub = await run(['catalog', 'gaps']);
    expect(sub.code).toBe(2);
    expect(sub.stderr).toContain('did you mean `jianguan catalog gap`?');
  });
});

describe('jianguan catalog match', () => {
  it('proposes the provincial counterpart of each local item with its evidence (real binary)', async () => {
    const r = await runBin(['catalog', 'match', data('local.csv'), data('provincial.csv'), '--top', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /52000000200002 {2}食品经营监督检查\n {2}1\. 31000000100002 {2}对食品经营者的监督检查/,
    );
    expect(r.stdout).toContain('共同引用条款：食品安全法#110');
    expect(r.stdout).toContain('shared articles: "电子商务法#15"');
    expect(r.stdout).toContain('3 items with candidates, 0 without.');
  });

  it('gives proposals as JSON and exits 1 when a local item has no candidate', async () => {
    const local = tmp.write(
      'local-extra.csv',
      '监管事项目录编码,主项名称,设定依据\n52000000200009,农药经营监督检查,《农药管理条例》第二十四条\n52000000200001,营业执照规范使用的检查,市场主体登记管理条例第三十六条\n',
    );
    const r = await run(['catalog', 'match', local, data('provincial.csv'), '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.unmatched).toEqual(['52000000200009']);
    expect(out.proposals[1].candidates[0]).toMatchObject({
      itemCode: '31000000100001',
      evidence: { sharedCitations: ['市场主体登记管理条例#36'] },
    });
  });

  it('bad input and bad options fail (real binary for bad input)', async () => {
    const notCatalog = tmp.write('plain.csv', '名称\n甲\n');
    const r = await runBin(['catalog', 'match', notCatalog, data('provincial.csv')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('is not a catalog');
    expect(r.stderr).toContain('不是监管事项目录');
    expect(
      (await run(['catalog', 'match', data('local.csv'), data('provincial.csv'), '--top', '0'])).code,
    ).toBe(2);
    expect((await run(['catalog', 'match', data('local.csv')])).code).toBe(2);
  });
});

describe('jianguan catalog diff', () => {
  it('prints the changelog in Chinese then English (real binary)', async () => {
    const r = await runBin(['catalog', 'diff', data('provincial-2025.1.csv'), data('provincial.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('新增 1 项，取消 1 项，调整 3 项。');
    expect(r.stdout).toContain('设定依据: 删除 企业法人登记管理条例#29; 新增 市场主体登记管理条例#36');
    expect(r.stdout).toContain('1 added, 1 removed, 3 changed.');
    expect(r.stdout.indexOf('# 监管事项目录变更')).toBeLessThan(r.stdout.indexOf('# Catalog changes'));
  });

  it('--lang picks one language, --json gives the diff; a missing file exits 3 (real binary)', async () => {
    const en = await run([
      'catalog',
      'diff',
      data('provincial-2025.1.csv'),
      data('provincial.csv'),
      '--lang',
      'en',
    ]);
    expect(en.stdout).not.toContain('新增事项');
    const json = JSON.parse(
      (await run(['catalog', 'diff', data('provincial-2025.1.csv'), data('provincial.csv'), '--json']))
        .stdout,
    );
    expect(json.added.map((i: { itemCode: string }) => i.itemCode)).toEqual(['31000000100003']);
    expect(json.removed.map((i: { itemCode: string }) => i.itemCode)).toEqual(['31000000100006']);
    const missing = await runBin(['catalog', 'diff', data('provincial.csv'), data('missing.csv')]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('找不到文件');
    expect(
      (await run(['catalog', 'diff', data('provincial.csv'), data('provincial.csv'), '--lang', 'fr'])).code,
    ).toBe(2);
  });
});

describe('jianguan check --discretion / --enforcement / --checklist', () => {
  it('flags a fine outside its band, a missing degree and a major case without legal review, citing rule and source (real binary)', async () => {
    const r = await runBin(['check', data('penalties.csv'), '--discretion', data('benchmarks.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('3 records — 1 passed, 2 failed');
    expect(r.stdout).toMatch(/L3 {2}CF-2025-031 {2}error\/01\/major_case_no_legal_review/);
    expect(r.stdout).toContain(
      'source: 「Pinglu District plan on in-process and after-the-fact supervision, （十一）; Yancheng municipal notice (盐政办发〔2021〕94号), （二）」',
    );
    expect(r.stdout).toMatch(/CF-2025-031 {2}error\/01\/discretion_fine_out_of_band {2}fineAmount=9000/);
    expect(r.stdout).toContain('罚款 9000 元超出“一般”幅度 4800–7200 元');
    expect(r.stdout).toContain('renrendoc.com/paper/362893586.html');
    expect(r.stdout).toMatch(/CF-2025-032 {2}error\/01\/discretion_degree_missing/);
    // 裁量阶次 / 裁量基数 / 公示日期 are read, not reported as unknown columns.
    expect(r.stdout).not.toContain('unknown column "裁量阶次"');
  });

  it('passes penalties within their band; without the option the same file has no discretion issue', async () => {
    const base = JSON.parse(readFileSync(join(repoRoot, 'examples/data/penalties.json'), 'utf8'))[0];
    const ok = tmp.write(
      'ok-penalty.json',
      JSON.stringify([
        {
          ...base,
          punishAccord: '《殡葬管理条例》第二十二条第二款',
          fineAmount: 6000,
          finePaid: 6000,
          discretionDegree: '一般',
          discretionBaseAmount: 3000,
        },
      ]),
    );
    const { kind: _kind, ...noKind } = { ...base, isMajorCase: true, legalReviewed: false };
    const typed = tmp.write('typed-penalty.json', JSON.stringify([noKind]));
    const t = await run(['check', typed, '--type', 'penalty', '--enforcement', '--json']);
    expect(JSON.parse(t.stdout).files[0].issues.map((i: { rule: string }) => i.rule)).toContain(
      'major_case_no_legal_review',
    );
    const r = await run(['check', ok, '--discretion', 'example', '--json']);
    expect(JSON.parse(r.stdout).files[0].issues).toEqual([]);
    expect(r.code).toBe(0);
    const plain = await run(['check', data('penalties.csv'), '--json']);
    const rules = JSON.parse(plain.stdout).files[0].issues.map((i: { rule: string }) => i.rule);
    expect(rules).not.toContain('discretion_fine_out_of_band');
    const enforcement = await run(['check', data('penalties.csv'), '--enforcement', '--json']);
    const rules2 = JSON.parse(enforcement.stdout).files[0].issues.map((i: { rule: string }) => i.rule);
    expect(rules2).toEqual(['major_case_no_legal_review', 'publicity_late']);
    const relaxed = await run(['check', data('penalties.csv'), '--publicity-workdays', '20', '--json']);
    const rules3 = JSON.parse(relaxed.stdout).files[0].issues.map((i: { rule: string }) => i.rule);
    expect(rules3).toEqual(['major_case_no_legal_review']);
  });

  it('validates inspection line-level results against the checklist (real binary)', async () => {
    const r = await runBin(['check', data('inspections.csv'), '--checklist', data('checklist.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('2 records — 1 passed, 1 failed');
    expect(r.stdout).toMatch(/JC-2025-0102 {2}error\/04\/checklist_line_missing/);
    expect(r.stdout).toContain('inspection result 01 contradicts the line results (they imply 02)');
    expect(r.stdout).toContain('source: checklist food-retail-daily 2025.1 「lines after');
  });

  it('exits 0 when the line results agree; a bad checklist or benchmark file exits 3', async () => {
    const lines = readFileSync(data('inspections.csv'), 'utf8').split('\n');
    const good = tmp.write('good-inspections.csv', `${lines[0]}\n${lines[1]}\n`);
    const r = await run(['check', good, '--checklist', data('checklist.json')]);
    expect(r.stdout).toContain('1 records — 1 passed, 0 failed');
    expect(r.code).toBe(0);
    // Typed with a Chinese input method: full-width ＝ and ；, full-width brackets.
    const fullWidth = tmp.write(
      'full-width-inspections.csv',
      `${lines[0]}\n${lines[1]?.replace('L1=不符合(食品经营许可证过期);L2=符合;L3=符合;L4=符合', 'L1＝不符合（食品经营许可证过期）；L2＝符合；L3：符合；L4＝符合')}\n`,
    );
    const fw = await run(['check', fullWidth, '--checklist', data('checklist.json')]);
    expect(fw.stdout).toContain('1 records — 1 passed, 0 failed');
    expect(fw.code).toBe(0);
    const unused = await run(['check', data('penalties.csv'), '--checklist', data('checklist.json')]);
    expect(unused.stderr).toContain('warning: no inspection record (kind inspection) found');
    const noPenalty = await run(['check', good, '--enforcement']);
    expect(noPenalty.stderr).toContain('警告：没有行政处罚记录');
    const badList = tmp.write('bad-checklist.json', JSON.stringify({ id: 'x', items: [] }));
    const bl = await runBin(['check', good, '--checklist', badList]);
    expect(bl.code).toBe(3);
    expect(bl.stderr).toContain('jianguan: error:');
    const badSet = tmp.write('bad-benchmarks.json', '{"id": ');
    expect((await run(['check', data('penalties.csv'), '--discretion', badSet])).code).toBe(3);
    const unreadable = tmp.write(
      'garbled.csv',
      `${lines[0]}\n${lines[1]?.replace(/L1=不符合[^,]*$/, 'L1 passes')}\n`,
    );
    const g = await run(['check', unreadable, '--checklist', data('checklist.json'), '--json']);
    expect(g.code).toBe(1);
    expect(JSON.parse(g.stdout).files[0].issues.map((i: { rule: string }) => i.rule)).toContain(
      'checklist_results_invalid',
    );
  });
});

describe('help', () => {
  it('documents every subcommand and input format', async () => {
    const r = await run(['catalog', '--help']);
    expect(r.code).toBe(0);
    for (const s of [
      'catalog gap',
      'catalog match',
      'catalog diff',
      '--claims',
      '--records',
      '--inspection-lists',
      '认领部门',
    ]) {
      expect(r.stdout).toContain(s);
    }
    const c = await run(['check', '--help']);
    for (const s of ['--discretion', '--checklist', '逐项检查结果', '裁量阶次', '"degrees"'])
      expect(c.stdout).toContain(s);
    expect((await run(['--help'])).stdout).toContain('catalog');
  });
});
