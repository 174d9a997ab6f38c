import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@jianguan/cli';
import { qualityCheck, workdayLateness, workdaysBetween } from '@jianguan/core';
import { type DrawRecord, verifyDraw } from '@jianguan/sampling';
import type { Sandbox } from '@jianguan/sandbox';
import { createFileTaskStore, openTaskBook } from '@jianguan/tasks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CountyYearSummary, formatSummary, GLOSSARY, runCountyYear } from '../src/county-year/main.js';
import { fixRecord, type ReportedBehaviour } from '../src/county-year/report.js';

describe('fixRecord (what the clerk does with a rejection)', () => {
  const caseSystem = {
    kind: 'inspection',
    recordId: 'R1',
    adminCounterpartName: '某公司',
    adminCounterpartCertNo: '91330100799655058B',
    checkDate: '2025-04-07',
    checkPersonnel: ['张三', '李四'],
    checkPersonnelCertNos: ['330121001', '330121002'],
  } as unknown as Parameters<typeof fixRecord>[2]['caseSystem'];
  const usccByName = new Map([['某公司', '91330100799655058B']]);
  it.each([
    ['date_format', 'checkDate', { checkDate: '2025/4/7' }],
    ['min_inspectors', 'checkPersonnel', { checkPersonnel: ['张三'], checkPersonnelCertNos: ['330121001'] }],
    ['uscc_invalid', 'adminCounterpartCertNo', { adminCounterpartCertNo: '91330100799655058X' }],
  ] as const)('%s', (rule, field, defect) => {
    const sent = { ...caseSystem, ...defect } as typeof caseSystem;
    const fixed = fixRecord(sent, [{ rule, field }], { caseSystem, usccByName });
    expect(fixed).toEqual(caseSystem);
    expect(
      qualityCheck([fixed], { recordType: 'inspection', today: '2025-12-31' }).issues.map((i) => i.rule),
    ).not.toContain(rule);
    expect(sent).not.toEqual(caseSystem); // the input is not mutated
  });
});

const SIZE = { entities: 4_000, officers: 80, seed: 'county-year-test' };

