/**
 * Maintainer cross-check: compares the built-in schedules with the npm package `chinese-days` (a devDependency)
 * day by day, 2004-01-01..2026-12-31, under TZ=Asia/Shanghai (the zone where chinese-days reads dates right).
 * holiday-cn has no 2004–2006, so this is the second source for those years. Expected difference: 2005-12-31,
 * a working Saturday under the 2006 notice that chinese-days (and LKI/chinese-calendar) get wrong
 * (../shared/reference/workdays.md §6.2).
 *
 * Run: node --conditions=@jianguan/source --import tsx scripts/calendar-crosscheck.ts
 */
import { isWorkday } from '../src/calendar/index.js';

process.env.TZ = 'Asia/Shanghai';
const peer = (await import('chinese-days')) as unknown as { isWorkday(d: string): boolean };

const KNOWN_PEER_ERRORS = new Set(['2005-12-31']);
const diffs: string[] = [];
let days = 0;
const end = Date.parse('2026-12-31T00:00:00Z');
for (let t = Date.parse('2004-01-01T00:00:00Z'); t <= end; t += 86_400_000) {
  const d = new Date(t).toISOString().slice(0, 10);
  days++;
  const ours = isWorkday(d);
  if (ours !== peer.isWorkday(d))
    diffs.push(
      `${d}: jianguan ${ours ? 'work' : 'rest'}${KNOWN_PEER_ERRORS.has(d) ? ' (known chinese-days error)' : ''}`,
    );
}
console.log(`compared ${days} days 2004–2026 with chinese-days: ${diffs.length} difference(s)`);
for (const line of diffs) console.log(`  ${line}`);
const unexpected = diffs.filter((l) => !KNOWN_PEER_ERRORS.has(l.slice(0, 10)));
if (unexpected.length > 0) process.exit(1);
