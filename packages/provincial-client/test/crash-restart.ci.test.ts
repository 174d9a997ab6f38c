// The file journal through the shared SIGKILL suite (test/support/outbox-suite.ts), which @jianguan/postgres runs
// for its store too.
import { fileStoreFactory } from './support/file-store.js';
import { sigkillSuite } from './support/outbox-suite.js';

sigkillSuite(fileStoreFactory({ soakCount: 10_000, killCount: 1500 }));
