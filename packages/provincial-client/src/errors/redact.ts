import type { FieldPath } from '@jianguan/core';
import { describeValue } from '@jianguan/core';
import { invalidArgument } from './arguments.js';

/** Names (of query parameters, headers, object properties) whose values are secrets. */
const SECRET_NAMES =
  /sign|signature|secret|token|password|passwd|pwd|key|authorization|cookie|credential|x-tif-signature/i;

/** Names that match {@link SECRET_NAMES} but are not secrets. */
const NOT_SECRET = new Set(['idempotencyKey', 'idempotency-key', 'appKey', 'x-jg-app-key']);

const REDACTED = '[REDACTED]';

function isSecretName(name: string): boolean {
  return SECRET_NAMES.test(name) && !NOT_SECRET.has(name);
}

/**
 * The URL with its userinfo password and every query value whose name looks secret (sign, token, secret, key,
 * password…) replaced by `[REDACTED]`. Not a URL: the text is redacted with {@link redactText}.
 *
 * @example
 * redactUrl('http://u:pw@x/a?appKey=k&sign=abc'); // 'http://u:%5BREDACTED%5D@x/a?appKey=k&sign=%5BREDACTED%5D'
 */
export function redactUrl(url: string): string {
  if (typeof url !== 'string') throw notText(['url'], url);
  try {
    const parsed = new URL(url);
    for (const name of [...parsed.searchParams.keys()]) {
      if (isSecretName(name)) parsed.searchParams.set(name, REDACTED);
    }
    if (parsed.password) parsed.password = REDACTED;
    return parsed.toString();
  } catch {
    return redactText(url);
  }
}

/**
 * Free text (an error message, a log line) with secrets replaced by `[REDACTED]`: the password in any
 * `scheme://user:password@` URL, `name=value` pairs whose name looks secret (query strings, form bodies),
 * `"name":"value"` JSON pairs, and `Bearer`/`Basic` credentials.
 *
 * @example
 * redactText('GET http://u:pw@x/a?sign=abc failed'); // 'GET http://u:[REDACTED]@x/a?sign=[REDACTED] failed'
 */
export function redactText(text: string): string {
  if (typeof text !== 'string') throw notText(['text'], text);
  return text
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:)[^\s/@]*@/gi, `$1${REDACTED}@`)
    .replace(/((?:^|[?&\s;,])([\w.-]+)=)([^&\s;,#"']*)/g, (m, prefix: string, name: string) =>
      isSecretName(name) ? `${prefix}${REDACTED}` : m,
    )
    .replace(/("([\w.-]+)"\s*:\s*)"(?:[^"\\]|\\.)*"/g, (m, prefix: string, name: string) =>
      isSecretName(name) ? `${prefix}"${REDACTED}"` : m,
    )
    .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${REDACTED}`);
}

/**
 * A copy of `value` with every property whose name looks secret replaced by `[REDACTED]`, and every string
 * redacted with {@link redactText} (depth-limited; errors become `{ name, message, code }`).
 *
 * @example
 * redactValue({ requestSecret: 'abc', code: '00' }); // { requestSecret: '[REDACTED]', code: '00' }
 */
export function redactValue(value: unknown, depth = 0): unknown {
  const level = typeof depth === 'number' && Number.isFinite(depth) ? depth : 0;
  if (typeof value === 'string') return redactText(value);
  if (value instanceof URL) return redactUrl(value.toString());
  if (value instanceof Error) {
    const e = sanitizeError(value);
    return { name: e.name, message: e.message, ...(e.code ? { code: e.code } : {}) };
  }
  if (level > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactValue(v, level + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    // defined, not assigned: a `__proto__` key stays an own property instead of replacing the prototype
    Object.defineProperty(out, k, {
      value: isSecretName(k) && v !== undefined ? REDACTED : redactValue(v, level + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/**
 * A safe stand-in for an underlying (transport) error: only its name, its redacted message and a string `code`
 * (its own or its cause's) are kept — never a request object, headers or a URL with signatures.
 *
 * @example
 * sanitizeError(new TypeError('fetch failed for http://u:pw@x/?sign=1')).message; // 'fetch failed for http://u:[REDACTED]@x/?sign=[REDACTED]'
 */
export function sanitizeError(error: unknown): Error & { code?: string } {
  if (error instanceof Error && (error as { [SANITIZED]?: true })[SANITIZED]) return error;
  const e = error instanceof Error ? error : new Error(typeof error === 'string' ? error : textOf(error));
  const inner = (e as { cause?: unknown }).cause;
  const out = new Error(
    redactText(typeof e.message === 'string' ? e.message : textOf(e.message)),
  ) as Error & { code?: string; [SANITIZED]?: true };
  out.name = e.name;
  const code = (e as { code?: unknown }).code ?? (inner as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') out.code = code;
  if (typeof e.stack === 'string') out.stack = redactText(e.stack);
  Object.defineProperty(out, SANITIZED, { value: true });
  return out;
}

const SANITIZED = Symbol('jianguan.sanitized');

/** `String(value)`, or a description when the value cannot be converted (`{ toString: 1 }`, a null prototype). */
function textOf(value: unknown): string {
  try {
    return String(value);
  } catch {
    return describeValue(value);
  }
}

/** The typed error for a non-string given to redactText/redactUrl (built lazily: errors.ts imports this module). */
function notText(path: FieldPath, actual: unknown): Error {
  return invalidArgument(path, { zh: '字符串', en: 'a string' }, actual);
}
