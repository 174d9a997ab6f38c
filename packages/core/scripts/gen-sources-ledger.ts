/**
 * Writes the calendar section of docs/guides/sources-ledger.md from core's shipped holiday rules: every
 * number of the statutory estimate (the days of each holiday under each version of 《全国年节及纪念日放假办法》,
 * the make-up rule, the years the lunar table covers) with its source, status and the date it was checked.
 * Never edit that section by hand: change the data and run
 *
 *   node --conditions=@jianguan/source --import tsx packages/core/scripts/gen-sources-ledger.ts
 *
 * `--check` exits 1 when the section on disk is out of date (the drift test runs it).
 */
import { writeLedgerSection } from '../../../scripts/ledger-section.mjs';
import {
  LUNAR_TABLE_SOURCE,
  OFFICIAL_SCHEDULES,
  OFFICIAL_SCHEDULES_VERSION,
  STATUTORY_HOLIDAY_RULES,
} from '../src/calendar/index.js';

const target = new URL('../../../docs/guides/sources-ledger.md', import.meta.url);
const BEGIN = '<!-- BEGIN GENERATED: core calendar (packages/core/scripts/gen-sources-ledger.ts) -->';
const END = '<!-- END GENERATED: core calendar -->';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
const SPRING: Record<string, string> = {
  eve_to_second: '3 (除夕、正月初一、初二)',
  first_to_third: '3 (正月初一至初三)',
  eve_to_third: '4 (除夕、正月初一至初三)',
};

const lines: string[] = [
  BEGIN,
  '',
  '## Working-day calendar (`@jianguan/core/calendar`)',
  '',
  `Official schedules ${OFFICIAL_SCHEDULES[0]!.year}–${OFFICIAL_SCHEDULES.at(-1)!.year} (data version ${OFFICIAL_SCHEDULES_VERSION})`,
  'are the State Council notices themselves (each year cites its notice in the data). Years without a notice',
  'are estimated from the statutory holidays below and marked provisional.',
  '',
  '### Statutory holidays (《全国年节及纪念日放假办法》) used by the estimate',
  '',
  '| where | field | value | source | status | checked |',
  '|---|---|---|---|---|---|',
];
for (const r of STATUTORY_HOLIDAY_RULES) {
  const where = `\`${r.id}\` (from ${r.inForceFrom})`;
  const src = cell(`${r.decree}, ${r.promulgated}: ${r.source} — “${r.quote}”`);
  const fields: [string, string][] = [
    ['inForceFrom', r.inForceFrom],
    ['元旦 days', '1 (1月1日)'],
    ['springFestival days', SPRING[r.springFestival] ?? r.springFestival],
    ['清明 days', '1 (农历清明当日)'],
    ['labourDayDays', `${r.labourDayDays} (5月1日${r.labourDayDays === 2 ? '、2日' : ''})`],
    ['端午 days', '1 (农历五月初五)'],
    ['中秋 days', '1 (农历八月十五)'],
    ['国庆 days', '3 (10月1日至3日)'],
    [
      'make-up (补假)',
      '1 working day for each statutory day on a Saturday/Sunday or shared with another holiday (第六条)',
    ],
  ];
  for (const [field, value] of fields)
    lines.push(`| ${where} | ${field} | ${cell(value)} | ${src} | ${r.status} | ${r.checked} |`);
}
const t = LUNAR_TABLE_SOURCE;
lines.push(
  `| lunar table | years | ${t.firstYear}–${t.lastYear} | ${cell(`${t.title} (${t.url}) — ${t.note}`)} | ${t.status} | ${t.checked} |`,
  '',
  END,
);
const section = lines.join('\n');

writeLedgerSection({
  target,
  begin: BEGIN,
  end: END,
  section,
  label: 'calendar',
  script: 'packages/core/scripts/gen-sources-ledger.ts',
});
