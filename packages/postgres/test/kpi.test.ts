import { civilDateOfDayNumber, dayNumberOf } from '@jianguan/core';
import type { BehaviourFact, IndicatorSet, PeriodGranularity, Scorecard } from '@jianguan/kpi';
import {
  baselineIndicatorSet,
  deriveIndicatorSet,
  hubeiLikeIndicatorSet,
  prepareKpiData,
  scoreIndicators,
} from '@jianguan/kpi';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import {
  countPublicationsInDatabase,
  coverageInDatabase,
  type KpiFeeds,
  kpiFactsInDatabase,
  PostgresError,
  saveKpiFacts,
  saveKpiFeeds,
  scoreFeedInDatabase,
  scoreInDatabase,
  syncWorkdays,
  withTransaction,
} from '../src/index.js';
import { describeOnMigratedBackends } from './support/backends.js';

// Days where lateness is easy to get wrong: holidays, 调休 working weekends, quarter and year boundaries.
const SPECIAL = [
  '2024-12-31',
  '2025-01-01',
  '2025-01-26',
  '2025-01-27',
  '2025-01-28',
  '2025-02-04',
  '2025-02-05',
  '2025-02-08',
  '2025-03-31',
  '2025-04-01',
  '2025-04-04',
  '2025-04-27',
  '2025-05-01',
  '2025-05-05',
  '2025-05-06',
  '2025-06-30',
  '2025-07-01',
  '2025-09-28',
  '2025-09-30',
  '2025-10-01',
  '2025-10-08',
  '2025-10-09',
  '2025-10-11',
  '2025-12-31',
  '2026-01-01',
  '2026-01-04',
  '2026-02-14',
  '2026-02-15',
  '2026-02-24',
  '2026-02-28',
  '2026-03-31',
];
const FIRST = dayNumberOf('2024-12-20');
const LAST = dayNumberOf('2026-03-31');
const DEPARTMENTS = ['scjg', 'hbj', '卫健委', 'jtj'];
const PERIODS: Record<PeriodGranularity, string[]> = {
  quarter: ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1'],
  month: ['2025-01', '2025-02', '2025-09', '2025-10', '2025-12', '2026-02'],
  year: ['2025'],
};

const date = (d: number) => civilDateOfDayNumber(d);
const dayArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: FIRST, max: LAST }) },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL.map((s) => dayNumberOf(s))) },
);
const ITEMS = ['SX-1', 'SX-2', 'SX-3', 'SX-4'];
const factArb = fc.record({
  department: fc.constantFrom(...DEPARTMENTS),
  item: fc.constantFrom(...ITEMS, 'SX-9'), // SX-9: in no department's catalog
  act: dayArb,
  reportAfter: fc.oneof(fc.integer({ min: -3, max: 25 }), fc.constantFrom(0, 1, 2, 3, 4)),
  rejectAfter: fc.option(fc.integer({ min: 0, max: 30 }), { freq: 2 }),
  fixAfter: fc.option(fc.integer({ min: -2, max: 20 }), { freq: 3 }),
});
type Row = {
  department: string;
  item: string;
  act: number;
  reportAfter: number;
  rejectAfter: number | null;
  fixAfter: number | null;
};
const toFacts = (rows: readonly Row[]) =>
  rows.map((r, i): BehaviourFact => {
    const clamp = (d: number) => Math.min(LAST, Math.max(FIRST, d));
    const rejected = r.rejectAfter === null ? undefined : clamp(r.act + r.rejectAfter);
    // a fix date with no rejection (ignored by the scorer), or after the rejection, or missing (pending)
    const fixed = r.fixAfter === null ? undefined : clamp((rejected ?? r.act) + r.fixAfter);
    return {
      recordId: `R${String(i).padStart(4, '0')}`,
      itemCode: r.item,
      department: r.department,
      actDate: date(r.act),
      reportedDate: date(clamp(r.act + r.reportAfter)),
      ...(rejected === undefined ? {} : { rejectedDate: date(rejected) }),
      ...(fixed === undefined ? {} : { fixedDate: date(fixed) }),
    };
  });

