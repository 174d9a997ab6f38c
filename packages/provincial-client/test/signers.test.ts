import { createHash, getHashes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalString,
  createGuangdongTifSigner,
  createHmacSha256Signer,
  createHmacSm3Signer,
  createMunicipalSha1Signer,
  createShandongSigner,
  municipalSha1Signature,
  requireHash,
  SignerError,
  shandongSignature,
  signCanonical,
  tifSignature,
  verifyCanonicalRequest,
  zhejiangIrsSign,
} from '../src/index.js';

// Vectors: the municipal one is published (reference §2.5 D, easydoc 23766332). The others were computed
// independently with the command-line tools named next to them (sha1sum, sha256sum, md5sum, openssl dgst, python hmac).
const parts = {
  method: 'post',
  path: '/v1/behaviours/batches',
  query: 'b=2&a=1&a=0',
  body: '{"x":1}',
  timestamp: '1700000000000',
  nonce: 'abc',
  appKey: 'sandbox-app',
};

describe('published and independently computed vectors', () => {
  it('municipal sha1 appKey scheme: the published test vector', () => {
    expect(municipalSha1Signature('testOnlyAppKey', 'testOnlyappSecret', 1635478320000)).toBe(
      '89037df84706b6e4ebb58fde9d8f0cf94560b438',
    );
  });

  it('municipal signer puts appKey, timestamp and signature in headers', async () => {
    const signer = createMunicipalSha1Signer({ appKey: 'testOnlyAppKey', appSecret: 'testOnlyappSecret' });
    const out = await signer.sign({
      method: 'GET',
      url: new URL('http://x/'),
      body: '',
      now: 1635478320000,
      nonce: 'n',
    });
    expect(out.headers).toEqual({
      appKey: 'testOnlyAppKey',
      timestamp: '1635478320000',
      signature: '89037df84706b6e4ebb58fde9d8f0cf94560b438',
    });
  });

  it('SM3 is available and matches the GB/T 32905 "abc" vector', () => {
    expect(getHashes()).toContain('sm3');
    expect(createHash('sm3').update('abc').digest('hex')).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
  });

  it('Guangdong TIF: sha256(ts + token + nonce + ts), seconds (sha256sum)', async () => {
    expect(tifSignature('1635478320', 'testToken', 'nonce-')).toBe(
      '7fe678554d14f1fc7361c97db4ea2ff6742e5a75c48cb90845adc4c515e54dd9',
    );
    const signer = createGuangdongTifSigner({
      paasId: 'pid',
      paasToken: 'testToken',
      upperCase: true,
      serviceId: 'C1611889640589',
    });
    const out = await signer.sign({
      method: 'GET',
      url: new URL('http://x/'),
      body: '',
      now: 1635478320999,
      nonce: 'nonce-',
    });
    expect(out.headers).toEqual({
      'x-tif-paasid': 'pid',
      'x-tif-timestamp': '1635478320',
      'x-tif-nonce': 'nonce-',
      'x-tif-signature': '7FE678554D14F1FC7361C97DB4EA2FF6742E5A75C48CB90845ADC4C515E54DD9',
      'x-tif-serviceId': 'C1611889640589',
    });
  });

  it('Shandong: Base64(HmacSHA256(secret, clientId + ts + nonce)) (openssl dgst -hmac | base64)', async () => {
    expect(shandongSignature('client-1', 'tokenSecret', '1635478320000', 'n-1')).toBe(
      'CXhvCEJsO1wHdd14hF+ewCo4W/WJE9q3ylOggrOEVsU=',
    );
    const out = await createShandongSigner({ clientId: 'client-1', tokenSecret: 'tokenSecret' }).sign({
      method: 'GET',
      url: new URL('http://x/'),
      body: '',
      now: 1635478320000,
      nonce: 'n-1',
    });
    expect(out.headers?.['X-Signature']).toBe('CXhvCEJsO1wHdd14hF+ewCo4W/WJE9q3ylOggrOEVsU=');
    expect(out.headers?.['X-Timestamp']).toBe('1635478320000');
  });

  it.each([
    ['appKeyX', 'appSecretY', '37333f004c82a9a5b2b26cf7129524df'],
    ['appKeyX', 'requestSecretZ', '5a1cd1597f2918d00eea343b36db1018'],
  ])('Zhejiang IRS md5(%s + %s + ms) (md5sum)', (key, secret, expected) => {
    expect(zhejiangIrsSign(key, secret, 1635478320000)).toBe(expected);
  });

  it('canonical string sorts the query and hashes the body', () => {
    expect(canonicalString(parts)).toBe(
      [
        'POST',
        '/v1/behaviours/batches',
        'a=0&a=1&b=2',
        createHash('sha256').update('{"x":1}').digest('hex'),
        '1700000000000',
        'abc',
        'sandbox-app',
      ].join('\n'),
    );
  });

  it('HMAC-SHA256 canonical signature (python hmac)', () => {
    expect(signCanonical(parts, 'sandbox-secret', 'HMAC-SHA256')).toBe(
      '25e3d671d891ad6f6e9c71877c935f07685c49a54e45c2aba3fec6e9f33aafd4',
    );
  });

  it('HMAC-SM3 canonical signature (openssl dgst -sm3 -hmac)', () => {
    expect(signCanonical(parts, 'sandbox-secret', 'HMAC-SM3')).toBe(
      'a09ae1cc961c1a62c0ba36d6af63ae44de135738d975ad4948e24366dd20285f',
    );
  });
});

