// The shipped declarations type-check for TypeScript consumers in both module systems: an ESM file (.mts) and
// a CommonJS file (.cts, `require` of ESM through Node's require(esm), which TypeScript >= 5.8 accepts under
// `module: nodenext`), with `skipLibCheck: false` so the .d.ts files themselves are checked.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { assertBuilt, root, specifiers } from './packages.mjs';

assertBuilt();

test('ESM and CommonJS TypeScript consumers type-check against every entry point (module nodenext)', () => {
  const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  const scratch = mkdtempSync(join(tmpdir(), 'jianguan-types-'));
  try {
    mkdirSync(join(scratch, 'node_modules'));
    for (const name of ['@jianguan', 'zod', '@types']) {
      symlinkSync(join(root, 'node_modules', name), join(scratch, 'node_modules', name), 'junction');
    }
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'types-consumer', private: true }));
    const body = (importLine) =>
      `${specifiers.map((s, i) => importLine(`m${i}`, s)).join('\n')}\n` +
      "const ok: boolean = m0.uscc.isValid('91350100M000100Y43');\n" +
      `console.log(ok, ${specifiers.map((_, i) => `Object.keys(m${i}).length`).join(', ')});\n`;
    writeFileSync(
      join(scratch, 'esm.mts'),
      body((n, s) => `import * as ${n} from '${s}';`),
    );
    writeFileSync(
      join(scratch, 'cjs.cts'),
      body((n, s) => `import ${n} = require('${s}');`),
    );
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          strict: true,
          noEmit: true,
          types: ['node'],
          skipLibCheck: false,
        },
        files: ['esm.mts', 'cjs.cts'],
      }),
    );
    assert.equal(specifiers[0], '@jianguan/core');
    const r = spawnSync(process.execPath, [tsc, '-p', scratch], { encoding: 'utf8', cwd: dirname(scratch) });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
