/**
 * Runs every core benchmark file (`bench/*.bench.ts`) in turn, in name order.
 *
 * Run: npm run bench -w packages/core
 */
import { readdirSync } from 'node:fs';

const dir = new URL('./', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  await import(new URL(file, dir).href);
}
