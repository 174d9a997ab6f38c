// Writes docs/openapi/provincial-interface-v1.json from the contract's zod schemas (z.toJSONSchema) and checks it.
// Run: npm run openapi -w @jianguan/provincial-client
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument, validateOpenApiDocument } from '../src/index.js';

const out = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../docs/openapi/provincial-interface-v1.json',
);
const doc = buildOpenApiDocument();
const problems = validateOpenApiDocument(doc);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
console.log(`wrote ${out} (${Object.keys(doc.paths as object).length} paths)`);
