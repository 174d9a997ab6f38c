import type { Sandbox } from '@jianguan/sandbox';
import { SANDBOX_CREDENTIALS, startSandbox, syntheticInspectionRecords } from '@jianguan/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvincialClientOptions, Signer } from '../src/index.js';
import {
  ApiBusinessError,
  AuthError,
  ClientOptionsError,
  createBatchSequence,
  createHmacSha256Signer,
  createHmacSm3Signer,
  createProvincialClient,
  encodeSuperviseData,
  NetworkError,
  QualityCheckFailedError,
  RateLimitError,
  ResponseValidationError,
  TimeoutError,
} from '../src/index.js';

let sandbox: Sandbox;
const signer = createHmacSha256Signer(SANDBOX_CREDENTIALS);
const fast = { limit: 6, baseDelayMs: 2, maxDelayMs: 10 } as const;
const batchSequence = createBatchSequence();
const make = (over: Partial<ProvincialClientOptions> = {}) =>
  createProvincialClient({
    baseUrl: sandbox.url,
    source: '330100-SCJG',
    signer,
    retry: fast,
    batchSequence,
    ...over,
  });

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'client-test', counts: { clues: 37, complaints: 12, jointTasks: 4 } });
});
afterAll(() => sandbox.stop());

describe('uploads', () => {
  it('uploads behaviour records in batches with YYYYMMDD+5-digit batch numbers; a repeat is a duplicate, not a second write', async () => {
    const client = make({ batchSize: 40 });
    const records = syntheticInspectionRecords('up', 100, { prefix: 'UP' });
    const first = await client.uploadBehaviours(records);
    expect(first.stored).toBe(100);
    expect(first.batches).toHaveLength(3);
    for (const b of first.batches) expect(b.batchNo).toMatch(/^\d{8}\d{5}$/);
    expect(new Set(first.batches.map((b) => b.batchNo)).size).toBe(3);
    const again = await client.uploadBehaviours(records);
    expect(again.duplicates).toBe(100);
    expect(sandbox.state.writes.filter((w) => w.recordId.startsWith('UP-'))).toHaveLength(100);
  });

  it('sends at most `concurrency` batches at once, taken in order, and returns them in order', async () => {
    let inFlight = 0;
    let most = 0;
    const started: string[] = [];
    const counting: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes('/behaviours')) started.push(JSON.parse(String(init?.body)).batchNo);
      inFlight++;
      most = Math.max(most, inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    const client = make({ batchSize: 3, concurrency: 2, fetch: counting });
    const records = syntheticInspectionRecords('conc', 20, { prefix: 'CONC' });
    const result = await client.uploadBehaviours(records);
    expect(result.stored).toBe(20);
    expect(result.batches).toHaveLength(7);
    expect(most).toBe(2);
    expect(result.batches.map((b) => b.batchNo)).toEqual([...started].sort());
    expect(result.results.map((r) => r.recordId)).toEqual(records.map((r) => r.recordId));
  });

  it('an update with new content is a new write; delete removes the row', async () => {
    const client = make();
    const [r] = syntheticInspectionRecords('upd', 1, { prefix: 'UPD' });
    await client.upload('behaviours', [{ operation: 'I', record: r! }]);
    const u = await client.upload('behaviours', [{ operation: 'U', record: { ...r!, checkResult: '02' } }]);
    expect(u.stored).toBe(1);
    expect(sandbox.state.records('behaviours').find((x) => x.recordId === 'UPD-0')?.operation).toBe('U');
    const d = await client.upload('behaviours', [{ operation: 'D', recordId: 'UPD-0' }]);
    expect(d.stored).toBe(1);
    expect(sandbox.state.records('behaviours').some((x) => x.recordId === 'UPD-0')).toBe(false);
  });

  it('records failing the local 质检 never leave the machine unless forced; the province then rejects them with issues', async () => {
    const client = make();
    const [good] = syntheticInspectionRecords('qc', 1, { prefix: 'QC' });
    const bad = { ...good!, recordId: 'QC-bad', checkPersonnel: ['张伟'], checkPersonnelCertNos: ['1'] };
    const before = sandbox.state.requests.length;
    await expect(client.uploadBehaviours([good!, bad])).rejects.toBeInstanceOf(QualityCheckFailedError);
    expect(sandbox.state.requests.length).toBe(before);
    const forced = await client.uploadBehaviours([good!, bad], { force: true });
    expect(forced.stored).toBe(1);
    expect(forced.rejected).toBe(1);
    const rejected = forced.results.find((r) => r.status === 'rejected');
    expect(rejected?.recordId).toBe('QC-bad');
    expect(rejected?.issues?.length).toBeGreaterThan(0);
    const batchNo = forced.batches[0]!.batchNo;
    const quality = await client.getQualityResult(batchNo);
    expect(quality).toMatchObject({ batchNo, total: 2, passed: 1, failed: 1 });
    const fixed = await client.resubmit(batchNo, [
      { operation: 'I', record: { ...good!, recordId: 'QC-bad', checkActionCode: 'JC-FIX' } },
    ]);
    expect(fixed.accepted).toBe(1);
    expect((await client.getQualityResult(batchNo)).failed).toBe(0);
  });

  it('uploads officers, plans and draw results with ids taken from their key fields', async () => {
    const client = make();
    const officer = { name: '张伟', orgName: '杭州市市场监督管理局', lawEnforcementCertNo: '33010100001' };
    const plan = {
      planId: 'PLAN-2026-01',
      planName: '2026年度双随机抽查计划',
      year: '2026',
      areaName: '杭州市',
      areaCode: '330100',
      supervisionDept: '杭州市市场监督管理局',
      samplingRatio: 0.05,
    };
    const drawn = { planId: 'PLAN-2026-01', objectName: '杭州某餐饮有限公司', objectId: 'OBJ-1' };
    expect((await client.upload('officers', [{ operation: 'I', record: officer }])).stored).toBe(1);
    expect((await client.upload('plans', [{ operation: 'I', record: plan }])).stored).toBe(1);
    expect((await client.upload('drawResults', [{ operation: 'I', record: drawn }])).stored).toBe(1);
    const ids = sandbox.state.records().map((r) => `${r.kind}:${r.recordId}`);
    expect(ids).toEqual(
      expect.arrayContaining([
        'officers:33010100001',
        'plans:PLAN-2026-01',
        'drawResults:PLAN-2026-01/OBJ-1',
      ]),
    );
    // the province's 质检 applies to every family: a plan without its department is refused locally
    const { supervisionDept: _dropped, ...incomplete } = plan;
    await expect(
      client.upload('plans', [{ operation: 'I', record: { ...incomplete, planId: 'PLAN-X' } }]),
    ).rejects.toBeInstanceOf(QualityCheckFailedError);
  });

  it('lookupSubmission reconciles by idempotency key', async () => {
    const client = make();
    const [r] = syntheticInspectionRecords('lk', 1, { prefix: 'LK' });
    const res = await client.uploadBehaviours([r!]);
    const key = res.results[0]!.idempotencyKey;
    expect(await client.lookupSubmission(key)).toMatchObject({ status: 'stored', recordId: 'LK-0' });
    expect((await client.lookupSubmission('jg1-unknown-key')).status).toBe('unknown');
  });

  it('signs with HMAC-SM3 as well', async () => {
    const client = make({ signer: createHmacSm3Signer(SANDBOX_CREDENTIALS) });
    const page = await client.clues({ limit: 5 }).toArray({ limit: 5 });
    expect(page).toHaveLength(5);
  });
});

