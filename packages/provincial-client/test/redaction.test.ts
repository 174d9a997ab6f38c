import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger, Signer } from '../src/index.js';
import {
  ClientOptionsError,
  createProvincialClient,
  HttpError,
  NetworkError,
  redactText,
  redactUrl,
  sanitizeError,
} from '../src/index.js';

const SECRETS = ['PASSWORD789', 'SECRETSIG123', 'TOKEN456', 'BEARERXYZ', 'RS999', 'COOKIE42'];
/** A signer of a gateway that puts the signature and a token in the query, and a bearer token in a header. */
const querySigner: Signer = {
  scheme: 'test-query',
  sign: () => ({
    query: { sign: 'SECRETSIG123', access_token: 'TOKEN456', requestTime: '1' },
    headers: { authorization: 'Bearer BEARERXYZ' },
  }),
};

let server: Server;
let port: number;
const seen: { url: string; authorization: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', authorization: req.headers.authorization });
    req.resume();
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        code: '10',
        msg: 'upstream failed for /v1/x?sign=SECRETSIG123 token=TOKEN456',
        requestId: 'r',
        requestSecret: 'RS999',
        echo: { cookie: 'COOKIE42', url: 'http://u:PASSWORD789@gw/?access_token=TOKEN456' },
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function capture() {
  const lines: unknown[] = [];
  const logger: Logger = {
    debug: (m, f) => lines.push([m, f]),
    info: (m, f) => lines.push([m, f]),
    warn: (m, f) => lines.push([m, f]),
    error: (m, f) => lines.push([m, f]),
  };
  return { lines, logger };
}

/** Every way an error can be shown: message, stack, cause, details, data, JSON, util.inspect. */
function renderings(error: unknown): string[] {
  const e = error as Error & { cause?: unknown; details?: unknown; data?: unknown };
  return [
    String(e.message),
    String(e.stack),
    inspect(e, { depth: 10 }),
    String(JSON.stringify(e)),
    String(JSON.stringify(e.details)),
    String(JSON.stringify(e.data)),
    inspect(e.cause, { depth: 10 }),
  ];
}

const expectClean = (texts: readonly string[]) => {
  for (const t of texts) for (const s of SECRETS) expect(t, `leaked ${s}`).not.toContain(s);
};

describe('no secret in logs, hooks or errors', () => {
  it('signatures, tokens, a baseUrl password and response secrets never reach the logger, the hooks or the error', async () => {
    const { lines, logger } = capture();
    const events: unknown[] = [];
    const client = createProvincialClient({
      baseUrl: `http://user:PASSWORD789@127.0.0.1:${port}`,
      source: '330100-REDACT',
      signer: querySigner,
      logger,
      retry: { limit: 2, baseDelayMs: 1 },
      hooks: {
        beforeRequest: (e) => events.push(e),
        afterResponse: (e) => events.push(e),
        beforeRetry: (e) => events.push({ ...e, error: renderings(e.error) }),
        onError: (e) => events.push(renderings(e)),
      },
    });
    const error = await client.getQualityResult('2024031500001').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    // The request really carried the secrets (so their absence below is redaction, not absence).
    expect(seen.at(-1)!.url).toContain('sign=SECRETSIG123');
    expect(seen.at(-1)!.authorization).toBe('Bearer BEARERXYZ');
    expect(lines.length).toBeGreaterThan(3);
    expectClean([...renderings(error), inspect(lines, { depth: 10 }), inspect(events, { depth: 10 })]);
    expect((error as HttpError).url).toContain('sign=%5BREDACTED%5D');
  });

  it('credentials in baseUrl are sent as HTTP Basic auth, never in a URL', async () => {
    const client = createProvincialClient({
      baseUrl: `http://user:PASSWORD789@127.0.0.1:${port}`,
      source: '330100-REDACT',
      retry: { limit: 0 },
    });
    const error = await client.getQualityResult('2024031500001').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(seen.at(-1)!.authorization).toBe(`Basic ${Buffer.from('user:PASSWORD789').toString('base64')}`);
    expectClean(renderings(error));
  });

  it('a network failure with a password in baseUrl: cause, details and serialisation are clean', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const client = createProvincialClient({
      baseUrl: `http://user:PASSWORD789@127.0.0.1:${deadPort}/gw?access_token=TOKEN456`,
      source: '330100-REDACT',
      signer: querySigner,
      retry: { limit: 1, baseDelayMs: 1 },
    });
    const error = await client.getQualityResult('2024031500001').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).cause).toBeInstanceOf(Error);
    expectClean(renderings(error));
  });

  it('bad options with a password in baseUrl do not echo it', () => {
    let error: unknown;
    try {
      createProvincialClient({ baseUrl: 'ftp://user:PASSWORD789@x/?sign=SECRETSIG123', source: 's' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ClientOptionsError);
    expectClean(renderings(error));
  });

  it('the redaction helpers', () => {
    expect(redactUrl('http://u:PASSWORD789@x/a?appKey=k&sign=SECRETSIG123')).toBe(
      'http://u:%5BREDACTED%5D@x/a?appKey=k&sign=%5BREDACTED%5D',
    );
    expectClean([
      redactText(
        'GET http://u:PASSWORD789@x/a?sign=SECRETSIG123&token=TOKEN456 failed; Authorization: Bearer BEARERXYZ',
      ),
      redactText('{"password":"PASSWORD789","x-jg-signature":"SECRETSIG123"}'),
      inspect(
        sanitizeError(
          Object.assign(new TypeError('fetch http://a:PASSWORD789@h/?sign=SECRETSIG123'), { code: 'E' }),
        ),
      ),
    ]);
    expect(redactText('idempotency-key=jg1-abc appKey=dept')).toBe('idempotency-key=jg1-abc appKey=dept');
  });
});
