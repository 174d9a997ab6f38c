import { civilDateOfDayNumber, dayNumberOf, uscc } from '@jianguan/core';
import { z } from 'zod';
import { actorShape, hasShape, requireCivilDate, requireShape } from './boundary.js';
import { TasksError } from './errors.js';
import type { TaskEventInput } from './events.js';
import { ruleSourceSchema } from './rules.js';

/**
 * Signal grades (预警等级), P0 the most severe. The four-level P0–P3 scale is what provincial risk-warning
 * systems use (issue 14); the meaning of each level is set by the rule set, not by law [inferred].
 *
 * @example
 * const g: RiskGrade = 'P1';
 */
export type RiskGrade = 'P0' | 'P1' | 'P2' | 'P3';

const gradeSchema = z.enum(['P0', 'P1', 'P2', 'P3']);

const riskRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_-]*$/),
    label: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
    /** The observed quantity (e.g. `complaints_30d`, `penalty_amount`). */
    metric: z.string().min(1),
    /** `value`: the latest value; `change`: latest minus the value `windowDays` calendar days earlier. */
    on: z.enum(['value', 'change']),
    windowDays: z.number().int().positive().max(3660).optional(),
    /** For `change`: absolute difference or relative to the earlier value. */
    mode: z.enum(['absolute', 'relative']).default('absolute'),
    /** Grade thresholds: the most severe grade whose `atLeast` the measure reaches fires. */
    grades: z.array(z.object({ grade: gradeSchema, atLeast: z.number().finite() })).min(1),
    /** The department the clue goes to. */
    department: z.string().min(1),
    /** 风险预警领域 code (core's `riskWarningDomain`), if known. */
    domain: z.string().optional(),
    rule: ruleSourceSchema,
  })
  .superRefine((r, ctx) => {
    if (r.on === 'change' && r.windowDays === undefined)
      ctx.addIssue({ code: 'custom', path: ['windowDays'], message: 'a change rule needs windowDays' });
    const seen = new Set<string>();
    r.grades.forEach((g, i) => {
      if (seen.has(g.grade))
        ctx.addIssue({ code: 'custom', path: ['grades', i], message: `grade ${g.grade} twice` });
      seen.add(g.grade);
    });
    const sorted = [...r.grades].sort((a, b) => a.grade.localeCompare(b.grade));
    for (let i = 1; i < sorted.length; i++) {
      if ((sorted[i] as { atLeast: number }).atLeast >= (sorted[i - 1] as { atLeast: number }).atLeast)
        ctx.addIssue({
          code: 'custom',
          path: ['grades'],
          message: 'a more severe grade needs a higher threshold',
        });
    }
  });

/**
 * The zod schema of a risk-warning rule set (风险预警规则集).
 *
 * @example
 * riskRuleSetSchema.parse(myRules);
 */