describe('auth and signatures', () => {
  it('a tampered signature is refused with a clear AuthError (no secrets in the error)', async () => {
    const tampering: Signer = {
      scheme: 'tampering',
      async sign(input) {
        const out = await signer.sign(input);
        const sig = out.headers!['x-jg-signature']!;
        return {
          headers: {
            ...out.headers,
            'x-jg-signature': `${sig.slice(0, -1)}${sig.endsWith('0') ? '1' : '0'}`,
          },
        };
      },
    };
    const client = make({ signer: tampering });
    const error = await client.getQualityResult('2026010100001').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    const auth = error as AuthError;
    expect(auth.status).toBe(401);
    expect(auth.code).toBe('auth_failed');
    expect(auth.message).toMatch(/authentication failed/);
    expect((auth.data as { reason?: string }).reason).toBe('bad_signature');
    expect(auth.requestId).toBeTruthy();
    expect(JSON.stringify(auth)).not.toContain(SANDBOX_CREDENTIALS.secret);
  });

  it('a wrong secret is refused', async () => {
    const client = make({
      signer: createHmacSha256Signer({ appKey: SANDBOX_CREDENTIALS.appKey, secret: 'nope' }),
    });
    await expect(client.clues().toArray({ limit: 1 })).rejects.toBeInstanceOf(AuthError);
  });

  it('tolerates clock skew: learns the server offset from a skew refusal and retries once', async () => {
    const client = make({ now: () => Date.now() - 3_600_000 });
    const items = await client.clues({ limit: 3 }).toArray({ limit: 3 });
    expect(items).toHaveLength(3);
    expect(sandbox.state.requests.some((r) => r.authFailure === 'clock_skew')).toBe(true);
  });

  it('every attempt carries a fresh nonce (retries are re-signed)', async () => {
    sandbox.state.faults = { serverErrorRate: 1, afterProcessingShare: 0 };
    const before = sandbox.state.requests.length;
    const client = make({ retry: { limit: 3, baseDelayMs: 1, maxDelayMs: 2 } });
    const error = await client.getQualityResult('2026010100001').catch((e: unknown) => e);
    sandbox.state.faults = {};
    expect([500, 502, 503]).toContain((error as { status: number }).status);
    const attempts = sandbox.state.requests.slice(before);
    expect(attempts).toHaveLength(4);
    expect(new Set(attempts.map((a) => a.nonce)).size).toBe(4);
  });
});

