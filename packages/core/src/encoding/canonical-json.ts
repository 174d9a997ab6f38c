/**
 * Canonical JSON (规范化 JSON): object keys sorted by code point at every level, no whitespace, `undefined`
 * object members dropped (`undefined` array items become `null`), non-finite numbers `null` — so equal values
 * always serialise to the same text. Digests (draw records, idempotency keys) are SHA-256 over its UTF-8.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, null, { d: 1, c: 0 }] }); // '{"a":[true,null,{"c":0,"d":1}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
