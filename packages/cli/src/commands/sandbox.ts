import process from 'node:process';
import { isJianguanError } from '@jianguan/core';
import { parseSandboxArgs, SANDBOX_CREDENTIALS, startSandbox } from '@jianguan/sandbox';
import type { CommandContext, CommandSpec, OptionSpec } from '../runtime/args.js';
import { helpHint, noExtraPositionals, stringOption } from '../runtime/args.js';
import { usageError } from '../runtime/errors.js';
import type { ExitCodeValue } from '../runtime/exit-codes.js';
import { ExitCode } from '../runtime/exit-codes.js';
import { resolvePath } from '../runtime/files.js';
import { writeJson, writeLine } from '../runtime/io.js';

const NAME = 'sandbox';

const str = (value: string, zh: string, en: string): OptionSpec => ({
  type: 'string',
  value,
  description: { zh, en },
});

/** The sandbox's own options, passed on to `@jianguan/sandbox`'s argument parser. */
const sandboxOptions: Readonly<Record<string, OptionSpec>> = {
  port: str('<n>', 'TCP 端口（默认 8787；0 为任一空闲端口）', 'TCP port (default 8787; 0 = any free port)'),
  host: str('<host>', '监听地址（默认 127.0.0.1）', 'bind address (default 127.0.0.1)'),
  seed: str(
    '<seed>',
    '合成数据与故障注入的种子（默认 jianguan）',
    'seed of the synthetic data and faults (default jianguan)',
  ),
  persist: str('<file>', '将状态保存在此 JSON 文件', 'keep state in this JSON file'),
  'no-auth': { type: 'boolean', description: { zh: '不校验签名', en: 'accept unsigned requests' } },
  'app-key': str('<key>', '校验签名所用的 appKey（与 --secret 同用）', 'app key to verify (with --secret)'),
  secret: str('<secret>', '校验签名所用的密钥', 'secret to verify (with --app-key)'),
  latency: str('<ms|min-max>', '每个请求附加的延迟', 'added latency per request'),
  '5xx': str('<rate>', '以 500/502/503 应答的比例（0–1）', 'share of requests answered 500/502/503 (0..1)'),
  drop: str('<rate>', '直接断开连接的比例', 'share of connections dropped without an answer'),
  '429': str('<rate>', '以 429 限流应答的比例', 'share of requests answered 429 with Retry-After'),
  'retry-after': str('<s>', '429 的 Retry-After 秒数（默认 1）', 'Retry-After seconds for 429 (default 1)'),
  'business-error': str(
    '<rate>',
    'HTTP 200 但业务码 10（系统繁忙）的比例',
    'share of HTTP 200 answers with business code 10',
  ),
  duplicates: str('<rate>', '列表页重复投递的比例', 'share of list pages that repeat an item'),
};

/** `jianguan sandbox` — the local provincial 互联网+监管 interface, until Ctrl-C. */
export const sandboxCommand: CommandSpec = {
  name: NAME,
  summary: {
    zh: '启动本地省级平台沙箱（Ctrl-C 停止）',
    en: 'start the local provincial sandbox (Ctrl-C stops it)',
  },
  usage: ['jianguan sandbox [--port <n>] [--seed <seed>] [--5xx <rate>] [--drop <rate>] [--429 <rate>] …'],
  description: [
    'A real HTTP server that behaves like the provincial 互联网+监管 interface: it verifies request',
    'signatures (HMAC-SHA256 / HMAC-SM3 canonical; default credentials sandbox-app / sandbox-secret),',
    'quality-checks uploads, deduplicates writes by idempotency key, serves synthetic clues, complaints and',
    'joint tasks, and injects the faults you ask for. Runs until Ctrl-C (SIGINT) or SIGTERM, then exits 0.',
  ],
  options: sandboxOptions,
  examples: [
    'jianguan sandbox --port 8787',
    'jianguan sandbox --port 0 --seed demo --5xx 0.2 --drop 0.05 --429 0.1 --json',
    'jianguan sandbox --persist sandbox-state.json --latency 20-200',
  ],
  async run(ctx: CommandContext): Promise<ExitCodeValue> {
    noExtraPositionals(NAME, ctx.positionals, 0);
    // Rebuild the sandbox's own argument list from the validated values, so its parser (ranges, pairs,
    // defaults) stays the single source of truth.
    const argv: string[] = [];
    for (const [name, spec] of Object.entries(sandboxOptions)) {
      if (spec.type === 'boolean') {
        if (ctx.values[name] === true) argv.push(`--${name}`);
        continue;
      }
      const value = stringOption(ctx.values, name);
      if (value !== undefined)
        argv.push(`--${name}`, name === 'persist' ? resolvePath(ctx.io.cwd, value) : value);
    }
    let options: ReturnType<typeof parseSandboxArgs>['options'];
    try {
      options = parseSandboxArgs(argv).options;
    } catch (error) {
      if (isJianguanError(error)) {
        throw usageError(error.code, error.messages, { details: error.details, hint: helpHint(NAME) });
      }
      throw error;
    }
    const sandbox = await startSandbox(options);
    const auth = options.auth === 'none' ? 'none' : 'hmac';
    if (ctx.json) {
      writeJson(ctx.io.stdout, {
        url: sandbox.url,
        port: sandbox.port,
        seed: options.seed,
        auth,
        ...(auth === 'none' || stringOption(ctx.values, 'app-key') !== undefined
          ? {}
          : { credentials: SANDBOX_CREDENTIALS }),
      });
    } else {
      writeLine(
        ctx.io.stdout,
        `jianguan sandbox listening on ${sandbox.url} (seed ${options.seed})（省级平台沙箱已启动）`,
      );
      if (auth !== 'none' && stringOption(ctx.values, 'app-key') === undefined) {
        writeLine(
          ctx.io.stdout,
          `signing 签名: HMAC-SHA256 or HMAC-SM3 canonical; credentials ${SANDBOX_CREDENTIALS.appKey} / ${SANDBOX_CREDENTIALS.secret}`,
        );
      }
      writeLine(ctx.io.stdout, 'Press Ctrl-C to stop（按 Ctrl-C 停止）.');
    }
    await untilStopped(ctx.io.signal);
    await sandbox.stop();
    if (!ctx.json) writeLine(ctx.io.stdout, 'sandbox stopped（沙箱已停止）.');
    return ExitCode.Ok;
  },
};

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