describe('faults and errors', () => {
  it('429 with Retry-After is honoured and, when retries run out, surfaces as RateLimitError with retryAfterMs', async () => {
    sandbox.state.faults = { rateLimitRate: 1, retryAfterSeconds: 0 };
    const client = make({ retry: { limit: 2, baseDelayMs: 1 } });
    const error = await client
      .clues()
      .toArray({ limit: 1 })
      .catch((e: unknown) => e);
    sandbox.state.faults = {};
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(0);
  });

  it('business error codes inside HTTP 200 are typed; retryable ones are retried', async () => {
    sandbox.state.faults = { businessErrorRate: 1 };
    const client = make({ retry: { limit: 2, baseDelayMs: 1 } });
    const before = sandbox.state.requests.length;
    const error = await client
      .clues()
      .toArray({ limit: 1 })
      .catch((e: unknown) => e);
    sandbox.state.faults = {};
    expect(error).toBeInstanceOf(ApiBusinessError);
    expect((error as ApiBusinessError).businessCode).toBe('10');
    expect(sandbox.state.requests.length - before).toBe(3);
    // Non-retryable business code: a feedback for an unclaimed task.
    const t = await make().jointTasks().toArray({ limit: 1 });
    const fb = await make()
      .feedbackJointTask(t[0]!.taskNo, {
        feedbackTime: '2026-03-01T10:00:00+08:00',
        feedbackSuggestion: 'x',
        recordIds: [],
      })
      .catch((e: unknown) => e);
    expect(fb).toBeInstanceOf(ApiBusinessError);
    expect((fb as ApiBusinessError).businessCode).toBe('22');
  });

  it('dropped connections become NetworkError after retries', async () => {
    sandbox.state.faults = { dropRate: 1 };
    const error = await make({ retry: { limit: 1, baseDelayMs: 1 } })
      .clues()
      .toArray({ limit: 1 })
      .catch((e: unknown) => e);
    sandbox.state.faults = {};
    expect(error).toBeInstanceOf(NetworkError);
  });

  it('per-attempt timeout, total timeout and caller abort are distinguished', async () => {
    sandbox.state.faults = { latencyMs: 300 };
    const attempt = await make({ timeoutMs: 50, retry: { limit: 0 } })
      .getQualityResult('x')
      .catch((e: unknown) => e);
    const total = await make({ timeoutMs: 5000, totalTimeoutMs: 80 })
      .getQualityResult('x')
      .catch((e: unknown) => e);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const aborted = await make()
      .getQualityResult('x', { signal: controller.signal })
      .catch((e: unknown) => e);
    sandbox.state.faults = {};
    expect(attempt).toBeInstanceOf(TimeoutError);
    expect((attempt as TimeoutError).details.kind).toBe('attempt');
    expect((total as TimeoutError).details.kind).toBe('total');
    expect((aborted as TimeoutError).code).toBe('aborted');
  });

  it('responses are validated with zod', async () => {
    const client = make({
      fetch: async () =>
        new Response(JSON.stringify({ code: '00', msg: 'ok', requestId: 'r', data: { items: 'nope' } }), {
          status: 200,
        }),
    });
    const error = await client
      .clues()
      .toArray({ limit: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues.length).toBeGreaterThan(0);
  });

  it('bad options fail fast with ClientOptionsError', () => {
    expect(() => createProvincialClient({ baseUrl: 'ftp://x', source: 's' })).toThrow(ClientOptionsError);
    expect(() => createProvincialClient({ baseUrl: 'http://x', source: '' })).toThrow(ClientOptionsError);
    expect(() => make().prepare('behaviours', [{ operation: 'I', record: {} }])).toThrow(/recordId/);
  });

  it('hooks and logger observe requests and retries; the logger is silent by default', async () => {
    sandbox.state.faults = { serverErrorRate: 1, afterProcessingShare: 0 };
    const seen: string[] = [];
    const client = make({
      retry: { limit: 1, baseDelayMs: 1 },
      hooks: {
        beforeRequest: (e) => seen.push(`req${e.attempt}`),
        beforeRetry: () => seen.push('retry'),
        onError: (e) => seen.push(e.name),
      },
      logger: { debug: () => seen.push('log'), info() {}, warn() {}, error() {} },
    });
    await client.getQualityResult('x').catch(() => undefined);
    sandbox.state.faults = {};
    expect(seen.filter((s) => s !== 'log')).toEqual(['req0', 'retry', 'req1', 'HttpError']);
    expect(seen).toContain('log');
  });
});

describe('pulls and answers', () => {
  it('clues: async iteration over pages, duplicate deliveries yielded once, cursor resumes incrementally', async () => {
    sandbox.state.faults = { duplicateDeliveryRate: 1 };
    const client = make();
    const it1 = client.clues({ limit: 10 });
    const all: string[] = [];
    for await (const c of it1) all.push(String(c.warningId));
    sandbox.state.faults = {};
    expect(all).toHaveLength(37);
    expect(new Set(all).size).toBe(37);
    expect(it1.cursor).toBe('c37');
    const first = await client.clues({ limit: 10 }).toArray({ limit: 15 });
    expect(first).toHaveLength(15);
    const rest = await client.clues({ cursor: 'c30', limit: 10 }).toArray({ limit: 100 });
    expect(rest.map((c) => c.warningId)).toEqual(all.slice(30));
    const fb = await client.sendClueFeedback(all[0]!, {
      warningId: all[0]!,
      claimTime: '2026-03-01T09:00:00+08:00',
      handler: '张伟',
      verifyResult: '1',
      feedbackTime: '2026-03-02T09:00:00+08:00',
    });
    expect(fb.status).toBe('stored');
  });

  it('joint tasks: decode superviseData, claim, feed back with uploaded behaviour records', async () => {
    const client = make();
    const tasks = await client.jointTasks({ status: '分发' }).toArray({ limit: 10 });
    expect(tasks).toHaveLength(4);
    const task = tasks[0]!;
    expect(task.superviseData.taskInfo.taskNo).toBe(task.taskNo);
    expect(task.superviseData.taskInfo.superviseObjects?.[0]?.basisData?.riskWarning?.fxyjId).toMatch(
      /^FXYJ/,
    );
    expect(
      (
        await client.claimJointTask(task.taskNo, {
          claimTime: '2026-03-01T09:00:00+08:00',
          unionUnitName: '杭州市市场监管局',
        })
      ).status,
    ).toBe('stored');
    const [rec] = syntheticInspectionRecords('task', 1, { prefix: 'TASK' });
    await client.uploadBehaviours([rec!]);
    const superviseData = encodeSuperviseData({
      ...task.superviseData,
      supervisionProcess: {
        taskDetails: [
          {
            taskNo: task.taskNo,
            status: '反馈',
            feedbackTime: '2026-03-05 10:00:00',
            feedbackSuggestion: '已检查',
          },
        ],
      },
    });
    const fb = await client.feedbackJointTask(task.taskNo, {
      feedbackTime: '2026-03-05T10:00:00+08:00',
      feedbackSuggestion: '已检查，未发现问题',
      recordIds: ['TASK-0'],
      superviseData,
    });
    expect(fb.status).toBe('stored');
    expect(sandbox.state.jointTasks.get(task.taskNo)?.status).toBe('反馈');
  });

  it('complaints and publications', async () => {
    const client = make();
    const complaints = await client.complaints().toArray({ limit: 100 });
    expect(complaints).toHaveLength(12);
    const id = String(complaints[0]!.complaintId);
    expect(
      (await client.updateComplaintStatus(id, { status: '4', updatedAt: '2026-03-05T10:00:00+08:00' }))
        .status,
    ).toBe('stored');
    const post = {
      publicationId: 'news-1',
      title: '工作动态',
      content: '开展联合检查',
      publishedAt: '2026-03-05',
    };
    expect((await client.publish('work-news', post)).status).toBe('stored');
    // The same request again is replayed (same idempotency key, same answer); one publication exists.
    expect((await client.publish('work-news', post)).status).toBe('stored');
    expect([...sandbox.state.publications.keys()].filter((k) => k === 'work-news/news-1')).toHaveLength(1);
    // A different post under the same id is recognised as a duplicate.
    expect((await client.publish('work-news', { ...post, title: '更正' })).status).toBe('duplicate');
    expect(() => client.publish('blog' as never, post)).toThrow(ClientOptionsError);
  });
});
