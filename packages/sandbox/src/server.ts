import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { HttpBindings } from '@hono/node-server';
import { serve } from '@hono/node-server';
import type { BatchResult, VerifyResult } from '@jianguan/provincial-client';
import { ClientOptionsError, SIGNATURE_HEADERS, verifyCanonicalRequest } from '@jianguan/provincial-client';
import type {
  EndpointSpec,
  ItemResult,
  QualityChecker,
  QualityIssue,
  QualityResult,
  UploadKind,
} from '@jianguan/provincial-client/contract';
import {
  BUSINESS_CODES,
  batchRequestSchema,
  chinaDate,
  claimRequestSchema,
  complaintStatusRequestSchema,
  defaultQualityCheck,
  ENDPOINTS,
  isValidCivilDate,
  publicationSchema,
  recordSchema,
  taskFeedbackRequestSchema,
  UPLOAD_KIND_NAMES,
  UPLOAD_KINDS,
} from '@jianguan/provincial-client/contract';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { FaultDecision, SandboxFaults } from './faults.js';
import { FaultPlan } from './faults.js';
import { syntheticClues, syntheticComplaints, syntheticJointTasks } from './synthetic.js';

/**
 * Credentials the sandbox accepts by default (HMAC-SHA256 / HMAC-SM3 canonical signing).
 *
 * @example
 * createHmacSha256Signer(SANDBOX_CREDENTIALS);
 */
export const SANDBOX_CREDENTIALS = { appKey: 'sandbox-app', secret: 'sandbox-secret' } as const;

/**
 * How the sandbox authenticates requests.
 *
 * @example
 * const auth: SandboxAuth = { secrets: { 'dept-1': 's3cret' }, maxSkewMs: 60_000 };
 */
export type SandboxAuth =
  | 'none'
  | { readonly secrets?: Readonly<Record<string, string>>; readonly maxSkewMs?: number }
  | {
      readonly verify: (request: {
        method: string;
        url: URL;
        body: string;
        headers: Headers;
      }) => VerifyResult | Promise<VerifyResult>;
    };

/**
 * Options of {@link startSandbox}.
 *
 * @example
 * const sandbox = await startSandbox({ port: 0, seed: 'demo', faults: { serverErrorRate: 0.2 } });
 */
export interface SandboxOptions {
  /** TCP port; 0 picks a free one. Default 0. */
  readonly port?: number;
  /** Host to bind. Default 127.0.0.1. */
  readonly hostname?: string;
  /** Seed of the synthetic data and the fault plan. Default 'jianguan'. */
  readonly seed?: string;
  readonly faults?: SandboxFaults;
  /** Signature verification. Default: HMAC canonical with {@link SANDBOX_CREDENTIALS}. */
  readonly auth?: SandboxAuth;
  /** Keep state in this JSON file (loaded at start, written after changes and at stop). */
  readonly persistPath?: string;
  /** Quality check applied to uploaded records. Default core's `qualityCheck`. */
  readonly qualityCheck?: QualityChecker;
  /** Server clock (epoch ms), e.g. to simulate skew. */
  readonly now?: () => number;
  /**
   * The civil date ('YYYY-MM-DD') the synthetic clues, joint tasks and complaints are dated relative to: they
   * fall in the 300 days before it. Default: today in China.
   */
  readonly baseDate?: string;
  /** The civil date the sandbox's 质检 takes as today (no future dates, …). Default: China today. */
  readonly today?: string;
  /** Synthetic item counts. */
  readonly counts?: { readonly clues?: number; readonly complaints?: number; readonly jointTasks?: number };
  /**
   * Largest request body accepted, in bytes (default 16 MiB). Checked before the body is read: a larger
   * `Content-Length` is refused with 413 at once, a body streamed without one is cut off at the limit.
   */
  readonly maxBodyBytes?: number;
}

/**
 * A stored record (current view).
 *
 * @example
 * sandbox.state.records('behaviours')[0]?.recordId;
 */
export interface StoredRecord {
  readonly kind: UploadKind;
  readonly recordId: string;
  readonly operation: 'I' | 'U' | 'D';
  readonly batchNo: string;
  readonly idempotencyKey: string;
  readonly record?: unknown;
}

