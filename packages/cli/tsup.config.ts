import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base.ts';

// `bin` is the `jianguan` executable (dist/bin.js keeps its shebang); `shims` gives the CJS build an
// `import.meta.url` so the version lookup works in both formats.
export default defineConfig(packageBuild({ index: 'src/index.ts', bin: 'src/bin.ts' }, { shims: true }));
