import { uscc } from '@jianguan/core';

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
