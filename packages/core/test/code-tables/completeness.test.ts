import { describe, expect, it } from 'vitest';
import { codeTables, getCodeTable, lookupCode } from '../../src/index.js';

/**
 * Completeness against the cited source. S6 is the Jiangsu “互联网+监管数据填报” app's code dictionary
 * (GitHub gaoq12138g/Internetdata, `src/views/js/dictionary.json`, commit c39f399 of 2020-09-15): each row has
 * `编号` (code), `值` (label) and `类型名称` (table name). The rows below are transcribed from that file.
 */

/** S6 rows with 类型名称 “监管部门” (58 rows), in the file's order. */
const S6_DEPT: readonly (readonly [string, string])[] = [
  ['04', '发展改革委'],
  ['05', '教育部'],
  ['06', '科技部'],
  ['07', '工业和信息化部'],
  ['09', '公安部'],
  ['10', '安全部'],
  ['11', '民政部'],
  ['12', '司法部'],
  ['13', '财政部'],
  ['14', '人力资源社会保障部'],
  ['15', '自然资源部'],
  ['16', '生态环境部'],
  ['17', '住房城乡建设部'],
  ['18', '交通运输部'],
  ['19', '水利部'],
  ['20', '农业农村部'],
  ['21', '商务部'],
  ['22', '文化和旅游部'],
  ['23', '卫生健康委'],
  ['25', '应急部'],
  ['26', '人民银行'],
  ['28', '国资委'],
  ['29', '海关总署'],
  ['30', '税务总局'],
  ['31', '市场监管局'],
  ['32', '广电总局'],
  ['33', '体育总局'],
  ['34', '统计局'],
  ['36', '医保局'],
  ['38', '国管局'],
  ['39', '新闻出版署'],
  ['40', '版权局'],
  ['41', '宗教局'],
  ['46', '网信办'],
  ['47', '新闻办'],
  ['54', '气象局'],
  ['55', '银保监会'],
  ['56', '证监会'],
  ['59', '粮食和储备局'],
  ['60', '能源局'],
  ['61', '国防科工局'],
  ['62', '烟草局'],
  ['64', '林草局'],
  ['65', '铁路局'],
  ['66', '民航局'],
  ['67', '邮政局'],
  ['68', '文物局'],
  ['69', '中医药局'],
  ['70', '煤矿安监局'],
  ['71', '外汇局'],
  ['72', '药监局'],
  ['73', '知识产权局'],
  ['75', '档案局'],
  ['76', '保密局'],
  ['77', '密码局'],
  ['97', '地震局'],
  ['98', '电影局'],
  ['99', '其他业务指导部门'],
];

/** Row counts per 类型名称 in S6 for the tables jianguan ships from it. */
const S6_COUNTS: readonly (readonly [id: string, name: string, rows: number])[] = [
  ['exerciseLevel', '行使层级', 5],
  ['itemStatus', '事项状态', 4],
  ['implementerNature', '实施主体性质', 2],
  ['supervisedObjectType', '监管行为监管对象类型', 11],
  ['counterpartNature', '行政相对人性质', 3],
  ['certType', '证件类型', 18],
  ['checkForm', '检查形式', 3],
  ['checkType', '检查类别', 2],
  ['checkMode', '检查方式', 3],
  ['checkResult', '检查结果', 6],
  ['caseSource', '案件来源', 6],
  ['punishProcedure', '处罚程序', 2],
  ['reconsideration', '行政复议', 14],
  ['litigation', '行政诉讼', 13],
  ['closingExecMode', '结案执行方式', 2],
  ['closingExecResult', '结案执行结果', 3],
  ['punishOtherDisposal', '处罚其他处理情况', 4],
  ['forceType', '行政强制种类', 2],
  ['coerciveMeasureType', '强制措施类型', 5],
  ['forceExecutionType', '强制执行类型', 6],
  ['deptCode', '监管部门', 58],
  ['qualityCheckType', '数据检核类型', 10],
  ['sex', '性别', 4],
  ['staffNature', '执法人员性质', 5],
  ['legalPersonType', '法人类型', 3],
  ['politicalStatus', '政治面貌', 13],
  ['complaintProblemType', '投诉举报问题类型', 15],
  ['eventProgressStatus', '事件进展状态', 9],
  ['riskWarningDomain', '风险预警领域', 8],
  ['announcementType', '公告类型', 4],
  ['listingAction', '列入移出类型', 2],
  ['licenseCategory', '许可事项类别', 3],
];

describe('监管部门 (deptCode) is complete against S6', () => {
  it('has exactly the 58 codes of S6, in order', () => {
    expect(S6_DEPT).toHaveLength(58);
    expect(getCodeTable('deptCode').entries.map((e) => e.code)).toEqual(S6_DEPT.map(([code]) => code));
  });

  it.each(S6_DEPT)('%s %s is a code, and its S6 label finds it', (code, label) => {
    expect(codeTables.isCode('deptCode', code)).toBe(true);
    expect(lookupCode('deptCode', label)?.code).toBe(code);
  });

  it.each([
    ['林草局', '64'],
    ['国家林业和草原局', '64'],
    ['中国民用航空局', '66'],
    ['国家烟草专卖局', '62'],
    ['国家邮政局', '67'],
    ['国资委', '28'],
    ['国家矿山安全监察局', '70'],
  ])('the official name %s finds %s', (name, code) => {
    expect(lookupCode('deptCode', name)?.code).toBe(code);
  });

  it('names its source and the row count', () => {
    const table = getCodeTable('deptCode');
    expect(table.source).toContain('gaoq12138g/Internetdata');
    expect(table.source).toContain('58');
    expect(codeTables.isCode('deptCode', '24')).toBe(false); // a gap in S6's numbering
  });
});

describe('every table shipped from S6 has all of S6 rows', () => {
  it.each(S6_COUNTS)('%s (%s) has %i entries', (id, name, rows) => {
    const table = getCodeTable(id);
    expect(table.name).toBe(name);
    expect(table.entries).toHaveLength(rows);
  });
});
