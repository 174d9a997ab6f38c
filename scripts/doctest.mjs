#!/usr/bin/env node
// Doctests (文档示例测试), in the spirit of python-stdnum: every TSDoc `@example` in packages/*/src and every
// ```ts block of the README files is run against the BUILT packages (run `npm run build` first), and each
// line of the form
//
//     expression; // value            or   expression; // => value
//     expression; // throws ErrorName
//
// is checked: `value` is a JavaScript literal (string, number, boolean, null, undefined, array, object; an
// object checks the keys it lists), optionally followed by prose (`// '2025-10-10' — the holiday is skipped`).
// Names the example uses are bound from the package the example documents (then from the others), unless the
// example imports them itself. TypeScript syntax is stripped with esbuild.
//
// An example that cannot run on its own (it uses a variable or a file it does not define, or a server) is
// reported as "not self-contained" and not counted as a failure; every checked line that disagrees is.
//
//   node scripts/doctest.mjs [--verbose] [filter]     exit 1 on any failure
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transform } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const filter = args.find((a) => !a.startsWith('--'));
const work = join(root, '.tmp', 'doctest');

// --------------------------------------------------------------------------------------------------------
// The packages and what each entry exports (from the built dist).
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const packages = [];
for (const dir of rootPkg.workspaces) {
  const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
  if (pkg.private) continue;
  const entries = [];
  for (const key of Object.keys(pkg.exports)) {
    if (key === './package.json') continue;
    const specifier = key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`;
    entries.push({ specifier, names: Object.keys(await import(specifier)) });
  }
  packages.push({ dir: join(root, dir), name: pkg.name, entries });
}

// --------------------------------------------------------------------------------------------------------
// Collect the examples.
/** @type {{ file: string; line: number; code: string; pkg: string | undefined }[]} */
const examples = [];
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
for (const p of packages) {
  for (const file of walk(join(p.dir, 'src'))) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!/^\s*\*\s*@example\b/.test(lines[i])) continue;
      const body = [];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const l = lines[j];
        if (/^\s*\*\//.test(l) || /^\s*\*\s*@\w/.test(l) || !/^\s*\*/.test(l)) break;
        body.push(l.replace(/^\s*\* ?/, ''));
      }
      const code = body.join('\n').replace(/^```\w*\n?|```\s*$/gm, '');
      if (code.trim()) examples.push({ file, line: i + 2, code, pkg: p.name });
    }
  }
}
for (const file of [join(root, 'README.md'), ...packages.map((p) => join(p.dir, 'README.md'))]) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue;
  }
  const re = /^```ts\n([\s\S]*?)^```/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const line = text.slice(0, m.index).split('\n').length + 1;
    examples.push({ file, line, code: m[1], pkg: undefined });
  }
}

// --------------------------------------------------------------------------------------------------------
// Turn an example into a module.
const literal = (text) => {
  // The longest prefix of `text` that is a plain literal (no names other than the literal ones).
  for (let end = text.length; end > 0; end--) {
    if (
      end < text.length &&
      !/^(\s*$|\s*[—–(,;:]|\s+-\s|\s+(when|if|for|after|before|as|since|because|—)\b)/.test(text.slice(end))
    )
      continue;
    const source = text.slice(0, end).trim();
    if (!source || /^[a-z]/i.test(source.replace(/^(true|false|null|undefined|NaN|Infinity)\b/, '0')))
      continue;
    if (/\b(?!true\b|false\b|null\b|undefined\b|NaN\b|Infinity\b)[A-Za-z_$][\w$]*\s*\(/.test(source))
      continue;
    if (source.includes('…') || source.includes('...')) return undefined;
    try {
      const value = new Function(`"use strict"; return (${source});`)();
      return { source, value };
    } catch {
      // shorter
    }
  }
  return undefined;
};

function instrument(code) {
  const out = [];
  let checks = 0;
  for (const raw of code.split('\n')) {
    const m = /^(\s*)(.*?;)\s*\/\/\s*(?:=>\s*)?(.*)$/.exec(raw);
    const stmt = m?.[2].trim();
    const isExpression =
      stmt !== undefined &&
      !/^(const|let|var|import|export|if|for|while|return|throw|function|class|type|interface)\b/.test(
        stmt,
      ) &&
      !stmt.startsWith('}') &&
      !stmt.startsWith('//');
    if (!m || !isExpression) {
      out.push(raw);
      continue;
    }
    const expr = stmt.replace(/;$/, '');
    const comment = m[3].trim();
    const throws = /^throws?\s+([A-Z]\w*)?/.exec(comment);
    if (throws) {
      out.push(
        `${m[1]}await __throws(async () => ${expr}, ${JSON.stringify(throws[1] ?? '')}, ${JSON.stringify(stmt)});`,
      );
      checks++;
      continue;
    }
    const expected = literal(comment);
    if (expected === undefined) {
      out.push(raw);
      continue;
    }
    out.push(`${m[1]}__check(await (${expr}), (${expected.source}), ${JSON.stringify(stmt)});`);
    checks++;
  }
  return { code: out.join('\n'), checks };
}

const harness = String.raw`
import { isDeepStrictEqual } from 'node:util';
const __plain = (v) => (v === undefined ? v : JSON.parse(JSON.stringify(v, (k, x) => (typeof x === 'bigint' ? String(x) : x))));
export const __results = [];
globalThis.__check = (actual, expected, what) => {
  let ok;
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    ok = actual !== null && typeof actual === 'object' &&
      Object.keys(expected).every((k) => isDeepStrictEqual(__plain(actual[k]), __plain(expected[k])));
  } else if (typeof actual === 'object' && actual !== null) {
    ok = isDeepStrictEqual(__plain(actual), __plain(expected));
  } else {
    ok = Object.is(typeof actual === 'object' || typeof actual === 'function' ? actual : actual?.valueOf?.() ?? actual, expected) || String(actual) === String(expected) && typeof expected === 'string' && typeof actual === 'object';
  }
  globalThis.__doctest.push({ ok, what, actual: __plain(typeof actual === 'function' ? String(actual) : actual), expected });
};
globalThis.__throws = async (fn, name, what) => {
  try {
    await fn();
    globalThis.__doctest.push({ ok: false, what, actual: 'no error', expected: 'throws ' + name });
  } catch (error) {
    const ok = !name || error?.name === name || error?.constructor?.name === name;
    globalThis.__doctest.push({ ok, what, actual: 'threw ' + (error?.name ?? error), expected: 'throws ' + name });
  }
};
`;

const identifiers = (code) => new Set(code.match(/(?<![\w$.'"`])[A-Za-z_$][\w$]*/g) ?? []);
function bindings(example, code) {
  const imported = new Set();
  for (const m of code.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from/g))
    for (const n of m[1].split(','))
      imported.add(
        n
          .trim()
          .split(/\s+as\s+/)
          .pop(),
      );
  for (const m of code.matchAll(/import\s+\*\s+as\s+(\w+)/g)) imported.add(m[1]);
  const declared = new Set(
    [...code.matchAll(/\b(?:const|let|var|function|class)\s+([A-Za-z_$][\w$]*)/g)].map((m) => m[1]),
  );
  const used = identifiers(code);
  const order = [
    ...packages.filter((p) => p.name === example.pkg),
    ...packages.filter((p) => p.name === '@jianguan/core'),
    ...packages.filter((p) => p.name !== example.pkg && p.name !== '@jianguan/core'),
  ];
  const lines = [];
  const bound = new Set();
  for (const p of order)
    for (const e of p.entries)
      for (const n of e.names) {
        if (!used.has(n) || imported.has(n) || declared.has(n) || bound.has(n)) continue;
        bound.add(n);
        lines.push(`import { ${n} } from '${e.specifier}';`);
      }
  return lines.join('\n');
}

