#!/usr/bin/env node
// The `jianguan-sandbox` command: start the provincial sandbox and run until interrupted.
import { isJianguanError } from '@jianguan/core';
import { parseSandboxArgs, SANDBOX_USAGE } from './cli-args.js';
import { SANDBOX_CREDENTIALS, startSandbox } from './server.js';

const write = (text: string) => process.stdout.write(`${text}\n`);

try {
  const { help, options } = parseSandboxArgs(process.argv.slice(2));
  if (help) {
    write(SANDBOX_USAGE);
  } else {
    const sandbox = await startSandbox(options);
    write(`jianguan-sandbox listening on ${sandbox.url} (seed ${options.seed})`);
    if (options.auth !== 'none')
      write(
        `signing: HMAC-SHA256 or HMAC-SM3 canonical; default credentials ${SANDBOX_CREDENTIALS.appKey} / ${SANDBOX_CREDENTIALS.secret}`,
      );
    const shutdown = () => {
      void sandbox.stop().then(() => process.exit(0));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  }
} catch (error) {
  process.stderr.write(`${isJianguanError(error) ? error.message : String(error)}\n${SANDBOX_USAGE}\n`);
  process.exitCode = 2;
}
