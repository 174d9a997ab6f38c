import { opt, req } from './field-spec.js';

/*
 * The field dictionary (字段字典) of every topic record. Sources: data-standards.md §1–4 (S6 Jiangsu
 * field rules for names, lengths and required flags; S7/S8 national names). Lengths marked [I] in the
 * reference are configurable defaults; the quality check reads them from here.
 */

/** The common header (主体表) shared by the four behaviour kinds — data-standards.md §3.2. */
const behaviourHeader = {
  recordId: req('string', '记录唯一标识', 'record id', {
    maxLength: 100,
    checkType: '09',
    source: '§3.2 (S8)',
  }),
  itemCode: req('string', '监管事项目录编码', 'catalog item code', {
    maxLength: 14,
    checkType: '03',
    aliases: ['监管事项编码', '事项编码'],
    source: '§1.2 (S6: 14 digits)',
  }),
  checkListCode: opt('string', '检查实施清单编码', 'inspection list code', {
    maxLength: 800,
    checkType: '04',
    aliases: ['监管事项目录检查实施清单编码', '实施清单编码'],
    source: '§2 (S6, S8)',
  }),
  implementInstitution: opt('string', '实施机构', 'implementing institution', { maxLength: 100 }),
  implementInstitutionCode: opt('string', '实施机构编码', 'implementing institution code', {
    maxLength: 20,
    aliases: ['实施机构统一社会信用代码'],
  }),
  entrustDept: opt('string', '受委托部门', 'entrusted department', { maxLength: 100 }),
  entrustDeptCode: opt('string', '受委托部门编码', 'entrusted department code', { maxLength: 20 }),
  superviseObjectType: opt('string', '监管对象类型', 'supervised object type', {
    codeTable: 'supervisedObjectType',
  }),
  superviseObjectName: opt('string', '监管对象', 'supervised object', {
    maxLength: 200,
    aliases: ['监管对象名称'],
  }),
  superviseObjectCode: opt('string', '监管对象编码', 'supervised object code', { maxLength: 200 }),
  adminCounterpartName: req('string', '行政相对人名称', 'counterpart name', {
    maxLength: 200,
    aliases: ['行政相对人（单位/个人）名称', '行政相对人(单位/个人)名称', '当事人名称'],
  }),
  adminCounterpartNature: req('string', '行政相对人性质', 'counterpart nature', {
    codeTable: 'counterpartNature',
  }),
  adminCounterpartCertType: req('string', '行政相对人证件类型', 'counterpart certificate type', {
    maxLength: 3,
    codeTable: 'certType',
    aliases: ['证件类型'],
  }),
  adminCounterpartCertNo: req('string', '行政相对人编码', 'counterpart certificate number', {
    maxLength: 20,
    aliases: ['行政相对人证件号码', '证件号码', '统一社会信用代码'],
  }),
  registeredAddress: opt('string', '注册地址', 'registered address', { maxLength: 400 }),
  operatingAddress: opt('string', '经营地址', 'operating address', { maxLength: 400 }),
  areaCode: req('string', '行政区划代码', 'region code', { maxLength: 6, source: '§3.2, §6.4 (GB/T 2260)' }),
  submittedAt: opt('datetime', '报送时间', 'submission time', { source: '§3.2, §7' }),
  submittedBy: opt('string', '报送人员', 'submitted by', { maxLength: 50 }),
  operation: opt('string', '操作类型', 'operation (I/U/D)', { maxLength: 1, aliases: ['cd_operation'] }),
  batchNo: opt('string', '批次号', 'batch number', { maxLength: 13, checkType: '02', aliases: ['cd_batch'] }),
  source: opt('string', '数据来源', 'data source', {
    maxLength: 50,
    checkType: '02',
    aliases: ['cd_source'],
  }),
} as const;

