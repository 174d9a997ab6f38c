import { describe, it } from 'vitest';
import { editArb, expectClean, fc, fuzz, jsonish, runs, target } from '../../../core/test/fuzz/harness.js';
import {
  checkPublicBundle,
  commitPopulation,
  type DirectoryEntity,
  type DrawRecord,
  defineSamplingRules,
  drawTask,
  publishDraw,
  type SpotCheckTask,
  sampleIds,
  verifyDraw,
} from '../../src/index.js';
import { syntheticEntities } from '../../src/synthetic/index.js';

const entities: DirectoryEntity[] = [...syntheticEntities({ count: 40, seed: 'fuzz' })];
const task: SpotCheckTask = {
  id: 'T-FUZZ',
  department: 'SAMR-330102',
  items: ['SC-001'],
  asOf: '2026-04-01',
  inspectionStart: '2026-04-10',
  inspectionEnd: '2026-05-29',
  strata: [
    { key: 'C', where: { grade: ['C'] }, ratio: 0.5 },
    { key: 'B', where: { grade: ['B'] }, ratio: 0.2, min: 1 },
  ],
};
const record = JSON.parse(
  JSON.stringify(
    drawTask(task, entities, { seed: '20237331128159211123', createdAt: '2026-04-02T09:00:00+08:00' }),
  ),
) as DrawRecord;
const salt = '0123456789abcdef0123';
const bundle = JSON.parse(JSON.stringify(publishDraw(record, entities, { salt }))) as {
  record: DrawRecord;
  population: DirectoryEntity[];
};

/** A guard's catch-all mismatch means an internal throw: count it as an untyped throw, not as a result. */
function noGuard(mismatches: readonly { readonly message: { readonly en: string } }[]): void {
  for (const m of mismatches) {
    if (
      m.message.en === 'the record could not be verified' ||
      m.message.en === 'the bundle could not be checked'
    ) {
      throw new Error(`caught by the last-resort guard: ${JSON.stringify(m)}`);
    }
  }
}

/** One to three JSON edits in a row. */
function edits<T>(value: T): fc.Arbitrary<unknown> {
  return editArb(value).chain(({ edited }) =>
    fc.oneof(
      fc.constant(edited),
      editArb(edited).map((e) => e.edited),
      editArb(edited).chain((e) => editArb(e.edited).map((x) => x.edited)),
    ),
  );
}

describe('fuzz: sampling', () => {
  it('verifyDraw: every JSON edit of a valid record is reported, never thrown', () => {
    const t = target('sampling verifyDraw (record edits)');
    fuzz(t, edits(record), runs(30, 8_000), 'never', (edited) => {
      if (JSON.stringify(edited) === JSON.stringify(record)) return undefined;
      const v = verifyDraw(edited as DrawRecord, entities);
      noGuard(v.mismatches);
      if (v.ok || v.mismatches.length === 0) return 'an edited record verified';
      return undefined;
    });
    expectClean(t);
  });

  it('verifyDraw: junk records and populations give a structured result', () => {
    const t = target('sampling verifyDraw (junk)');
    fuzz(
      t,
      fc.tuple(jsonish, fc.oneof(jsonish, fc.constant(entities))),
      runs(200, 40_000),
      'never',
      ([r, p]) => {
        const v = verifyDraw(r as DrawRecord, p as DirectoryEntity[]);
        noGuard(v.mismatches);
        if (v.ok) return 'junk verified';
        return undefined;
      },
    );
    expectClean(t);
  });

  it('verifyDraw: an edited population is reported', () => {
    const t = target('sampling verifyDraw (population edits)');
    const population = JSON.parse(JSON.stringify(entities)) as unknown;
    fuzz(t, edits(population), runs(30, 8_000), 'never', (edited) => {
      if (JSON.stringify(edited) === JSON.stringify(population)) return undefined;
      const v = verifyDraw(record, edited as DirectoryEntity[]);
      noGuard(v.mismatches);
      // Editing an entity attribute the strata do not use (e.g. its name) changes nothing: only a pass with a
      // changed frame is a silent pass.
      if (v.ok) {
        try {
          const again = commitPopulation(record.task, edited as DirectoryEntity[], record.rules);
          if (again.commitmentDigest !== record.commitment.commitmentDigest)
            return 'a changed frame verified';
        } catch {
          return 'a population that cannot be committed verified';
        }
      }
      return undefined;
    });
    expectClean(t);
  });

  it('checkPublicBundle: edits of the public record or population are reported, never thrown', () => {
    const t = target('sampling checkPublicBundle (bundle edits)');
    fuzz(t, edits(bundle), runs(25, 4_000), 'never', (edited) => {
      if (JSON.stringify(edited) === JSON.stringify(bundle)) return undefined;
      const check = checkPublicBundle(record, entities, edited as typeof bundle, salt);
      noGuard(check.mismatches);
      if (check.ok) {
        const e = edited as typeof bundle;
        if (JSON.stringify(e?.record) !== JSON.stringify(bundle.record))
          return 'an edited public record passed';
      }
      return undefined;
    });
    expectClean(t);
  });

  it('drawTask, commitPopulation, publishDraw, sampleIds, defineSamplingRules: typed errors only', () => {
    const t = target('sampling draw functions (junk)');
    const taskEdits = edits(task);
    fuzz(
      t,
      fc.tuple(fc.oneof(taskEdits, jsonish), fc.oneof(jsonish, fc.constant(entities)), jsonish, jsonish),
      runs(100, 20_000),
      'typed',
      ([tk, pop, seed, opts]) => {
        let error: unknown;
        for (const call of [
          () => drawTask(tk as SpotCheckTask, pop as DirectoryEntity[], { seed: seed as string }),
          () => commitPopulation(tk as SpotCheckTask, pop as DirectoryEntity[]),
          () => sampleIds(pop as string[], opts as never),
          () =>
            sampleIds(['a', 'b', 'c'], {
              seed: seed as string,
              ...(typeof opts === 'object' ? opts : {}),
            } as never),
          () => defineSamplingRules(opts as never),
          () => publishDraw(tk as DrawRecord, entities, opts as never),
        ]) {
          try {
            call();
          } catch (e) {
            if (!(e as { code?: unknown }).code || !(e as { messages?: unknown }).messages) throw e;
            error ??= e;
          }
        }
        if (error) throw error;
        return undefined;
      },
    );
    expectClean(t);
  });
});
