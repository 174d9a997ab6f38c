/**
 * The code tables shipped with jianguan (国家/省级“互联网+监管”数据规范 代码表).
 *
 * Generated docs: docs/guides/code-tables.md (packages/core/scripts/gen-code-table-docs.ts).
 * Every table names its source. Reference sections are in the jianguan research notes:
 *   - data-standards.md §5 (S6 = Jiangsu “互联网+监管数据填报” app `dictionary.json`, Sept 2020; S10 = provincial
 *     双公示 行政处罚 ETL with 处罚决定种类 01–14), §4 and §7;
 *   - sampling-and-credit.md §A5 (spot-check result vocabularies).
 * The registry trusts this data (no zod at import); test/code-tables/built-in-tables.test.ts validates it with
 * codeTableSchema.
 */
import type { CodeTableInput } from '../types.js';

type Row<C extends string> = readonly [
  code: C,
  label: string,
  labelEn: string,
  aliases?: readonly string[],
  extra?: { readonly validFrom?: string; readonly validTo?: string; readonly note?: string },
];

interface Meta<Id extends string> {
  readonly id: Id;
  readonly name: string;
  readonly nameEn: string;
  readonly version: string;
  readonly source: string;
  readonly multiValued?: boolean;
}

function table<const Id extends string, const C extends string>(meta: Meta<Id>, rows: readonly Row<C>[]): CodeTableInput<Id, C> {
  return {
    ...meta,
    entries: rows.map(([code, label, labelEn, aliases, extra]) => ({ code, label, labelEn, aliases: aliases ?? [], ...extra })),
  };
}

const S6 = 'data-standards §5, S6: Jiangsu “互联网+监管数据填报” app dictionary.json (GitHub gaoq12138g/Internetdata, 2020-09)';
const V_S6 = 'S6-2020';

export const exerciseLevel = table({ id: 'exerciseLevel', name: '行使层级', nameEn: 'exercise level', version: V_S6, source: S6 }, [
  ['1', '国家级', 'national', ['国家级/局（署、会）']],
  ['2', '省级', 'provincial', ['省级/直属']],
  ['3', '市级', 'municipal (prefecture)', ['市级/隶属']],
  ['4', '县级', 'county'],
  ['5', '镇(乡、街道)级', 'town / township / subdistrict', ['乡镇级', '乡镇（街道）级', '镇级', '乡级', '街道级']],
]);

export const itemStatus = table({ id: 'itemStatus', name: '事项状态', nameEn: 'item status', version: V_S6, source: S6 }, [
  ['01', '在用', 'in use', ['有效']],
  ['02', '取消', 'cancelled', ['无效']],
  ['03', '暂停', 'suspended'],
  ['99', '其他', 'other'],
]);

export const implementerNature = table({ id: 'implementerNature', name: '实施主体性质', nameEn: 'implementer nature', version: V_S6, source: S6 }, [
  ['01', '法定机关', 'statutory authority'],
  ['02', '授权组织', 'authorised organisation'],
]);

export const supervisedObjectType = table(
  { id: 'supervisedObjectType', name: '监管行为监管对象类型', nameEn: 'supervised object type', version: V_S6, source: `${S6}; data-standards §4.1` },
  [
    ['1', '企业、个体户、农专社', 'enterprise / individual business / farmers’ cooperative', ['企业·个体户·农专社', '企业']],
    ['2', '自然人', 'natural person'],
    ['3', '特种设备', 'special equipment'],
    ['4', '食品', 'food', ['特定产品（食品）']],
    ['5', '三种特殊食品', 'three kinds of special food', ['特定产品（三种特殊食品）']],
    ['6', '药品', 'drugs', ['特定产品（药品）']],
    ['7', '化妆品', 'cosmetics', ['特定产品（化妆品）']],
    ['8', '医疗器械', 'medical devices', ['特定产品（医疗器械）']],
    ['9', '场地场所', 'sites and premises'],
    ['10', '非企业', 'non-enterprise organisation'],
    ['11', '其他类型', 'other types (uploaded through the element table)', ['其他', '通过监管对象信息要素表上传的其他类型']],
  ],
);

export const counterpartNature = table({ id: 'counterpartNature', name: '行政相对人性质', nameEn: 'counterpart nature', version: V_S6, source: S6 }, [
  ['01', '公民', 'citizen (natural person)', ['自然人']],
  ['02', '法人', 'legal person'],
  ['03', '其他组织', 'other organisation'],
]);

