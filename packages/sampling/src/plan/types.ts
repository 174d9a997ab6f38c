import { type CivilDate, isCivilDate } from '@jianguan/core';
import { z } from 'zod';

const civilDate = z.string().refine(isCivilDate, 'YYYY-MM-DD');

/**
 * A past inspection of an entity, used by exclusion windows and yearly caps (国办发〔2024〕54号).
 *
 * @example
 * const past: PastInspection = { date: '2026-03-02', department: 'SAMR-330102', officerIds: ['o1', 'o2'] };
 */
export interface PastInspection {
  readonly date: CivilDate;
  readonly department: string;
  readonly officerIds?: readonly string[];
  readonly taskId?: string;
}

/**
 * One entry of the entity directory (检查对象名录库). `grade` and `riskLevel` are internal and never published.
 *
 * @example
 * const e: DirectoryEntity = { id: '91330100799655058B', name: '某某公司', grade: 'B', industry: 'food', areaCode: '330102' };
 */
export interface DirectoryEntity {
  /** The canonical id (USCC for market entities). No line breaks. */
  readonly id: string;
  readonly name?: string;
  /** Credit grade (信用等级), internal. */
  readonly grade?: string;
  /** Risk level (风险等级), internal. */
  readonly riskLevel?: string;
  readonly industry?: string;
  readonly areaCode?: string;
  readonly tags?: readonly string[];
  /** `'active'` by default; `'closed' | 'deregistered' | 'revoked'` are excluded by the default rules. */
  readonly status?: string;
  /** Any other attribute used for strata. */
  readonly attributes?: Readonly<Record<string, string>>;
  readonly inspections?: readonly PastInspection[];
}

/** zod schema of {@link DirectoryEntity}. */
export const directoryEntitySchema = z.object({
  id: z
    .string()
    .min(1)
    .refine((s) => !/[\r\n]/.test(s), 'no line breaks'),
  name: z.string().optional(),
  grade: z.string().optional(),
  riskLevel: z.string().optional(),
  industry: z.string().optional(),
  areaCode: z.string().optional(),
  tags: z.array(z.string()).optional(),
  status: z.string().optional(),
  attributes: z.record(z.string(), z.string()).optional(),
  inspections: z
    .array(
      z.object({
        date: civilDate,
        department: z.string(),
        officerIds: z.array(z.string()).optional(),
        taskId: z.string().optional(),
      }),
    )
    .optional(),
});

/**
 * An item of the spot-check item list (随机抽查事项清单).
 *
 * @example
 * const item: SpotCheckItem = { code: 'SC-001', name: '食品经营许可情况检查', department: 'SAMR', legalBasis: '食品安全法', expertise: ['food'] };
 */
export interface SpotCheckItem {
  readonly code: string;
  readonly name: string;
  readonly department: string;
  readonly legalBasis?: string;
  /** Default ratio 0..1 (抽查比例). */
  readonly ratio?: number;
  /** Times per year (抽查频次). */
  readonly frequency?: number;
  /** Expertise an officer must hold for this item (检查人员要求). */
  readonly expertise?: readonly string[];
}

/**
 * Which entities belong to a stratum: every listed attribute must take one of the listed values.
 * Attribute names: `grade`, `riskLevel`, `industry`, `areaCode`, `status`, `tag` (any tag matches), or a
 * key of `attributes`.
 *
 * @example
 * const where: StratumFilter = { grade: ['C', 'D'], industry: ['food'] };
 */
export type StratumFilter = Readonly<Record<string, readonly string[]>>;

/**
 * One stratum (抽查分层) of a task: a filter, and either a ratio with a rounding rule, a fixed count, or
 * key supervision (重点监管: 100 % in random ticket order).
 *
 * @example
 * const s: StratumSpec = { key: 'D', where: { grade: ['D'] }, ratio: 0.3, rounding: 'ceil', min: 1 };
 */
export interface StratumSpec {
  readonly key: string;
  readonly where: StratumFilter;
  readonly ratio?: number;
  readonly count?: number;
  readonly keySupervision?: boolean;
  readonly rounding?: 'ceil' | 'round' | 'floor';
  readonly min?: number;
  readonly max?: number;
  /** Yearly inspection cap for this stratum's entities (overrides the task's). */
  readonly yearlyCap?: number | null;
  /** "无事不扰" (A class): no on-site draw unless the entity carries one of `quietExceptTags`. */
  readonly quiet?: boolean;
}