/**
 * One applied write (each idempotency key appears at most once — the exactly-once ledger).
 *
 * @example
 * sandbox.state.writes.length;
 */
export interface WriteLogEntry {
  readonly kind: UploadKind;
  readonly recordId: string;
  readonly operation: 'I' | 'U' | 'D';
  readonly idempotencyKey: string;
  readonly batchNo: string;
  readonly at: number;
}

/**
 * One request as the sandbox saw it.
 *
 * @example
 * sandbox.state.requests.filter((r) => r.fault === 'drop').length;
 */
export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly fault: FaultDecision['kind'];
  readonly idempotencyKey?: string;
  readonly nonce?: string;
  readonly authFailure?: string;
  /** The batch number (批次号) of an upload or resubmission, when its body was read. */
  readonly batchNo?: string;
  /** Whether the body was read (false for requests refused on their headers: auth, size). */
  readonly bodyRead?: boolean;
}

/**
 * The sandbox's in-memory state, readable by tests.
 *
 * @example
 * expect(sandbox.state.writes.length).toBe(10_000);
 */
export interface SandboxState {
  readonly seed: string;
  /** The base date of the synthetic data (see {@link SandboxOptions.baseDate}). */
  readonly baseDate: string;
  /** Current fault settings (assign to change them at runtime). */
  faults: SandboxFaults;
  /** Current rows of a kind (deleted rows excluded). */
  records(kind?: UploadKind): StoredRecord[];
  readonly writes: readonly WriteLogEntry[];
  readonly requests: readonly RequestLogEntry[];
  /** Batch number → 质检 result. */
  quality(batchNo: string): QualityResult | undefined;
  readonly clueFeedback: ReadonlyMap<string, unknown>;
  readonly jointTasks: ReadonlyMap<string, { status: string; claim?: unknown; feedback?: unknown }>;
  readonly complaintStatus: ReadonlyMap<string, unknown>;
  readonly publications: ReadonlyMap<string, unknown>;
  /** Counts by outcome. */
  stats(): {
    requests: number;
    faults: Record<string, number>;
    stored: number;
    duplicates: number;
    rejected: number;
    replays: number;
    authFailures: number;
  };
}

/**
 * A running sandbox.
 *
 * @example
 * const { url, stop, state } = await startSandbox({ seed: 'x' });
 */
export interface Sandbox {
  /** Base URL, e.g. `http://127.0.0.1:54321`. */
  readonly url: string;
  readonly port: number;
  readonly state: SandboxState;
  /**
   * Applies an upload batch that arrived other than over HTTP (e.g. harvested from a 前置库): the body is what
   * the upload endpoint of `kind` takes (`{ batchNo, source, items }`), checked by the same schema, 质检, dedup
   * and exactly-once ledger. Returns the batch result, or `undefined` when the body does not parse.
   */
  ingest(kind: UploadKind, body: unknown): BatchResult | undefined;
  stop(): Promise<void>;
}

interface Persisted {
  rows: [string, StoredRecord][];
  writes: WriteLogEntry[];
  keys: [string, { recordId: string; batchNo: string }][];
  batches: [string, [string, QualityIssue[]][]][];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the provincial sandbox: a real HTTP server (hono + @hono/node-server) implementing "jianguan provincial
 * interface v1". It verifies signatures, applies core's quality checks, dedups writes by idempotency key, serves
 * deterministic synthetic clues, joint tasks and complaints (seedrandom), and injects faults on demand.
 *
 * @example
 * const sandbox = await startSandbox({ port: 0, seed: 'demo', faults: { serverErrorRate: 0.2, dropRate: 0.1 } });
 * // … run a client against sandbox.url …
 * await sandbox.stop();
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = options.seed ?? 'jianguan';
  if (
    options.port !== undefined &&
    (!Number.isInteger(options.port) || options.port < 0 || options.port > 65_535)
  ) {
    throw new ClientOptionsError(
      { zh: '端口须为 0–65535', en: 'port must be 0–65535' },
      { port: options.port },
    );
  }
  const plan = new FaultPlan(seed, options.faults ?? {});
  const clock = options.now ?? Date.now;
  const check = options.qualityCheck ?? defaultQualityCheck;
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
  const baseDate = options.baseDate ?? chinaDate(new Date(clock()));
  const dated = { baseDate };
  const clues = syntheticClues(seed, options.counts?.clues ?? 120, dated);
  const complaints = syntheticComplaints(seed, options.counts?.complaints ?? 60, dated);
  const tasks = syntheticJointTasks(seed, options.counts?.jointTasks ?? 20, dated);