export const certType = table(
  {
    id: 'certType',
    name: '证件类型',
    nameEn: 'certificate type',
    version: V_S6,
    source: `${S6}; numbering follows GA/T 2000.156-2016 常用证件代码. S10 also uses 511, meaning not given (not listed).`,
  },
  [
    ['001', '统一社会信用代码', 'unified social credit code (USCC)', ['统一社会信用代码证', '营业执照']],
    ['099', '其他法人或其他组织有效证件', 'other legal-person / organisation certificate', ['其他法人/组织证件', '其他法人组织证件', '其他法人或其他组织有效证件号码']],
    ['111', '居民身份证', 'resident identity card', ['身份证', '公民身份号码', '二代身份证']],
    ['112', '临时居民身份证', 'temporary resident identity card', ['临时身份证']],
    ['113', '户口簿', 'household register', ['户口本']],
    ['114', '中国人民解放军军官证', 'PLA officer card', ['军官证']],
    ['115', '中国人民武装警察警官证', 'armed police officer card', ['武警警官证', '中国人民武装警察部队警官证']],
    ['117', '出生医学证明', 'medical birth certificate'],
    ['118', '中国人民解放军士兵证', 'PLA soldier card', ['士兵证']],
    ['119', '中国人民武装警察士兵证', 'armed police soldier card', ['武警士兵证', '中国人民武装警察部队士兵证']],
    ['120', '中国人民解放军文职人员证', 'PLA civilian staff card', ['军队文职', '文职人员证']],
    ['122', '中国人民武装警察文职人员证', 'armed police civilian staff card', ['武警文职', '中国人民武装警察部队文职人员证']],
    ['154', '居住证', 'residence permit'],
    ['411', '外交护照', 'diplomatic passport'],
    ['412', '公务护照', 'service passport'],
    ['413', '公务普通护照', 'ordinary passport for public affairs'],
    ['414', '普通护照', 'ordinary passport', ['护照']],
    ['415', '旅行证', 'travel permit'],
  ],
);

const S6_CHECK = `${S6}; data-standards §3.3`;
export const checkForm = table({ id: 'checkForm', name: '检查形式', nameEn: 'inspection form', version: V_S6, source: S6_CHECK }, [
  ['01', '日常检查', 'routine inspection', ['日常']],
  ['02', '专项检查', 'special inspection', ['专项']],
  ['99', '其他', 'other'],
]);

export const checkType = table({ id: 'checkType', name: '检查类别', nameEn: 'inspection category', version: V_S6, source: S6_CHECK }, [
  ['01', '现场检查', 'on-site inspection', ['现场']],
  ['02', '非现场检查', 'off-site inspection', ['非现场']],
]);

export const checkMode = table({ id: 'checkMode', name: '检查方式', nameEn: 'inspection mode', version: V_S6, source: S6_CHECK }, [
  ['1', '“双随机、一公开”监管', 'double-random, one-public', ['双随机一公开', '双随机、一公开', '双随机']],
  ['2', '重点监管', 'key supervision'],
  ['3', '信用监管', 'credit-based supervision'],
]);

export const checkResult = table({ id: 'checkResult', name: '检查结果', nameEn: 'inspection result', version: V_S6, source: S6_CHECK }, [
  ['01', '未发现问题，终止检查并告知', 'no problem found; inspection ended and counterpart informed', ['未发现问题终止检查并向监管对象告知检查结果']],
  ['02', '发现问题，责令改正等行政命令', 'problem found; order to correct or other administrative order', ['发现问题作出责令改正等行政命令']],
  ['03', '发现问题，行政指导', 'problem found; administrative guidance', ['发现问题做出行政指导']],
  ['04', '发现问题，行政处罚决定', 'problem found; administrative penalty decision', ['发现问题作出行政处罚决定']],
  ['05', '发现问题，行政强制决定', 'problem found; administrative compulsion decision', ['发现问题作出行政强制决定']],
  ['06', '发现问题，其他具体行政行为', 'problem found; other specific administrative act', ['发现问题作出其他具体行政行为']],
]);

const S6_PUNISH = `${S6}; data-standards §3.4`;
export const caseSource = table({ id: 'caseSource', name: '案件来源', nameEn: 'case source', version: V_S6, source: S6_PUNISH }, [
  ['01', '行政检查中发现', 'found during an inspection', ['检查发现', '在行政检查中发现']],
  ['02', '机构检测报告', 'testing institution report'],
  ['03', '社会举报', 'public report', ['投诉举报', '举报']],
  ['04', '上级交办', 'assigned by a superior', ['上级行政机关交办']],
  ['05', '下级报请', 'submitted by a subordinate', ['下级行政机构报请']],
  ['06', '有关部门移送', 'transferred by another department', ['部门移送']],
]);

export const punishProcedure = table({ id: 'punishProcedure', name: '处罚程序', nameEn: 'penalty procedure', version: V_S6, source: S6_PUNISH }, [
  ['01', '简易程序', 'summary procedure', ['简易']],
  ['02', '一般程序', 'ordinary procedure', ['一般', '普通程序']],
]);

export const punishType = table(
  {
    id: 'punishType',
    name: '处罚决定种类',
    nameEn: 'penalty kinds',
    version: 'S10-2021',
    source:
      'data-standards §5, S10: provincial 双公示 行政处罚 ETL (处罚决定种类 01–14, the superset); matches 行政处罚法 (2021) art. 9. The pre-2021 S6 list 01–07 is the variant punishTypePre2021.',
    multiValued: true,
  },
  [
    ['01', '警告', 'warning'],
    ['02', '罚款', 'fine'],
    ['03', '没收违法所得', 'confiscation of illegal gains'],
    ['04', '责令停产停业', 'order to suspend production or business', ['责令停产停业整顿']],
    ['05', '吊销许可证', 'revocation of licence', ['吊销许可证件', '吊销营业执照']],
    ['06', '行政拘留', 'administrative detention'],
    ['07', '其他', 'other', ['其他行政处罚']],
    ['08', '通报批评', 'public criticism'],
    ['09', '没收非法财物', 'confiscation of illegal property'],
    ['10', '降低资质等级', 'downgrade of qualification'],
    ['11', '暂扣许可证', 'suspension of licence', ['暂扣许可证件']],
    ['12', '限制开展生产经营活动', 'restriction of business activities', ['限制开展经营活动']],
    ['13', '限制从业', 'restriction on practising'],
    ['14', '责令关闭', 'order to close'],
  ],
);

