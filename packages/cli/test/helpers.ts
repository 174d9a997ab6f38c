import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '@jianguan/cli';
import { runCli } from '@jianguan/cli';

/** The result of one in-process run: exit code and the captured streams. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `jianguan <argv>` in-process with captured streams. */
export async function run(
  argv: readonly string[],
  options: { cwd?: string; signal?: AbortSignal; stderrIsTTY?: boolean; onStdout?: (s: string) => void } = {},
): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: {
      write: (s: string) => {
        stdout += s;
        options.onStdout?.(s);
        return true;
      },
    },
    stderr: {
      write: (s: string) => {
        stderr += s;
        return true;
      },
      isTTY: options.stderrIsTTY ?? false,
      columns: 100,
    },
    cwd: options.cwd ?? process.cwd(),
    env: {},
    signal: options.signal,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** A fresh temporary directory, with a `write` helper and cleanup. */
export function tempDir(prefix = 'jianguan-cli-'): {
  dir: string;
  write(name: string, content: string | Uint8Array): string;
  path(name: string): string;
  cleanup(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write(name, content) {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    },
    path: (name) => join(dir, name),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

let gbkTable: Map<string, number[]> | undefined;

/** Encode text as GBK, using a reverse table built from the platform's GBK decoder (ASCII stays ASCII). */
export function encodeGbk(text: string): Uint8Array {
  if (gbkTable === undefined) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(ch);
      if (pair === undefined) throw new Error(`not encodable in GBK: ${ch}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}

/** The repository root (tests run from anywhere). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** tsx's loader, by absolute URL so the child can run from any directory. */
const TSX = import.meta.resolve('tsx');

/**
 * Run the real `jianguan` executable in a child process: `node --conditions=@jianguan/source --import tsx
 * packages/cli/src/bin.ts …`, the same entry the published bin is built from.
 */
export function runBin(
  argv: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<RunResult> {
  return runNode(
    ['--conditions=@jianguan/source', '--import', TSX, join(repoRoot, 'packages/cli/src/bin.ts'), ...argv],
    options,
  );
}

/**
 * Run an installed executable the way a user's shell does: `node <bin> …`, for the committed bin files
 * (`packages/cli/bin/jianguan.js`, `packages/sandbox/bin/jianguan-sandbox.js`), which run the built dist or,
 * in an unbuilt checkout, the sources.
 */
export function runExecutable(
  bin: string,
  argv: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<RunResult> {
  return runNode([join(repoRoot, bin), ...argv], options);
}

/** `node <args>` in a child process, from the repository root by default, without colours. */
function runNode(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> },
): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    execFile(
      process.execPath,
      [...args],
      {
        cwd: options.cwd ?? repoRoot,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', ...options.env },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 4;
        resolvePromise({ code, stdout, stderr });
      },
    );
  });
}
