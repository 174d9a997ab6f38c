import type { z } from 'zod';
import { loadZod } from '#zod';
import { isRecord } from '../errors/expected.js';
import { JianguanError } from '../errors/jianguan-error.js';
import { localizeZodIssue, zodIssuePath } from '../errors/zod-issue.js';
import { lazySchema, materialise } from '../internal/lazy.js';
import { CHECK_TYPES, type CheckType } from '../schemas/field-spec.js';

function buildQualityRuleSetSchema() {
  const z = loadZod();
  const checkTypeSchema = z.enum(CHECK_TYPES);
  const severitySchema = z.enum(['error', 'warning']);
  return z.object({
    id: z.string().min(1),
    version: z.string().min(1),
    /** Where the rules come from. */
    source: z.string(),
    rules: z.record(
      z.string(),
      z.object({
        /** The check type issues of this rule get, unless the field's own type applies (field rules). */
        checkType: checkTypeSchema,
        severity: severitySchema,
        enabled: z.boolean(),
        description: z.object({ zh: z.string(), en: z.string() }),
        source: z.string(),
      }),
    ),
    params: z.object({
      /** 检查人员 at least this many (S6: 原则上不少于两个). */
      minInspectors: z.number().int().min(1),
      /** Digits of the 监管事项目录编码 (S6: 14). */
      itemCodeLength: z.number().int().min(1),
      /** Minimum length of the 检查实施清单编码: USCC (18) + 行使层级 (1). */
      checkListCodeMinLength: z.number().int().min(19),
      /** Allowed 行使层级 digits at position 19 of the 检查实施清单编码 (S6: 1–5). */
      exerciseLevels: z.array(z.string()).min(1),
      /** 抽查比例 range (S6: [0, 1]). */
      samplingRatio: z.object({ min: z.number(), max: z.number() }),
      /** 年度 of a 抽查计划 at most this many years back / ahead of today. */
      planYearsBack: z.number().int().min(0),
      planYearsAhead: z.number().int().min(0),
      /** Date order pairs: `later` must be on or after (`allowEqual`) / strictly after `earlier`. */
      dateOrder: z.array(
        z.object({
          recordType: z.string(),
          earlier: z.string(),
          later: z.string(),
          allowEqual: z.boolean(),
          source: z.string(),
        }),
      ),
      /** Business key fields (业务主键) per record type; duplicates in a batch are reported. */
      businessKeys: z.record(z.string(), z.array(z.string()).min(1)),
      /** Links checked inside a batch when `checkLinks` is on: `fromType.fromField` → `toType.toField`. */
      links: z.array(
        z.object({
          fromType: z.string(),
          fromField: z.string(),
          toTypes: z.array(z.string()).min(1),
          toField: z.string(),
          source: z.string(),
        }),
      ),
      /** 检查结果 codes that imply a follow-up 处罚 (04) / 强制 (05) record linked to the inspection. */
      followUpResults: z.record(z.string(), z.string()),
      /** Certificate types checked as a USCC (GB 32100) and as a resident ID number (GB 11643). */
      usccCertTypes: z.array(z.string()),
      residentIdCertTypes: z.array(z.string()),
      /** 处罚种类 code of 罚款 (a fine amount > 0 is then required). */
      fineCode: z.string(),
    }),
  });
}

/**
 * The zod schema of a quality rule set (质检规则集): which rules exist, their national check type,
 * default severity and source, and the numbers the rules use. Rule sets are data: a province can publish
 * its own with {@link defineQualityRuleSet}. Built on first use (importing `@jianguan/core` loads no zod).
 *
 * @example
 * qualityRuleSetSchema.parse(defaultQualityRuleSet);
 */
export const qualityRuleSetSchema: ReturnType<typeof buildQualityRuleSetSchema> =
  lazySchema(buildQualityRuleSetSchema);

/**
 * A quality rule set (质检规则集); see {@link qualityRuleSetSchema}.
 *
 * @example
 * const minimum = defaultQualityRuleSet.params.minInspectors; // 2
 */