/** The pre-2021 S6 (Jiangsu) list, a variant of `punishType` — register it for provinces still using 01–07. */
export const punishTypePre2021 = table(
  {
    id: 'punishType',
    name: '处罚种类',
    nameEn: 'penalty kinds (pre-2021, 01–07)',
    version: 'S6-2020',
    source: `${S6} (处罚种类 01–07, before the 2021 行政处罚法 revision)`,
    multiValued: true,
  },
  [
    ['01', '警告', 'warning'],
    ['02', '罚款', 'fine'],
    ['03', '没收违法所得、没收非法财物', 'confiscation of illegal gains or property', ['没收违法所得']],
    ['04', '责令停产停业', 'order to suspend production or business'],
    ['05', '暂扣或者吊销许可证、暂扣或者吊销执照', 'suspension or revocation of licence', ['暂扣或吊销许可证']],
    ['06', '行政拘留', 'administrative detention'],
    ['07', '其他', 'other'],
  ],
);

export const reconsideration = table({ id: 'reconsideration', name: '行政复议', nameEn: 'administrative reconsideration', version: V_S6, source: S6_PUNISH }, [
  ['00', '无', 'none'],
  ['01', '不予受理', 'not accepted'],
  ['02', '告知', 'informed'],
  ['03', '转办', 'referred'],
  ['04', '维持', 'upheld'],
  ['05', '撤销', 'revoked'],
  ['06', '变更', 'varied'],
  ['07', '责令限期履行职责', 'ordered to perform duties within a time limit'],
  ['08', '确认违法', 'confirmed unlawful'],
  ['09', '驳回', 'dismissed'],
  ['10', '中止', 'suspended'],
  ['11', '调解', 'mediated'],
  ['12', '未审结', 'pending'],
  ['13', '其他', 'other'],
]);

export const litigation = table({ id: 'litigation', name: '行政诉讼', nameEn: 'administrative litigation', version: V_S6, source: S6_PUNISH }, [
  ['01', '驳回原告诉讼请求', "plaintiff's claim dismissed", ['判决驳回原告诉讼请求']],
  ['02', '撤销', 'revoked', ['判决撤销']],
  ['03', '部分撤销', 'partly revoked', ['判决部分撤销']],
  ['04', '重新作出', 'ordered to decide again', ['判决重新作出具体行政行为']],
  ['05', '限期履行', 'ordered to perform within a time limit', ['判决限期履行']],
  ['06', '变更', 'varied', ['判决变更']],
  ['07', '确认违法或无效', 'confirmed unlawful or void', ['判决确认违法或无效']],
  ['08', '裁定驳回', 'dismissed by ruling'],
  ['09', '裁定移送', 'transferred by ruling'],
  ['10', '裁定终结', 'terminated by ruling'],
  ['11', '调解', 'mediated'],
  ['12', '未审结', 'pending'],
  ['99', '其他', 'other'],
]);

export const closingExecMode = table({ id: 'closingExecMode', name: '结案执行方式', nameEn: 'execution mode at closing', version: V_S6, source: S6_PUNISH }, [
  ['1', '自觉履行', 'voluntary performance'],
  ['2', '强制执行', 'enforced execution'],
]);

export const closingExecResult = table({ id: 'closingExecResult', name: '结案执行结果', nameEn: 'execution result at closing', version: V_S6, source: S6_PUNISH }, [
  ['1', '完全履行', 'fully performed'],
  ['2', '不完全履行', 'partly performed'],
  ['3', '未履行', 'not performed'],
]);

export const punishOtherDisposal = table({ id: 'punishOtherDisposal', name: '处罚其他处理情况', nameEn: 'other disposal of a penalty case', version: V_S6, source: S6_PUNISH }, [
  ['1', '移送司法机关', 'transferred to judicial organs'],
  ['2', '通报其他部门', 'notified to other departments'],
  ['3', '其他', 'other'],
  ['4', '没收非法财物', 'confiscation of illegal property'],
]);

const S6_FORCE = `${S6}; data-standards §3.5`;
export const forceType = table({ id: 'forceType', name: '行政强制种类', nameEn: 'compulsion kind', version: V_S6, source: S6_FORCE }, [
  ['01', '行政强制措施', 'compulsory measure', ['强制措施']],
  ['02', '行政强制执行', 'compulsory execution', ['强制执行']],
]);

