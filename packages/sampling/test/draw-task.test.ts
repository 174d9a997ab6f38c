import { describe, expect, it } from 'vitest';
import {
  commitPopulation,
  commitPopulationStream,
  type DirectoryEntity,
  DrawLog,
  DrawLogError,
  drawTask,
  drawTaskStream,
  ratioCount,
  SamplingInputError,
  type SpotCheckTask,
  sampleIds,
  sampleSizeFor,
  ticket,
  verifyDraw,
} from '../src/index.js';
import { syntheticEntities } from '../src/synthetic/index.js';

const SEED = '20237331128159211123';

function directory(count = 500): DirectoryEntity[] {
  return [...syntheticEntities({ count, seed: 'dir' })];
}

const task: SpotCheckTask = {
  id: 'T-2026-001',
  department: 'SAMR-330102',
  items: ['SC-001'],
  asOf: '2026-04-01',
  inspectionStart: '2026-04-10',
  inspectionEnd: '2026-05-29',
  strata: [
    { key: 'D', where: { grade: ['D'] }, keySupervision: true },
    { key: 'C', where: { grade: ['C'] }, ratio: 0.2 },
    { key: 'B', where: { grade: ['B'] }, ratio: 0.05, min: 3 },
    { key: 'A', where: { grade: ['A'] }, ratio: 0.03, max: 5 },
  ],
};

describe('ratioCount', () => {
  it.each([
    [2000, 0.05, 'ceil', 100],
    [2001, 0.05, 'ceil', 101],
    [2001, 0.05, 'floor', 100],
    [30, 0.05, 'round', 2],
    [29, 0.05, 'round', 1],
    [100, 0.07, 'ceil', 7],
    [0, 0.5, 'ceil', 0],
    [7, 1, 'ceil', 7],
    [3, 1e-7, 'ceil', 1],
  ] as const)('%i × %f (%s) = %i', (n, r, mode, expected) => {
    expect(ratioCount(n, r, mode)).toBe(expected);
  });

  it('rejects bad ratios', () => {
    expect(() => ratioCount(10, 1.5)).toThrow(SamplingInputError);
    expect(() => ratioCount(10, Number.NaN)).toThrow(SamplingInputError);
  });
});

