import type { Sandbox } from '@jianguan/sandbox';
import { SANDBOX_CREDENTIALS, startSandbox, syntheticInspectionRecords } from '@jianguan/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHmacSha256Signer,
  createProvincialClient,
  PayloadTooLargeError,
  SIGNATURE_HEADERS,
  verifyCanonicalRequest,
} from '../src/index.js';

let sandbox: Sandbox;
const LIMIT = 64 * 1024;
const signer = createHmacSha256Signer(SANDBOX_CREDENTIALS);

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'hardening', maxBodyBytes: LIMIT, today: '2026-07-01' });
});
afterAll(() => sandbox.stop());

/**
 * A request body far larger than anything the sandbox accepts (64 MiB, produced lazily, one chunk per macrotask so
 * the in-process server keeps running): only a server that stops reading can answer before it is exhausted.
 */
function endless(): { stream: ReadableStream<Uint8Array>; exhausted: () => boolean } {
  const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
  let left = 4096;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      await new Promise((r) => setTimeout(r, 0));
      if (left-- <= 0) controller.close();
      else controller.enqueue(chunk);
    },
  });
  return { stream, exhausted: () => left <= 0 };
}

const post = (path: string, init: RequestInit & { duplex?: 'half' }) =>
  fetch(`${sandbox.url}/${path}`, { method: 'POST', ...init } as RequestInit);

describe('the sandbox checks auth and size before it reads a body', () => {
  it('an unsigned request with an endless body is refused 401 without reading it', async () => {
    const body = endless();
    const res = await post('v1/behaviours/batches', {
      body: body.stream,
      duplex: 'half',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'jgb-unsigned-0001' },
      signal: AbortSignal.timeout(10_000),
    });
    expect(res.status).toBe(401);
    expect(body.exhausted()).toBe(false);
    await res.body?.cancel();
    expect(sandbox.state.requests.at(-1)).toMatchObject({
      status: 401,
      bodyRead: false,
      authFailure: 'missing_headers',
    });
  });

  it('a declared Content-Length over the limit is refused 413 at once; an endless chunked body is cut off at the limit', async () => {
    const url = new URL(`${sandbox.url}/v1/behaviours/batches`);
    const headersFor = async (body: string) => {
      const s = await signer.sign({ method: 'POST', url, body, now: Date.now(), nonce: crypto.randomUUID() });
      return { 'content-type': 'application/json', 'idempotency-key': 'jgb-big-000001', ...s.headers };
    };
    const big = 'y'.repeat(LIMIT + 1);
    const declared = await post('v1/behaviours/batches', { body: big, headers: await headersFor(big) });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { code: string }).code).toBe('24');
    expect(sandbox.state.requests.at(-1)).toMatchObject({ status: 413, bodyRead: false });

    const body = endless();
    const streamed = await post('v1/behaviours/batches', {
      body: body.stream,
      duplex: 'half',
      headers: await headersFor(''),
      signal: AbortSignal.timeout(10_000),
    });
    // The sandbox answers 413 at the limit and lingers (discarding what the client still sends) before closing,
    // so the client, still writing, reads the answer instead of hitting a broken pipe.
    expect(streamed.status).toBe(413);
    expect(streamed.headers.get('connection')).toBe('close');
    expect(((await streamed.json()) as { code: string }).code).toBe('24');
    expect(sandbox.state.requests.at(-1)).toMatchObject({ status: 413, bodyRead: false });
    expect(body.exhausted()).toBe(false);
  });

  it('the client surfaces a 413 as PayloadTooLargeError and does not retry it', async () => {
    const client = createProvincialClient({
      baseUrl: sandbox.url,
      source: '330100-BIG',
      signer,
      batchSize: 500,
      retry: { limit: 3, baseDelayMs: 1 },
      today: '2026-07-01',
    });
    const records = syntheticInspectionRecords('big', 200, { prefix: 'BIG', latestDate: '2026-06-30' });
    const before = sandbox.state.requests.length;
    const error = await client.uploadBehaviours(records).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayloadTooLargeError);
    expect((error as PayloadTooLargeError).code).toBe('payload_too_large');
    expect((error as PayloadTooLargeError).status).toBe(413);
    expect(sandbox.state.requests.length - before).toBe(1);
  });
});

describe('the Idempotency-Key is protected', () => {
  it('the canonical signers sign it: the same signed request with another key is refused (bad_signature)', async () => {
    const url = new URL(`${sandbox.url}/v1/behaviours/batches`);
    const body = '{}';
    const signed = await signer.sign({
      method: 'POST',
      url,
      body,
      now: Date.now(),
      nonce: 'n-key-test',
      idempotencyKey: 'jgb-original-key-1',
    });
    const headers = (key: string) => new Headers({ ...signed.headers, 'idempotency-key': key });
    const now = Date.now();
    const secrets = { [SANDBOX_CREDENTIALS.appKey]: SANDBOX_CREDENTIALS.secret };
    expect(
      verifyCanonicalRequest(
        { method: 'POST', url, body, headers: headers('jgb-original-key-1') },
        { secrets, now },
      ).ok,
    ).toBe(true);
    expect(
      verifyCanonicalRequest(
        { method: 'POST', url, body, headers: headers('jgb-swapped-key-2') },
        { secrets, now },
      ),
    ).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    const stripped = new Headers(signed.headers);
    expect(
      verifyCanonicalRequest({ method: 'POST', url, body, headers: stripped }, { secrets, now }),
    ).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(signed.headers?.[SIGNATURE_HEADERS.signature]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the sandbox binds a key to its body digest: a key replayed with another body is refused (422, code 23), not answered from the cache', async () => {
    const url = new URL(`${sandbox.url}/v1/publications/work-news`);
    const send = async (title: string) => {
      const body = JSON.stringify({
        publicationId: 'pub-bind',
        title,
        content: 'c',
        publishedAt: '2026-07-01',
      });
      const s = await signer.sign({
        method: 'POST',
        url,
        body,
        now: Date.now(),
        nonce: crypto.randomUUID(),
        idempotencyKey: 'jg1-bound-key-000001',
      });
      const res = await fetch(url, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'idempotency-key': 'jg1-bound-key-000001',
          ...s.headers,
        },
      });
      return { status: res.status, body: (await res.json()) as { code: string } };
    };
    expect(await send('first')).toMatchObject({ status: 200, body: { code: '00' } });
    expect(await send('first')).toMatchObject({ status: 200, body: { code: '00' } }); // a true retry is replayed
    expect(await send('second')).toMatchObject({ status: 422, body: { code: '23' } });
  });
});
