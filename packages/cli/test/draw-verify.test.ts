import { readFileSync, writeFileSync } from 'node:fs';
import type { DrawRecord } from '@jianguan/sampling';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { population, reorder, toCsv, toJsonl } from './fixtures.js';
import { encodeGbk, run, tempDir } from './helpers.js';

const SEED = '20237331128159211123';
const tmp = tempDir();
const entities = population(240);
const active = entities.filter((e) => e.status === 'active');

beforeAll(() => {
  tmp.write('entities.csv', toCsv(entities));
  tmp.write('entities-gbk.csv', encodeGbk(toCsv(entities)));
  tmp.write('entities-shuffled.csv', toCsv(reorder(entities)));
  tmp.write('entities.jsonl', toJsonl(entities));
  tmp.write('fewer.csv', toCsv(entities.slice(2))); // entity 1 is active
});
afterAll(() => tmp.cleanup());

const read = (name: string) => JSON.parse(readFileSync(tmp.path(name), 'utf8')) as DrawRecord;
const draw = (args: string[], options: { stderrIsTTY?: boolean } = {}) =>
  run(['draw', ...args], { cwd: tmp.dir, ...options });
const verify = (args: string[]) => run(['verify', ...args], { cwd: tmp.dir });

describe('jianguan draw + verify', () => {
  it('draws a ratio of the active entities into a record that verifies', async () => {
    const r = await draw([
      'entities.csv',
      '--seed',
      SEED,
      '--ratio',
      '10%',
      '--as-of',
      '2026-04-01',
      '--out',
      'rec.json',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('rec.internal.json');
    expect(r.stdout).toContain('jianguan verify rec.public.json rec.population.public.json');
    const record = read('rec.internal.json');
    expect(record.format).toBe('jianguan.draw-record/1');
    expect(record.seed).toBe(SEED);
    expect(record.strata[0]?.populationSize).toBe(active.length);
    expect(record.strata[0]?.sampleSize).toBe(Math.ceil(active.length * 0.1));
    const activeIds = new Set(active.map((e) => e.id));
    for (const pick of record.strata[0]?.picks ?? []) expect(activeIds.has(pick.id)).toBe(true);

    const v = await verify(['rec.internal.json', 'entities.csv']);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('核验通过：rec.internal.json\nVERIFIED: rec.internal.json');
    const vj = await verify(['rec.internal.json', 'entities.csv', '--json']);
    expect(JSON.parse(vj.stdout)).toMatchObject({
      ok: true,
      mismatches: [],
      drawn: record.strata[0]?.sampleSize,
    });
  });

  it('gives the same record whatever the row order, the encoding (GBK) or the file format', async () => {
    const args = ['--seed', SEED, '--ratio', '10%', '--as-of', '2026-04-01'];
    await draw(['entities.csv', ...args, '--out', 'a.json']);
    await draw(['entities-shuffled.csv', ...args, '--out', 'b.json']);
    await draw(['entities-gbk.csv', ...args, '--out', 'c.json']);
    await draw(['entities.jsonl', ...args, '--out', 'd.json']);
    const digests = ['a', 'b', 'c', 'd'].map((f) => read(`${f}.internal.json`).recordDigest);
    expect(new Set(digests).size).toBe(1);
    // and a record made from one form verifies against another
    expect((await verify(['a.internal.json', 'entities-gbk.csv'])).code).toBe(0);
  });

  it('rejects a tampered record (exit 1) and names the mismatch', async () => {
    await draw([
      'entities.csv',
      '--seed',
      SEED,
      '--ratio',
      '10%',
      '--as-of',
      '2026-04-01',
      '--out',
      'orig.json',
    ]);
    const record = read('orig.internal.json') as unknown as { strata: { picks: { id: string }[] }[] };
    const drawn = new Set(record.strata[0]?.picks.map((p) => p.id));
    const outsider = active.find((e) => !drawn.has(e.id));
    (record.strata[0]?.picks[0] as { id: string }).id = outsider?.id ?? 'x';
    writeFileSync(tmp.path('tampered.json'), JSON.stringify(record));
    const v = await verify(['tampered.json', 'entities.csv']);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('NOT VERIFIED: tampered.json');
    expect(v.stdout).toContain('核验未通过：tampered.json');
    expect(v.stdout).toContain('record_digest');
    expect(v.stdout).toContain('strata.0.picks.0');
    const vj = await verify(['tampered.json', 'entities.csv', '--json']);
    const body = JSON.parse(vj.stdout) as { ok: boolean; mismatches: { code: string }[] };
    expect(body.ok).toBe(false);
    expect(body.mismatches.map((m) => m.code)).toEqual(expect.arrayContaining(['record_digest', 'result']));
  });

  it('rejects a record checked against a different population (exit 1)', async () => {
    await draw([
      'entities.csv',
      '--seed',
      SEED,
      '--ratio',
      '10%',
      '--as-of',
      '2026-04-01',
      '--out',
      'orig2.json',
    ]);
    const v = await verify(['orig2.internal.json', 'fewer.csv', '--json']);
    expect(v.code).toBe(1);
    expect(
      (JSON.parse(v.stdout) as { mismatches: { code: string }[] }).mismatches.map((m) => m.code),
    ).toContain('population');
  });

  it('rejects a changed seed (exit 1)', async () => {
    const record = read('orig2.internal.json');
    writeFileSync(tmp.path('reseeded.json'), JSON.stringify({ ...record, seed: '1' }));
    expect((await verify(['reseeded.json', 'entities.csv'])).code).toBe(1);
  });

  it('stratifies by a column with per-value ratios', async () => {
    const r = await draw([
      'entities.csv',
      '--seed',
      SEED,
      '--by',
      'grade',
      '--ratio',
      'A=5%,B=5%',
      '--ratio',
      'D=100%',
      '--as-of',
      '2026-04-01',
      '--json',
      '--out',
      'by.json',
    ]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as {
      strata: { key: string; populationSize: number; sampleSize: number }[];
      unmatched: number;
    };
    const count = (g: string) => active.filter((e) => e.grade === g).length;
    expect(summary.strata.map((s) => s.key)).toEqual(['A', 'B', 'D']);
    expect(summary.strata.find((s) => s.key === 'D')).toMatchObject({
      populationSize: count('D'),
      sampleSize: count('D'),
    });
    expect(summary.strata.find((s) => s.key === 'A')?.sampleSize).toBe(Math.ceil(count('A') * 0.05));
    expect(summary.unmatched).toBe(entities.filter((e) => e.grade === 'C').length);
    expect((await verify(['by.internal.json', 'entities.csv'])).code).toBe(0);
  });

  it('stratifies by credit grade with a shipped rule set (D: key supervision, all drawn)', async () => {
    const r = await draw([
      'entities.csv',
      '--seed',
      SEED,
      '--rule-set',
      'samr-baseline',
      '--as-of',
      '2026-04-01',
      '--out',
      'rs.json',
    ]);
    expect(r.code).toBe(0);
    const record = read('rs.internal.json');
    expect(record.strata.map((s) => s.key)).toEqual(['A', 'B', 'C', 'D']);
    const d = record.strata.find((s) => s.key === 'D');
    expect(d?.sampleSize).toBe(active.filter((e) => e.grade === 'D').length);
    expect((await verify(['rs.internal.json', 'entities.csv'])).code).toBe(0);
  });

  it('publishes a commitment first and checks the draw against it', async () => {
    const args = ['--ratio', '10%', '--as-of', '2026-04-01', '--task-id', '2026-SC-001'];
    const c = await draw(['entities.csv', '--commit-only', ...args, '--out', 'commitment.json']);
    expect(c.code).toBe(0);
    expect(c.stdout).toContain('Publish it before the seed');
    const commitment = JSON.parse(readFileSync(tmp.path('commitment.json'), 'utf8')) as {
      format: string;
      taskId: string;
    };
    expect(commitment).toMatchObject({ format: 'jianguan.population-commitment/1', taskId: '2026-SC-001' });
    const ok = await draw([
      'entities.csv',
      '--seed',
      SEED,
      ...args,
      '--commitment',
      'commitment.json',
      '--out',
      'committed.json',
    ]);
    expect(ok.code).toBe(0);
    // The published commitment is the public one: it is the commitment of the public record.
    expect(read('committed.public.json').commitment).toEqual(commitment);
    const changed = await draw([
      'fewer.csv',
      '--seed',
      SEED,
      ...args,
      '--commitment',
      'commitment.json',
      '--json',
    ]);
    expect(changed.code).toBe(3);
    expect((JSON.parse(changed.stdout) as { error: { code: string } }).error.code).toBe(
      'commitment_mismatch',
    );
  });

  it('prints the record on stdout with --out -, and warns about a short seed', async () => {
    const r = await draw([
      'entities.csv',
      '--seed',
      '42',
      '--count',
      '3',
      '--as-of',
      '2026-04-01',
      '--out',
      '-',
    ]);
    expect(r.code).toBe(0);
    const record = JSON.parse(r.stdout) as DrawRecord;
    expect(record.strata[0]?.sampleSize).toBe(3);
    expect(r.stderr).toContain('warning');
    expect(r.stderr).toContain('Drew 3 entities');
  });

  it('draws a progress indicator on stderr only when it is a terminal', async () => {
    const tty = await draw(
      ['entities.csv', '--seed', SEED, '--count', '3', '--as-of', '2026-04-01', '--out', 'p.json'],
      { stderrIsTTY: true },
    );
    expect(tty.stderr).toContain('\r');
    const piped = await draw([
      'entities.csv',
      '--seed',
      SEED,
      '--count',
      '3',
      '--as-of',
      '2026-04-01',
      '--out',
      'p.json',
    ]);
    expect(piped.stderr).toBe('');
  });

  it.each([
    [['entities.csv', '--ratio', '5%'], 2, 'missing_option'],
    [['entities.csv', '--seed', SEED], 2, 'missing_option'],
    [['entities.csv', '--seed', SEED, '--ratio', '150%'], 2, 'bad_ratio'],
    [['entities.csv', '--seed', SEED, '--by', 'grade', '--ratio', '5%'], 2, 'conflicting_options'],
    [['entities.csv', '--seed', SEED, '--ratio', 'D=5%'], 2, 'missing_option'],
    [['entities.csv', '--seed', SEED, '--ratio', '5%', '--count', '3'], 2, 'conflicting_options'],
    [['entities.csv', '--seed', SEED, '--rule-set', 'nope'], 2, 'unknown_rule_set'],
    [['entities.csv', '--seed', SEED, '--ratio', '5%', '--as-of', '2026-02-30'], 2, 'bad_date'],
    [['missing.csv', '--seed', SEED, '--ratio', '5%'], 3, 'file_not_found'],
    [['entities.csv', '--seed', SEED, '--ratio', '5%', '--id-field', 'nope'], 3, 'missing_entity_id'],
  ])('draw %j exits %i (%s)', async (argv, code, errorCode) => {
    const r = await draw([...argv, '--json']);
    expect(r.code).toBe(code);
    expect((JSON.parse(r.stdout) as { error: { code: string } }).error.code).toBe(errorCode);
  });

  it('reports duplicate ids and unreadable records as input errors', async () => {
    tmp.write('dupes.csv', `id,grade\n${entities[0]?.id},A\n${entities[0]?.id},B\n`);
    const dupes = await draw(['dupes.csv', '--seed', SEED, '--ratio', '5%']);
    expect(dupes.code).toBe(3);
    expect(dupes.stderr).toContain('line 3');
    tmp.write('broken.jsonl', '{"id":"a"}\n{oops\n');
    const broken = await draw(['broken.jsonl', '--seed', SEED, '--ratio', '5%']);
    expect(broken.code).toBe(3);
    expect(broken.stderr).toContain('broken.jsonl');
  });

  it.each([
    [['rec.json'], 2],
    [['missing.json', 'entities.csv'], 3],
    [['entities.csv', 'entities.csv'], 3],
  ])('verify %j exits %i', async (argv, code) => {
    await draw([
      'entities.csv',
      '--seed',
      SEED,
      '--ratio',
      '10%',
      '--as-of',
      '2026-04-01',
      '--out',
      'rec.json',
    ]);
    expect((await verify(argv)).code).toBe(code);
  });
});
