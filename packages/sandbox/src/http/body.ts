import type { Context } from 'hono';

/**
 * Reads the request body up to `maxBodyBytes`; undefined when it is larger (reading stops there).
 *
 * @example
 * const text = await readBounded(c, 16 * 1024 * 1024);
 */
export async function readBounded(c: Context, maxBodyBytes: number): Promise<string | undefined> {
  const stream = c.req.raw.body;
  if (!stream) return '';
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBodyBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
