import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sandbox } from '@jianguan/sandbox';
import { startSandbox } from '@jianguan/sandbox';
import seedrandom from 'seedrandom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertExactlyOnce } from './support/outbox-suite.js';

/**
 * Chaos test: a flushing client process talks to the sandbox through a hostile loopback proxy that
 * - resets the connection AFTER the sandbox stored a batch (the answer is lost, the write happened),
 * - resets before forwarding, tears answers (half a body, then the socket closes), garbles answers (random bytes
 *   flipped), and duplicates requests (sent twice to the sandbox concurrently, either answer returned),
 * while the test SIGKILLs the flushing process at random moments and restarts it. Exactly-once is asserted on the
 * sandbox's ledger (`state.writes`), and no batch number (批次号) may be used by two different batches.
 *
 * Default size fits `npm test` (a few seconds); a bigger run:
 * `JIANGUAN_CHAOS_RECORDS=5000 JIANGUAN_CHAOS_KILLS=15 npx vitest run packages/provincial-client/test/chaos-proxy.ci.test.ts`
 */
const RECORDS = Number(process.env.JIANGUAN_CHAOS_RECORDS ?? 100);
const KILLS = Number(process.env.JIANGUAN_CHAOS_KILLS ?? 2);
const SEED = process.env.JIANGUAN_CHAOS_SEED ?? 'chaos-1';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, '..');

type Fault = 'pass' | 'reset-before' | 'reset-after-store' | 'tear' | 'garble' | 'duplicate';
const RATES: [Fault, number][] = [
  ['reset-after-store', 0.15],
  ['reset-before', 0.05],
  ['tear', 0.08],
  ['garble', 0.08],
  ['duplicate', 0.12],
];

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function startChaosProxy(upstream: string, seed: string) {
  const rng = seedrandom(seed);
  const counts: Record<Fault, number> = {
    pass: 0,
    'reset-before': 0,
    'reset-after-store': 0,
    tear: 0,
    garble: 0,
    duplicate: 0,
  };
  // The first requests go through each fault once (so even the smallest run sees them all), then at random.
  const opening: Fault[] = ['tear', 'reset-after-store', 'garble', 'duplicate', 'reset-before'];
  let served = 0;
  const pick = (): Fault => {
    const forced = opening[served++];
    if (forced) return forced;
    let r = rng();
    for (const [f, p] of RATES) {
      if (r < p) return f;
      r -= p;
    }
    return 'pass';
  };
  const forward = (method: string, url: string, headers: IncomingHttpHeaders, body: Buffer) =>
    new Promise<Upstream>((resolve, reject) => {
      const target = new URL(url, upstream);
      const out = httpRequest(target, { method, headers: { ...headers, host: target.host } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      });
      out.on('error', reject);
      out.end(body);
    });
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const fault = pick();
    counts[fault]++;
    if (fault === 'reset-before') return void req.socket.resetAndDestroy();
    let answer: Upstream;
    try {
      if (fault === 'duplicate') {
        const both = await Promise.allSettled([
          forward(req.method!, req.url!, req.headers, body),
          forward(req.method!, req.url!, req.headers, body),
        ]);
        const ok = both.filter((x): x is PromiseFulfilledResult<Upstream> => x.status === 'fulfilled');
        if (ok.length === 0) return void req.socket.resetAndDestroy();
        answer = ok[Math.floor(rng() * ok.length)]!.value;
      } else answer = await forward(req.method!, req.url!, req.headers, body);
    } catch {
      return void req.socket.resetAndDestroy();
    }
    // The sandbox has answered (and, for an upload, stored the batch): now lose the answer.
    if (fault === 'reset-after-store') return void req.socket.resetAndDestroy();
    const headers: Record<string, string> = { 'content-type': String(answer.headers['content-type'] ?? '') };
    for (const h of ['x-request-id', 'retry-after'])
      if (answer.headers[h]) headers[h] = String(answer.headers[h]);
    let out = answer.body;
    if (fault === 'tear') {
      res.writeHead(answer.status, { ...headers, 'content-length': String(out.length) });
      res.write(out.subarray(0, Math.floor(out.length / 2)));
      setTimeout(() => req.socket.destroy(), 1);
      return;
    }
    if (fault === 'garble') {
      out = Buffer.from(out);
      for (let i = 0; i < 4 && out.length > 0; i++)
        out[Math.floor(rng() * out.length)] = Math.floor(rng() * 256);
    }
    res.writeHead(answer.status, { ...headers, 'content-length': String(out.length) });
    res.end(out);
  });
  return new Promise<{ url: string; counts: typeof counts; stop: () => Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        counts,
        stop: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      }),
    ),
  );
}

