#!/usr/bin/env node
// Release check (发布前检查): `npm run release:check`, after `npm run build`.
//
// 1. `npm pack`s every publishable workspace package into .release-check/tarballs;
// 2. creates fresh ESM and CommonJS consumer projects under .release-check/ that install the tarballs
//    (offline-friendly: --prefer-offline; third-party dependencies such as zod come from the npm cache);
// 3. in each consumer, imports/requires every package and every subpath export, calls one real function
//    of each, and runs `jianguan workday add 2025-09-30 2` from the installed bin;
// 4. in the ESM consumer, runs the test-dist suite against the installed tarballs: require(esm) of every
//    entry, one default calendar and one class per error across entries, the browser bundle budget of
//    `uscc`, modules free of side effects, the bins through npx.
// Prints a pass/fail table and exits 1 if anything failed (2 if the packages are not built).
//
// Options: --keep (leave .release-check/ in place; it is always left on failure), --skip-install (reuse
// the consumer projects of a previous run; only the smoke tests run again).
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, '.release-check');
const tarballDir = join(work, 'tarballs');
const args = new Set(process.argv.slice(2));
const keep = args.has('--keep');
const skipInstall = args.has('--skip-install');
const isWindows = process.platform === 'win32';

/** @type {{ step: string; target: string; ok: boolean; detail: string }[]} */
const results = [];
const record = (step, target, ok, detail = '') => {
  results.push({ step, target, ok, detail });
  const mark = ok ? 'ok  ' : 'FAIL';
  console.error(
    `[release-check] ${mark} ${step} ${target}${detail && !ok ? `: ${firstLines(detail, 3)}` : ''}`,
  );
};

function firstLines(text, n) {
  return text.trim().split('\n').slice(0, n).join(' | ');
}

function sh(command, commandArgs, cwd, extraEnv = {}) {
  const result = spawnSync(command, commandArgs, {
    cwd,
    encoding: 'utf8',
    shell: isWindows,
    env: { ...process.env, npm_config_update_notifier: 'false', ...extraEnv },
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    ok: result.status === 0,
    status: result.status,
    stdout: result.stdout ?? '',
    stderr: `${result.stderr ?? ''}${result.error ? String(result.error) : ''}`,
  };
}

// ---------------------------------------------------------------------------------------------------
// 1. The publishable packages.
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const packages = [];
for (const dir of rootPkg.workspaces ?? []) {
  const pkgPath = join(root, dir, 'package.json');
  if (!existsSync(pkgPath)) continue;
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  if (pkg.private) continue;
  const subpaths = Object.keys(pkg.exports ?? { '.': '' }).filter((k) => k !== './package.json');
  packages.push({ dir: join(root, dir), name: pkg.name, version: pkg.version, pkg, subpaths });
}
if (packages.length === 0) {
  console.error('[release-check] no publishable packages found');
  process.exit(2);
}

const missingBuild = packages.filter((p) => !existsSync(join(p.dir, 'dist')));
if (missingBuild.length > 0) {
  console.error(
    `[release-check] not built: ${missingBuild.map((p) => p.name).join(', ')}. Run \`npm run build\` first.`,
  );
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------------
// 2. Pack.
if (!skipInstall) {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(tarballDir, { recursive: true });
}
const tarballs = new Map();
for (const p of packages) {
  if (skipInstall) {
    const file = join(tarballDir, `${p.name.replace('@', '').replace('/', '-')}-${p.version}.tgz`);
    tarballs.set(p.name, file);
    continue;
  }
  const r = sh('npm', ['pack', '--json', '--pack-destination', tarballDir], p.dir);
  if (!r.ok) {
    record('pack', p.name, false, r.stderr || r.stdout);
    continue;
  }
  try {
    const [info] = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')));
    const file = join(tarballDir, info.filename);
    const paths = info.files.map((f) => f.path);
    const missing = [];
    for (const entry of expectedFiles(p.pkg)) if (!paths.includes(entry)) missing.push(entry);
    tarballs.set(p.name, file);
    record(
      'pack',
      p.name,
      missing.length === 0,
      missing.length === 0
        ? `${info.filename} (${info.entryCount} files, ${Math.round(info.size / 1024)} kB)`
        : `files named in package.json but missing from the tarball: ${missing.join(', ')}`,
    );
  } catch (error) {
    record('pack', p.name, false, `cannot read npm pack output: ${error}`);
  }
}

/** Every file the package.json points at (exports, main, module, types, bin). */
function expectedFiles(pkg) {
  const files = new Set();
  const walk = (value) => {
    if (typeof value === 'string') {
      if (value.startsWith('./') && !value.includes('*')) files.add(value.slice(2));
    } else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) if (key !== '@jianguan/source') walk(v);
    }
  };
  walk(pkg.exports);
  for (const key of ['main', 'module', 'types'])
    if (pkg[key]) walk(pkg[key].startsWith('./') ? pkg[key] : `./${pkg[key]}`);
  if (typeof pkg.bin === 'string') walk(pkg.bin);
  else if (pkg.bin) for (const v of Object.values(pkg.bin)) walk(v.startsWith('./') ? v : `./${v}`);
  files.delete('package.json');
  return [...files];
}

