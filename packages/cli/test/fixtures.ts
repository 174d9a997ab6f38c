import { toExchangeRow, uscc } from '@jianguan/core';
import { createFileTaskStore, openTaskBook } from '@jianguan/tasks';

/** One synthetic regulated entity of a test population. */
export interface TestEntity {
  id: string;
  name: string;
  grade: 'A' | 'B' | 'C' | 'D';
  industry: string;
  status: 'active' | 'closed';
}

/** A deterministic population of `n` entities with valid USCCs (GB 32100 check digits computed by core). */
export function population(n: number): TestEntity[] {
  const names = ['食品', '餐饮', '药品', '百货', '建材'];
  return Array.from({ length: n }, (_, i) => {
    const body = `91330106${String(100_000_000 + i * 7_919).slice(0, 9)}`;
    return {
      id: body + uscc.calcCheckDigit(body),
      name: `杭州${names[i % names.length]}有限公司${i}`,
      grade: (['A', 'B', 'C', 'D'] as const)[(i * 7) % 4] as TestEntity['grade'],
      industry: i % 3 === 0 ? 'food' : 'retail',
      status: i % 25 === 0 ? 'closed' : 'active',
    };
  });
}

/** The population as CSV text (Chinese names; UTF-8 or GBK when written by the caller). */
export function toCsv(entities: readonly TestEntity[], idHeader = 'id'): string {
  const lines = [`${idHeader},name,grade,industry,status`];
  for (const e of entities) lines.push([e.id, e.name, e.grade, e.industry, e.status].join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The population as JSON Lines. */
export function toJsonl(entities: readonly TestEntity[]): string {
  return `${entities.map((e) => JSON.stringify(e)).join('\n')}\n`;
}

/** A stable shuffle (reverse-interleave) so order-independence is tested without randomness. */
export function reorder<T>(items: readonly T[]): T[] {
  const odd = items.filter((_, i) => i % 2 === 1).reverse();
  const even = items.filter((_, i) => i % 2 === 0);
  return [...odd, ...even];
}

export const INSTITUTION = '11330106002490066D';
export const GOOD_USCC = '91330100799655058B';
export const BAD_USCC = '91330100799655058A'; // check character should be B

/** A valid inspection record (检查行为) numbered `i`. */
export function inspection(i: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'inspection',
    recordId: `JC-${i}`,
    itemCode: '31000000100000',
    checkListCode: `${INSTITUTION}431000000100000`,
    implementInstitution: '杭州市西湖区市场监督管理局',
    implementInstitutionCode: INSTITUTION,
    adminCounterpartName: '杭州某某食品有限公司',
    adminCounterpartNature: '02',
    adminCounterpartCertType: '001',
    adminCounterpartCertNo: GOOD_USCC,
    areaCode: '330106',
    source: '33000031',
    batchNo: '2024030600001',
    operation: 'I',
    checkActionName: '食品经营日常监督检查',
    checkActionCode: `JC2024${String(i).padStart(3, '0')}`,
    checkForm: '01',
    checkType: '01',
    checkMode: '1',
    checkResult: '01',
    checkDate: '2024-03-05',
    checkPersonnel: ['张三', '李四'],
    checkPersonnelCertNos: ['33010012345', '33010012346'],
    submittedAt: '2024-03-06T10:00:00+08:00',
    ...overrides,
  };
}

/** Records as a Chinese-header exchange CSV (the export of a provincial system). */
export function exchangeCsv(items: readonly Record<string, unknown>[]): string {
  const rows = items.map((r) => toExchangeRow('inspection', r));
  const headers = Object.keys(rows[0] ?? {});
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `${[headers.join(','), ...rows.map((r) => headers.map((h) => quote(r[h] ?? '')).join(','))].join('\r\n')}\r\n`;
}

/**
 * Write a task event log (the file a `@jianguan/tasks` task book keeps) at `path`. As of 2025-10-14: risk clue
 * `clue:FXYJ1` pushed 2025-09-15 is overdue (10 working days → 2025-09-28, an adjusted working Sunday, never fed
 * back); 双告知 `sgz:A` pushed 2025-09-30 is due today (5 working days across National Day → 2025-10-14); risk
 * clue `clue:FXYJ2` pushed 2025-10-13 and claimed by officer `li` is open.
 */
export async function writeTaskLog(path: string): Promise<void> {
  const book = await openTaskBook({ store: createFileTaskStore(path) });
  const province = { id: 'province' };
  await book.applyAll([
    {
      taskId: 'clue:FXYJ1',
      action: 'create',
      at: '2025-09-15',
      actor: province,
      task: { lifecycle: 'risk_clue', department: 'scjg' },
    },
    {
      taskId: 'sgz:A',
      action: 'create',
      at: '2025-09-30',
      actor: province,
      task: { lifecycle: 'double_notification', department: 'wjw' },
    },
    {
      taskId: 'clue:FXYJ2',
      action: 'create',
      at: '2025-10-13',
      actor: province,
      task: { lifecycle: 'risk_clue', department: 'scjg' },
    },
    { taskId: 'clue:FXYJ2', action: 'claim', at: '2025-10-13', actor: { id: 'li', department: 'scjg' } },
  ]);
  await book.close();
}
