import type { CreditRecord, PenaltyRecord } from '@jianguan/core';
import { isRecord, localizeZodIssue, zodIssuePath } from '@jianguan/core';
import { badInput } from '../boundary.js';
import { CreditInputError } from '../engine/credit-input-error.js';
import type { AbnormalListReason, PenaltyKind } from './codes.js';
import { penaltyKindSchema } from './codes.js';
import type { CreditFact, PenaltyFact } from './credit-fact.js';
import { creditFactSchema } from './credit-fact.js';

function fail(code: string, zh: string, en: string, path: (string | number)[], value: unknown): never {
  throw new CreditInputError(code, { zh, en }, { path, details: { value } });
}

/** The fields of a core record (or options) this module reads: `string` ones, optional unless listed. */
function checkStrings(
  value: unknown,
  path: readonly string[],
  optional: readonly string[],
  required: readonly string[] = [],
): asserts value is Record<string, unknown> {
  if (!isRecord(value)) badInput(path, { en: 'an object', zh: '对象' }, value);
  for (const key of required)
    if (typeof value[key] !== 'string')
      badInput([...path, key], { en: 'a string', zh: '字符串' }, value[key]);
  for (const key of optional)
    if (value[key] !== undefined && typeof value[key] !== 'string')
      badInput([...path, key], { en: 'a string', zh: '字符串' }, value[key]);
}

function checked<T extends CreditFact>(fact: T, path: (string | number)[]): T {
  const r = creditFactSchema.safeParse(fact);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const at = [...path, ...zodIssuePath(issue)];
    const text = localizeZodIssue(issue);
    fail(
      'invalid_credit_facts',
      `信用信息无效（${at.join('.')}）：${text.zh}`,
      `invalid credit fact at ${at.join('.')}: ${text.en}`,
      at,
      undefined,
    );
  }
  return fact;
}

/**
 * Turns a core 行政处罚 behaviour record (`PenaltyRecord`, national field names) into a {@link PenaltyFact}.
 * Returns `undefined` for 不予行政处罚 (`noPenalty`), which is not a penalty. Procedure `01` → simple,
 * counterpart nature `01` (公民) → natural person.
 *
 * @example
 * const fact = penaltyFactFromRecord(record, { publishedAt: '2026-03-20' });
 */
export function penaltyFactFromRecord(
  record: PenaltyRecord,
  options: { readonly publishedAt?: string; readonly recordedAt?: string } = {},
): PenaltyFact | undefined {
  checkStrings(record, [], ['punishProcedure', 'adminCounterpartNature']);
  checkStrings(options, ['options'], ['publishedAt', 'recordedAt']);
  if (record.noPenalty) return undefined;
  if (!Array.isArray(record.punishTypes))
    badInput(['punishTypes'], { en: 'an array of penalty kinds', zh: '处罚种类数组' }, record.punishTypes);
  const kinds: PenaltyKind[] = record.punishTypes.map((k, i) => {
    const r = penaltyKindSchema.safeParse(k);
    if (!r.success)
      fail(
        'invalid_penalty_kind',
        `未知的处罚种类：${k}`,
        `unknown penalty kind ${k}`,
        ['punishTypes', i],
        k,
      );
    return r.data;
  });
  const fact: PenaltyFact = {
    kind: 'penalty',
    id: record.recordId,
    decisionDate: record.setDate,
    penaltyKinds: kinds,
    ...(record.fineAmount !== undefined ? { fineAmount: record.fineAmount } : {}),
    ...(record.punishProcedure === '01'
      ? { procedure: 'simple' as const }
      : record.punishProcedure === '02'
        ? { procedure: 'general' as const }
        : {}),
    counterpart: record.adminCounterpartNature === '01' ? 'natural_person' : 'organisation',
    ...(options.publishedAt !== undefined ? { publishedAt: options.publishedAt } : {}),
    ...(options.recordedAt !== undefined ? { recordedAt: options.recordedAt } : {}),
  };
  return checked(fact, []);
}

const ABNORMAL_KINDS = new Set(['operatingabnormal', 'abnormal', '经营异常', '经营异常名录', '1']);
const SERIOUS_KINDS = new Set([
  'seriousillegal',
  'serious',
  '严重违法',
  '严重违法失信',
  '严重违法失信名单',
  '2',
]);
const ASSESS_KINDS = new Set(['creditassess', 'assessment', '信用评价']);

/** Listing-reason text → 条例 第17条 reason code. */
function abnormalReason(text: string | undefined): AbnormalListReason | undefined {
  if (text === undefined) return undefined;
  if (/^[1-4]$/.test(text.trim())) return text.trim() as AbnormalListReason;
  if (/年度报告|年报/.test(text)) return '1';
  if (/隐瞒|弄虚作假/.test(text)) return '3';
  if (/无法联系/.test(text)) return '4';
  if (/责令.*期限|即时信息|公示有关企业信息/.test(text)) return '2';
  return undefined;
}

/**
 * Turns a core 信用记录 (`CreditRecord`, national `basisData`: creditAssess / operatingAbnormal /
 * seriousIllegal) into a credit fact: an abnormal-list entry (the listing reason text is mapped to 条例
 * 第17条 reasons 1–4), a serious-list entry, or an external grade from `gradeSource`.
 *
 * @example
 * const fact = creditFactFromRecord(record); // { kind: 'abnormal_list', id, reason: '1', listedAt, removedAt? }
 */
export function creditFactFromRecord(
  record: CreditRecord,
  options: { readonly gradeSource?: string } = {},
): CreditFact {
  checkStrings(record, [], ['listedDate', 'removedDate', 'listedReason'], ['recordKind']);
  checkStrings(options, ['options'], ['gradeSource']);
  const kind = record.recordKind.trim().toLowerCase();
  const listedAt = record.listedDate;
  if (listedAt === undefined)
    fail(
      'missing_date',
      '缺少列入（评价）日期',
      'missing listing (assessment) date',
      ['listedDate'],
      undefined,
    );
  const removed = record.removedDate !== undefined ? { removedAt: record.removedDate } : {};
  if (ABNORMAL_KINDS.has(kind)) {
    const reason = abnormalReason(record.listedReason);
    if (reason === undefined)
      fail(
        'unknown_reason',
        `无法识别的列入原因：${record.listedReason ?? ''}`,
        `unrecognised listing reason: ${record.listedReason ?? ''}`,
        ['listedReason'],
        record.listedReason,
      );
    return checked({ kind: 'abnormal_list', id: record.creditRecordId, reason, listedAt, ...removed }, []);
  }
  if (SERIOUS_KINDS.has(kind)) {
    return checked(
      {
        kind: 'serious_list',
        id: record.creditRecordId,
        listedAt,
        ...(record.listedReason !== undefined ? { reason: record.listedReason } : {}),
        ...removed,
      },
      [],
    );
  }
  if (ASSESS_KINDS.has(kind)) {
    if (record.grade === undefined)
      fail('missing_grade', '信用评价缺少等级', 'credit assessment without a grade', ['grade'], undefined);
    return checked(
      {
        kind: 'external_grade',
        id: record.creditRecordId,
        source: options.gradeSource ?? 'public-credit',
        grade: record.grade,
        issuedAt: listedAt,
      },
      [],
    );
  }
  return fail(
    'unknown_record_kind',
    `未知的信用记录类别：${record.recordKind}`,
    `unknown credit record kind ${record.recordKind}`,
    ['recordKind'],
    record.recordKind,
  );
}
