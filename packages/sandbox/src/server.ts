import type { AddressInfo } from 'node:net';
import type { HttpBindings } from '@hono/node-server';
import { serve } from '@hono/node-server';
import { chinaToday as chinaDate, isCivilDate as isValidCivilDate } from '@jianguan/core';
import { ClientOptionsError } from '@jianguan/provincial-client';
import { batchRequestSchema, defaultQualityCheck } from '@jianguan/provincial-client/contract';
import { Hono } from 'hono';
import { functionArg, objectArg, stringArg } from './arguments.js';
import type { SandboxFaults } from './faults.js';
import { FaultPlan } from './faults.js';
import { createAuthenticator } from './http/auth.js';
import { mountArrivalControl } from './http/control.js';
import { mountEndpoints } from './http/pipeline.js';
import { createReply } from './http/reply.js';
import { publicationRoutes } from './routes/publications.js';
import { uploadRoutes } from './routes/upload.js';
import { workItemRoutes } from './routes/work-items.js';
import { createUploadStore } from './state/upload-store.js';
import { createWorkItems } from './state/work-items.js';
import type { RequestLogEntry, Sandbox, SandboxOptions, SandboxState } from './types.js';

function validateOptions(given: unknown): asserts given is SandboxOptions {
  const options = objectArg(given, ['options'], true) as SandboxOptions;
  stringArg(options.seed, ['options', 'seed'], true);
  stringArg(options.hostname, ['options', 'hostname'], true);
  stringArg(options.persistPath, ['options', 'persistPath'], true);
  functionArg(options.now, ['options', 'now'], true);
  functionArg(options.qualityCheck, ['options', 'qualityCheck'], true);
  for (const name of ['faults', 'counts', 'arrivals'] as const)
    objectArg(options[name], ['options', name], true);
  if (options.auth !== undefined && options.auth !== 'none') objectArg(options.auth, ['options', 'auth']);
  if (
    options.port !== undefined &&
    (!Number.isInteger(options.port) || options.port < 0 || options.port > 65_535)
  ) {
    throw new ClientOptionsError(
      { zh: '端口须为 0–65535', en: 'port must be 0–65535' },
      { port: options.port },
    );
  }
  for (const [name, value] of [
    ['baseDate', options.baseDate],
    ['today', options.today],
  ] as const) {
    if (value !== undefined && !isValidCivilDate(value)) {
      throw new ClientOptionsError(
        { zh: `${name} 须为 YYYY-MM-DD 日期`, en: `${name} must be a civil date YYYY-MM-DD` },
        { [name]: value },
      );
    }
  }
  const maxBodyBytes = options.maxBodyBytes;
  if (maxBodyBytes !== undefined && (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1)) {
    throw new ClientOptionsError(
      { zh: 'maxBodyBytes 须为正整数', en: 'maxBodyBytes must be a positive integer' },
      { maxBodyBytes },
    );
  }
}

/**
 * Starts the provincial sandbox: a real HTTP server (hono + @hono/node-server) implementing "jianguan provincial
 * interface v1". It verifies signatures, applies core's quality checks, dedups writes by idempotency key, serves
 * deterministic synthetic clues, joint tasks, complaints, 双告知 items and commitments (seedrandom) — all at once,
 * or arriving over time on a seeded schedule (`arrivals`, moved on with `advance`) — and injects faults on demand.
 *
 * @example
 * const sandbox = await startSandbox({ port: 0, seed: 'demo', faults: { serverErrorRate: 0.2, dropRate: 0.1 } });
 * // … run a client against sandbox.url …
 * await sandbox.stop();
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  validateOptions(options);
  options ??= {};
  const seed = options.seed ?? 'jianguan';
  const plan = new FaultPlan(seed, options.faults ?? {});
  const clock = options.now ?? Date.now;
  const baseDate = options.baseDate ?? chinaDate(new Date(clock()));
  if (
    options.arrivals !== undefined &&
    (!(options.arrivals.everyMs > 0) ||
      !Number.isInteger(options.arrivals.initial ?? 0) ||
      (options.arrivals.initial ?? 0) < 0)
  ) {
    throw new ClientOptionsError(
      {
        zh: 'arrivals.everyMs 须为正数，arrivals.initial 须为非负整数',
        en: 'arrivals.everyMs must be positive and arrivals.initial a non-negative integer',
      },
      { arrivals: options.arrivals },
    );
  }
  const items = createWorkItems({
    seed,
    baseDate,
    clock,
    counts: options.counts,
    arrivals: options.arrivals,
  });
  const store = createUploadStore({
    check: options.qualityCheck ?? defaultQualityCheck,
    clock,
    today: options.today,
    persistPath: options.persistPath,
  });
  const requests: RequestLogEntry[] = [];
  const faultCounts: Record<string, number> = {};

  const app = new Hono<{ Bindings: HttpBindings }>();
  if (options.arrivals !== undefined) mountArrivalControl(app, items, createReply(clock));
  mountEndpoints(app, {
    plan,
    auth: createAuthenticator(options.auth, clock),
    reply: createReply(clock),
    clock,
    maxBodyBytes: options.maxBodyBytes ?? 16 * 1024 * 1024,
    handlers: {
      ...uploadRoutes(store),
      ...workItemRoutes(items, store, plan),
      ...publicationRoutes(items.publications),
    },
    counters: store.counters,
    requests,
    faultCounts,
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve(
      { fetch: app.fetch, port: options.port ?? 0, hostname: options.hostname ?? '127.0.0.1' },
      () => resolve(s),
    );
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const host = options.hostname ?? '127.0.0.1';
  const state: SandboxState = {
    seed,
    baseDate,
    get faults() {
      return plan.faults;
    },
    set faults(f: SandboxFaults) {
      plan.faults = f;
    },
    records: (kind) => [...store.rows.values()].filter((r) => kind === undefined || r.kind === kind),
    writes: store.writes,
    requests,
    quality: store.qualityOf,
    clueFeedback: items.clueFeedback,
    jointTasks: items.jointTaskProgress,
    complaintStatus: items.complaintStatus,
    doubleNotifications: items.doubleNotificationProgress,
    commitmentVerifications: items.commitmentVerifications,
    publications: items.publications,
    released: (feed) => items.released(feed),
    elapsedMs: () => items.elapsed(),
    stats: () => ({ requests: requests.length, faults: { ...faultCounts }, ...store.counters }),
  };
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    port: address.port,
    state,
    advance: (ms) => {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new ClientOptionsError(
          { zh: 'advance 须为非负毫秒数', en: 'advance takes a non-negative number of ms' },
          { ms },
        );
      }
      items.advance(ms);
    },
    ingest: (kind, body) => {
      const parsed = batchRequestSchema(kind, true).safeParse(body);
      return parsed.success ? store.applyBatch(kind, parsed.data) : undefined;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        store.flush();
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
