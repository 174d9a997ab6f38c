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
import { openDemoDatabase, outboxCounts } from './database.js';
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
import { type ReportingOutcome, reportYear, type WorkItemTally } from './report.js';
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
  /**
   * The market-regulation bureau's database: `'pglite'` (default, embedded, in memory) or a PostgreSQL URL, on
   * whose server the demo recreates the scratch database `jianguan_demo` (see `database.ts`).
   */
  readonly database?: string;
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
  /**
   * The work items handled through `@jianguan/tasks` (clues, joint tasks, complaints, quality fixes), on time or
   * late at year end; the clue and fix figures are the scorecard's timeliness numerators and denominators.
   */
  readonly workItems: Readonly<Record<string, WorkItemTally>>;
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
  /** The market-regulation bureau's database and what its outbox table holds at year end. */
  readonly database: {
    readonly kind: 'pglite' | 'postgres';
    readonly label: string;
    readonly outbox: {
      readonly entries: number;
      readonly stored: number;
      readonly duplicate: number;
      readonly rejected: number;
      readonly pending: number;
    };
  };
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
  // The database starts while the first steps run (PGlite compiles its WebAssembly in the background); the
  // reporting step is the first to need it.
  const opening = openDemoDatabase(
    options.database === undefined || options.database === 'pglite' ? undefined : options.database,
  );
  opening.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  let database: Awaited<typeof opening> | undefined;
  try {
    const files = await step(
      '导出名录 Export the county lists to CSV',
      () => writeCounty(join(outDir, 'county'), generateCounty(seed, entityCount, officerCount, year)),
      (f) => `${show(dirname(f.entities))}/ (entities, officers, spot-check items, credit records)`,
    );
    const county = await step(
      '读回并质检 Load the CSV files and check them',
      () => loadCounty(files, dates.gradedAsOf),
      (c) =>
        `${c.entities.length} entities, ${c.officers.length} officers, ${c.items.length} items; ${c.check.failed} failed 质检`,
    );
    if (county.check.failed > 0) log(county.report); // file:line of every issue, to fix the export
    const graded = await step(
      '信用分级 Grade credit (samr-baseline)',
      () => gradeCounty(county.entities, county.creditRecords, county.facts, dates.gradedAsOf),
      (g) =>
        Object.entries(g.counts)
          .map(([k, v]) => `${k} ${v}`)
          .join(' · '),
    );
    const directory = buildDirectory(county.entities, graded.grades, county.facts);
    const officerDirectory = buildOfficerDirectory(county.officers, year);
    const drawn = await step(
      '双随机抽取 Draw the spot checks',
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
      '联合检查、派员 Merge joint visits, assign officers',
      () => mergeAndAssign(seed, year, drawn.records, officerDirectory),
      (m) =>
        `${m.merge.visitsBefore} → ${m.merge.visitsAfter} visits (${m.merge.visitsSaved} saved), ${m.assignment.infeasible.length} infeasible`,
    );
    const inspections = await step(
      '检查并记录 Inspect and record results',
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
      '结果公示 Publish the results (JSON + CSV)',
      () => drawn.records.map((r) => publishNotice(r, inspections, outDir)),
      (ns) =>
        ns
          .map((x) => `${x.notice.department} ${x.notice.entries.length} by ${x.notice.publishBy}`)
          .join(' · '),
    );
    const opened = await opening;
    database = opened;
    const reporting: ReportingOutcome = await step(
      '上报省平台 Report to the province, fix, answer',
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
          database: opened.db,
          jointTaskTeam: officerDirectory
            .filter((o) => o.department === DEPARTMENTS.samr.code && o.kind === undefined)
            .filter((o) => (o.certificate?.validUntil ?? '') > dates.yearEnd)
            .slice(0, 2)
            .map((o) => ({ name: o.name ?? o.id, certNo: o.id })),
        }),
      (r) =>
        `${r.exactlyOnce.stored}/${r.exactlyOnce.expected} stored once, ${r.fixes.rejected} rejected → ${r.fixes.onTime} fixed on time, ${r.clues.length} clues; SAMR outbox in ${opened.label}`,
    );
    const reportingLog = join(outDir, 'reporting-log.json');
    writeFileSync(reportingLog, `${JSON.stringify(reporting.behaviours, null, 1)}\n`);
    const scored = await step(
      '考核评分 Score the KPIs, write the scorecard',
      () => scoreYear({ seed, year, officers: county.officers, reporting, outDir }),
      (s) =>
        `${s.card.unit.name ?? s.card.unit.id}: ${s.card.total} (${s.card.passed ? 'passed' : 'failed'}) → ${show(s.htmlFile)}`,
    );
    const verification = await step(
      '公众核验 Verify the published draw',
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
      workItems: reporting.workItems,
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
        taskLog: reporting.taskLog,
      },
      database: { kind: opened.kind, label: opened.label, outbox: await outboxCounts(opened.db) },
      transport: reporting.transport,
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    await (database ?? (await opening.catch(() => undefined)))?.close();
  }
}

