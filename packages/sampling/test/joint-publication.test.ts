import { describe, expect, it } from 'vitest';
import {
  assignOfficers,
  buildPublicNotice,
  type DirectoryEntity,
  type DirectoryOfficer,
  drawTask,
  type GradeSamplingMeasures,
  mergeJointDraws,
  type PublicNotice,
  publicationDeadline,
  publicNoticeToCsv,
  publicNoticeToJson,
  type ResultCodeTable,
  SamplingInputError,
  type SpotCheckTask,
  strataFromGradeMeasures,
  type WorkdayAdder,
} from '../src/index.js';
import { syntheticEntities } from '../src/synthetic/index.js';

/** A weekends-only stand-in for core's calendar (holidays are core's business; this tests the wiring). */
const weekdays: WorkdayAdder = {
  addWorkdays(date, n) {
    const d = new Date(`${date}T00:00:00Z`);
    let left = n;
    while (left > 0) {
      d.setUTCDate(d.getUTCDate() + 1);
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
    }
    return d.toISOString().slice(0, 10);
  },
};

const resultTable: ResultCodeTable = {
  id: 'spotCheckResult',
  version: 'test',
  entries: [
    { code: '1', label: '未发现问题', aliases: ['正常'] },
    { code: 'C', label: '公示信息隐瞒真实情况、弄虚作假', aliases: [] },
    { code: 'E', label: '发现问题已责令改正', aliases: ['发现问题经责令已改正'] },
  ],
};

const entities: DirectoryEntity[] = [...syntheticEntities({ count: 400, seed: 'joint' })];
const base = {
  items: [],
  asOf: '2026-04-01',
  inspectionStart: '2026-04-10',
  inspectionEnd: '2026-05-29',
  strata: [{ key: 'all', where: {}, ratio: 0.25 }],
};
const samr = drawTask({ ...base, id: 'SAMR-1', department: 'SAMR', items: ['SC-1'] }, entities, {
  seed: '111',
});
const epb = drawTask({ ...base, id: 'EPB-1', department: 'EPB', items: ['EP-1'] }, entities, { seed: '222' });

describe('mergeJointDraws', () => {
  const merged = mergeJointDraws([samr, epb], { batchId: '2026Q2' });

  it('turns entities drawn twice into one joint visit and counts the visits saved', () => {
    const a = new Set(samr.strata[0]!.picks.map((p) => p.id));
    const both = epb.strata[0]!.picks.filter((p) => a.has(p.id)).map((p) => p.id);
    expect(both.length).toBeGreaterThan(0);
    expect(merged.visitsBefore).toBe(200);
    expect(merged.visitsSaved).toBe(both.length);
    expect(merged.jointVisits).toBe(both.length);
    const v = merged.visits.find((x) => x.entityId === both[0])!;
    expect(v).toMatchObject({
      departments: ['EPB', 'SAMR'],
      items: ['EP-1', 'SC-1'],
      joint: true,
      leadDepartment: 'EPB',
    });
    expect(mergeJointDraws([epb, samr], { batchId: '2026Q2' })).toEqual(merged);
  });

  it('staffs joint visits with one officer from each department', () => {
    const cert = { number: 'x', validFrom: '2020-01-01', validUntil: '2030-01-01' };
    const officers: DirectoryOfficer[] = Array.from({ length: 40 }, (_, i) => ({
      id: `o${i}`,
      department: i % 2 === 0 ? 'SAMR' : 'EPB',
      certificate: cert,
    }));
    const r = assignOfficers(merged.visits, officers, { seed: samr.seed });
    expect(r.infeasible).toEqual([]);
    for (const a of r.assignments) {
      const v = merged.visits.find((x) => x.visitId === a.visitId)!;
      for (const d of v.departments) expect(a.team.some((t) => t.department === d)).toBe(true);
    }
  });
});