/** 行政检查 — data-standards.md §3.3 (S6 `check_action.js`, S8). */
const inspectionFields = {
  ...behaviourHeader,
  checkListCode: req('string', '检查实施清单编码', 'inspection list code', {
    maxLength: 800,
    checkType: '04',
    aliases: ['监管事项目录检查实施清单编码', '实施清单编码'],
    source: '§2 (S6, S8)',
  }),
  checkActionName: req('string', '检查行为名称', 'inspection name', {
    maxLength: 2000,
    aliases: ['行为名称'],
  }),
  checkActionCode: req('string', '检查行为编号', 'inspection number', {
    maxLength: 50,
    checkType: '09',
    aliases: ['行为编号'],
  }),
  randomPlanId: opt('string', '双随机一公开计划id', 'spot-check plan id', {
    maxLength: 50,
    checkType: '08',
    aliases: ['双随机一公开计划ID', '抽查计划ID'],
  }),
  checkForm: req('string', '检查形式', 'inspection form', { codeTable: 'checkForm' }),
  checkType: req('string', '检查类别', 'inspection category', { codeTable: 'checkType' }),
  checkMode: opt('string', '检查方式', 'inspection mode', { codeTable: 'checkMode' }),
  checkResult: req('string', '检查结果', 'inspection result', { codeTable: 'checkResult' }),
  checkDate: req('date', '检查时间', 'inspection date', { aliases: ['检查日期'] }),
  checkPersonnel: req('list', '检查人员', 'inspectors', { aliases: ['执法人员姓名', '检查人员姓名'] }),
  checkPersonnelCertNos: opt('list', '执法证号', 'inspector certificate numbers', {
    aliases: ['执法人员证件编号', '检查人员执法证号'],
  }),
} as const;

/** 行政处罚 — data-standards.md §3.4 (S6 `punish_action.js`, S7, S16). */
const penaltyFields = {
  ...behaviourHeader,
  punishActionName: req('string', '处罚行为名称', 'penalty name', { maxLength: 500, aliases: ['行为名称'] }),
  punishActionCode: req('string', '处罚行为编号', 'penalty number', {
    maxLength: 50,
    checkType: '09',
    aliases: ['行为编号'],
  }),
  relatedCheckActionCode: opt('string', '检查行为编号', 'related inspection number', {
    maxLength: 50,
    checkType: '08',
  }),
  caseSource: req('string', '案件来源', 'case source', { codeTable: 'caseSource' }),
  illegalFact: req('string', '违法事实', 'illegal facts', { maxLength: 4000 }),
  punishAccord: req('string', '处罚依据', 'legal basis of penalty', { maxLength: 4000 }),
  punishProcedure: req('string', '处罚程序', 'penalty procedure', { codeTable: 'punishProcedure' }),
  hearingHeld: req('boolean', '是否听证', 'hearing held'),
  caseFiledDate: opt('date', '处罚立案时间', 'case filing date', { aliases: ['立案时间', '立案日期'] }),
  isCriminalCase: req('boolean', '是否涉刑案件', 'criminal case'),
  isMajorCase: opt('boolean', '是否重大案件', 'major case'),
  legalReviewed: opt('boolean', '是否法制审核', 'legal review held'),
  legalReviewDate: opt('date', '法制审核日期', 'legal review date'),
  legalReviewOpinion: opt('string', '法制审核意见', 'legal review opinion', { maxLength: 100 }),
  collectiveDiscussed: opt('boolean', '是否集体讨论', 'collective discussion held'),
  collectiveDiscussedDate: opt('date', '集体讨论日期', 'collective discussion date'),
  collectiveDiscussedConclusion: opt('string', '集体讨论结论', 'collective discussion conclusion', {
    maxLength: 1000,
  }),
  punishDocumentCode: req('string', '处罚文书号', 'penalty decision number', {
    maxLength: 100,
    aliases: ['行政处罚决定书文号', '决定书文号'],
  }),
  setDate: req('date', '作出行政处罚决定日期', 'penalty decision date', {
    aliases: ['处罚决定日期', '作出处罚决定日期'],
  }),
  punishTypes: req('list', '处罚种类', 'penalty kinds', {
    codeTable: 'punishType',
    aliases: ['处罚决定种类'],
  }),
  fineAmount: opt('number', '罚款金额', 'fine amount (yuan)', {
    aliases: ['罚款金额（元）', '罚款金额(元)'],
  }),
  confiscatedAmount: opt('number', '没收违法所得金额', 'confiscated illegal gains (yuan)'),
  penaltyResult: req('string', '处罚结果', 'penalty result', { maxLength: 1000 }),
  reconsideration: req('string', '行政复议', 'administrative reconsideration', {
    codeTable: 'reconsideration',
  }),
  litigation: req('string', '行政诉讼', 'administrative litigation', { codeTable: 'litigation' }),
  closingExecMode: opt('string', '结案执行方式', 'closing execution mode', { codeTable: 'closingExecMode' }),
  closingExecResult: opt('string', '执行结果', 'execution result', { codeTable: 'closingExecResult' }),
  finePaid: opt('number', '结案实缴罚款金额', 'fine paid (yuan)'),
  noPenalty: req('boolean', '不予行政处罚', 'no penalty imposed'),
  closedDate: opt('date', '结案日期', 'case closing date'),
  otherDisposal: opt('string', '其他处理情况', 'other disposal', { codeTable: 'punishOtherDisposal' }),
  transferDate: opt('date', '移送时间', 'transfer date'),
} as const;

