// The PostgreSQL outbox store through the very fault and SIGKILL suites the file journal runs
// (packages/provincial-client/test/support/outbox-suite.ts), with 4 concurrent flushing workers.
import { describe, inject, it } from 'vitest';
import { faultSoakSuite, sigkillSuite } from '../../provincial-client/test/support/outbox-suite.js';
import { postgresStoreFactory } from './support/pg-store.js';

const factory = postgresStoreFactory({ soakCount: 3000, killCount: 1200 });
if (inject('databaseMissing')) {
  describe('PostgreSQL outbox conformance', () => {
    it.skip(`skipped: ${inject('databaseMissing')}`, () => undefined);
  });
} else {
  faultSoakSuite(factory);
  sigkillSuite(factory);
}