export const coerciveMeasureType = table({ id: 'coerciveMeasureType', name: '强制措施类型', nameEn: 'compulsory measure type', version: V_S6, source: S6_FORCE }, [
  ['01', '限制公民人身自由', 'restriction of personal freedom', ['限制人身自由']],
  ['02', '查封场所、设施或者财物', 'sealing up premises, facilities or property', ['查封']],
  ['03', '扣押财物', 'seizure of property', ['扣押']],
  ['04', '冻结存款、汇款', 'freezing deposits or remittances', ['冻结存款汇款']],
  ['05', '其他行政强制措施', 'other compulsory measure', ['其他']],
]);

export const forceExecutionType = table({ id: 'forceExecutionType', name: '强制执行类型', nameEn: 'compulsory execution type', version: V_S6, source: S6_FORCE }, [
  ['01', '加处罚款或者滞纳金', 'additional fine or late fee', ['加处罚款或滞纳金']],
  ['02', '划拨存款、汇款', 'transfer of deposits or remittances', ['划拨存款汇款']],
  ['03', '拍卖或者依法处理查封、扣押的场所、设施或者财物', 'auction or disposal of sealed or seized property', ['拍卖或处理查封扣押财物']],
  ['04', '排除妨碍、恢复原状', 'removal of obstruction, restoration', ['排除妨碍恢复原状']],
  ['05', '代履行', 'performance by substitute'],
  ['99', '其他强制执行方式', 'other', ['其他']],
]);

/**
 * 监管部门 — the national 2-digit department codes, complete as listed in S6 (`dictionary.json`, entries whose
 * `类型名称` is `监管部门`: 58 codes, 04–99 with gaps). The label is S6's wording unless noted; aliases add the
 * full official names (background knowledge, marked [B] in the note where a fact is not from S6).
 */
export const deptCode = table(
  {
    id: 'deptCode',
    name: '监管部门',
    nameEn: 'national department code',
    version: 'S6-2020-58',
    source: `${S6}, commit c39f399 (2020-09-15): all 58 entries with 类型名称 “监管部门”, codes and short names as listed there. The full official names in the aliases and English labels are background knowledge [B], not from S6`,
  },
  [
    ['04', '发展改革委', 'National Development and Reform Commission', ['国家发展改革委', '国家发展和改革委员会', '发改委']],
    ['05', '教育部', 'Ministry of Education', ['教育']],
    ['06', '科技部', 'Ministry of Science and Technology', ['科学技术部']],
    ['07', '工业和信息化部', 'Ministry of Industry and Information Technology', ['工信部']],
    ['09', '公安部', 'Ministry of Public Security', ['公安']],
    ['10', '安全部', 'Ministry of State Security', ['国家安全部']],
    ['11', '民政部', 'Ministry of Civil Affairs', ['民政']],
    ['12', '司法部', 'Ministry of Justice', ['司法']],
    ['13', '财政部', 'Ministry of Finance', ['财政']],
    ['14', '人力资源社会保障部', 'Ministry of Human Resources and Social Security', ['人社部', '人力资源和社会保障部']],
    ['15', '自然资源部', 'Ministry of Natural Resources'],
    ['16', '生态环境部', 'Ministry of Ecology and Environment'],
    ['17', '住房城乡建设部', 'Ministry of Housing and Urban-Rural Development', ['住建部', '住房和城乡建设部']],
    ['18', '交通运输部', 'Ministry of Transport'],
    ['19', '水利部', 'Ministry of Water Resources'],
    ['20', '农业农村部', 'Ministry of Agriculture and Rural Affairs'],
    ['21', '商务部', 'Ministry of Commerce'],
    ['22', '文化和旅游部', 'Ministry of Culture and Tourism', ['文旅部']],
    ['23', '卫生健康委', 'National Health Commission', ['卫健委', '国家卫生健康委', '国家卫生健康委员会']],
    ['25', '应急管理部', 'Ministry of Emergency Management', ['应急部'], { note: 'S6 label: 应急部' }],
    ['26', '人民银行', "People's Bank of China", ['中国人民银行']],
    ['28', '国资委', 'State-owned Assets Supervision and Administration Commission', ['国务院国资委', '国务院国有资产监督管理委员会']],
    ['29', '海关总署', 'General Administration of Customs', ['海关']],
    ['30', '税务总局', 'State Taxation Administration', ['税务', '国家税务总局']],
    ['31', '市场监管总局', 'State Administration for Market Regulation', ['市场监管', '市场监管局', '国家市场监督管理总局'], { note: 'S6 label: 市场监管局' }],
    ['32', '广电总局', 'National Radio and Television Administration', ['国家广播电视总局', '广电']],
    ['33', '体育总局', 'General Administration of Sport', ['国家体育总局', '体育']],
    ['34', '统计局', 'National Bureau of Statistics', ['国家统计局', '统计']],
    ['36', '医保局', 'National Healthcare Security Administration', ['医保', '国家医保局', '国家医疗保障局']],
    ['38', '国管局', 'National Government Offices Administration', ['国家机关事务管理局']],
    ['39', '新闻出版署', 'National Press and Publication Administration', ['国家新闻出版署']],
    ['40', '版权局', 'National Copyright Administration', ['国家版权局']],
    ['41', '宗教局', 'National Religious Affairs Administration', ['国家宗教事务局']],
    ['46', '网信办', 'Cyberspace Administration', ['国家网信办', '国家互联网信息办公室']],
    ['47', '新闻办', 'State Council Information Office', ['国务院新闻办', '国务院新闻办公室', '国新办']],
    ['54', '气象局', 'China Meteorological Administration', ['中国气象局', '气象']],
    ['55', '银保监会', 'Banking and Insurance Regulatory Commission', ['银保监', '中国银保监会', '中国银行保险监督管理委员会']],
    ['56', '证监会', 'Securities Regulatory Commission', ['证监', '中国证监会', '中国证券监督管理委员会']],
    ['59', '粮食和储备局', 'National Food and Strategic Reserves Administration', ['国家粮食和物资储备局', '粮食和物资储备局']],
    ['60', '能源局', 'National Energy Administration', ['国家能源局']],
    ['61', '国防科工局', 'State Administration of Science, Technology and Industry for National Defence', ['国家国防科技工业局']],
    ['62', '烟草局', 'State Tobacco Monopoly Administration', ['国家烟草专卖局', '烟草专卖局', '烟草']],
    ['64', '林草局', 'National Forestry and Grassland Administration', ['国家林业和草原局', '林业和草原局', '林业']],
    ['65', '铁路局', 'National Railway Administration', ['国家铁路局']],
    ['66', '民航局', 'Civil Aviation Administration of China', ['中国民用航空局', '中国民航局', '民航']],
    ['67', '邮政局', 'State Post Bureau', ['国家邮政局', '邮政']],
    ['68', '文物局', 'National Cultural Heritage Administration', ['国家文物局', '文物']],
    ['69', '中医药局', 'National Administration of Traditional Chinese Medicine', ['国家中医药管理局', '中医药']],
    [
      '70',
      '煤矿安监局',
      'National Coal Mine Safety Administration',
      ['国家煤矿安全监察局', '国家矿山安全监察局', '矿山安监局'],
      { note: '[B] renamed 国家矿山安全监察局 in 2020, after S6 was written; the code is S6’s' },
    ],
    ['71', '外汇局', 'State Administration of Foreign Exchange', ['国家外汇管理局', '外汇管理局']],
    ['72', '药监局', 'National Medical Products Administration', ['药监', '国家药监局', '国家药品监督管理局']],
    ['73', '知识产权局', 'National Intellectual Property Administration', ['知识产权', '国家知识产权局']],
    ['75', '档案局', 'National Archives Administration', ['国家档案局']],
    ['76', '保密局', 'National Administration of State Secrets Protection', ['国家保密局']],
    ['77', '密码局', 'State Cryptography Administration', ['国家密码管理局', '密码管理局']],
    ['97', '地震局', 'China Earthquake Administration', ['中国地震局', '地震']],
    ['98', '电影局', 'China Film Administration', ['国家电影局', '电影']],
    ['99', '其他', 'other', ['其他业务指导部门'], { note: 'S6 label: 其他业务指导部门' }],
  ],
);

