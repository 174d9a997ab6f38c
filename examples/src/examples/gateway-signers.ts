/**
 * Example: connect to a provincial gateway with each signer the client ships (网关签名).
 *
 *   node --conditions=@jianguan/source --import tsx examples/src/examples/gateway-signers.ts
 *
 * Provinces put their interfaces behind different API gateways, each with its own signing scheme. This
 * example starts the local sandbox with a gateway check that understands all of them, then makes one call
 * with each signer and prints the headers (or query parameters) it sent and whether the gateway accepted
 * them. Copy the block of the scheme your province uses.
 */
import { createHash, createHmac } from 'node:crypto';
import {
  AuthError,
  createGuangdongTifSigner,
  createHmacSha256Signer,
  createHmacSm3Signer,
  createMunicipalSha1Signer,
  createProvincialClient,
  createShandongSigner,
  createZhejiangIrsSigner,
  type Signer,
  SignerError,
  verifyCanonicalRequest,
} from '@jianguan/provincial-client';
import { SANDBOX_CREDENTIALS, startSandbox } from '@jianguan/sandbox';

// The credentials the "gateway" knows (in real life the province issues them to your department).
const KEYS = {
  canonical: SANDBOX_CREDENTIALS, // { appKey: 'sandbox-app', secret: 'sandbox-secret' }
  zhejiang: { appKey: 'zj-app', appSecret: 'zj-secret', requestSecret: 'zj-request-secret' },
  guangdong: { paasId: 'gd-paas', paasToken: 'gd-token' },
  shandong: { clientId: 'sd-client', tokenSecret: 'sd-secret' },
  municipal: { appKey: 'city-app', appSecret: 'city-secret' },
};

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const sha = (alg: string, s: string) => createHash(alg).update(s).digest('hex');

/** The gateway side: which scheme signed the request, and is the signature right? */
function gatewayCheck(
  url: URL,
  headers: Headers,
  method: string,
  body: string,
): { ok: boolean; scheme: string } {
  if (headers.has('x-jg-signature')) {
    const r = verifyCanonicalRequest(
      { method, url, body, headers },
      { secrets: { [KEYS.canonical.appKey]: KEYS.canonical.secret }, now: Date.now() },
    );
    return { ok: r.ok, scheme: `canonical ${headers.get('x-jg-signature-method') ?? ''}` };
  }
  if (headers.has('x-tif-signature')) {
    const ts = headers.get('x-tif-timestamp') ?? '';
    const want = sha('sha256', `${ts}${KEYS.guangdong.paasToken}${headers.get('x-tif-nonce')}${ts}`);
    return { ok: headers.get('x-tif-signature')?.toLowerCase() === want, scheme: 'guangdong-tif' };
  }
  if (headers.has('x-signature')) {
    const data = `${headers.get('x-client-id')}${headers.get('x-timestamp')}${headers.get('x-nonce')}`;
    const want = createHmac('sha256', KEYS.shandong.tokenSecret).update(data).digest('base64');
    return { ok: headers.get('x-signature') === want, scheme: 'shandong' };
  }
  if (headers.has('signature')) {
    const want = sha(
      'sha1',
      `${headers.get('appkey')}${KEYS.municipal.appSecret}${headers.get('timestamp')}`,
    );
    return { ok: headers.get('signature') === want, scheme: 'municipal-sha1' };
  }
  if (url.searchParams.has('sign')) {
    const p = url.searchParams;
    const want = md5(`${p.get('appKey')}${KEYS.zhejiang.requestSecret}${p.get('requestTime')}`);
    return { ok: p.get('sign') === want, scheme: 'zhejiang-irs' };
  }
  return { ok: false, scheme: 'none' };
}

