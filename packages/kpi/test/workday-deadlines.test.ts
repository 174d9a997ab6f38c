/**
 * Working-day deadlines in KPI scoring: `allowedWorkdays: 0` for an act on a rest day (issue 13 engine bug), and
 * the provisional mark on evidence whose deadline lies in a year without a loaded holiday notice (December 2026).
 */
import { getDefaultCalendar, setDefaultCalendar, type WorkdayCalendar } from '@jianguan/core';
import type { IndicatorResult, KpiData, Scorecard } from '@jianguan/kpi';
import { baselineIndicatorSet, deriveIndicatorSet, scoreIndicators } from '@jianguan/kpi';
import { describe, expect, it } from 'vitest';

function ind(card: Scorecard, id: string): IndicatorResult {
  const found = card.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}

const catalogItems: KpiData['catalogItems'] = [
  {
    itemCode: 'I1',
    department: 'scjg',
    claimed: true,
    hasInspectionList: true,
    mandatoryElements: 1,
    filledElements: 1,
  },
];

describe('behaviour report timeliness with allowedWorkdays 0', () => {
  const sameDay = deriveIndicatorSet(baselineIndicatorSet, {
    id: 'same-day',
    version: '1.0.0',
    override: {
      'behaviour-report-timeliness': { metric: { type: 'behaviour_report_timeliness', allowedWorkdays: 0 } },
    },
  });

  it('a same-day report of a rest-day act is on time; the next working day is the deadline', () => {
    const data: KpiData = {
      catalogItems,
      behaviours: [
        // Saturday 2025-09-27 (rest); Sunday 09-28 is an adjusted working day (国庆 调休).
        {
          recordId: 'same',
          itemCode: 'I1',
          department: 'scjg',
          actDate: '2025-09-27',
          reportedDate: '2025-09-27',
        },
        {
          recordId: 'next',
          itemCode: 'I1',
          department: 'scjg',
          actDate: '2025-09-27',
          reportedDate: '2025-09-28',
        },
        {
          recordId: 'late',
          itemCode: 'I1',
          department: 'scjg',
          actDate: '2025-09-27',
          reportedDate: '2025-09-29',
        },
        // A working-day act: due the same day.
        {
          recordId: 'wd',
          itemCode: 'I1',
          department: 'scjg',
          actDate: '2025-09-26',
          reportedDate: '2025-09-26',
        },
      ],
    };
    const card = scoreIndicators(sameDay, data, { period: '2025-Q3', unit: 'scjg' });
    const report = ind(card, 'behaviour-report-timeliness');
    expect(report.value).toBe(3 / 4);
    expect(report.deductions[0]?.records).toMatchObject([
      { id: 'late', deadline: '2025-09-28', workdaysLate: 1 },
    ]);
  });
});

describe('December 2026 deadlines reach the estimated 2027', () => {
  it('scores, and marks the evidence that depends on 2027 provisional', () => {
    const data: KpiData = {
      catalogItems,
      behaviours: [
        // Deadline 2026-12-30 + 2 = 2027-01-04 (estimate: 01-01 New Year); reported 01-05 → 1 day late.
        {
          recordId: 'est',
          itemCode: 'I1',
          department: 'scjg',
          actDate: '2026-12-30',
          reportedDate: '2027-01-05',
        },
        // Entirely in 2026: 12-01 + 2 = 12-03; reported 12-07 → 2 days late, official.
        {
          recordId: 'off',
          itemCode: 'I1',
          department: 'scjg',
          actDate: '2026-12-01',
          reportedDate: '2026-12-07',
        },
      ],
    };
    const card = scoreIndicators(baselineIndicatorSet, data, {
      period: '2026-12',
      unit: 'scjg',
      asOf: '2027-01-31',
    });
    const records = ind(card, 'behaviour-report-timeliness').deductions.flatMap((d) => d.records);
    const est = records.find((r) => r.id === 'est');
    const off = records.find((r) => r.id === 'off');
    expect(est).toMatchObject({ deadline: '2027-01-04', workdaysLate: 1, provisional: true });
    expect(off).toMatchObject({ deadline: '2026-12-03', workdaysLate: 2 });
    expect(off?.provisional).toBeUndefined();
  });
});

describe('a default calendar without the provisional queries', () => {
  it('scores December 2026 without a TypeError; nothing can be marked provisional', () => {
    const base = getDefaultCalendar();
    // A hand-made calendar (e.g. from plain JS) with the methods setDefaultCalendar checks, but no isProvisional*.
    const plain = Object.fromEntries(
      [
        'isWorkday',
        'dayInfo',
        'nextWorkday',
        'previousWorkday',
        'addWorkdays',
        'workdaysBetween',
        'workdayLateness',
        'isWorkdayNumber',
        'workdaysBetweenDayNumbers',
        'addWorkdaysToDayNumber',
        'extend',
      ].map((k) => [k, (base as unknown as Record<string, (...a: unknown[]) => unknown>)[k]!.bind(base)]),
    ) as unknown as WorkdayCalendar;
    setDefaultCalendar(plain);
    try {
      const data: KpiData = {
        catalogItems,
        behaviours: [
          {
            recordId: 'est',
            itemCode: 'I1',
            department: 'scjg',
            actDate: '2026-12-30',
            reportedDate: '2027-01-05',
          },
        ],
      };
      const card = scoreIndicators(baselineIndicatorSet, data, {
        period: '2026-12',
        unit: 'scjg',
        asOf: '2027-01-31',
      });
      const est = ind(card, 'behaviour-report-timeliness').deductions.flatMap((d) => d.records)[0];
      expect(est).toMatchObject({ deadline: '2027-01-04', workdaysLate: 1 });
      expect(est?.provisional).toBeUndefined();
    } finally {
      setDefaultCalendar(base);
    }
  });
});
