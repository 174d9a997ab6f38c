#!/usr/bin/env node
// Runs npm scripts side by side (`npm test` uses it for the independent checks after the build: test:dist,
// doctest, check:packages, docs). Each script's output is buffered and printed whole when it ends, so logs do not
// interleave; exits 1 if any script failed. Independent means: no script writes what another one reads.
//
//   node scripts/run-parallel.mjs test:dist doctest check:packages docs
//   JIANGUAN_SERIAL=1 node scripts/run-parallel.mjs …   # one after another (to compare times)
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: node scripts/run-parallel.mjs <npm script>…');
  process.exit(2);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(name) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(npm, ['run', name], {
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('close', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(
        `\n=== npm run ${name} (${seconds}s, ${code === 0 ? 'ok' : `FAILED: ${signal ?? code}`}) ===\n`,
      );
      process.stdout.write(Buffer.concat(chunks));
      resolve({ name, ok: code === 0, seconds });
    });
  });
}

const results = [];
if (process.env.JIANGUAN_SERIAL === '1') for (const s of scripts) results.push(await run(s));
else results.push(...(await Promise.all(scripts.map(run))));

console.log('\nParallel checks:');
for (const r of results) console.log(`  ${r.ok ? 'pass' : 'FAIL'}  ${r.name.padEnd(16)} ${r.seconds}s`);
const failed = results.filter((r) => !r.ok);
if (failed.length > 0) {
  console.error(`\n${failed.length} check(s) failed: ${failed.map((r) => r.name).join(', ')}`);
  process.exit(1);
}
