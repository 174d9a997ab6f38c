import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  assertPublicBundle,
  buildPublicNotice,
  checkPublicBundle,
  type DirectoryEntity,
  type DrawRecord,
  drawTask,
  publicFrame,
  publishDraw,
  SamplingInputError,
  type SpotCheckTask,
  verifyDraw,
} from '../src/index.js';
import { syntheticEntities } from '../src/synthetic/index.js';

const GRADES = ['A', 'B', 'C', 'D'] as const;

const task: SpotCheckTask = {
  id: '2026-SC-PUB',
  department: 'SAMR-330122',
  items: ['SC-GS'],
  asOf: '2026-04-01',
  strata: [
    { key: 'A', where: { grade: ['A'] }, ratio: 0.03, quiet: true },
    { key: 'B', where: { grade: ['B'] }, ratio: 0.05 },
    { key: 'C', where: { grade: ['C'] }, ratio: 0.3, min: 2 },
    { key: 'D', where: { grade: ['D'] }, keySupervision: true },
  ],
  exclusions: { windowDays: 180, yearlyCap: 2, quietExceptTags: ['complaint'], excludedIds: {} },
};
const directory: DirectoryEntity[] = [...syntheticEntities({ count: 3_000, seed: 'public-bundle' })];
const seed = '20260401093000123456';
const internal = drawTask(task, directory, { seed, createdAt: '2026-04-02T09:00:00+08:00' });
const salt = '0123456789abcdef0123';

/** Every string (value or key) in a JSON text. */
function stringsOf(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      stringsOf(v, out);
    }
  }
  return out;
}

describe('publishDraw', () => {
  const bundle = publishDraw(internal, directory, { salt });

  it('is a valid draw record that verifyDraw accepts unchanged', () => {
    expect(verifyDraw(bundle.record, [...bundle.population])).toEqual({ ok: true, mismatches: [] });
    // and through JSON, as a citizen reads the files
    const record = JSON.parse(JSON.stringify(bundle.record)) as DrawRecord;
    const population = JSON.parse(JSON.stringify(bundle.population)) as DirectoryEntity[];
    expect(verifyDraw(record, population).ok).toBe(true);
  });

  it('has the same seed, picks, tickets and ranks as the internal record', () => {
    expect(bundle.record.seed).toBe(internal.seed);
    const picks = (r: DrawRecord) =>
      r.strata.flatMap((s) => s.picks.map((p) => `${p.id} ${p.ticket} ${p.rank}`)).sort();
    expect(picks(bundle.record)).toEqual(picks(internal));
    expect(picks(bundle.record).length).toBeGreaterThan(0);
  });

  it('contains no grade value, grade key or internal field anywhere', () => {
    const text = JSON.stringify(bundle);
    for (const field of [
      'grade',
      'name',
      'industry',
      'inspections',
      'tags',
      'quiet',
      'ratio',
      'windowDays',
    ]) {
      expect(text).not.toContain(`"${field}"`);
    }
    const strings = stringsOf(JSON.parse(JSON.stringify({ r: bundle.record, p: bundle.population })));
    for (const g of GRADES) expect(strings.has(g)).toBe(false);
    for (const e of bundle.population) expect(Object.keys(e).sort()).toEqual(['attributes', 'id']);
  });

  it('labels strata S1…Sn in frame-digest order, with explicit counts and no exclusions', () => {
    const digests = bundle.record.commitment.strata.map((s) => s.populationDigest);
    expect(digests).toEqual([...digests].sort());
    expect(bundle.record.task.strata.map((s) => s.key)).toEqual(['S1', 'S2', 'S3', 'S4']);
    for (const s of bundle.record.task.strata) {
      expect(Object.keys(s).sort()).toEqual(['count', 'key', 'where']);
      expect(s.where).toEqual({ stratum: [s.key] });
    }
    expect(bundle.record.task.exclusions).toBeUndefined();
    expect(bundle.record.commitment.unmatched).toBe(0);
    // the notice uses the same labels for the same frames
    const notice = buildPublicNotice(internal, []);
    expect(notice.frames.map((f) => [f.label, f.populationDigest])).toEqual(
      bundle.record.commitment.strata.map((s) => [s.key, s.populationDigest]),
    );
  });

  it('the public commitment can be published before the seed (publicFrame)', () => {
    const frame = publicFrame(task, directory);
    expect(frame.commitment).toEqual(bundle.record.commitment);
  });

  it('publicFrame refuses junk options with a typed error', () => {
    expect(() => publicFrame(task, directory, null as never)).toThrow(SamplingInputError);
    expect(() => publicFrame(task, directory, { labels: 'S' } as never)).toThrow(SamplingInputError);
    // An inherited key is no label: the defaults apply.
    const frame = publicFrame(task, directory, { labels: JSON.parse('{"constructor": "x"}') });
    expect(frame.commitment).toEqual(bundle.record.commitment);
  });

  it('is deterministic for a given salt, and the population order does not matter', () => {
    const again = publishDraw(internal, [...directory].reverse(), { salt });
    expect(again.record).toEqual(bundle.record);
    expect(again.population).toEqual(bundle.population);
  });

  it('binds to the internal record with a salted digest an auditor can check', () => {
    expect(bundle.record.derivedFrom?.scheme).toBe('sha256-salted/1');
    expect(JSON.stringify(bundle.record)).not.toContain(internal.recordDigest);
    expect(checkPublicBundle(internal, directory, bundle, salt)).toEqual({ ok: true, mismatches: [] });
    expect(checkPublicBundle(internal, directory, bundle, 'wrong-salt-wrong-salt').mismatches[0]?.code).toBe(
      'binding',
    );
  });

  it('accepts caller labels, refuses duplicates and labels equal to a grade', () => {
    const labels = { A: 'north', B: 'south', C: 'east', D: 'west' };
    const b = publishDraw(internal, directory, { salt, labels });
    expect(b.record.strata.map((s) => s.key).sort()).toEqual(['east', 'north', 'south', 'west']);
    expect(verifyDraw(b.record, [...b.population]).ok).toBe(true);
    expect(() => publishDraw(internal, directory, { labels: { ...labels, B: 'north' } })).toThrow(
      SamplingInputError,
    );
    expect(() => publishDraw(internal, directory, { labels: { ...labels, D: 'D' } })).toThrow(
      /internal data/,
    );
  });

  it('refuses a population the record was not drawn from', () => {
    const changed = directory.map((e, i) => (i === 7 ? { ...e, grade: e.grade === 'D' ? 'C' : 'D' } : e));
    expect(() => publishDraw(internal, changed)).toThrow(SamplingInputError);
  });

  it('never mutates its input', () => {
    const copy = structuredClone(directory);
    const recordCopy = structuredClone(internal);
    publishDraw(internal, directory, { salt });
    expect(directory).toEqual(copy);
    expect(internal).toEqual(recordCopy);
  });
});

