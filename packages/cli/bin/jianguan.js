#!/usr/bin/env node
// The `jianguan` command. npm links this file at install time, before anything is built, so it is committed
// rather than generated: it runs the built `dist/bin.js` when present (always, in the published package).
// Only in a checkout of the jianguan repository that has not been built yet does it run the TypeScript
// sources instead (through the repository's tsx, with the `@jianguan/source` condition).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/bin.js', import.meta.url);
if (existsSync(fileURLToPath(built))) {
  await import(built.href);
} else {
  const source = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
  const root = new URL('../../../package.json', import.meta.url);
  let checkout = false;
  try {
    checkout = JSON.parse(readFileSync(root, 'utf8')).name === 'jianguan-monorepo' && existsSync(source);
  } catch {
    // not inside the repository
  }
  let tsx;
  try {
    tsx = checkout ? import.meta.resolve('tsx') : undefined;
  } catch {
    // tsx not installed
  }
  if (tsx === undefined) {
    process.stderr.write(
      'jianguan: 错误：此安装缺少 dist/bin.js（请先运行 `npm run build`）\n' +
        'jianguan: error: this installation has no dist/bin.js (run `npm run build`)\n',
    );
    process.exit(70);
  }
  const run = spawnSync(
    process.execPath,
    ['--conditions=@jianguan/source', '--import', tsx, source, ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exit(run.status ?? 1);
}
