import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('docs/guides/code-tables.md is generated from the current tables', () => {
  const script = fileURLToPath(new URL('../../scripts/gen-code-table-docs.ts', import.meta.url));
  const out = execFileSync(
    process.execPath,
    ['--conditions=@jianguan/source', '--import', 'tsx', script, '--check'],
    {
      encoding: 'utf8',
    },
  );
  expect(out).toContain('up to date');
});
