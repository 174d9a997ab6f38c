import { parseRuleSet } from '../rule-set/parse.js';
import type { CreditRuleSet } from '../rule-set/types.js';
import { HEAVY_PENALTIES, NON_WARNING_PENALTIES, PROBLEM_RESULTS } from './common.js';

const clean = (years: number) => ({
  op: 'not',
  of: {
    op: 'any',
    of: [
      { op: 'count', where: { kind: 'penalty', penaltyKinds: NON_WARNING_PENALTIES, within: { years } } },
      { op: 'count', where: { kind: 'abnormal_list', within: { years } } },
      { op: 'count', where: { kind: 'abnormal_list', inForce: true } },
      { op: 'count', where: { kind: 'serious_list' } },
      { op: 'count', where: { kind: 'court_dishonesty', within: { years } } },
      { op: 'count', where: { kind: 'spot_check', resultCodes: PROBLEM_RESULTS, within: { years } } },
      { op: 'count', where: { kind: 'commitment_breach', within: { years } } },
      { op: 'count', where: { kind: 'complaint', substantiated: true, within: { years: 1 } } },
    ],
  },
});

const data = {
  format: 'jianguan.credit-rule-set/1',
  id: 'sd-five-class',
  version: '1.0.1',
  name: {
    zh: '五级分类示例规则（仿山东：A–E，不公开、不免抽、不惩戒）',
    en: 'Five-class profile, Shandong-like (A–E; not public, no class exempt, no punishment)',
  },
  jurisdiction: '370000',
  effectiveFrom: '2020-01-01',
  sources: [
    {
      id: 'sd-2020',
      title:
        '山东省市场主体信用风险分类监管办法（2020）：不评价、不惩戒、不公开、不免抽；A–E 五类；5 种情形直接列为 E',
      ref: 'sdchina / 新华网 (2020); sampling-and-credit.md §B1 "Shandong principles"',
    },
    {
      id: 'sd-2017-tiers',
      title: '山东 2017 双随机抽查比例分档 3%/10%/20%/100%',
      ref: 'jinan.baogaosu.com; sampling-and-credit.md §A3',
    },
    {
      id: 'samr-order-44',
      title: '市场监督管理严重违法失信名单管理办法（总局令第44号）',
      ref: 'sampling-and-credit.md §B6',
    },
    {
      id: 'disclosure-2014',
      title: '企业信息公示暂行条例（2014）',
      ref: 'sampling-and-credit.md §B5',
    },
  ],
  grades: [
    { code: 'A', label: { zh: 'A 类（信用风险很低）', en: 'A (very low risk)' } },
    { code: 'B', label: { zh: 'B 类（信用风险低）', en: 'B (low risk)' } },
    { code: 'C', label: { zh: 'C 类（信用风险一般）', en: 'C (general risk)' } },
    { code: 'D', label: { zh: 'D 类（信用风险较高）', en: 'D (higher risk)' } },
    { code: 'E', label: { zh: 'E 类（信用风险高）', en: 'E (high risk)' } },
  ],
  defaultGrade: 'C',
  publicGrades: false,
  noClassExemptFromSampling: true,
  rules: [
    {
      id: 'e-serious-list',
      title: {
        zh: '列入严重违法失信名单，直接列为 E 类',
        en: 'on the serious-violation list: straight to E',
      },
      source: {
        doc: 'sd-2020',
        status: 'verified',
        note: 'a statutory serious dishonest act is one of the 5 situations',
      },
      when: { op: 'count', where: { kind: 'serious_list', inForce: true } },
      effect: { type: 'worst' },
    },
    {
      id: 'e-court-dishonesty',
      title: { zh: '被列为失信被执行人，直接列为 E 类', en: 'court dishonesty record: straight to E' },
      source: {
        doc: 'sd-2020',
        status: 'inferred',
        note: 'the other 4 situations are not in the reference; inferred',
      },
      when: { op: 'count', where: { kind: 'court_dishonesty', inForce: true } },
      effect: { type: 'worst' },
    },
    {
      id: 'e-licence-revoked-1y',
      title: {
        zh: '一年内被吊销许可证或责令关闭，直接列为 E 类',
        en: 'licence revoked or closure ordered within 1 year: straight to E',
      },
      source: { doc: 'sd-2020', status: 'inferred' },
      when: { op: 'count', where: { kind: 'penalty', penaltyKinds: ['05', '14'], within: { years: 1 } } },
      effect: { type: 'worst' },
    },
    {
      id: 'e-abnormal-3y',
      title: {
        zh: '列入经营异常名录满三年，直接列为 E 类',
        en: 'on the abnormal list for 3 years: straight to E',
      },
      source: { doc: 'disclosure-2014', article: '第17条', status: 'inferred' },
      when: { op: 'count', where: { kind: 'abnormal_list', inForce: true, olderThan: { years: 3 } } },
      effect: { type: 'worst' },
    },
    {
      id: 'e-false-commitment-1y',
      title: {
        zh: '一年内承诺经核查不实，直接列为 E 类',
        en: 'a commitment found false on verification within 1 year: straight to E',
      },
      source: { doc: 'sd-2020', status: 'inferred' },
      when: { op: 'count', where: { kind: 'commitment_breach', outcome: 'failed', within: { years: 1 } } },
      effect: { type: 'worst' },
    },
    {
      id: 'd-abnormal-list',
      title: { zh: '列入经营异常名录', en: 'on the abnormal-operation list' },
      source: { doc: 'sd-2020', status: 'inferred', note: '年报公示 dimension' },
      when: { op: 'count', where: { kind: 'abnormal_list', inForce: true } },
      effect: { type: 'assign', grade: 'D' },
    },
    {
      id: 'd-heavy-penalty-3y',
      title: { zh: '三年内受到较重行政处罚', en: 'a heavy penalty within 3 years' },
      source: { doc: 'sd-2020', status: 'inferred', note: '合规信息 dimension' },
      when: { op: 'count', where: { kind: 'penalty', penaltyKinds: HEAVY_PENALTIES, within: { years: 3 } } },
      effect: { type: 'assign', grade: 'D' },
    },
    {
      id: 'd-penalty-1y',
      title: { zh: '一年内受到行政处罚（警告除外）', en: 'a penalty (other than a warning) within 1 year' },
      source: { doc: 'sd-2020', status: 'inferred', note: '合规信息 dimension' },
      when: {
        op: 'count',
        where: { kind: 'penalty', penaltyKinds: NON_WARNING_PENALTIES, within: { years: 1 } },
      },
      effect: { type: 'assign', grade: 'D' },
    },
    {
      id: 'd-spot-check-problem-1y',
      title: { zh: '一年内抽查发现问题', en: 'a spot check found a problem within 1 year' },
      source: { doc: 'sd-2020', status: 'inferred', note: '合规信息 dimension' },
      when: {
        op: 'count',
        where: { kind: 'spot_check', resultCodes: PROBLEM_RESULTS, within: { years: 1 } },
      },
      effect: { type: 'assign', grade: 'D' },
    },
    {
      id: 'c-missed-commitment-2y',
      title: { zh: '两年内承诺逾期未履行', en: 'a commitment missed its deadline within 2 years' },
      source: { doc: 'sd-2020', status: 'inferred' },
      when: { op: 'count', where: { kind: 'commitment_breach', within: { years: 2 } } },
      effect: { type: 'assign', grade: 'C' },
    },
    {
      id: 'c-complaints-1y',
      title: { zh: '一年内两次以上投诉经查属实', en: 'two or more substantiated complaints within 1 year' },
      source: { doc: 'sd-2020', status: 'inferred', note: '舆情关联 dimension' },
      when: {
        op: 'count',
        where: { kind: 'complaint', substantiated: true, within: { years: 1 } },
        atLeast: 2,
      },
      effect: { type: 'assign', grade: 'C' },
    },
    {
      id: 'c-young-entity',
      title: { zh: '成立不满两年的企业不高于 C 类', en: 'registered less than 2 years ago: at best C' },
      source: { doc: 'sd-2020', status: 'inferred', note: '企业属性 dimension' },
      when: { op: 'registered', lessThan: { years: 2 } },
      effect: { type: 'assign', grade: 'C' },
    },
    {
      id: 'b-clean-2y',
      title: {
        zh: '成立满两年且两年内无不良记录',
        en: 'registered 2+ years with a clean record for 2 years',
      },
      source: { doc: 'sd-2020', status: 'inferred' },
      when: { op: 'all', of: [{ op: 'registered', atLeast: { years: 2 } }, clean(2)] },
      effect: { type: 'assign', grade: 'B' },
    },
    {
      id: 'a-clean-5y',
      title: {
        zh: '成立满五年且五年内无不良记录，再提升一级',
        en: 'registered 5+ years, clean for 5 years: one class better',
      },
      source: { doc: 'sd-2020', status: 'inferred' },
      when: { op: 'all', of: [{ op: 'registered', atLeast: { years: 5 } }, clean(5)] },
      effect: { type: 'upgrade', steps: 1 },
    },
  ],
  measures: {
    A: {
      samplingRatio: { min: 0.01, max: 0.03, default: 0.02 },
      yearlyInspectionCap: 1,
      onSitePolicy: 'normal',
      keySupervision: false,
      jointPunishment: [],
      source: {
        doc: 'sd-2020',
        status: 'inferred',
        note: '不免抽 is verified: even A is sampled; the numbers are inferred',
      },
    },
    B: {
      samplingRatio: { min: 0.03, max: 0.05, default: 0.03 },
      yearlyInspectionCap: 1,
      onSitePolicy: 'normal',
      keySupervision: false,
      jointPunishment: [],
      source: { doc: 'sd-2017-tiers', status: 'inferred' },
    },
    C: {
      samplingRatio: { min: 0.05, max: 0.1, default: 0.05 },
      yearlyInspectionCap: 2,
      onSitePolicy: 'normal',
      keySupervision: false,
      jointPunishment: [],
      source: { doc: 'sd-2017-tiers', status: 'inferred' },
    },
    D: {
      samplingRatio: { min: 0.1, max: 0.2, default: 0.2 },
      yearlyInspectionCap: 3,
      onSitePolicy: 'when_needed',
      keySupervision: false,
      jointPunishment: [],
      source: { doc: 'sd-2017-tiers', status: 'inferred' },
    },
    E: {
      samplingRatio: { min: 0.2, max: 1, default: 1 },
      yearlyInspectionCap: null,
      onSitePolicy: 'proactive',
      keySupervision: true,
      jointPunishment: [],
      source: {
        doc: 'sd-2020',
        status: 'inferred',
        note: '不惩戒 is verified: no joint punishment from the class itself; the ratio band is inferred',
      },
    },
  },
  jointPunishmentMeasures: {},
};

/**
 * A second profile in another shape (山东式五级分类示例): five classes A–E, grades never published
 * (不公开), no class exempt from sampling (不免抽), no joint punishment from the class (不惩戒), and
 * "straight to E" overrides. Illustrative: the provincial indicator weights are not public.
 *
 * @example
 * measuresForGrade(sdFiveClassRuleSet, 'A').samplingRatio.min; // 0.01 — never 0
 */
export const sdFiveClassRuleSet: CreditRuleSet = parseRuleSet(data);
