// ESM and CommonJS consumers load every entry point of every built package (no `@jianguan/source`
// condition: this is what an installed package resolves to), and both module systems see the same module.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { assertBuilt, root, specifiers } from './packages.mjs';

assertBuilt();
const require = createRequire(import.meta.url);

test('no entry point resolves to TypeScript sources', () => {
  for (const s of specifiers) assert.match(require.resolve(s), /[/\\]dist[/\\].*\.js$/, s);
});

for (const s of specifiers) {
  test(`import('${s}') and require('${s}') give the same module`, async () => {
    const esm = await import(s);
    const cjs = require(s);
    const names = Object.keys(esm).filter((k) => k !== 'default');
    assert.ok(names.length > 0, `${s} has no exports`);
    assert.deepEqual(
      Object.keys(cjs)
        .filter((k) => k !== 'default' && k !== '__esModule')
        .sort(),
      names.sort(),
    );
    for (const k of names) assert.equal(cjs[k], esm[k], `${s}: ${k} differs between import and require`);
  });
}

test('a CommonJS script requires every entry point without flags (require(esm), Node >= 20.19)', () => {
  const script = `for (const s of ${JSON.stringify(specifiers)}) { const m = require(s); if (Object.keys(m).length === 0) throw new Error(s); } console.log('ok');`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'ok');
  assert.doesNotMatch(r.stderr, /ERR_REQUIRE_ESM|ERR_REQUIRE_ASYNC_MODULE/);
});
