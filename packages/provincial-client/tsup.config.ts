import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base.ts';

export default defineConfig([
  packageBuild({ index: 'src/index.ts', sandbox: 'src/sandbox/index.ts' }),
  // The `jianguan-sandbox` command: ESM only, no declarations, keeps the shebang.
  packageBuild(
    { 'sandbox-bin': 'src/sandbox/bin.ts' },
    { format: ['esm'], dts: false, clean: false, sourcemap: false },
  ),
]);
