import { describeZodError, isRecord, localizeZodIssue, zodIssuePath } from '@jianguan/core';
import { badArgument } from '../errors/boundary.js';
import { KpiError } from '../errors/kpi-error.js';
import type { Period, PeriodId } from '../period/period.js';
import { parsePeriod } from '../period/period.js';
import type { Indicator, IndicatorSet, Target } from './schema.js';
import { indicatorSetSchema } from './schema.js';

/**
 * Validates an indicator set (from JSON, a file or code) and returns it typed. Throws
 * `KpiError('invalid_indicator_set')` with every zod issue in `details.issues`; never mutates the input.
 *
 * @example
 * const set = defineIndicatorSet(JSON.parse(readFileSync('hubei-2024.json', 'utf8')));
 */
export function defineIndicatorSet(input: unknown): IndicatorSet {
  const result = indicatorSetSchema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({
      path: zodIssuePath(issue),
      code: issue.code,
      message: localizeZodIssue(issue),
    }));
    const problem = describeZodError(result.error);
    throw new KpiError(
      'invalid_indicator_set',
      { zh: `考核指标体系无效：${problem.zh}`, en: `invalid indicator set: ${problem.en}` },
      { path: problem.path, details: { issues }, cause: result.error },
    );
  }
  return result.data;
}

/**
 * Changes for {@link deriveIndicatorSet}: a new id/version/name, per-indicator overrides (shallow-merged),
 * indicators to remove and indicators to add.
 *
 * @example
 * const changes: IndicatorSetChanges = { id: 'hubei-shiyan', version: '1.0.0', remove: ['exposure'] };
 */
export interface IndicatorSetChanges {
  readonly id: string;
  readonly version: string;
  readonly name?: { readonly zh: string; readonly en: string };
  readonly override?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly remove?: readonly string[];
  readonly add?: readonly unknown[];
  readonly conventions?: Readonly<Record<string, unknown>>;
}

/**
 * Derives a variant of an indicator set (e.g. a province or city override) and validates it; the result
 * records what it `extends`. Points must still add up, so moving points is an override of two indicators.
 *
 * @example
 * const strict = deriveIndicatorSet(baselineIndicatorSet, {
 *   id: 'baseline-xian', version: '1.0.0',
 *   override: { 'behaviour-report-timeliness': { metric: { type: 'behaviour_report_timeliness', allowedWorkdays: 5 } } },
 * });
 */
export function deriveIndicatorSet(base: IndicatorSet, changes: IndicatorSetChanges): IndicatorSet {
  const invalid = (path: (string | number)[], en: string, zh: string): KpiError =>
    new KpiError('invalid_indicator_set', { zh, en }, { path });
  if (!isRecord(base) || !Array.isArray(base.indicators)) {
    throw invalid(['base'], 'the base must be an indicator set', '基础指标体系无效');
  }
  if (!isRecord(changes)) throw invalid([], 'the changes must be an object', '派生变更必须是对象');
  if (changes.override !== undefined && !isRecord(changes.override)) {
    throw invalid(['override'], 'override must be an object of indicator patches', 'override 必须是对象');
  }
  for (const [id, patch] of Object.entries(changes.override ?? {})) {
    if (!isRecord(patch))
      throw invalid(['override', id], `override.${id} must be an object`, `override.${id} 必须是对象`);
  }
  if (
    changes.remove !== undefined &&
    !(Array.isArray(changes.remove) && changes.remove.every((r) => typeof r === 'string'))
  ) {
    throw invalid(['remove'], 'remove must be an array of indicator ids', 'remove 必须是指标编号数组');
  }
  if (changes.add !== undefined && !Array.isArray(changes.add)) {
    throw invalid(['add'], 'add must be an array of indicators', 'add 必须是指标数组');
  }
  if (changes.conventions !== undefined && !isRecord(changes.conventions)) {
    throw invalid(['conventions'], 'conventions must be an object', 'conventions 必须是对象');
  }
  const known = new Set(base.indicators.map((i) => i.id));
  for (const id of [...Object.keys(changes.override ?? {}), ...(changes.remove ?? [])]) {
    if (!known.has(id)) {
      throw new KpiError(
        'invalid_indicator_set',
        { zh: `基础指标体系中没有指标 ${id}`, en: `base set ${base.id} has no indicator ${id}` },
        { details: { id } },
      );
    }
  }
  const removed = new Set(changes.remove ?? []);
  const indicators: unknown[] = base.indicators
    .filter((i) => !removed.has(i.id))
    .map((i) => ({ ...i, ...(changes.override?.[i.id] ?? {}) }));
  indicators.push(...(changes.add ?? []));
  return defineIndicatorSet({
    ...base,
    id: changes.id,
    version: changes.version,
    name: changes.name ?? base.name,
    extends: { id: base.id, version: base.version },
    conventions: { ...base.conventions, ...(changes.conventions ?? {}) },
    indicators,
  });
}

const TARGET = { en: 'a number or { initial, steps }', zh: '数值或 { initial, steps }' } as const;
const STEP = { en: 'a step { from, value }', zh: '阶梯 { from, value }' } as const;

/**
 * The target in force for a period: a plain number, or the last step whose `from` period starts on or
 * before the period's start (else `initial`).
 *
 * @example
 * resolveTarget({ initial: 0.3, steps: [{ from: '2023-Q2', value: 0.4 }] }, '2023-Q3'); // 0.4
 */
export function resolveTarget(target: Target, period: PeriodId | Period): number {
  if (typeof target === 'number') return target;
  if (!isRecord(target) || typeof target.initial !== 'number' || !Array.isArray(target.steps))
    badArgument(['target'], TARGET, target);
  const start = parsePeriod(period).startDay;
  let value = target.initial;
  let best = Number.NEGATIVE_INFINITY;
  for (const [i, step] of target.steps.entries()) {
    if (!isRecord(step) || typeof step.value !== 'number') badArgument(['target', 'steps', i], STEP, step);
    const from = parsePeriod(step.from).startDay;
    if (from <= start && from >= best) {
      best = from;
      value = step.value;
    }
  }
  return value;
}

/**
 * Finds an indicator of a set by id, or throws `KpiError('invalid_options')`.
 *
 * @example
 * findIndicator(baselineIndicatorSet, 'behaviour-coverage').points; // 15
 */
export function findIndicator(set: IndicatorSet, id: string): Indicator {
  if (!isRecord(set) || !Array.isArray(set.indicators) || typeof set.id !== 'string')
    badArgument(['set'], { en: 'an indicator set', zh: '指标体系' }, set);
  if (typeof id !== 'string') badArgument(['id'], { en: 'a string', zh: '字符串' }, id);
  const found = set.indicators.find((i) => i.id === id);
  if (!found) {
    throw new KpiError(
      'invalid_options',
      { zh: `指标体系 ${set.id} 中没有指标 ${id}`, en: `indicator set ${set.id} has no indicator ${id}` },
      { details: { id } },
    );
  }
  return found;
}