/** 行政强制 — data-standards.md §3.5 (S6 `force_action.js`, S7 `AdmForce`). */
const compulsionFields = {
  ...behaviourHeader,
  forceActionName: req('string', '强制行为名称', 'compulsion name', {
    maxLength: 400,
    aliases: ['行为名称'],
  }),
  forceActionCode: req('string', '强制行为编号', 'compulsion number', {
    maxLength: 50,
    checkType: '09',
    aliases: ['行为编号'],
  }),
  relatedCheckActionCode: opt('string', '检查行为编号', 'related inspection number', {
    maxLength: 50,
    checkType: '08',
  }),
  illegalFact: req('string', '违法事实', 'illegal facts', { maxLength: 1000 }),
  forceAccord: req('string', '强制依据', 'legal basis of compulsion', { maxLength: 1000 }),
  forceDocumentCode: req('string', '强制决定书号', 'compulsion decision number', { maxLength: 100 }),
  forceType: req('string', '行政强制种类', 'compulsion kind', { codeTable: 'forceType' }),
  coerciveMeasureType: opt('string', '强制措施类型', 'coercive measure type', {
    codeTable: 'coerciveMeasureType',
  }),
  forceExecutionType: opt('string', '强制执行类型', 'enforcement type', { codeTable: 'forceExecutionType' }),
  forceResult: opt('string', '强制结果', 'compulsion result', { maxLength: 50 }),
  measureStartDate: opt('date', '强制措施起始时间', 'measure start date', { aliases: ['强制措施起始日期'] }),
  measureEndDate: opt('date', '强制措施结束时间', 'measure end date', {
    allowFuture: true,
    aliases: ['强制措施截止时间', '强制措施结束日期'],
  }),
  forceExtendDate: opt('string', '强制措施延长期限', 'extension period', { maxLength: 10 }),
  mandatoryDecisionServiceDate: opt('date', '强制决定送达日期', 'decision service date'),
} as const;

/** 其他监管行为 — data-standards.md §3.6 (S6 `other_action.js`, S7). */
const otherFields = {
  ...behaviourHeader,
  actionName: req('string', '行为名称', 'action name', { maxLength: 300 }),
  actionCode: req('string', '行为编号', 'action number', { maxLength: 50, checkType: '09' }),
  relatedCheckActionCode: opt('string', '检查行为编号', 'related inspection number', {
    maxLength: 50,
    checkType: '08',
  }),
  itemSource: opt('string', '事项来源', 'item source', { maxLength: 50 }),
  superviseMeasure: opt('string', '监管措施', 'supervision measure', { maxLength: 50 }),
  closingCase: opt('string', '结案情况', 'closing situation', { maxLength: 200 }),
  startDate: req('date', '开始时间', 'start date', { aliases: ['开始日期'] }),
  endDate: opt('date', '结束时间', 'end date', { aliases: ['结束日期'] }),
} as const;