describe('runCountyYear (a small county)', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'jianguan-county-'));
  let summary: CountyYearSummary;
  const ledger: {
    recordIds: string[];
    stored: { recordId: string; record: unknown }[];
    baseDate?: string;
    clueDates: string[];
  } = { recordIds: [], stored: [], clueDates: [] };
  const lines: string[] = [];

  beforeAll(async () => {
    summary = await runCountyYear({
      ...SIZE,
      outDir,
      log: (line) => lines.push(line),
      inspectSandbox: (sandbox: Sandbox) => {
        ledger.baseDate = sandbox.state.baseDate;
        ledger.clueDates = [...sandbox.state.clueFeedback.values()].map((f) =>
          String((f as { feedbackTime: string }).feedbackTime),
        );
        ledger.recordIds = sandbox.state.writes.filter((w) => w.kind === 'behaviours').map((w) => w.recordId);
        ledger.stored = sandbox.state
          .records('behaviours')
          .map((r) => ({ recordId: r.recordId, record: r.record }));
      },
    });
  }, 120_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('ends with a command the user can paste and run, in Chinese and English, with no raw JSON', async () => {
    const text = formatSummary(summary);
    const last = text.trimEnd().split('\n').at(-1) ?? '';
    const m = /^ {2}npx jianguan verify (\S+) (\S+)$/.exec(last);
    expect(m, last).not.toBeNull();
    expect(text).not.toMatch(/[{[]"/);
    expect(text).toContain('自己核验这次抽查');
    expect(text).toContain('Check the published draw yourself');
    // the command works: jianguan verify on those two files exits 0
    const out: string[] = [];
    const code = await runCli(['verify', m?.[1] ?? '', m?.[2] ?? ''], {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => out.push(s) },
      cwd: process.cwd(),
      env: {},
    });
    expect(out.join('')).toContain('VERIFIED');
    expect(code).toBe(0);
  });

  it('explains its terms once, Chinese first with English beside', () => {
    for (const term of ['一单两库', '质检', '信用分级分类', '双随机', '一公开'])
      expect(
        GLOSSARY.filter((l) => l.trimStart().startsWith(term)),
        term,
      ).toHaveLength(1);
    for (const line of lines) expect(line).toMatch(/^\[\s?\d+\/10\] [^\sA-Za-z]+ [A-Z]/);
  });

  it('shows one progress line per step, with timing', () => {
    expect(lines).toHaveLength(10);
    for (const line of lines) expect(line).toMatch(/^\[\s?\d+\/10\] .+\s\d+\.\d\ds {2}/);
  });

  it("is a past year, and the province's clues are answered in it", () => {
    expect(summary.year).toBe(2025);
    expect(ledger.baseDate).toBe('2025-11-01');
    expect(ledger.clueDates.length).toBe(summary.clues.answered);
    for (const d of ledger.clueDates) expect(d.slice(0, 4)).toBe('2025');
  });

  it('loads the CSV files it wrote, and they pass 质检', () => {
    expect(summary.entities).toBe(SIZE.entities);
    expect(summary.officers).toBe(SIZE.officers);
    expect(summary.inputCheck).toMatchObject({ total: SIZE.entities + SIZE.officers, failed: 0 });
    expect(readFileSync(join(outDir, 'county', 'entities.csv'), 'utf8').split('\n')[0]).toContain(
      '统一社会信用代码',
    );
  });

  it('grades every entity', () => {
    const graded = Object.values(summary.grades).reduce((a, b) => a + b, 0);
    expect(graded).toBe(SIZE.entities);
    expect(Object.keys(summary.grades).sort()).toEqual(['A', 'B', 'C', 'D']);
  });

  it('stores every behaviour record exactly once in the sandbox', () => {
    expect(summary.behaviours.reported).toBeGreaterThan(100);
    const counts = new Map<string, number>();
    for (const id of ledger.recordIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect(counts.size).toBe(summary.behaviours.reported);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(summary.behaviours.storedExactlyOnce).toBe(true);
    // what the province keeps is the fixed version: it passes the province's 质检
    const check = qualityCheck(
      ledger.stored.map((s) => s.record),
      { recordType: 'inspection', today: `${summary.year}-12-31` },
    );
    expect(check.failed).toBe(0);
  });

  it("keeps the market-regulation bureau's outbox in a database: PGlite by default, and says so", () => {
    expect(summary.database.kind).toBe('pglite');
    expect(lines.find((l) => l.includes('Report to the province'))).toContain('SAMR outbox in PGlite');
    expect(formatSummary(summary)).toContain(`部门业务库 database           ${summary.database.label}`);
    const o = summary.database.outbox;
    // Everything it journaled was settled, in the database: its plan, every drawn object, its behaviour records
    // (some rejected by the province's 质检, then fixed and re-sent as new entries).
    expect(o.pending).toBe(0);
    expect(o.entries).toBe(o.stored + o.duplicate + o.rejected);
    const samr = summary.draws.find((d) => d.department === 'SAMR-330122')!;
    expect(o.entries).toBeGreaterThan(1 + samr.drawn);
    expect(o.rejected).toBeGreaterThan(0);
    expect(o.rejected).toBeLessThanOrEqual(summary.behaviours.rejected);
  });

  it('fixes every rejected record within 5 working days of the rejection', () => {
    const log = JSON.parse(readFileSync(summary.files.reportingLog!, 'utf8')) as ReportedBehaviour[];
    const rejected = log.filter((b) => b.rejectedDate !== undefined);
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.length).toBe(summary.behaviours.rejected);
    for (const b of rejected) {
      expect(b.fixedDate).toBeDefined();
      const lateness = workdayLateness(b.rejectedDate!, b.fixedDate!, 5);
      expect(lateness.onTime, `${b.recordId} fixed ${b.fixedDate}, deadline ${lateness.deadline}`).toBe(true);
      expect(workdaysBetween(b.rejectedDate!, b.fixedDate!)).toBeGreaterThan(0);
      expect(b.rejectionRules?.length).toBeGreaterThan(0);
    }
    expect(summary.behaviours.fixedOnTime).toBe(summary.behaviours.rejected);
  });

  it('publishes a draw record that a third party can verify, and a tampered copy fails', () => {
    expect(summary.drawVerified).toBe(true);
    expect(summary.drawBundleAudited).toBe(true);
    const record = JSON.parse(readFileSync(summary.files.drawRecord!, 'utf8')) as DrawRecord;
    const population = JSON.parse(readFileSync(summary.files.population!, 'utf8'));
    expect(verifyDraw(record, population).ok).toBe(true);
    const tampered = {
      ...record,
      seed: `${record.seed.slice(0, -1)}${record.seed.endsWith('0') ? '1' : '0'}`,
    };
    expect(verifyDraw(tampered, population).ok).toBe(false);
    const swapped = {
      ...record,
      strata: record.strata.map((s, i) =>
        i === record.strata.findIndex((x) => x.picks.length > 0)
          ? { ...s, picks: [{ ...s.picks[0]!, id: population[0].id }, ...s.picks.slice(1)] }
          : s,
      ),
    };
    expect(verifyDraw(swapped, population).ok).toBe(false);
  });

  it('publishes the draw without any credit grade; the internal record stays in out/internal/', () => {
    const internal = JSON.parse(readFileSync(summary.files.internalDrawRecord!, 'utf8')) as DrawRecord;
    const grades = new Set([
      ...internal.task.strata.flatMap((s) => s.where.grade ?? []),
      ...Object.keys(summary.grades),
    ]);
    expect(grades.size).toBeGreaterThan(1);
    const recordText = readFileSync(summary.files.drawRecord!, 'utf8');
    const populationText = readFileSync(summary.files.population!, 'utf8');
    for (const text of [recordText, populationText]) {
      expect(text).not.toMatch(/"(grade|riskLevel|name|industry|inspections|tags|quiet|ratio)"/);
    }
    const strings = new Set<string>();
    const collect = (v: unknown): void => {
      if (typeof v === 'string') strings.add(v);
      else if (Array.isArray(v)) for (const x of v) collect(x);
      else if (v !== null && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          strings.add(k);
          collect(x);
        }
    };
    collect(JSON.parse(recordText));
    collect(JSON.parse(populationText));
    for (const g of grades) expect(strings.has(g), `grade ${g} appears`).toBe(false);
    const population = JSON.parse(populationText) as { id: string; attributes: Record<string, string> }[];
    for (const e of population) expect(Object.keys(e).sort()).toEqual(['attributes', 'id']);
    // the same draw: picks and tickets equal the internal record's
    const record = JSON.parse(recordText) as DrawRecord;
    const picks = (r: DrawRecord) =>
      r.strata.flatMap((s) => s.picks.map((p) => `${p.id} ${p.ticket}`)).sort();
    expect(picks(record)).toEqual(picks(internal));
    expect(record.seed).toBe(internal.seed);
    expect(record.derivedFrom?.binding).toMatch(/^[0-9a-f]{64}$/);
  });

  it('saves visits with joint inspections and staffs every visit', () => {
    expect(summary.joint.visitsSaved).toBeGreaterThan(0);
    expect(summary.joint.visitsAfter).toBe(summary.joint.visitsBefore - summary.joint.visitsSaved);
    expect(summary.staffing.staffed + summary.staffing.infeasible).toBe(summary.joint.visitsAfter);
  });

  it('publishes notices without grades', () => {
    for (const file of summary.files.notices!.split(', ')) {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(/grade|riskLevel|strat/i);
      const notice = JSON.parse(text) as { frames: { label: string }[]; entries: Record<string, unknown>[] };
      // frames are labelled S1, S2 … — not by grade
      for (const f of notice.frames) expect(f.label).toMatch(/^S\d+$/);
      for (const e of notice.entries) {
        expect(Object.keys(e).sort()).toEqual([
          'department',
          'entityId',
          'entityName',
          'inspectionDate',
          'publishBy',
          'resultCodes',
          'resultLabels',
          'taskId',
        ]);
      }
      expect(existsSync(file.replace(/\.json$/, '.csv'))).toBe(true);
    }
    expect(summary.notices.reduce((s, n) => s + n.entries, 0)).toBeGreaterThan(0);
  });

  it('reports the plans and every drawn object to the province', () => {
    const drawn = summary.draws.reduce((n, d) => n + d.drawn, 0);
    expect(summary.plansAndDraws).toBe(summary.draws.length + drawn);
  });

  it('answers clues, joint tasks and complaints', () => {
    expect(summary.complaintsClosed).toBeGreaterThan(0);
    expect(summary.clues.answered).toBeGreaterThan(0);
    expect(summary.jointTasks.claimed).toBeGreaterThan(0);
    expect(summary.jointTasks.answered).toBe(summary.jointTasks.claimed);
  });

  it('handles its work items through @jianguan/tasks, and the task list and the scorecard count the same', async () => {
    const card = JSON.parse(readFileSync(join(outDir, 'scorecard.json'), 'utf8')) as {
      unit: { id: string };
      indicators: { id: string; windows: { numerator: number; denominator: number }[] }[];
    };
    const window = (id: string) => card.indicators.find((i) => i.id === id)?.windows[0];
    const book = await openTaskBook({ store: createFileTaskStore(summary.files.taskLog!) });
    try {
      const asOf = `${summary.year}-12-31`;
      const kinds = book.tasks().reduce<Record<string, number>>((m, t) => {
        m[t.kind] = (m[t.kind] ?? 0) + 1;
        return m;
      }, {});
      expect(kinds).toEqual({
        risk_clue: summary.workItems.risk_clue?.total,
        joint_task: summary.jointTasks.claimed,
        complaint: summary.complaintsClosed,
        quality_fix: summary.behaviours.rejected,
      });
      for (const [indicator, kind, deadline] of [
        ['clue-feedback-timeliness', 'risk_clue', 'feedback'],
        ['behaviour-fix-timeliness', 'quality_fix', 'fix'],
      ] as const) {
        const rows = book
          .timeliness({ asOf, kind, deadline, department: card.unit.id })
          .filter((r) => r.counted);
        expect(rows.length, indicator).toBeGreaterThan(0);
        expect(window(indicator)?.denominator, indicator).toBe(rows.length);
        expect(window(indicator)?.numerator, indicator).toBe(rows.filter((r) => r.onTime).length);
      }
      // Some clues are answered late, and the summary says so.
      const clues = summary.workItems.risk_clue!;
      expect(clues.late).toBeGreaterThan(0);
      expect(clues.onTime + clues.late).toBe(clues.due);
      expect(window('clue-feedback-timeliness')?.numerator).toBe(clues.onTime);
      expect(formatSummary(summary)).toContain(
        `线索 clues ${clues.onTime}/${clues.due} 按时 on time，${clues.late} 逾期 late`,
      );
      // Every item was closed or answered by year end: nothing is left due.
      expect(book.due({ asOf, statuses: ['overdue', 'due_today', 'at_risk'] })).toEqual([]);
    } finally {
      await book.close();
    }
    // The province received the answers the tasks produced.
    expect(ledger.clueDates).toHaveLength(summary.workItems.risk_clue!.total);
  });

  it('writes the HTML scorecard', () => {
    const html = readFileSync(summary.files.scorecard!, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('桐庐县市场监督管理局');
    expect(summary.kpi.total).toBeGreaterThan(0);
    expect(summary.kpi.ranking).toHaveLength(2);
  });

  it('gives the same numbers on a second run (deterministic, faults or not)', async () => {
    const again = await runCountyYear({ ...SIZE, outDir: join(outDir, 'again'), faults: false });
    const strip = (s: CountyYearSummary) => {
      const { transport: _t, durationMs: _d, files: _f, ...rest } = s;
      return rest;
    };
    expect(strip(again)).toEqual(strip(summary));
  }, 120_000);
});
