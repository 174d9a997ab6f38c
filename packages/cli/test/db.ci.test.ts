// Each run spawns the real executable (and PGlite initialises its directory), which takes seconds on a busy
// machine: the database tests have long timeouts.
// `jianguan db migrate|status` through the real executable, on a real PostgreSQL server (a throwaway one, or
// DATABASE_URL) and on an embedded PGlite directory.
import { PGlite } from '@electric-sql/pglite';
import { MIGRATIONS, migrationStatus } from '@jianguan/postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, startTestServer, type TestServer } from '../../postgres/test/support/server.js';
import { run, runBin, tempDir } from './helpers.js';
import { mixedLines } from './language.js';

const versions = MIGRATIONS.map((m) => m.version);
const noDatabaseEnv = { DATABASE_URL: '' };

describe('jianguan db help', () => {
  it('is listed, and its help shows both subcommands, the options and the exit codes', async () => {
    expect((await run(['--help'])).stdout).toContain('  db ');
    const r = await run(['db', '--help']);
    expect(r.code).toBe(0);
    for (const text of [
      'jianguan db migrate',
      'jianguan db status',
      '--database-url',
      '--pglite',
      'DATABASE_URL',
      '退出码：',
      'Exit codes:',
    ])
      expect(r.stdout).toContain(text);
  });
});

describe('jianguan db without a database', () => {
  it('explains in Chinese and English and exits 2', async () => {
    const r = await runBin(['db', 'migrate'], { env: noDatabaseEnv });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no database given: pass --database-url <url> or set DATABASE_URL');
    expect(r.stderr).toContain('未指定数据库');
    expect(r.stdout).toBe('');
  }, 120_000);

  it('refuses an unknown subcommand, two databases at once, and a URL that is not postgres://', async () => {
    expect((await run(['db', 'drop'])).code).toBe(2);
    expect((await run(['db'])).code).toBe(2);
    const both = await run(['db', 'status', '--database-url', 'postgres://x@y/z', '--pglite', 'd']);
    expect([both.code, both.stderr.includes('cannot be combined')]).toEqual([2, true]);
    const mysql = await run(['db', 'status', '--database-url', 'mysql://u:secret@h/db']);
    expect(mysql.code).toBe(2);
    expect(mysql.stderr).toContain('mysql://u:***@h/db');
    expect(mysql.stderr).not.toContain('secret');
  });

  it('answers exit 3 when the server cannot be reached', async () => {
    const r = await run(['db', 'status', '--database-url', 'postgres://nobody@127.0.0.1:9/none']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('cannot open the database PostgreSQL postgres://nobody@127.0.0.1:9/none');
  });
});

describe('jianguan db on PGlite', () => {
  const tmp = tempDir('jianguan-db-');
  afterAll(() => tmp.cleanup());

  it('status says pending (exit 1), migrate installs, status is then up to date (exit 0)', async () => {
    const before = await runBin(['db', 'status', '--pglite', 'data', '--json'], { cwd: tmp.dir });
    expect(before.code).toBe(1);
    expect(JSON.parse(before.stdout)).toMatchObject({ installed: false, pending: versions, upToDate: false });
    const first = await runBin(['db', 'migrate', '--pglite', 'data'], { cwd: tmp.dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`PGlite ${tmp.path('data')}`);
    expect(first.stdout).toContain(`已安装：${versions.join(', ')}`);
    expect(first.stdout).toContain(`applied: ${versions.join(', ')}`);
    const after = await runBin(['db', 'status', '--pglite', 'data'], { cwd: tmp.dir });
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('已是最新。\nup to date.');
    expect(mixedLines(`${first.stdout}${after.stdout}`)).toEqual([]);
    // The directory really holds the schema.
    const db = new PGlite(tmp.path('data'));
    try {
      expect((await migrationStatus(db)).upToDate).toBe(true);
      // A version applied from other text: status names it (exit 1), migrate refuses it (exit 1, typed error).
      await db.query("update jianguan.schema_migrations set checksum = 'edited' where version = '4'");
    } finally {
      await db.close();
    }
    const changed = await runBin(['db', 'status', '--pglite', 'data'], { cwd: tmp.dir });
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('applied from other text: 4 (check by hand)');
    expect(changed.stdout).not.toContain('run `jianguan db migrate`');
    expect(mixedLines(changed.stdout)).toEqual([]);
    const refused = await runBin(['db', 'migrate', '--pglite', 'data'], { cwd: tmp.dir });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("applied migration 4 differs from this version's text");
  }, 300_000);
});

describe('jianguan db on a PostgreSQL server', () => {
  let server: TestServer | undefined;
  let database: { url: string; drop(): Promise<void> } | undefined;
  beforeAll(async () => {
    server = await startTestServer();
    if (server.url) database = await freshDatabase(server.url);
  }, 120_000);
  afterAll(async () => {
    await database?.drop();
    server?.stop();
  });

  it('migrates the database DATABASE_URL names, once; --database-url wins over the variable', async (ctx) => {
    if (!database) return ctx.skip(server?.missing);
    const env = { DATABASE_URL: database.url };
    const pending = await runBin(['db', 'status'], { env });
    expect(pending.code).toBe(1);
    expect(pending.stdout).toContain(`pending: ${versions.join(', ')}`);
    const first = await runBin(['db', 'migrate', '--json'], { env });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ applied: versions, current: versions.at(-1) });
    const flag = await runBin(['db', 'migrate', '--database-url', database.url, '--json'], {
      env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none' },
    });
    expect(JSON.parse(flag.stdout)).toMatchObject({ applied: [] });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `select version from jianguan.schema_migrations where version ~ '^[0-9]+$' order by version::int`,
      );
      expect(rows.map((r) => Number(r.version))).toEqual(versions);
      expect((await migrationStatus(client)).upToDate).toBe(true);
    } finally {
      await client.end();
    }
    expect((await runBin(['db', 'status'], { env })).code).toBe(0);
  }, 300_000);
});
