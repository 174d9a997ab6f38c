#!/usr/bin/env node
// The `jianguan` executable: a thin wrapper around `runCli` on the real process streams.
import process from 'node:process';
import { runCli } from './cli.js';

// `jianguan … | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const argv = process.argv.slice(2);
const controller = new AbortController();
// Only long-running commands stop cleanly on Ctrl-C; everything else keeps Node's default (exit at once).
const graceful = argv[0] === 'sandbox';
const stop = (): void => {
  if (controller.signal.aborted) process.exit(130); // a second Ctrl-C forces it
  controller.abort();
};
if (graceful) {
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void runCli(argv, {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  signal: controller.signal,
}).then((code) => {
  if (graceful) {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  process.exitCode = code;
});
