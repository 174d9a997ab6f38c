// `sideEffects: false` is true in fact: importing any built module changes nothing outside it (no globals, no
// output, no process listeners), so a bundler may drop every module a program does not use.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { assertBuilt, packages, root } from './packages.mjs';

assertBuilt();
const thirdParty = [
  ...new Set(
    packages.flatMap((p) =>
      Object.keys({ ...p.pkg.dependencies, ...p.pkg.peerDependencies }).filter(
        (d) => !d.startsWith('@jianguan/'),
      ),
    ),
  ),
];

const probe = String.raw`
const files = JSON.parse(process.argv[1]);
// Third-party dependencies first: their own globals (zod's registry) are not ours to judge.
for (const dep of JSON.parse(process.argv[2])) await import(dep);
const events = ['exit', 'beforeExit', 'uncaughtException', 'unhandledRejection', 'warning', 'SIGINT', 'SIGTERM'];
const snapshot = () => JSON.stringify({
  globals: Object.getOwnPropertyNames(globalThis).sort(),
  listeners: events.map((e) => process.listenerCount(e)),
  exitCode: process.exitCode ?? null,
});
const out = [];
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write = (chunk) => { out.push(String(chunk)); return true; };
const bad = [];
for (const file of files) {
  const before = snapshot();
  await import(file);
  if (snapshot() !== before) bad.push(file + ': changes globals or process state');
  if (out.length > 0) bad.push(file + ': writes ' + JSON.stringify(out.splice(0).join('')).slice(0, 80));
}
write(JSON.stringify(bad));
`;

for (const p of packages) {
  test(`${p.name}: every dist module is free of top-level side effects`, () => {
    const files = readdirSync(join(p.dir, 'dist'), { recursive: true })
      .filter((f) => f.endsWith('.js') && !/(^|[/\\])bin\.js$/.test(f))
      .map((f) => pathToFileURL(join(p.dir, 'dist', f)).href);
    assert.ok(files.length > 0);
    assert.equal(p.pkg.sideEffects, false, 'package.json declares sideEffects: false');
    const r = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', probe, JSON.stringify(files), JSON.stringify(thirdParty)],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), [], `${relative(root, p.dir)}`);
  });
}
