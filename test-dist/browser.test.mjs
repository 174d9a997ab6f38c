// Browser bundles of the built packages (esbuild, platform=browser): `uscc.isValid` alone is small and needs no
// Node built-in; the GB/T 2260 table is loaded only on request.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from 'esbuild';
import { assertBuilt, root } from './packages.mjs';

assertBuilt();

/** Budgets (minified bytes). The limit for `uscc` is 40 KB; keep well under it. */
// usccWithTable: the whole GB/T 2260 table (3,226 current + 3,688 former codes) is ~210 KB minified; it is
// fetched only by `regionCode.loadTable()`, never by `uscc` alone.
const BUDGETS = { uscc: 20 * 1024, usccWithTable: 256 * 1024 };

async function bundle(contents, options = {}) {
  const result = await build({
    stdin: { contents, resolveDir: root, sourcefile: 'entry.mjs', loader: 'js' },
    bundle: true,
    minify: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    logLevel: 'silent',
    ...options,
  });
  return result.outputFiles[0].text;
}

async function run(code) {
  const lines = [];
  const log = console.log;
  console.log = (...args) => lines.push(args.map(String).join(' '));
  try {
    await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  } finally {
    console.log = log;
  }
  return lines;
}

test(`import { uscc } from '@jianguan/core' bundles for the browser under ${BUDGETS.uscc} bytes and works`, async () => {
  const code = await bundle(
    "import { uscc } from '@jianguan/core';\nconsole.log(uscc.isValid('91350100M000100Y43'), uscc.isValid('91350100M000100Y44'));",
  );
  const size = Buffer.byteLength(code);
  assert.ok(size < BUDGETS.uscc, `uscc bundle is ${size} bytes`);
  assert.doesNotMatch(code, /西湖区|\\u897F\\u6E56\\u533A/, 'the region table is not in the bundle');
  assert.deepEqual(await run(code), ['true false']);
});

test('in a browser build the region table is loaded on request, and region checks say so until then', async () => {
  const code = await bundle(
    [
      "import { regionCode, uscc } from '@jianguan/core';",
      "const before = uscc.check('91350100M000100Y43').warnings.map((w) => w.details.tableVersion);",
      'console.log(regionCode.isTableLoaded(), JSON.stringify(before));',
      'await regionCode.loadTable();',
      "console.log(regionCode.isTableLoaded(), uscc.check('91350100M000100Y43').warnings.length, uscc.decode('9144030071526726XG').region.name);",
    ].join('\n'),
  );
  assert.ok(Buffer.byteLength(code) < BUDGETS.usccWithTable);
  assert.deepEqual(await run(code), ['false ["not-loaded"]', 'true 0 深圳市']);
});

test('under Node.js (platform=node) the table is there from the start', async () => {
  const code = await bundle(
    "import { uscc } from '@jianguan/core';\nconsole.log(uscc.check('91350100M000100Y43').warnings.length, uscc.decode('9144030071526726XG').region.name);",
    { platform: 'node', external: ['zod'] },
  );
  assert.deepEqual(await run(code), ['0 深圳市']);
});