export const riskRuleSetSchema = z
  .object({ id: z.string().min(1), version: z.string().min(1), rules: z.array(riskRuleSchema).min(1) })
  .superRefine((s, ctx) => {
    const ids = new Set<string>();
    s.rules.forEach((r, i) => {
      if (ids.has(r.id))
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule ${r.id}` });
      ids.add(r.id);
    });
  });

/**
 * A validated risk-warning rule set.
 *
 * @example
 * const set: RiskRuleSet = defineRiskRules({ id: 'county', version: '2026.1', rules: [...] });
 */
export type RiskRuleSet = z.output<typeof riskRuleSetSchema>;

const observationsShape = z.array(
  z.looseObject({ uscc: z.unknown(), metric: z.string(), date: z.string(), value: z.unknown() }),
);
const asOfShape = z.looseObject({ asOf: z.string() });
const signalsShape = z.array(
  z.looseObject({
    id: z.string(),
    ruleId: z.string(),
    ruleSet: z.string(),
    uscc: z.string(),
    grade: z.string(),
    department: z.string(),
    domain: z.string().optional(),
  }),
);
const signalOptionsShape = z.looseObject({
  at: z.string(),
  actor: actorShape,
  existing: hasShape.optional(),
});

/**
 * Validates a rule set.
 *
 * @throws {TasksError} `invalid_risk_rules` with the first issue's path.
 * @example
 * const rules = defineRiskRules({
 *   id: 'county', version: '2026.1',
 *   rules: [{ id: 'complaint-surge', label: { zh: '投诉激增', en: 'complaint surge' }, metric: 'complaints', on: 'change',
 *     windowDays: 30, grades: [{ grade: 'P1', atLeast: 10 }, { grade: 'P2', atLeast: 5 }], department: 'scjg',
 *     rule: { ref: 'county rule', status: 'inferred', checked: '2026-12-02' } }],
 * });
 */
export function defineRiskRules(input: z.input<typeof riskRuleSetSchema>): RiskRuleSet {
  const parsed = riskRuleSetSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new TasksError(
      'invalid_risk_rules',
      {
        zh: `风险预警规则集不合法：${first?.message ?? ''}`,
        en: `invalid risk rule set: ${first?.message ?? ''}`,
      },
      {
        path: (first?.path ?? []) as (string | number)[],
        details: { issues: parsed.error.issues.map((i) => ({ path: i.path, message: i.message })) },
      },
    );
  }
  return parsed.data;
}

/**
 * One observed value of a metric for an entity on a day.
 *
 * @example
 * const o: RiskObservation = { uscc: '91330100799655058B', metric: 'complaints', date: '2025-09-30', value: 12 };
 */
export interface RiskObservation {
  readonly uscc: string;
  readonly metric: string;
  readonly date: string;
  readonly value: number;
}

/**
 * A graded signal (预警信号) with the evidence that fired it.
 *
 * @example
 * const s: RiskSignal = { id: 'complaint-surge:913…:2025-09-30', ruleId: 'complaint-surge', ruleSet: 'county@2026.1', uscc: '913…', grade: 'P1', department: 'scjg',
 *   evidence: { metric: 'complaints', measure: 11, threshold: 10, latest: { date: '2025-09-30', value: 12 }, base: { date: '2025-08-31', value: 1 } } };
 */
export interface RiskSignal {
  readonly id: string;
  readonly ruleId: string;
  readonly ruleSet: string;
  readonly uscc: string;
  readonly grade: RiskGrade;
  readonly department: string;
  readonly domain?: string;
  readonly evidence: {
    readonly metric: string;
    /** The value (or change) compared with the threshold. */
    readonly measure: number;
    readonly threshold: number;
    readonly latest: { readonly date: string; readonly value: number };
    readonly base?: { readonly date: string; readonly value: number };
  };
}

/**
 * Evaluates a rule set as of a day: for each rule and entity, the latest observation on or before `asOf`
 * (and for change rules the latest one on or before `asOf − windowDays`) gives the measure; the most severe
 * grade it reaches fires. Signals are sorted by grade, then rule, then USCC.
 *
 * @example
 * const signals = evaluateRiskRules(rules, observations, { asOf: '2025-09-30' });
 */
export function evaluateRiskRules(
  set: RiskRuleSet,
  observations: readonly RiskObservation[],
  options: { readonly asOf: string },
): RiskSignal[] {
  requireShape(riskRuleSetSchema, set, ['set']);
  requireShape(observationsShape, observations, ['observations']);
  requireShape(asOfShape, options, ['options']);
  requireCivilDate(options.asOf, ['options', 'asOf']);
  const asOf = dayNumberOf(options.asOf);
  const series = new Map<string, { day: number; date: string; value: number }[]>();
  for (let i = 0; i < observations.length; i++) {
    const o = observations[i] as RiskObservation;
    requireCivilDate(o.date, ['observations', i, 'date']);
    let code: string;
    try {
      code = uscc.compact(o.uscc);
    } catch {
      continue;
    }
    const day = dayNumberOf(o.date);
    if (day > asOf || !Number.isFinite(o.value)) continue;
    const k = `${o.metric}\u0000${code}`;
    const list = series.get(k) ?? [];
    list.push({ day, date: o.date, value: o.value });
    series.set(k, list);
  }
  for (const list of series.values()) list.sort((a, b) => a.day - b.day);
  const latestOnOrBefore = (list: readonly { day: number; date: string; value: number }[], day: number) => {
    let hit: { day: number; date: string; value: number } | undefined;
    for (const p of list) {
      if (p.day <= day) hit = p;
      else break;
    }
    return hit;
  };
  const out: RiskSignal[] = [];
  for (const rule of set.rules) {
    const grades = [...rule.grades].sort((a, b) => a.grade.localeCompare(b.grade));
    for (const [k, list] of series) {
      const [metric, code] = k.split('\u0000') as [string, string];
      if (metric !== rule.metric) continue;
      const latest = list[list.length - 1];
      if (latest === undefined) continue;
      let measure = latest.value;
      let base: { date: string; value: number } | undefined;
      if (rule.on === 'change') {
        const b = latestOnOrBefore(list, asOf - (rule.windowDays ?? 0));
        if (b === undefined) continue;
        base = { date: b.date, value: b.value };
        if (rule.mode === 'relative') {
          if (b.value === 0) continue;
          measure = (latest.value - b.value) / Math.abs(b.value);
        } else measure = latest.value - b.value;
      }
      const hit = grades.find((g) => measure >= g.atLeast);
      if (hit === undefined) continue;
      out.push({
        id: `${rule.id}:${code}:${civilDateOfDayNumber(asOf)}`,
        ruleId: rule.id,
        ruleSet: `${set.id}@${set.version}`,
        uscc: code,
        grade: hit.grade,
        department: rule.department,
        ...(rule.domain === undefined ? {} : { domain: rule.domain }),
        evidence: {
          metric,
          measure,
          threshold: hit.atLeast,
          latest: { date: latest.date, value: latest.value },
          ...(base === undefined ? {} : { base }),
        },
      });
    }
  }
  return out.sort(
    (a, b) =>
      a.grade.localeCompare(b.grade) || a.ruleId.localeCompare(b.ruleId) || (a.uscc < b.uscc ? -1 : 1),
  );
}

/**
 * Turns signals into `create` events of risk-clue tasks (风险预警线索), one per signal id, skipping ids that
 * already exist; the grade and evidence go into `data`.
 *
 * @example
 * await book.applyAll(signalsToClueTasks(signals, { at: '2025-09-30', actor: { id: 'fxyj' }, existing: new Set(book.tasks().map((t) => t.id)) }));
 */
export function signalsToClueTasks(
  signals: readonly RiskSignal[],
  options: {
    readonly at: string;
    readonly actor: { readonly id: string; readonly department?: string };
    readonly existing?: { has(id: string): boolean };
  },
): TaskEventInput[] {
  requireShape(signalsShape, signals, ['signals']);
  requireShape(signalOptionsShape, options, ['options']);
  const out: TaskEventInput[] = [];
  for (const s of signals) {
    if (options.existing?.has(s.id)) continue;
    out.push({
      taskId: s.id,
      action: 'create',
      at: options.at,
      actor: options.actor,
      task: {
        lifecycle: 'risk_clue',
        department: s.department,
        entity: { uscc: s.uscc },
        title: `${s.grade} ${s.ruleId}`,
        source: { system: s.ruleSet, ref: s.id },
        data: {
          grade: s.grade,
          evidence: s.evidence,
          ...(s.domain === undefined ? {} : { domain: s.domain }),
        },
      },
    });
  }
  return out;
}