export type QualityRuleSet = z.infer<typeof qualityRuleSetSchema>;

/**
 * The stable codes of the built-in quality rules.
 *
 * @example
 * const rule: QualityRuleCode = 'uscc_checksum';
 */
export type QualityRuleCode =
  | 'record_not_object'
  | 'unknown_record_type'
  | 'unreadable_record'
  | 'required'
  | 'max_length'
  | 'not_text'
  | 'not_number'
  | 'not_boolean'
  | 'not_list'
  | 'code_table'
  | 'date_format'
  | 'datetime_format'
  | 'future_date'
  | 'date_order'
  | 'item_code_format'
  | 'check_list_code_structure'
  | 'uscc_invalid'
  | 'uscc_warning'
  | 'resident_id_invalid'
  | 'resident_id_warning'
  | 'cert_type_nature'
  | 'area_code_format'
  | 'area_code_unknown'
  | 'min_inspectors'
  | 'inspector_cert_numbers'
  | 'fine_amount_required'
  | 'fine_paid_exceeds'
  | 'negative_amount'
  | 'measure_type_required'
  | 'execution_type_required'
  | 'related_check_required'
  | 'sampling_ratio_range'
  | 'plan_year_range'
  | 'operation_code'
  | 'batch_no_format'
  | 'duplicate_record_id'
  | 'duplicate_key'
  | 'link_missing'
  | 'follow_up_missing';

type RuleSpec = QualityRuleSet['rules'][string];
const r = (
  checkType: CheckType,
  severity: 'error' | 'warning',
  zh: string,
  en: string,
  source: string,
): RuleSpec => ({ checkType, severity, enabled: true, description: { zh, en }, source });

