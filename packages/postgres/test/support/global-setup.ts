// Vitest globalSetup: the PostgreSQL suite runs against a real server. With DATABASE_URL set it uses that one;
// otherwise it starts a throwaway PostgreSQL (initdb into a temp dir, 127.0.0.1 on a random free port, unix
// socket in the temp dir) and stops it in teardown. Root cannot run postgres, so as root the cluster belongs to
// the `postgres` user (created by Debian's package). When no server binary exists: in CI (CI=true) the setup
// (or JIANGUAN_REQUIRE_POSTGRES=1, which .ci/run sets) fails loudly; elsewhere the server tests say they skip, and the PGlite tests still run.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the PostgreSQL server for the suite; '' when none is available (local runs only). */
    databaseUrl: string;
    /** Why there is no server ('' when there is one). */
    databaseMissing: string;
  }
}

function binDir(): string | undefined {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'initdb'))) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(base, versions[0], 'bin');
  }
  const r = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const dir = r.status === 0 ? r.stdout.trim() : '';
  return dir && existsSync(join(dir, 'initdb')) ? dir : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

function userIds(name: string): { uid: number; gid: number } | undefined {
  const r = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (r.status !== 0 || g.status !== 0) return undefined;
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  if (process.env.DATABASE_URL) {
    project.provide('databaseUrl', process.env.DATABASE_URL);
    project.provide('databaseMissing', '');
    return undefined;
  }
  const bin = binDir();
  if (!bin) {
    const why = 'no PostgreSQL server binaries (initdb) found and DATABASE_URL is not set';
    if (
      process.env.CI === 'true' ||
      process.env.CI === '1' ||
      process.env.JIANGUAN_REQUIRE_POSTGRES === '1'
    ) {
      throw new Error(`@jianguan/postgres tests: ${why}; CI must run scripts/ensure-postgres.sh first`);
    }
    project.provide('databaseUrl', '');
    project.provide('databaseMissing', why);
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'jianguan-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? userIds('postgres') : undefined;
  if (asRoot && !owner) throw new Error('running as root but there is no `postgres` user to own the cluster');
  if (owner) {
    chmodSync(dir, 0o755);
    chownSync(dir, owner.uid, owner.gid);
  }
  const run = (cmd: string, args: string[]) => {
    const full = owner ? ['-u', 'postgres', '--', join(bin, cmd), ...args] : args;
    execFileSync(owner ? 'runuser' : join(bin, cmd), full, { stdio: 'pipe', cwd: dir });
  };
  run('initdb', ['-D', data, '-U', 'jianguan', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=60`;
  run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', opts, '-w', '-t', '60', 'start']);
  project.provide('databaseUrl', `postgres://jianguan@127.0.0.1:${port}/postgres`);
  project.provide('databaseMissing', '');
  return () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
