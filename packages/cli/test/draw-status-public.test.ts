// Issue 18, item 2: `draw` reads the national status vocabulary and writes a grade-free public bundle.
// These tests run the real executable (packages/cli/src/bin.ts in a child process).
import { existsSync, readFileSync } from 'node:fs';
import type { DrawRecord } from '@jianguan/sampling';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { population } from './fixtures.js';
import { encodeGbk, runBin, tempDir } from './helpers.js';

const SEED = '20237331128159211123';
const tmp = tempDir();
const entities = population(120);
// Status words as registries export them, under a Chinese header.
const STATUS_WORDS = [
  '存续',
  '在业',
  '开业',
  '正常',
  '注销',
  '吊销，未注销',
  '撤销',
  '迁出',
  '停业',
  '待核实',
];
const OPERATING = new Set(['存续', '在业', '开业', '正常']);
const statusOf = (i: number) => STATUS_WORDS[i % STATUS_WORDS.length] as string;

beforeAll(() => {
  const rows = ['统一社会信用代码,企业名称,登记状态,信用等级'];
  entities.forEach((e, i) => {
    rows.push([e.id, e.name, `"${statusOf(i)}"`, e.grade].join(','));
  });
  tmp.write('registry.csv', encodeGbk(`${rows.join('\r\n')}\r\n`));
  const english = ['id,name,status,grade'];
  entities.forEach((e, i) => {
    english.push([e.id, e.name, ['active', 'deregistered', 'revoked', 'Active'][i % 4], e.grade].join(','));
  });
  tmp.write('registry-en.csv', `${english.join('\n')}\n`);
});
afterAll(() => tmp.cleanup());

const json = (name: string) => JSON.parse(readFileSync(tmp.path(name), 'utf8')) as unknown;

/** Every string value and key anywhere in a JSON value. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      strings(v, out);
    }
  }
  return out;
}

describe('jianguan draw: status vocabulary and the public bundle (real binary)', () => {
  it('stratifies --by a Chinese column header (信用等级) as by the field it stands for (grade)', async () => {
    const draw = (by: string) =>
      runBin(
        [
          'draw',
          'registry.csv',
          '--seed',
          SEED,
          '--by',
          by,
          '--ratio',
          'D=100%',
          '--as-of',
          '2026-04-01',
          '--out',
          '-',
          '--json',
        ],
        { cwd: tmp.dir },
      );
    const [chinese, field] = await Promise.all([draw('信用等级'), draw('grade')]);
    expect(chinese.code).toBe(0);
    const picks = (r: { stdout: string }) =>
      (JSON.parse(r.stdout) as DrawRecord).strata.flatMap((s) => s.picks.map((p) => p.id));
    expect(picks(chinese).length).toBeGreaterThan(0);
    expect(picks(chinese)).toEqual(picks(field));
  });

  it('leaves out 注销/吊销/撤销/迁出/停业 entities, keeps 存续/在业/开业/正常, and warns about an unknown status', async () => {
    const r = await runBin(
      [
        'draw',
        'registry.csv',
        '--seed',
        SEED,
        '--ratio',
        '100%',
        '--as-of',
        '2026-04-01',
        '--out',
        'all.json',
      ],
      { cwd: tmp.dir },
    );
    expect(r.stderr).toContain('待核实');
    expect(r.stderr).toMatch(/unrecognised status "待核实" on 12 entities/);
    expect(r.stderr).toMatch(/12 个对象的状态“待核实”无法识别/);
    expect(r.code).toBe(0);
    const record = json('all.internal.json') as DrawRecord;
    const drawn = new Set(record.strata.flatMap((s) => s.picks.map((p) => p.id)));
    entities.forEach((e, i) => {
      const word = statusOf(i);
      const expected = OPERATING.has(word) || word === '待核实';
      expect(drawn.has(e.id), `${word} ${e.id}`).toBe(expected);
    });
    expect(record.commitment.strata[0]?.excluded).toMatchObject({ status: 60 });
  });

  it('reads English status words too, case-insensitively', async () => {
    const r = await runBin(
      [
        'draw',
        'registry-en.csv',
        '--seed',
        SEED,
        '--ratio',
        '100%',
        '--as-of',
        '2026-04-01',
        '--json',
        '--out',
        'en.json',
      ],
      { cwd: tmp.dir },
    );
    expect(r.stderr).toBe('');
    const summary = JSON.parse(r.stdout) as { drawn: number };
    expect(summary.drawn).toBe(60);
  });

  it('writes the internal record as *.internal.json and a grade-free public bundle that verifies', async () => {
    const r = await runBin(
      [
        'draw',
        'registry.csv',
        '--seed',
        SEED,
        '--rule-set',
        'samr-baseline',
        '--as-of',
        '2026-04-01',
        '--task-id',
        'T-1',
      ],
      { cwd: tmp.dir },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('draw-record.internal.json');
    expect(r.stdout).toMatch(/never publish/);
    expect(r.stdout).toMatch(/不得公开/);
    const internal = json('draw-record.internal.json') as DrawRecord;
    expect(internal.strata.map((s) => s.key)).toEqual(['A', 'B', 'C', 'D']);
    expect(existsSync(tmp.path('draw-record.salt.internal.txt'))).toBe(true);
    const pub = json('draw-record.public.json');
    const pop = json('draw-record.population.public.json');
    for (const text of [...strings(pub), ...strings(pop)]) {
      expect(['A', 'B', 'C', 'D', 'grade', '信用等级']).not.toContain(text);
    }
    expect((pub as DrawRecord).strata.map((s) => s.key).sort()).toEqual(['S1', 'S2', 'S3', 'S4']);
    const v = await runBin(['verify', 'draw-record.public.json', 'draw-record.population.public.json'], {
      cwd: tmp.dir,
    });
    expect(v.stdout).toContain('VERIFIED');
    expect(v.code).toBe(0);
    // same picks as the internal record
    const ids = (rec: DrawRecord) => rec.strata.flatMap((s) => s.picks.map((p) => p.id)).sort();
    expect(ids(pub as DrawRecord)).toEqual(ids(internal));
  });

  it('--commit-only gives the public commitment (no grade labels), which the draw then checks', async () => {
    const args = ['--rule-set', 'samr-baseline', '--as-of', '2026-04-01', '--task-id', 'T-2'];
    const c = await runBin(
      ['draw', 'registry.csv', ...args, '--commit-only', '--out', 'commitment.public.json'],
      {
        cwd: tmp.dir,
      },
    );
    expect(c.code).toBe(0);
    const commitment = json('commitment.public.json') as { strata: { key: string }[] };
    for (const text of strings(commitment)) expect(['A', 'B', 'C', 'D', 'grade']).not.toContain(text);
    expect(commitment.strata.map((s) => s.key).sort()).toEqual(['S1', 'S2', 'S3', 'S4']);
    const d = await runBin(
      [
        'draw',
        'registry.csv',
        '--seed',
        SEED,
        ...args,
        '--commitment',
        'commitment.public.json',
        '--out',
        'c.json',
      ],
      { cwd: tmp.dir },
    );
    expect(d.code).toBe(0);
    expect((json('c.public.json') as DrawRecord).commitment).toEqual(commitment);
  });
});
