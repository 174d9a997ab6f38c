/**
 * Valid sample records of every type, for the schema, quality and linking tests. Identifiers are
 * checksum-valid: 91330100799655058B (阿里巴巴, data-standards §6.1 vectors), 34052419800101001X (GB 11643
 * vector); the others (e.g. 11330106002490066D) are synthetic codes built with `uscc.calcCheckDigit`.
 */
export const TODAY = '2024-06-30';
export const INSTITUTION = '11330106002490066D';
export const ENTERPRISE = '91330100799655058B';
export const ENTERPRISE_2 = '91330106MA27XK3C9L';
export const INDIVIDUAL_BUSINESS = '92330106MA2H4L0B5J';
export const PERSON = '330106198503070016';
export const ITEM_CODE = '31000000100000';
export const CHECK_LIST_CODE = `${INSTITUTION}4${ITEM_CODE}`;

const header = {
  itemCode: ITEM_CODE,
  checkListCode: CHECK_LIST_CODE,
  implementInstitution: '杭州市西湖区市场监督管理局',
  implementInstitutionCode: INSTITUTION,
  adminCounterpartName: '阿里巴巴（中国）有限公司',
  adminCounterpartNature: '02',
  adminCounterpartCertType: '001',
  adminCounterpartCertNo: ENTERPRISE,
  areaCode: '330106',
  source: '33000031',
  batchNo: '2024030600001',
  operation: 'I',
};

export function inspection(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'inspection',
    recordId: 'JC-R-001',
    ...header,
    checkActionName: '食品经营日常监督检查',
    checkActionCode: 'JC2024001',
    checkForm: '01',
    checkType: '01',
    checkMode: '1',
    checkResult: '01',
    checkDate: '2024-03-05',
    checkPersonnel: ['张三', '李四'],
    checkPersonnelCertNos: ['33010012345', '33010012346'],
    submittedAt: '2024-03-06T10:00:00+08:00',
    ...overrides,
  };
}

export function penalty(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'penalty',
    recordId: 'CF-R-001',
    ...header,
    punishActionName: '销售过期食品行政处罚',
    punishActionCode: 'CF2024001',
    relatedCheckActionCode: 'JC2024001',
    caseSource: '01',
    illegalFact: '销售超过保质期的食品',
    punishAccord: '《中华人民共和国食品安全法》第一百二十四条',
    punishProcedure: '02',
    hearingHeld: false,
    caseFiledDate: '2024-03-08',
    isCriminalCase: false,
    punishDocumentCode: '西市监罚〔2024〕1号',
    setDate: '2024-04-10',
    punishTypes: ['01', '02'],
    fineAmount: 5000,
    finePaid: 5000,
    penaltyResult: '警告，罚款5000元',
    reconsideration: '00',
    litigation: '12',
    noPenalty: false,
    closedDate: '2024-05-06',
    submittedAt: '2024-05-07T09:00:00+08:00',
    ...overrides,
  };
}

export function compulsion(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'compulsion',
    recordId: 'QZ-R-001',
    ...header,
    forceActionName: '查封涉案食品',
    forceActionCode: 'QZ2024001',
    relatedCheckActionCode: 'JC2024001',
    illegalFact: '涉嫌销售过期食品',
    forceAccord: '《中华人民共和国行政强制法》第九条',
    forceDocumentCode: '西市监强〔2024〕1号',
    forceType: '01',
    coerciveMeasureType: '02',
    measureStartDate: '2024-03-06',
    measureEndDate: '2024-04-05',
    submittedAt: '2024-03-07',
    ...overrides,
  };
}

export function otherBehaviour(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'other',
    recordId: 'QT-R-001',
    ...header,
    actionName: '行政指导',
    actionCode: 'QT2024001',
    startDate: '2024-03-10',
    endDate: '2024-03-12',
    submittedAt: '2024-03-12T18:00:00+08:00',
    ...overrides,
  };
}