function child(url: string, journal: string, first: boolean) {
  const proc = spawn(
    process.execPath,
    [
      '--conditions=@jianguan/source',
      '--import',
      'tsx',
      join(here, 'fixtures/chaos-child.ts'),
      url,
      journal,
      String(RECORDS),
      'CH',
    ],
    {
      cwd: packageDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CHAOS_FIRST: first ? '1' : '0' },
    },
  );
  let out = '';
  let err = '';
  proc.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  proc.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const events = () =>
    out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { proc, exited, events, errors: () => err };
}

let sandbox: Sandbox;
let proxy: Awaited<ReturnType<typeof startChaosProxy>>;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jianguan-chaos-'));
  sandbox = await startSandbox({
    seed: SEED,
    today: '2026-07-01',
    faults: { latencyMs: [1, 8], serverErrorRate: 0.05, afterProcessingShare: 0.6 },
  });
  proxy = await startChaosProxy(sandbox.url, SEED);
});
afterAll(async () => {
  await proxy.stop();
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe(`chaos: hostile proxy + SIGKILLs (${RECORDS} records, ${KILLS} kills)`, () => {
  it('every record reaches the sandbox exactly once and no batch number is reused', async () => {
    const journal = join(dir, 'outbox.jsonl');
    const rng = seedrandom(`${SEED}:kills`);
    let kills = 0;
    for (let run = 0; run < KILLS; run++) {
      const p = child(proxy.url, journal, run === 0);
      const until = Date.now() + 60_000;
      while (!p.events().some((e) => e.event === 'ready') && p.proc.exitCode === null && Date.now() < until)
        await new Promise((r) => setTimeout(r, 5));
      // Kill after a random share of the remaining work reached the sandbox (or a random time).
      const target = sandbox.state.writes.length + 1 + Math.floor(rng() * Math.max(2, RECORDS / (KILLS + 1)));
      const deadline = Date.now() + 100 + Math.floor(rng() * 800);
      while (sandbox.state.writes.length < target && Date.now() < deadline && p.proc.exitCode === null)
        await new Promise((r) => setTimeout(r, 2));
      if (p.proc.exitCode === null) {
        p.proc.kill('SIGKILL');
        kills++;
      }
      await p.exited;
      expect(p.errors()).toBe('');
    }
    const last = child(proxy.url, journal, false);
    const end = await last.exited;
    expect(last.errors()).toBe('');
    expect(end.code).toBe(0);
    expect(last.events().at(-1)).toMatchObject({ event: 'done', pending: 0, rejected: 0 });

    const stats = sandbox.state.stats();
    console.info(
      `chaos: ${RECORDS} records, ${kills} SIGKILLs, proxy ${JSON.stringify(proxy.counts)}, sandbox ${JSON.stringify(stats)}`,
    );

    // Exactly once, on the sandbox's ledger.
    assertExactlyOnce(sandbox, 'CH', RECORDS);
    expect(sandbox.state.records('behaviours').filter((r) => r.recordId.startsWith('CH-'))).toHaveLength(
      RECORDS,
    );

    // No batch number used by two different batches (a retry of one request shares its key).
    const keysByBatch = new Map<string, Set<string>>();
    for (const r of sandbox.state.requests) {
      if (!r.batchNo) continue;
      const set = keysByBatch.get(r.batchNo) ?? new Set<string>();
      set.add(r.idempotencyKey ?? '');
      keysByBatch.set(r.batchNo, set);
    }
    const reused = [...keysByBatch].filter(([, keys]) => keys.size > 1).map(([b]) => b);
    expect(reused).toEqual([]);

    // The chaos really happened.
    expect(kills).toBeGreaterThan(0);
    for (const f of ['reset-after-store', 'tear', 'garble', 'duplicate'] as const)
      expect(proxy.counts[f], f).toBeGreaterThan(0);
    expect(stats.replays + stats.duplicates).toBeGreaterThan(0);
  }, 600_000);
});