/** 监管事项目录 (main/sub item and the 10 elements) — data-standards.md §1.1 (S11, S6; seed 001). */
const catalogItemFields = {
  itemCode: req('string', '监管事项目录编码', 'catalog item code', {
    maxLength: 14,
    checkType: '03',
    aliases: ['事项编码'],
  }),
  supervisionDept: req('string', '监管部门', 'supervising department', { maxLength: 100 }),
  supervisionDeptCode: opt('string', '监管部门编码', 'department code', { codeTable: 'deptCode' }),
  mainItemName: req('string', '主项名称', 'main item name', { maxLength: 500, aliases: ['监管事项'] }),
  subItemCode: opt('string', '子项编码', 'sub-item code', { maxLength: 50 }),
  // 子项名称, 监管流程, 监管结果 are 3 of the 10 mandatory elements (seed 001); an item not split into
  // sub-items repeats the main item name as its sub-item name.
  subItemName: req('string', '子项名称', 'sub-item name', {
    maxLength: 500,
    source: 'seed 001 (10 elements)',
  }),
  supervisionMode: req('string', '监管方式', 'supervision method', { maxLength: 500 }),
  supervisionMeasure: req('string', '监管措施', 'supervision measure', { maxLength: 4000 }),
  supervisedObject: req('string', '监管对象', 'supervised object', { maxLength: 2000 }),
  supervisedObjectCategory: opt('string', '监管对象类别', 'supervised object category', {
    codeTable: 'supervisedObjectType',
  }),
  legalBasis: req('string', '设定依据', 'legal basis', { maxLength: 8000 }),
  process: req('string', '监管流程', 'process', { maxLength: 4000, source: 'seed 001 (10 elements)' }),
  resultHandling: req('string', '监管结果', 'result handling', {
    maxLength: 4000,
    source: 'seed 001 (10 elements)',
  }),
  supervisionLevels: req('list', '监管层级', 'supervision levels', { codeTable: 'exerciseLevel' }),
  powerItemCode: opt('string', '对应权力事项编码', 'power item code', { maxLength: 100 }),
  checkListCode: opt('string', '检查实施清单编号', 'inspection list code', {
    maxLength: 800,
    checkType: '04',
  }),
  scope: opt('string', '适用范围', 'scope', { codeTable: 'applicableScope' }),
  status: req('string', '事项状态', 'status', { codeTable: 'itemStatus' }),
  responsibleLeader: opt('string', '责任领导', 'responsible leader', { maxLength: 50 }),
  undertakingOrg: opt('string', '承办机构', 'undertaking organisation', { maxLength: 100 }),
  responsiblePerson: opt('string', '具体负责人', 'person in charge', { maxLength: 50 }),
} as const;

/** 检查实施清单 — data-standards.md §2. */
const inspectionListFields = {
  checkListCode: req('string', '检查实施清单编码', 'inspection list code', {
    maxLength: 800,
    checkType: '04',
  }),
  itemCode: req('string', '监管事项目录编码', 'catalog item code', { maxLength: 14, checkType: '03' }),
  checkListName: req('string', '实施清单名称', 'inspection list name', { maxLength: 500 }),
  implementInstitution: req('string', '实施机构', 'implementing institution', { maxLength: 100 }),
  implementInstitutionCode: req('string', '实施机构编码', 'implementing institution USCC', {
    maxLength: 18,
    checkType: '06',
  }),
  implementerNature: opt('string', '实施主体性质', 'implementer nature', { codeTable: 'implementerNature' }),
  entrustedOrg: opt('string', '受委托组织', 'entrusted organisation', { maxLength: 200 }),
  exerciseLevel: req('string', '行使层级', 'exercise level', { codeTable: 'exerciseLevel' }),
  objects: opt('string', '检查对象', 'inspected objects', { maxLength: 2000 }),
  content: opt('string', '检查内容', 'inspection content', { maxLength: 4000 }),
  methods: opt('string', '检查方式', 'inspection methods', { maxLength: 2000 }),
  basis: opt('string', '检查依据', 'inspection basis', { maxLength: 8000 }),
  frequency: opt('string', '检查频次', 'inspection frequency', { maxLength: 500 }),
  resultHandling: opt('string', '检查结果处理', 'result handling', { maxLength: 4000 }),
  status: req('string', '事项状态', 'status', { codeTable: 'itemStatus' }),
  version: opt('string', '版本', 'version', { maxLength: 20 }),
  scope: opt('string', '适用范围', 'scope', { codeTable: 'applicableScope' }),
} as const;

/** Common fields of every regulated-entity class — data-standards.md §4.1. */
const entityCommon = {
  objectId: req('string', '监管对象唯一编码', 'entity id', { maxLength: 200, checkType: '09' }),
  name: req('string', '监管对象名称', 'entity name', { maxLength: 300, aliases: ['监管名称', '名称'] }),
  areaCode: req('string', '所在地区行政区划代码', 'region code', { maxLength: 6, aliases: ['行政区划代码'] }),
  registeredAddress: opt('string', '注册地址', 'registered address', { maxLength: 600, aliases: ['住所'] }),
  operatingAddress: opt('string', '经营地址', 'operating address', { maxLength: 600, aliases: ['经营场所'] }),
  creditGrade: opt('string', '信用等级', 'credit grade', { maxLength: 10 }),
  keySupervision: opt('boolean', '是否重点监管', 'under key supervision'),
} as const;

