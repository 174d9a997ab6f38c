/*
 * Reading the quality check's options: today's date, the rule set with its switches and severities.
 */
import { chinaToday, isCivilDate } from '../calendar/civil-date.js';
import { JianguanError } from '../errors/index.js';
import type { QualityCheckOptions } from './check.js';
import type { ResolvedRules } from './issue-sink.js';
import { defaultQualityRuleSet } from './rule-set.js';
import type { QualityIssue, QualitySeverity } from './types.js';

/** The `invalid_option` error of option `name`. */
export function invalidOption(name: string, value: unknown): JianguanError {
  return new JianguanError(
    'invalid_option',
    { zh: `质检选项 ${name} 无效`, en: `invalid quality-check option ${name}` },
    { path: [name], details: { value } },
  );
}

/** Options from untyped callers: `null` means the defaults; a non-object is an `invalid_option` error. */
export function qualityOptions(options: unknown): QualityCheckOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) throw invalidOption('options', options);
  return options as QualityCheckOptions;
}

/** The civil date taken as today: the option as given, a `Date` read in China, or China today. */
export function resolveToday(today: string | Date | undefined): string {
  if (today === undefined) return chinaToday(new Date());
  if (today instanceof Date) {
    if (Number.isNaN(today.getTime())) throw invalidOption('today', today);
    return chinaToday(today);
  }
  if (!isCivilDate(today)) throw invalidOption('today', today);
  return today;
}

/** The rules of a check: each rule's check type and severity, or `undefined` when it is off. */
export function resolveRules(options: QualityCheckOptions): ResolvedRules {
  const ruleSet = options.ruleSet ?? defaultQualityRuleSet;
  const disabled = new Set(options.disable ?? []);
  const severity = options.severity ?? {};
  const cache = new Map<
    string,
    { checkType: QualityIssue['checkType']; severity: QualitySeverity } | undefined
  >();
  for (const [code, spec] of Object.entries(ruleSet.rules)) {
    if (!spec.enabled || disabled.has(code)) cache.set(code, undefined);
    else cache.set(code, { checkType: spec.checkType, severity: severity[code] ?? spec.severity });
  }
  return {
    ruleSet,
    today: resolveToday(options.today),
    codeTables: options.codeTables,
    get: (rule) => cache.get(rule),
  };
}
