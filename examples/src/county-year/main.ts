/**
 * A county market-regulation bureau's year of 互联网+监管 work, end to end, on the embedded provincial sandbox.
 *
 *   node --conditions=@jianguan/source --import tsx examples/src/county-year/main.ts [--entities 30000] [--officers 300] [--seed s] [--out dir] [--no-faults] [--json]
 *
 * Everything comes from one seed (seedrandom) and a fixed demo year, so the summary numbers are the same on
 * every run and in every time zone. Files are written to `examples/out/` (git-ignored).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkPublicBundle,
  type DirectoryEntity,
  type DrawRecord,
  publishDraw,
  verifyDraw,
} from '@jianguan/sampling';
import type { Sandbox } from '@jianguan/sandbox';
import { type CountyInputCheck, DEPARTMENTS, generateCounty, loadCounty, writeCounty } from './county.js';
import { publishNotice, recordInspections } from './inspect.js';
import {
  buildDirectory,
  buildOfficerDirectory,
  calendarOf,
  drawBoth,
  gradeCounty,
  mergeAndAssign,
  publicSeed,
  tasksOf,
} from './plan.js';
import { type ReportingOutcome, reportYear } from './report.js';
import { scoreYear } from './score.js';

/** Options of {@link runCountyYear}. */
export interface CountyYearOptions {
  /** Seed of everything synthetic (default `'jianguan-county-demo'`). */
  readonly seed?: string;
  /** Regulated entities in the county (default 30 000). */
  readonly entities?: number;
  /** Enforcement officers of both departments (default 300). */
  readonly officers?: number;
  /** Output directory (default `examples/out/`, next to this file's package). */
  readonly outDir?: string;
  /** Switch the sandbox's faults on (default true). */
  readonly faults?: boolean;
  /** Called with the running sandbox before it stops, e.g. to assert on its state in tests. */
  readonly inspectSandbox?: (sandbox: Sandbox) => void | Promise<void>;
  /** Progress lines (default: none). */
  readonly log?: (line: string) => void;
}

/** What the year produced; every number is a function of the options alone. */
export interface CountyYearSummary {
  readonly seed: string;
  readonly year: number;
  readonly entities: number;
  readonly officers: number;
  readonly inputCheck: CountyInputCheck;
  readonly grades: Readonly<Record<string, number>>;
  readonly draws: readonly {
    readonly taskId: string;
    readonly department: string;
    readonly population: number;
    readonly drawn: number;
    readonly recordDigest: string;
  }[];
  readonly joint: {
    readonly visitsBefore: number;
    readonly visitsAfter: number;
    readonly visitsSaved: number;
    readonly jointVisits: number;
  };
  readonly staffing: { readonly staffed: number; readonly infeasible: number; readonly maxLoad: number };
  readonly notices: readonly {
    readonly department: string;
    readonly entries: number;
    readonly publishBy: string;
  }[];
  readonly behaviours: {
    readonly reported: number;
    readonly storedExactlyOnce: boolean;
    readonly rejected: number;
    readonly fixed: number;
    readonly fixedOnTime: number;
    readonly maxFixWorkdays: number;
    readonly rejectionsByRule: Readonly<Record<string, number>>;
  };
  readonly clues: { readonly answered: number };
  readonly complaintsClosed: number;
  /** Plan and drawn-object records reported to the province. */
  readonly plansAndDraws: number;
  readonly jointTasks: { readonly claimed: number; readonly answered: number };
  readonly publications: number;
  /** The public draw files (no grades) verify as a citizen would run them. */
  readonly drawVerified: boolean;
  /** The internal record and salt show that the public files are the same draw (an authorised auditor). */
  readonly drawBundleAudited: boolean;
  readonly kpi: {
    readonly unit: string;
    readonly total: number;
    readonly passed: boolean;
    readonly ranking: readonly { readonly unit: string; readonly total: number }[];
  };
  readonly files: Readonly<Record<string, string>>;
  /** Transport statistics (requests, injected faults): these depend on timing and are not deterministic. */
  readonly transport: Readonly<Record<string, unknown>>;
  readonly durationMs: number;
}

/** Pads to a terminal width, counting CJK characters as two columns. */
function padDisplay(text: string, width: number): string {
  const wide = text.match(/[\u2e80-\u9fff\uff00-\uffef]/g)?.length ?? 0;
  return text + ' '.repeat(Math.max(1, width - text.length - wide));
}

/** A path as the user typed it: relative to the working directory when inside it. */
function show(path: string): string {
  const r = relative(process.cwd(), path);
  return r === '' || r.startsWith('..') ? path : r;
}

