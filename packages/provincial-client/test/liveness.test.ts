import type { Sandbox } from '@jianguan/sandbox';
import { SANDBOX_CREDENTIALS, startSandbox, syntheticInspectionRecords } from '@jianguan/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvincialClientOptions } from '../src/index.js';
import {
  createHmacSha256Signer,
  createMemoryOutboxStore,
  createOutbox,
  createProvincialClient,
  QualityCheckFailedError,
} from '../src/index.js';

let sandbox: Sandbox;
const client = (over: Partial<ProvincialClientOptions> = {}) =>
  createProvincialClient({
    baseUrl: sandbox.url,
    source: '330100-LIVE',
    signer: createHmacSha256Signer(SANDBOX_CREDENTIALS),
    retry: { limit: 2, baseDelayMs: 1 },
    today: '2026-07-01',
    ...over,
  });

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'liveness', today: '2026-07-01' });
});
afterAll(() => sandbox.stop());

describe('liveness: one bad record never stalls the outbox', () => {
  it('a batch with a record the province rejects (required field null) settles the good ones; the bad one moves to rejected() with the reason', async () => {
    const [a, b, c] = syntheticInspectionRecords('live', 3, { prefix: 'LIVE', latestDate: '2026-06-30' });
    const bad = { ...b!, itemCode: null };
    const outbox = await createOutbox({ client: client(), store: createMemoryOutboxStore() });
    await outbox.enqueue(
      'behaviours',
      [a!, bad, c!].map((record) => ({ operation: 'I' as const, record })),
      { force: true },
    );
    const result = await outbox.flush();
    expect(result).toMatchObject({ sent: 3, stored: 2, rejected: 1, remaining: 0, failedBatches: 0 });
    expect(outbox.pending()).toHaveLength(0);
    const [rejected] = outbox.rejected();
    expect(rejected).toMatchObject({ recordId: 'LIVE-1', status: 'rejected' });
    expect(rejected!.batchNo).toMatch(/^\d{13}$/);
    expect(JSON.stringify(rejected!.issues)).toContain('itemCode');
    expect(
      sandbox.state.writes
        .filter((w) => w.recordId.startsWith('LIVE-'))
        .map((w) => w.recordId)
        .sort(),
    ).toEqual(['LIVE-0', 'LIVE-2']);
  });

  it('an issue in a shape the client does not know is kept (unreadable_issue), the batch still settles', async () => {
    const [r] = syntheticInspectionRecords('odd', 1, { prefix: 'ODD', latestDate: '2026-06-30' });
    const fakeProvince: typeof fetch = async (_input, init) => {
      const body = JSON.parse(String(init?.body)) as {
        batchNo: string;
        items: { recordId: string; idempotencyKey: string }[];
      };
      const item = body.items[0]!;
      return new Response(
        JSON.stringify({
          code: '00',
          msg: '成功',
          requestId: 'r',
          data: {
            batchNo: body.batchNo,
            accepted: 0,
            duplicates: 0,
            rejected: 1,
            results: [
              {
                recordId: item.recordId,
                idempotencyKey: item.idempotencyKey,
                status: 'rejected',
                issues: [{ errCode: 'E17', errMsg: '字段 itemCode 不能为空' }],
              },
            ],
          },
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    };
    const outbox = await createOutbox({
      client: client({ fetch: fakeProvince }),
      store: createMemoryOutboxStore(),
    });
    await outbox.enqueue('behaviours', [{ operation: 'I', record: r! }]);
    const result = await outbox.flush();
    expect(result).toMatchObject({ rejected: 1, remaining: 0, failedBatches: 0 });
    const issue = outbox.rejected()[0]!.issues![0] as { rule: string; value: unknown };
    expect(issue.rule).toBe('unreadable_issue');
    expect(issue.value).toEqual({ errCode: 'E17', errMsg: '字段 itemCode 不能为空' });
  });

  it('local 质检 refuses what the record schemas refuse (null in an optional field, wrong types): nothing leaves the department', async () => {
    const [r] = syntheticInspectionRecords('qc', 1, { prefix: 'QCN', latestDate: '2026-06-30' });
    const outbox = await createOutbox({ client: client(), store: createMemoryOutboxStore() });
    const before = sandbox.state.requests.length;
    for (const bad of [
      { ...r!, checkMode: null },
      { ...r!, submittedAt: null },
      { ...r!, implementInstitution: null },
      { ...r!, itemCode: null },
      { ...r!, checkDate: 20260630 },
      { ...r!, checkPersonnel: '张伟' },
    ]) {
      const error = await outbox
        .enqueue('behaviours', [{ operation: 'I', record: bad }])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QualityCheckFailedError);
      const upload = await client()
        .uploadBehaviours([bad])
        .catch((e: unknown) => e);
      expect(upload).toBeInstanceOf(QualityCheckFailedError);
    }
    expect(outbox.pending()).toHaveLength(0);
    expect(sandbox.state.requests.length).toBe(before);
  });
});
