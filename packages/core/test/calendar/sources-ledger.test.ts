import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { STATUTORY_HOLIDAY_RULES } from '../../src/calendar/index.js';

const ledger = () =>
  readFileSync(new URL('../../../../docs/guides/sources-ledger.md', import.meta.url), 'utf8');

it('docs/guides/sources-ledger.md (calendar section) is generated from the shipped holiday rules', () => {
  const script = fileURLToPath(new URL('../../scripts/gen-sources-ledger.ts', import.meta.url));
  const out = execFileSync(
    process.execPath,
    ['--conditions=@jianguan/source', '--import', 'tsx', script, '--check'],
    {
      encoding: 'utf8',
    },
  );
  expect(out).toContain('up to date');
});

it('the ledger lists every version of the statutory holidays with its numbers and status', () => {
  const text = ledger();
  for (const r of STATUTORY_HOLIDAY_RULES) {
    const rows = text.split('\n').filter((l) => l.startsWith(`| \`${r.id}\``));
    expect(rows.length, r.id).toBeGreaterThanOrEqual(8);
    expect(
      rows.find((l) => l.includes('| labourDayDays |')),
      r.id,
    ).toContain(`| ${r.labourDayDays} (`);
    for (const row of rows) expect(row).toContain(`| ${r.status} | ${r.checked} |`);
  }
  expect(text).toMatch(/\| `decree-795` \(from 2025-01-01\) \| springFestival days \| 4 /);
  expect(text).toMatch(/\| lunar table \| years \| 2008–2050 \|/);
});
