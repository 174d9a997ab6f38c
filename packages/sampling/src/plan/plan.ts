import { SamplingInputError } from '../errors.js';
import { type AnnualSpotCheckPlan, spotCheckTaskSchema } from './types.js';

/**
 * Checks an annual plan (年度抽查计划): every task valid, task ids unique, each task's `asOf` in the plan
 * year, the plan's department initiating or taking part in every task, and no joint task listing its
 * initiating department among its participants. Returns the plan unchanged; throws {@link SamplingInputError}
 * with the path of the first problem.
 *
 * @example
 * validatePlan({ id: '2026', department: 'SAMR-330102', year: 2026, tasks: [task] });
 */
export function validatePlan(plan: AnnualSpotCheckPlan): AnnualSpotCheckPlan {
  const fail = (path: (string | number)[], zh: string, en: string): never => {
    throw new SamplingInputError('invalid_plan', { zh, en }, { path });
  };
  if (plan === null || typeof plan !== 'object' || !Array.isArray(plan.tasks)) {
    return fail([], '抽查计划格式无效', 'invalid plan');
  }
  const seen = new Set<string>();
  plan.tasks.forEach((task, i) => {
    const parsed = spotCheckTaskSchema.safeParse(task);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      fail(
        ['tasks', i, ...((issue?.path ?? []) as (string | number)[])],
        `任务无效：${issue?.message}`,
        `invalid task: ${issue?.message}`,
      );
    }
    if (seen.has(task.id))
      fail(['tasks', i, 'id'], `任务编号重复：${task.id}`, `duplicate task id ${task.id}`);
    seen.add(task.id);
    if (!task.asOf.startsWith(`${plan.year}-`)) {
      fail(['tasks', i, 'asOf'], '任务日期不在计划年度内', 'the task date is outside the plan year');
    }
    const participants = task.participants ?? [];
    if (participants.includes(task.department)) {
      fail(
        ['tasks', i, 'participants'],
        '发起部门不应列为配合部门',
        'the initiating department is also a participant',
      );
    }
    if (task.department !== plan.department && !participants.includes(plan.department)) {
      fail(
        ['tasks', i, 'department'],
        '计划部门未参与该任务',
        "the plan's department takes no part in the task",
      );
    }
  });
  return plan;
}