describe('drawTask', () => {
  const entities = directory();
  const record = drawTask(task, entities, { seed: SEED });

  it('draws per stratum the smallest tickets, with the stated sizes', () => {
    for (const [i, spec] of task.strata.entries()) {
      const frame = entities.filter((e) => e.grade === spec.key).map((e) => e.id);
      const result = record.strata[i]!;
      expect(result.populationSize).toBe(frame.length);
      expect(result.sampleSize).toBe(sampleSizeFor(spec, frame.length));
      expect(result.picks.map((p) => p.id)).toEqual(
        sampleIds(frame, { seed: SEED, take: result.sampleSize }).map((p) => p.id),
      );
      for (const p of result.picks) expect(ticket(SEED, p.id).startsWith(p.ticket)).toBe(true);
    }
    const d = record.strata[0]!;
    expect(d.sampleSize).toBe(d.populationSize); // key supervision at 100 %
    expect(record.strata[2]!.sampleSize).toBe(
      Math.max(3, ratioCount(record.strata[2]!.populationSize, 0.05)),
    );
    expect(record.strata[3]!.sampleSize).toBe(5);
  });

  it('does not depend on the directory order and does not mutate it', () => {
    const reversed = [...entities].reverse();
    const copy = structuredClone(reversed);
    expect(drawTask(task, reversed, { seed: SEED })).toEqual(record);
    expect(reversed).toEqual(copy);
  });

  it('checks the commitment published before the seed', () => {
    const commitment = commitPopulation(task, entities);
    expect(commitment.commitmentDigest).toBe(record.commitment.commitmentDigest);
    expect(drawTask(task, entities, { seed: SEED, commitment }).recordDigest).toBe(record.recordDigest);
    const changed = [...entities.slice(1)];
    expect(() => drawTask(task, changed, { seed: SEED, commitment })).toThrow(/commitment/);
  });

  it('applies exclusions: status, named ids, quiet A class, window and yearly cap', () => {
    const people: DirectoryEntity[] = [
      { id: 'a1', grade: 'A' },
      { id: 'a2', grade: 'A', tags: ['complaint'] },
      { id: 'b1', grade: 'B', status: 'deregistered' },
      { id: 'b2', grade: 'B', inspections: [{ date: '2026-03-20', department: 'EPB' }] },
      {
        id: 'b3',
        grade: 'B',
        inspections: [
          { date: '2026-01-05', department: 'EPB' },
          { date: '2025-12-05', department: 'EPB' },
        ],
      },
      { id: 'b4', grade: 'B' },
      { id: 'b5', grade: 'B' },
      { id: 'x1' },
    ];
    const t: SpotCheckTask = {
      ...task,
      strata: [
        { key: 'A', where: { grade: ['A'] }, ratio: 1, quiet: true },
        { key: 'B', where: { grade: ['B'] }, ratio: 1, yearlyCap: 1 },
      ],
      exclusions: { windowDays: 30, quietExceptTags: ['complaint'], excludedIds: { b5: '立案调查中' } },
    };
    const c = commitPopulation(t, people);
    expect(c.strata[0]).toMatchObject({ populationSize: 1, excluded: { quiet: 1 } });
    expect(c.strata[1]).toMatchObject({
      populationSize: 1,
      excluded: { status: 1, window: 1, yearly_cap: 1, excluded_id: 1 },
    });
    expect(c.unmatched).toBe(1);
    const r = drawTask(t, people, { seed: SEED });
    expect(r.strata.map((s) => s.picks.map((p) => p.id))).toEqual([['a2'], ['b4']]);
    // off-site tasks do not apply the quiet policy
    expect(commitPopulation({ ...t, onSite: false }, people).strata[0]!.populationSize).toBe(2);
  });

  it('rejects bad tasks and duplicate ids', () => {
    expect(() => drawTask({ ...task, strata: [] }, entities, { seed: SEED })).toThrow(SamplingInputError);
    expect(() =>
      drawTask({ ...task, strata: [{ key: 'x', where: {}, ratio: 0.1, count: 3 }] }, entities, {
        seed: SEED,
      }),
    ).toThrow(/exactly one/);
    expect(() => drawTask(task, [...entities, entities[0]!], { seed: SEED })).toThrow(/duplicate/);
  });
});

describe('streaming draw', () => {
  it('gives the same record as the in-memory draw, with memory bounded by the sample', async () => {
    const entities = directory(2000);
    const commitment = await commitPopulationStream(task, syntheticEntities({ count: 2000, seed: 'dir' }));
    async function* source() {
      yield* syntheticEntities({ count: 2000, seed: 'dir' });
    }
    const streamed = await drawTaskStream(task, source(), { seed: SEED, commitment });
    expect(streamed).toEqual(drawTask(task, entities, { seed: SEED }));
  });

  it('refuses an unsorted stream and a stream that differs from the commitment', async () => {
    const entities = directory(50);
    const commitment = commitPopulation(task, entities);
    await expect(drawTaskStream(task, [...entities].reverse(), { seed: SEED, commitment })).rejects.toThrow(
      /sorted/,
    );
    await expect(drawTaskStream(task, entities.slice(1), { seed: SEED, commitment })).rejects.toThrow(
      /commitment/,
    );
  });
});

