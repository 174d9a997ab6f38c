import { isJianguanError } from '@jianguan/core';
import {
  baselineIndicatorSet,
  deriveIndicatorSet,
  diffIndicatorSets,
  hubeiLikeIndicatorSet,
  type IndicatorSet,
} from '@jianguan/kpi';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const ids = baselineIndicatorSet.indicators.map((i) => i.id);

/** A variant of the baseline with a new id and version, built by `deriveIndicatorSet` (validated). */
const variant = (changes: Omit<Parameters<typeof deriveIndicatorSet>[1], 'id' | 'version'>) =>
  deriveIndicatorSet(baselineIndicatorSet, { id: 'baseline-x', version: '1.1.0', ...changes });

describe('diffIndicatorSets', () => {
  it('reports a changed number field by path, with before and after, as a minor change', () => {
    const zj = variant({
      override: {
        'behaviour-report-timeliness': {
          metric: { type: 'behaviour_report_timeliness', allowedWorkdays: 5 },
        },
      },
    });
    const d = diffIndicatorSets(baselineIndicatorSet, zj);
    expect(d.from).toEqual({ id: 'jianguan-baseline', version: baselineIndicatorSet.version });
    expect(d.to).toEqual({ id: 'baseline-x', version: '1.1.0' });
    expect(d.indicators.added).toEqual([]);
    expect(d.indicators.removed).toEqual([]);
    expect(d.indicators.changed).toEqual([
      {
        indicatorId: 'behaviour-report-timeliness',
        changes: [
          {
            path: ['indicators', 'behaviour-report-timeliness', 'metric', 'allowedWorkdays'],
            before: 2,
            after: 5,
          },
        ],
      },
    ]);
    expect(d.other.map((c) => c.path)).toContainEqual(['id']);
    expect(d.other.map((c) => c.path)).toContainEqual(['extends']);
    expect(d.suggestedBump).toBe('minor');
    expect(d.identical).toBe(false);
  });

  it('finds nothing between a set and a copy of itself, whatever its version', () => {
    const copy = { ...structuredClone(baselineIndicatorSet), version: '9.9.9' } as IndicatorSet;
    const d = diffIndicatorSets(baselineIndicatorSet, copy);
    expect(d.identical).toBe(true);
    expect(d.suggestedBump).toBe('none');
    expect(d.indicators.changed).toEqual([]);
    expect(d.conventions).toEqual([]);
    expect(d.other).toEqual([]);
  });

  it('calls a removed indicator major and an added one minor', () => {
    // Removing `exposure`'s points means moving them elsewhere: points must still add up.
    const moved = baselineIndicatorSet.indicators.find((i) => i.kind !== 'bonus' && i.kind !== 'veto')!;
    const removedId = baselineIndicatorSet.indicators.find(
      (i) => i.kind !== 'bonus' && i.kind !== 'veto' && i.id !== moved.id,
    )!;
    const without = variant({
      remove: [removedId.id],
      override: { [moved.id]: { points: moved.points + removedId.points } },
    });
    const d = diffIndicatorSets(baselineIndicatorSet, without);
    expect(d.indicators.removed).toEqual([removedId.id]);
    expect(d.indicators.changed.map((c) => c.indicatorId)).toEqual([moved.id]);
    expect(d.suggestedBump).toBe('major');

    const back = diffIndicatorSets(without, baselineIndicatorSet);
    expect(back.indicators.added).toEqual([removedId.id]);
    expect(back.indicators.removed).toEqual([]);
    expect(back.suggestedBump).toBe('minor');
  });

  it('calls a redefined indicator (another metric type) major and reports the whole metric', () => {
    const redefined = variant({
      override: {
        'behaviour-report-timeliness': { metric: { type: 'behaviour_fix_timeliness', allowedWorkdays: 2 } },
      },
    });
    const r = diffIndicatorSets(baselineIndicatorSet, redefined);
    expect(r.indicators.changed[0]?.changes).toEqual([
      {
        path: ['indicators', 'behaviour-report-timeliness', 'metric'],
        before: { type: 'behaviour_report_timeliness', allowedWorkdays: 2 },
        after: { type: 'behaviour_fix_timeliness', allowedWorkdays: 2 },
      },
    ]);
    expect(r.suggestedBump).toBe('major');
  });

  it.each([
    ['passMark', { passMark: 70 }, 'major'],
    ['decimals', { decimals: 1 }, 'minor'],
  ] as const)('a conventions change of %s is %s', (_name, conventions, bump) => {
    const d = diffIndicatorSets(baselineIndicatorSet, variant({ conventions }));
    expect(d.conventions).toHaveLength(1);
    expect(d.suggestedBump).toBe(bump);
  });

  it('calls wording, sources and order changes a patch', () => {
    const first = baselineIndicatorSet.indicators[0]!;
    const reworded = variant({
      override: {
        [first.id]: {
          name: { zh: `${first.name.zh}（修订）`, en: `${first.name.en} (revised)` },
          source: [{ ref: 'a provincial notice (example)', status: 'inferred' }],
        },
      },
    });
    const d = diffIndicatorSets(baselineIndicatorSet, reworded);
    expect(d.indicators.changed.map((c) => c.indicatorId)).toEqual([first.id]);
    expect(d.suggestedBump).toBe('patch');

    const reordered = {
      ...structuredClone(baselineIndicatorSet),
      indicators: [...structuredClone(baselineIndicatorSet.indicators)].reverse(),
    } as IndicatorSet;
    const o = diffIndicatorSets(baselineIndicatorSet, reordered);
    expect(o.indicators.moved.length).toBeGreaterThan(0);
    expect(o.indicators.changed).toEqual([]);
    expect(o.suggestedBump).toBe('patch');
  });

  it('refuses an invalid set with a KpiError and never mutates its inputs', () => {
    const before = JSON.stringify(baselineIndicatorSet);
    const error = (() => {
      try {
        diffIndicatorSets(baselineIndicatorSet, { id: 'x' } as unknown as IndicatorSet);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isJianguanError(error) && error.code).toBe('invalid_indicator_set');
    diffIndicatorSets(baselineIndicatorSet, hubeiLikeIndicatorSet);
    expect(JSON.stringify(baselineIndicatorSet)).toBe(before);
  });

  it('is antisymmetric: a → b adds what b → a removes, and changes swap before and after', () => {
    fc.assert(
      fc.property(
        fc.subarray(ids, { minLength: 0, maxLength: 4 }),
        fc.integer({ min: 0, max: 10 }),
        (touched, workdays) => {
          const override = Object.fromEntries(
            touched.map((id) => [id, { description: { zh: `修订 ${workdays}`, en: `revised ${workdays}` } }]),
          );
          const b = variant({
            override: {
              ...override,
              'clue-feedback-timeliness': {
                metric: { type: 'clue_feedback_timeliness', allowedWorkdays: workdays },
              },
            },
          });
          const ab = diffIndicatorSets(baselineIndicatorSet, b);
          const ba = diffIndicatorSets(b, baselineIndicatorSet);
          expect(ab.indicators.added).toEqual(ba.indicators.removed);
          expect(ab.indicators.changed.map((c) => c.indicatorId).sort()).toEqual(
            ba.indicators.changed.map((c) => c.indicatorId).sort(),
          );
          const flip = ba.indicators.changed
            .flatMap((c) => c.changes)
            .map((c) => ({ path: c.path, before: c.after, after: c.before }));
          expect(ab.indicators.changed.flatMap((c) => c.changes)).toEqual(expect.arrayContaining(flip));
          expect(ab.suggestedBump).toBe(ba.suggestedBump);
        },
      ),
      { numRuns: 40 },
    );
  });
});
