import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createZhejiangIrsSigner, SignerError } from '../src/index.js';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const APP_KEY = 'zj-app';
const APP_SECRET = 'zj-secret';

// A fake IRS gateway on 127.0.0.1 implementing the published token flow (reference §2.5 A).
let clock = 1_700_000_000_000;
let issued = 0;
const calls: string[] = [];
const secrets = { refresh: '', request: '' };
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const t = url.searchParams.get('requestTime') ?? '';
  const sign = url.searchParams.get('sign');
  const answer = (body: unknown) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  };
  calls.push(url.pathname);
  if (url.pathname.endsWith('/app/refreshTokenByKey.htm')) {
    if (sign !== md5(`${APP_KEY}${APP_SECRET}${t}`)) return answer({ code: '01', msg: 'bad sign' });
  } else if (url.pathname.endsWith('/app/refreshTokenBySec.htm')) {
    if (sign !== md5(`${APP_KEY}${secrets.refresh}${t}`)) return answer({ code: '01', msg: 'bad sign' });
  } else {
    return answer({ code: sign === md5(`${APP_KEY}${secrets.request}${t}`) ? '00' : '14', msg: '' });
  }
  issued++;
  if (url.pathname.endsWith('ByKey.htm')) secrets.refresh = `refresh-${issued}`;
  secrets.request = `request-${issued}`;
  return answer({
    code: '00',
    msg: '成功',
    datas: {
      refreshSecret: secrets.refresh,
      refreshSecretEndTime: clock + 48 * 3_600_000,
      requestSecret: secrets.request,
      requestSecretEndTime: String(clock + 15 * 60_000),
    },
  });
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/gateway`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('Zhejiang IRS signer with token refresh', () => {
  it('refreshes by key, signs data calls with the request secret, renews by refresh secret, recovers after invalidate', async () => {
    const signer = createZhejiangIrsSigner({ appKey: APP_KEY, appSecret: APP_SECRET, gatewayUrl: base });
    const dataCall = async () => {
      const out = await signer.sign({
        method: 'GET',
        url: new URL(`${base}/api/x/dataSharing/1.htm`),
        body: '',
        now: clock,
        nonce: 'n',
      });
      const url = new URL(`${base}/api/x/dataSharing/1.htm`);
      for (const [k, v] of Object.entries(out.query ?? {})) url.searchParams.set(k, v);
      return (await (await fetch(url)).json()) as { code: string };
    };
    // Two concurrent first calls share one key refresh.
    const [a, b] = await Promise.all([dataCall(), dataCall()]);
    expect([a.code, b.code]).toEqual(['00', '00']);
    expect(calls.filter((c) => c.endsWith('ByKey.htm'))).toHaveLength(1);
    // 13 minutes later the request secret is within the 3-minute early window: renew by refresh secret.
    clock += 13 * 60_000;
    expect((await dataCall()).code).toBe('00');
    expect(calls.filter((c) => c.endsWith('BySec.htm'))).toHaveLength(1);
    // The server rotates secrets behind our back; invalidate() makes the next call refresh again.
    secrets.request = 'rotated';
    expect((await dataCall()).code).toBe('14');
    signer.invalidate?.();
    expect((await dataCall()).code).toBe('00');
  });

  it('fails with a SignerError when the gateway refuses the key', async () => {
    const signer = createZhejiangIrsSigner({ appKey: APP_KEY, appSecret: 'wrong', gatewayUrl: base });
    await expect(
      signer.sign({ method: 'GET', url: new URL(base), body: '', now: clock, nonce: 'n' }),
    ).rejects.toThrow(SignerError);
  });
});
