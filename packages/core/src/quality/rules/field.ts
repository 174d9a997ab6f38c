import { isValidYmd } from '../../calendar/civil-date.js';
import type { LocalizedMessage } from '../../errors/index.js';
import { dateKey, isDateTime } from '../../schemas/act-date.js';
import { type BehaviourKind, fieldDictionary, type RecordType } from '../../schemas/dictionary.js';
import type { CheckType, FieldSpec } from '../../schemas/field-spec.js';
import { checkResidentId, checkUscc, codeTableCodes, isUsccPrefixValid, regionStatus } from '../adapters.js';
import { type ActiveRule, emit, type ResolvedRules, type Sink } from '../issue-sink.js';

type Rec = Readonly<Record<string, unknown>>;

/** The compiled check of one record type. */
export interface CompiledType {
  readonly type: RecordType;
  readonly idField: string | undefined;
  readonly check: (rec: Rec, sink: Sink) => void;
}

function isBlank(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') {
    if (v.length === 0) return true;
    const c0 = v.charCodeAt(0);
    const cn = v.charCodeAt(v.length - 1);
    if (c0 > 32 && c0 !== 0x3000 && cn > 32 && cn !== 0x3000) return false;
    return v.trim().length === 0;
  }
  if (Array.isArray(v)) return v.length === 0;
  return false;
}

