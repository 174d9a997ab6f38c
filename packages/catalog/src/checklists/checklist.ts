import { describeValue, isCode, isRecord, type LocalizedMessage } from '@jianguan/core';
import { z } from 'zod';
import { badInput, requireShape } from '../boundary.js';
import { isItemCode } from '../catalog/item-code.js';
import { CatalogError, fromZodIssues } from '../errors.js';
import { citationKeys } from '../legal-basis/citation.js';
import { provenanceShape } from '../rule-data.js';

const checkResultCode = z
  .string()
  .refine((c) => isCode('checkResult', c), { message: 'expected a 检查结果 code 01–06' });

/**
 * The zod schema of a standard inspection checklist (标准化检查表单, seed 004): the catalog item it serves, and
 * its lines — what is checked (检查内容), how (检查方法), on what legal basis, what counts as a finding (不符合
 * 情形), whether it is a key line (重点项), and the 检查结果 code a finding leads to (default `02` 责令改正).
 * Versioned, with source, status and the date checked.
 *
 * @example
 * checklistSchema.parse(checklist);
 */
export const checklistSchema = z.object({
  id: z.string().min(1),
  version: z.string().min(1),
  name: z.string().min(1),
  itemCode: z.string().refine(isItemCode, { message: 'expected a 14-digit catalog item code' }),
  checkListCode: z.string().optional(),
  ...provenanceShape,
  items: z
    .array(
      z.object({
        id: z.string().min(1),
        content: z.string().min(1),
        method: z.string().min(1),
        legalBasis: z.string().min(1),
        finding: z.string().min(1),
        key: z.boolean().optional(),
        onFinding: checkResultCode.optional(),
      }),
    )
    .min(1),
});

/**
 * A checklist; see {@link checklistSchema}.
 *
 * @example
 * const c: Checklist = defineChecklist(input);
 */
export type Checklist = z.infer<typeof checklistSchema>;

/**
 * Validates a checklist: schema, unique line ids, and a recognisable legal basis on every line.
 *
 * @throws {CatalogError} `invalid_checklist` with the path of the first problem.
 * @example
 * const checklist = defineChecklist({ id: 'food-retail', version: '2025.1', … });
 */
export function defineChecklist(input: unknown): Checklist {
  const parsed = checklistSchema.safeParse(input);
  if (!parsed.success)
    throw fromZodIssues('invalid_checklist', { zh: '检查表', en: 'checklist' }, parsed.error.issues);
  const ids = new Set<string>();
  parsed.data.items.forEach((item, i) => {
    if (ids.has(item.id)) {
      throw new CatalogError(
        'invalid_checklist',
        { zh: `检查项重复：${item.id}`, en: `duplicate checklist line: ${item.id}` },
        {
          path: ['items', i, 'id'],
        },
      );
    }
    ids.add(item.id);
    if (citationKeys(item.legalBasis).length === 0) {
      throw new CatalogError(
        'invalid_checklist',
        {
          zh: `检查项 ${item.id} 的依据无法识别：${item.legalBasis}`,
          en: `line ${item.id}: legal basis not recognised`,
        },
        { path: ['items', i, 'legalBasis'] },
      );
    }
  });
  return parsed.data;
}

/**
 * A line-level result (逐项检查结果): `pass` 符合, `fail` 不符合 (a finding), `na` 不适用.
 *
 * @example
 * const r: ChecklistLineResult = { id: 'L1', result: 'fail', note: '未公示许可证' };
 */
export interface ChecklistLineResult {
  readonly id: string;
  readonly result: 'pass' | 'fail' | 'na';
  readonly note?: string;
}

/**
 * The 检查结果 code precedence when failed lines lead to different codes: penalty, compulsion, order to correct,
 * other act, guidance. An SDK convention (inferred), overridable per call.
 *
 * @example
 * CONCLUSION_PRECEDENCE[0]; // '04'
 */
export const CONCLUSION_PRECEDENCE = ['04', '05', '02', '06', '03'] as const;

/**
 * One problem with an inspection's line-level results (逐项结果问题).
 *
 * @example
 * const p: ChecklistResultIssue = { rule: 'line_missing', lineId: 'L2', message: { zh: '…', en: '…' } };
 */
export interface ChecklistResultIssue {
  readonly rule:
    | 'line_unknown'
    | 'line_missing'
    | 'line_duplicate'
    | 'result_invalid'
    | 'conclusion_mismatch';
  readonly lineId?: string;
  readonly message: LocalizedMessage;
}