// --------------------------------------------------------------------------------------------------------
// Run.
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
writeFileSync(join(work, 'harness.mjs'), harness);
globalThis.__doctest = [];
await import(pathToFileURL(join(work, 'harness.mjs')).href);

// Examples run in the scratch directory, so that whatever they write (an outbox file …) stays out of the tree.
const cwd = process.cwd();
process.chdir(work);
const report = { passed: 0, failed: 0, notSelfContained: 0, unchecked: 0, checks: 0 };
const failures = [];
let n = 0;
for (const example of examples) {
  const where = `${relative(root, example.file)}:${example.line}`;
  if (filter && !where.includes(filter)) continue;
  const { code: instrumented, checks } = instrument(example.code);
  let js;
  try {
    js = (await transform(instrumented, { loader: 'ts', format: 'esm', target: 'node20' })).code;
  } catch (error) {
    report.notSelfContained++;
    if (verbose)
      console.log(`skip  ${where}: not a complete program (${String(error.message).split('\n')[0]})`);
    continue;
  }
  const file = join(work, `example-${n++}.mjs`);
  writeFileSync(file, `${bindings(example, js)}\n${js}\n`);
  globalThis.__doctest = [];
  let error;
  const quiet = () => {};
  const saved = ['log', 'info', 'warn', 'error', 'table', 'dir'].map((k) => [k, console[k]]);
  for (const [k] of saved) console[k] = quiet;
  const write = process.stdout.write;
  process.stdout.write = () => true;
  try {
    await import(pathToFileURL(file).href);
  } catch (e) {
    error = e;
  } finally {
    for (const [k, f] of saved) console[k] = f;
    process.stdout.write = write;
  }
  const results = globalThis.__doctest;
  report.checks += results.length;
  const bad = results.filter((r) => !r.ok);
  const contextual =
    error !== undefined &&
    !/does not provide an export named/.test(String(error.message)) &&
    !String(error.stack).includes('harness.mjs') &&
    (error instanceof ReferenceError ||
      /^\s*throw\b/m.test(example.code) ||
      error instanceof SyntaxError ||
      ['ENOENT', 'ECONNREFUSED', 'ERR_MODULE_NOT_FOUND'].includes(error.code) ||
      // core's readers wrap a missing file in InputFileError('unreadable_file'): the example reads a file it lacks.
      (error.code === 'unreadable_file' && /\bENOENT\b/.test(String(error.message))) ||
      /is not defined|Cannot find (module|package)/.test(String(error.message)));
  if (bad.length > 0 || (error !== undefined && !contextual)) {
    report.failed++;
    failures.push({ where, bad, error: contextual ? undefined : error });
  } else if (error !== undefined) {
    report.notSelfContained++;
    if (verbose) console.log(`skip  ${where}: ${String(error.message).split('\n')[0]}`);
  } else if (checks === 0) {
    report.unchecked++;
  } else {
    report.passed++;
    if (verbose) console.log(`ok    ${where} (${results.length} checks)`);
  }
}

for (const f of failures) {
  console.log(`FAIL  ${f.where}`);
  for (const b of f.bad)
    console.log(
      `      ${b.what}\n        expected ${JSON.stringify(b.expected)}\n        actual   ${JSON.stringify(b.actual)}`,
    );
  if (f.error)
    console.log(
      `      threw ${String(f.error?.stack ?? f.error)
        .split('\n')
        .slice(0, 2)
        .join(' | ')}`,
    );
}
console.log(
  `doctest: ${report.passed} examples passed (${report.checks} checked lines), ${report.failed} failed, ` +
    `${report.unchecked} ran without a checkable line, ${report.notSelfContained} not self-contained (not run to the end).`,
);
process.chdir(cwd);
rmSync(work, { recursive: true, force: true });
process.exit(report.failed > 0 ? 1 : 0);