function setFor(g: PeriodGranularity, report: number, fix: number): IndicatorSet {
  return deriveIndicatorSet(hubeiLikeIndicatorSet, {
    id: `pg-kpi-${g}-${report}-${fix}`,
    version: '1.0.0',
    override: {
      'on-time-report-rate': {
        period: g,
        metric: { type: 'behaviour_report_timeliness', allowedWorkdays: report },
      },
      'late-report-deduction': {
        period: g,
        metric: { type: 'behaviour_report_timeliness', allowedWorkdays: report },
      },
      'on-time-fix-rate': { period: g, metric: { type: 'behaviour_fix_timeliness', allowedWorkdays: fix } },
      'zero-reporting': { period: g },
    },
  });
}

/** The counts scoreIndicators reports, read off the scorecard (windows and the evidence behind deductions). */
function countsOf(card: Scorecard) {
  const ind = (id: string) => card.indicators.find((i) => i.id === id)!;
  const timeliness = (ratioId: string, evidenceId: string) => {
    const w = ind(ratioId).windows[0];
    const evidence = ind(evidenceId).deductions.flatMap((d) => d.records);
    const due = w?.denominator ?? 0;
    const onTime = w?.numerator ?? 0;
    return {
      due,
      onTime,
      late: due - onTime,
      pending: evidence.filter((r) => r.doneDate === null).length,
      workdaysLate: evidence.reduce((s, r) => s + (r.workdaysLate ?? 0), 0),
      lateIds: evidence.length,
    };
  };
  const report = timeliness('on-time-report-rate', 'late-report-deduction');
  const fix = timeliness('on-time-fix-rate', 'on-time-fix-rate');
  expect(report.lateIds).toBe(report.late);
  expect(fix.lateIds).toBe(fix.late);
  const strip = ({ lateIds: _, ...c }: typeof report) => c;
  return {
    volume: ind('zero-reporting').windows.reduce((s, w) => s + (w.value ?? 0), 0),
    report: strip(report),
    fix: strip(fix),
  };
}

// Clues (线索) and 双告知: an event day and, maybe, a done day (before, on or after the deadline); publications.
const timedArb = fc.record({
  department: fc.constantFrom(...DEPARTMENTS),
  event: dayArb,
  doneAfter: fc.option(fc.oneof(fc.integer({ min: 0, max: 25 }), fc.constantFrom(0, 1, 2, 5, 10)), {
    freq: 3,
  }),
});
const publicationArb = fc.record({
  department: fc.constantFrom(...DEPARTMENTS),
  channel: fc.constantFrom('annual_plan', 'work_news', 'exposure'),
  day: dayArb,
});
const catalogArb = fc.uniqueArray(
  fc.record({
    department: fc.constantFrom(...DEPARTMENTS),
    itemCode: fc.constantFrom(...ITEMS),
    claimed: fc.boolean(),
  }),
  { selector: (c) => `${c.department}/${c.itemCode}`, maxLength: 16 },
);
type Timed = { department: string; event: number; doneAfter: number | null };
const doneOf = (t: Timed) => (t.doneAfter === null ? undefined : date(Math.min(LAST, t.event + t.doneAfter)));
const toFeeds = (
  clues: readonly Timed[],
  notices: readonly Timed[],
  publications: readonly { department: string; channel: string; day: number }[],
  catalogItems: readonly { department: string; itemCode: string; claimed: boolean }[],
): Required<KpiFeeds> => ({
  catalogItems,
  clues: clues.map((c, i) => {
    const done = doneOf(c);
    return {
      clueId: `XS${String(i).padStart(4, '0')}`,
      department: c.department,
      receivedDate: date(c.event),
      ...(done === undefined ? {} : { feedbackDate: done }),
    };
  }),
  doubleNotifications: notices.map((n, i) => {
    const done = doneOf(n);
    return {
      noticeId: `SGZ${String(i).padStart(4, '0')}`,
      department: n.department,
      pushedDate: date(n.event),
      ...(done === undefined ? {} : { claimedDate: done }),
    };
  }),
  publications: publications.map((p, i) => ({
    publicationId: `FB${String(i).padStart(4, '0')}`,
    department: p.department,
    channel: p.channel as 'work_news',
    date: date(p.day),
  })),
});

