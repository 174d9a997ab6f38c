import type { CodeTable, CodeTableRegistry } from '@jianguan/core';
import { codeTables, defineCodeTable } from '@jianguan/core';

const SOURCE_INFERRED =
  'jianguan tasks [inferred]: the 回退/转办/终止 reasons seen in departmental back offices (issue 14: Zhejiang 双告知 ' +
  'back office keeps reassignment and 回退 with reason codes); no published national code list found, checked 2026-12-02';

/**
 * 回退原因 — why a department sends a work item back to whoever dispatched it.
 *
 * @example
 * TASK_RETURN_REASONS.entries[0]; // { code: '01', label: '不属于本部门职责', … }
 */
export const TASK_RETURN_REASONS = defineCodeTable({
  id: 'taskReturnReason',
  name: '回退原因',
  nameEn: 'work-item return reason',
  version: 'jg-tasks-2026.12',
  source: SOURCE_INFERRED,
  entries: [
    {
      code: '01',
      label: '不属于本部门职责',
      labelEn: 'not within the department’s remit',
      aliases: ['非本部门职责'],
    },
    { code: '02', label: '推送信息不全或有误', labelEn: 'pushed information incomplete or wrong' },
    { code: '03', label: '监管对象不在本辖区', labelEn: 'entity outside the jurisdiction' },
    { code: '04', label: '重复推送', labelEn: 'duplicate push' },
    { code: '99', label: '其他', labelEn: 'other' },
  ],
});

/**
 * 转办原因 — why a work item is passed to another department or officer.
 *
 * @example
 * TASK_TRANSFER_REASONS.id; // 'taskTransferReason'
 */
export const TASK_TRANSFER_REASONS = defineCodeTable({
  id: 'taskTransferReason',
  name: '转办原因',
  nameEn: 'work-item transfer reason',
  version: 'jg-tasks-2026.12',
  source: SOURCE_INFERRED,
  entries: [
    { code: '01', label: '职责调整', labelEn: 'remit reassigned' },
    { code: '02', label: '属其他部门管辖', labelEn: 'falls under another department' },
    { code: '03', label: '属下级部门管辖', labelEn: 'falls under a lower-level department' },
    { code: '04', label: '承办人员变更', labelEn: 'handling officer changed' },
    { code: '99', label: '其他', labelEn: 'other' },
  ],
});

/**
 * 终止原因 — why a work item ends without being handled to the end.
 *
 * @example
 * TASK_TERMINATION_REASONS.entries.map((e) => e.code); // ['01', '02', '03', '04', '05', '99']
 */
export const TASK_TERMINATION_REASONS = defineCodeTable({
  id: 'taskTerminationReason',
  name: '终止原因',
  nameEn: 'work-item termination reason',
  version: 'jg-tasks-2026.12',
  source: SOURCE_INFERRED,
  entries: [
    { code: '01', label: '监管对象已注销或吊销', labelEn: 'entity deregistered or licence revoked' },
    { code: '02', label: '上级撤回', labelEn: 'withdrawn by the dispatcher' },
    { code: '03', label: '重复任务已合并', labelEn: 'duplicate merged into another task' },
    { code: '04', label: '无需办理', labelEn: 'no action needed' },
    { code: '05', label: '已并入联合检查任务', labelEn: 'merged into a joint inspection task' },
    { code: '99', label: '其他', labelEn: 'other' },
  ],
});

/**
 * The reason tables shipped with `@jianguan/tasks`, by id.
 *
 * @example
 * Object.keys(TASK_REASON_TABLES); // ['taskReturnReason', 'taskTransferReason', 'taskTerminationReason']
 */
export const TASK_REASON_TABLES: Readonly<Record<string, CodeTable>> = Object.freeze({
  taskReturnReason: TASK_RETURN_REASONS,
  taskTransferReason: TASK_TRANSFER_REASONS,
  taskTerminationReason: TASK_TERMINATION_REASONS,
});

/**
 * Core's code-table registry with the task reason tables added — the default registry reasons are checked
 * against. A province passes its own (`taskCodeTables.with(myReturnReasons)`) to replace a table.
 *
 * @example
 * taskCodeTables.isCode('taskReturnReason', '01'); // true
 */
export const taskCodeTables: CodeTableRegistry = codeTables.with(...Object.values(TASK_REASON_TABLES));
