import { connect, type Socket } from 'node:net';
import { createHmacSha256Signer } from '@jianguan/provincial-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINGER_BYTES, LINGER_MS } from '../src/http/body.js';
import { SANDBOX_CREDENTIALS, type Sandbox, startSandbox } from '../src/index.js';

let sandbox: Sandbox;
const LIMIT = 64 * 1024;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'body-limit', maxBodyBytes: LIMIT, today: '2026-07-01' });
});
afterAll(() => sandbox.stop());

interface Exchange {
  readonly answer: string;
  readonly ended: boolean;
  readonly error: string | undefined;
  readonly sent: number;
}

/**
 * A raw HTTP/1.1 client that keeps sending a chunked body (16 KiB every 2 ms) for `ms` after the request
 * headers, whatever the server answers, and records what comes back and how the connection ends: a clean FIN
 * (`ended`) or an error (a TCP RST shows up as ECONNRESET or EPIPE). With `allowHalfOpen` it keeps sending after
 * the server's FIN, like a client that ignores the answer.
 */
function keepSending(head: string, ms: number, allowHalfOpen = false): Promise<Exchange> {
  const { port } = new URL(sandbox.url);
  const chunk = `4000\r\n${'x'.repeat(0x4000)}\r\n`;
  return new Promise((resolve) => {
    const socket: Socket = connect({ port: Number(port), host: '127.0.0.1', allowHalfOpen });
    let answer = '';
    let ended = false;
    let error: string | undefined;
    let sent = 0;
    const started = Date.now();
    const pump = setInterval(() => {
      if (Date.now() - started > ms || socket.destroyed || !socket.writable) {
        clearInterval(pump);
        if (!socket.destroyed) socket.end();
        return;
      }
      socket.write(chunk);
      sent += 0x4000;
    }, 2);
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => {
      answer += d;
    });
    socket.on('end', () => {
      ended = true;
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error = e.code ?? e.message;
    });
    socket.on('close', () => {
      clearInterval(pump);
      resolve({ answer, ended, error, sent });
    });
    socket.write(head);
  });
}

async function signedHead(): Promise<string> {
  const url = new URL(`${sandbox.url}/v1/behaviours/batches`);
  const signer = createHmacSha256Signer(SANDBOX_CREDENTIALS);
  const s = await signer.sign({ method: 'POST', url, body: '', now: Date.now(), nonce: crypto.randomUUID() });
  const headers = Object.entries(s.headers ?? {}).map(([k, v]) => `${k}: ${v}\r\n`);
  return `POST ${url.pathname} HTTP/1.1\r\nhost: ${url.host}\r\ncontent-type: application/json\r\nidempotency-key: jgb-raw-000001\r\ntransfer-encoding: chunked\r\n${headers.join('')}\r\n`;
}

describe('a request refused without reading its body is answered, then closed gracefully (lingering close)', () => {
  it('an endless chunked body over the limit: a client still sending after the 413 reads it all, and the connection ends with FIN, not RST', async () => {
    // A client busy writing its body notices the answer late (undici's fetch does): it keeps sending 300 ms here.
    const exchange = await keepSending(await signedHead(), 300, true);
    expect(exchange.answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(exchange.answer.toLowerCase()).toContain('connection: close');
    expect(JSON.parse(exchange.answer.slice(exchange.answer.indexOf('\r\n\r\n') + 4))).toMatchObject({
      code: '24',
      limit: LIMIT,
    });
    // Node alone destroys the socket once the answer is flushed: the client's next bytes are answered with a
    // RST and its next write fails with EPIPE (fetch: "fetch failed", the 413 unseen). The sandbox half-closes
    // and discards what still comes instead.
    expect({ ended: exchange.ended, error: exchange.error }).toEqual({ ended: true, error: undefined });
    expect(exchange.sent).toBeGreaterThan(LIMIT);
    expect(sandbox.state.requests.at(-1)).toMatchObject({ status: 413, bodyRead: false });
  });

  it('an unsigned endless body: 401 without reading, then the same graceful close', async () => {
    const head = `POST /v1/behaviours/batches HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n`;
    const exchange = await keepSending(head, 300, true);
    expect(exchange.answer).toMatch(/^HTTP\/1\.1 401 /);
    expect({ ended: exchange.ended, error: exchange.error }).toEqual({ ended: true, error: undefined });
    expect(sandbox.state.requests.at(-1)).toMatchObject({ status: 401, bodyRead: false });
  });

  it('a client that ignores the answer and never stops sending is cut off after the linger budget', async () => {
    const started = Date.now();
    const exchange = await keepSending(await signedHead(), 20_000, true);
    expect(exchange.answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(exchange.ended).toBe(true); // the FIN came first
    expect(exchange.error).toMatch(/^(ECONNRESET|EPIPE)$/); // then the reset, once the budget was spent
    expect(Date.now() - started).toBeLessThan(LINGER_MS + 3_000);
    expect(exchange.sent).toBeLessThan(LINGER_BYTES + 4 * 1024 * 1024);
  }, 30_000);
});