describe('checkPublicBundle rejects tampering', () => {
  const bundle = publishDraw(internal, directory, { salt });
  it.each([
    [
      'a swapped pick',
      (r: DrawRecord): DrawRecord => {
        const strata = r.strata.map((s, i) =>
          i === 0 && s.picks.length > 0
            ? { ...s, picks: [{ ...s.picks[0]!, id: 'X' }, ...s.picks.slice(1)] }
            : s,
        );
        return { ...r, strata };
      },
      'public_record',
    ],
    [
      'a forged binding',
      (r: DrawRecord) => ({
        ...r,
        derivedFrom: { scheme: 'sha256-salted/1' as const, binding: '0'.repeat(64) },
      }),
      'public_record',
    ],
  ])('%s', (_, tamper, code) => {
    const result = checkPublicBundle(internal, directory, { ...bundle, record: tamper(bundle.record) }, salt);
    expect(result.ok).toBe(false);
    expect(result.mismatches.map((m) => m.code)).toContain(code);
    expect(verifyDraw(tamper(bundle.record), [...bundle.population]).ok).toBe(false);
  });

  it('never throws on a malformed bundle', () => {
    const broken = { record: { format: 'x' } as unknown as DrawRecord, population: 'nope' as unknown as [] };
    const result = checkPublicBundle(internal, directory, broken, salt);
    expect(result.ok).toBe(false);
    expect(result.mismatches.map((m) => m.code)).toEqual(
      expect.arrayContaining(['public_record', 'binding']),
    );
  });

  it('a bundle of another draw of the same frame does not correspond', () => {
    const other = drawTask(task, directory, { seed: '99999999999999999999' });
    const otherBundle = publishDraw(other, directory, { salt });
    const result = checkPublicBundle(internal, directory, otherBundle, salt);
    expect(result.ok).toBe(false);
    expect(result.mismatches.map((m) => m.code)).toEqual(
      expect.arrayContaining(['binding', 'correspondence']),
    );
  });
});

