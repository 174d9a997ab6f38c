import { parseRuleSet } from '../rule-set/parse.js';
import type { CreditRuleSet } from '../rule-set/types.js';
import { HEAVY_PENALTIES, NON_WARNING_PENALTIES, PROBLEM_RESULTS } from './common.js';

const data = {
  format: 'jianguan.credit-rule-set/1',
  id: 'samr-baseline',
  version: '1.0.1',
  name: {
    zh: '市场监管企业信用风险分类（A/B/C/D）基线规则',
    en: 'SAMR enterprise credit-risk classification (A/B/C/D), baseline',
  },
  jurisdiction: '100000',
  effectiveFrom: '2022-01-13',
  sources: [
    {
      id: 'samr-2022-6',
      title: '国市监信发〔2022〕6号 关于推进企业信用风险分类管理进一步提升监管效能的意见',
      ref: 'https://gkml.samr.gov.cn/nsjg/xyjgs/202201/t20220113_339100.html; sampling-and-credit.md §B1',
    },
    {
      id: 'samr-2023-96',
      title: '市监信发〔2023〕96号 通用型企业信用风险分类指标体系（第二版）',
      ref: 'sampling-and-credit.md §B1 (indicator dimensions; weights not public)',
    },
    {
      id: 'samr-order-44',
      title: '市场监督管理严重违法失信名单管理办法（总局令第44号）',
      ref: 'sampling-and-credit.md §B6',
    },
    {
      id: 'samr-order-45',
      title: '市场监督管理行政处罚信息公示规定（总局令第45号）',
      ref: 'sampling-and-credit.md §0, §B7',
    },
    {
      id: 'disclosure-2014',
      title: '企业信息公示暂行条例（2014）',
      ref: 'sampling-and-credit.md §A5, §B5',
    },
    {
      id: 'gov-2015-58',
      title: '国办发〔2015〕58号 关于推广随机抽查规范事中事后监管的通知',
      ref: 'sampling-and-credit.md §A1 (c)',
    },
    {
      id: 'seed-002-commitments',
      title: '晋城市城区“互联网+监管”实施方案：将信用承诺履行情况纳入信用记录',
      ref: 'seeds/002_30c684fa7aebade9.txt line 37',
    },
    {
      id: 'shenzhen-2023-56',
      title: '深圳经济特区社会信用条例（2023）第56条 公共信用综合评价结果的应用',
      ref: 'sampling-and-credit.md §B4',
    },
    {
      id: 'new-entities',
      title: '新设企业的分类（无全国性规定，地方多按 B 类）',
      ref: 'sampling-and-credit.md §B3',
    },
    {
      id: 'lindian-2024',
      title: '林甸县农业领域信用分级分类抽查比例（A ≤5%，B 5–20%，C 21–60%，D 61–100%）',
      ref: 'credit.daqing.gov.cn; sampling-and-credit.md §A6',
    },
    {
      id: 'gov-2024-54',
      title: '国办发〔2024〕54号 关于严格规范涉企行政检查的意见（年度检查频次上限）',
      ref: 'sampling-and-credit.md §0',
    },
  ],
  grades: [
    { code: 'A', label: { zh: '信用风险低', en: 'low credit risk' } },
    { code: 'B', label: { zh: '信用风险一般', en: 'general credit risk' } },
    { code: 'C', label: { zh: '信用风险较高', en: 'higher credit risk' } },
    { code: 'D', label: { zh: '信用风险高', en: 'high credit risk' } },
  ],
  defaultGrade: 'B',
  publicGrades: false,
  noClassExemptFromSampling: false,
  rules: [
    {
      id: 'serious-list',
      title: {
        zh: '列入严重违法失信名单，直接列为 D 类',
        en: 'on the serious-violation list: straight to D',
      },
      source: {
        doc: 'samr-order-44',
        status: 'inferred',
        note: '6号 counts the serious list among the classification data; mapping it straight to D is the usual reading',
      },
      when: { op: 'count', where: { kind: 'serious_list', inForce: true } },
      effect: { type: 'worst' },
    },
    {
      id: 'heavy-penalty-3y',
      title: {
        zh: '三年内受到吊销、责令关闭、停产停业、限制经营或从业、降低资质等较重行政处罚',
        en: 'a heavy penalty (revocation, closure, suspension, restriction, ban, downgrade) within 3 years',
      },
      source: {
        doc: 'samr-order-45',
        article: '第14条',
        status: 'inferred',
        note: 'heavy kinds per Order 45; the D class is inferred',
      },
      when: { op: 'count', where: { kind: 'penalty', penaltyKinds: HEAVY_PENALTIES, within: { years: 3 } } },
      effect: { type: 'assign', grade: 'D' },
    },
    {
      id: 'abnormal-list-3y',
      title: {
        zh: '列入经营异常名录满三年未移出（应列入严重违法失信名单）',
        en: 'on the abnormal list for 3 years without removal (due for the serious list)',
      },
      source: {
        doc: 'disclosure-2014',
        article: '第17条',
        status: 'verified',
        note: 'the 3-year escalation is verified; the D class follows from it',
      },
      when: { op: 'count', where: { kind: 'abnormal_list', inForce: true, olderThan: { years: 3 } } },
      effect: { type: 'assign', grade: 'D' },
    },
    {
      id: 'abnormal-list',
      title: { zh: '列入经营异常名录', en: 'on the abnormal-operation list' },
      source: {
        doc: 'gov-2015-58',
        status: 'inferred',
        note: '58号 asks for more sampling of listed entities',
      },
      when: { op: 'count', where: { kind: 'abnormal_list', inForce: true } },
      effect: { type: 'assign', grade: 'C' },
    },
    {
      id: 'court-dishonesty',
      title: { zh: '被列为失信被执行人', en: 'listed by a court as a dishonest judgment debtor' },
      source: { doc: 'samr-2023-96', status: 'inferred', note: 'risk information dimension' },
      when: { op: 'count', where: { kind: 'court_dishonesty', inForce: true } },
      effect: { type: 'assign', grade: 'C' },
    },
    {
      id: 'repeat-penalties-2y',
      title: {
        zh: '两年内受到两次以上行政处罚（警告除外）',
        en: 'two or more penalties (other than warnings) within 2 years',
      },
      source: {
        doc: 'samr-2023-96',
        status: 'inferred',
        note: 'supervision information dimension; threshold inferred',
      },
      when: {
        op: 'count',
        where: { kind: 'penalty', penaltyKinds: NON_WARNING_PENALTIES, within: { years: 2 } },
        atLeast: 2,
      },
      effect: { type: 'assign', grade: 'C' },
    },
    {
      id: 'large-fines-3y',
      title: { zh: '三年内罚款累计 10 万元以上', en: 'fines totalling ¥100,000 or more within 3 years' },
      source: {
        doc: 'samr-2023-96',
        status: 'inferred',
        note: 'amount threshold inferred; set per province',
      },
      when: { op: 'sum', where: { kind: 'penalty', within: { years: 3 } }, atLeast: 100000 },
      effect: { type: 'assign', grade: 'C' },
    },
    {
      id: 'uncooperative-spot-check-3y',
      title: {
        zh: '三年内双随机抽查不配合检查情节严重',
        en: 'seriously uncooperative in a spot check within 3 years',
      },
      source: {
        doc: 'disclosure-2014',
        article: '第15条',
        status: 'inferred',
        note: 'published on NECIPS; class inferred',
      },
      when: { op: 'count', where: { kind: 'spot_check', resultCodes: ['8'], within: { years: 3 } } },
      effect: { type: 'assign', grade: 'C' },
    },
    {
      id: 'spot-check-problem-1y',
      title: {
        zh: '一年内双随机抽查发现问题待处理或违法',
        en: 'a spot check found a pending problem or violation within 1 year',
      },
      source: { doc: 'samr-2023-96', status: 'inferred', note: 'R0305 双随机抽查 in the public mock model' },
      when: {
        op: 'count',
        where: { kind: 'spot_check', resultCodes: PROBLEM_RESULTS, within: { years: 1 } },
      },
      effect: { type: 'assign', grade: 'C' },
    },
    {
      id: 'commitment-breach-2y',
      title: {
        zh: '两年内未履行信用承诺或告知承诺',
        en: 'a broken credit or notify-and-commit commitment within 2 years',
      },
      source: {
        doc: 'seed-002-commitments',
        status: 'inferred',
        note: 'seed-stated: breaches enter the credit record; the 2-year window and the class are inferred',
      },
      when: { op: 'count', where: { kind: 'commitment_breach', within: { years: 2 } } },
      effect: { type: 'assign', grade: 'C' },
    },
    {
      id: 'complaints-1y',
      title: {
        zh: '一年内三次以上投诉举报经查属实',
        en: 'three or more substantiated complaints within 1 year',
      },
      source: {
        doc: 'samr-2022-6',
        status: 'inferred',
        note: 'complaints are classification data; threshold inferred',
      },
      when: {
        op: 'count',
        where: { kind: 'complaint', substantiated: true, within: { years: 1 } },
        atLeast: 3,
      },
      effect: { type: 'assign', grade: 'C' },
    },
    {
      id: 'public-credit-poor',
      title: {
        zh: '公共信用综合评价结果为差（D）',
        en: 'public-credit comprehensive evaluation graded poor (D)',
      },
      source: { doc: 'shenzhen-2023-56', status: 'inferred' },
      when: { op: 'externalGrade', source: 'public-credit', in: ['D', '差'] },
      effect: { type: 'assign', grade: 'C' },
    },
    {
      id: 'new-entity',
      title: { zh: '成立不满一年的新设企业按 B 类', en: 'registered less than a year ago: B' },
      source: { doc: 'new-entities', status: 'unverified', note: 'no national rule found; configurable' },
      when: { op: 'registered', lessThan: { years: 1 } },
      effect: { type: 'assign', grade: 'B' },
    },
    {
      id: 'clean-established',
      title: {
        zh: '成立满三年且三年内无处罚、名单、抽查问题和失信记录',
        en: 'registered 3+ years with no penalty, listing, spot-check problem or breach in 3 years',
      },
      source: {
        doc: 'samr-2022-6',
        status: 'inferred',
        note: 'A = low risk; the clean-record test is inferred',
      },
      when: {
        op: 'all',
        of: [
          { op: 'registered', atLeast: { years: 3 } },
          {
            op: 'not',
            of: {
              op: 'any',
              of: [
                {
                  op: 'count',
                  where: { kind: 'penalty', penaltyKinds: NON_WARNING_PENALTIES, within: { years: 3 } },
                },
                { op: 'count', where: { kind: 'abnormal_list', within: { years: 3 } } },
                { op: 'count', where: { kind: 'abnormal_list', inForce: true } },
                { op: 'count', where: { kind: 'serious_list' } },
                { op: 'count', where: { kind: 'court_dishonesty', inForce: true } },
                {
                  op: 'count',
                  where: { kind: 'spot_check', resultCodes: PROBLEM_RESULTS, within: { years: 3 } },
                },
                { op: 'count', where: { kind: 'commitment_breach', within: { years: 3 } } },
                { op: 'count', where: { kind: 'complaint', substantiated: true, within: { years: 1 } } },
                { op: 'externalGrade', source: 'public-credit', in: ['C', 'D', '中', '差'] },
              ],
            },
          },
        ],
      },
      effect: { type: 'assign', grade: 'A' },
    },
  ],
  measures: {
    A: {
      samplingRatio: { min: 0, max: 0.05, default: 0.03 },
      yearlyInspectionCap: 1,
      onSitePolicy: 'triggered_only',
      keySupervision: false,
      jointPunishment: [],
      source: {
        doc: 'samr-2022-6',
        status: 'inferred',
        note: '无事不扰 is verified (6号); the ratio band is a local example (lindian-2024) and the cap inferred',
      },
    },
    B: {
      samplingRatio: { min: 0.05, max: 0.2, default: 0.05 },
      yearlyInspectionCap: 1,
      onSitePolicy: 'normal',
      keySupervision: false,
      jointPunishment: [],
      source: { doc: 'lindian-2024', status: 'inferred', note: 'normal ratio; band is a local example' },
    },
    C: {
      samplingRatio: { min: 0.21, max: 0.6, default: 0.3 },
      yearlyInspectionCap: 2,
      onSitePolicy: 'when_needed',
      keySupervision: false,
      jointPunishment: [],
      source: { doc: 'lindian-2024', status: 'inferred', note: 'higher ratio; band is a local example' },
    },
    D: {
      samplingRatio: { min: 0.61, max: 1, default: 1 },
      yearlyInspectionCap: null,
      onSitePolicy: 'proactive',
      keySupervision: true,
      jointPunishment: ['licensing-review', 'key-supervision-object', 'no-notify-commit', 'no-honours'],
      source: {
        doc: 'samr-2022-6',
        status: 'inferred',
        note: '无处不在 is verified (6号); the ratio band is a local example (lindian-2024)',
      },
    },
  },
  jointPunishmentMeasures: {
    'licensing-review': {
      title: {
        zh: '审查行政许可、资质、政府采购、招投标时作为重要考量因素',
        en: 'weighed in licensing, qualification, procurement and tendering reviews',
      },
      source: { doc: 'samr-order-44', status: 'unverified', note: 'recalled; verify the article' },
    },
    'key-supervision-object': {
      title: {
        zh: '列为重点监管对象，提高检查频次',
        en: 'key-supervision object, more frequent inspections',
      },
      source: { doc: 'samr-order-44', status: 'unverified', note: 'recalled; verify the article' },
    },
    'no-notify-commit': {
      title: { zh: '不适用告知承诺制度', en: 'notify-and-commit not available' },
      source: { doc: 'samr-order-44', status: 'unverified', note: 'recalled; verify the article' },
    },
    'no-honours': {
      title: { zh: '不予授予市场监督管理部门荣誉称号等表彰奖励', en: 'no SAMR honours or awards' },
      source: { doc: 'samr-order-44', status: 'unverified', note: 'recalled; verify the article' },
    },
  },
};

/**
 * The SAMR baseline rule set (市场监管企业信用风险分类基线): classes A 信用风险低 / B 一般 / C 较高 / D 高 after
 * 国市监信发〔2022〕6号. Every rule cites its source and says whether the mapping is verified or inferred;
 * the national indicator weights are not public, so thresholds are configurable defaults.
 *
 * @example
 * gradeEntity({ entityId: 'X', registeredAt: '2021-01-01', facts: [] }, { ruleSet: samrBaselineRuleSet, asOf: '2026-11-21' }).grade; // 'A'
 */
export const samrBaselineRuleSet: CreditRuleSet = parseRuleSet(data);
