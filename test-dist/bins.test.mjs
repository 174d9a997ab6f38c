// The real executables, as npm links them (node_modules/.bin) and as `npx` finds them — never the registry.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { consumer, root } from './packages.mjs';

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
  const launcher = consumer
    ? join(root, 'node_modules', '@jianguan', 'cli', 'bin', 'jianguan.js')
    : join(root, 'packages', 'cli', 'bin', 'jianguan.js');
  if (!isWindows) assert.equal(realpathSync(bin('jianguan')), realpathSync(launcher));
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
  assert.match(help.stdout, /Usage:\s+jianguan-sandbox \[options\]/);
});

// The launcher's fallback when dist/ is missing (in the repository only: an installed package has dist/).
// A copy of the launcher in a scratch tree without dist/ — the real dist/ stays in place for other tests.
if (!consumer) {
  test('without dist/ the launcher runs the sources of this checkout', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'jianguan-bin-'));
    try {
      mkdirSync(join(scratch, 'packages', 'cli', 'bin'), { recursive: true });
      writeFileSync(
        join(scratch, 'package.json'),
        JSON.stringify({ name: 'jianguan-monorepo', private: true }),
      );
      symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'), 'junction');
      symlinkSync(join(root, 'packages', 'cli', 'src'), join(scratch, 'packages', 'cli', 'src'), 'junction');
      copyFileSync(
        join(root, 'packages', 'cli', 'bin', 'jianguan.js'),
        join(scratch, 'packages', 'cli', 'bin', 'jianguan.js'),
      );
      writeFileSync(join(scratch, 'packages', 'cli', 'package.json'), JSON.stringify({ type: 'module' }));
      const r = run(process.execPath, [
        join(scratch, 'packages', 'cli', 'bin', 'jianguan.js'),
        'workday',
        'add',
        '2025-09-30',
        '2',
      ]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout.trim(), '2025-10-10');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  test('outside a checkout, a launcher without dist/ says so and exits 70', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'jianguan-bin-'));
    try {
      const dir = join(scratch, 'node_modules', '@jianguan', 'cli');
      mkdirSync(join(dir, 'bin'), { recursive: true });
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@jianguan/cli', type: 'module' }));
      copyFileSync(join(root, 'packages', 'cli', 'bin', 'jianguan.js'), join(dir, 'bin', 'jianguan.js'));
      const r = run(process.execPath, [join(dir, 'bin', 'jianguan.js'), '--version']);
      assert.equal(r.status, 70);
      assert.match(r.stderr, /no dist\/bin\.js/);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
}
