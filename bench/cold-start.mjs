#!/usr/bin/env node
// Cold start (冷启动) of the built packages, side by side with a bare `node -e 0` and with zod (a peer
// dependency) alone: `npm run bench:cold-start` after `npm run build`. Runs each command alternately (so machine
// load affects all alike) and reports, per command, the median wall time and the median CPU time (user + sys of
// the child, from its own `process.resourceUsage()` at exit — less sensitive to a loaded machine than wall time),
// each with its ratio to the bare start. Target: importing `@jianguan/core` ≤ 1.5× (CPU time decides `--check`).
//
// The first `addWorkdays` after import builds the default calendar's index: that row also shows the CPU time of
// the call itself, measured inside the child.
//
// Options: --runs N (default 15), --check (exit 1 when a target is missed), --json.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
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
  {
    name: "calendar: addWorkdays('2025-09-30', 2)",
    args: [
      '--input-type=module',
      '-e',
      "import { addWorkdays } from '@jianguan/core/calendar'; const c = process.cpuUsage(); addWorkdays('2025-09-30', 2); const d = process.cpuUsage(c); process.stdout.write(String((d.user + d.system) / 1000));",
    ],
    // the child prints the CPU time of the call itself (building the default calendar's index on first use)
    firstCall: true,
  },
  { name: 'jianguan --version', args: [join(root, 'packages/cli/bin/jianguan.js'), '--version'] },
  {
    name: 'jianguan workday add 2025-09-30 2',
    args: [join(root, 'packages/cli/bin/jianguan.js'), 'workday', 'add', '2025-09-30', '2'],
  },
];
// Every child (the bare start too) preloads this one-line CommonJS file, which writes the child's CPU time
// (user + system, ms) to fd 3 at exit; its own cost is the same in every row.
const dir = mkdtempSync(join(tmpdir(), 'jianguan-cold-start-'));
const cpuReporter = join(dir, 'cpu.cjs');
writeFileSync(
  cpuReporter,
  "process.on('exit', () => { const r = process.resourceUsage(); require('node:fs').writeSync(3, String((r.userCPUTime + r.systemCPUTime) / 1000)); });\n",
);
const wall = cases.map(() => []);
const cpu = cases.map(() => []);
const call = cases.map(() => []);
try {
  for (let i = 0; i < runs + 1; i++) {
    cases.forEach((c, j) => {
      const start = performance.now();
      const r = spawnSync(node, ['--require', cpuReporter, ...c.args], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      });
      const ms = performance.now() - start;
      if (r.status !== 0) throw new Error(`${c.name} failed: ${r.stderr}`);
      if (i > 0) {
        // the first round warms the file cache
        wall[j].push(ms);
        cpu[j].push(Number(r.output[3].toString()));
        if (c.firstCall) call[j].push(Number(r.stdout.toString()));
      }
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const baseWall = median(wall[0]);
const baseCpu = median(cpu[0]);
const rows = cases.map((c, j) => ({
  name: c.name,
  medianMs: Math.round(median(wall[j])),
  ratio: median(wall[j]) / baseWall,
  cpuMs: Math.round(median(cpu[j])),
  cpuRatio: median(cpu[j]) / baseCpu,
  target: c.target,
  ...(c.firstCall ? { firstCallCpuMs: Number(median(call[j]).toFixed(1)) } : {}),
}));
if (values.json) console.log(JSON.stringify(rows));
else {
  console.log(
    `cold start, median of ${runs} interleaved runs (node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
  );
  console.log(
    `${''.padEnd(40)} ${'wall'.padStart(8)} ${'ratio'.padStart(6)}   ${'CPU'.padStart(8)} ${'ratio'.padStart(6)}`,
  );
  for (const r of rows)
    console.log(
      `${r.name.padEnd(40)} ${String(r.medianMs).padStart(5)} ms ${r.ratio.toFixed(2).padStart(5)}×   ${String(r.cpuMs).padStart(5)} ms ${r.cpuRatio.toFixed(2).padStart(5)}×${r.target ? `  (target ≤ ${r.target}×)` : ''}${r.firstCallCpuMs === undefined ? '' : `  (the call itself: ${r.firstCallCpuMs} ms CPU)`}`,
    );
}
const missed = rows.filter((r) => r.target !== undefined && r.cpuRatio > r.target);
if (values.check && missed.length > 0) {
  console.error(
    `missed: ${missed.map((r) => `${r.name} ${r.cpuRatio.toFixed(2)}× CPU > ${r.target}×`).join(', ')}`,
  );
  process.exit(1);
}