describe('publication', () => {
  it('deadline: 20 working days after the inspection ends', () => {
    expect(publicationDeadline('2026-04-01', weekdays)).toBe('2026-04-29');
  });

  const picks = samr.strata[0]!.picks;
  const results = [
    { entityId: picks[1]!.id, entityName: '乙公司', inspectionDate: '2026-04-12', results: ['正常'] },
    {
      entityId: picks[0]!.id,
      entityName: '=甲公司',
      inspectionDate: '2026-04-11',
      results: ['C', '发现问题经责令已改正'],
    },
  ];
  const notice = buildPublicNotice(samr, results, { calendar: weekdays, resultTable });

  it('builds the notice with canonical codes, sorted entries and the deadline', () => {
    expect(notice.publishBy).toBe(weekdays.addWorkdays('2026-05-29', 20));
    expect(notice.entries.map((e) => e.entityId)).toEqual([picks[0]!.id, picks[1]!.id].sort());
    const first = notice.entries.find((e) => e.entityId === picks[0]!.id)!;
    expect(first.resultCodes).toEqual(['C', 'E']);
    expect(first.resultLabels).toEqual(['公示信息隐瞒真实情况、弄虚作假', '发现问题已责令改正']);
    expect(notice.frames[0]).toMatchObject({ label: 'S1', populationSize: 400, sampleSize: 100 });
  });

  it('never contains internal grades (CSV and JSON)', () => {
    const json = publicNoticeToJson(notice);
    const csv = publicNoticeToCsv(notice);
    for (const text of [json, csv]) {
      expect(text).not.toMatch(/grade|riskLevel|"rank"/);
      for (const e of entities.slice(0, 50)) expect(text).not.toContain(`"grade":"${e.grade}"`);
    }
    expect(csv.startsWith('\uFEFF"任务编号"')).toBe(true);
    expect(csv).toContain(`"'=甲公司"`); // formula neutralised
    const leaky = {
      ...notice,
      entries: [{ ...notice.entries[0]!, grade: 'D' }],
    } as unknown as PublicNotice;
    expect(() => publicNoticeToJson(leaky)).toThrow(/grade/);
    expect(() => publicNoticeToCsv(leaky)).toThrow(SamplingInputError);
  });

  it('refuses unknown result codes and results for entities not drawn', () => {
    expect(() =>
      buildPublicNotice(samr, [{ ...results[0]!, results: ['??'] }], { calendar: weekdays, resultTable }),
    ).toThrow(/unknown result/);
    const notDrawn = entities.find((e) => !picks.some((p) => p.id === e.id))!;
    expect(() =>
      buildPublicNotice(samr, [{ ...results[0]!, entityId: notDrawn.id }], {
        calendar: weekdays,
        resultTable,
      }),
    ).toThrow(/not drawn/);
  });
});

describe('strataFromGradeMeasures (credit-rules adapter)', () => {
  const measures: Record<string, GradeSamplingMeasures> = {
    A: {
      samplingRatio: { min: 0, max: 0.05, default: 0.03 },
      yearlyInspectionCap: 1,
      onSitePolicy: 'triggered_only',
      keySupervision: false,
    },
    B: {
      samplingRatio: { min: 0.05, max: 0.2, default: 0.05 },
      yearlyInspectionCap: 2,
      onSitePolicy: 'normal',
      keySupervision: false,
    },
    D: {
      samplingRatio: { min: 0.6, max: 1, default: 1 },
      yearlyInspectionCap: null,
      onSitePolicy: 'proactive',
      keySupervision: true,
    },
  };

  it('maps ratio bands, caps, quiet A class and key supervision to strata', () => {
    const strata = strataFromGradeMeasures(measures, { ratios: { B: 0.1 } });
    expect(strata).toEqual([
      { key: 'A', where: { grade: ['A'] }, yearlyCap: 1, quiet: true, ratio: 0.03 },
      { key: 'B', where: { grade: ['B'] }, yearlyCap: 2, ratio: 0.1 },
      { key: 'D', where: { grade: ['D'] }, yearlyCap: null, keySupervision: true },
    ]);
    const task: SpotCheckTask = { ...base, id: 'G', department: 'SAMR', strata };
    const r = drawTask(task, entities, { seed: '5' });
    expect(r.strata.map((s) => s.key)).toEqual(['A', 'B', 'D']);
    expect(r.commitment.strata[0]!.excluded.quiet).toBeGreaterThan(0);
  });

  it('refuses a ratio outside the grade band', () => {
    expect(() => strataFromGradeMeasures(measures, { ratios: { B: 0.5 } })).toThrow(SamplingInputError);
  });
});
