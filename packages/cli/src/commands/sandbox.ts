import process from 'node:process';
import { isJianguanError } from '@jianguan/core';
import {
  parseSandboxArgs,
  SANDBOX_CREDENTIALS,
  SANDBOX_USAGE,
  startExchangeHarvest,
  startSandbox,
} from '@jianguan/sandbox';
import type { CommandContext, CommandSpec } from '../runtime/args.js';
import { helpHeading, helpHint } from '../runtime/args.js';
import { isPostgresUrl } from '../runtime/database.js';
import { usageError } from '../runtime/errors.js';
import type { ExitCodeValue } from '../runtime/exit-codes.js';
import { ExitCode } from '../runtime/exit-codes.js';
import { resolvePath } from '../runtime/files.js';
import { writeJson, writeLine } from '../runtime/io.js';
import { COMMAND_SUMMARIES } from './summaries.js';

const NAME = 'sandbox';

/**
 * `jianguan sandbox` — the local provincial 互联网+监管 interface, until Ctrl-C. Its flags are those of
 * `jianguan-sandbox`: the arguments go unchanged to the sandbox's own parser (`parseSandboxArgs`), and the help
 * is the sandbox's own help text.
 */
export const sandboxCommand: CommandSpec = {
  name: NAME,
  summary: COMMAND_SUMMARIES.sandbox,
  usage: ['jianguan sandbox [options]'],
  // One language per line: each Chinese line, then its English line.
  description: [
    '一个行为与省级“互联网+监管”接口一致的真实 HTTP 服务：验证请求签名（HMAC-SHA256 / HMAC-SM3 规范串；',
    '默认凭据 sandbox-app / sandbox-secret），质检上传的数据，按幂等键去重写入，提供合成的线索、投诉和',
    '联合任务，并按要求注入故障。运行到 Ctrl-C（SIGINT）或 SIGTERM，然后以退出码 0 结束。',
    'A real HTTP server that behaves like the provincial Internet + Regulation interface: it verifies request',
    'signatures (HMAC-SHA256 / HMAC-SM3 canonical; default credentials sandbox-app / sandbox-secret),',
    'quality-checks uploads, deduplicates writes by idempotency key, serves synthetic clues, complaints and',
    'joint tasks, and injects the faults you ask for. Runs until Ctrl-C (SIGINT) or SIGTERM, then exits 0.',
  ],
  options: {},
  rawArgs: true,
  examples: [
    'jianguan sandbox --port 8787',
    'jianguan sandbox --port 0 --seed demo --5xx 0.2 --drop 0.05 --429 0.1 --json',
    'jianguan sandbox --persist sandbox-state.json --latency 20-200 --base-date 2025-06-30',
  ],
  helpText: sandboxHelp,
  async run(ctx: CommandContext): Promise<ExitCodeValue> {
    let parsed: ReturnType<typeof parseSandboxArgs>;
    try {
      parsed = parseSandboxArgs(ctx.positionals);
    } catch (error) {
      if (isJianguanError(error)) {
        throw usageError(error.code, error.messages, {
          details: error.details,
          hint: helpHint(NAME),
        });
      }
      throw error;
    }
    if (parsed.help) {
      ctx.io.stdout.write(sandboxHelp());
      return ExitCode.Ok;
    }
    const options =
      parsed.options.persistPath === undefined
        ? parsed.options
        : { ...parsed.options, persistPath: resolvePath(ctx.io.cwd, parsed.options.persistPath) };
    const customKey = ctx.positionals.includes('--app-key');
    const sandbox = await startSandbox(options);
    const harvest = parsed.harvest;
    const harvesting = harvest
      ? await startExchangeHarvest(sandbox, {
          target: isPostgresUrl(harvest.target) ? harvest.target : resolvePath(ctx.io.cwd, harvest.target),
          intervalMs: harvest.intervalMs,
          onError: (error) => {
            writeLine(ctx.io.stderr, '归集失败（原因见下一行）');
            writeLine(ctx.io.stderr, `harvest failed: ${String(error)}`);
          },
        }).catch(async (error: unknown) => {
          await sandbox.stop();
          throw error;
        })
      : undefined;
    const auth = options.auth === 'none' ? 'none' : 'hmac';
    if (ctx.json) {
      writeJson(ctx.io.stdout, {
        url: sandbox.url,
        port: sandbox.port,
        seed: options.seed,
        auth,
        ...(auth === 'none' || customKey ? {} : { credentials: SANDBOX_CREDENTIALS }),
        ...(harvesting ? { harvesting: harvesting.label } : {}),
      });
    } else {
      writeLine(ctx.io.stdout, `省级平台沙箱已启动：${sandbox.url}（种子 ${options.seed}）`);
      writeLine(ctx.io.stdout, `jianguan sandbox listening on ${sandbox.url} (seed ${options.seed})`);
      if (auth !== 'none' && !customKey) {
        writeLine(
          ctx.io.stdout,
          `签名：HMAC-SHA256 或 HMAC-SM3 规范串；凭据 ${SANDBOX_CREDENTIALS.appKey} / ${SANDBOX_CREDENTIALS.secret}`,
        );
        writeLine(
          ctx.io.stdout,
          `signing: HMAC-SHA256 or HMAC-SM3 canonical; credentials ${SANDBOX_CREDENTIALS.appKey} / ${SANDBOX_CREDENTIALS.secret}`,
        );
      }
      if (harvesting) {
        writeLine(ctx.io.stdout, `归集前置库：${harvesting.label}`);
        writeLine(ctx.io.stdout, `harvesting ${harvesting.label}`);
      }
      writeLine(ctx.io.stdout, '按 Ctrl-C 停止。');
      writeLine(ctx.io.stdout, 'Press Ctrl-C to stop.');
    }
    await untilStopped(ctx.io.signal);
    await harvesting?.stop();
    await sandbox.stop();
    if (!ctx.json) {
      writeLine(ctx.io.stdout, '沙箱已停止。');
      writeLine(ctx.io.stdout, 'sandbox stopped.');
    }
    return ExitCode.Ok;
  },
};