/** 企业法人 — §4.2. */
const enterpriseFields = {
  ...entityCommon,
  unifiedSocialCreditCode: req('string', '统一社会信用代码', 'USCC', { maxLength: 18, checkType: '06' }),
  registrationNo: opt('string', '注册号', 'registration number', { maxLength: 50 }),
  legalRepresentative: req('string', '法定代表人', 'legal representative', {
    maxLength: 600,
    aliases: ['法定代表人/负责人/投资人', '负责人'],
  }),
  industryCode: opt('string', '行业类别', 'industry (GB/T 4754)', { maxLength: 10 }),
  enterpriseType: opt('string', '企业类型', 'enterprise type', { maxLength: 50 }),
  registeredCapital: opt('number', '注册资本', 'registered capital (10k yuan)'),
  businessScope: opt('string', '经营范围', 'business scope', { maxLength: 4000 }),
  registrationAuthority: opt('string', '登记机关', 'registration authority', { maxLength: 600 }),
  registrationStatus: opt('string', '登记状态', 'registration status', { maxLength: 60 }),
  establishedDate: opt('date', '成立日期', 'established date'),
  revokedDate: opt('date', '吊销日期', 'revocation date'),
  liaisonName: opt('string', '联络员', 'liaison', { maxLength: 150 }),
  liaisonIdCardNo: opt('string', '联络员身份证号', 'liaison ID number', { maxLength: 18, checkType: '07' }),
  liaisonPhone: opt('string', '联络员手机', 'liaison phone', { maxLength: 300 }),
  longitude: opt('number', '经度', 'longitude'),
  latitude: opt('number', '纬度', 'latitude'),
} as const;

/** 个体工商户 — §4.2. */
const individualBusinessFields = {
  ...entityCommon,
  name: req('string', '名称', 'business name', { maxLength: 300, aliases: ['监管对象名称', '字号名称'] }),
  unifiedSocialCreditCode: opt('string', '统一社会信用代码', 'USCC', { maxLength: 18, checkType: '06' }),
  registrationNo: opt('string', '注册号', 'registration number', { maxLength: 50 }),
  operatorName: req('string', '经营者', 'operator', { maxLength: 200 }),
  operatorIdCardNo: opt('string', '经营者身份证号', 'operator ID number', { maxLength: 18, checkType: '07' }),
  operatingAddress: req('string', '经营场所', 'operating address', { maxLength: 200, aliases: ['经营地址'] }),
  businessScope: req('string', '经营范围', 'business scope', { maxLength: 3000 }),
  registrationAuthority: req('string', '登记机关', 'registration authority', { maxLength: 600 }),
  registeredDate: req('date', '注册日期', 'registration date'),
  registrationStatus: opt('string', '登记状态', 'registration status', { maxLength: 60 }),
} as const;

/** 其他组织 (社会团体法人 etc.) — §4.2. */
const otherOrganisationFields = {
  ...entityCommon,
  name: req('string', '名称', 'organisation name', { maxLength: 200, aliases: ['监管对象名称'] }),
  unifiedSocialCreditCode: req('string', '统一社会信用代码', 'USCC', { maxLength: 18, checkType: '06' }),
  legalPersonType: opt('string', '法人类型', 'legal person type', { codeTable: 'legalPersonType' }),
  approvalAuthority: opt('string', '批准机关', 'approval authority', { maxLength: 20 }),
  approvalDate: opt('date', '批准时间', 'approval date'),
  legalRepresentative: opt('string', '法定代表人', 'legal representative', { maxLength: 200 }),
  legalRepresentativeCertType: opt('string', '法定代表人证件类型', 'representative certificate type', {
    codeTable: 'certType',
  }),
  legalRepresentativeCertNo: opt('string', '法定代表人证件号', 'representative certificate number', {
    maxLength: 20,
  }),
  phone: opt('string', '电话', 'phone', { maxLength: 100 }),
} as const;