// Zhejiang IRS first trades appKey + appSecret for a short-lived request secret at the gateway's token
// endpoint. Here a tiny fake token endpoint answers; in production leave `fetch` out.
const zhejiangTokenEndpoint: typeof fetch = async (input) => {
  const url = new URL(String(input));
  const p = url.searchParams;
  const ok =
    p.get('sign') === md5(`${KEYS.zhejiang.appKey}${KEYS.zhejiang.appSecret}${p.get('requestTime')}`);
  const datas = {
    requestSecret: KEYS.zhejiang.requestSecret,
    requestSecretEndTime: Date.now() + 15 * 60_000,
  };
  return Response.json(ok ? { code: '00', datas } : { code: '01', msg: 'bad sign' });
};

const sandbox = await startSandbox({
  port: 0,
  seed: 'signers',
  auth: {
    verify: ({ method, url, body, headers }) => {
      const verdict = gatewayCheck(url, headers, method, body);
      return verdict.ok ? { ok: true, appKey: verdict.scheme } : { ok: false, reason: 'bad_signature' };
    },
  },
});

const signers: [string, () => Signer][] = [
  ['HMAC-SHA256 (the jianguan contract)', () => createHmacSha256Signer(KEYS.canonical)],
  ['HMAC-SM3 (国密)', () => createHmacSm3Signer(KEYS.canonical)],
  [
    'Zhejiang IRS (md5 + token refresh)',
    () =>
      createZhejiangIrsSigner({
        appKey: KEYS.zhejiang.appKey,
        appSecret: KEYS.zhejiang.appSecret,
        gatewayUrl: 'https://gateway.example.invalid/gateway',
        fetch: zhejiangTokenEndpoint,
      }),
  ],
  ['Guangdong 里约/TIF (sha256)', () => createGuangdongTifSigner(KEYS.guangdong)],
  ['Shandong (HmacSHA256, base64)', () => createShandongSigner(KEYS.shandong)],
  ['municipal sha1 (appKey/signature)', () => createMunicipalSha1Signer(KEYS.municipal)],
  [
    'HMAC-SHA256 with a WRONG secret',
    () => createHmacSha256Signer({ appKey: 'sandbox-app', secret: 'oops' }),
  ],
];

const short = (v: string) => (v.length > 24 ? `${v.slice(0, 20)}…` : v);
let accepted = 0;
try {
  for (const [title, make] of signers) {
    console.log(`\n${title}`);
    let signer: Signer;
    try {
      signer = make();
    } catch (error) {
      console.log(`  cannot create the signer: ${(error as Error).message}`);
      continue;
    }
    // A fetch wrapper that shows what goes over the wire (the client signs every attempt afresh).
    const sent: { url: URL; headers: Headers }[] = [];
    const client = createProvincialClient({
      baseUrl: sandbox.url,
      source: '330122-SCJG',
      signer,
      retry: { limit: 0 },
      fetch: async (input, init) => {
        const request = new Request(input, init);
        sent.push({ url: new URL(request.url), headers: request.headers });
        return fetch(request);
      },
    });
    try {
      const page = await client.clues({ limit: 1 }).pages()[Symbol.asyncIterator]().next();
      const last = sent.at(-1)!;
      for (const [k, v] of last.headers) {
        if (!['content-type', 'accept', 'user-agent', 'x-request-id'].includes(k))
          console.log(`  header ${k}: ${short(v)}`);
      }
      for (const k of ['appKey', 'requestTime', 'sign']) {
        const v = last.url.searchParams.get(k);
        if (v !== null) console.log(`  query  ${k}=${short(v)}`);
      }
      console.log(`  ✓ accepted by the gateway (${page.value?.items.length ?? 0} clue on the first page)`);
      accepted++;
    } catch (error) {
      if (error instanceof AuthError)
        console.log(`  ✗ refused by the gateway: ${error.code} (${error.messages.zh})`);
      else if (error instanceof SignerError)
        console.log(`  ✗ cannot sign here: ${error.code} — ${error.messages.en}`);
      else throw error;
    }
  }
} finally {
  await sandbox.stop();
}
console.log(`\n${accepted} signers accepted by the gateway`);
