// Checks that every relative link in the project's Markdown (README, docs/, packages/*/README.md, examples/)
// points at a file that exists. External links are not fetched (no network in CI); generated targets under
// docs/api are allowed when the API reference has been built.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const skip = new Set(['node_modules', 'dist', '.git', 'api', 'coverage', '.tmp', '.release-check', 'out']);

function* markdownFiles(dir) {
  for (const name of readdirSync(dir)) {
    if (skip.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* markdownFiles(path);
    else if (name.endsWith('.md')) yield path;
  }
}

const linkPattern = /\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;
const broken = [];
let checked = 0;
for (const file of markdownFiles(root)) {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  for (const match of text.matchAll(linkPattern)) {
    const target = match[1];
    if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue;
    const path = resolve(dirname(file), decodeURI(target.split('#')[0]));
    checked++;
    const generated = relative(root, path).startsWith(join('docs', 'api'));
    if (!existsSync(path) && !(generated && existsSync(join(root, 'docs', 'api')))) {
      broken.push(`${relative(root, file)}: ${target}`);
    }
  }
}
if (broken.length > 0) {
  console.error(`Broken links (${broken.length}):\n  ${broken.join('\n  ')}`);
  process.exit(1);
}
console.log(`docs links: ${checked} relative links checked, none broken`);