  const rows = new Map<string, StoredRecord>();
  const writes: WriteLogEntry[] = [];
  const keys = new Map<string, { recordId: string; batchNo: string }>();
  const batches = new Map<string, Map<string, QualityIssue[]>>();
  const replayCache = new Map<string, { status: number; body: unknown; digest: string }>();
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024 * 1024;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new ClientOptionsError(
      { zh: 'maxBodyBytes 须为正整数', en: 'maxBodyBytes must be a positive integer' },
      { maxBodyBytes },
    );
  }
  const requests: RequestLogEntry[] = [];
  const clueFeedback = new Map<string, unknown>();
  const jointTasks = new Map<string, { status: string; claim?: unknown; feedback?: unknown }>(
    tasks.map((t) => [t.taskNo, { status: t.status }]),
  );
  const complaintStatus = new Map<string, unknown>();
  const publications = new Map<string, unknown>();
  const nonces = new Map<string, number>();
  const counters = { stored: 0, duplicates: 0, rejected: 0, replays: 0, authFailures: 0 };
  const faultCounts: Record<string, number> = {};

  if (options.persistPath) {
    try {
      const p = JSON.parse(readFileSync(options.persistPath, 'utf8')) as Persisted;
      for (const [k, v] of p.rows) rows.set(k, v);
      writes.push(...p.writes);
      for (const [k, v] of p.keys) keys.set(k, v);
      for (const [b, items] of p.batches) batches.set(b, new Map(items));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  let persistTimer: NodeJS.Timeout | undefined;
  const persistNow = () => {
    if (!options.persistPath) return;
    const data: Persisted = {
      rows: [...rows],
      writes,
      keys: [...keys],
      batches: [...batches].map(([b, m]) => [b, [...m]]),
    };
    writeFileSync(`${options.persistPath}.tmp`, JSON.stringify(data));
    renameSync(`${options.persistPath}.tmp`, options.persistPath);
  };
  const persistSoon = () => {
    if (!options.persistPath || persistTimer) return;
    persistTimer = setTimeout(() => {
      persistTimer = undefined;
      persistNow();
    }, 50);
  };

  const app = new Hono<{ Bindings: HttpBindings }>();

  const reply = (
    c: Context,
    status: number,
    code: string,
    data?: unknown,
    extra: Record<string, unknown> = {},
  ) => {
    const requestId = c.req.header('x-request-id') ?? randomUUID();
    const known = BUSINESS_CODES[code as keyof typeof BUSINESS_CODES];
    const body = {
      code,
      msg: known?.zh ?? String(extra.msg ?? ''),
      requestId,
      ...(data === undefined ? {} : { data }),
      ...extra,
    };
    return c.json(body, status as 200, { 'x-request-id': requestId, 'x-jg-server-time': String(clock()) });
  };

  const qualityOf = (batchNo: string): QualityResult | undefined => {
    const m = batches.get(batchNo);
    if (!m) return undefined;
    const issues = [...m.values()].flat();
    const failed = [...m.values()].filter((list) => list.some((i) => i.severity === 'error')).length;
    const total = m.size;
    return {
      batchNo,
      total,
      passed: total - failed,
      failed,
      passRate: total === 0 ? 1 : (total - failed) / total,
      issues,
    };
  };

  /** Applies an upload batch synchronously (no awaits: concurrent retries cannot interleave). */
  const applyBatch = (kind: UploadKind, body: ReturnType<ReturnType<typeof batchRequestSchema>['parse']>) => {
    const toRecord = (r: unknown) => r;
    const checkIdx: number[] = [];
    const toCheck: unknown[] = [];
    body.items.forEach((item, i) => {
      if (item.operation !== 'D' && !keys.has(item.idempotencyKey)) {
        checkIdx.push(i);
        toCheck.push(item.record);
      }
    });
    const issuesByItem = new Map<number, QualityIssue[]>();
    const schema = recordSchema(UPLOAD_KINDS[kind].schema);
    checkIdx.forEach((idx, k) => {
      const parsed = schema.safeParse(toCheck[k]);
      if (!parsed.success) {
        issuesByItem.set(
          idx,
          parsed.error.issues.slice(0, 10).map((zi) => ({
            checkType: '01',
            rule: 'schema',
            index: idx,
            recordId: body.items[idx]!.recordId,
            field: zi.path.join('.'),
            value: undefined,
            message: {
              zh: `[${zi.path.join('.')}]:不符合数据规范`,
              en: `${zi.path.join('.')}: ${zi.message}`,
            },
            severity: 'error' as const,
          })),
        );
      }
    });
    if (toCheck.length > 0) {
      for (const issue of check(toCheck, {
        recordType: UPLOAD_KINDS[kind].recordType,
        ...(options.today === undefined ? {} : { today: options.today }),
      }).issues) {
        const idx = checkIdx[issue.index];
        if (idx === undefined) continue;
        const list = issuesByItem.get(idx) ?? [];
        if (list.some((x) => x.rule === 'schema')) continue;
        list.push({ ...issue, index: idx });
        issuesByItem.set(idx, list);
      }
    }
    const batchMap = batches.get(body.batchNo) ?? new Map<string, QualityIssue[]>();
    batches.set(body.batchNo, batchMap);
    const results: ItemResult[] = body.items.map((item, i) => {
      if (keys.has(item.idempotencyKey)) {
        counters.duplicates++;
        return { recordId: item.recordId, idempotencyKey: item.idempotencyKey, status: 'duplicate' };
      }
      const issues = issuesByItem.get(i) ?? [];
      batchMap.set(item.recordId, issues);
      if (issues.some((x) => x.severity === 'error')) {
        counters.rejected++;
        return { recordId: item.recordId, idempotencyKey: item.idempotencyKey, status: 'rejected', issues };
      }
      keys.set(item.idempotencyKey, { recordId: item.recordId, batchNo: body.batchNo });
      const rowKey = `${kind}/${item.recordId}`;
      if (item.operation === 'D') rows.delete(rowKey);
      else {
        rows.set(rowKey, {
          kind,
          recordId: item.recordId,
          operation: item.operation,
          batchNo: body.batchNo,
          idempotencyKey: item.idempotencyKey,
          record: toRecord(item.record),
        });
      }
      writes.push({
        kind,
        recordId: item.recordId,
        operation: item.operation,
        idempotencyKey: item.idempotencyKey,
        batchNo: body.batchNo,
        at: clock(),
      });
      counters.stored++;
      return {
        recordId: item.recordId,
        idempotencyKey: item.idempotencyKey,
        status: 'stored',
        ...(issues.length > 0 ? { issues } : {}),
      };
    });
    persistSoon();
    return {
      batchNo: body.batchNo,
      accepted: results.filter((r) => r.status === 'stored').length,
      duplicates: results.filter((r) => r.status === 'duplicate').length,
      rejected: results.filter((r) => r.status === 'rejected').length,
      results,
    };
  };

  const page = <T>(list: readonly T[], c: Context) => {
    const cursor = c.req.query('cursor');
    const offset = cursor && /^c\d+$/.test(cursor) ? Number(cursor.slice(1)) : 0;
    const limit = Math.min(500, Math.max(1, Number(c.req.query('limit') ?? 50) || 50));
    const items = list.slice(offset, offset + limit);
    const end = offset + items.length;
    const delivered = offset > 0 && plan.duplicate() ? [list[offset - 1]!, ...items] : items;
    return {
      items: delivered,
      nextCursor: `c${end}`,
      hasMore: end < list.length,
      totalDataCount: list.length,
    };
  };

  type Handler = (
    c: Context,
    body: unknown,
    e: EndpointSpec,
  ) => Response | { status: number; code: string; data?: unknown };
  const handlers: Record<string, Handler> = {};
  for (const kind of UPLOAD_KIND_NAMES) {
    handlers[`upload.${kind}`] = (_c, body) => {
      const parsed = batchRequestSchema(kind, true).safeParse(body);
      if (!parsed.success)
        return { status: 400, code: '20', data: { issues: parsed.error.issues.slice(0, 20) } };
      return { status: 200, code: '00', data: applyBatch(kind, parsed.data) };
    };
  }
  handlers.resubmit = (c, body) => {
    const parsed = batchRequestSchema('behaviours', true).safeParse(body);
    if (!parsed.success || parsed.data.batchNo !== c.req.param('batchNo')) return { status: 400, code: '20' };
    if (!batches.has(parsed.data.batchNo)) return { status: 200, code: '21' };
    return { status: 200, code: '00', data: applyBatch('behaviours', parsed.data) };
  };
  handlers.getQualityResult = (c) => {
    const q = qualityOf(c.req.param('batchNo') ?? '');
    return q ? { status: 200, code: '00', data: q } : { status: 200, code: '21' };
  };
  handlers.lookupSubmission = (c) => {
    const key = c.req.param('idempotencyKey') ?? '';
    const hit = keys.get(key);
    return {
      status: 200,
      code: '00',
      data: hit
        ? { idempotencyKey: key, status: 'stored', ...hit }
        : { idempotencyKey: key, status: 'unknown' },
    };
  };
  handlers.listClues = (c) => ({ status: 200, code: '00', data: page(clues, c) });
  handlers.listComplaints = (c) => ({ status: 200, code: '00', data: page(complaints, c) });
  handlers.listJointTasks = (c) => {
    const status = c.req.query('status');
    const list = tasks
      .map((t) => ({ ...t, status: jointTasks.get(t.taskNo)?.status ?? t.status }))
      .filter((t) => !status || t.status === status);
    return { status: 200, code: '00', data: page(list, c) };
  };
  const once = (map: Map<string, unknown>, id: string, value: unknown) => {
    if (map.has(id)) return { status: 200, code: '00', data: { id, status: 'duplicate' } };
    map.set(id, value);
    return { status: 200, code: '00', data: { id, status: 'stored' } };
  };
  handlers.clueFeedback = (c, body) => {
    const id = c.req.param('warningId') ?? '';
    if (!clues.some((x) => x.warningId === id)) return { status: 200, code: '21' };
    return once(clueFeedback, id, body);
  };
  handlers.claimJointTask = (c, body) => {
    const t = jointTasks.get(c.req.param('taskNo') ?? '');
    if (!t) return { status: 200, code: '21' };
    if (!claimRequestSchema.safeParse(body).success) return { status: 400, code: '20' };
    if (t.status !== '分发') return { status: 200, code: '22' };
    t.status = '认领';
    t.claim = body;
    return { status: 200, code: '00', data: { id: c.req.param('taskNo'), status: 'stored' } };
  };
  handlers.jointTaskFeedback = (c, body) => {
    const t = jointTasks.get(c.req.param('taskNo') ?? '');
    if (!t) return { status: 200, code: '21' };
    const parsed = taskFeedbackRequestSchema.safeParse(body);
    if (!parsed.success) return { status: 400, code: '20' };
    if (t.status !== '认领') return { status: 200, code: '22' };
    if (parsed.data.recordIds.some((id) => !rows.has(`behaviours/${id}`))) return { status: 200, code: '22' };
    t.status = '反馈';
    t.feedback = body;
    return { status: 200, code: '00', data: { id: c.req.param('taskNo'), status: 'stored' } };
  };
  handlers.updateComplaintStatus = (c, body) => {
    const id = c.req.param('complaintId') ?? '';
    if (!complaints.some((x) => x.complaintId === id)) return { status: 200, code: '21' };
    if (!complaintStatusRequestSchema.safeParse(body).success) return { status: 400, code: '20' };
    complaintStatus.set(id, body);
    return { status: 200, code: '00', data: { id, status: 'stored' } };
  };
  handlers.publish = (c, body) => {
    const parsed = publicationSchema.safeParse(body);
    if (!parsed.success) return { status: 400, code: '20' };
    return once(publications, `${c.req.param('channel')}/${parsed.data.publicationId}`, body);
  };

  const pruneNonces = (now: number) => {
    if (nonces.size < 50_000) return;
    for (const [k, t] of nonces) if (now - t > 600_000) nonces.delete(k);
  };

  const authenticate = async (c: Context, bodyText: string): Promise<VerifyResult> => {
    const auth = options.auth ?? {};
    if (auth === 'none') return { ok: true, appKey: 'anonymous' };
    const request = {
      method: c.req.method,
      url: new URL(c.req.url),
      body: bodyText,
      headers: c.req.raw.headers,
    };
    if ('verify' in auth) return auth.verify(request);
    const now = clock();
    pruneNonces(now);
    return verifyCanonicalRequest(request, {
      secrets: auth.secrets ?? { [SANDBOX_CREDENTIALS.appKey]: SANDBOX_CREDENTIALS.secret },
      now,
      maxSkewMs: auth.maxSkewMs ?? 300_000,
      checkNonce: (appKey, nonce, ts) => {
        const k = `${appKey}:${nonce}`;
        if (nonces.has(k)) return false;
        nonces.set(k, ts);
        return true;
      },
    });
  };

  /**
   * What can be checked of the signature before the body is read (canonical auth only): the headers are there,
   * the app key is known, the timestamp is within the allowed skew. The full check (body digest, nonce) follows
   * once the bounded body is read.
   */
  const preauthenticate = (c: Context): VerifyResult => {
    const auth = options.auth ?? {};
    if (auth === 'none' || 'verify' in auth) return { ok: true, appKey: '' };
    const h = c.req.raw.headers;
    const appKey = h.get(SIGNATURE_HEADERS.appKey);
    if (
      !appKey ||
      !h.get(SIGNATURE_HEADERS.timestamp) ||
      !h.get(SIGNATURE_HEADERS.nonce) ||
      !h.get(SIGNATURE_HEADERS.signature)
    )
      return { ok: false, reason: 'missing_headers' };
    const secrets = auth.secrets ?? { [SANDBOX_CREDENTIALS.appKey]: SANDBOX_CREDENTIALS.secret };
    if (secrets[appKey] === undefined) return { ok: false, reason: 'unknown_app_key' };
    const ts = Number(h.get(SIGNATURE_HEADERS.timestamp));
    if (!Number.isFinite(ts) || Math.abs(ts - clock()) > (auth.maxSkewMs ?? 300_000))
      return { ok: false, reason: 'clock_skew' };
    return { ok: true, appKey };
  };

  /** Reads the body up to `maxBodyBytes`; undefined when it is larger (reading stops there). */
  const readBounded = async (c: Context): Promise<string | undefined> => {
    const stream = c.req.raw.body;
    if (!stream) return '';
    const reader = stream.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBodyBytes) {
        await reader.cancel().catch(() => undefined);
        return undefined;
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
  };

  const drop = (c: Context) => {
    c.env.incoming.socket.destroy();
    return new Response(null, { status: 499 });
  };

  for (const e of ENDPOINTS) {
    const honoPath = `/${e.path.replace(/\{(\w+)\}/g, ':$1')}`;
    app.on(e.method, honoPath, async (c) => {
      const path = new URL(c.req.url).pathname;
      const idempotencyKey = c.req.header('idempotency-key');
      let logExtra: { batchNo?: string } = {};
      const log = (
        status: number,
        fault: FaultDecision['kind'],
        authFailure?: string,
        extra: { bodyRead?: boolean } = {},
      ) => {
        requests.push({
          method: e.method,
          path,
          status,
          fault,
          ...(idempotencyKey ? { idempotencyKey } : {}),
          ...(c.req.header('x-jg-nonce') ? { nonce: c.req.header('x-jg-nonce')! } : {}),
          ...(authFailure ? { authFailure } : {}),
          ...logExtra,
          ...extra,
        });
        faultCounts[fault] = (faultCounts[fault] ?? 0) + 1;
      };
      const latency = plan.latency();
      if (latency > 0) await sleep(latency);
      const fault = plan.decide(path);
      if (fault.kind === 'rate-limit') {
        log(429, fault.kind);
        c.header('retry-after', String(plan.faults.retryAfterSeconds ?? 1));
        return reply(c, 429, '10', undefined, { msg: '请求过于频繁' });
      }
      if (fault.kind === 'business-error') {
        log(200, fault.kind);
        return reply(c, 200, '10');
      }
      if ((fault.kind === 'server-error' || fault.kind === 'drop') && fault.phase === 'before') {
        log(fault.kind === 'drop' ? 0 : fault.status, fault.kind);
        return fault.kind === 'drop' ? drop(c) : reply(c, fault.status, '10');
      }
      const refuseAuth = (reason: string, bodyRead: boolean) => {
        counters.authFailures++;
        log(401, 'none', reason, { bodyRead });
        if (!bodyRead) c.header('connection', 'close');
        return reply(c, 401, '40', undefined, {
          reason,
          serverTime: clock(),
          msg: `鉴权失败，鉴权信息有误（${reason}）`,
        });
      };
      // Auth and size are checked on the headers BEFORE any byte of the body is read.
      const early = preauthenticate(c);
      if (!early.ok) return refuseAuth(early.reason, false);
      const tooLarge = () => {
        log(413, 'none', undefined, { bodyRead: false });
        c.header('connection', 'close');
        return reply(c, 413, '24', undefined, { limit: maxBodyBytes });
      };
      const declared = Number(c.req.header('content-length') ?? Number.NaN);
      if (Number.isFinite(declared) && declared > maxBodyBytes) return tooLarge();
      const bodyText = e.method === 'GET' ? '' : await readBounded(c);
      if (bodyText === undefined) return tooLarge();
      const verdict = await authenticate(c, bodyText);
      if (!verdict.ok) return refuseAuth(verdict.reason, true);
      let body: unknown;
      if (bodyText) {
        try {
          body = JSON.parse(bodyText);
        } catch {
          log(400, 'none');
          return reply(c, 400, '20');
        }
      }
      const batchNo = (body as { batchNo?: unknown } | undefined)?.batchNo;
      logExtra = typeof batchNo === 'string' ? { batchNo } : {};
      // The Idempotency-Key is bound to the body digest: a key replayed with another body is refused, never
      // answered with the stored result of a different request.
      const digest = createHash('sha256').update(bodyText).digest('hex');
      let status: number;
      let payload: { code: string; data?: unknown };
      const cacheKey = idempotencyKey ? `${e.id}:${idempotencyKey}` : undefined;
      const cached = cacheKey ? replayCache.get(cacheKey) : undefined;
      if (e.idempotencyKey && !idempotencyKey) {
        status = 400;
        payload = { code: '20', data: { missing: 'Idempotency-Key' } };
      } else if (cached && cached.digest !== digest) {
        status = 422;
        payload = { code: '23', data: { idempotencyKey } };
      } else if (cached) {
        counters.replays++;
        status = cached.status;
        payload = cached.body as typeof payload;
      } else {
        const out = handlers[e.id]!(c, body, e);
        if (out instanceof Response) return out;
        status = out.status;
        payload = { code: out.code, ...(out.data === undefined ? {} : { data: out.data }) };
        if (cacheKey && out.code === '00') replayCache.set(cacheKey, { status, body: payload, digest });
      }
      if ((fault.kind === 'server-error' || fault.kind === 'drop') && fault.phase === 'after') {
        log(fault.kind === 'drop' ? 0 : fault.status, fault.kind);
        return fault.kind === 'drop' ? drop(c) : reply(c, fault.status, '10');
      }
      log(status, 'none');
      return reply(c, status, payload.code, payload.data);
    });
  }
  app.notFound((c) => reply(c, 404, '21'));

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
    records: (kind) => [...rows.values()].filter((r) => kind === undefined || r.kind === kind),
    writes,
    requests,
    quality: qualityOf,
    clueFeedback,
    jointTasks,
    complaintStatus,
    publications,
    stats: () => ({ requests: requests.length, faults: { ...faultCounts }, ...counters }),
  };
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    port: address.port,
    state,
    ingest: (kind, body) => {
      const parsed = batchRequestSchema(kind, true).safeParse(body);
      return parsed.success ? applyBatch(kind, parsed.data) : undefined;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        if (persistTimer) clearTimeout(persistTimer);
        persistTimer = undefined;
        persistNow();
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
