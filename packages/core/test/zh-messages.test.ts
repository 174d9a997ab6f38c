// Issue 18: as a library, core never puts raw zod English into a Chinese message line. Each valid input is
// broken one field at a time (every path, a set of wrong values) and every zh line of the error is checked.
import { describe, expect, it } from 'vitest';
import {
  createCalendar,
  defineCodeTable,
  defineQualityRuleSet,
  GUANGXI_SANYUESAN,
  OFFICIAL_SCHEDULES,
  parseSchedule,
  scheduleFromHolidayCn,
} from '../src/index.js';
import { checkZhMessages, zhLineProblem } from './support/zh-messages.js';

const schedule2026 = OFFICIAL_SCHEDULES.find((s) => s.year === 2026)!;
const holidayCn = {
  year: 2027,
  papers: ['https://example.invalid/notice'],
  days: [
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    { name: '春节', date: '2027-02-06', isOffDay: false },
  ],
};

describe('Chinese messages of invalid data carry no raw zod English', () => {
  it('the checker itself catches untranslated zod text', () => {
    expect(zhLineProblem('放假安排数据无效（year）：Invalid input: expected number')).toBeDefined();
    expect(zhLineProblem('放假安排数据无效（year）：expected number')).toBeDefined();
    expect(zhLineProblem('放假安排数据无效（notices.0.number）：类型错误，应为文本')).toBeUndefined();
  });

  it.each([
    ['parseSchedule (a jianguan year schedule)', schedule2026, (d: unknown) => parseSchedule(d)],
    [
      'createCalendar({ schedules }) (a schedule)',
      schedule2026,
      (d: unknown) => createCalendar({ schedules: [d as never] }),
    ],
    ['scheduleFromHolidayCn (a holiday-cn year)', holidayCn, (d: unknown) => scheduleFromHolidayCn(d)],
    [
      'createCalendar({ overlays }) (a regional overlay)',
      GUANGXI_SANYUESAN,
      (d: unknown) => createCalendar({ overlays: [d as never] }),
    ],
    [
      'defineCodeTable',
      {
        id: 'demo',
        name: '示例',
        nameEn: 'demo',
        version: '1',
        source: 'test',
        entries: [{ code: '01', label: '警告', labelEn: 'warning' }],
      },
      (d: unknown) => defineCodeTable(d as never),
    ],
    [
      'defineQualityRuleSet',
      {
        id: 'jiangsu',
        version: '2024.1',
        rules: { future_date: { severity: 'warning' } },
        params: { minInspectors: 3 },
      },
      (d: unknown) => defineQualityRuleSet(d as never),
    ],
  ])('%s', (_name, valid, parse) => {
    expect(() => parse(valid)).not.toThrow();
    const { rejected, problems } = checkZhMessages(valid, parse);
    expect(rejected).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});
