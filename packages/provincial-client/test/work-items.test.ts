import { SANDBOX_CREDENTIALS, startSandbox } from '@jianguan/sandbox';
import { describe, expect, it } from 'vitest';
import {
  ApiBusinessError,
  ClientOptionsError,
  createHmacSha256Signer,
  createProvincialClient,
  InvalidItemError,
} from '../src/index.js';

describe('双告知 and commitment feeds over HTTP', () => {
  it('pulls typed items with a cursor to persist, claims and feeds back, and refuses what the contract refuses', async () => {
    const sandbox = await startSandbox({
      seed: 'client-feeds',
      baseDate: '2025-11-03',
      counts: { doubleNotifications: 5, commitments: 3 },
      arrivals: { everyMs: 3_600_000, initial: 2 },
    });
    try {
      const client = createProvincialClient({
        baseUrl: sandbox.url,
        source: '330100-SCJG',
        signer: createHmacSha256Signer(SANDBOX_CREDENTIALS),
      });
      const first = client.doubleNotifications({ limit: 1 });
      const items = await first.toArray({ limit: 10 });
      expect(items.map((i) => i.itemId)).toEqual(['SGZ00000001', 'SGZ00000002']);
      expect(first.cursor).toBe('c2');
      expect(first.invalid).toEqual([]);
      sandbox.advance(100 * 3_600_000);
      const rest = await client
        .doubleNotifications({ cursor: first.cursor as string })
        .toArray({ limit: 10 });
      expect(rest.map((i) => i.itemId)).toEqual(['SGZ00000003', 'SGZ00000004', 'SGZ00000005']);

      const claim = { claimTime: '2025-11-04T09:30:00+08:00', department: '县卫生健康局' };
      expect(await client.claimDoubleNotification('SGZ00000001', claim)).toEqual({
        id: 'SGZ00000001',
        status: 'stored',
      });
      // The same claim again is the same write (same derived key): answered from the province's cache.
      expect((await client.claimDoubleNotification('SGZ00000001', claim)).status).toBe('stored');
      await expect(
        client.feedbackDoubleNotification('SGZ00000002', { feedbackTime: claim.claimTime, result: '已办理' }),
      ).rejects.toMatchObject({ name: 'ApiBusinessError', code: 'business_error' });
      await expect(client.claimDoubleNotification('SGZ00000099', claim)).rejects.toBeInstanceOf(
        ApiBusinessError,
      );

      const [k] = await client.commitments().toArray({ limit: 1 });
      expect(k?.type).toBe('notify_commit');
      expect(() =>
        client.sendCommitmentVerification(k!.id, { verifiedAt: '2025-12-01', outcome: 'failed' }),
      ).toThrow(ClientOptionsError);
      expect(sandbox.state.commitmentVerifications.size).toBe(0);
      await client.sendCommitmentVerification(k!.id, {
        verifiedAt: '2025-12-01',
        outcome: 'failed',
        measures: '列入重点监管对象',
      });
      expect(sandbox.state.commitmentVerifications.get(k!.id)).toMatchObject({ outcome: 'failed' });
    } finally {
      await sandbox.stop();
    }
  });

  it('an invalid item is an InvalidItemError, or is skipped with onInvalid: skip', async () => {
    const page = {
      items: [
        { id: 'CN1', entityId: 'short' },
        {
          id: 'CN2',
          entityId: '91330100799655058B',
          entityName: '某公司',
          type: 'notify_commit',
          item: '食品经营许可',
          content: '具备条件',
          madeAt: '2025-11-01',
          deadline: '2025-12-01',
          verificationStandard: '现场核查',
          responsibleUnit: '县市场监督管理局',
          pushedAt: '2025-11-03T09:00:00+08:00',
        },
      ],
      nextCursor: 'c2',
      hasMore: false,
    };
    const client = createProvincialClient({
      baseUrl: 'http://127.0.0.1:9',
      source: 's',
      fetch: async () =>
        new Response(JSON.stringify({ code: '00', msg: 'ok', requestId: 'r', data: page }), { status: 200 }),
    });
    const error = await client
      .commitments()
      .toArray({ limit: 5 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidItemError);
    expect(error).toMatchObject({ itemId: 'CN1', endpoint: 'listCommitments', code: 'invalid_item' });
    const skipping = client.commitments({ onInvalid: 'skip' });
    expect((await skipping.toArray({ limit: 5 })).map((k) => k.id)).toEqual(['CN2']);
    expect(skipping.invalid.map((e) => e.itemId)).toEqual(['CN1']);
    expect(skipping.cursor).toBe('c2');
  });
});
