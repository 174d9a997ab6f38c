import { createHash } from 'node:crypto';
import type { HttpBindings } from '@hono/node-server';
import type { EndpointSpec } from '@jianguan/provincial-client/contract';
import { ENDPOINTS } from '@jianguan/provincial-client/contract';
import type { Context, Hono } from 'hono';
import type { FaultDecision, FaultPlan } from '../faults.js';
import type { Handlers } from '../routes/types.js';
import type { UploadCounters } from '../state/upload-store.js';
import type { RequestLogEntry } from '../types.js';
import type { Authenticator } from './auth.js';
import { lingerAndClose, readBounded } from './body.js';
import type { Reply } from './reply.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the request pipeline needs. */
export interface PipelineDeps {
  readonly plan: FaultPlan;
  readonly auth: Authenticator;
  readonly reply: Reply;
  readonly clock: () => number;
  readonly maxBodyBytes: number;
  readonly handlers: Handlers;
  readonly counters: UploadCounters;
  readonly requests: RequestLogEntry[];
  readonly faultCounts: Record<string, number>;
}

/**
 * Mounts every contract endpoint on `app` behind the request pipeline: latency and faults, authentication and
 * size checks on the headers before the body is read, signature check, JSON parsing, the Idempotency-Key replay
 * cache (bound to the body digest), the handler, and the request log.
 *
 * @example
 * mountEndpoints(app, { plan, auth, reply, clock, maxBodyBytes, handlers, counters, requests, faultCounts });
 */
export function mountEndpoints(app: Hono<{ Bindings: HttpBindings }>, deps: PipelineDeps): void {
  const { plan, auth, reply, clock, maxBodyBytes, handlers, counters, requests, faultCounts } = deps;
  const replayCache = new Map<string, { status: number; body: unknown; digest: string }>();

  const drop = (c: Context) => {
    c.env.incoming.socket.destroy();
    return new Response(null, { status: 499 });
  };

  const mount = (e: EndpointSpec) => {
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
        if (!bodyRead) {
          c.header('connection', 'close');
          lingerAndClose(c.env.incoming, c.env.outgoing);
        }
        return reply(c, 401, '40', undefined, {
          reason,
          serverTime: clock(),
          msg: `鉴权失败，鉴权信息有误（${reason}）`,
        });
      };
      // Auth and size are checked on the headers BEFORE any byte of the body is read.
      const early = auth.preauthenticate(c);
      if (!early.ok) return refuseAuth(early.reason, false);
      const tooLarge = () => {
        log(413, 'none', undefined, { bodyRead: false });
        c.header('connection', 'close');
        lingerAndClose(c.env.incoming, c.env.outgoing);
        return reply(c, 413, '24', undefined, { limit: maxBodyBytes });
      };
      const declared = Number(c.req.header('content-length') ?? Number.NaN);
      if (Number.isFinite(declared) && declared > maxBodyBytes) return tooLarge();
      const bodyText = e.method === 'GET' ? '' : await readBounded(c.env.incoming, maxBodyBytes);
      if (bodyText === undefined) return tooLarge();
      const verdict = await auth.authenticate(c, bodyText);
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
  };
  for (const e of ENDPOINTS) mount(e);
  app.notFound((c) => reply(c, 404, '21'));
}
