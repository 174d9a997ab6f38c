import { mergeConfig } from 'vitest/config';
import { packageProject, testTier } from '../../vitest.shared.ts';

// Every file of this suite is CI-only (`npm run test:ci`): each runs on a real PostgreSQL server, which the
// global setup starts (and which fails, never skips, in CI). New test files here join the CI tier automatically.
export default mergeConfig(packageProject('postgres', { testTimeout: 60_000, ciOnly: true }), {
  test: testTier === 'ci' ? { globalSetup: ['./test/support/global-setup.ts'] } : {},
});
