import { isCivilDate } from '@jianguan/core';
import { ClientOptionsError } from '@jianguan/provincial-client';
import { invalid } from './arguments.js';
import type { SandboxFaults } from './faults.js';
import type { SandboxOptions } from './types.js';

/**
 * Help text of the `jianguan-sandbox` command (沙箱命令帮助), one language per line: each Chinese line, then its
 * English line. `jianguan sandbox` shows the same options (its help is built from this text).
 *
 * @example
 * process.stdout.write(SANDBOX_USAGE);
 */
export const SANDBOX_USAGE = `jianguan-sandbox：本地的省级“互联网+监管”接口沙箱（jianguan 省级接口 v1）
jianguan-sandbox: a local provincial Internet + Regulation interface (jianguan provincial interface v1)

用法：
Usage:
  jianguan-sandbox [options]

选项：
Options:
  --port <n>                   TCP 端口（默认 8787；0 为任一空闲端口）
                               TCP port (default 8787; 0 = any free port)
  --host <h>                   监听地址（默认 127.0.0.1）
                               bind address (default 127.0.0.1)
  --seed <s>                   合成数据与故障注入的种子（默认 jianguan）
                               seed of synthetic data and faults (default jianguan)
  --base-date <YYYY-MM-DD>     合成的线索、任务和投诉截至的日期（默认北京时间今天）
                               date the synthetic clues, tasks and complaints lead up to (default today, China)
  --persist <file>             把状态保存在该 JSON 文件中
                               keep state in this JSON file
  --no-auth                    接受未签名的请求
                               accept unsigned requests
  --app-key <k> --secret <s>   要验证的凭据（默认 sandbox-app / sandbox-secret）
                               credentials to verify (default sandbox-app / sandbox-secret)
  --latency <ms|min-max>       每个请求增加的延迟（毫秒，或 最小-最大）
                               added latency per request (ms, or min-max)
  --5xx <rate>                 以 500/502/503 应答的请求比例（0–1）
                               share of requests answered 500/502/503 (0..1)
  --drop <rate>                不应答、直接断开的连接比例（0–1）
                               share of connections destroyed without an answer (0..1)
  --429 <rate>                 以 429 和 \`Retry-After\` 应答的请求比例（0–1）
                               share of requests answered 429 with Retry-After (0..1)
  --retry-after <s>            429 应答中 \`Retry-After\` 的秒数（默认 1）
                               Retry-After seconds for 429 (default 1)
  --business-error <rate>      HTTP 200 但业务码为 10 的应答比例（0–1）
                               share of HTTP 200 answers with business code 10 (0..1)
  --duplicates <rate>          重复返回某条数据的列表页比例（0–1）
                               share of list pages that repeat an item (0..1)
  --harvest <url|dir>          扮演归集前置库的省级平台：轮询该 PostgreSQL 连接串（postgres://…）或
                               PGlite 目录，质检并保存新的交换数据行，并回写质检反馈
                               act as the province harvesting a department's exchange database: poll this
                               PostgreSQL URL (postgres://…) or PGlite directory, check and store new
                               exchange rows, and write the quality feedback back
  --harvest-interval <ms>      轮询前置库的间隔（毫秒，默认 1000，至少 10）
                               how often to poll it (ms, default 1000, at least 10)
  -h, --help                   显示本帮助
                               show this help`;

function rate(name: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new ClientOptionsError(
      { zh: `${name} 须为 0–1 的比例`, en: `${name} must be a rate between 0 and 1` },
      { value },
    );
  }
  return n;
}

/**
 * Parses `jianguan-sandbox` arguments into sandbox options (`help: true` when help was asked for).
 *
 * @example
 * parseSandboxArgs(['--port', '0', '--5xx', '0.2']).options.faults?.serverErrorRate; // 0.2
 */