export const qualityCheckType = table(
  { id: 'qualityCheckType', name: '数据检核类型', nameEn: 'data quality check type', version: V_S6, source: `${S6}; data-standards §7` },
  [
    ['01', '代码检查', 'code check'],
    ['02', '数据源标识检查', 'data source identifier check'],
    ['03', '监管事项目录编码检查', 'catalog item code check'],
    ['04', '监管事项检查实施清单编码检查', 'inspection list code check'],
    ['05', '数据归并', 'data merging (duplicates)'],
    ['06', '统一社会信用代码编码规则检查', 'USCC rule check'],
    ['07', '身份证号码编码规则检查', 'resident ID rule check'],
    ['08', '数据关联性检查', 'data linkage check'],
    ['09', '业务主键检查', 'business key check'],
    ['10', '时间信息检查', 'date and time check'],
  ],
);

export const sex = table(
  { id: 'sex', name: '性别', nameEn: 'sex', version: 'GB/T 2261.1-2003', source: 'GB/T 2261.1-2003 (cited by data-standards §0 S3; S6 uses the same values)' },
  [
    ['0', '未知的性别', 'unknown', ['未知']],
    ['1', '男性', 'male', ['男']],
    ['2', '女性', 'female', ['女']],
    ['9', '未说明的性别', 'not stated', ['未说明']],
  ],
);

export const staffNature = table({ id: 'staffNature', name: '执法人员性质', nameEn: 'officer employment type', version: V_S6, source: `${S6}; data-standards §4.3` }, [
  ['01', '公务员', 'civil servant'],
  ['02', '聘任制公务员', 'contract civil servant'],
  ['03', '事业编制', 'public-institution staff', ['事业编制工作人员']],
  ['04', '企业人员', 'enterprise staff'],
  ['05', '执法辅助人员', 'enforcement auxiliary staff'],
]);

export const legalPersonType = table({ id: 'legalPersonType', name: '法人类型', nameEn: 'legal person type', version: V_S6, source: `${S6}; data-standards §4.2` }, [
  ['C01', '企业法人', 'enterprise legal person'],
  ['C02', '社团法人', 'association legal person'],
  ['C03', '机关事业单位法人', 'government organ / public institution legal person'],
]);

