/**
 * @internal zod, imported statically: what `#zod` resolves to outside Node.js (browser bundles, where the
 * bundler drops it when nothing builds a schema) and for the TypeScript sources (`@jianguan/source`, the tests).
 * Same API as `zod-node.ts`.
 */
import { z } from 'zod';

/** The zod namespace (`z`). */
export function loadZod(): typeof z {
  return z;
}
