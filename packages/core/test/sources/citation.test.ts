// Issue 18 item 5: rule data's research references (seed NNN, the project's notes) become citations of the
// public documents they stand for, in both languages; junk input throws a typed error.
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  InvalidSourceRefError,
  isJianguanError,
  PUBLIC_DOCUMENTS,
  publicCitation,
  SOURCE_STATUSES,
  type SourceStatus,
} from '../../src/index.js';

/** What a person must never read in a citation: research ids, note files, sections, tags. */
const INTERNAL = /seed \d|\.md\b|§|task \d|\[(inferred|confirmed|C)\]/;

describe('publicCitation: each seed document by title and number', () => {
  const cases: readonly [string, string, string][] = [
    [
      'seed 000 task 12: 2个工作日内填报, 超时计算并扣除考核分数',
      '《郧西县“互联网+监管”工作推进方案》（西政办发〔2021〕16号）第 12 项任务：2个工作日内填报, 超时计算并扣除考核分数',
      'Yunxi County Internet+Regulation work plan (西政办发〔2021〕16号), work task no. 12',
    ],
    [
      'seed 001 二(五)2: 任务管理系统将风险预警线索…反馈及归档',
      '《宿迁市“互联网+监管”系统建设实施方案》（宿政办发〔2020〕43号）二(五)2：任务管理系统将风险预警线索…反馈及归档',
      'Suqian Internet+Regulation system plan (宿政办发〔2020〕43号), 二(五)2',
    ],
    [
      'seed 002 art. 9 (及时认领)',
      '《朔州市平鲁区“互联网+监管”系统运行管理办法》第 9 条',
      'Pinglu District Internet+Regulation system operating rules, art. 9',
    ],
    [
      'seed 002 (十一) 行政执法公示',
      '《朔州市平鲁区以加强和规范事中事后监管为抓手持续优化营商环境实施方案》（十一）',
      'Pinglu District plan on in-process and after-the-fact supervision, （十一）',
    ],
    [
      'seed 003 (二) 法制审核全覆盖',
      '盐城市人民政府办公室文件（盐政办发〔2021〕94号）（二）',
      'Yancheng municipal notice (盐政办发〔2021〕94号), （二）',
    ],
    [
      'seed 004 (义乌) 三(三)2: 在5个工作日内100%认领接收',
      '《义乌市事中事后监管中心暨“一网通管”行政执法监管平台建设方案》三(三)2：在5个工作日内100%认领接收',
      'Yiwu supervision centre and enforcement platform plan, 三(三)2',
    ],
  ];
  for (const [ref, zh, en] of cases)
    it(ref, () => {
      expect(publicCitation(ref)).toEqual({ zh, en });
    });

  it('seed 002 is two documents: articles cite the operating rules, sections the plan', () => {
    expect(publicCitation('seed 002 (平鲁区) art. 14').zh).toContain(PUBLIC_DOCUMENTS.pingluRules.zh);
    expect(publicCitation('seed 002 (平鲁区) 二(一) 应领尽领').zh).toContain(PUBLIC_DOCUMENTS.pingluPlan.zh);
  });

  it('a note of several parts cites every document and drops the research commentary', () => {
    expect(publicCitation('seed 002 art. 9 (及时认领), art. 45 (限期认领); seed 000 task 1')).toEqual({
      zh: `${PUBLIC_DOCUMENTS.pingluRules.zh}第 9、45 条；${PUBLIC_DOCUMENTS.yunxi.zh}第 1 项任务`,
      en: `${PUBLIC_DOCUMENTS.pingluRules.en}, art. 9, 45; ${PUBLIC_DOCUMENTS.yunxi.en}, work task no. 1`,
    });
    expect(publicCitation('seed 002 (平鲁区) 二(一) 应领尽领; art. 9 及时认领').zh).toBe(
      `${PUBLIC_DOCUMENTS.pingluPlan.zh}二(一)；${PUBLIC_DOCUMENTS.pingluRules.zh}第 9 条`,
    );
    expect(
      publicCitation(
        'seed 002 (十一) 行政执法公示; deadline: kpi-and-interface.md (Yuhua district, 7 working days)',
      ),
    ).toEqual({
      zh: `${PUBLIC_DOCUMENTS.pingluPlan.zh}（十一）`,
      en: `${PUBLIC_DOCUMENTS.pingluPlan.en}, （十一）`,
    });
    expect(
      publicCitation('seed 001 (10 elements); seed 000 task 3 (监管要素100%准确); core 质检 rule required')
        .zh,
    ).toBe(`${PUBLIC_DOCUMENTS.suqian.zh}；${PUBLIC_DOCUMENTS.yunxi.zh}第 3 项任务`);
  });
});