// ---------------------------------------------------------------------------------------------------
// 3. Consumer projects.
const zodRange =
  packages.map((p) => p.pkg.peerDependencies?.zod ?? p.pkg.dependencies?.zod).find(Boolean) ?? '^4';

/** The smoke test body, shared by ESM and CJS: `load(specifier)` imports or requires a module. */
const smokeBody = String.raw`
const results = [];
const pass = (target, detail) => results.push({ target, ok: true, detail });
const fail = (target, error) => results.push({ target, ok: false, detail: String(error && error.stack || error) });
const equal = (actual, expected, what) => {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(what + ': expected ' + JSON.stringify(expected) + ', got ' + JSON.stringify(actual));
  }
};

// One real call per package (and subpath). Keep these to the documented public API.
const calls = {
  '@jianguan/core': async (m) => {
    equal(typeof m.JianguanError, 'function', 'JianguanError');
    equal(m.uscc.isValid('91350100M000100Y43'), true, "uscc.isValid('91350100M000100Y43')");
    equal(m.uscc.isValid('91350100M000100Y44'), false, "uscc.isValid('91350100M000100Y44')");
    equal(m.addWorkdays('2025-09-30', 2), '2025-10-10', "addWorkdays('2025-09-30', 2)");
    return 'uscc.isValid, addWorkdays';
  },
  '@jianguan/core/calendar': async (m) => {
    equal(m.addWorkdays('2025-09-30', 2), '2025-10-10', "addWorkdays('2025-09-30', 2)");
    equal(m.isWorkday('2025-09-28'), true, "isWorkday('2025-09-28') (adjusted working Sunday)");
    return 'addWorkdays, isWorkday';
  },
  '@jianguan/sampling': async (m) => {
    // Rivest's consistent_sampler vector: seed 314159 over ab-1, ab-2, cd-1, ef-3 draws cd-1 then ef-3.
    const drawn = m.sampleIds(['ab-1', 'ab-2', 'cd-1', 'ef-3'], { seed: '314159', take: 2 });
    equal(drawn.map((d) => d.id), ['cd-1', 'ef-3'], 'sampleIds(Rivest vector)');
    return 'sampleIds';
  },
  '@jianguan/credit-rules': async (m) => {
    const set = m.samrBaselineRuleSet;
    const clean = m.gradeEntity({ entityId: 'X', facts: [] }, { ruleSet: set, asOf: '2026-01-05' });
    equal([clean.grade, clean.ruleSetId], [set.defaultGrade, set.id], 'gradeEntity(no facts)');
    return 'gradeEntity, samrBaselineRuleSet';
  },
  '@jianguan/kpi': async (m) => {
    const data = { catalogItems: [{ itemCode: '33010000100001', department: 'scjg', claimed: true }] };
    const card = m.scoreIndicators(m.baselineIndicatorSet, data, { period: '2025-Q2', unit: 'scjg' });
    if (typeof card.total !== 'number' || !(card.total > 0)) throw new Error('scoreIndicators total: ' + card.total);
    if (!m.renderScorecardHtml(card).startsWith('<!DOCTYPE html>')) throw new Error('renderScorecardHtml');
    return 'scoreIndicators, renderScorecardHtml';
  },
  '@jianguan/catalog': async (m) => {
    equal(m.normaliseLawName('《中华人民共和国食品安全法》'), m.normaliseLawName('食品安全法'), 'normaliseLawName');
    equal(m.isItemCode('33010000100001'), true, "isItemCode('33010000100001')");
    return 'normaliseLawName, isItemCode';
  },
  '@jianguan/tasks': async (m) => {
    const book = await m.openTaskBook();
    await book.apply({
      taskId: 'c1',
      action: 'create',
      at: '2025-09-30',
      actor: { id: 'p' },
      task: { lifecycle: 'double_notification', department: 'wjw' },
    });
    const due = book.due({ asOf: '2025-10-10' });
    if (!Array.isArray(due) && typeof due !== 'object') throw new Error('book.due: ' + typeof due);
    return 'openTaskBook, apply, due';
  },
  '@jianguan/postgres': async (m) => {
    // Embedded PGlite (a dependency of the package): migrate, then one ticket in SQL equals the TypeScript one.
    const { PGlite } = await import('@electric-sql/pglite');
    const { ticket } = await import('@jianguan/sampling');
    const db = new PGlite();
    try {
      await m.migrate(db);
      equal(await m.ticketInDatabase(db, '314159', 'cd-1'), ticket('314159', 'cd-1'), "ticketInDatabase('314159', 'cd-1')");
    } finally {
      await db.close();
    }
    return 'migrate (PGlite), ticketInDatabase';
  },
  '@jianguan/provincial-client': async (m) => {
    equal(m.formatBatchNo('2019-04-11', 2), '2019041100002', "formatBatchNo('2019-04-11', 2)");
    const client = m.createProvincialClient({
      baseUrl: 'http://127.0.0.1:9',
      source: '330000-DEPT01',
      signer: m.createHmacSha256Signer({ appKey: 'sandbox-app', secret: 'sandbox-secret' }),
    });
    equal(typeof client.uploadBehaviours, 'function', 'client.uploadBehaviours');
    return 'formatBatchNo, createProvincialClient';
  },
  '@jianguan/core/io': async (m) => {
    const rows = [];
    for await (const item of m.readCsv(new TextEncoder().encode('名称,代码\n甲,1\n'))) rows.push(item.record);
    equal(rows, [{ 名称: '甲', 代码: '1' }], 'readCsv(bytes)');
    return 'readCsv';
  },
  '@jianguan/provincial-client/contract': async (m) => {
    equal(typeof m.defaultQualityCheck, 'function', 'defaultQualityCheck');
    equal(typeof m.ENDPOINTS, 'object', 'ENDPOINTS');
    return 'defaultQualityCheck, ENDPOINTS';
  },
  '@jianguan/sampling/synthetic': async (m) => {
    const a = [...m.syntheticEntities({ count: 5, seed: 'release-check' })];
    const b = [...m.syntheticEntities({ count: 5, seed: 'release-check' })];
    equal(a, b, 'syntheticEntities is reproducible');
    equal(a.length, 5, 'syntheticEntities count');
    return 'syntheticEntities';
  },
  '@jianguan/sandbox': async (m) => {
    const sandbox = await m.startSandbox({ port: 0, seed: 'release-check' });
    try {
      if (!/^http:\/\//.test(sandbox.url)) throw new Error('sandbox.url: ' + sandbox.url);
    } finally {
      await sandbox.stop();
    }
    return 'startSandbox + stop';
  },
  '@jianguan/cli': async (m) => {
    let out = '';
    const io = { stdout: { write: (s) => { out += s; } }, stderr: { write: () => {} }, cwd: process.cwd(), env: {} };
    const code = await m.runCli(['workday', 'add', '2025-09-30', '2'], io);
    equal([code, out.trim()], [0, '2025-10-10'], 'runCli(workday add 2025-09-30 2)');
    return 'runCli';
  },
};

async function main(specifiers) {
  for (const specifier of specifiers) {
    try {
      // The module must come from this project's node_modules (the tarball), never from the workspace.
      const where = resolve(specifier);
      if (!where.includes(consumerRoot)) throw new Error('resolved outside the consumer project: ' + where);
      const m = await load(specifier);
      const names = Object.keys(m).filter((k) => k !== 'default' && k !== '__esModule');
      if (names.length === 0) throw new Error('no exports');
      const call = calls[specifier];
      const detail = call ? await call(m) : names.length + ' exports';
      pass(specifier, detail);
    } catch (error) {
      fail(specifier, error);
    }
  }
  process.stdout.write(JSON.stringify(results) + '\n');
}
`;