/** 特定自然人 — §4.2. */
const naturalPersonFields = {
  ...entityCommon,
  name: req('string', '姓名', 'name', { maxLength: 200, aliases: ['监管对象名称'] }),
  idCardNo: req('string', '身份证号', 'resident ID number', {
    maxLength: 18,
    checkType: '07',
    aliases: ['身份证号码', '公民身份号码'],
  }),
  sex: opt('string', '性别', 'sex (GB/T 2261.1)', { codeTable: 'sex' }),
  ethnicity: opt('string', '民族', 'ethnicity (GB/T 3304)', { maxLength: 2 }),
  birthDate: opt('date', '出生日期', 'birth date'),
  householdAddress: opt('string', '户籍地址', 'household address', { maxLength: 200 }),
  residentialAddress: opt('string', '常住地址', 'residential address', { maxLength: 100 }),
  phone: opt('string', '电话', 'phone', { maxLength: 50 }),
  qualificationType: opt('string', '从业证书类型', 'qualification type', { maxLength: 2 }),
  qualificationName: opt('string', '从业证书名称', 'qualification name', { maxLength: 50 }),
  qualificationNo: opt('string', '从业证书编码', 'qualification number', { maxLength: 30 }),
} as const;

/** 执法人员 — §4.3 (S6 `officer.js`). */
const officerFields = {
  name: req('string', '姓名', 'name', { maxLength: 50 }),
  orgName: req('string', '所属主体全称', 'organisation', {
    maxLength: 100,
    aliases: ['所属主体（受委托组织）全称', '所属主体(受委托组织)全称'],
  }),
  lawEnforcementCertNo: req('string', '执法证号', 'enforcement certificate number', {
    maxLength: 100,
    checkType: '09',
  }),
  idCardNo: opt('string', '身份证号', 'resident ID number', { maxLength: 18, checkType: '07' }),
  sex: opt('string', '性别', 'sex (GB/T 2261.1)', { codeTable: 'sex' }),
  staffNature: opt('string', '执法人员性质', 'staff nature', { codeTable: 'staffNature' }),
  isSupervisor: opt('boolean', '是否监督人员', 'is supervisor'),
  hasLegalQualification: opt('boolean', '是否具有法律职业资格', 'has legal qualification'),
  issuingAuthority: opt('string', '发证机关', 'issuing authority', { maxLength: 100 }),
  enforcementArea: opt('string', '执法区域', 'enforcement area', { maxLength: 100 }),
  enforcementCategory: opt('string', '执法类别', 'enforcement category', { maxLength: 200 }),
  certValidUntil: opt('date', '证件有效期', 'certificate valid until', { allowFuture: true }),
  areaCode: opt('string', '行政区划代码', 'region code', { maxLength: 6 }),
  deptCode: opt('string', '部门编码', 'department code', { maxLength: 20 }),
} as const;

/** 交换信封 (cd_* exchange metadata) — §3.2 (S8, S16, S17). */
const envelopeFields = {
  recordId: req('string', '记录唯一标识', 'record id', {
    maxLength: 100,
    checkType: '09',
    aliases: ['cd_id'],
  }),
  operation: req('string', '操作类型', 'operation (I/U/D)', { maxLength: 1, aliases: ['cd_operation'] }),
  batchNo: req('string', '批次号', 'batch number', { maxLength: 13, checkType: '02', aliases: ['cd_batch'] }),
  source: req('string', '数据来源', 'data source', {
    maxLength: 50,
    checkType: '02',
    aliases: ['cd_source'],
  }),
  submittedAt: opt('datetime', '报送时间', 'submission time', { aliases: ['cd_time'] }),
} as const;

/** 投诉举报 — §4.4 (S7 `complaintInfo` / `tipInfo`). */
const complaintFields = {
  complaintId: req('string', '投诉举报编号', 'complaint id', { maxLength: 100, checkType: '09' }),
  category: req('string', '投诉举报类别', 'complaint or report', { maxLength: 10 }),
  complaintObject: req('string', '被投诉举报对象', 'complained-about party', { maxLength: 200 }),
  complaintObjectCertCode: opt('string', '被投诉举报对象证件号码', 'party certificate number', {
    maxLength: 20,
  }),
  complaintType: req('string', '投诉举报问题类型', 'complaint type', { codeTable: 'complaintProblemType' }),
  complaintTerritory: opt('string', '投诉举报属地', 'territory (region code)', { maxLength: 12 }),
  serviceType: opt('string', '商品服务类型', 'goods/service type', { maxLength: 6 }),
  serviceName: opt('string', '商品服务名称', 'goods/service name', { maxLength: 200 }),
  disputeDate: opt('date', '争议发生日期', 'dispute date'),
  receivedDate: req('date', '登记日期', 'received date'),
  complaintDetail: req('string', '投诉举报内容', 'details', { maxLength: 4000 }),
  status: opt('string', '事件进展状态', 'progress status', { codeTable: 'eventProgressStatus' }),
  handlingDept: opt('string', '承办部门', 'handling department', { maxLength: 100 }),
  repliedDate: opt('date', '答复日期', 'reply date'),
} as const;