export const entities = {
  enterprise: {
    entityClass: 'enterprise',
    objectId: 'E-001',
    name: '阿里巴巴（中国）有限公司',
    areaCode: '330106',
    unifiedSocialCreditCode: ENTERPRISE,
    legalRepresentative: '蒋芳',
    establishedDate: '2007-03-26',
  },
  individualBusiness: {
    entityClass: 'individualBusiness',
    objectId: 'I-001',
    name: '西湖区某某小吃店',
    areaCode: '330106',
    unifiedSocialCreditCode: INDIVIDUAL_BUSINESS,
    operatorName: '王五',
    operatingAddress: '杭州市西湖区文三路1号',
    businessScope: '小吃服务',
    registrationAuthority: '杭州市西湖区市场监督管理局',
    registeredDate: '2019-05-20',
  },
  otherOrganisation: {
    entityClass: 'otherOrganisation',
    objectId: 'O-001',
    name: '杭州市某行业协会',
    areaCode: '330106',
    unifiedSocialCreditCode: INSTITUTION,
    legalPersonType: 'C02',
  },
  naturalPerson: {
    entityClass: 'naturalPerson',
    objectId: 'P-001',
    name: '赵六',
    areaCode: '330106',
    idCardNo: PERSON,
    sex: '1',
  },
} as const;

export const others = {
  catalogItem: {
    itemCode: ITEM_CODE,
    supervisionDept: '市场监督管理局',
    supervisionDeptCode: '31',
    mainItemName: '对食品经营者的监督检查',
    subItemName: '对食品经营者的监督检查',
    process: '制定检查计划，实施现场检查，记录检查结果',
    resultHandling: '检查结果依法公示；发现违法行为依法处理',
    supervisionMode: '双随机一公开',
    supervisionMeasure: '现场检查',
    supervisedObject: '食品经营者',
    legalBasis: '《中华人民共和国食品安全法》',
    supervisionLevels: ['3', '4'],
    status: '01',
  },
  inspectionList: {
    checkListCode: CHECK_LIST_CODE,
    itemCode: ITEM_CODE,
    checkListName: '食品经营日常监督检查实施清单',
    implementInstitution: '杭州市西湖区市场监督管理局',
    implementInstitutionCode: INSTITUTION,
    exerciseLevel: '4',
    status: '01',
  },
  officer: {
    name: '张三',
    orgName: '杭州市西湖区市场监督管理局',
    lawEnforcementCertNo: '33010012345',
    idCardNo: PERSON,
  },
  envelope: { recordId: 'JC-R-001', operation: 'I', batchNo: '2024030600001', source: '33000031' },
  complaint: {
    complaintId: 'TS-001',
    category: '投诉',
    complaintObject: '阿里巴巴（中国）有限公司',
    complaintObjectCertCode: ENTERPRISE,
    complaintType: '08',
    receivedDate: '2024-02-01',
    complaintDetail: '网购商品与描述不符',
    repliedDate: '2024-02-10',
  },
  riskClue: {
    warningId: 'FX-001',
    domain: '80',
    title: '食品安全风险',
    riskObject: '阿里巴巴（中国）有限公司',
    riskObjectCertCode: ENTERPRISE,
    createdAt: '2024-01-15T08:00:00+08:00',
  },
  clueFeedback: {
    warningId: 'FX-001',
    claimTime: '2024-01-16T09:00:00+08:00',
    handler: '张三',
    verifyResult: '核查属实，已立案',
    feedbackTime: '2024-01-20T17:00:00+08:00',
  },
  creditRecord: {
    creditRecordId: 'XY-001',
    recordKind: 'operatingAbnormal',
    enterpriseName: '阿里巴巴（中国）有限公司',
    enterpriseCreditCode: ENTERPRISE,
    listedDate: '2023-07-01',
    removedDate: '2023-12-01',
  },
  spotCheckPlan: {
    planId: 'PLAN-2024-01',
    planName: '2024年食品经营双随机抽查',
    year: '2024',
    areaName: '西湖区',
    areaCode: '330106',
    supervisionDept: '杭州市西湖区市场监督管理局',
    supervisionDeptCode: INSTITUTION,
    samplingRatio: 0.05,
  },
  drawnObject: {
    planId: 'PLAN-2024-01',
    objectName: '阿里巴巴（中国）有限公司',
    objectId: 'E-001',
    uscc: ENTERPRISE,
  },
  jointTask: { taskNo: 'LH-001', unionUnitName: '杭州市西湖区市场监督管理局', status: '分发' },
} as const;
