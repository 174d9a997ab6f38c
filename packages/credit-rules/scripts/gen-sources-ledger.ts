/**
 * Writes the credit-rules section of docs/guides/sources-ledger.md from the shipped data: every number of
 * every shipped rule set and publicity regime, with its source, status and the date it was checked. Never
 * edit that section by hand: change the data and run
 *
 *   node --conditions=@jianguan/source --import tsx packages/credit-rules/scripts/gen-sources-ledger.ts
 *
 * `--check` exits 1 when the section on disk is out of date (the drift test runs it).
 */
import { writeLedgerSection } from '../../../scripts/ledger-section.mjs';
import {
  type CalendarDuration,
  type CreditRuleSet,
  defaultPublicityRegimes,
  type Predicate,
  type RegimeSource,
  type SourceCitation,
  samrBaselineRuleSet,
  sdFiveClassRuleSet,
} from '../src/index.js';

const target = new URL('../../../docs/guides/sources-ledger.md', import.meta.url);
const BEGIN = '<!-- BEGIN GENERATED: credit-rules (packages/credit-rules/scripts/gen-sources-ledger.ts) -->';
const END = '<!-- END GENERATED: credit-rules -->';
/** The day the citations of the rule sets were last reviewed (their numbers against the cited source or notes). */
const REVIEWED = '2026-12-02†';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function duration(d: CalendarDuration): string {
  const parts: string[] = [];
  if (d.years) parts.push(`${d.years} year${d.years === 1 ? '' : 's'}`);
  if (d.months) parts.push(`${d.months} month${d.months === 1 ? '' : 's'}`);
  if (d.days) parts.push(`${d.days} day${d.days === 1 ? '' : 's'}`);
  return parts.length > 0 ? parts.join(' ') : '0';
}

const isDuration = (v: unknown): v is CalendarDuration =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.keys(v).length > 0 &&
  Object.keys(v).every((k) => k === 'years' || k === 'months' || k === 'days');

interface Number_ {
  readonly where: string;
  readonly value: string;
}

function predicateNumbers(p: Predicate, where: string, out: Number_[]): void {
  switch (p.op) {
    case 'all':
    case 'any':
      for (let i = 0; i < p.of.length; i++) predicateNumbers(p.of[i]!, `${where}.of[${i}]`, out);
      return;
    case 'not':
      predicateNumbers(p.of, `${where}.of`, out);
      return;
    case 'count':
    case 'sum': {
      const w = p.where;
      const label = `${where} (${p.op} ${w.kind})`;
      if (w.within) out.push({ where: `${label} within`, value: duration(w.within) });
      if (w.olderThan) out.push({ where: `${label} olderThan`, value: duration(w.olderThan) });
      if (w.minFine !== undefined) out.push({ where: `${label} minFine`, value: `¥${w.minFine}` });
      if (p.op === 'count') {
        if (p.atLeast !== undefined) out.push({ where: `${label} atLeast`, value: String(p.atLeast) });
        if (p.atMost !== undefined) out.push({ where: `${label} atMost`, value: String(p.atMost) });
      } else out.push({ where: `${label} atLeast`, value: `¥${p.atLeast}` });
      return;
    }
    case 'registered':
      if (p.atLeast) out.push({ where: `${where} (registered) atLeast`, value: duration(p.atLeast) });
      if (p.lessThan) out.push({ where: `${where} (registered) lessThan`, value: duration(p.lessThan) });
      return;
    default:
      return;
  }
}

function ledgerStatus(set: CreditRuleSet, c: SourceCitation): string {
  const doc = set.sources.find((s) => s.id === c.doc);
  return doc && /seeds\//.test(doc.ref) && c.status === 'verified' ? 'seed-stated' : c.status;
}

function citation(set: CreditRuleSet, c: SourceCitation): string {
  const doc = set.sources.find((s) => s.id === c.doc);
  const title = doc ? `${doc.title}${c.article ? ` ${c.article}` : ''} (${doc.ref})` : c.doc;
  return cell(`${title}${c.note ? ` — ${c.note}` : ''}`);
}

