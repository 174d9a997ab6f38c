// One-off scaffolder kept for maintainers: `node scripts/new-package.mjs <dir> <description> [subpath...]`.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, description, ...subpaths] = process.argv.slice(2);
if (!dir || !description) throw new Error('usage: new-package.mjs <dir> <description> [subpath...]');
const root = join('packages', dir);
// ESM only, one dist module per source module (tsc): `require()` works through Node's require(esm).
const entry = (src) => ({
  '@jianguan/source': `./src/${src}.ts`,
  types: `./dist/${src}.d.ts`,
  default: `./dist/${src}.js`,
});
const exports = { '.': entry('index') };
for (const sp of subpaths) exports[`./${sp}`] = entry(`${sp}/index`);
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
  main: './dist/index.js',
  types: './dist/index.d.ts',
  files: ['dist', 'src', '!src/**/*.test.ts'],
  scripts: {
    build: 'node ../../scripts/build-package.mjs',
    'check:package': 'publint --strict && attw --pack . --profile esm-only',
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
  'tsconfig.build.json',
  `${JSON.stringify({ extends: '../../tsconfig.build.base.json', compilerOptions: { rootDir: 'src', outDir: 'dist' }, include: ['src'] }, null, 2)}\n`,
);
write(
  'vitest.config.ts',
  `import { packageProject } from '../../vitest.shared.ts';\n\nexport default packageProject('${dir}');\n`,
);
write('README.md', `# @jianguan/${dir}\n\n${description}\n`);
