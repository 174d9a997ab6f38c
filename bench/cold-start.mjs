#!/usr/bin/env node
// Cold start (冷启动) of the built packages, side by side with a bare `node -e 0`: `npm run bench:cold-start`
// after `npm run build`. Runs each command alternately (so machine load affects all alike) and reports the
// median wall time and its ratio to the bare start. Targets: importing `@jianguan/core` ≤ 1.5×.
//
// Options: --runs N (default 15), --check (exit 1 when a target is missed), --json.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '15' }, check: { type: 'boolean' }, json: { type: 'boolean' } },
});
const runs = Number(values.runs);
const node = process.execPath;
const cases = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: "import 'zod' (a dependency)", args: ['--input-type=module', '-e', "import 'zod';"] },
  {
    name: "import '@jianguan/core'",
    args: ['--input-type=module', '-e', "import '@jianguan/core';"],
    target: 1.5,
  },
  { name: "require('@jianguan/core')", args: ['-e', "require('@jianguan/core')"] },
  {
    name: "import { uscc } from '@jianguan/core'",
    args: [
      '--input-type=module',
      '-e',
      "import { uscc } from '@jianguan/core'; uscc.isValid('91350100M000100Y43');",
    ],
  },
  {
    name: "import '@jianguan/core/calendar'",
    args: ['--input-type=module', '-e', "import '@jianguan/core/calendar';"],
  },
  { name: 'jianguan --version', args: [join(root, 'packages/cli/bin/jianguan.js'), '--version'] },
  {
    name: 'jianguan workday add 2025-09-30 2',
    args: [join(root, 'packages/cli/bin/jianguan.js'), 'workday', 'add', '2025-09-30', '2'],
  },
];
const times = cases.map(() => []);
for (let i = 0; i < runs + 1; i++) {
  cases.forEach((c, j) => {
    const start = performance.now();
    const r = spawnSync(node, c.args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = performance.now() - start;
    if (r.status !== 0) throw new Error(`${c.name} failed: ${r.stderr}`);
    if (i > 0) times[j].push(ms); // the first round warms the file cache
  });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times[0]);
const rows = cases.map((c, j) => ({
  name: c.name,
  medianMs: Math.round(median(times[j])),
  ratio: median(times[j]) / base,
  target: c.target,
}));
if (values.json) console.log(JSON.stringify(rows));
else {
  console.log(`cold start, median of ${runs} runs (node ${process.version})`);
  for (const r of rows)
    console.log(
      `${r.name.padEnd(40)} ${String(r.medianMs).padStart(5)} ms  ${r.ratio.toFixed(2)}×${r.target ? `  (target ≤ ${r.target}×)` : ''}`,
    );
}
const missed = rows.filter((r) => r.target !== undefined && r.ratio > r.target);
if (values.check && missed.length > 0) {
  console.error(`missed: ${missed.map((r) => `${r.name} ${r.ratio.toFixed(2)}× > ${r.target}×`).join(', ')}`);
  process.exit(1);
}