function renderRuleSet(set: CreditRuleSet): string[] {
  const lines = [
    `### Rule set \`${set.id}\` ${set.version} — ${set.name.zh}`,
    '',
    `Effective from ${set.effectiveFrom}; jurisdiction ${set.jurisdiction}.`,
    '',
    '| where | number | source | status | checked |',
    '|---|---|---|---|---|',
  ];
  for (const rule of set.rules) {
    const nums: Number_[] = [];
    predicateNumbers(rule.when, 'when', nums);
    if (rule.effect.type === 'downgrade' || rule.effect.type === 'upgrade')
      nums.push({ where: `effect ${rule.effect.type}`, value: `${rule.effect.steps} step(s)` });
    for (const n of nums) {
      lines.push(
        `| rule \`${rule.id}\` ${cell(n.where)} | ${n.value} | ${citation(set, rule.source)} | ${ledgerStatus(set, rule.source)} | ${REVIEWED} |`,
      );
    }
  }
  for (const [grade, m] of Object.entries(set.measures)) {
    const pct = (x: number) => `${Math.round(x * 10000) / 100} %`;
    const rows: [string, string][] = [
      ['samplingRatio.min', pct(m.samplingRatio.min)],
      ['samplingRatio.default', pct(m.samplingRatio.default)],
      ['samplingRatio.max', pct(m.samplingRatio.max)],
      [
        'yearlyInspectionCap',
        m.yearlyInspectionCap === null ? 'none (as needed)' : String(m.yearlyInspectionCap),
      ],
    ];
    for (const [field, value] of rows) {
      lines.push(
        `| measures \`${grade}\` ${field} | ${value} | ${citation(set, m.source)} | ${ledgerStatus(set, m.source)} | ${REVIEWED} |`,
      );
    }
  }
  lines.push('');
  return lines;
}

/** Leaves of a regime: numbers, booleans, dates, durations and `null`, by dotted path. */
function leaves(value: unknown, path: string, out: [string, string][]): void {
  if (value === null) {
    out.push([path, 'none']);
  } else if (isDuration(value)) {
    out.push([path, duration(value)]);
  } else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') {
    out.push([path, String(value)]);
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === 'sources' || k === 'id' || k === 'name') continue;
      leaves(v, path ? `${path}.${k}` : k, out);
    }
  }
}

/** The sources that support a field: those that list it in `covers`, else those without `covers`. */
function sourcesFor(sources: readonly RegimeSource[], field: string): RegimeSource[] {
  const claimed = sources.filter((s) => s.covers?.includes(field));
  return claimed.length > 0 ? claimed : sources.filter((s) => s.covers === undefined);
}

function renderRegimes(): string[] {
  const lines: string[] = [];
  const groups: [string, readonly { id: string; sources: readonly RegimeSource[] }[]][] = [
    ['SAMR penalty publicity (Order 45)', defaultPublicityRegimes.samrPenalty],
    ['Provincial low-fine thresholds (较低数额罚款)', defaultPublicityRegimes.lowFineThresholds ?? []],
    ['SAMR credit repair (市场监督管理信用修复管理办法)', defaultPublicityRegimes.samrRepair ?? []],
    ['NDRC credit repair (信用修复)', defaultPublicityRegimes.ndrc],
    ['Abnormal-operation list (经营异常名录)', defaultPublicityRegimes.abnormalList],
    ['Serious-violation list (严重违法失信名单)', defaultPublicityRegimes.seriousList],
  ];
  lines.push(`### Publicity regimes (version ${defaultPublicityRegimes.version})`, '');
  for (const [title, list] of groups) {
    lines.push(
      `#### ${title}`,
      '',
      '| regime | field | value | source | status | checked |',
      '|---|---|---|---|---|---|',
    );
    for (const regime of list) {
      const fields: [string, string][] = [];
      leaves(regime, '', fields);
      for (const [field, value] of fields) {
        const srcs = sourcesFor(regime.sources, field);
        const source = srcs.map((s) => `${s.title} (${s.ref})${s.note ? ` — ${s.note}` : ''}`).join(' · ');
        const status = [...new Set(srcs.map((s) => s.status))].join(', ') || 'MISSING';
        const checked = [...new Set(srcs.map((s) => s.checkedOn ?? 'reference 2026-11'))].join(', ');
        lines.push(
          `| \`${regime.id}\` | ${field} | ${cell(value)} | ${cell(source)} | ${status} | ${checked} |`,
        );
      }
    }
    lines.push('');
  }
  return lines;
}

function renderSection(): string {
  return [
    BEGIN,
    '',
    '## Credit rules (`@jianguan/credit-rules`)',
    '',
    ...renderRuleSet(samrBaselineRuleSet),
    ...renderRuleSet(sdFiveClassRuleSet),
    ...renderRegimes(),
    END,
  ].join('\n');
}

writeLedgerSection({
  target,
  begin: BEGIN,
  end: END,
  section: renderSection(),
  label: 'credit-rules',
  script: 'packages/credit-rules/scripts/gen-sources-ledger.ts',
});