/**
 * The terms the demo uses, each explained once (术语说明), Chinese first with English beside.
 */
export const GLOSSARY: readonly string[] = [
  '术语 Terms used below:',
  '  一单两库      随机抽查事项清单、检查对象名录库、执法检查人员名录库 — the spot-check item list and the entity and officer directories',
  '  质检          省平台对每条上报数据做的数据质量检查 — the quality check the province runs on every uploaded record',
  '  信用分级分类  按信用风险把企业分为 A–D 级，决定抽查比例 — credit grading (A–D), which sets how often a firm is inspected',
  '  双随机        随机抽取检查对象、随机选派执法人员 — random choice of the firms inspected and of the officers sent',
  '  一公开        抽查情况和查处结果向社会公开 — publication of the draw and the inspection results',
  '  联合检查      多个部门对同一企业“进一次门、查多项事” — several departments inspect a firm in one visit',
  '  考核评分      上级对部门“互联网+监管”工作的季度/年度考核 — the assessment of a department by its superiors',
  '',
];

/** A number with its unit, as the summary shows it. */
function transportLine(transport: Readonly<Record<string, unknown>>): string {
  const parts = Object.entries(transport).flatMap(([k, v]) =>
    typeof v === 'number' || typeof v === 'string'
      ? [`${k} ${String(v)}`]
      : v !== null && typeof v === 'object'
        ? [
            `${k}: ${
              Object.entries(v)
                .map(([kk, vv]) => `${kk} ${String(vv)}`)
                .join(', ') || '-'
            }`,
          ]
        : [],
  );
  return parts.length === 0 ? '-' : parts.join(', ');
}

const WORK_ITEM_LABELS: Readonly<Record<string, string>> = {
  risk_clue: '线索 clues',
  joint_task: '联合任务 joint tasks',
  complaint: '投诉 complaints',
  quality_fix: '整改 fixes',
};

/** `线索 clues 52/60 on time (8 late) · …`: on time of those due at year end, per kind of work item. */
function workItemsLine(items: Readonly<Record<string, WorkItemTally>>): string {
  return Object.entries(items)
    .map(
      ([kind, t]) =>
        `${WORK_ITEM_LABELS[kind] ?? kind} ${t.onTime}/${t.due} 按时 on time${t.late > 0 ? `，${t.late} 逾期 late` : ''}`,
    )
    .join(' · ');
}