export const politicalStatus = table(
  { id: 'politicalStatus', name: '政治面貌', nameEn: 'political status', version: 'GB/T 4762-1984', source: 'GB/T 4762-1984 (cited by data-standards §0 S3, §5: codes 01–13)' },
  [
    ['01', '中国共产党党员', 'CPC member', ['中共党员', '党员']],
    ['02', '中国共产党预备党员', 'CPC probationary member', ['中共预备党员', '预备党员']],
    ['03', '中国共产主义青年团团员', 'Communist Youth League member', ['共青团员', '团员']],
    ['04', '中国国民党革命委员会会员', 'RCCK member', ['民革会员', '民革党员']],
    ['05', '中国民主同盟盟员', 'CDL member', ['民盟盟员']],
    ['06', '中国民主建国会会员', 'CNDCA member', ['民建会员']],
    ['07', '中国民主促进会会员', 'CAPD member', ['民进会员']],
    ['08', '中国农工民主党党员', 'CPWDP member', ['农工党党员']],
    ['09', '中国致公党党员', 'CZGP member', ['致公党党员']],
    ['10', '九三学社社员', 'Jiusan Society member'],
    ['11', '台湾民主自治同盟盟员', 'TDSL member', ['台盟盟员']],
    ['12', '无党派人士', 'non-party personage', ['无党派民主人士']],
    ['13', '群众', 'ordinary citizen'],
  ],
);

export const complaintProblemType = table(
  { id: 'complaintProblemType', name: '投诉举报问题类型', nameEn: 'complaint problem type', version: V_S6, source: `${S6}; data-standards §4.4` },
  [
    ['01', '综合监管', 'general supervision'],
    ['02', '自然资源', 'natural resources'],
    ['03', '生态环境', 'ecology and environment'],
    ['04', '交通运输', 'transport'],
    ['05', '农业农村', 'agriculture and rural affairs'],
    ['06', '文化旅游', 'culture and tourism'],
    ['07', '卫生健康', 'health'],
    ['08', '市场监管', 'market regulation'],
    ['09', '食品监管', 'food safety'],
    ['10', '药品监管', 'drug safety'],
    ['11', '安全生产', 'work safety'],
    ['12', '金融监管', 'financial supervision'],
    ['13', '网信安全', 'cyberspace security'],
    ['14', '社会保障', 'social security'],
    ['15', '税务税收', 'taxation'],
  ],
);

export const eventProgressStatus = table(
  { id: 'eventProgressStatus', name: '事件进展状态', nameEn: 'complaint progress status', version: V_S6, source: `${S6}; data-standards §4.4` },
  [
    ['1', '正常处理中', 'in progress'],
    ['2', '催办未办', 'urged, not handled'],
    ['3', '催办已办', 'urged, handled'],
    ['4', '结案', 'closed'],
    ['5', '已评论', 'rated'],
    ['6', '超期未评论', 'overdue, not rated'],
    ['7', '删除', 'deleted'],
    ['8', '撤回', 'withdrawn'],
    ['9', '异常', 'abnormal'],
  ],
);

export const complaintHandlingResult = table(
  {
    id: 'complaintHandlingResult',
    name: '处理结果',
    nameEn: 'complaint handling result',
    version: V_S6,
    source: `${S6} (filed under “抽查检查类型”; data-standards §4.4 reads it as a 处理结果 table [inferred])`,
  },
  [
    ['01', '受理', 'accepted'],
    ['02', '处理', 'handled'],
    ['03', '处理并结案', 'handled and closed'],
    ['04', '结案后回复', 'replied after closing'],
    ['05', '不受理', 'not accepted'],
  ],
);

export const riskWarningDomain = table({ id: 'riskWarningDomain', name: '风险预警领域', nameEn: 'risk-warning domain', version: V_S6, source: `${S6}; data-standards §4.5` }, [
  ['10', '综合监管', 'general supervision'],
  ['20', '自然资源', 'natural resources'],
  ['30', '生态环境', 'ecology and environment'],
  ['40', '交通运输', 'transport'],
  ['50', '农业农村', 'agriculture and rural affairs'],
  ['60', '文化旅游', 'culture and tourism'],
  ['70', '卫生健康', 'health'],
  ['80', '市场监管', 'market regulation'],
]);

export const announcementType = table({ id: 'announcementType', name: '公告类型', nameEn: 'announcement type', version: V_S6, source: `${S6}; data-standards §4.6` }, [
  ['1', '经营异常', 'abnormal operation', ['经营异常名录', '经营异常公告']],
  ['2', '严重违法', 'serious violation', ['严重违法失信', '严重违法失信名单', '严重违法公告']],
  ['3', '简易注销', 'simplified deregistration', ['简易注销信息公告']],
  ['4', '抽查检查', 'spot check', ['抽查检查公告']],
]);

export const listingAction = table({ id: 'listingAction', name: '列入移出类型', nameEn: 'listing action', version: V_S6, source: `${S6}; data-standards §4.6` }, [
  ['1', '列入', 'listed'],
  ['2', '移出', 'removed'],
]);

