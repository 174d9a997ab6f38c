/**
 * @internal zod for Node.js, loaded on first use rather than at import: zod is ~100 modules, and importing
 * `@jianguan/core` (an identifier check, a working-day count) must not pay for it. `#zod` resolves here for the
 * `node` condition; `zod-static.ts` elsewhere.
 *
 * The module loaded is zod's ES module entry (as `import 'zod'` from this package would resolve it), loaded
 * with `require()` (Node's require(esm), engines `>=20.19`), which shares the ES module cache: the schemas built
 * here and an application's `import { z } from 'zod'` use one zod instance (one `ZodError` class, one
 * `z.config()`), never zod's CommonJS copy.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';

let zod: typeof z | undefined;

/** The zod namespace (`z`), loaded synchronously on the first call. */
export function loadZod(): typeof z {
  if (zod === undefined) {
    const require = createRequire(import.meta.url);
    const module = require(fileURLToPath(import.meta.resolve('zod'))) as { readonly z: typeof z };
    zod = module.z;
  }
  return zod;
}
