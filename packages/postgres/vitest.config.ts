import { mergeConfig } from 'vitest/config';
import { packageProject } from '../../vitest.shared.ts';

export default mergeConfig(packageProject('postgres', { testTimeout: 60_000 }), {
  test: { globalSetup: ['./test/support/global-setup.ts'] },
});
