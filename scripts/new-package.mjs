// One-off scaffolder kept for maintainers: `node scripts/new-package.mjs <dir> <description> [subpath...]`.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, description, ...subpaths] = process.argv.slice(2);
if (!dir || !description) throw new Error('usage: new-package.mjs <dir> <description> [subpath...]');
const root = join('packages', dir);
const entry = (name, src) => ({
  '@jianguan/source': `./src/${src}.ts`,
  import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
  require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
});
const exports = { '.': entry('index', 'index') };
const tsupEntries = { index: 'src/index.ts' };
for (const sp of subpaths) {
  exports[`./${sp}`] = entry(sp, `${sp}/index`);
  tsupEntries[sp] = `src/${sp}/index.ts`;
}
exports['./package.json'] = './package.json';
const pkg = {
  name: `@jianguan/${dir}`,
  version: '0.0.0',
  description,
  license: 'MIT',
  type: 'module',
  sideEffects: false,
  engines: { node: '>=20.19' },
  exports,
  main: './dist/index.cjs',
  module: './dist/index.js',
  types: './dist/index.d.cts',
  files: ['dist', 'src', '!src/**/*.test.ts'],
  scripts: {
    build: 'tsup',
    'check:package': 'publint --strict && attw --pack . --profile node16',
  },
  repository: { type: 'git', url: 'git+https://example.invalid/jianguan.git', directory: `packages/${dir}` },
  publishConfig: { access: 'public' },
};
mkdirSync(join(root, 'src'), { recursive: true });
mkdirSync(join(root, 'test'), { recursive: true });
for (const sp of subpaths) mkdirSync(join(root, 'src', sp), { recursive: true });
const write = (f, s) => {
  if (!existsSync(join(root, f))) writeFileSync(join(root, f), s);
};
write('package.json', `${JSON.stringify(pkg, null, 2)}\n`);
write(
  'tsconfig.json',
  `${JSON.stringify({ extends: '../../tsconfig.base.json', include: ['src', 'test', 'bench', 'scripts', '*.config.ts'] }, null, 2)}\n`,
);
write(
  'tsup.config.ts',
  `import { defineConfig } from 'tsup';\nimport { packageBuild } from '../../tsup.base.ts';\n\nexport default defineConfig(packageBuild(${JSON.stringify(tsupEntries)}));\n`,
);
write(
  'vitest.config.ts',
  `import { packageProject } from '../../vitest.shared.ts';\n\nexport default packageProject('${dir}');\n`,
);
write('README.md', `# @jianguan/${dir}\n\n${description}\n`);
