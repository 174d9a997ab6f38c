import { civilDateOf } from '@jianguan/core';
import { z } from 'zod';

/**
 * Working-day deadlines for getting records to the province, as data (rules are data; maintainers override
 * per province). Each rule cites its source.
 *
 * @example
 * DEFAULT_DEADLINE_RULES.rules.behaviours.allowedWorkdays; // 5
 */
export const deadlineRulesSchema = z.object({
  id: z.string(),
  version: z.string(),
  rules: z.record(
    z.string(),
    z.object({
      allowedWorkdays: z.number().int().nonnegative(),
      source: z.string(),
      note: z.string().optional(),
    }),
  ),
});

/**
 * A deadline rule set; see {@link deadlineRulesSchema}.
 *
 * @example
 * const r: DeadlineRules = { id: 'x', version: '1', rules: { behaviours: { allowedWorkdays: 7, source: 'local rule' } } };
 */
export type DeadlineRules = z.infer<typeof deadlineRulesSchema>;

/**
 * Default deadlines. The only published working-day aggregation deadline found is Xi'an 2021's 5 working days
 * (reference kpi-and-interface.md §1.2); the statutory publication deadlines are 7 / 20 working days (§0, §1.2).
 * Everything else is a configurable default.
 *
 * @example
 * DEFAULT_DEADLINE_RULES.version; // '2021-xian'
 */
export const DEFAULT_DEADLINE_RULES: DeadlineRules = deadlineRulesSchema.parse({
  id: 'jianguan-default-upload-deadlines',
  version: '2021-xian',
  rules: {
    behaviours: {
      allowedWorkdays: 5,
      source: "kpi-and-interface.md §1.2 — Xi'an 2021 regulation: aggregate 监管行为 within 5 working days",
    },
    catalogItems: { allowedWorkdays: 5, source: 'design default [I], same as behaviours' },
    inspectionLists: { allowedWorkdays: 5, source: 'design default [I], same as behaviours' },
    entities: { allowedWorkdays: 5, source: 'design default [I], same as behaviours' },
    officers: { allowedWorkdays: 5, source: 'design default [I], same as behaviours' },
    plans: {
      allowedWorkdays: 20,
      source: 'kpi-and-interface.md §1.2 — statutory publication within 20 working days',
    },
    rejectionFix: {
      allowedWorkdays: 5,
      source:
        'seed 002 art. 14 — data the province rejects (质检不通过) is fixed and re-uploaded within 5 working days [seed-stated]',
      note: 'not an upload kind: the clock of a rejected record starts on the day its batch was checked',
    },
    drawResults: {
      allowedWorkdays: 20,
      source: 'kpi-and-interface.md §1.2 — statutory publication within 20 working days',
    },
  },
});

const DATE_FIELDS = [
  'checkDate',
  'decisionDate',
  'punishDecisionDate',
  'setDate',
  'compulsionDate',
  'forceDate',
  'startDate',
  'actDate',
];

/**
 * The civil date of the regulated act in a record: `actDate(record)` (the outbox passes core's act-date rule), else
 * the first date field found (`checkDate`, decision date, …).
 *
 * @example
 * eventDateOf({ kind: 'inspection', checkDate: '2024-03-15' }); // '2024-03-15'
 */
export function eventDateOf(record: unknown, actDate?: (r: unknown) => unknown): string | undefined {
  if (actDate) {
    try {
      const d = civilDateOf(actDate(record));
      if (d !== undefined) return d;
    } catch {
      // fall through
    }
  }
  if (!record || typeof record !== 'object') return undefined;
  const r = record as Record<string, unknown>;
  for (const f of DATE_FIELDS) {
    const d = civilDateOf(r[f]);
    if (d !== undefined) return d;
  }
  return undefined;
}
