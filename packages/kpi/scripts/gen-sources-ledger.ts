/**
 * Writes the KPI section of docs/guides/sources-ledger.md from the shipped indicator sets: every number
 * (conventions, points, targets, deductions, working-day allowances, thresholds) with its source, status and
 * the date it was checked. Never edit that section by hand: change the data and run
 *
 *   node --conditions=@jianguan/source --import tsx packages/kpi/scripts/gen-sources-ledger.ts
 *
 * `--check` exits 1 when the section on disk is out of date (the drift test runs it).
 */
import { writeLedgerSection } from '../../../scripts/ledger-section.mjs';
import {
  baselineIndicatorSet,
  hubeiLikeIndicatorSet,
  type IndicatorSet,
  type SourceRef,
} from '../src/index.js';

const target = new URL('../../../docs/guides/sources-ledger.md', import.meta.url);
const BEGIN = '<!-- BEGIN GENERATED: kpi (packages/kpi/scripts/gen-sources-ledger.ts) -->';
const END = '<!-- END GENERATED: kpi -->';
/** The day the citations of the indicator sets were last reviewed. */
const REVIEWED = '2026-12-02†';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** Ledger status: seed numbers are `seed-stated`; `confirmed` is `verified`; `partial` is a secondary source. */
function status(s: SourceRef): string {
  if (s.status === 'confirmed') return /^seed\b/.test(s.ref) ? 'seed-stated' : 'verified';
  if (s.status === 'partial') return 'verified (secondary source)';
  return 'inferred';
}

/** The sources that support a field: those that list it in `covers`, else those without `covers`. */
function sourcesFor(sources: readonly SourceRef[], field: string): SourceRef[] {
  const claimed = sources.filter((s) => s.covers?.includes(field));
  return claimed.length > 0 ? claimed : sources.filter((s) => s.covers === undefined);
}

function target_(t: unknown): string {
  if (typeof t === 'number') return String(t);
  const table = t as { initial: number; steps: { from: string; value: number }[] };
  return [`${table.initial}`, ...table.steps.map((s) => `from ${s.from}: ${s.value}`)].join('; ');
}

function row(where: string, field: string, value: string, sources: readonly SourceRef[]): string {
  const srcs = sourcesFor(sources, field);
  const text = srcs.map((s) => `${s.ref}${s.note ? ` — ${s.note}` : ''}`).join(' · ');
  const st = [...new Set(srcs.map(status))].join(', ') || 'MISSING';
  return `| ${where} | ${field} | ${cell(value)} | ${cell(text)} | ${st} | ${REVIEWED} |`;
}

function renderSet(set: IndicatorSet): string[] {
  const lines = [
    `### Indicator set \`${set.id}\` ${set.version} — ${set.name.zh}`,
    '',
    '| where | field | value | source | status | checked |',
    '|---|---|---|---|---|---|',
  ];
  for (const [k, v] of Object.entries(set.conventions)) {
    lines.push(row('conventions', `conventions.${k}`, String(v), set.sources));
  }
  for (const ind of set.indicators) {
    const where = `\`${ind.id}\` (${ind.kind})`;
    const fields: [string, string][] = [['points', String(ind.points)]];
    const i = ind as Record<string, unknown>;
    if ('target' in i) fields.push(['target', target_(i.target)]);
    if ('above' in i) fields.push(['above', target_(i.above)]);
    for (const k of [
      'threshold',
      'perShortfall',
      'perRecord',
      'perWorkdayLate',
      'perPercentAbove',
      'perUnitAbove',
    ]) {
      if (typeof i[k] === 'number') fields.push([k, String(i[k])]);
    }
    const scoring = i.scoring as { method: string; points?: number } | undefined;
    if (scoring?.points !== undefined) fields.push(['scoring.points', String(scoring.points)]);
    const metric = ind.metric as Record<string, unknown>;
    for (const [k, v] of Object.entries(metric)) {
      if (typeof v === 'number') fields.push([`metric.${k}`, String(v)]);
    }
    for (const [field, value] of fields) lines.push(row(where, field, value, ind.source));
  }
  lines.push('');
  return lines;
}

const section = [
  BEGIN,
  '',
  '## KPI indicator sets (`@jianguan/kpi`)',
  '',
  ...renderSet(baselineIndicatorSet),
  ...renderSet(hubeiLikeIndicatorSet),
  END,
].join('\n');

writeLedgerSection({
  target,
  begin: BEGIN,
  end: END,
  section,
  label: 'KPI',
  script: 'packages/kpi/scripts/gen-sources-ledger.ts',
});
