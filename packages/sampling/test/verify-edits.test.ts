import { describe, expect, it } from 'vitest';
import { type DirectoryEntity, type DrawRecord, drawTask, verifyDraw } from '../src/index.js';
import { syntheticEntities } from '../src/synthetic/index.js';

const entities: DirectoryEntity[] = [...syntheticEntities({ count: 60, seed: 'dir' })];
const record = drawTask(
  {
    id: 'T-1',
    department: 'SAMR-330102',
    items: ['SC-001'],
    asOf: '2026-04-01',
    inspectionStart: '2026-04-10',
    inspectionEnd: '2026-05-29',
    strata: [
      { key: 'C', where: { grade: ['C'] }, ratio: 0.5 },
      { key: 'B', where: { grade: ['B'] }, ratio: 0.2, min: 1 },
    ],
  },
  entities,
  { seed: '20237331128159211123', createdAt: '2026-04-02T09:00:00+08:00' },
);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value in a JSON tree. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push(...paths(v, [...prefix, i]));
    });
  } else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function edit(root: Json, path: (string | number)[], replacement: Json | undefined): Json {
  const copy = structuredClone(root);
  if (path.length === 0) return replacement ?? null;
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = replacement;
  return copy;
}

describe('verifyDraw on single JSON edits of a valid record', () => {
  const json = JSON.parse(JSON.stringify(record)) as Json;
  const all = paths(json);

  it('the untouched JSON round trip verifies', () => {
    expect(verifyDraw(json as unknown as DrawRecord, entities)).toEqual({ ok: true, mismatches: [] });
  });

  it('every edit at every path is reported as a structured mismatch, never a throw', () => {
    const replacements: (Json | undefined)[] = [
      undefined,
      null,
      0,
      -1,
      'x',
      '',
      true,
      [],
      {},
      [null],
      { a: 1 },
    ];
    let edits = 0;
    for (const path of all) {
      for (const replacement of replacements) {
        const edited = edit(json, path, replacement);
        if (JSON.stringify(edited) === JSON.stringify(json)) continue;
        edits++;
        let result: ReturnType<typeof verifyDraw> | undefined;
        expect(
          () => {
            result = verifyDraw(edited as unknown as DrawRecord, entities);
          },
          `edit ${JSON.stringify(path)} → ${JSON.stringify(replacement)}`,
        ).not.toThrow();
        expect(result?.ok, `edit ${JSON.stringify(path)} → ${JSON.stringify(replacement)}`).toBe(false);
        expect(result?.mismatches.length).toBeGreaterThan(0);
        for (const m of result?.mismatches ?? []) {
          expect(typeof m.code).toBe('string');
          expect(Array.isArray(m.path)).toBe(true);
          expect(typeof m.message.zh).toBe('string');
          // Found by the shape check or the comparison, not by the last-resort guard.
          expect(m.message.en, JSON.stringify(path)).not.toBe('the record could not be verified');
        }
      }
    }
    expect(edits).toBeGreaterThan(500);
  });

  it('a junk population is a structured mismatch', () => {
    for (const population of [null, 5, 'x', {}, [null], [{}], [{ id: 5 }]]) {
      const v = verifyDraw(record, population as unknown as DirectoryEntity[]);
      expect(v.ok).toBe(false);
    }
  });
});

describe('sampling utilities at the boundary', () => {
  it('nextTicket, trimTicket, ticket and publicNoticeToCsv reject junk with SamplingInputError (no hang, no TypeError)', async () => {
    const { nextTicket, trimTicket, ticket, publicNoticeToCsv, SamplingInputError } = await import(
      '../src/index.js'
    );
    for (const junk of [null, 'x', {}, '1.5', '']) {
      expect(() => nextTicket(junk as never)).toThrow(SamplingInputError);
      expect(() => trimTicket(junk as never, 4)).toThrow(SamplingInputError);
    }
    expect(nextTicket('0.25471') > '0.25471').toBe(true);
    expect(() => ticket({ toString: 1 } as never, 'a')).toThrow(SamplingInputError);
    for (const junk of [null, 'x', {}, { entries: 5 }, { entries: [null] }]) {
      expect(() => publicNoticeToCsv(junk as never)).toThrow(SamplingInputError);
    }
  });
});
