import { defineProject } from 'vitest/config';

/**
 * The two test tiers. `npm test` (tier `local`, the default) runs every `test/**\/*.test.ts` except the CI-only
 * ones; `npm run test:ci` (tier `ci`, `JIANGUAN_TEST_TIER=ci`) runs exactly the CI-only ones. A test file is
 * CI-only when it is named `*.ci.test.ts` (real child processes killed mid-write, chaos proxies, soak runs) or
 * lives in a package declared `ciOnly` (`@jianguan/postgres`: every file runs on a real PostgreSQL server).
 * Nothing is skipped: each file belongs to exactly one tier and both tiers run in CI (`.ci/run`).
 */
export const testTier: 'local' | 'ci' = process.env.JIANGUAN_TEST_TIER === 'ci' ? 'ci' : 'local';

/** The test files of a project in the current tier. */
export function tierFiles(ciOnly = false): { include: string[]; exclude: string[] } {
  const all = 'test/**/*.test.ts';
  const ci = 'test/**/*.ci.test.ts';
  if (ciOnly) return testTier === 'ci' ? { include: [all], exclude: [] } : { include: [], exclude: [all] };
  return testTier === 'ci' ? { include: [ci], exclude: [] } : { include: [all], exclude: [ci] };
}

/**
 * The per-package vitest project: tests resolve `@jianguan/*` to source. Type tests (`test/**\/*.test-d.ts`)
 * are compiled by `npm run typecheck` (`tsc -p tsconfig.json` includes every package's `test/`); set
 * `JIANGUAN_VITEST_TYPECHECK=1` to also run them through vitest's typecheck reporter.
 */
export function packageProject(name: string, extra: { testTimeout?: number; ciOnly?: boolean } = {}) {
  const files = tierFiles(extra.ciOnly);
  return defineProject({
    resolve: { conditions: ['@jianguan/source'] },
    ssr: { resolve: { conditions: ['@jianguan/source'] } },
    test: {
      name,
      include: files.include,
      exclude: ['**/node_modules/**', ...files.exclude],
      typecheck: {
        enabled: process.env.JIANGUAN_VITEST_TYPECHECK === '1',
        include: ['test/**/*.test-d.ts'],
      },
      testTimeout: extra.testTimeout ?? 20_000,
    },
  });
}
