import { afterAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index.js';
import { startSandbox } from '../src/index.js';

const HOUR = 3_600_000;
const started: Sandbox[] = [];
afterAll(() => Promise.all(started.map((s) => s.stop())));

async function open(seed = 'arrivals') {
  const s = await startSandbox({
    seed,
    auth: 'none',
    baseDate: '2025-11-03',
    counts: { clues: 10, complaints: 4, jointTasks: 3, doubleNotifications: 12, commitments: 5 },
    arrivals: { everyMs: 6 * HOUR, initial: 1 },
  });
  started.push(s);
  return s;
}

const get = async (s: Sandbox, path: string) =>
  (await (await fetch(`${s.url}${path}`)).json()) as {
    code: string;
    data: { items: Record<string, unknown>[]; nextCursor: string; hasMore: boolean };
  };
const post = async (s: Sandbox, path: string, body: unknown, key: string = crypto.randomUUID()) => {
  const res = await fetch(`${s.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  return { status: res.status, ...((await res.json()) as { code: string; data?: unknown }) };
};

describe('work items arrive over time', () => {
  it('on a seeded schedule: the same seed releases the same items at the same sandbox times', async () => {
    const a = await open('same');
    const b = await open('same');
    const seen: [number, number][] = [];
    for (let h = 0; h < 80; h += 7) {
      seen.push([a.state.released('doubleNotifications'), b.state.released('doubleNotifications')]);
      a.advance(7 * HOUR);
      b.advance(7 * HOUR);
    }
    expect(seen.every(([x, y]) => x === y)).toBe(true);
    expect(seen[0]).toEqual([1, 1]);
    expect(seen.at(-1)?.[0]).toBe(12);
    // Released counts only grow, and more than one step is visible.
    const counts = seen.map(([x]) => x);
    expect(counts).toEqual([...counts].sort((p, q) => p - q));
    expect(new Set(counts).size).toBeGreaterThan(4);
  });

  it('the cursor pull is stable: a saved cursor returns exactly the items that arrived since', async () => {
    const s = await open();
    const first = await get(s, '/v1/double-notifications?limit=50');
    expect(first.data.items.map((i) => i.itemId)).toEqual(['SGZ00000001']);
    expect(first.data.hasMore).toBe(false);
    const empty = await get(s, `/v1/double-notifications?cursor=${first.data.nextCursor}`);
    expect(empty.data.items).toEqual([]);
    s.advance(24 * HOUR);
    const n = s.state.released('doubleNotifications');
    expect(n).toBeGreaterThan(1);
    const next = await get(s, `/v1/double-notifications?cursor=${first.data.nextCursor}&limit=2`);
    expect(next.data.items.map((i) => i.itemId)).toEqual(
      ['SGZ00000002', 'SGZ00000003'].slice(0, Math.min(2, n - 1)),
    );
    // Items are dated the day they arrive, counting from the base date.
    const all = await get(s, '/v1/double-notifications?limit=500');
    const days = all.data.items.map((i) => String(i.pushedAt).slice(0, 10));
    expect(days[0]).toBe('2025-11-03');
    expect(days).toEqual([...days].sort());
  });

  it('answers to items that have not arrived are 21; claims and verifications are validated and stored once', async () => {
    const s = await open('answers');
    const claim = { claimTime: '2025-11-04T10:00:00+08:00', department: '县卫生健康局' };
    expect(await post(s, '/v1/double-notifications/SGZ00000012/claim', claim)).toMatchObject({ code: '21' });
    expect(await post(s, '/v1/double-notifications/SGZ00000001/claim', { department: 'x' })).toMatchObject({
      status: 400,
      code: '20',
    });
    expect(
      await post(s, '/v1/double-notifications/SGZ00000001/feedback', {
        feedbackTime: claim.claimTime,
        result: '已办理',
      }),
    ).toMatchObject({ code: '22' });
    expect(await post(s, '/v1/double-notifications/SGZ00000001/claim', claim, 'k1')).toMatchObject({
      code: '00',
    });
    // The same request again is answered from the key cache; a different claim is refused.
    expect(await post(s, '/v1/double-notifications/SGZ00000001/claim', claim, 'k1')).toMatchObject({
      code: '00',
    });
    expect(
      await post(s, '/v1/double-notifications/SGZ00000001/claim', { ...claim, department: '县教育局' }),
    ).toMatchObject({ code: '22' });
    expect(s.state.doubleNotifications.get('SGZ00000001')?.claim).toEqual(claim);
    // A failed verification must name its 失信约束措施.
    const failed = { verifiedAt: '2025-11-20', outcome: 'failed' };
    expect(await post(s, '/v1/commitments/CN00000001/verification', failed)).toMatchObject({ status: 400 });
    const ok = { ...failed, measures: '列入重点监管对象' };
    expect(await post(s, '/v1/commitments/CN00000001/verification', ok)).toMatchObject({
      data: { status: 'stored' },
    });
    expect(await post(s, '/v1/commitments/CN00000001/verification', ok)).toMatchObject({
      data: { status: 'duplicate' },
    });
  });

  it('the control endpoint moves the arrival clock; without arrivals everything is there at start', async () => {
    const s = await open('control');
    const before = s.state.released('clues');
    const res = await fetch(`${s.url}/_sandbox/advance`, {
      method: 'POST',
      body: JSON.stringify({ ms: 100 * HOUR }),
    });
    expect(((await res.json()) as { data: { released: { clues: number } } }).data.released.clues).toBe(10);
    expect(before).toBe(1);
    expect((await fetch(`${s.url}/_sandbox/advance`, { method: 'POST', body: '{"ms":-1}' })).status).toBe(
      400,
    );
    const plain = await startSandbox({ seed: 'plain', auth: 'none', counts: { doubleNotifications: 7 } });
    started.push(plain);
    expect(plain.state.released('doubleNotifications')).toBe(7);
    expect((await fetch(`${plain.url}/_sandbox/clock`)).status).toBe(404);
    await expect(startSandbox({ arrivals: { everyMs: 0 } })).rejects.toMatchObject({
      name: 'ClientOptionsError',
    });
  });
});
