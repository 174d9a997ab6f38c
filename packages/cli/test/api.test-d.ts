import type { CliIo, ExitCodeValue } from '@jianguan/cli';
import { type CliError, ExitCode, runCli } from '@jianguan/cli';
import { expectTypeOf, test } from 'vitest';

test('runCli resolves to one of the documented exit codes', () => {
  expectTypeOf(runCli).parameter(0).toEqualTypeOf<readonly string[]>();
  expectTypeOf(runCli).parameter(1).toEqualTypeOf<CliIo>();
  expectTypeOf(runCli).returns.resolves.toEqualTypeOf<ExitCodeValue>();
  expectTypeOf<ExitCodeValue>().toEqualTypeOf<0 | 1 | 2 | 3 | 4>();
  expectTypeOf(ExitCode.Usage).toEqualTypeOf<2>();
});

test('CliIo accepts the process streams and minimal writers', () => {
  expectTypeOf({
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: '',
    env: process.env,
  }).toMatchTypeOf<CliIo>();
  expectTypeOf({
    stdout: { write: (_s: string) => true },
    stderr: { write: () => 0 },
    cwd: '',
    env: {},
  }).toMatchTypeOf<CliIo>();
  // @ts-expect-error cwd is required
  expectTypeOf({ stdout: process.stdout, stderr: process.stderr, env: {} }).toMatchTypeOf<CliIo>();
});

test('CliError carries its exit code', () => {
  expectTypeOf<CliError['exitCode']>().toEqualTypeOf<ExitCodeValue>();
  expectTypeOf<CliError['name']>().toEqualTypeOf<'CliError'>();
});