const ruleTable = {
  record_not_object: r('01', 'error', '记录不是对象', 'the record is not an object', 'SDK'),
  unknown_record_type: r('01', 'error', '无法识别记录类型', 'unknown record type / kind', 'SDK'),
  unreadable_record: r('01', 'error', '记录无法读取', 'the record cannot be read', 'SDK'),
  required: r(
    '01',
    'error',
    '必填项为空',
    'required field empty',
    'data-standards §7 (S6 为必填项，不能为空)',
  ),
  max_length: r('01', 'error', '值超长', 'value too long', 'data-standards §7 (S6 值超长)'),
  not_text: r('01', 'error', '不是文本', 'not text', 'SDK'),
  not_number: r('01', 'error', '不是数值类型', 'not a number', 'data-standards §7 (S6 不是数值类型)'),
  not_boolean: r(
    '01',
    'error',
    '布尔值须为是/否',
    'boolean must be 是/否 (true/false)',
    'data-standards §7 (S6)',
  ),
  not_list: r('01', 'error', '不是列表', 'not a list', 'SDK'),
  code_table: r(
    '01',
    'error',
    '不在值域范围内',
    'not in the code table',
    'data-standards §5, §7 (S6 不在值域范围内)',
  ),
  date_format: r(
    '10',
    'error',
    '日期格式有误',
    'bad date (YYYY-MM-DD)',
    'data-standards §7 (S6 日期格式有误)',
  ),
  datetime_format: r('10', 'error', '时间格式有误', 'bad date-time', 'data-standards §7'),
  future_date: r(
    '10',
    'error',
    '日期晚于当前日期',
    'date in the future',
    'data-standards §7 (recommended [I])',
  ),
  date_order: r(
    '10',
    'error',
    '时间先后顺序有误',
    'dates out of order',
    'data-standards §7 (S6 cross-field rules)',
  ),
  item_code_format: r(
    '03',
    'error',
    '监管事项目录编码须为14位数字',
    'catalog item code must be 14 digits',
    'data-standards §1.2 (S6)',
  ),
  check_list_code_structure: r(
    '04',
    'error',
    '检查实施清单编码结构有误（前18位为统一社会信用代码，第19位为行使层级1-5）',
    'inspection list code: USCC (18) + exercise level 1–5',
    'data-standards §2 (S6)',
  ),
  uscc_invalid: r(
    '06',
    'error',
    '统一社会信用代码不符合编码规则',
    'invalid USCC (GB 32100-2015)',
    'data-standards §6.1',
  ),
  uscc_warning: r('06', 'warning', '统一社会信用代码存疑', 'questionable USCC', 'data-standards §6.1'),
  resident_id_invalid: r(
    '07',
    'error',
    '身份证号码不符合编码规则',
    'invalid resident ID (GB 11643-1999)',
    'data-standards §6.2',
  ),
  resident_id_warning: r(
    '07',
    'warning',
    '身份证号码存疑',
    'questionable resident ID',
    'data-standards §6.2',
  ),
  cert_type_nature: r(
    '01',
    'warning',
    '证件类型与行政相对人性质不一致',
    'certificate type does not fit counterpart nature',
    'data-standards §7 (recommended [I])',
  ),
  area_code_format: r(
    '01',
    'error',
    '行政区划代码须为6位数字',
    'region code must be 6 digits',
    'data-standards §3.2, §6.4',
  ),
  area_code_unknown: r(
    '01',
    'warning',
    '行政区划代码不在代码表中',
    'region code not in GB/T 2260 table',
    'data-standards §6.4',
  ),
  min_inspectors: r(
    '01',
    'error',
    '检查人员原则上不少于两个',
    'at least two inspectors',
    'data-standards §3.3, §7 (S6)',
  ),
  inspector_cert_numbers: r(
    '01',
    'error',
    '每名检查人员须有执法证号',
    'every inspector needs an enforcement certificate number',
    'DOMAIN (执法人员 holds a 执法证); data-standards §3.3',
  ),
  fine_amount_required: r(
    '01',
    'error',
    '处罚种类含罚款时罚款金额须大于0',
    'a fine needs an amount > 0',
    'data-standards §7 [I]',
  ),
  fine_paid_exceeds: r(
    '01',
    'error',
    '实缴罚款金额超过罚款金额',
    'fine paid exceeds the fine',
    'data-standards §7 [I]',
  ),
  negative_amount: r('01', 'error', '金额不能为负数', 'amount must not be negative', 'SDK'),
  measure_type_required: r(
    '01',
    'error',
    '行政强制措施须填写强制措施类型',
    'coercive measure type required',
    'data-standards §3.5, §7 [I]',
  ),
  execution_type_required: r(
    '01',
    'error',
    '行政强制执行须填写强制执行类型',
    'enforcement type required',
    'data-standards §3.5, §7 [I]',
  ),
  related_check_required: r(
    '08',
    'error',
    '案件来源为行政检查中发现时须填写检查行为编号',
    'related inspection number required when the case came from an inspection',
    'data-standards §3.2 (S6 检查行为编号 required)',
  ),
  sampling_ratio_range: r(
    '01',
    'error',
    '抽查比例须在0到1之间',
    'sampling ratio must be within [0, 1]',
    'data-standards §7 (S6)',
  ),
  plan_year_range: r(
    '10',
    'warning',
    '年度超出合理范围',
    'plan year out of range',
    'data-standards §7 (S6, intent)',
  ),
  operation_code: r(
    '01',
    'error',
    '操作类型须为I/U/D',
    'operation must be I, U or D',
    'data-standards §3.2 (S8, S16)',
  ),
  batch_no_format: r(
    '02',
    'error',
    '批次号须为8位日期加5位序号',
    'batch number must be YYYYMMDD + 5 digits',
    'data-standards §3.2 (S8 cd_batch)',
  ),
  duplicate_record_id: r(
    '05',
    'error',
    '记录唯一标识重复',
    'duplicate record id in the batch',
    'data-standards §7 (05 数据归并)',
  ),
  duplicate_key: r(
    '09',
    'error',
    '业务主键重复',
    'duplicate business key in the batch',
    'data-standards §7 (09 业务主键检查)',
  ),
  link_missing: r(
    '08',
    'error',
    '关联记录不存在',
    'linked record not in the batch',
    'data-standards §7 (08 数据关联性检查)',
  ),
  follow_up_missing: r(
    '08',
    'warning',
    '检查结果为处罚/强制决定但批次中无关联记录',
    'inspection result implies a penalty/compulsion not found in the batch',
    'data-standards §7 [I]',
  ),
} satisfies Record<QualityRuleCode, RuleSpec>;

