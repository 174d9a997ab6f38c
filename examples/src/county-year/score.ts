/**
 * Year end: score the bureau on the provincial assessment (监管履职评价) with `@jianguan/kpi`'s baseline
 * indicator set, rank both departments, and write the self-contained HTML scorecard.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Officer } from '@jianguan/core';
import {
  baselineIndicatorSet,
  type CatalogItemFact,
  compareUnits,
  type KpiData,
  type OfficerActivity,
  officerFactFromOfficer,
  prepareKpiData,
  renderScorecardHtml,
  type Scorecard,
  scorecardToJson,
  scoreIndicators,
} from '@jianguan/kpi';
import seedrandom from 'seedrandom';
import { DEPARTMENTS, SPOT_CHECK_ITEMS } from './county.js';
import type { ReportingOutcome } from './report.js';

/** The catalog (监管事项目录清单) of both departments: the spot-check items plus a few others. */
function catalogItems(): CatalogItemFact[] {
  // One item without an inspection list and without records: the scorecard shows what that costs.
  const extra = [['33012200100004', DEPARTMENTS.samr.code]] as const;
  return [...SPOT_CHECK_ITEMS.map((i) => [i.itemCode, i.department] as const), ...extra].map(
    ([itemCode, department]) => ({
      itemCode,
      department,
      claimed: true,
      requiresInspectionList: true,
      hasInspectionList: itemCode !== '33012200100004',
      mandatoryElements: 10,
      filledElements: 10,
    }),
  );
}

/** A year of officer activity (logins, online days), seeded; a few officers are hardly ever online. */
function activityOf(seed: string, officerId: string, year: number): OfficerActivity[] {
  const rng = seedrandom(`${seed}:activity:${officerId}`);
  const idle = rng() < 0.04;
  return Array.from({ length: 12 }, (_, m) => ({
    month: `${year}-${String(m + 1).padStart(2, '0')}`,
    logins: idle ? Math.floor(rng() * 2) : 4 + Math.floor(rng() * 20),
    onlineDays: idle ? Math.floor(rng() * 5) : 15 + Math.floor(rng() * 7),
  }));
}

/** Scores the year and writes `scorecard.html` (+ JSON) to `outDir`. */
export function scoreYear(options: {
  readonly seed: string;
  readonly year: number;
  readonly officers: readonly Officer[];
  readonly reporting: ReportingOutcome;
  readonly outDir: string;
}): { card: Scorecard; htmlFile: string; jsonFile: string; ranking: { unit: string; total: number }[] } {
  const { seed, year, reporting } = options;
  const data: KpiData = {
    catalogItems: catalogItems(),
    behaviours: reporting.behaviours.map((b) => ({
      recordId: b.recordId,
      itemCode: b.itemCode,
      department: b.department,
      actDate: b.actDate,
      reportedDate: b.reportedDate,
      rejectedDate: b.rejectedDate,
      fixedDate: b.fixedDate,
    })),
    officers: options.officers.map((o) =>
      officerFactFromOfficer(o, {
        registered: true,
        certified: o.staffNature !== '05',
        activity: activityOf(seed, o.lawEnforcementCertNo, year),
      }),
    ),
    publications: reporting.publications.map((p) => ({
      publicationId: p.id,
      department: p.department,
      channel:
        p.channel === 'annual-plan' ? 'annual_plan' : p.channel === 'work-news' ? 'work_news' : 'exposure',
      date: p.date,
    })),
    clues: reporting.clues.map((c) => ({
      clueId: c.clueId,
      department: DEPARTMENTS.samr.code,
      receivedDate: c.receivedDate,
      feedbackDate: c.feedbackDate,
    })),
  };
  const prepared = prepareKpiData(data);
  const period = `${year}`;
  const asOf = `${year}-12-31`;
  const unit = { id: DEPARTMENTS.samr.code, name: DEPARTMENTS.samr.name };
  const card = scoreIndicators(baselineIndicatorSet, prepared, { period, unit, asOf });
  const comparison = compareUnits(baselineIndicatorSet, prepared, {
    period,
    asOf,
    units: [unit, { id: DEPARTMENTS.health.code, name: DEPARTMENTS.health.name }],
  });
  const htmlFile = join(options.outDir, 'scorecard.html');
  const jsonFile = join(options.outDir, 'scorecard.json');
  writeFileSync(htmlFile, renderScorecardHtml(card, { comparison }));
  writeFileSync(jsonFile, scorecardToJson(card));
  const ranking = comparison.rows.map((r) => ({ unit: r.unit, total: r.total }));
  return { card, htmlFile, jsonFile, ranking };
}