export const licenseCategory = table({ id: 'licenseCategory', name: '许可事项类别', nameEn: 'licence item category', version: V_S6, source: `${S6}; data-standards §1.3` }, [
  ['01', '第一类', 'category 1'],
  ['02', '第二类', 'category 2'],
  ['03', '第三类', 'category 3'],
]);

export const applicableScope = table(
  { id: 'applicableScope', name: '适用范围', nameEn: 'applicable scope', version: 'S11', source: 'data-standards §1.1, §2 (S11 provincial 监管事项 admin page)' },
  [
    ['1', '全省', 'whole province'],
    ['2', '地市', 'prefecture'],
    ['3', '区县', 'county'],
  ],
);

export const publicityStatus = table(
  { id: 'publicityStatus', name: '公示状态', nameEn: 'publicity status', version: 'S10-S16', source: 'data-standards §3.4 (S10, S16 Zhejiang 双公示)' },
  [
    ['0', '正常', 'published'],
    ['1', '撤销', 'withdrawn'],
    ['2', '删除', 'deleted'],
  ],
);

export const specialEquipmentCategory = table(
  {
    id: 'specialEquipmentCategory',
    name: '特种设备类别',
    nameEn: 'special equipment category',
    version: V_S6,
    source: `${S6}; data-standards §4.2 (1 锅炉 … 8 场(厂)内专用机动车辆; the middle entries follow the 特种设备目录 order [B])`,
  },
  [
    ['1', '锅炉', 'boiler'],
    ['2', '压力容器', 'pressure vessel'],
    ['3', '压力管道', 'pressure piping'],
    ['4', '电梯', 'lift'],
    ['5', '起重机械', 'lifting machinery'],
    ['6', '客运索道', 'passenger ropeway'],
    ['7', '大型游乐设施', 'large amusement device'],
    ['8', '场(厂)内专用机动车辆', 'in-plant special motor vehicle', ['场（厂）内专用机动车辆', '场内专用机动车辆']],
  ],
);

export const behaviourType = table(
  {
    id: 'behaviourType',
    name: '监管行为类型',
    nameEn: 'regulatory behaviour type',
    version: 'jianguan-1',
    source: 'data-standards §3.1 (suggested code [inferred]; S6/S7 split behaviours into 检查/处罚/强制/其他)',
  },
  [
    ['1', '行政检查', 'inspection', ['检查']],
    ['2', '行政处罚', 'penalty', ['处罚']],
    ['3', '行政强制', 'compulsion', ['强制']],
    ['9', '其他', 'other', ['其他监管行为']],
  ],
);

export const exchangeOperation = table(
  { id: 'exchangeOperation', name: '数据操作类型', nameEn: 'exchange operation', version: 'S8-S16', source: 'data-standards §3.2 (S8 `cd_operation` i/u/d; S16 `OPT_TYPE` I/U/D)' },
  [
    ['I', '新增', 'insert', ['i', 'insert']],
    ['U', '更新', 'update', ['u', 'update']],
    ['D', '删除', 'delete', ['d', 'delete']],
  ],
);

const A5 = 'sampling-and-credit §A5';
export const spotCheckResult = table(
  {
    id: 'spotCheckResult',
    name: '抽查检查结果',
    nameEn: 'spot-check result (market regulation, 2017 list)',
    version: 'zj-2017',
    source: `${A5} (i): Zhejiang/icinfo 2017 list (SmallBusiness PubSccheckWeChatServiceImpl.getCheckResult); aliases from (iii) current public-display wording. Several codes may be recorded for one entity.`,
    multiValued: true,
  },
  [
    ['1', '未发现问题', 'no problem found', ['正常（符合信息公示相关规定）', '正常']],
    ['2', '违反工商行政管理相关规定', 'violates industry-and-commerce rules', [], { note: 'sits under heading A' }],
    ['3', '违反食品药品管理相关规定', 'violates food and drug rules'],
    ['4', '违反质量技术监督相关规定', 'violates quality and technical supervision rules'],
    ['5', '违反其他部门相关规定', "violates other departments' rules"],
    ['6', '通过登记的住所（经营场所）无法联系', 'cannot be contacted at the registered address', ['通过登记的住所或经营场所无法联系']],
    ['7', '已关闭停业或正在组织清算', 'closed or in liquidation', ['已关闭停业或正在清算']],
    ['8', '不配合检查情节严重', 'serious refusal to cooperate', ['不予配合情节严重', '不予配合检查情节严重', '不配合情节严重']],
    ['9', '注销', 'deregistered', ['已办理营业执照注销', '已注销']],
    ['10', '被吊销', 'licence revoked', ['被吊销营业执照']],
    ['11', '被撤销', 'registration cancelled', ['被撤销登记']],
    ['12', '迁出', 'moved out'],
    ['A', '发现问题待后续处理', 'problem found, follow-up pending'],
    ['B', '未按规定公示应当公示的信息', 'failed to publish required information', ['未按规定公示即时信息', '未按规定公示年报信息']],
    ['C', '公示信息隐瞒真实情况、弄虚作假', 'published information concealed facts or was falsified', ['公示信息隐瞒真实情况弄虚作假']],
    ['D', '违反其他工商行政管理规定行为', 'other industry-and-commerce violations'],
    ['E', '发现问题已责令改正', 'problem found and corrected on order', ['发现问题经责令已改正']],
    ['F', '未发现开展本次抽查涉及的经营活动', 'no business activity covered by this spot check'],
    ['G', '违反公安部门相关规定', 'violates public-security rules'],
  ],
);