/**
 * The built-in quality rule set (内置质检规则集), version 2026.1, built from data-standards.md §1–7
 * (Jiangsu S6 field rules, the national check taxonomy, and the recommended additions marked [I]).
 *
 * @example
 * defaultQualityRuleSet.rules.min_inspectors.checkType; // '01'
 * defaultQualityRuleSet.params.itemCodeLength; // 14
 */
export const defaultQualityRuleSet: QualityRuleSet = {
  id: 'jianguan-default',
  version: '2026.1',
  source: 'data-standards.md §1–7 (S6 Jiangsu 互联网+监管数据填报 rules; S7/S8 national exchange names)',
  rules: ruleTable,
  params: {
    minInspectors: 2,
    itemCodeLength: 14,
    checkListCodeMinLength: 19,
    exerciseLevels: ['1', '2', '3', '4', '5'],
    samplingRatio: { min: 0, max: 1 },
    planYearsBack: 5,
    planYearsAhead: 1,
    dateOrder: [
      ...['inspection', 'penalty', 'compulsion', 'other'].map((recordType) => ({
        recordType,
        earlier: '$actDate',
        later: 'submittedAt',
        allowEqual: true,
        source: 'data-standards §7 (S6: 报送时间 > 检查时间; same day allowed at date precision)',
      })),
      {
        recordType: 'penalty',
        earlier: 'caseFiledDate',
        later: 'setDate',
        allowEqual: true,
        source: '§7 [I]',
      },
      {
        recordType: 'penalty',
        earlier: 'caseFiledDate',
        later: 'closedDate',
        allowEqual: true,
        source: '§7 (S6)',
      },
      { recordType: 'penalty', earlier: 'setDate', later: 'closedDate', allowEqual: true, source: '§7 [I]' },
      {
        recordType: 'penalty',
        earlier: 'closedDate',
        later: 'submittedAt',
        allowEqual: true,
        source: '§7 (S6)',
      },
      {
        recordType: 'compulsion',
        earlier: 'measureStartDate',
        later: 'measureEndDate',
        allowEqual: true,
        source: '§7 [I]',
      },
      { recordType: 'other', earlier: 'startDate', later: 'endDate', allowEqual: true, source: 'SDK' },
      {
        recordType: 'complaint',
        earlier: 'receivedDate',
        later: 'repliedDate',
        allowEqual: true,
        source: 'SDK',
      },
      {
        recordType: 'clueFeedback',
        earlier: 'claimTime',
        later: 'feedbackTime',
        allowEqual: true,
        source: 'SDK',
      },
      {
        recordType: 'creditRecord',
        earlier: 'listedDate',
        later: 'removedDate',
        allowEqual: true,
        source: 'SDK',
      },
      {
        recordType: 'spotCheckPlan',
        earlier: 'startDate',
        later: 'endDate',
        allowEqual: true,
        source: 'SDK',
      },
    ],
    businessKeys: {
      inspection: ['source', 'checkActionCode'],
      penalty: ['source', 'punishActionCode'],
      compulsion: ['source', 'forceActionCode'],
      other: ['source', 'actionCode'],
      catalogItem: ['itemCode', 'subItemCode'],
      inspectionList: ['checkListCode'],
      officer: ['lawEnforcementCertNo'],
      complaint: ['complaintId'],
      riskClue: ['warningId'],
      creditRecord: ['creditRecordId'],
      spotCheckPlan: ['planId'],
      drawnObject: ['planId', 'objectId'],
      jointTask: ['taskNo', 'unionUnitNo'],
    },
    links: [
      ...['penalty', 'compulsion', 'other'].map((fromType) => ({
        fromType,
        fromField: 'relatedCheckActionCode',
        toTypes: ['inspection'],
        toField: 'checkActionCode',
        source: 'data-standards §3.2, §7 (08: 处罚/强制 → 检查行为编号 exists)',
      })),
      {
        fromType: 'clueFeedback',
        fromField: 'warningId',
        toTypes: ['riskClue'],
        toField: 'warningId',
        source: '§4.5',
      },
      {
        fromType: 'drawnObject',
        fromField: 'planId',
        toTypes: ['spotCheckPlan'],
        toField: 'planId',
        source: '§4.6',
      },
    ],
    followUpResults: { '04': 'penalty', '05': 'compulsion' },
    usccCertTypes: ['001'],
    residentIdCertTypes: ['111', '112'],
    fineCode: '02',
  },
};

