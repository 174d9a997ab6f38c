import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { DEFAULT_SAMPLING_RULES } from '../src/index.js';

it('docs/guides/sources-ledger.md (sampling section) is generated from the shipped sampling rules', () => {
  const script = fileURLToPath(new URL('../scripts/gen-sources-ledger.ts', import.meta.url));
  const out = execFileSync(
    process.execPath,
    ['--conditions=@jianguan/source', '--import', 'tsx', script, '--check'],
    {
      encoding: 'utf8',
    },
  );
  expect(out).toContain('up to date');
});

it('every shipped sampling number has a source and a ledger row', () => {
  const text = readFileSync(new URL('../../../docs/guides/sources-ledger.md', import.meta.url), 'utf8');
  for (const [field, value] of Object.entries(DEFAULT_SAMPLING_RULES)) {
    if (field === 'id' || field === 'version' || field === 'sources') continue;
    const src = DEFAULT_SAMPLING_RULES.sources[field];
    expect(src, field).toBeDefined();
    const shown = Array.isArray(value) ? value.join(', ') : String(value);
    expect(text).toContain(`| \`${DEFAULT_SAMPLING_RULES.id}\` | ${field} | ${shown} |`);
  }
  expect(text).toContain('| publicationWorkdays | 20 |');
  expect(text).toContain('| minOfficers | 2 |');
});
