#!/usr/bin/env node
// The `jianguan-sandbox` command: start the provincial sandbox and run until interrupted.
import { isJianguanError } from '@jianguan/core';
import { parseSandboxArgs, SANDBOX_USAGE } from './cli-args.js';
import { startExchangeHarvest } from './harvester/open.js';
import { startSandbox } from './server.js';
import { SANDBOX_CREDENTIALS } from './types.js';

const write = (text: string) => process.stdout.write(`${text}\n`);

try {
  const { help, options, harvest } = parseSandboxArgs(process.argv.slice(2));
  if (help) {
    write(SANDBOX_USAGE);
  } else {
    const sandbox = await startSandbox(options);
    // One language per line, Chinese first, as `jianguan sandbox` prints them.
    write(`省级平台沙箱已启动：${sandbox.url}（种子 ${options.seed}）`);
    write(`jianguan-sandbox listening on ${sandbox.url} (seed ${options.seed})`);
    const auth = options.auth ?? {};
    if (auth !== 'none' && !('secrets' in auth && auth.secrets !== undefined)) {
      write(
        `签名：HMAC-SHA256 或 HMAC-SM3 规范串；凭据 ${SANDBOX_CREDENTIALS.appKey} / ${SANDBOX_CREDENTIALS.secret}`,
      );
      write(
        `signing: HMAC-SHA256 or HMAC-SM3 canonical; default credentials ${SANDBOX_CREDENTIALS.appKey} / ${SANDBOX_CREDENTIALS.secret}`,
      );
    }
    const harvesting = harvest
      ? await startExchangeHarvest(sandbox, {
          ...harvest,
          onRound: (r) => {
            if (r.rows > 0) {
              write(
                `归集 ${r.rows} 行：入库 ${r.stored}，重复 ${r.duplicates}，退回 ${r.rejected}，回写反馈 ${r.feedback}`,
              );
              write(
                `harvested ${r.rows} rows: ${r.stored} stored, ${r.duplicates} duplicate, ${r.rejected} rejected, ${r.feedback} feedback`,
              );
            }
          },
          onError: (error) => {
            const messages = isJianguanError(error)
              ? error.messages
              : { zh: '本轮归集失败（原因见下一行）', en: String(error) };
            process.stderr.write(
              `jianguan-sandbox: 错误：归集失败：${messages.zh}\njianguan-sandbox: error: harvest failed: ${messages.en}\n`,
            );
          },
        }).catch(async (error: unknown) => {
          await sandbox.stop(); // an unreachable 前置库 ends the run instead of leaving the server up
          throw error;
        })
      : undefined;
    if (harvesting) {
      write(`归集前置库：${harvesting.label}，每 ${harvest!.intervalMs} 毫秒一次`);
      write(`harvesting ${harvesting.label} every ${harvest!.intervalMs} ms`);
    }
    write('按 Ctrl-C 停止。');
    write('Press Ctrl-C to stop.');
    const shutdown = () => {
      void (harvesting?.stop() ?? Promise.resolve()).then(() => sandbox.stop()).then(() => process.exit(0));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  }
} catch (error) {
  // One language per line, Chinese first, as the jianguan command reports errors.
  const messages = isJianguanError(error)
    ? error.messages
    : { zh: '沙箱无法启动（原因见下一行）', en: String(error) };
  process.stderr.write(
    `jianguan-sandbox: 错误：${messages.zh}\njianguan-sandbox: error: ${messages.en}\n` +
      '  提示：运行 `jianguan-sandbox --help` 查看用法\n  hint: run `jianguan-sandbox --help`\n',
  );
  process.exitCode = 2;
}