describe('assertPublicBundle', () => {
  const bundle = publishDraw(internal, directory, { salt });
  const forbidden = new Set<string>(GRADES);
  it('passes the published bundle', () => {
    expect(() => assertPublicBundle(bundle, { forbidden })).not.toThrow();
  });
  it.each([
    ['a grade on an entity', { ...bundle, population: [{ ...bundle.population[0]!, grade: 'A' }] }],
    ['a name on an entity', { ...bundle, population: [{ ...bundle.population[0]!, name: '某某公司' }] }],
    [
      'an extra attribute',
      { ...bundle, population: [{ id: 'x', attributes: { stratum: 'S1', industry: 'food' } }] },
    ],
    ['a grade as a stratum label', { ...bundle, population: [{ id: 'x', attributes: { stratum: 'D' } }] }],
    ['an unknown record field', { ...bundle, record: { ...bundle.record, grades: {} } as DrawRecord }],
  ])('refuses %s', (_, b) => {
    expect(() => assertPublicBundle(b, { forbidden })).toThrow(
      expect.objectContaining({ code: 'internal_field_in_bundle' }),
    );
  });
});

// --- property: the public bundle draws exactly what the internal record drew ---

const entityArb = (i: number) =>
  fc
    .record({
      grade: fc.constantFrom(...GRADES, 'E'),
      status: fc.constantFrom('active', 'active', 'active', 'deregistered'),
      tags: fc.constantFrom([], ['complaint']),
      inspected: fc.constantFrom(undefined, '2026-03-01', '2025-06-01'),
    })
    .map(
      (r): DirectoryEntity => ({
        id: `91${String(i).padStart(6, '0')}`,
        grade: r.grade,
        status: r.status,
        tags: r.tags,
        name: `企业${i}`,
        ...(r.inspected === undefined ? {} : { inspections: [{ date: r.inspected, department: 'X' }] }),
      }),
    );

const populationArb = fc
  .integer({ min: 0, max: 60 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => entityArb(i))))
  .map((a) => a as DirectoryEntity[]);

const stratumArb = (grade: string) =>
  fc.oneof(
    fc
      .record({ ratio: fc.constantFrom(0, 0.03, 0.05, 0.3, 1), min: fc.constantFrom(undefined, 0, 2) })
      .map((r) => ({
        key: grade,
        where: { grade: [grade] },
        ratio: r.ratio,
        ...(r.min === undefined ? {} : { min: r.min }),
      })),
    fc.constant({ key: grade, where: { grade: [grade] }, keySupervision: true }),
    fc.nat(5).map((c) => ({ key: grade, where: { grade: [grade] }, count: c })),
    fc.constant({ key: grade, where: { grade: [grade] }, ratio: 0.1, quiet: true }),
  );

const taskArb = fc
  .tuple(fc.subarray([...GRADES], { minLength: 1 }), fc.boolean(), fc.boolean())
  .chain(([grades, window, cap]) =>
    fc.tuple(...grades.map((g) => stratumArb(g))).map(
      (strata): SpotCheckTask => ({
        id: 'T-PROP',
        department: 'SAMR',
        items: ['SC'],
        asOf: '2026-04-01',
        strata,
        exclusions: {
          ...(window ? { windowDays: 90 } : {}),
          ...(cap ? { yearlyCap: 1 } : {}),
          quietExceptTags: ['complaint'],
          excludedIds: { '91000003': 'under investigation' },
        },
      }),
    ),
  );

describe('public bundle properties', () => {
  test.prop([taskArb, populationArb, fc.stringMatching(/^\d{20}$/)], { numRuns: process.env.CI ? 60 : 20 })(
    'same picks, tickets and ranks per stratum; verifies; no grade; auditor check passes',
    (t, population, s) => {
      const record = drawTask(t, population, { seed: s });
      const bundle = publishDraw(record, population, { salt });
      expect(verifyDraw(bundle.record, [...bundle.population]).ok).toBe(true);
      const frame = publicFrame(t, population);
      for (const st of record.strata) {
        const pub = bundle.record.strata.find((p) => p.key === frame.labels[st.key])!;
        expect(pub.picks).toEqual(st.picks);
        expect(pub.populationSize).toBe(st.populationSize);
      }
      const strings = stringsOf(JSON.parse(JSON.stringify(bundle.record)));
      for (const e of bundle.population) {
        expect(Object.keys(e).sort()).toEqual(['attributes', 'id']);
        strings.add(e.attributes!.stratum!);
      }
      for (const g of [...GRADES, 'E']) expect(strings.has(g)).toBe(false);
      expect(checkPublicBundle(record, population, bundle, salt).ok).toBe(true);
    },
  );
});