/**
 * The outcome of {@link evaluateChecklistResults}: the conclusion code the results imply, the findings, and
 * problems (unknown, missing or duplicated lines; a 检查结果 that contradicts the lines).
 *
 * @example
 * const { conclusion, findings, issues } = evaluateChecklistResults(checklist, results, { checkResult: '01' });
 */
export interface ChecklistEvaluation {
  /** `01` when no line failed, else the failed lines' `onFinding` code by precedence. */
  readonly conclusion: string;
  readonly findings: readonly {
    readonly id: string;
    readonly finding: string;
    readonly key: boolean;
    readonly note?: string;
  }[];
  readonly issues: readonly ChecklistResultIssue[];
  readonly valid: boolean;
}

/**
 * Validates an inspection's line-level results against its checklist and aggregates them to the inspection's
 * conclusion (检查结果): every line answered once, no unknown lines; no failed line → `01` (未发现问题), else the
 * failed lines' code (key lines first, then {@link CONCLUSION_PRECEDENCE}). When the inspection record's
 * `checkResult` is given, `01` with findings or a finding-code without findings is a `conclusion_mismatch`.
 *
 * @example
 * const e = evaluateChecklistResults(checklist, [{ id: 'L1', result: 'pass' }, { id: 'L2', result: 'fail' }]);
 * e.conclusion; // '02'
 */
export function evaluateChecklistResults(
  checklist: Checklist,
  results: readonly ChecklistLineResult[],
  inspection: { readonly checkResult?: unknown } = {},
  precedence: readonly string[] = CONCLUSION_PRECEDENCE,
): ChecklistEvaluation {
  requireShape(checklistSchema, checklist, ['checklist'], 'invalid_checklist');
  if (!isRecord(inspection))
    badInput('invalid_input', ['inspection'], { en: 'an object', zh: '对象' }, inspection);
  if (!Array.isArray(precedence) || !precedence.every((c) => typeof c === 'string'))
    badInput('invalid_input', ['precedence'], { en: 'an array of codes', zh: '代码数组' }, precedence);
  const lines = new Map(checklist.items.map((l) => [l.id, l] as const));
  const seen = new Set<string>();
  const issues: ChecklistResultIssue[] = [];
  const findings: ChecklistEvaluation['findings'][number][] = [];
  for (const r of Array.isArray(results) ? results : []) {
    const id = typeof r?.id === 'string' ? r.id : describeValue(r?.id);
    const line = lines.get(id);
    if (!line) {
      issues.push({
        rule: 'line_unknown',
        lineId: id,
        message: { zh: `检查表中没有检查项 ${id}`, en: `no line ${id} in the checklist` },
      });
      continue;
    }
    if (seen.has(id)) {
      issues.push({
        rule: 'line_duplicate',
        lineId: id,
        message: { zh: `检查项 ${id} 重复填写`, en: `line ${id} answered twice` },
      });
      continue;
    }
    seen.add(id);
    if (r.result !== 'pass' && r.result !== 'fail' && r.result !== 'na') {
      issues.push({
        rule: 'result_invalid',
        lineId: id,
        message: {
          zh: `检查项 ${id} 的结果须为符合/不符合/不适用`,
          en: `line ${id}: result must be pass, fail or na`,
        },
      });
      continue;
    }
    if (r.result === 'fail') {
      findings.push({
        id,
        finding: line.finding,
        key: line.key === true,
        ...(r.note === undefined ? {} : { note: r.note }),
      });
    }
  }
  for (const line of checklist.items) {
    if (!seen.has(line.id) && !issues.some((i) => i.lineId === line.id)) {
      issues.push({
        rule: 'line_missing',
        lineId: line.id,
        message: { zh: `检查项 ${line.id} 未填写结果`, en: `line ${line.id} has no result` },
      });
    }
  }
  const codes = findings.map((f) => lines.get(f.id)!.onFinding ?? '02');
  const keyCodes = findings.filter((f) => f.key).map((f) => lines.get(f.id)!.onFinding ?? '02');
  const pick = (cs: string[]) => [...precedence].find((c) => cs.includes(c)) ?? cs[0];
  const conclusion = findings.length === 0 ? '01' : (pick(keyCodes) ?? pick(codes) ?? '02');
  const given = inspection.checkResult;
  if (
    typeof given === 'string' &&
    ((findings.length > 0 && given === '01') || (findings.length === 0 && given !== '01'))
  ) {
    issues.push({
      rule: 'conclusion_mismatch',
      message: {
        zh: `检查结果 ${given} 与逐项结果不符（逐项结果推出 ${conclusion}）`,
        en: `inspection result ${given} contradicts the line results (they imply ${conclusion})`,
      },
    });
  }
  return { conclusion, findings, issues, valid: issues.length === 0 };
}