describe('verifyDraw', () => {
  const entities = directory(300);
  const record = drawTask(task, entities, { seed: SEED, createdAt: '2026-04-02T09:00:00+08:00' });

  it('accepts an untouched record', () => {
    expect(verifyDraw(record, entities)).toEqual({ ok: true, mismatches: [] });
    expect(verifyDraw(structuredClone(record), [...entities].reverse()).ok).toBe(true);
  });

  it('rejects a changed seed (and names it)', () => {
    const v = verifyDraw({ ...record, seed: '20237331128159211124' }, entities);
    expect(v.ok).toBe(false);
    expect(v.mismatches.map((m) => m.code)).toContain('record_digest');
    expect(v.mismatches.map((m) => m.code)).toContain('result');
  });

  it('rejects a changed population', () => {
    const changed = entities.map((e, i) => (i === 7 ? { ...e, id: `${e.id}x` } : e));
    const v = verifyDraw(record, changed);
    expect(v.ok).toBe(false);
    expect(v.mismatches.some((m) => m.code === 'population' && m.path.includes('populationDigest'))).toBe(
      true,
    );
  });

  it('rejects a changed result, even with a recomputed record digest', async () => {
    const { canonicalJson } = await import('../src/index.js');
    const { createHash } = await import('node:crypto');
    const strata = record.strata.map((s, i) =>
      i === 1 ? { ...s, picks: [{ ...s.picks[0]!, id: 'E9999999999' }, ...s.picks.slice(1)] } : s,
    );
    const { recordDigest: _d, ...body } = { ...record, strata };
    const forged = {
      ...body,
      recordDigest: createHash('sha256').update(canonicalJson(body)).digest('hex'),
    };
    const v = verifyDraw(forged, entities);
    expect(v.ok).toBe(false);
    expect(v.mismatches).toHaveLength(1);
    expect(v.mismatches[0]).toMatchObject({ code: 'result', path: ['strata', 1, 'picks', 0] });
  });
});

describe('DrawLog (append-only)', () => {
  const entities = directory(100);
  const first = drawTask(task, entities, { seed: SEED });

  it('accepts a first draw, refuses a silent re-roll, accepts a documented redraw', () => {
    const log = new DrawLog();
    log.append(first);
    expect(() => log.append(first)).toThrow(DrawLogError);
    const reroll = drawTask(task, entities, { seed: '99999999999999999999' });
    expect(() => log.append(reroll)).toThrow(/redraw/);
    const sameSeed = drawTask(task, entities, {
      seed: SEED,
      supersedes: { recordDigest: first.recordDigest, reason: '名录错误' },
    });
    expect(() => log.append(sameSeed)).toThrow(/same_seed/);
    expect(() =>
      drawTask(task, entities, { seed: '1', supersedes: { recordDigest: first.recordDigest, reason: ' ' } }),
    ).toThrow(/reason/);
    const redraw = drawTask(task, entities, {
      seed: '99999999999999999999',
      supersedes: { recordDigest: first.recordDigest, reason: '名录数据错误，经批准重新抽取' },
    });
    log.append(redraw);
    expect(log.current(task.id)?.recordDigest).toBe(redraw.recordDigest);
    expect(log.history(task.id).map((h) => h.supersededBy)).toEqual([redraw.recordDigest, undefined]);
    expect(DrawLog.verifyChain(log.entries())).toBeUndefined();
    const tampered = log
      .entries()
      .map((e, i) => (i === 0 ? { ...e, record: { ...e.record, seed: '0' } } : e));
    expect(DrawLog.verifyChain(tampered)).toBe(1);
  });

  it('refuses a record whose digest does not match', () => {
    expect(() => new DrawLog().append({ ...first, seed: 'x' })).toThrow(/digest/);
  });
});

describe('validatePlan', () => {
  it('accepts a plan with single and joint tasks, rejects broken ones', async () => {
    const { validatePlan } = await import('../src/index.js');
    const joint: SpotCheckTask = { ...task, id: 'T-2', department: 'EPB', participants: ['SAMR-330102'] };
    const plan = { id: '2026', department: 'SAMR-330102', year: 2026, tasks: [task, joint] };
    expect(validatePlan(plan)).toBe(plan);
    expect(() => validatePlan({ ...plan, tasks: [task, task] })).toThrow(/duplicate/);
    expect(() => validatePlan({ ...plan, year: 2025 })).toThrow(/plan year/);
    expect(() => validatePlan({ ...plan, tasks: [{ ...joint, participants: ['EPB'] }] })).toThrow(
      /participant|takes no part/,
    );
  });
});
