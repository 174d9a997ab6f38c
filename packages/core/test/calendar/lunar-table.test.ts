/**
 * The lunar festival table (Hong Kong Observatory dates) against ICU's Chinese calendar, which the estimate does
 * NOT use: ICU computes new moons itself and is a day off when a new moon falls close to midnight.
 */
import { describe, expect, it } from 'vitest';
import { LUNAR_FESTIVAL_TABLE, LUNAR_TABLE_SOURCE } from '../../src/calendar/index.js';

const icu = new Intl.DateTimeFormat('zh-CN-u-ca-chinese', {
  timeZone: 'Asia/Shanghai',
  month: 'numeric',
  day: 'numeric',
});

/** ICU's lunar month/day of a civil date ('闰5' for a leap month). */
function lunarOf(date: string): string {
  const parts = icu.formatToParts(new Date(`${date}T04:00:00Z`)); // 12:00 in Beijing
  return `${parts.find((p) => p.type === 'month')?.value}/${parts.find((p) => p.type === 'day')?.value}`;
}

/** The differences documented in lunar-table.ts and docs/guides/working-days.md (ICU 78, Node 20). */
const DOCUMENTED_ICU_DIFFERENCES = [
  '2027 springFestival: table 2027-02-06, ICU 12/30',
  '2030 springFestival: table 2030-02-03, ICU 1/2',
];

describe('lunar festival table (HKO)', () => {
  it('covers 2008–2050, one row a year, with plausible dates', () => {
    expect(LUNAR_FESTIVAL_TABLE.map((r) => r.year)).toEqual(Array.from({ length: 43 }, (_, i) => 2008 + i));
    expect(LUNAR_TABLE_SOURCE.url).toContain('hko.gov.hk');
    for (const r of LUNAR_FESTIVAL_TABLE) {
      expect(r.springFestival >= '01-21' && r.springFestival <= '02-20', `${r.year}`).toBe(true);
      expect(['04-04', '04-05']).toContain(r.qingming);
      expect(r.dragonBoat >= '05-26' && r.dragonBoat <= '06-25', `${r.year}`).toBe(true);
      expect(r.midAutumn >= '09-07' && r.midAutumn <= '10-08', `${r.year}`).toBe(true);
    }
  });

  it('agrees with ICU (Intl zh-CN-u-ca-chinese) except in the documented years', () => {
    const diffs: string[] = [];
    for (const r of LUNAR_FESTIVAL_TABLE) {
      for (const [field, want] of [
        ['springFestival', '1/1'],
        ['dragonBoat', '5/5'],
        ['midAutumn', '8/15'],
      ] as const) {
        const date = `${r.year}-${r[field]}`;
        const got = lunarOf(date);
        if (got !== want) diffs.push(`${r.year} ${field}: table ${date}, ICU ${got}`);
      }
    }
    expect(diffs).toEqual(DOCUMENTED_ICU_DIFFERENCES);
  });

  it('2027: HKO starts the year on 6 February, ICU on 7 February', () => {
    expect(LUNAR_FESTIVAL_TABLE.find((r) => r.year === 2027)?.springFestival).toBe('02-06');
    expect(lunarOf('2027-02-07')).toBe('1/1');
  });
});