/**
 * The help of `jianguan sandbox`: the sandbox's own usage text under the `jianguan sandbox` name, with the
 * CLI's title, headings and exit codes (one language per line: Chinese, then English).
 */
function sandboxHelp(): string {
  // The sandbox's own text from its usage heading on (its two title lines give way to the CLI's), under the
  // `jianguan sandbox` name.
  const lines = SANDBOX_USAGE.replace(/jianguan-sandbox/g, 'jianguan sandbox').split('\n');
  const body = lines.slice(lines.indexOf('用法：'));
  return `${[
    `jianguan sandbox：${sandboxCommand.summary.zh}`,
    `jianguan sandbox: ${sandboxCommand.summary.en}`,
    '',
    ...(sandboxCommand.description ?? []).map((d) => `  ${d}`),
    '',
    ...body,
    '  --json                       以 JSON 输出地址、端口、种子和凭据（仅 jianguan sandbox）',
    '                               print the URL, port, seed and credentials as JSON (jianguan only)',
    '',
    'jianguan sandbox 与 jianguan-sandbox 的选项完全相同。',
    'jianguan sandbox and jianguan-sandbox take exactly these options.',
    '',
    ...helpHeading('示例', 'Examples'),
    ...sandboxCommand.examples.map((e) => `  ${e}`),
    '',
    '退出码：0 成功 · 2 用法错误 · 4 内部错误',
    'Exit codes: 0 ok · 2 usage error · 4 internal error',
  ].join('\n')}\n`;
}

/** Resolves when `signal` aborts; without a signal, on SIGINT or SIGTERM. */
function untilStopped(signal: AbortSignal | undefined): Promise<void> {
  if (signal !== undefined) {
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  }
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
