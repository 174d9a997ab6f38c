import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@jianguan/source'] },
  ssr: { resolve: { conditions: ['@jianguan/source'] } },
  test: { name: 'examples', include: ['test/**/*.test.ts'], testTimeout: 180_000 },
});
