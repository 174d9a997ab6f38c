// The file journal through the shared fault soak (test/support/outbox-suite.ts), which @jianguan/postgres runs
// for its store too.
import { fileStoreFactory } from './support/file-store.js';
import { faultSoakSuite } from './support/outbox-suite.js';

faultSoakSuite(fileStoreFactory({ soakCount: 10_000, killCount: 1500 }));
