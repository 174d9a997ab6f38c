/**
 * Writes the sampling section of docs/guides/sources-ledger.md from the shipped national sampling rules
 * (`DEFAULT_SAMPLING_RULES`): every number and default with its source and status. Never edit that section by
 * hand: change the data and run
 *
 *   node --conditions=@jianguan/source --import tsx packages/sampling/scripts/gen-sources-ledger.ts
 *
 * `--check` exits 1 when the section on disk is out of date (the drift test runs it).
 */
import { writeLedgerSection } from '../../../scripts/ledger-section.mjs';
import { DEFAULT_SAMPLING_RULES } from '../src/index.js';

const target = new URL('../../../docs/guides/sources-ledger.md', import.meta.url);
const BEGIN = '<!-- BEGIN GENERATED: sampling (packages/sampling/scripts/gen-sources-ledger.ts) -->';
const END = '<!-- END GENERATED: sampling -->';
/** The sources are the project's reference notes of November 2026 (see the "Checked" legend above). */
const CHECKED = 'reference 2026-11';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
const rules = DEFAULT_SAMPLING_RULES;
const lines: string[] = [
  BEGIN,
  '',
  '## Sampling rules (`@jianguan/sampling`)',
  '',
  `### Rule set \`${rules.id}\` ${rules.version} — 双随机、一公开 national defaults`,
  '',
  '| where | field | value | source | status | checked |',
  '|---|---|---|---|---|---|',
];
for (const [field, value] of Object.entries(rules)) {
  if (field === 'id' || field === 'version' || field === 'sources') continue;
  const src = rules.sources[field];
  const shown = Array.isArray(value) ? value.join(', ') : String(value);
  lines.push(
    `| \`${rules.id}\` | ${field} | ${cell(shown)} | ${cell(src?.ref ?? 'MISSING')} | ${src?.status ?? 'MISSING'} | ${CHECKED} |`,
  );
}
lines.push('', END);
const section = lines.join('\n');

writeLedgerSection({
  target,
  begin: BEGIN,
  end: END,
  section,
  label: 'sampling',
  script: 'packages/sampling/scripts/gen-sources-ledger.ts',
});