describe('canonical signers and verification', () => {
  it.each([
    ['HMAC-SHA256', createHmacSha256Signer],
    ['HMAC-SM3', createHmacSm3Signer],
  ] as const)('%s round-trips through verifyCanonicalRequest and detects tampering', async (_name, make) => {
    const signer = make({ appKey: 'k', secret: 's' });
    const url = new URL('http://127.0.0.1/v1/clues?limit=5&cursor=c10');
    const out = await signer.sign({ method: 'GET', url, body: '', now: 1_000_000, nonce: 'n1' });
    const headers = new Headers(out.headers);
    const ok = verifyCanonicalRequest(
      { method: 'GET', url, body: '', headers },
      { secrets: { k: 's' }, now: 1_000_000 },
    );
    expect(ok).toEqual({ ok: true, appKey: 'k' });
    const tampered = verifyCanonicalRequest(
      { method: 'GET', url: new URL('http://127.0.0.1/v1/clues?limit=500&cursor=c10'), body: '', headers },
      { secrets: { k: 's' }, now: 1_000_000 },
    );
    expect(tampered).toEqual({ ok: false, reason: 'bad_signature' });
    const skewed = verifyCanonicalRequest(
      { method: 'GET', url, body: '', headers },
      { secrets: { k: 's' }, now: 1_000_000 + 301_000 },
    );
    expect(skewed).toEqual({ ok: false, reason: 'clock_skew' });
    const wrongKey = verifyCanonicalRequest(
      { method: 'GET', url, body: '', headers },
      { secrets: { other: 's' }, now: 1_000_000 },
    );
    expect(wrongKey).toEqual({ ok: false, reason: 'unknown_app_key' });
  });

  it('fails clearly when a hash is missing from OpenSSL', () => {
    expect(() => requireHash('sm3', ['sha256'])).toThrow(SignerError);
    try {
      requireHash('sm3', ['sha256']);
    } catch (error) {
      expect((error as SignerError).code).toBe('hash_unavailable');
      expect((error as SignerError).message).toContain("no 'sm3' hash");
    }
  });

  it.each([
    () => createHmacSha256Signer({ appKey: '', secret: 's' }),
    () => createGuangdongTifSigner({ paasId: 'p', paasToken: '' }),
    () => createShandongSigner({ clientId: '', tokenSecret: 's' }),
    () => createMunicipalSha1Signer(undefined as never),
  ])('rejects missing credentials (%#)', (make) => {
    expect(make).toThrow(/required/);
  });
});