describe('publicCitation: notes without a public document', () => {
  it('an inferred value reads as a configurable default', () => {
    expect(publicCitation('data-standards.md §1.2 [inferred]')).toEqual({
      zh: '可配置的默认值（无公开规定）',
      en: 'configurable default (no published rule)',
    });
    expect(publicCitation('SDK default', 'inferred').zh).toBe('可配置的默认值（无公开规定）');
    // the indicator sets' point values keep their wording on the scorecard
    expect(publicCitation('kpi-and-interface.md §1.7', 'inferred').zh).toBe(
      '分值为可配置的默认值（未见公开的评分细则）',
    );
  });
  it('a seed citation of an inferred value says so', () => {
    expect(publicCitation('seed 000 task 5 (及时反馈)', 'inferred')).toEqual({
      zh: `${PUBLIC_DOCUMENTS.yunxi.zh}第 5 项任务（推断）`,
      en: `${PUBLIC_DOCUMENTS.yunxi.en}, work task no. 5 (inferred)`,
    });
  });
  it('the kpi notes map to the provincial documents they summarise', () => {
    expect(publicCitation('kpi-and-interface.md §1.2 (西安 uses 5 working days)', 'confirmed')).toEqual(
      PUBLIC_DOCUMENTS.xian,
    );
    expect(publicCitation('kpi-and-interface.md §1.1 监管事项认领率').zh).toBe(
      `${PUBLIC_DOCUMENTS.hubei.zh}：监管事项认领率`,
    );
    // a section number of another note is not a kpi section
    expect(publicCitation('data-standards.md §1.2: 14 digits confirmed (S6)').zh).not.toContain('西安');
  });
  it('an SDK rule with no document says so, in words', () => {
    expect(publicCitation('SDK: a claim must name an item of the catalog version')).toEqual({
      zh: '未注明公开文件（jianguan 整理的规则）',
      en: 'no published document cited (a rule compiled by jianguan)',
    });
  });
  it('a public citation given as it is stays as it is', () => {
    expect(publicCitation('《中华人民共和国行政处罚法》第四十八条').zh).toBe(
      '《中华人民共和国行政处罚法》第四十八条',
    );
  });
});

describe('publicCitation: property and junk', () => {
  it('no citation of a seed or note reference shows a research reference', () => {
    const part = fc.oneof(
      fc
        .tuple(fc.constantFrom('000', '001', '002', '003', '004'), fc.integer({ min: 1, max: 60 }))
        .map(([s, n]) => `seed ${s} ${n % 2 ? `task ${n}` : `art. ${n}`}`),
      fc.constantFrom(
        'kpi-and-interface.md §1.1 x',
        'data-standards.md §2 [inferred]',
        'core 质检 rule required',
      ),
    );
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(undefined, 'inferred', 'verified'),
        (parts, status) => {
          const c = publicCitation(parts.join('; '), status as 'inferred' | undefined);
          expect(c.zh).not.toMatch(INTERNAL);
          expect(c.en).not.toMatch(INTERNAL);
          expect(c.zh.length).toBeGreaterThan(0);
        },
      ),
    );
  });
  it('throws InvalidSourceRefError on a ref that is not a non-empty string or an unknown status', () => {
    for (const [ref, status, path] of [
      ['', undefined, 'ref'],
      ['  ', undefined, 'ref'],
      [42, undefined, 'ref'],
      [null, undefined, 'ref'],
      ['seed 000 task 1', 'sure', 'status'],
      ['seed 000 task 1', 3, 'status'],
    ] as const) {
      let error: unknown;
      try {
        publicCitation(ref as never, status as never);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidSourceRefError);
      expect(isJianguanError(error) && error.code).toBe('invalid_source_ref');
      expect((error as InvalidSourceRefError).path).toEqual([path]);
    }
  });
});

describe('SOURCE_STATUSES', () => {
  it('is the one list of source statuses, frozen, and SourceStatus is its element type', () => {
    expect(SOURCE_STATUSES).toEqual([
      'verified',
      'seed-stated',
      'confirmed',
      'partial',
      'inferred',
      'unverified',
    ]);
    expect(Object.isFrozen(SOURCE_STATUSES)).toBe(true);
    expectTypeOf<SourceStatus>().toEqualTypeOf<(typeof SOURCE_STATUSES)[number]>();
    expectTypeOf<'unverified'>().toExtend<SourceStatus>();
    expectTypeOf<'sure'>().not.toExtend<SourceStatus>();
  });
  it('publicCitation accepts every status (unverified included) and names them all when one is unknown', () => {
    for (const status of SOURCE_STATUSES)
      expect(publicCitation('seed 000 task 12', status).zh).toContain('第 12 项任务');
    // `unverified` claims a source: it cites it like `verified`, without the inferred marker.
    expect(publicCitation('seed 000 task 12', 'unverified')).toEqual(
      publicCitation('seed 000 task 12', 'verified'),
    );
    let error: unknown;
    try {
      publicCitation('seed 000 task 12', 'sure' as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidSourceRefError);
    expect((error as InvalidSourceRefError).messages).toEqual({
      zh: '来源核实状态应为 verified、seed-stated、confirmed、partial、inferred、unverified 之一，实际为 "sure"',
      en: 'a source status must be one of verified, seed-stated, confirmed, partial, inferred, unverified, not "sure"',
    });
  });
});
