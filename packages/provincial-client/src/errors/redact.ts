const SECRET_NAMES = /sign|signature|secret|token|password|key|authorization|x-tif-signature/i;

/** Query parameter and header names whose values are replaced by `[REDACTED]`. */
const REDACTED = '[REDACTED]';

/**
 * The URL with every query value whose name looks secret (sign, token, secret, key…) replaced by `[REDACTED]`.
 *
 * @example
 * redactUrl('http://x/a?appKey=k&sign=abc'); // 'http://x/a?appKey=%5BREDACTED%5D&sign=%5BREDACTED%5D'
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    for (const name of [...parsed.searchParams.keys()]) {
      if (SECRET_NAMES.test(name)) parsed.searchParams.set(name, REDACTED);
    }
    if (parsed.password) parsed.password = REDACTED;
    return parsed.toString();
  } catch {
    return url.replace(/([?&][^=&]*(?:sign|secret|token|key)[^=&]*=)[^&]*/gi, `$1${REDACTED}`);
  }
}

/**
 * A copy of `value` with every property whose name looks secret replaced by `[REDACTED]` (depth-limited).
 *
 * @example
 * redactValue({ requestSecret: 'abc', code: '00' }); // { requestSecret: '[REDACTED]', code: '00' }
 */
export function redactValue(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = SECRET_NAMES.test(k) && k !== 'idempotencyKey' ? REDACTED : redactValue(v, depth + 1);
  }
  return out;
}