export function parseSandboxArgs(argv: readonly string[]): {
  help: boolean;
  options: SandboxOptions;
  /** `--harvest`: the 前置库 to poll (a PostgreSQL URL or a PGlite directory) and how often. */
  harvest?: { readonly target: string; readonly intervalMs: number };
} {
  if (!Array.isArray(argv) || !argv.every((a) => typeof a === 'string')) {
    throw invalid(['argv'], { zh: '字符串数组', en: 'an array of strings' }, argv);
  }
  const faults: { -readonly [K in keyof SandboxFaults]: SandboxFaults[K] } = {};
  let port = 8787;
  let hostname = '127.0.0.1';
  let seed = 'jianguan';
  let baseDate: string | undefined;
  let persistPath: string | undefined;
  let auth = true;
  let appKey: string | undefined;
  let secret: string | undefined;
  let harvestTarget: string | undefined;
  let harvestIntervalMs = 1000;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined)
        throw new ClientOptionsError({ zh: `${flag} 缺少参数值`, en: `${flag} needs a value` });
      return v;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return { help: true, options: {} };
      case '--port': {
        port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65_535) {
          throw new ClientOptionsError({ zh: '端口须为 0–65535', en: 'port must be 0–65535' });
        }
        break;
      }
      case '--host':
        hostname = value();
        break;
      case '--seed':
        seed = value();
        break;
      case '--base-date': {
        const v = value();
        if (!isCivilDate(v)) {
          throw new ClientOptionsError(
            { zh: '--base-date 须为 YYYY-MM-DD 日期', en: '--base-date takes a date YYYY-MM-DD' },
            { value: v },
          );
        }
        baseDate = v;
        break;
      }
      case '--persist':
        persistPath = value();
        break;
      case '--no-auth':
        auth = false;
        break;
      case '--app-key':
        appKey = value();
        break;
      case '--secret':
        secret = value();
        break;
      case '--latency': {
        const v = value();
        const m = /^(\d+)(?:-(\d+))?$/.exec(v);
        if (!m)
          throw new ClientOptionsError({
            zh: '--latency 格式为 ms 或 min-max',
            en: '--latency takes ms or min-max',
          });
        faults.latencyMs = m[2] === undefined ? Number(m[1]) : [Number(m[1]), Number(m[2])];
        break;
      }
      case '--5xx':
        faults.serverErrorRate = rate(flag, value());
        break;
      case '--drop':
        faults.dropRate = rate(flag, value());
        break;
      case '--429':
        faults.rateLimitRate = rate(flag, value());
        break;
      case '--retry-after':
        faults.retryAfterSeconds = Number(value());
        break;
      case '--business-error':
        faults.businessErrorRate = rate(flag, value());
        break;
      case '--duplicates':
        faults.duplicateDeliveryRate = rate(flag, value());
        break;
      case '--harvest':
        harvestTarget = value();
        break;
      case '--harvest-interval': {
        const v = value();
        harvestIntervalMs = Number(v);
        if (!/^\d+$/.test(v) || harvestIntervalMs < 10) {
          throw new ClientOptionsError(
            {
              zh: '--harvest-interval 须为不小于 10 的毫秒数',
              en: '--harvest-interval takes milliseconds, at least 10',
            },
            { value: v },
          );
        }
        break;
      }
      default:
        throw new ClientOptionsError({ zh: `未知参数 ${flag}`, en: `unknown option ${flag}` }, { flag });
    }
  }
  if ((appKey === undefined) !== (secret === undefined)) {
    throw new ClientOptionsError({
      zh: '--app-key 与 --secret 须同时给出',
      en: '--app-key and --secret go together',
    });
  }
  return {
    help: false,
    ...(harvestTarget === undefined
      ? {}
      : { harvest: { target: harvestTarget, intervalMs: harvestIntervalMs } }),
    options: {
      port,
      hostname,
      seed,
      faults,
      ...(baseDate ? { baseDate } : {}),
      ...(persistPath ? { persistPath } : {}),
      auth: auth ? (appKey && secret ? { secrets: { [appKey]: secret } } : {}) : 'none',
    },
  };
}
