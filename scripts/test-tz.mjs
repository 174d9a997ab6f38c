#!/usr/bin/env node
// Runs the time-zone-sensitive tests (calendar, civil dates, date text) under other host time zones. Calendar
// answers must not depend on the host TZ (China civil dates, Asia/Shanghai = fixed UTC+8), so they have to
// pass in UTC−5, UTC, UTC+8 and UTC+14. The zone the machine already runs in is skipped: `npm run test:unit`
// covered it. Only the files that touch dates run here (not the day-by-day holiday-cn cross-check, which
// compares date strings and runs once in test:unit), with property-test run counts at their local default
// (CI=true raises them). Runs from packages/core with type tests off. Exits non-zero if any run fails.
//
//   node scripts/test-tz.mjs            # the four zones, minus the host's
//   node scripts/test-tz.mjs UTC        # only the zones named (even the host's)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const ALL = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Pacific/Kiritimati'];
// Every calendar test file (new ones included) and the date-text reader; not the holiday-cn cross-check.
const FILES = ['test/calendar/', 'test/schemas/date-text'];
const EXCLUDE = ['--exclude', '**/fixture-equality.test.ts'];

/** The canonical name of the host's zone (TZ unset → the system zone). */
function hostZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
function canonical(tz) {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return tz;
  }
}

const named = process.argv.slice(2);
const host = canonical(hostZone());
const zones = named.length > 0 ? named : ALL.filter((tz) => canonical(tz) !== host);
if (named.length === 0)
  console.log(`test:tz: host zone ${host} already covered by test:unit; running ${zones.join(', ')}`);

const results = [];
for (const tz of zones) {
  console.log(`\n=== TZ=${tz}: (packages/core) vitest run ${FILES.join(' ')} ===`);
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    [vitest, 'run', ...FILES, ...EXCLUDE, '--typecheck.enabled=false'],
    {
      cwd: path.join(root, 'packages', 'core'),
      stdio: 'inherit',
      env: { ...process.env, TZ: tz },
    },
  );
  const ok = run.status === 0;
  results.push({ tz, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
}

console.log('\nDate tests by host time zone:');
for (const r of results) console.log(`  ${r.ok ? 'pass' : 'FAIL'}  ${r.tz.padEnd(20)} ${r.seconds}s`);
const failed = results.filter((r) => !r.ok);
if (failed.length > 0) {
  console.error(`\n${failed.length} time zone(s) failed: ${failed.map((r) => r.tz).join(', ')}`);
  process.exit(1);
}