export const spotCheckResult2016 = table(
  {
    id: 'spotCheckResult2016',
    name: '年报抽查结果（2016）',
    nameEn: 'annual-report spot-check result (2016 list)',
    version: 'saic-2016',
    source: `${A5} (ii): older 2016 年报抽查 list. The source gives labels only; the codes 01–09 are jianguan's ordinal numbering.`,
    multiValued: true,
  },
  [
    ['01', '正常（符合信息公示相关规定）', 'normal (complies with publicity rules)', ['正常', '未发现问题']],
    ['02', '未按规定公示即时信息', 'failed to publish ad-hoc information'],
    ['03', '未按规定公示年报信息', 'failed to publish annual-report information'],
    ['04', '通过登记的住所（经营场所）无法联系', 'cannot be contacted at the registered address'],
    ['05', '公示信息隐瞒真实情况、弄虚作假', 'published information concealed facts or was falsified'],
    ['06', '不予配合情节严重', 'serious refusal to cooperate', ['不配合检查情节严重', '不予配合检查情节严重']],
    ['07', '已办理营业执照注销', 'business licence deregistered', ['注销']],
    ['08', '被吊销营业执照', 'business licence revoked', ['被吊销']],
    ['09', '被撤销登记', 'registration cancelled', ['被撤销']],
  ],
);

/**
 * Registration status of a market entity (登记状态 / 经营状态), as registries and 国家企业信用信息公示系统 show it.
 * The codes are the sampling package's status vocabulary (`DirectoryEntity.status`); every code but `active`
 * is a non-operating entity that a spot-check draw leaves out.
 */
export const entityStatus = table(
  {
    id: 'entityStatus',
    name: '登记状态',
    nameEn: 'entity registration status',
    version: 'jianguan-2026.1',
    source:
      'Status words shown by 国家企业信用信息公示系统 (www.gsxt.gov.cn) and provincial registration systems: 存续（在营、开业、在册）, 在业, 吊销, 注销, 撤销, 迁出, 停业, 清算; the codes are jianguan\'s (the @jianguan/sampling status vocabulary), not a national code list. Status: inferred; checked 2026-12-02.',
  },
  [
    ['active', '存续', 'active (in business)', ['在业', '在营', '开业', '正常', '在册', '存续（在营、开业、在册）', '在营在册', '在业在册', '登记成立', '确立', '有效', '迁入', '正常经营', 'in business', 'operating', 'existing', 'normal', 'open']],
    ['closed', '停业', 'closed (business suspended or in liquidation)', ['歇业', '清算', '清算中', '已关闭停业或正在组织清算', 'suspended', 'liquidation', 'in liquidation']],
    ['deregistered', '注销', 'deregistered', ['已注销', '注销登记', '简易注销', '吊销，已注销', '吊销后注销', 'cancelled', 'dissolved']],
    ['revoked', '吊销', 'business licence revoked', ['被吊销', '吊销，未注销', '吊销未注销', '被吊销营业执照', '吊销营业执照', 'licence revoked', 'license revoked']],
    ['withdrawn', '撤销', 'registration withdrawn', ['被撤销', '撤销登记', '被撤销登记', 'registration cancelled']],
    ['moved_out', '迁出', 'moved out to another registration authority', ['已迁出', 'moved out', 'migrated out']],
  ],
);

/**
 * The raw data of every table in the default registry, keyed by id (validated into `codeTables` at load).
 * Use it to derive a provincial variant from a national table.
 *
 * @example
 * const variant = { ...NATIONAL_CODE_TABLES.checkForm, version: 'zj-2022', source: '浙江省 notice' };
 */
export const NATIONAL_CODE_TABLES = {
  exerciseLevel,
  itemStatus,
  implementerNature,
  supervisedObjectType,
  counterpartNature,
  certType,
  checkForm,
  checkType,
  checkMode,
  checkResult,
  caseSource,
  punishProcedure,
  punishType,
  reconsideration,
  litigation,
  closingExecMode,
  closingExecResult,
  punishOtherDisposal,
  forceType,
  coerciveMeasureType,
  forceExecutionType,
  deptCode,
  qualityCheckType,
  sex,
  staffNature,
  legalPersonType,
  politicalStatus,
  complaintProblemType,
  eventProgressStatus,
  complaintHandlingResult,
  riskWarningDomain,
  announcementType,
  listingAction,
  licenseCategory,
  applicableScope,
  publicityStatus,
  specialEquipmentCategory,
  behaviourType,
  exchangeOperation,
  spotCheckResult,
  spotCheckResult2016,
  entityStatus,
} as const;

/** @internal Shipped variants that are not in the default registry; see `codeTableVariants`. */
export const VARIANT_TABLES = { punishTypePre2021 } as const;
