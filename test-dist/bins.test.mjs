// The real executables, as npm links them (node_modules/.bin) and as `npx` finds them — never the registry.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { root } from './packages.mjs';

const isWindows = process.platform === 'win32';
const bin = (name) => join(root, 'node_modules', '.bin', isWindows ? `${name}.cmd` : name);
const run = (command, args) =>
  spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    shell: isWindows,
    env: { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false' },
  });

test('node_modules/.bin/jianguan is the committed launcher of @jianguan/cli', () => {
  assert.ok(existsSync(bin('jianguan')));
  if (!isWindows) assert.equal(realpathSync(bin('jianguan')), join(root, 'packages', 'cli', 'bin', 'jianguan.js'));
});

test('jianguan workday add 2025-09-30 2 prints 2025-10-10', () => {
  const r = run(bin('jianguan'), ['workday', 'add', '2025-09-30', '2']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), '2025-10-10');
});

test('npx --no-install finds jianguan and jianguan-sandbox locally', () => {
  const npx = isWindows ? 'npx.cmd' : 'npx';
  const r = run(npx, ['--no-install', 'jianguan', 'workday', 'add', '2025-09-30', '2']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), '2025-10-10');
  const help = run(npx, ['--no-install', 'jianguan-sandbox', '--help']);
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /Usage: jianguan-sandbox/);
});

test('without dist/ the launcher runs the sources of this checkout', () => {
  // The launcher's fallback, exercised directly: it must give the same answer as the built command.
  const r = run(process.execPath, [
    '--conditions=@jianguan/source',
    '--import',
    'tsx',
    join(root, 'packages', 'cli', 'src', 'bin.ts'),
    'workday',
    'add',
    '2025-09-30',
    '2',
  ]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), '2025-10-10');
});
