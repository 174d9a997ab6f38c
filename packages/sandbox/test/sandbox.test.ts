import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createHmacSha256Signer,
  createProvincialClient,
  SIGNATURE_HEADERS,
} from '@jianguan/provincial-client';
import { afterAll, describe, expect, it } from 'vitest';
import {
  parseSandboxArgs,
  SANDBOX_CREDENTIALS,
  startSandbox,
  syntheticClues,
  syntheticComplaints,
  syntheticInspectionRecords,
  syntheticJointTasks,
} from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'jianguan-sandbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('synthetic data', () => {
  it('is reproducible from the seed and differs between seeds', () => {
    expect(syntheticClues('a', 20)).toEqual(syntheticClues('a', 20));
    expect(syntheticComplaints('a', 5)).toEqual(syntheticComplaints('a', 5));
    expect(syntheticJointTasks('a', 3)).toEqual(syntheticJointTasks('a', 3));
    expect(syntheticInspectionRecords('a', 5)).toEqual(syntheticInspectionRecords('a', 5));
    expect(syntheticClues('a', 20)).not.toEqual(syntheticClues('b', 20));
    // record i does not depend on how many records are generated (ranges can be generated in pieces)
    expect(syntheticInspectionRecords('a', 3, { start: 2 })[0]).toEqual(
      syntheticInspectionRecords('a', 5)[2],
    );
  });
});

describe('signature verification over HTTP', () => {
  it('refuses unsigned requests and replayed nonces with 401 and a reason', async () => {
    const sandbox = await startSandbox({ seed: 'auth' });
    try {
      const unsigned = await fetch(`${sandbox.url}/v1/clues`);
      expect(unsigned.status).toBe(401);
      expect(await unsigned.json()).toMatchObject({ code: '40', reason: 'missing_headers' });
      const url = new URL(`${sandbox.url}/v1/clues?limit=1`);
      const signed = await createHmacSha256Signer(SANDBOX_CREDENTIALS).sign({
        method: 'GET',
        url,
        body: '',
        now: Date.now(),
        nonce: 'fixed-nonce',
      });
      const headers = new Headers(signed.headers);
      expect((await fetch(url, { headers })).status).toBe(200);
      const replay = await fetch(url, { headers });
      expect(replay.status).toBe(401);
      expect(await replay.json()).toMatchObject({ reason: 'replayed_nonce' });
      expect(headers.get(SIGNATURE_HEADERS.method)).toBe('HMAC-SHA256');
    } finally {
      await sandbox.stop();
    }
  });

  it("auth: 'none' accepts unsigned requests", async () => {
    const sandbox = await startSandbox({ seed: 'open', auth: 'none' });
    try {
      expect((await fetch(`${sandbox.url}/v1/complaints?limit=2`)).status).toBe(200);
      expect((await fetch(`${sandbox.url}/v1/nothing`)).status).toBe(404);
    } finally {
      await sandbox.stop();
    }
  });
});

describe('persistence', () => {
  it('keeps stored records and dedup keys across restarts', async () => {
    const persistPath = join(dir, 'state.json');
    const records = syntheticInspectionRecords('persist', 20, { prefix: 'P' });
    const first = await startSandbox({ seed: 'p', persistPath });
    const c1 = createProvincialClient({
      baseUrl: first.url,
      source: 's',
      signer: createHmacSha256Signer(SANDBOX_CREDENTIALS),
    });
    expect((await c1.uploadBehaviours(records)).stored).toBe(20);
    await first.stop();
    const second = await startSandbox({ seed: 'p', persistPath });
    try {
      expect(second.state.records('behaviours')).toHaveLength(20);
      const c2 = createProvincialClient({
        baseUrl: second.url,
        source: 's',
        signer: createHmacSha256Signer(SANDBOX_CREDENTIALS),
      });
      expect((await c2.uploadBehaviours(records)).duplicates).toBe(20);
      expect(second.state.writes).toHaveLength(20);
    } finally {
      await second.stop();
    }
  });
});

describe('jianguan-sandbox arguments', () => {
  it('parses ports, seeds and fault flags', () => {
    const { options } = parseSandboxArgs([
      '--port',
      '0',
      '--seed',
      'x',
      '--5xx',
      '0.2',
      '--drop',
      '0.1',
      '--429',
      '0.05',
      '--latency',
      '5-20',
      '--retry-after',
      '0',
    ]);
    expect(options).toMatchObject({
      port: 0,
      seed: 'x',
      faults: {
        serverErrorRate: 0.2,
        dropRate: 0.1,
        rateLimitRate: 0.05,
        latencyMs: [5, 20],
        retryAfterSeconds: 0,
      },
    });
    expect(parseSandboxArgs(['--no-auth']).options.auth).toBe('none');
    expect(parseSandboxArgs(['--app-key', 'k', '--secret', 's']).options.auth).toEqual({
      secrets: { k: 's' },
    });
    expect(parseSandboxArgs(['-h']).help).toBe(true);
  });
  it.each([
    [['--5xx', '1.5']],
    [['--port', 'x']],
    [['--wat']],
    [['--seed']],
    [['--app-key', 'k']],
    [['--latency', 'soon']],
  ])('rejects %j', (argv) => {
    expect(() => parseSandboxArgs(argv)).toThrow(/./);
  });
});