/** The baseline set with every feed indicator scored per `g` and the given working days allowed. */
function feedSetFor(g: PeriodGranularity, clue: number, notice: number): IndicatorSet {
  return deriveIndicatorSet(baselineIndicatorSet, {
    id: `pg-kpi-feeds-${g}-${clue}-${notice}`,
    version: '1.0.0',
    override: {
      'clue-feedback-rate': { period: g },
      'clue-feedback-timeliness': {
        period: g,
        metric: { type: 'clue_feedback_timeliness', allowedWorkdays: clue },
      },
      'double-notification-claim-rate': { period: g },
      'double-notification-claim-timeliness': {
        period: g,
        metric: { type: 'double_notification_claim_timeliness', allowedWorkdays: notice },
      },
      'behaviour-coverage': { period: g },
      'annual-plan': { period: g },
      'work-news': { period: g },
      exposure: { period: g },
    },
  });
}

/** The feed counts scoreIndicators reports (one window each: every indicator is scored per the period's own granularity). */
function feedCountsOf(card: Scorecard) {
  const ind = (id: string) => card.indicators.find((i) => i.id === id)!;
  const one = (id: string) => {
    const { windows } = ind(id);
    expect(windows.length).toBeLessThanOrEqual(1);
    return windows[0];
  };
  const rate = (id: string) => ({
    events: one(id)?.denominator ?? 0,
    done: one(id)?.numerator ?? 0,
  });
  const timeliness = (id: string) => {
    const w = one(id);
    const evidence = ind(id).deductions.flatMap((d) => d.records);
    const due = w?.denominator ?? 0;
    const onTime = w?.numerator ?? 0;
    expect(evidence.length).toBe(due - onTime);
    return {
      due,
      onTime,
      late: due - onTime,
      pending: evidence.filter((r) => r.doneDate === null).length,
      workdaysLate: evidence.reduce((s, r) => s + (r.workdaysLate ?? 0), 0),
    };
  };
  return {
    coverage: {
      claimed: one('behaviour-coverage')?.denominator ?? 0,
      covered: one('behaviour-coverage')?.numerator ?? 0,
    },
    clues: { ...rate('clue-feedback-rate'), timeliness: timeliness('clue-feedback-timeliness') },
    notices: {
      ...rate('double-notification-claim-rate'),
      timeliness: timeliness('double-notification-claim-timeliness'),
    },
    channels: {
      annual_plan: one('annual-plan')?.value ?? 0,
      work_news: one('work-news')?.value ?? 0,
      exposure: one('exposure')?.value ?? 0,
    },
  };
}

