#!/usr/bin/env node
// Runs the working-day calendar tests under several host time zones. Calendar answers must not depend on
// the host TZ (China civil dates, Asia/Shanghai = fixed UTC+8), so the same suite has to pass in UTC−5,
// UTC, UTC+8 and UTC+14. Exits non-zero if any run fails. Runs from packages/core with the core vitest config
// and type tests off: the time zone only affects run time, and the type tests (and other areas' type errors)
// are covered once by the normal test run.
//
//   node scripts/test-tz.mjs            # all four zones
//   node scripts/test-tz.mjs UTC        # only the zones named
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const zones =
  process.argv.slice(2).length > 0
    ? process.argv.slice(2)
    : ['Asia/Shanghai', 'UTC', 'America/New_York', 'Pacific/Kiritimati'];

const results = [];
for (const tz of zones) {
  console.log(`\n=== TZ=${tz}: (packages/core) vitest run test/calendar ===`);
  const started = Date.now();
  const run = spawnSync(process.execPath, [vitest, 'run', 'test/calendar', '--typecheck.enabled=false'], {
    cwd: path.join(root, 'packages', 'core'),
    stdio: 'inherit',
    env: { ...process.env, TZ: tz },
  });
  const ok = run.status === 0;
  results.push({ tz, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
}

console.log('\nCalendar tests by host time zone:');
for (const r of results) console.log(`  ${r.ok ? 'pass' : 'FAIL'}  ${r.tz.padEnd(20)} ${r.seconds}s`);
const failed = results.filter((r) => !r.ok);
if (failed.length > 0) {
  console.error(`\n${failed.length} time zone(s) failed: ${failed.map((r) => r.tz).join(', ')}`);
  process.exit(1);
}
