import { defineProject } from 'vitest/config';
import { tierFiles } from '../vitest.shared.ts';

const files = tierFiles();

export default defineProject({
  resolve: { conditions: ['@jianguan/source'] },
  ssr: { resolve: { conditions: ['@jianguan/source'] } },
  test: {
    name: 'examples',
    include: files.include,
    exclude: ['**/node_modules/**', ...files.exclude],
    testTimeout: 180_000,
  },
});
