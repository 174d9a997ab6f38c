// A throwaway PostgreSQL server for tests: initdb into a temp dir, 127.0.0.1 on a random free port, unix socket in
// the temp dir, stopped (and the directory removed) by `stop()`. Root cannot run postgres, so as root the cluster
// belongs to the `postgres` user (created by Debian's package). Used by this package's vitest globalSetup and by
// the tests of other packages that need a real server (cli `db`, the sandbox's harvester, the demo).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function binDir(): string | undefined {
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

/** Whether a missing server must fail the run (CI, or JIANGUAN_REQUIRE_POSTGRES=1 which .ci/run sets). */
export function serverRequired(): boolean {
  return process.env.CI === 'true' || process.env.CI === '1' || process.env.JIANGUAN_REQUIRE_POSTGRES === '1';
}

export type TestServer =
  | { readonly url: string; readonly missing: ''; stop(): void }
  | { readonly url: ''; readonly missing: string; stop(): void };

/**
 * The server for a test run: DATABASE_URL when set, else a throwaway one. Without server binaries it returns
 * `missing` (the reason) outside CI and throws in CI.
 */
export async function startTestServer(): Promise<TestServer> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, missing: '', stop() {} };
  const bin = binDir();
  if (!bin) {
    const why = 'no PostgreSQL server binaries (initdb) found and DATABASE_URL is not set';
    if (serverRequired()) throw new Error(`${why}; CI must run scripts/ensure-postgres.sh first`);
    return { url: '', missing: why, stop() {} };
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
  return {
    url: `postgres://jianguan@127.0.0.1:${port}/postgres`,
    missing: '',
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

let databases = 0;

/** Creates a fresh UTF8 database on the server at `baseUrl`; `drop()` removes it (forcing out leftover sessions). */
export async function freshDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `jg_test_${process.pid}_${Date.now().toString(36)}_${databases++}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: baseUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name} encoding 'UTF8' template template0`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