const specifiers = packages.flatMap((p) =>
  p.subpaths.map((s) => (s === '.' ? p.name : `${p.name}/${s.slice(2)}`)),
);
const formats = [
  {
    name: 'esm',
    type: 'module',
    file: 'smoke.mjs',
    source: `import { fileURLToPath } from 'node:url';\nconst consumerRoot = process.cwd();\nconst resolve = (s) => fileURLToPath(import.meta.resolve(s));\n${smokeBody}\nconst load = (s) => import(s);\nawait main(${JSON.stringify(specifiers)});\n`,
  },
  {
    name: 'cjs',
    type: 'commonjs',
    file: 'smoke.cjs',
    source: `'use strict';\nconst consumerRoot = process.cwd();\nconst resolve = (s) => require.resolve(s);\n${smokeBody}\nconst load = async (s) => require(s);\nmain(${JSON.stringify(specifiers)});\n`,
  },
];

for (const format of formats) {
  const dir = join(work, format.name);
  const label = `${format.name} consumer`;
  if (!skipInstall) {
    mkdirSync(dir, { recursive: true });
    const dependencies = { zod: zodRange };
    for (const [name, file] of tarballs)
      dependencies[name] = `file:${relative(dir, file).split('\\').join('/')}`;
    writeFileSync(
      join(dir, 'package.json'),
      `${JSON.stringify({ name: `release-check-${format.name}`, private: true, type: format.type, dependencies }, null, 2)}\n`,
    );
    const install = sh(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock'],
      dir,
    );
    record('install', label, install.ok, install.ok ? '' : install.stderr || install.stdout);
    if (!install.ok) continue;
  }
  writeFileSync(join(dir, format.file), format.source);
  const smoke = sh(process.execPath, [format.file], dir);
  let parsed;
  try {
    parsed = JSON.parse(smoke.stdout.trim().split('\n').pop() ?? '');
  } catch {
    record(
      format.type === 'module' ? 'import' : 'require',
      label,
      false,
      smoke.stderr || smoke.stdout || 'no output',
    );
  }
  for (const r of parsed ?? []) {
    record(format.type === 'module' ? 'import' : 'require', `${r.target}`, r.ok, r.detail);
    results.at(-1).format = format.name;
  }
  for (const p of packages) {
    const bins = typeof p.pkg.bin === 'string' ? { [p.name.split('/').pop()]: p.pkg.bin } : (p.pkg.bin ?? {});
    for (const name of Object.keys(bins)) {
      const path = join(dir, 'node_modules', '.bin', isWindows ? `${name}.cmd` : name);
      const help = existsSync(path)
        ? sh(path, ['--help'], dir)
        : { ok: false, stderr: 'not installed', stdout: '' };
      record('bin', `${name} --help (${format.name})`, help.ok, help.ok ? '' : help.stderr || help.stdout);
    }
  }
  const binPath = join(dir, 'node_modules', '.bin', isWindows ? 'jianguan.cmd' : 'jianguan');
  if (!existsSync(binPath)) {
    record('bin', `jianguan (${format.name})`, false, 'node_modules/.bin/jianguan was not installed');
    continue;
  }
  const bin = sh(binPath, ['workday', 'add', '2025-09-30', '2'], dir);
  const out = bin.stdout.trim();
  record(
    'bin',
    `jianguan workday add 2025-09-30 2 (${format.name})`,
    bin.ok && out === '2025-10-10',
    bin.ok && out === '2025-10-10' ? out : `exit ${bin.status}, stdout "${out}", stderr ${bin.stderr.trim()}`,
  );
}

