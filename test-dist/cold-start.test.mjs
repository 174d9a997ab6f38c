// What importing the built packages loads (冷启动): importing `@jianguan/core` or `@jianguan/core/calendar`
// and using the calendar or an identifier check loads no zod; `jianguan --version` loads no command module.
// Structural, not timed (the timing is bench/cold-start.mjs): a child process records every module it loads,
// through a resolve hook (ES modules) and `require.cache` (modules loaded by require(), as core loads zod on
// first use). Positive controls check that the recording sees zod when it is loaded.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { assertBuilt, consumer, root } from './packages.mjs';

assertBuilt();

const dir = mkdtempSync(join(tmpdir(), 'jianguan-cold-start-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const hooks = join(dir, 'hooks.mjs');
writeFileSync(
  hooks,
  [
    "import { appendFileSync } from 'node:fs';",
    'let log;',
    'export function initialize(data) { log = data.log; }',
    'export async function resolve(specifier, context, next) {',
    '  const result = await next(specifier, context);',
    '  appendFileSync(log, result.url + "\\n");',
    '  return result;',
    '}',
  ].join('\n'),
);
const recorder = join(dir, 'record.mjs');
writeFileSync(
  recorder,
  [
    "import { appendFileSync } from 'node:fs';",
    "import { createRequire, register } from 'node:module';",
    "import { pathToFileURL } from 'node:url';",
    'const log = process.env.JIANGUAN_MODULE_LOG;',
    `register(${JSON.stringify(pathToFileURL(hooks).href)}, { data: { log } });`,
    "process.on('exit', () => {",
    '  const cache = Object.keys(createRequire(import.meta.url).cache);',
    "  appendFileSync(log, cache.map((f) => pathToFileURL(f).href + '\\n').join(''));",
    '});',
  ].join('\n'),
);

let runs = 0;
/** The URLs of the modules a Node.js process loads running `args`. */
function modulesLoaded(args) {
  const log = join(dir, `modules-${++runs}.txt`);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(recorder).href, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, JIANGUAN_MODULE_LOG: log },
  });
  assert.equal(r.status, 0, r.stderr);
  return [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))];
}
const esm = (code) => modulesLoaded(['--input-type=module', '-e', code]);
const zodModules = (urls) => urls.filter((u) => u.includes('/node_modules/zod/'));

test('the recording sees zod when it is imported, and when a core schema is first used', () => {
  assert.ok(zodModules(esm("import 'zod';")).length > 10);
  const used = esm(
    "import { behaviourRecordSchema } from '@jianguan/core'; if (behaviourRecordSchema.safeParse({}).success) process.exit(1);",
  );
  assert.ok(zodModules(used).length > 0, 'using a schema loads zod');
  const loaded = esm(
    "import { loadSchedule } from '@jianguan/core/calendar'; loadSchedule({ year: 2031, notices: [{ note: 'test' }], holidays: [{ key: 'new_year', off: ['01-01'] }] });",
  );
  assert.ok(zodModules(loaded).length > 0, 'validating a schedule loaded at run time loads zod');
});

for (const [what, code] of [
  ["import '@jianguan/core'", "import '@jianguan/core';"],
  ["import '@jianguan/core/calendar'", "import '@jianguan/core/calendar';"],
  [
    'the default calendar: addWorkdays, dayInfo, a 2027 estimate',
    "import { addWorkdays, dayInfo } from '@jianguan/core/calendar'; if (addWorkdays('2025-09-30', 2) !== '2025-10-10' || !dayInfo('2027-10-01').provisional) process.exit(1);",
  ],
  [
    'a calendar with the bundled regional layers',
    "import { createCalendar, REGIONAL_OVERLAYS } from '@jianguan/core'; if (createCalendar({ overlays: Object.values(REGIONAL_OVERLAYS) }).isWorkday('2024-04-11')) process.exit(1);",
  ],
  [
    'identifier checks and code-table lookups',
    "import { codeTables, residentId, uscc } from '@jianguan/core'; if (!uscc.isValid('91350100M000100Y43') || residentId.isValid('11010519491231002Y') || codeTables.lookup('checkType', '现场检查')?.code !== '01') process.exit(1);",
  ],
  [
    'the default quality rule set',
    "import { defaultQualityRuleSet } from '@jianguan/core'; if (defaultQualityRuleSet.params.minInspectors !== 2) process.exit(1);",
  ],
]) {
  test(`${what} loads no zod module`, () => {
    const urls = esm(code);
    assert.ok(
      urls.some((u) => u.includes('/core/dist/')),
      'the recording saw the package',
    );
    assert.deepEqual(zodModules(urls), []);
  });
}

test('jianguan --version and --help load no command module and no zod', () => {
  const bin = consumer
    ? join(root, 'node_modules', '@jianguan', 'cli', 'bin', 'jianguan.js')
    : join(root, 'packages', 'cli', 'bin', 'jianguan.js');
  for (const flag of ['--version', '--help']) {
    const urls = modulesLoaded([bin, flag]);
    assert.ok(urls.some((u) => /\/cli\/dist\/cli\.js$/.test(u)));
    assert.deepEqual(
      urls.filter((u) => /\/cli\/dist\/commands\/(?!registry|summaries)/.test(u)),
      [],
      `${flag} loads no command`,
    );
    assert.deepEqual(
      urls.filter((u) =>
        /\/(credit-rules|sampling|kpi|catalog|tasks|sandbox|provincial-client)\/dist\//.test(u),
      ),
      [],
      `${flag} loads no other package`,
    );
    assert.deepEqual(zodModules(urls), []);
  }
});
