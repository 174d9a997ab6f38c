import {
  addWorkdays,
  createCalendar,
  getCodeTable,
  organisationClosures,
  UnknownCalendarYearError,
  workdayLateness,
} from '@jianguan/core';
import {
  measuresForGrade,
  measuresTable,
  samrBaselineRuleSet,
  sdFiveClassRuleSet,
} from '@jianguan/credit-rules';
import { describe, expect, it } from 'vitest';
import {
  buildPublicNotice,
  type DirectoryEntity,
  drawTask,
  publicationDeadline,
  SamplingInputError,
  type SpotCheckTask,
  strataFromGradeMeasures,
  type WorkdayAdder,
} from '../src/index.js';
import { syntheticEntities } from '../src/synthetic/index.js';

const entities: DirectoryEntity[] = [...syntheticEntities({ count: 400, seed: 'wiring' })];

describe('publication on core’s working-day calendar (default)', () => {
  it.each([
    // 2025-09-26 (Fri) + 20 working days: 09-28 (Sun) and 10-11 (Sat) are worked, 10-01…10-08 are off
    ['2025-09-26', '2025-10-30'],
    // Spring Festival 2026: 02-15…02-23 off, 02-14 (Sat) and 02-28 (Sat) worked
    ['2026-02-06', '2026-03-12'],
    // Qingming 2026: 04-04…04-06 off (the Monday too)
    ['2026-04-01', '2026-04-30'],
    // an ordinary stretch: 20 working days = 4 weeks
    ['2026-07-01', '2026-07-29'],
  ])('inspection ending %s → publish by %s', (end, deadline) => {
    expect(publicationDeadline(end)).toBe(deadline);
    // core agrees that exactly 20 working days are allowed and the deadline day itself is on time
    expect(workdayLateness(end, deadline, 20).onTime).toBe(true);
    expect(workdayLateness(end, addWorkdays(deadline, 1), 20).workdaysLate).toBe(1);
  });

  it('is later than a weekends-only count across National Day', () => {
    const weekdaysOnly: WorkdayAdder = {
      addWorkdays(date, n) {
        const d = new Date(`${date}T00:00:00Z`);
        for (let left = n; left > 0; ) {
          d.setUTCDate(d.getUTCDate() + 1);
          if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
        }
        return d.toISOString().slice(0, 10);
      },
    };
    expect(publicationDeadline('2025-09-26', weekdaysOnly)).toBe('2025-10-24');
    expect(publicationDeadline('2025-09-26') > '2025-10-24').toBe(true);
  });

  it('keeps the injectable override (a core calendar with an organisation closure)', () => {
    const closed = createCalendar({
      overlays: [
        organisationClosures({
          id: 'bureau-x',
          name: 'Server migration',
          nameZh: '系统迁移停办',
          dates: ['2025-10-13'],
        }),
      ],
    });
    expect(publicationDeadline('2025-09-26', closed)).toBe('2025-10-31');
  });

  it('refuses a year without an official schedule on a strict calendar, or beyond the estimate', () => {
    expect(() => publicationDeadline('2031-12-30', createCalendar({ unknownYears: 'throw' }))).toThrow(
      UnknownCalendarYearError,
    );
    expect(() => publicationDeadline('2060-12-30')).toThrow(UnknownCalendarYearError);
  });
});

describe('buildPublicNotice with core defaults', () => {
  const task: SpotCheckTask = {
    id: 'SAMR-2025-09',
    department: 'SAMR',
    items: ['SC-1'],
    asOf: '2025-08-01',
    inspectionStart: '2025-09-01',
    inspectionEnd: '2025-09-26',
    strata: [{ key: 'all', where: {}, ratio: 0.05 }],
  };
  const record = drawTask(task, entities, { seed: '20250801' });
  const picks = record.strata[0]!.picks;

  it('uses core’s calendar and core’s spotCheckResult table', () => {
    const notice = buildPublicNotice(record, [
      { entityId: picks[0]!.id, entityName: '甲', inspectionDate: '2025-09-10', results: ['正常'] },
      // core's tolerant lookup: full-width code, label with different punctuation
      {
        entityId: picks[1]!.id,
        entityName: '乙',
        inspectionDate: '2025-09-11',
        results: ['Ｅ', '通过登记的住所或经营场所无法联系'],
      },
    ]);
    expect(notice.publishBy).toBe('2025-10-30');
    const table = getCodeTable('spotCheckResult');
    const byId = new Map(notice.entries.map((e) => [e.entityId, e]));
    expect(byId.get(picks[0]!.id)!.resultCodes).toEqual(['1']);
    expect(byId.get(picks[1]!.id)!.resultCodes).toEqual(['E', '6']);
    expect(byId.get(picks[1]!.id)!.resultLabels).toEqual(
      ['E', '6'].map((c) => table.entries.find((e) => e.code === c)!.label),
    );
  });

  it('still refuses a value that is not in core’s table', () => {
    expect(() =>
      buildPublicNotice(record, [
        { entityId: picks[0]!.id, entityName: '甲', inspectionDate: '2025-09-10', results: ['合格了'] },
      ]),
    ).toThrow(SamplingInputError);
  });
});

