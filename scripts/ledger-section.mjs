// One section of docs/guides/sources-ledger.md, between a package's BEGIN and END markers, generated from that
// package's data by its scripts/gen-sources-ledger.ts. With --check the file is compared, not written (the
// packages' sources-ledger tests run it that way, so the ledger cannot drift from the data).
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Replaces (or, with `--check` on the command line, checks) the text between `begin` and `end` in `target`.
 * `section` includes both markers; `label` names the section in messages; `script` is the generator's path.
 */
export function writeLedgerSection({ target, begin, end, section, label, script }) {
  const current = readFileSync(target, 'utf8');
  const a = current.indexOf(begin);
  const b = current.indexOf(end);
  if (a < 0 || b < 0) throw new Error(`markers not found in ${target.pathname}`);
  const next = current.slice(0, a) + section + current.slice(b + end.length);
  if (process.argv.includes('--check')) {
    if (current !== next) {
      console.error(`docs/guides/sources-ledger.md (${label} section) is out of date: run ${script}`);
      process.exit(1);
    }
    console.log(`docs/guides/sources-ledger.md ${label} section is up to date`);
  } else {
    writeFileSync(target, next);
    console.log(`wrote the ${label} section of ${target.pathname}`);
  }
}
