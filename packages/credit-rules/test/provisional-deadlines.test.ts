/**
 * Credit publicity deadlines that reach a year without a loaded holiday notice (issue 13): December 2026
 * decisions get a date from core's statutory estimate for 2027, marked provisional — no UnknownCalendarYearError.
 */
import {
  createCalendar,
  getDefaultCalendar,
  setDefaultCalendar,
  UnknownCalendarYearError,
  type WorkdayCalendar,
} from '@jianguan/core/calendar';
import { describe, expect, it } from 'vitest';
import { abnormalListDates, type PenaltyFact, samrPenaltyPublicity } from '../src/index.js';

const fact = (decisionDate: string): PenaltyFact => ({
  kind: 'penalty',
  id: 'P-DEC',
  decisionDate,
  penaltyKinds: ['02'],
  fineAmount: 2000,
});

describe('publicity deadlines in December 2026', () => {
  it('a penalty decided 2026-12-04 is due 20 working days later, 2027-01-04 (1 January estimated off), provisionally', () => {
    const w = samrPenaltyPublicity(fact('2026-12-04'));
    expect(w.publishBy).toBe('2027-01-04');
    expect(w.provisional).toBe(true);
  });

  it('a deadline inside 2026 is not provisional', () => {
    const w = samrPenaltyPublicity(fact('2026-11-02'));
    expect(w.publishBy).toBe('2026-11-30');
    expect(w.provisional).toBeUndefined();
  });

  it('abnormal-list removal decisions applied for in late December are provisional too', () => {
    const d = abnormalListDates(
      { kind: 'abnormal_list', id: 'AB1', reason: '1', listedAt: '2026-06-01' },
      { removalAppliedOn: '2026-12-28' },
    );
    expect(d.removalDecisionBy !== undefined && d.removalDecisionBy > '2026-12-31').toBe(true);
    expect(d.provisional).toBe(true);
  });

  it('a repair decision deadline that reaches 2027 marks the answer provisional', () => {
    const w = samrPenaltyPublicity(fact('2026-06-01'), { repairAppliedOn: '2026-12-28' });
    expect(w.publishBy !== undefined && w.publishBy < '2026-12-31').toBe(true);
    expect(w.repairDecisionBy !== undefined && w.repairDecisionBy > '2026-12-31').toBe(true);
    expect(w.provisional).toBe(true);
  });

  it('a strict calendar passed in still refuses 2027', () => {
    const strict = createCalendar({ unknownYears: 'throw' });
    expect(() => samrPenaltyPublicity(fact('2026-12-04'), { calendar: strict })).toThrow(
      UnknownCalendarYearError,
    );
  });
});

describe('a default calendar without isProvisional (a hand-made one, e.g. from plain JS)', () => {
  it('still gives the deadline, without a TypeError; nothing can be marked provisional', () => {
    const base = getDefaultCalendar();
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
      const w = samrPenaltyPublicity(fact('2026-12-04'));
      expect(w.publishBy).toBe('2027-01-04');
      expect(w.provisional).toBeUndefined();
      const d = abnormalListDates(
        { kind: 'abnormal_list', id: 'A', reason: '1', listedAt: '2026-06-01' },
        { removalAppliedOn: '2026-12-28' },
      );
      expect(d.removalDecisionBy).toBe('2027-01-05');
    } finally {
      setDefaultCalendar(base);
    }
  });
});