describe('strataFromGradeMeasures with @jianguan/credit-rules', () => {
  it('maps the SAMR baseline rule set (measuresTable, best grade first)', () => {
    const strata = strataFromGradeMeasures(measuresTable(samrBaselineRuleSet));
    const expected = measuresTable(samrBaselineRuleSet).map((m) => ({
      key: m.grade,
      yearlyCap: m.yearlyInspectionCap,
      quiet: m.onSitePolicy === 'triggered_only' ? true : undefined,
      ratio: m.keySupervision ? undefined : m.samplingRatio.default,
      keySupervision: m.keySupervision ? true : undefined,
    }));
    expect(
      strata.map((s) => ({
        key: s.key,
        yearlyCap: s.yearlyCap,
        quiet: s.quiet,
        ratio: s.ratio,
        keySupervision: s.keySupervision,
      })),
    ).toEqual(expected);
    expect(strata.map((s) => s.key)).toEqual(samrBaselineRuleSet.grades.map((g) => g.code));
    // the baseline: A is "无事不扰", D is key supervision at 100 %
    expect(strata.find((s) => s.key === 'A')!.quiet).toBe(true);
    expect(strata.find((s) => s.key === 'D')!.keySupervision).toBe(true);
  });

  it('accepts ruleSet.measures and measuresForGrade rows alike', () => {
    const fromRecord = strataFromGradeMeasures(samrBaselineRuleSet.measures, {
      order: samrBaselineRuleSet.grades.map((g) => g.code),
    });
    const fromRows = strataFromGradeMeasures(
      samrBaselineRuleSet.grades.map((g) => measuresForGrade(samrBaselineRuleSet, g.code)),
    );
    expect(fromRecord).toEqual(fromRows);
  });

  it('checks overrides against the rule set’s bands (Shandong: no class below 1 %)', () => {
    expect(() => strataFromGradeMeasures(measuresTable(sdFiveClassRuleSet), { ratios: { A: 0 } })).toThrow(
      /outside/,
    );
    const strata = strataFromGradeMeasures(measuresTable(sdFiveClassRuleSet), { ratios: { A: 0.01 } });
    expect(strata.map((s) => s.key)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(strata[0]!.ratio).toBe(0.01);
    expect(() => strataFromGradeMeasures(measuresTable(sdFiveClassRuleSet), { ratios: { Z: 0.1 } })).toThrow(
      SamplingInputError,
    );
  });

  it('draws a task stratified by the baseline measures', () => {
    const strata = strataFromGradeMeasures(measuresTable(samrBaselineRuleSet));
    const task: SpotCheckTask = {
      id: 'SAMR-GRADED',
      department: 'SAMR',
      items: ['SC-1'],
      asOf: '2026-04-01',
      strata,
      exclusions: { quietExceptTags: ['complaint'] },
    };
    const record = drawTask(task, entities, { seed: '424242' });
    const byKey = new Map(record.strata.map((s) => [s.key, s]));
    const c = byKey.get('C')!;
    expect(c.sampleSize).toBe(Math.min(c.populationSize, Math.ceil(c.populationSize * 0.3 - 1e-9)));
    const d = byKey.get('D')!;
    expect(d.sampleSize).toBe(d.populationSize);
    const gradeOf = new Map(entities.map((e) => [e.id, e.grade]));
    for (const s of record.strata) for (const p of s.picks) expect(gradeOf.get(p.id)).toBe(s.key);
  });
});