/**
 * Exclusions applied before the draw (排除规则).
 *
 * @example
 * const x: ExclusionPolicy = { windowDays: 180, yearlyCap: 2, quietExceptTags: ['complaint', 'risk_clue'] };
 */
export interface ExclusionPolicy {
  /** Skip entities inspected (by any department) within this many calendar days before `asOf`. */
  readonly windowDays?: number;
  /** Skip entities already inspected this many times in `asOf`'s calendar year (all departments). */
  readonly yearlyCap?: number | null;
  /** Statuses excluded; default: the rule set's `excludedStatuses`. */
  readonly excludedStatuses?: readonly string[];
  /** Tags that lift the "无事不扰" quiet policy (complaint, risk clue, referral, legal mandate). */
  readonly quietExceptTags?: readonly string[];
  /** Entity ids excluded by name (e.g. under investigation), with a reason. */
  readonly excludedIds?: Readonly<Record<string, string>>;
}

/**
 * A spot-check task (抽查任务): who, which items, the strata and exclusions. Joint tasks name the initiating
 * department and the participants (联合抽查).
 *
 * @example
 * const task: SpotCheckTask = {
 *   id: '2026-SC-001', planId: '2026', department: 'SAMR-330102', items: ['SC-001'],
 *   asOf: '2026-04-01', inspectionStart: '2026-04-10', inspectionEnd: '2026-05-31', onSite: true,
 *   strata: [{ key: 'all', where: {}, ratio: 0.05 }],
 * };
 */
export interface SpotCheckTask {
  readonly id: string;
  readonly planId?: string;
  /** The initiating department (发起部门). */
  readonly department: string;
  /** Other departments of a joint task (配合部门). */
  readonly participants?: readonly string[];
  readonly items: readonly string[];
  /** Date the frame is frozen; exclusion windows count back from it. */
  readonly asOf: CivilDate;
  readonly inspectionStart?: CivilDate;
  readonly inspectionEnd?: CivilDate;
  /** On-site inspection (实地检查); the quiet policy applies only on site. Default true. */
  readonly onSite?: boolean;
  readonly strata: readonly StratumSpec[];
  readonly exclusions?: ExclusionPolicy;
}

const roundingSchema = z.enum(['ceil', 'round', 'floor']);

/** zod schema of {@link SpotCheckTask}. */
export const spotCheckTaskSchema = z.object({
  id: z.string().min(1),
  planId: z.string().optional(),
  department: z.string().min(1),
  participants: z.array(z.string()).optional(),
  items: z.array(z.string()),
  asOf: civilDate,
  inspectionStart: civilDate.optional(),
  inspectionEnd: civilDate.optional(),
  onSite: z.boolean().optional(),
  strata: z
    .array(
      z
        .object({
          key: z.string().min(1),
          where: z.record(z.string(), z.array(z.string())),
          ratio: z.number().min(0).max(1).optional(),
          count: z.number().int().min(0).optional(),
          keySupervision: z.boolean().optional(),
          rounding: roundingSchema.optional(),
          min: z.number().int().min(0).optional(),
          max: z.number().int().min(0).optional(),
          yearlyCap: z.number().int().min(0).nullable().optional(),
          quiet: z.boolean().optional(),
        })
        .refine(
          (s) =>
            [s.ratio !== undefined, s.count !== undefined, s.keySupervision === true].filter(Boolean)
              .length === 1,
          'exactly one of ratio, count, keySupervision',
        )
        .refine((s) => s.min === undefined || s.max === undefined || s.min <= s.max, 'min ≤ max'),
    )
    .min(1)
    .refine((a) => new Set(a.map((s) => s.key)).size === a.length, 'stratum keys must be unique'),
  exclusions: z
    .object({
      windowDays: z.number().int().min(0).optional(),
      yearlyCap: z.number().int().min(0).nullable().optional(),
      excludedStatuses: z.array(z.string()).optional(),
      quietExceptTags: z.array(z.string()).optional(),
      excludedIds: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
});

/**
 * An annual spot-check plan (年度抽查计划): its tasks.
 *
 * @example
 * const plan: AnnualSpotCheckPlan = { id: '2026', department: 'SAMR-330102', year: 2026, tasks: [] };
 */
export interface AnnualSpotCheckPlan {
  readonly id: string;
  readonly department: string;
  readonly year: number;
  readonly tasks: readonly SpotCheckTask[];
}
