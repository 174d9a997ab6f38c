// Vitest globalSetup: the PostgreSQL suite runs against a real server. With DATABASE_URL set it uses that one;
// otherwise it starts a throwaway PostgreSQL (see ./server.ts) and stops it in teardown. When no server binary
// exists: in CI (CI=true, or JIANGUAN_REQUIRE_POSTGRES=1, which .ci/run sets) the setup fails loudly; elsewhere
// the server tests say they skip, and the PGlite tests still run.
import type { TestProject } from 'vitest/node';
import { startTestServer } from './server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the PostgreSQL server for the suite; '' when none is available (local runs only). */
    databaseUrl: string;
    /** Why there is no server ('' when there is one). */
    databaseMissing: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const server = await startTestServer();
  project.provide('databaseUrl', server.url);
  project.provide('databaseMissing', server.missing);
  return () => server.stop();
}
