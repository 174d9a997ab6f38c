import { describe, expect, it } from 'vitest';
import { addCalendar, CreditInputError, factDate } from '../src/index.js';

describe('dates that do not exist are refused, not carried along', () => {
  it('addCalendar refuses 2026-02-30 and 2026-13-01 with a typed error at ["date"]', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2025-02-29', '2026-00-10']) {
      for (const duration of [{}, { months: 1 }, { days: 1 }, { years: -1 }]) {
        let error: unknown;
        try {
          addCalendar(bad, duration);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(CreditInputError);
        expect((error as CreditInputError).path).toEqual(['date']);
      }
    }
    expect(addCalendar('2024-02-29', { years: 1 })).toBe('2025-02-28');
  });

  it("a fact's date fields must name real days", () => {
    const fact = { kind: 'spot_check', date: '2026-02-30', result: 'pass' };
    let error: unknown;
    try {
      factDate(fact as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CreditInputError);
    expect((error as CreditInputError).path).toEqual(['fact', 'date']);
  });
});