/**
 * A province's or maintainer's changes to a rule set: a new id/version, rule overrides (severity,
 * enabled) and parameter overrides. Validated with {@link qualityRuleSetSchema}.
 *
 * @example
 * const o: QualityRuleSetOverrides = { id: 'js', version: '1', params: { minInspectors: 3 } };
 */
export interface QualityRuleSetOverrides {
  readonly id: string;
  readonly version: string;
  readonly source?: string;
  readonly rules?: Readonly<Record<string, Partial<RuleSpec>>>;
  readonly params?: Partial<QualityRuleSet['params']>;
}

/**
 * Derives a validated rule set from a base (default: {@link defaultQualityRuleSet}) and overrides —
 * e.g. a province that wants three inspectors and treats future dates as warnings.
 *
 * @throws {JianguanError} `invalid_quality_rule_set` (with the first problem's `path` and every zod issue in
 * `details.issues`) when the overrides are not an object or the result is not a valid rule set.
 * @example
 * const jiangsu = defineQualityRuleSet({
 *   id: 'jiangsu', version: '2024.1',
 *   rules: { future_date: { severity: 'warning' } },
 *   params: { minInspectors: 3 },
 * });
 */
export function defineQualityRuleSet(
  overrides: QualityRuleSetOverrides,
  base: QualityRuleSet = defaultQualityRuleSet,
): QualityRuleSet {
  const invalid = (path: readonly (string | number)[], en: string, zh: string, details = {}): JianguanError =>
    new JianguanError(
      'invalid_quality_rule_set',
      { zh: `质检规则集无效：${zh}`, en: `invalid quality rule set: ${en}` },
      {
        path,
        details,
      },
    );
  if (!isRecord(overrides)) throw invalid([], 'the overrides must be an object', '覆盖项必须是对象');
  if (!isRecord(base) || !isRecord(base.rules) || !isRecord(base.params)) {
    throw invalid(['base'], 'the base must be a quality rule set', '基础规则集无效');
  }
  for (const key of ['rules', 'params'] as const) {
    if (overrides[key] !== undefined && !isRecord(overrides[key])) {
      throw invalid([key], `${key} must be an object`, `${key} 必须是对象`);
    }
  }
  const rules: Record<string, unknown> = { ...base.rules };
  for (const [code, patch] of Object.entries(overrides.rules ?? {})) {
    if (!isRecord(patch))
      throw invalid(['rules', code], `rules.${code} must be an object`, `rules.${code} 必须是对象`);
    rules[code] = { ...(base.rules[code] ?? {}), ...patch };
  }
  const result = materialise(qualityRuleSetSchema).safeParse({
    id: overrides.id,
    version: overrides.version,
    source: overrides.source ?? base.source,
    rules,
    params: { ...base.params, ...(overrides.params ?? {}) },
  });
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: zodIssuePath(i), message: localizeZodIssue(i) }));
    const first = issues[0];
    throw invalid(
      first?.path ?? [],
      `${first?.path.join('.') || 'value'}: ${first?.message.en ?? ''}`,
      `${first?.path.join('.') || '值'}：${first?.message.zh ?? ''}`,
      { issues },
    );
  }
  return result.data as QualityRuleSet;
}
