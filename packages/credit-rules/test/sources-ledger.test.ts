import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { defaultPublicityRegimes, type RegimeSource } from '../src/index.js';

const script = fileURLToPath(new URL('../scripts/gen-sources-ledger.ts', import.meta.url));
const ledger = fileURLToPath(new URL('../../../docs/guides/sources-ledger.md', import.meta.url));

it('docs/guides/sources-ledger.md (credit-rules section) is generated from the current data', () => {
  const out = execFileSync(
    process.execPath,
    ['--conditions=@jianguan/source', '--import', 'tsx', script, '--check'],
    {
      encoding: 'utf8',
    },
  );
  expect(out).toContain('up to date');
});

it('every field of every shipped regime is supported by at least one source', () => {
  const groups = [
    defaultPublicityRegimes.samrPenalty,
    defaultPublicityRegimes.lowFineThresholds ?? [],
    defaultPublicityRegimes.samrRepair ?? [],
    defaultPublicityRegimes.ndrc,
    defaultPublicityRegimes.abnormalList,
    defaultPublicityRegimes.seriousList,
  ];
  const paths = (v: unknown, prefix: string, out: string[]) => {
    if (v !== null && typeof v === 'object' && !('years' in v || 'months' in v || 'days' in v)) {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'sources' || k === 'id' || k === 'name') continue;
        paths(x, prefix ? `${prefix}.${k}` : k, out);
      }
    } else out.push(prefix);
  };
  for (const list of groups) {
    for (const regime of list as readonly { id: string; sources: readonly RegimeSource[] }[]) {
      const fields: string[] = [];
      paths(regime, '', fields);
      for (const f of fields) {
        const claimed = regime.sources.filter((s) => s.covers?.includes(f));
        const open = regime.sources.filter((s) => s.covers === undefined);
        expect(claimed.length + open.length, `${regime.id}.${f}`).toBeGreaterThan(0);
      }
      // covers must name real fields
      for (const s of regime.sources)
        for (const c of s.covers ?? []) expect(fields, `${regime.id}: ${c}`).toContain(c);
    }
  }
});

it('the ledger lists no number without a source', () => {
  expect(readFileSync(ledger, 'utf8')).not.toContain('MISSING');
});