describeOnMigratedBackends('KPI facts in the database', (db) => {
  it('counts behaviours, coverage, clues, 双告知 and publications per department and period exactly as scoreIndicators (fast-check)', async () => {
    await syncWorkdays(db, { fromYear: 2024, toYear: 2026 });
    let compared = 0;
    let late = 0;
    let feedLate = 0;
    let feedPending = 0;
    let published = 0;
    let covered = 0;
    let uncovered = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(factArb, { minLength: 0, maxLength: 120 }),
        fc.constantFrom(0, 1, 2, 5),
        fc.constantFrom(0, 3, 5, 10),
        fc.option(fc.constantFrom('2025-05-06', '2025-10-09', '2025-12-31', '2026-02-24', '2026-03-31')),
        fc.array(timedArb, { maxLength: 60 }),
        fc.array(timedArb, { maxLength: 60 }),
        fc.array(publicationArb, { maxLength: 60 }),
        fc.constantFrom(0, 1, 5, 10),
        fc.constantFrom(0, 2, 5),
        catalogArb,
        async (
          rows,
          report,
          fix,
          asOf,
          clueRows,
          noticeRows,
          publicationRows,
          clueAllowed,
          noticeAllowed,
          catalog,
        ) => {
          const facts = toFacts(rows);
          const feeds = toFeeds(clueRows, noticeRows, publicationRows, catalog);
          await db.query(
            'truncate jianguan.kpi_behaviours, jianguan.kpi_clues, jianguan.kpi_double_notifications, ' +
              'jianguan.kpi_publications, jianguan.kpi_catalog_items',
          );
          await saveKpiFacts(db, facts);
          expect(await saveKpiFeeds(db, feeds)).toEqual({
            clues: clueRows.length,
            doubleNotifications: noticeRows.length,
            publications: publicationRows.length,
            catalogItems: catalog.length,
          });
          const back = await kpiFactsInDatabase(db);
          expect(back).toEqual(facts); // ids are zero-padded ASCII: code-point order = input order
          const prepared = prepareKpiData({ behaviours: back, ...feeds });
          for (const g of ['quarter', 'month', 'year'] as const) {
            const set = setFor(g, report, fix);
            const feedSet = feedSetFor(g, clueAllowed, noticeAllowed);
            const at = asOf === null ? {} : { asOf };
            const rowsDb = await scoreInDatabase(db, {
              periods: PERIODS[g],
              reportAllowedWorkdays: report,
              fixAllowedWorkdays: fix,
              ...at,
            });
            const cluesDb = await scoreFeedInDatabase(db, {
              feed: 'clues',
              periods: PERIODS[g],
              allowedWorkdays: clueAllowed,
              ...at,
            });
            const noticesDb = await scoreFeedInDatabase(db, {
              feed: 'doubleNotifications',
              periods: PERIODS[g],
              allowedWorkdays: noticeAllowed,
              ...at,
            });
            const publicationsDb = await countPublicationsInDatabase(db, { periods: PERIODS[g], ...at });
            const coverageDb = await coverageInDatabase(db, { periods: PERIODS[g], ...at });
            for (const period of PERIODS[g]) {
              for (const department of DEPARTMENTS) {
                const card = scoreIndicators(set, prepared, {
                  period,
                  unit: department,
                  ...(asOf === null ? {} : { asOf }),
                });
                const expected = countsOf(card);
                const got = rowsDb.find((r) => r.period === period && r.department === department);
                const zero = { due: 0, onTime: 0, late: 0, pending: 0, workdaysLate: 0 };
                expect({
                  period,
                  department,
                  ...(got
                    ? { volume: got.volume, report: got.report, fix: got.fix }
                    : { volume: 0, report: zero, fix: zero }),
                }).toEqual({
                  period,
                  department,
                  ...expected,
                });
                const zeroFeed = { events: 0, done: 0, timeliness: zero };
                const feedOf = (list: typeof cluesDb) => {
                  const r = list.find((x) => x.period === period && x.department === department);
                  return r ? { events: r.events, done: r.done, timeliness: r.timeliness } : zeroFeed;
                };
                const pub = publicationsDb.find((x) => x.period === period && x.department === department);
                const cov = coverageDb.find((x) => x.period === period && x.department === department);
                const expectedFeeds = feedCountsOf(
                  scoreIndicators(feedSet, prepared, { period, unit: department, ...at }),
                );
                expect({
                  period,
                  department,
                  coverage: cov ? { claimed: cov.claimed, covered: cov.covered } : { claimed: 0, covered: 0 },
                  clues: feedOf(cluesDb),
                  notices: feedOf(noticesDb),
                  channels: pub?.channels ?? { annual_plan: 0, work_news: 0, exposure: 0 },
                }).toEqual({ period, department, ...expectedFeeds });
                compared++;
                late += expected.report.late + expected.fix.late;
                feedLate += expectedFeeds.clues.timeliness.late + expectedFeeds.notices.timeliness.late;
                feedPending +=
                  expectedFeeds.clues.timeliness.pending + expectedFeeds.notices.timeliness.pending;
                published += Object.values(expectedFeeds.channels).reduce((a, b) => a + b, 0);
                covered += expectedFeeds.coverage.covered;
                uncovered += expectedFeeds.coverage.claimed - expectedFeeds.coverage.covered;
              }
            }
          }
        },
      ),
      { numRuns: 8, seed: 20251009, endOnFailure: true },
    );
    expect(compared).toBe(8 * DEPARTMENTS.length * (5 + 6 + 1));
    expect(late).toBeGreaterThan(0); // the generator does produce late and pending records
    expect(feedLate).toBeGreaterThan(0);
    expect(feedPending).toBeGreaterThan(0);
    expect(published).toBeGreaterThan(0);
    expect(covered).toBeGreaterThan(0);
    expect(uncovered).toBeGreaterThan(0);
  });

  it('refuses to count a record whose dates are outside the working-day table', async () => {
    await db.query('delete from jianguan.kpi_behaviours');
    await saveKpiFacts(db, [
      {
        recordId: 'OLD',
        itemCode: 'SX',
        department: 'scjg',
        actDate: '2025-12-30',
        reportedDate: '2027-01-05',
      },
    ]);
    await expect(
      scoreInDatabase(db, { periods: ['2025-Q4'], reportAllowedWorkdays: 2, fixAllowedWorkdays: 5 }),
    ).rejects.toMatchObject({ name: 'PostgresError', code: 'outside_calendar' });
    await expect(
      scoreInDatabase(db, { periods: ['2025-Q4'], reportAllowedWorkdays: -1, fixAllowedWorkdays: 5 }),
    ).rejects.toBeInstanceOf(PostgresError);
  });

  it('reads facts back as YYYY-MM-DD and counts alike whatever the session TimeZone and DateStyle', async () => {
    await syncWorkdays(db, { fromYear: 2025, toYear: 2025 });
    await db.query('delete from jianguan.kpi_behaviours');
    const facts: BehaviourFact[] = [
      {
        recordId: 'TZ1',
        itemCode: 'SX',
        department: 'scjg',
        actDate: '2025-10-31',
        reportedDate: '2025-11-04',
        rejectedDate: '2025-11-05',
        fixedDate: '2025-11-20',
      },
    ];
    await saveKpiFacts(db, facts);
    const options = {
      periods: ['2025-10', '2025-11'],
      reportAllowedWorkdays: 2,
      fixAllowedWorkdays: 5,
    } as const;
    const plain = await scoreInDatabase(db, options);
    for (const [zone, style] of [
      ['America/Los_Angeles', 'SQL, DMY'],
      ['Pacific/Kiritimati', 'German'],
      ['Asia/Shanghai', 'Postgres, MDY'],
    ]) {
      const [read, scored] = await withTransaction(db, async (tx) => {
        await tx.query(`set local timezone = '${zone}'`);
        await tx.query(`set local datestyle = '${style}'`);
        return [await kpiFactsInDatabase(tx), await scoreInDatabase(tx, options)] as const;
      });
      expect(read).toEqual(facts);
      expect(scored).toEqual(plain);
    }
  });

  it('counts facts held as timestamps on their Beijing civil date whatever the session TimeZone', async () => {
    await syncWorkdays(db, { fromYear: 2025, toYear: 2025 });
    await db.query('drop table if exists tz_facts');
    await db.query(`create table tz_facts (record_id text, item_code text, department text, act_date timestamptz,
      reported_date timestamptz, rejected_date timestamptz, fixed_date timestamptz)`);
    // 00:30 on 1 November in Beijing is 31 October in Los Angeles and 16:30 on 31 October in UTC.
    await db.query(`insert into tz_facts values
      ('T1', 'SX', 'scjg', '2025-11-01 00:30:00+08', '2025-11-04 00:30:00+08', null, null)`);
    const options = {
      periods: ['2025-10', '2025-11'],
      reportAllowedWorkdays: 2,
      fixAllowedWorkdays: 5,
      facts: 'tz_facts',
    } as const;
    for (const zone of ['America/Los_Angeles', 'UTC', 'Asia/Shanghai']) {
      const rows = await withTransaction(db, async (tx) => {
        await tx.query(`set local timezone = '${zone}'`);
        return scoreInDatabase(tx, options);
      });
      expect(rows.map((r) => [r.period, r.volume, r.report.onTime])).toEqual([['2025-11', 1, 1]]);
    }
    await db.query('drop table tz_facts');
  });
});
