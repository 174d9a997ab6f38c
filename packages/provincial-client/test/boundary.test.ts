import { describe, expect, it } from 'vitest';
import { recordSchema } from '../src/contract/index.js';
import {
  acquireFileLock,
  batchIdempotencyKey,
  ClientOptionsError,
  canonicalString,
  municipalSha1Signature,
  parseBatchNo,
  redactText,
  redactValue,
  sanitizeError,
  tifSignature,
  verifyCanonicalRequest,
  zhejiangIrsSign,
} from '../src/index.js';

const thrown = (fn: () => unknown): ClientOptionsError => {
  try {
    fn();
  } catch (error) {
    return error as ClientOptionsError;
  }
  throw new Error('did not throw');
};

describe('public functions refuse junk with a typed error naming the argument', () => {
  it('signers: an object where a string or a timestamp is expected', () => {
    const junk = { toString: 1 } as never;
    for (const [fn, path] of [
      [() => municipalSha1Signature('k', junk, 1), ['appSecret']],
      [() => municipalSha1Signature('k', 's', Number.NaN), ['timestampMs']],
      [() => tifSignature(junk, 't', 'n'), ['timestampSeconds']],
      [() => zhejiangIrsSign('k', 's', junk), ['requestTimeMs']],
    ] as const) {
      const e = thrown(fn);
      expect(e).toBeInstanceOf(ClientOptionsError);
      expect({ code: e.code, path: e.path }).toEqual({ code: 'invalid_options', path });
      expect(e.messages.en).toMatch(/must be/);
      expect(e.messages.zh).toMatch(/应为/);
    }
    // valid arguments still sign as before
    expect(municipalSha1Signature('k', 's', 1)).toMatch(/^[0-9a-f]{40}$/);
  });

  it('canonical signing, verification, idempotency keys, lock paths and schema names', () => {
    expect(thrown(() => canonicalString({ method: 'GET' } as never)).path).toEqual(['parts', 'path']);
    expect(
      thrown(() =>
        verifyCanonicalRequest(
          { method: 'GET', url: 'http://x/' as never, body: '', headers: new Headers() },
          {
            secrets: {},
            now: 0,
          },
        ),
      ).path,
    ).toEqual(['request', 'url']);
    expect(thrown(() => batchIdempotencyKey('2025010100001', [1] as never)).path).toEqual(['itemKeys', 0]);
    expect(thrown(() => acquireFileLock(`bad\0path`, 'r')).path).toEqual(['lockPath']);
    const missingDir = thrown(() => acquireFileLock('/nonexistent-dir-jianguan/x.lock', 'r'));
    expect({ path: missingDir.path, code: missingDir.details.code }).toEqual({
      path: ['lockPath'],
      code: 'ENOENT',
    });
    expect(thrown(() => recordSchema('toString' as never)).path).toEqual(['name']);
    expect(thrown(() => redactText(1 as never)).path).toEqual(['text']);
  });

  it('the never-throwing helpers stay total', () => {
    expect(parseBatchNo({ toString: 1 } as never)).toBeUndefined();
    const sanitized = sanitizeError({ toString: 1 });
    expect(sanitized).toBeInstanceOf(Error);
    expect(sanitized.message).not.toBe('');
    expect(redactValue({ a: 1 }, { toString: 1 } as never)).toEqual({ a: 1 });
    const proto = redactValue(JSON.parse('{"__proto__":{"token":"abc"}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.hasOwn(proto, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(proto, '__proto__')?.value).toEqual({ token: '[REDACTED]' });
  });
});