/** 风险预警线索 — §4.5 (S7 `riskWarning`, S12). */
const riskClueFields = {
  warningId: req('string', '预警编号', 'warning id', { maxLength: 50, checkType: '09', aliases: ['fxyjId'] }),
  domain: req('string', '风险预警领域', 'risk domain', { codeTable: 'riskWarningDomain' }),
  title: req('string', '预警标题', 'title', { maxLength: 50 }),
  level: opt('string', '预警等级', 'level', { maxLength: 2 }),
  riskObject: req('string', '风险对象', 'risk object', { maxLength: 500 }),
  riskObjectCertCode: opt('string', '风险对象统一社会信用代码', 'risk object USCC', { maxLength: 50 }),
  areaCode: opt('string', '行政区划代码', 'region code', { maxLength: 6 }),
  createdAt: req('datetime', '预警时间', 'warning time'),
  source: opt('string', '预警来源', 'source', { maxLength: 50 }),
  ruleId: opt('string', '预警模型', 'rule / model id', { maxLength: 50 }),
  detail: opt('string', '预警描述', 'description', { maxLength: 4000 }),
} as const;

/** 风险预警核查反馈 — §4.5 (modelled on S7 task feedback). */
const clueFeedbackFields = {
  warningId: req('string', '预警编号', 'warning id', { maxLength: 50, checkType: '08' }),
  claimTime: req('datetime', '认领时间', 'claim time'),
  handler: req('string', '核查人员', 'handler', { maxLength: 100 }),
  verifyResult: req('string', '核查结果', 'verification result', { maxLength: 200 }),
  feedbackTime: req('datetime', '反馈时间', 'feedback time'),
  feedbackText: opt('string', '反馈意见', 'feedback', { maxLength: 4000 }),
  actionCodes: opt('list', '关联行为编号', 'linked behaviour numbers', { checkType: '08' }),
} as const;

/** 信用记录 (creditAssess / operatingAbnormal / seriousIllegal) — §4.6 (S7 `basisData`). */
const creditRecordFields = {
  creditRecordId: req('string', '信用记录编号', 'credit record id', { maxLength: 100, checkType: '09' }),
  recordKind: req('string', '信用记录类别', 'credit record kind', { maxLength: 30 }),
  enterpriseName: req('string', '企业名称', 'entity name', { maxLength: 300 }),
  enterpriseIdType: opt('string', '证件类型', 'certificate type', { codeTable: 'certType' }),
  enterpriseCreditCode: req('string', '统一社会信用代码', 'USCC or ID number', { maxLength: 20 }),
  grade: opt('string', '信用等级', 'credit grade', { maxLength: 10 }),
  listedDate: opt('date', '列入日期', 'listing date', { aliases: ['评价日期', '评定日期'] }),
  listedReason: opt('string', '列入原因', 'listing reason', { maxLength: 1000 }),
  listedBy: opt('string', '列入机关', 'listing authority', { maxLength: 200 }),
  removedDate: opt('date', '移出日期', 'removal date'),
  removedReason: opt('string', '移出原因', 'removal reason', { maxLength: 1000 }),
  removedBy: opt('string', '移出机关', 'removal authority', { maxLength: 200 }),
} as const;

/** 双随机抽查计划 — §4.6 (S6 `random_*.js`). */
const spotCheckPlanFields = {
  planId: req('string', '计划ID', 'plan id', { maxLength: 100, checkType: '09' }),
  planName: req('string', '计划名称', 'plan name', { maxLength: 500 }),
  year: req('string', '年度', 'year', { maxLength: 4, checkType: '10', aliases: ['年份'] }),
  areaName: req('string', '地区名', 'region name', { maxLength: 200 }),
  areaCode: req('string', '地区行政编码', 'region code', { maxLength: 6 }),
  supervisionDept: req('string', '监管部门', 'department', { maxLength: 100 }),
  supervisionDeptCode: opt('string', '监管部门统一社会信用代码', 'department USCC', {
    maxLength: 18,
    checkType: '06',
  }),
  samplingRatio: req('number', '抽查比例', 'sampling ratio (0–1)'),
  startDate: opt('date', '开始日期', 'start date', { allowFuture: true }),
  endDate: opt('date', '结束日期', 'end date', { allowFuture: true }),
} as const;