/** `examples/out/` (git-ignored), wherever the demo is started from. */
const DEFAULT_OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'out');

/**
 * The demo year: a past year, so the run reads like a year's review. The sandbox's synthetic clues, joint tasks
 * and complaints are dated in it (`startSandbox({ baseDate })`) and 质检 runs as of its 31 December.
 */
export const DEMO_YEAR = 2025;

/**
 * Runs the county year: writes the county's CSV files and loads them back, grades credit, draws and staffs
 * the spot checks, merges joint inspections, publishes notices, records and reports behaviour records
 * through the outbox to a faulty in-process sandbox, fixes rejections within 5 working days, answers clues
 * and joint tasks, and writes the KPI scorecard.
 */
export async function runCountyYear(options: CountyYearOptions = {}): Promise<CountyYearSummary> {
  const seed = options.seed ?? 'jianguan-county-demo';
  const entityCount = options.entities ?? 30_000;
  const officerCount = options.officers ?? 300;
  const outDir = resolve(options.outDir ?? DEFAULT_OUT_DIR);
  const year = DEMO_YEAR;
  const log = options.log ?? (() => undefined);
  mkdirSync(outDir, { recursive: true });
  const started = performance.now();
  const steps = 10;
  let n = 0;
  async function step<T>(title: string, fn: () => T | Promise<T>, detail: (t: T) => string): Promise<T> {
    const t0 = performance.now();
    const value = await fn();
    const ms = performance.now() - t0;
    n++;
    log(
      `[${String(n).padStart(2)}/${steps}] ${padDisplay(title, 46)} ${(ms / 1000).toFixed(2).padStart(6)}s  ${detail(value)}`,
    );
    return value;
  }
  const dates = calendarOf(year);

  const files = await step(
    'Export the county (一单两库) to CSV',
    () => writeCounty(join(outDir, 'county'), generateCounty(seed, entityCount, officerCount, year)),
    (f) => `${show(dirname(f.entities))}/ (entities, officers, spot-check items, credit records)`,
  );
  const county = await step(
    'Load the CSV files back and 质检 them',
    () => loadCounty(files, dates.gradedAsOf),
    (c) =>
      `${c.entities.length} entities, ${c.officers.length} officers, ${c.items.length} items; ${c.check.failed} failed 质检`,
  );
  if (county.check.failed > 0) log(county.report); // file:line of every issue, to fix the export
  const graded = await step(
    'Grade credit (samr-baseline, 信用分级分类)',
    () => gradeCounty(county.entities, county.creditRecords, county.facts, dates.gradedAsOf),
    (g) =>
      Object.entries(g.counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(' · '),
  );
  const directory = buildDirectory(county.entities, graded.grades, county.facts);
  const officerDirectory = buildOfficerDirectory(county.officers, year);
  const drawn = await step(
    'Plan and draw both departments (双随机)',
    () => drawBoth(seed, tasksOf(year, county.items), directory),
    (d) =>
      d.records
        .map((r) => `${r.task.department} ${r.strata.reduce((s, x) => s + x.sampleSize, 0)}`)
        .join(' · '),
  );
  const [samrRecord] = drawn.records as [DrawRecord, DrawRecord];
  // The internal record (strata by credit grade) and the directory (grades, names, inspection history) stay
  // inside the bureau and go to authorised auditors only, with the salt that binds the public record to them.
  const internalDir = join(outDir, 'internal');
  mkdirSync(internalDir, { recursive: true });
  const internalRecordFile = join(internalDir, 'draw-record.internal.json');
  writeFileSync(internalRecordFile, `${JSON.stringify(samrRecord, null, 2)}\n`);
  writeFileSync(join(internalDir, 'draw-population.internal.json'), `${JSON.stringify(directory)}\n`);
  // The public verification bundle: strata S1…Sn, entities { id, attributes: { stratum } } — no grade.
  // A real bureau keeps publishDraw's random salt; the demo derives it so every run writes the same files.
  const bundle = publishDraw(samrRecord, directory, { salt: publicSeed(seed, 'public-bundle-salt') });
  writeFileSync(
    join(internalDir, 'draw-bundle-salt.json'),
    `${JSON.stringify({ recordDigest: bundle.record.recordDigest, salt: bundle.salt }, null, 2)}\n`,
  );
  const drawRecordFile = join(outDir, 'draw-record.json');
  const populationFile = join(outDir, 'draw-population.json');
  writeFileSync(drawRecordFile, `${JSON.stringify(bundle.record, null, 2)}\n`);
  writeFileSync(populationFile, `${JSON.stringify(bundle.population)}\n`);
  const staffed = await step(
    'Merge joint inspections, assign officers',
    () => mergeAndAssign(seed, year, drawn.records, officerDirectory),
    (m) =>
      `${m.merge.visitsBefore} → ${m.merge.visitsAfter} visits (${m.merge.visitsSaved} saved), ${m.assignment.infeasible.length} infeasible`,
  );
  const inspections = await step(
    'Inspect and record results (行政检查)',
    () =>
      recordInspections(
        seed,
        staffed.merge,
        staffed.assignment,
        staffed.visitDates,
        new Map(directory.map((e) => [e.id, e])),
        new Map(officerDirectory.map((o) => [o.id, o])),
        county.items,
      ),
    (r) => `${r.length} behaviour records`,
  );
  const notices = await step(
    'Publish the notices (一公开, JSON + CSV)',
    () => drawn.records.map((r) => publishNotice(r, inspections, outDir)),
    (ns) =>
      ns.map((x) => `${x.notice.department} ${x.notice.entries.length} by ${x.notice.publishBy}`).join(' · '),
  );
  const reporting: ReportingOutcome = await step(
    'Report (outbox, faults on), fix, clues, tasks',
    () =>
      reportYear({
        seed,
        year,
        inspections,
        draws: drawn.records,
        names: new Map(directory.map((e) => [e.id, e.name ?? e.id])),
        outDir,
        faults: options.faults ?? true,
        ...(options.inspectSandbox === undefined ? {} : { inspectSandbox: options.inspectSandbox }),
        jointTaskTeam: officerDirectory
          .filter((o) => o.department === DEPARTMENTS.samr.code && o.kind === undefined)
          .filter((o) => (o.certificate?.validUntil ?? '') > dates.yearEnd)
          .slice(0, 2)
          .map((o) => ({ name: o.name ?? o.id, certNo: o.id })),
      }),
    (r) =>
      `${r.exactlyOnce.stored}/${r.exactlyOnce.expected} stored once, ${r.fixes.rejected} rejected → ${r.fixes.onTime} fixed on time, ${r.clues.length} clues`,
  );
  const reportingLog = join(outDir, 'reporting-log.json');
  writeFileSync(reportingLog, `${JSON.stringify(reporting.behaviours, null, 1)}\n`);
  const scored = await step(
    'Score the KPIs, write the scorecard',
    () => scoreYear({ seed, year, officers: county.officers, reporting, outDir }),
    (s) =>
      `${s.card.unit.name ?? s.card.unit.id}: ${s.card.total} (${s.card.passed ? 'passed' : 'failed'}) → ${show(s.htmlFile)}`,
  );
  const verification = await step(
    'Verify the published draw as a citizen would',
    () => {
      // the citizen: the two public files, no grade in them
      const published = {
        record: JSON.parse(readFileSync(drawRecordFile, 'utf8')) as DrawRecord,
        population: JSON.parse(readFileSync(populationFile, 'utf8')) as DirectoryEntity[],
      };
      const citizen = verifyDraw(published.record, published.population);
      // an authorised auditor: the internal record and salt say the public files are the same draw
      const auditor = checkPublicBundle(samrRecord, directory, published, bundle.salt);
      return { ok: citizen.ok, citizen, auditor };
    },
    (v) =>
      v.ok
        ? `ok — ${show(drawRecordFile)}; auditor ${v.auditor.ok ? 'ok' : 'MISMATCH'}`
        : `MISMATCH: ${v.citizen.mismatches.map((m) => m.code).join(', ')}`,
  );

  const maxLoad = Math.max(0, ...Object.values(staffed.assignment.load));
  return {
    seed,
    year,
    entities: county.entities.length,
    officers: county.officers.length,
    inputCheck: county.check,
    grades: Object.fromEntries(Object.entries(graded.counts).sort()),
    draws: drawn.records.map((r) => ({
      taskId: r.task.id,
      department: r.task.department,
      population: r.strata.reduce((s, x) => s + x.populationSize, 0),
      drawn: r.strata.reduce((s, x) => s + x.sampleSize, 0),
      recordDigest: r.recordDigest,
    })),
    joint: {
      visitsBefore: staffed.merge.visitsBefore,
      visitsAfter: staffed.merge.visitsAfter,
      visitsSaved: staffed.merge.visitsSaved,
      jointVisits: staffed.merge.jointVisits,
    },
    staffing: {
      staffed: staffed.assignment.assignments.length,
      infeasible: staffed.assignment.infeasible.length,
      maxLoad,
    },
    notices: notices.map((x) => ({
      department: x.notice.department,
      entries: x.notice.entries.length,
      publishBy: x.notice.publishBy,
    })),
    behaviours: {
      reported: reporting.behaviours.length,
      storedExactlyOnce: reporting.exactlyOnce.ok,
      rejected: reporting.fixes.rejected,
      fixed: reporting.fixes.fixed,
      fixedOnTime: reporting.fixes.onTime,
      maxFixWorkdays: reporting.fixes.maxWorkdays,
      rejectionsByRule: reporting.fixes.byRule,
    },
    clues: { answered: reporting.clues.length },
    complaintsClosed: reporting.complaintsClosed,
    plansAndDraws: reporting.plansAndDraws,
    jointTasks: reporting.jointTasks,
    publications: reporting.publications.length,
    drawVerified: verification.ok,
    drawBundleAudited: verification.auditor.ok,
    kpi: {
      unit: scored.card.unit.id,
      total: scored.card.total,
      passed: scored.card.passed,
      ranking: scored.ranking,
    },
    files: {
      county: join(outDir, 'county'),
      drawRecord: drawRecordFile,
      population: populationFile,
      internalDrawRecord: internalRecordFile,
      notices: notices.map((x) => x.json).join(', '),
      scorecard: scored.htmlFile,
      reportingLog,
    },
    transport: reporting.transport,
    durationMs: Math.round(performance.now() - started),
  };
}

/** The short summary printed at the end of the demo. */
export function formatSummary(s: CountyYearSummary): string {
  const lines = [
    '',
    `${s.year} in one county (seed ${s.seed}) — ${s.entities} entities, ${s.officers} officers`,
    `  credit grades        ${Object.entries(s.grades)
      .map(([k, v]) => `${k} ${v}`)
      .join(' · ')}`,
    ...s.draws.map(
      (d) =>
        `  draw ${d.department.padEnd(15)} ${d.drawn} of ${d.population} (digest ${d.recordDigest.slice(0, 12)}…)`,
    ),
    `  joint inspections    ${s.joint.jointVisits} joint visits, ${s.joint.visitsSaved} visits saved (${s.joint.visitsBefore} → ${s.joint.visitsAfter})`,
    `  officers             ${s.staffing.staffed} visits staffed, ${s.staffing.infeasible} infeasible, busiest officer ${s.staffing.maxLoad} visits`,
    ...s.notices.map(
      (x) => `  notice ${x.department.padEnd(13)} ${x.entries} results, publish by ${x.publishBy}`,
    ),
    `  plans, draw results  ${s.plansAndDraws} records reported to the province`,
    `  behaviour records    ${s.behaviours.reported} reported, stored exactly once: ${s.behaviours.storedExactlyOnce ? 'yes' : 'NO'}`,
    `  province 质检        ${s.behaviours.rejected} rejected (${Object.entries(s.behaviours.rejectionsByRule)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}), ${s.behaviours.fixedOnTime}/${s.behaviours.fixed} fixed within 5 working days`,
    `  clues, tasks, 12345  ${s.clues.answered} clues answered, ${s.jointTasks.answered}/${s.jointTasks.claimed} joint tasks answered, ${s.complaintsClosed} complaints closed`,
    `  published draw       ${s.drawVerified ? 'verifies' : 'DOES NOT VERIFY'} (no grades in it; auditor check ${s.drawBundleAudited ? 'ok' : 'FAILED'}) — jianguan verify ${show(s.files.drawRecord ?? '')} ${show(s.files.population ?? '')}`,
    `  KPI                  ${s.kpi.unit} ${s.kpi.total} points, ${s.kpi.passed ? 'passed' : 'failed'}; ranking ${s.kpi.ranking.map((r) => `${r.unit} ${r.total}`).join(' > ')}`,
    `  scorecard            ${show(s.files.scorecard ?? '')}`,
    `  transport            ${JSON.stringify(s.transport)}`,
    `  done in ${(s.durationMs / 1000).toFixed(1)}s`,
  ];
  return lines.join('\n');
}

function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const entities = argValue(args, '--entities');
  const officers = argValue(args, '--officers');
  const seed = argValue(args, '--seed');
  const outDir = argValue(args, '--out');
  try {
    const summary = await runCountyYear({
      ...(entities === undefined ? {} : { entities: Number(entities) }),
      ...(officers === undefined ? {} : { officers: Number(officers) }),
      ...(seed === undefined ? {} : { seed }),
      ...(outDir === undefined ? {} : { outDir }),
      faults: !args.includes('--no-faults'),
      ...(json ? {} : { log: (line: string) => console.log(line) }),
    });
    console.log(json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
    const ok =
      summary.drawVerified &&
      summary.behaviours.storedExactlyOnce &&
      summary.behaviours.fixedOnTime === summary.behaviours.fixed;
    process.exitCode = ok ? 0 : 1;
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  }
}