// ---------------------------------------------------------------------------------------------------
// 4. The test-dist suite, run inside the ESM consumer (its files are copied there so that `@jianguan/*`
//    resolves to the installed tarballs; esbuild and TypeScript are linked from the repository).
{
  const dir = join(work, 'esm');
  const suite = join(root, 'test-dist');
  if (existsSync(join(dir, 'node_modules', '@jianguan', 'core'))) {
    for (const file of readdirSync(suite))
      if (file.endsWith('.mjs')) copyFileSync(join(suite, file), join(dir, file));
    // The suite's own tools (esbuild for the browser bundle, TypeScript for the declaration check).
    for (const tool of ['esbuild', 'typescript', '@types']) {
      const link = join(dir, 'node_modules', tool);
      if (!existsSync(link)) symlinkSync(join(root, 'node_modules', tool), link, 'junction');
    }
    const files = readdirSync(dir).filter((f) => f.endsWith('.test.mjs'));
    const r = sh(process.execPath, ['--test', ...files], dir, { JIANGUAN_TEST_DIST_CONSUMER: '1' });
    const summary = /# pass (\d+)[\s\S]*# fail (\d+)/.exec(r.stdout);
    record(
      'test-dist',
      `${files.length} files (esm consumer)`,
      r.ok,
      r.ok
        ? `${summary?.[1] ?? '?'} tests passed`
        : `${r.stdout
            .split('\n')
            .filter((l) => /^not ok|error:/.test(l.trim()))
            .join('\n')}\n${r.stderr}`,
    );
  } else {
    record('test-dist', 'esm consumer', false, 'the ESM consumer project was not installed');
  }
}

// ---------------------------------------------------------------------------------------------------
// 5. Report.
const failed = results.filter((r) => !r.ok);
const rows = results.map((r) => [
  r.ok ? 'PASS' : 'FAIL',
  r.step + (r.format ? ` (${r.format})` : ''),
  r.target,
  r.ok ? r.detail : firstLines(r.detail, 1),
]);
const widths = [4, 0, 0].map((w, i) => Math.max(w, ...rows.map((row) => row[i].length)));
const line = (row) => row.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c)).join('  ');
console.log('');
console.log(line(['', 'step', 'target', 'detail']));
console.log(line(['----', '-'.repeat(widths[1]), '-'.repeat(widths[2]), '------']));
for (const row of rows) console.log(line(row));
console.log('');
if (failed.length > 0) {
  console.log(`release check FAILED: ${failed.length} of ${results.length} checks failed (发布检查未通过).`);
  for (const f of failed) console.log(`\n--- ${f.step} ${f.target}\n${f.detail.trim()}`);
  console.log(`\nThe consumer projects are kept in ${relative(root, work)}/ for inspection.`);
  process.exit(1);
}
console.log(`release check passed: ${results.length} checks (发布检查通过).`);
if (!keep) rmSync(work, { recursive: true, force: true });