/** The short summary printed at the end of the demo: Chinese first, English beside, then a command to run. */
export function formatSummary(s: CountyYearSummary): string {
  const record = show(s.files.drawRecord ?? '');
  const population = show(s.files.population ?? '');
  const lines = [
    '',
    `${s.year} 年一个县的“互联网+监管” — ${s.entities} 户企业，${s.officers} 名执法人员（种子 ${s.seed}）`,
    `${s.year} in one county — ${s.entities} entities, ${s.officers} officers (seed ${s.seed})`,
    `  信用等级 credit grades        ${Object.entries(s.grades)
      .map(([k, v]) => `${k} ${v}`)
      .join(' · ')}`,
    ...s.draws.map(
      (d) =>
        `  抽查 draw ${d.department.padEnd(15)} 抽中 ${d.drawn} / 共 ${d.population} — drew ${d.drawn} of ${d.population} (摘要 digest ${d.recordDigest.slice(0, 12)}…)`,
    ),
    `  联合检查 joint visits         ${s.joint.jointVisits} 次联合检查，少进门 ${s.joint.visitsSaved} 次 — ${s.joint.visitsSaved} visits saved (${s.joint.visitsBefore} → ${s.joint.visitsAfter})`,
    `  派员 officers                 ${s.staffing.staffed} 次检查已派员，${s.staffing.infeasible} 次无法派员 — busiest officer ${s.staffing.maxLoad} visits`,
    ...s.notices.map(
      (x) =>
        `  公示 notice ${x.department.padEnd(13)} ${x.entries} 条结果，最迟 ${x.publishBy} 公示 — publish by ${x.publishBy}`,
    ),
    `  计划与抽取 plans, draws       ${s.plansAndDraws} 条已上报省平台 — reported to the province`,
    `  监管行为 behaviour records    ${s.behaviours.reported} 条已上报，${s.behaviours.storedExactlyOnce ? '每条只入库一次 each stored exactly once' : '有重复或遗漏 NOT stored exactly once'}`,
    `  省平台质检 province check     ${s.behaviours.rejected} 条被退回，${s.behaviours.fixedOnTime}/${s.behaviours.fixed} 条在 5 个工作日内整改 — fixed within 5 working days`,
    `  线索、任务、投诉 clues, tasks  ${s.clues.answered} 条线索已反馈，${s.jointTasks.answered}/${s.jointTasks.claimed} 项联合任务已答复，${s.complaintsClosed} 件投诉办结`,
    `  按时办结 work items on time   ${workItemsLine(s.workItems)}`,
    `  公开抽查记录 published draw   ${s.drawVerified ? '核验通过 verifies' : '核验未通过 DOES NOT VERIFY'}；不含信用等级 no grades in it；审计核对 auditor check ${s.drawBundleAudited ? '通过 ok' : '未通过 FAILED'}`,
    `  考核 KPI                      ${s.kpi.unit} ${s.kpi.total} 分，${s.kpi.passed ? '合格 passed' : '不合格 failed'}；排名 ranking ${s.kpi.ranking.map((r) => `${r.unit} ${r.total}`).join(' > ')}`,
    `  考核评分表 scorecard          ${show(s.files.scorecard ?? '')}`,
    `  部门业务库 database           ${s.database.label}：市场监管局待报队列 ${s.database.outbox.entries} 条 — outbox rows: ${s.database.outbox.stored} stored, ${s.database.outbox.duplicate} duplicate, ${s.database.outbox.rejected} rejected (fixed, re-sent), ${s.database.outbox.pending} pending`,
    `  传输 transport                ${transportLine(s.transport)}`,
    `  用时 done in ${(s.durationMs / 1000).toFixed(1)}s`,
    '',
    '自己核验这次抽查（任何人都可以，只需公开的两个文件）：',
    'Check the published draw yourself (anyone can; it needs only the two public files):',
    '',
    `  npx jianguan verify ${record} ${population}`,
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
  if (!json) console.log(GLOSSARY.join('\n'));
  try {
    const summary = await runCountyYear({
      ...(entities === undefined ? {} : { entities: Number(entities) }),
      ...(officers === undefined ? {} : { officers: Number(officers) }),
      ...(seed === undefined ? {} : { seed }),
      ...(outDir === undefined ? {} : { outDir }),
      faults: !args.includes('--no-faults'),
      // PGlite unless DATABASE_URL names a PostgreSQL server.
      ...(process.env.DATABASE_URL ? { database: process.env.DATABASE_URL } : {}),
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