function describe(v: unknown): string {
  if (typeof v === 'string') return v.length > 40 ? `${v.slice(0, 40)}…` : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function isDigits(s: string, n: number): boolean {
  if (s.length !== n) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function year(today: string): number {
  return Number(today.slice(0, 4));
}

type FieldCheck = (rec: Rec, sink: Sink) => void;

/** A field check plus a side-effect-free JS condition on `v` that is true when the value is certainly fine. */
interface FieldPlan {
  readonly check: FieldCheck;
  readonly fast: string;
}

/** Builds the checks for one field of one record type. */
function fieldCheck(
  name: string,
  spec: FieldSpec,
  rules: ResolvedRules,
  sets: ReadonlySet<string>[],
): FieldPlan {
  const plan = fieldCheckFn(name, spec, rules);
  const absent = spec.required ? '' : 'v === undefined || ';
  let fast = 'false';
  if (plan.kind === 'string' && !plan.special) {
    let cond = `typeof v === 'string' && v.length > 0 && v.length <= ${Number.isFinite(plan.max) ? plan.max : 1e15} && v.charCodeAt(0) > 32 && v.charCodeAt(0) !== 12288`;
    if (plan.codes) {
      sets.push(plan.codes);
      cond += ` && S[${sets.length - 1}].has(v)`;
    }
    fast = cond;
  } else if (plan.kind === 'date') {
    fast = `typeof v === 'string' && v.length === 10 && (k = DK(v)) > 0${plan.future ? ' && k <= T' : ''}`;
  } else if (plan.kind === 'datetime') {
    fast = `typeof v === 'string' && DT(v)${plan.future ? ' && DK(v) <= T' : ''}`;
  } else if (plan.kind === 'number') {
    fast = `typeof v === 'number' && v - v === 0`;
  } else if (plan.kind === 'boolean') {
    fast = `typeof v === 'boolean'`;
  }
  return { check: plan.check, fast: fast === 'false' && absent === '' ? 'false' : `${absent}(${fast})` };
}

interface FieldFn {
  readonly check: FieldCheck;
  readonly kind: FieldSpec['kind'];
  readonly special: boolean;
  readonly max: number;
  readonly codes: ReadonlySet<string> | undefined;
  readonly future: boolean;
}

function fieldCheckFn(name: string, spec: FieldSpec, rules: ResolvedRules): FieldFn {
  const fieldType: CheckType =
    spec.checkType ?? (spec.kind === 'date' || spec.kind === 'datetime' ? '10' : '01');
  const required = spec.required ? rules.get('required') : undefined;
  const maxLength = spec.maxLength !== undefined ? rules.get('max_length') : undefined;
  const max = spec.maxLength ?? Number.POSITIVE_INFINITY;
  const codeRule = spec.codeTable !== undefined ? rules.get('code_table') : undefined;
  const codes =
    spec.codeTable !== undefined && codeRule ? codeTableCodes(spec.codeTable, rules.codeTables) : undefined;
  const today = rules.today;
  const { zh, en } = spec;
  const params = rules.ruleSet.params;

  // Special value checks by field name / dictionary check type.
  let special: ((value: string, sink: Sink) => void) | undefined;
  if (name === 'itemCode' || name === 'supervisionMatterCode') {
    const rule = rules.get('item_code_format');
    const n = params.itemCodeLength;
    if (rule) {
      special = (v, sink) => {
        if (!isDigits(v, n)) {
          emit(sink, rule, 'item_code_format', name, v, {
            zh: `${zh}须为${n}位数字（实际“${describe(v)}”）`,
            en: `${en} must be ${n} digits (got "${describe(v)}")`,
          });
        }
      };
    }
  } else if (name === 'checkListCode') {
    const rule = rules.get('check_list_code_structure');
    const levels = new Set(params.exerciseLevels);
    const minLen = params.checkListCodeMinLength;
    if (rule) {
      special = (v, sink) => {
        let problem: LocalizedMessage | undefined;
        if (v.length < minLen) {
          problem = { zh: `长度不足${minLen}位`, en: `shorter than ${minLen} characters` };
        } else if (!isUsccPrefixValid(v)) {
          problem = { zh: '前18位不是有效的统一社会信用代码', en: 'characters 1–18 are not a valid USCC' };
        } else if (!levels.has(v.charAt(18))) {
          problem = {
            zh: `第19位行使层级“${v.charAt(18)}”不在1-5之间`,
            en: `level digit "${v.charAt(18)}" not in 1–5`,
          };
        }
        if (problem) {
          emit(sink, rule, 'check_list_code_structure', name, v, {
            zh: `${zh}结构有误：${problem.zh}`,
            en: `${en} is malformed: ${problem.en}`,
          });
        }
      };
    }
  } else if (name === 'areaCode') {
    const fmt = rules.get('area_code_format');
    const unknown = rules.get('area_code_unknown');
    special = (v, sink) => {
      const status = isDigits(v, 6) ? regionStatus(v) : 'invalid';
      if (status === 'invalid') {
        if (fmt) {
          emit(sink, fmt, 'area_code_format', name, v, {
            zh: `${zh}“${describe(v)}”不是有效的6位行政区划代码（GB/T 2260）`,
            en: `${en} "${describe(v)}" is not a valid 6-digit region code (GB/T 2260)`,
          });
        }
      } else if (unknown && status !== 'known') {
        emit(
          sink,
          unknown,
          'area_code_unknown',
          name,
          v,
          status === 'former'
            ? {
                zh: `${zh}“${v}”是已撤销或变更的行政区划代码，不是现行代码（GB/T 2260）`,
                en: `${en} "${v}" is a former region code, no longer in force (GB/T 2260)`,
              }
            : {
                zh: `${zh}“${v}”不在GB/T 2260代码表中`,
                en: `${en} "${v}" is not in the GB/T 2260 table`,
              },
        );
      }
    };
  } else if (spec.checkType === '06') {
    special = usccCheck(name, spec, rules);
  } else if (spec.checkType === '07') {
    special = residentIdCheck(name, spec, rules);
  }

  const kind = spec.kind;
  const typeRuleId =
    kind === 'number'
      ? 'not_number'
      : kind === 'boolean'
        ? 'not_boolean'
        : kind === 'list'
          ? 'not_list'
          : kind === 'date'
            ? 'date_format'
            : kind === 'datetime'
              ? 'datetime_format'
              : 'not_text';
  const typeRule = rules.get(typeRuleId);
  const future =
    (kind === 'date' || kind === 'datetime') && !spec.allowFuture ? rules.get('future_date') : undefined;

  const missing = (value: unknown, sink: Sink): void => {
    if (required) {
      emit(
        sink,
        required,
        'required',
        name,
        value,
        { zh: `${zh}为必填项，不能为空`, en: `${en} is required` },
        fieldType,
      );
    } else if (value === null && typeRule) {
      // An optional field may be absent, but `null` is not a value of its type (the record schemas refuse it).
      emit(sink, typeRule, typeRuleId, name, value, {
        zh: `${zh}不能为 null（无值时请省略该字段）`,
        en: `${en} must not be null (omit the field when it has no value)`,
      });
    }
  };
  const tooLong = (value: string, sink: Sink, path: string): void => {
    if (maxLength && value.length > max) {
      emit(
        sink,
        maxLength,
        'max_length',
        path,
        value,
        {
          zh: `${zh}值超长（最多${max}个字符，实际${value.length}）`,
          en: `${en} is too long (max ${max}, got ${value.length})`,
        },
        fieldType,
      );
    }
  };
  const notInTable = (value: string, sink: Sink, path: string): void => {
    if (codeRule && codes && !codes.has(value)) {
      emit(sink, codeRule, 'code_table', path, value, {
        zh: `${zh}的值“${describe(value)}”不在值域范围内（代码表 ${spec.codeTable}）`,
        en: `${en} "${describe(value)}" is not in code table ${spec.codeTable}`,
      });
    }
  };

  const info = {
    kind,
    special: special !== undefined,
    max,
    codes: codeRule ? codes : undefined,
    future: future !== undefined,
  };
  const wrap = (check: FieldCheck): FieldFn => ({ ...info, check });
  switch (kind) {
    case 'string':
      return wrap((rec, sink) => {
        const v = rec[name];
        if (isBlank(v)) return missing(v, sink);
        if (typeof v !== 'string') {
          if (typeRule) {
            emit(sink, typeRule, 'not_text', name, v, {
              zh: `${zh}应为文本（实际为${describe(v)}）`,
              en: `${en} must be a string (got ${describe(v)})`,
            });
          }
          return;
        }
        tooLong(v, sink, name);
        notInTable(v, sink, name);
        if (special) special(v, sink);
      });
    case 'date':
    case 'datetime': {
      const todayKey = dateKey(today);
      const isDate = kind === 'date';
      return wrap((rec, sink) => {
        const v = rec[name];
        if (isBlank(v)) return missing(v, sink);
        const key = isDate
          ? typeof v === 'string' && v.length === 10
            ? dateKey(v)
            : -1
          : isDateTime(v)
            ? dateKey(v)
            : -1;
        if (key < 0) {
          if (typeRule) {
            emit(sink, typeRule, isDate ? 'date_format' : 'datetime_format', name, v, {
              zh: isDate
                ? `${zh}日期格式有误（应为YYYY-MM-DD的真实日期，实际“${describe(v)}”）`
                : `${zh}时间格式有误（应为YYYY-MM-DD或ISO 8601时间，实际“${describe(v)}”）`,
              en: isDate
                ? `${en} must be a real date YYYY-MM-DD (got "${describe(v)}")`
                : `${en} must be an ISO 8601 date-time (got "${describe(v)}")`,
            });
          }
          return;
        }
        if (future && key > todayKey) {
          const date = (v as string).slice(0, 10);
          emit(sink, future, 'future_date', name, v, {
            zh: `${zh}（${date}）不能晚于当前日期${today}`,
            en: `${en} (${date}) must not be after today (${today})`,
          });
        }
      });
    }
    case 'number':
      return wrap((rec, sink) => {
        const v = rec[name];
        if (isBlank(v)) return missing(v, sink);
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          if (typeRule) {
            emit(sink, typeRule, 'not_number', name, v, {
              zh: `${zh}不是数值类型（实际“${describe(v)}”）`,
              en: `${en} is not a number (got "${describe(v)}")`,
            });
          }
        }
      });
    case 'boolean':
      return wrap((rec, sink) => {
        const v = rec[name];
        if (v === undefined || v === null || v === '') return missing(v, sink);
        if (typeof v !== 'boolean') {
          if (typeRule) {
            emit(sink, typeRule, 'not_boolean', name, v, {
              zh: `${zh}须为是/否（实际“${describe(v)}”）`,
              en: `${en} must be a boolean (是/否) (got "${describe(v)}")`,
            });
          }
        }
      });
    case 'list':
      return wrap((rec, sink) => {
        const v = rec[name];
        if (isBlank(v)) return missing(v, sink);
        if (!Array.isArray(v)) {
          if (typeRule) {
            emit(sink, typeRule, 'not_list', name, v, {
              zh: `${zh}应为列表（数组）`,
              en: `${en} must be an array`,
            });
          }
          return;
        }
        for (let i = 0; i < v.length; i++) {
          const item: unknown = v[i];
          // The item path (`name[i]`) is built only when an issue is reported: no string per item.
          if (typeof item !== 'string' || isBlank(item)) {
            if (typeRule) {
              emit(sink, typeRule, 'not_list', `${name}[${i}]`, item, {
                zh: `${zh}第${i + 1}项应为非空文本`,
                en: `${en} item ${i + 1} must be a non-empty string`,
              });
            }
            continue;
          }
          if (maxLength && item.length > max) tooLong(item, sink, `${name}[${i}]`);
          if (codeRule && codes && !codes.has(item)) notInTable(item, sink, `${name}[${i}]`);
        }
      });
  }
}

function usccCheck(
  name: string,
  spec: FieldSpec,
  rules: ResolvedRules,
): ((v: string, sink: Sink) => void) | undefined {
  const invalid = rules.get('uscc_invalid');
  const warning = rules.get('uscc_warning');
  if (!invalid && !warning) return undefined;
  return (v, sink) => {
    const verdict = checkUscc(v);
    reportVerdict(verdict, sink, name, v, spec, invalid, warning, 'uscc_invalid', 'uscc_warning', {
      zh: '统一社会信用代码',
      en: 'USCC (GB 32100-2015)',
    });
  };
}

function residentIdCheck(
  name: string,
  spec: FieldSpec,
  rules: ResolvedRules,
): ((v: string, sink: Sink) => void) | undefined {
  const invalid = rules.get('resident_id_invalid');
  const warning = rules.get('resident_id_warning');
  if (!invalid && !warning) return undefined;
  const today = rules.today;
  return (v, sink) => {
    const verdict = checkResidentId(v, today);
    reportVerdict(
      verdict,
      sink,
      name,
      v,
      spec,
      invalid,
      warning,
      'resident_id_invalid',
      'resident_id_warning',
      {
        zh: '身份证号码',
        en: 'resident ID number (GB 11643-1999)',
      },
    );
  };
}

/** Reports an identifier verdict as issues. */
export function reportVerdict(
  verdict: ReturnType<typeof checkUscc>,
  sink: Sink,
  field: string,
  value: string,
  spec: { readonly zh: string; readonly en: string },
  invalid: ActiveRule | undefined,
  warning: ActiveRule | undefined,
  invalidCode: string,
  warningCode: string,
  what: LocalizedMessage,
): void {
  if (!verdict.valid) {
    if (invalid) {
      const why = verdict.errors[0] ?? { zh: '校验不通过', en: 'invalid' };
      emit(sink, invalid, invalidCode, field, value, {
        zh: `${spec.zh}“${describe(value)}”不是有效的${what.zh}：${why.zh}`,
        en: `${spec.en} "${describe(value)}" is not a valid ${what.en}: ${why.en}`,
      });
    }
    return;
  }
  if (warning) {
    for (const w of verdict.warnings) {
      emit(sink, warning, warningCode, field, value, {
        zh: `${spec.zh}“${describe(value)}”：${w.zh}`,
        en: `${spec.en} "${describe(value)}": ${w.en}`,
      });
    }
  }
}

/** Record-level (cross-field) checks of each record type. */
function crossChecks(type: RecordType, rules: ResolvedRules): FieldCheck[] {
  const specs = fieldDictionary[type] as Readonly<Record<string, FieldSpec>>;
  const params = rules.ruleSet.params;
  const checks: FieldCheck[] = [];
  const isBehaviour =
    type === 'inspection' || type === 'penalty' || type === 'compulsion' || type === 'other';

  // Date order pairs (data-driven).
  const order = rules.get('date_order');
  if (order) {
    for (const pair of params.dateOrder) {
      if (pair.recordType !== type) continue;
      const earlierFields =
        pair.earlier === '$actDate' && isBehaviour ? actDateFields[type as BehaviourKind] : [pair.earlier];
      const later = pair.later;
      const laterSpec = specs[later];
      if (!laterSpec) continue;
      for (const earlier of earlierFields) {
        const earlierSpec = specs[earlier];
        if (!earlierSpec) continue;
        const allowEqual = pair.allowEqual;
        checks.push((rec, sink) => {
          const ka = dateKey(rec[earlier]);
          const kb = dateKey(rec[later]);
          if (ka < 0 || kb < 0) return;
          if (kb < ka || (!allowEqual && kb === ka)) {
            const a = (rec[earlier] as string).slice(0, 10);
            const b = (rec[later] as string).slice(0, 10);
            emit(sink, order, 'date_order', later, rec[later], {
              zh: `${laterSpec.zh}（${b}）不能早于${earlierSpec.zh}（${a}）`,
              en: `${laterSpec.en} (${b}) must not be before ${earlierSpec.en} (${a})`,
            });
          }
        });
        if (pair.earlier === '$actDate') break; // only the primary act-date field
      }
    }
  }

  if (isBehaviour || type === 'envelope') checks.push(...envelopeChecks(rules));
  if (isBehaviour) checks.push(...counterpartChecks(rules));

  if (type === 'inspection') {
    const minRule = rules.get('min_inspectors');
    const certRule = rules.get('inspector_cert_numbers');
    const min = params.minInspectors;
    checks.push((rec, sink) => {
      const persons = rec.checkPersonnel;
      if (!Array.isArray(persons) || persons.length === 0) return; // reported by required / not_list
      if (minRule && persons.length < min) {
        emit(sink, minRule, 'min_inspectors', 'checkPersonnel', persons, {
          zh: `检查人员原则上不少于${min}人（实际${persons.length}人）`,
          en: `at least ${min} inspectors are required (got ${persons.length})`,
        });
      }
      if (!certRule) return;
      const certs = rec.checkPersonnelCertNos;
      const certList = Array.isArray(certs) ? certs : [];
      if (!Array.isArray(certs) && certs !== undefined && certs !== null && certs !== '') return; // not_list
      let withCert = 0;
      for (let i = 0; i < certList.length; i++) {
        if (typeof certList[i] === 'string' && !isBlank(certList[i])) withCert++;
      }
      if (withCert < persons.length) {
        emit(sink, certRule, 'inspector_cert_numbers', 'checkPersonnelCertNos', certs, {
          zh: `${persons.length}名检查人员只有${withCert}个执法证号，每名检查人员须有执法证号`,
          en: `${persons.length} inspectors but ${withCert} enforcement certificate numbers`,
        });
      }
    });
  }

  if (type === 'penalty') {
    const fineRule = rules.get('fine_amount_required');
    const paidRule = rules.get('fine_paid_exceeds');
    const negRule = rules.get('negative_amount');
    const relRule = rules.get('related_check_required');
    const fineCode = params.fineCode;
    checks.push((rec, sink) => {
      const types = rec.punishTypes;
      const fine = rec.fineAmount;
      const hasFine = Array.isArray(types) && types.includes(fineCode);
      if (fineRule && hasFine && !(typeof fine === 'number' && fine > 0)) {
        emit(sink, fineRule, 'fine_amount_required', 'fineAmount', fine, {
          zh: '处罚种类含罚款（02）时，罚款金额须大于0',
          en: 'penalty kinds include a fine (02): fine amount must be > 0',
        });
      }
      if (negRule) {
        for (const f of ['fineAmount', 'finePaid', 'confiscatedAmount'] as const) {
          const v = rec[f];
          if (typeof v === 'number' && v < 0) {
            emit(sink, negRule, 'negative_amount', f, v, {
              zh: `${specs[f]?.zh ?? f}不能为负数`,
              en: `${specs[f]?.en ?? f} must not be negative`,
            });
          }
        }
      }
      const paid = rec.finePaid;
      if (paidRule && typeof paid === 'number' && typeof fine === 'number' && paid > fine) {
        emit(sink, paidRule, 'fine_paid_exceeds', 'finePaid', paid, {
          zh: `结案实缴罚款金额（${paid}）超过罚款金额（${fine}）`,
          en: `fine paid (${paid}) exceeds the fine amount (${fine})`,
        });
      }
      if (relRule && rec.caseSource === '01' && isBlank(rec.relatedCheckActionCode)) {
        emit(sink, relRule, 'related_check_required', 'relatedCheckActionCode', rec.relatedCheckActionCode, {
          zh: '案件来源为“行政检查中发现”（01）时须填写检查行为编号',
          en: 'case source 01 (found in an inspection) requires the related inspection number',
        });
      }
    });
  }

  if (type === 'compulsion') {
    const measure = rules.get('measure_type_required');
    const execution = rules.get('execution_type_required');
    checks.push((rec, sink) => {
      if (measure && rec.forceType === '01' && isBlank(rec.coerciveMeasureType)) {
        emit(sink, measure, 'measure_type_required', 'coerciveMeasureType', rec.coerciveMeasureType, {
          zh: '行政强制种类为强制措施（01）时须填写强制措施类型',
          en: 'forceType 01 (coercive measure) requires coerciveMeasureType',
        });
      }
      if (execution && rec.forceType === '02' && isBlank(rec.forceExecutionType)) {
        emit(sink, execution, 'execution_type_required', 'forceExecutionType', rec.forceExecutionType, {
          zh: '行政强制种类为强制执行（02）时须填写强制执行类型',
          en: 'forceType 02 (enforcement) requires forceExecutionType',
        });
      }
    });
  }

  if (type === 'spotCheckPlan') {
    const ratio = rules.get('sampling_ratio_range');
    const yearRule = rules.get('plan_year_range');
    const { min, max } = params.samplingRatio;
    const thisYear = year(rules.today);
    const lo = thisYear - params.planYearsBack;
    const hi = thisYear + params.planYearsAhead;
    checks.push((rec, sink) => {
      const v = rec.samplingRatio;
      if (ratio && typeof v === 'number' && (v < min || v > max)) {
        emit(sink, ratio, 'sampling_ratio_range', 'samplingRatio', v, {
          zh: `抽查比例（${v}）须在${min}到${max}之间`,
          en: `sampling ratio (${v}) must be within [${min}, ${max}]`,
        });
      }
      const y = rec.year;
      if (yearRule && typeof y === 'string' && !isBlank(y)) {
        const n = isDigits(y, 4) ? Number(y) : Number.NaN;
        if (!(n >= lo && n <= hi)) {
          emit(sink, yearRule, 'plan_year_range', 'year', y, {
            zh: `年度“${describe(y)}”应在${lo}至${hi}之间`,
            en: `plan year "${describe(y)}" should be within ${lo}–${hi}`,
          });
        }
      }
    });
  }
  return checks;
}

const actDateFields: Record<BehaviourKind, readonly string[]> = {
  inspection: ['checkDate'],
  penalty: ['setDate'],
  compulsion: ['measureStartDate', 'mandatoryDecisionServiceDate'],
  other: ['startDate'],
};

function envelopeChecks(rules: ResolvedRules): FieldCheck[] {
  const op = rules.get('operation_code');
  const batch = rules.get('batch_no_format');
  return [
    (rec, sink) => {
      const o = rec.operation;
      if (op && typeof o === 'string' && o !== '' && o !== 'I' && o !== 'U' && o !== 'D') {
        emit(sink, op, 'operation_code', 'operation', o, {
          zh: `操作类型“${describe(o)}”须为I（新增）、U（更新）或D（删除）`,
          en: `operation "${describe(o)}" must be I, U or D`,
        });
      }
      const b = rec.batchNo;
      if (batch && typeof b === 'string' && b !== '') {
        const ok =
          isDigits(b, 13) && isValidYmd(Number(b.slice(0, 4)), Number(b.slice(4, 6)), Number(b.slice(6, 8)));
        if (!ok) {
          emit(sink, batch, 'batch_no_format', 'batchNo', b, {
            zh: `批次号“${describe(b)}”须为8位日期加5位序号（如2024031500001）`,
            en: `batch number "${describe(b)}" must be YYYYMMDD + 5-digit sequence (e.g. 2024031500001)`,
          });
        }
      }
    },
  ];
}

function counterpartChecks(rules: ResolvedRules): FieldCheck[] {
  const params = rules.ruleSet.params;
  const usccTypes = new Set(params.usccCertTypes);
  const idTypes = new Set(params.residentIdCertTypes);
  const usccInvalid = rules.get('uscc_invalid');
  const usccWarning = rules.get('uscc_warning');
  const idInvalid = rules.get('resident_id_invalid');
  const idWarning = rules.get('resident_id_warning');
  const nature = rules.get('cert_type_nature');
  const today = rules.today;
  const spec = fieldDictionary.inspection.adminCounterpartCertNo;
  return [
    (rec, sink) => {
      const certType = rec.adminCounterpartCertType;
      const certNo = rec.adminCounterpartCertNo;
      if (typeof certType !== 'string' || typeof certNo !== 'string' || isBlank(certNo)) return;
      if (usccTypes.has(certType)) {
        if (usccInvalid || usccWarning) {
          reportVerdict(
            checkUscc(certNo),
            sink,
            'adminCounterpartCertNo',
            certNo,
            spec,
            usccInvalid,
            usccWarning,
            'uscc_invalid',
            'uscc_warning',
            { zh: '统一社会信用代码', en: 'USCC (GB 32100-2015)' },
          );
        }
      } else if (idTypes.has(certType)) {
        if (idInvalid || idWarning) {
          reportVerdict(
            checkResidentId(certNo, today),
            sink,
            'adminCounterpartCertNo',
            certNo,
            spec,
            idInvalid,
            idWarning,
            'resident_id_invalid',
            'resident_id_warning',
            { zh: '身份证号码', en: 'resident ID number (GB 11643-1999)' },
          );
        }
      }
      if (nature) {
        const n = rec.adminCounterpartNature;
        const mismatch = (n === '02' && !usccTypes.has(certType)) || (n === '01' && usccTypes.has(certType));
        if (mismatch) {
          emit(sink, nature, 'cert_type_nature', 'adminCounterpartCertType', certType, {
            zh: `行政相对人性质为${n === '02' ? '法人（02）' : '公民（01）'}，证件类型“${certType}”不一致`,
            en: `counterpart nature ${n} does not fit certificate type ${certType}`,
          });
        }
      }
    },
  ];
}

/** Compiles the checks of one record type. */
export function compileType(type: RecordType, rules: ResolvedRules): CompiledType {
  const specs = fieldDictionary[type] as Readonly<Record<string, FieldSpec>>;
  const sets: ReadonlySet<string>[] = [];
  const plans: FieldPlan[] = [];
  for (const [name, spec] of Object.entries(specs)) plans.push(fieldCheck(name, spec, rules, sets));
  const cross = crossChecks(type, rules);
  let idField: string | undefined;
  if ('recordId' in specs) idField = 'recordId';
  else {
    for (const [name, spec] of Object.entries(specs)) {
      if (spec.checkType === '09') {
        idField = name;
        break;
      }
    }
  }
  return { type, idField, check: generate(Object.keys(specs), plans, cross, sets, dateKey(rules.today)) };
}

/**
 * Generates one check function per record type: every field gets its own property load and an inline
 * fast-path condition, and only values that are not certainly fine call the full field check (which
 * builds the issues). Field names come from the dictionary and are embedded as JSON string literals.
 * Falls back to a loop over the field checks where code generation is not allowed (CSP).
 */
function generate(
  names: readonly string[],
  plans: readonly FieldPlan[],
  cross: readonly FieldCheck[],
  sets: readonly ReadonlySet<string>[],
  todayKey: number,
): FieldCheck {
  const lines: string[] = ['let v, k;'];
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i]!;
    lines.push(`v = rec[${JSON.stringify(names[i])}];`, `if (!(${plan.fast})) C[${i}](rec, sink);`);
  }
  for (let i = 0; i < cross.length; i++) lines.push(`X[${i}](rec, sink);`);
  const checks = plans.map((p) => p.check);
  try {
    const factory = new Function(
      'C',
      'X',
      'S',
      'DK',
      'DT',
      'T',
      `return function check(rec, sink) {\n${lines.join('\n')}\n};`,
    );
    return factory(checks, cross, sets, dateKey, isDateTime, todayKey) as FieldCheck;
  } catch {
    const all = [...checks, ...cross];
    const n = all.length;
    return (rec, sink) => {
      for (let i = 0; i < n; i++) all[i]!(rec, sink);
    };
  }
}