/** 双随机抽取对象 — §4.6. */
const drawnObjectFields = {
  planId: req('string', '计划ID', 'plan id', { maxLength: 100, checkType: '08' }),
  objectName: req('string', '对象名称', 'object name', { maxLength: 200 }),
  objectId: req('string', '对象ID', 'object id', { maxLength: 100 }),
  uscc: opt('string', '统一社会信用代码', 'USCC', { maxLength: 18, checkType: '06' }),
} as const;

/** 联合监管任务 — §4.5 (S7 `taskDetails`). */
const jointTaskFields = {
  taskNo: req('string', '任务编号', 'task number', { maxLength: 100, checkType: '09' }),
  unionUnitType: opt('string', '联合单位类型', 'joint unit type', { maxLength: 20 }),
  unionUnitNo: opt('string', '联合单位编码', 'joint unit code', { maxLength: 50 }),
  unionUnitName: req('string', '联合单位名称', 'joint unit name', { maxLength: 200 }),
  status: req('string', '任务状态', 'status (分发/认领/结束/反馈)', { maxLength: 10 }),
  claimTime: opt('datetime', '认领时间', 'claim time'),
  supervisionMatterCode: opt('string', '监管事项目录编码', 'catalog item code', {
    maxLength: 14,
    checkType: '03',
  }),
  endTime: opt('datetime', '结束时间', 'end time'),
  endReason: opt('string', '结束原因', 'end reason', { maxLength: 500 }),
  feedbackTime: opt('datetime', '反馈时间', 'feedback time'),
  feedbackSuggestion: opt('string', '反馈意见', 'feedback', { maxLength: 4000 }),
} as const;

/**
 * The field dictionary (字段字典) of every topic record: per record type, field name →
 * `{ zh, en, kind, required, maxLength?, codeTable?, aliases? }`. The schemas, the exchange mappers
 * and the quality check are all built from it, so this is the one place to read or adjust the standard.
 *
 * @example
 * fieldDictionary.inspection.checkDate.zh; // '检查时间'
 * fieldDictionary.penalty.illegalFact.maxLength; // 4000
 */
export const fieldDictionary = {
  catalogItem: catalogItemFields,
  inspectionList: inspectionListFields,
  enterprise: enterpriseFields,
  individualBusiness: individualBusinessFields,
  otherOrganisation: otherOrganisationFields,
  naturalPerson: naturalPersonFields,
  officer: officerFields,
  inspection: inspectionFields,
  penalty: penaltyFields,
  compulsion: compulsionFields,
  other: otherFields,
  envelope: envelopeFields,
  complaint: complaintFields,
  riskClue: riskClueFields,
  clueFeedback: clueFeedbackFields,
  creditRecord: creditRecordFields,
  spotCheckPlan: spotCheckPlanFields,
  drawnObject: drawnObjectFields,
  jointTask: jointTaskFields,
} as const;

/**
 * A record type of the field dictionary (记录类型).
 *
 * @example
 * const type: RecordType = 'penalty';
 */
export type RecordType = keyof typeof fieldDictionary;

/**
 * The four behaviour kinds (监管行为种类): 行政检查, 行政处罚, 行政强制, 其他.
 *
 * @example
 * const kind: BehaviourKind = 'inspection';
 */
export type BehaviourKind = 'inspection' | 'penalty' | 'compulsion' | 'other';

/**
 * The four classes of regulated entity (监管对象类别): 企业, 个体工商户, 其他组织, 自然人.
 *
 * @example
 * const cls: EntityClass = 'individualBusiness';
 */
export type EntityClass = 'enterprise' | 'individualBusiness' | 'otherOrganisation' | 'naturalPerson';

/**
 * The business key field (业务主键) of each behaviour kind.
 *
 * @example
 * behaviourActionCodeField.penalty; // 'punishActionCode'
 */
export const behaviourActionCodeField = {
  inspection: 'checkActionCode',
  penalty: 'punishActionCode',
  compulsion: 'forceActionCode',
  other: 'actionCode',
} as const satisfies Record<BehaviourKind, string>;
