import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  assignOfficers,
  type DirectoryOfficer,
  drawTask,
  type InspectionVisit,
  type SpotCheckItem,
  visitsFromRecord,
} from '../src/index.js';
import { syntheticEntities, syntheticOfficers } from '../src/synthetic/index.js';

const DEPTS = ['EPB', 'HEALTH', 'SAMR'];
const EXPERTISE = ['drugs', 'equipment', 'food'];
const items: SpotCheckItem[] = [
  { code: 'F', name: 'food', department: 'SAMR', expertise: ['food'] },
  { code: 'E', name: 'equipment', department: 'SAMR', expertise: ['equipment'] },
  { code: 'G', name: 'general', department: 'EPB' },
];

const officerArb = fc.record({
  dept: fc.constantFrom(...DEPTS),
  kind: fc.constantFrom('officer', 'officer', 'officer', 'auxiliary'),
  cert: fc.option(
    fc.record({
      validFrom: fc.constantFrom('2024-01-01', '2026-05-01'),
      validUntil: fc.constantFrom('2026-03-31', '2028-12-31'),
    }),
  ),
  expertise: fc.subarray(EXPERTISE),
  conflicts: fc.subarray(['e1', 'e2', 'e3', 'e4', 'e5']),
  maxVisits: fc.option(fc.integer({ min: 1, max: 4 })),
});

const visitArb = fc.record({
  entity: fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5', 'e6'),
  depts: fc.subarray(DEPTS, { minLength: 1 }),
  items: fc.subarray(['F', 'E', 'G']),
  date: fc.constantFrom('2026-04-10', '2026-06-01'),
});

describe('assignOfficers', () => {
  test.prop([fc.array(officerArb, { maxLength: 25 }), fc.array(visitArb, { maxLength: 12 }), fc.string()], {
    numRuns: process.env.CI ? 200 : 40,
  })('never breaks a rule on random directories', (rawOfficers, rawVisits, seed) => {
    const officers: DirectoryOfficer[] = rawOfficers.map((o, i) => ({
      id: `o${i}`,
      department: o.dept,
      kind: o.kind,
      ...(o.cert === null ? {} : { certificate: { number: `C${i}`, ...o.cert } }),
      expertise: o.expertise,
      conflicts: o.conflicts,
      ...(o.maxVisits === null ? {} : { maxVisits: o.maxVisits }),
    }));
    const visits: InspectionVisit[] = rawVisits.map((v, i) => ({
      visitId: `v${i}`,
      entityId: v.entity,
      departments: v.depts,
      items: v.items,
      date: v.date,
    }));
    const history = { e1: [{ date: '2026-01-01', officerIds: ['o0', 'o1'] }] };
    const result = assignOfficers(visits, officers, { seed, items, rotationRounds: 1, history });
    const byId = new Map(officers.map((o) => [o.id, o]));
    const used = new Map<string, number>();
    expect(result.assignments.length + result.infeasible.length).toBe(visits.length);
    for (const a of result.assignments) {
      const visit = visits.find((v) => v.visitId === a.visitId)!;
      const ids = a.team.map((t) => t.officerId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBeGreaterThanOrEqual(Math.max(2, visit.departments.length));
      for (const dept of visit.departments) expect(a.team.some((t) => t.department === dept)).toBe(true);
      const covered = new Set(a.team.flatMap((t) => byId.get(t.officerId)!.expertise ?? []));
      for (const code of visit.items) {
        for (const e of items.find((it) => it.code === code)?.expertise ?? [])
          expect(covered.has(e)).toBe(true);
      }
      for (const id of ids) {
        const o = byId.get(id)!;
        expect(o.kind).not.toBe('auxiliary');
        expect(o.certificate).toBeDefined();
        expect(o.certificate!.validFrom <= visit.date && visit.date <= o.certificate!.validUntil).toBe(true);
        expect(visit.departments).toContain(o.department);
        expect(o.conflicts ?? []).not.toContain(visit.entityId);
        if (visit.entityId === 'e1') expect(['o0', 'o1']).not.toContain(id);
        used.set(id, (used.get(id) ?? 0) + 1);
      }
    }
    for (const [id, n] of used)
      expect(n).toBeLessThanOrEqual(byId.get(id)!.maxVisits ?? Number.POSITIVE_INFINITY);
    // Same inputs in another order → same result.
    const again = assignOfficers([...visits].reverse(), officers, {
      seed,
      items,
      rotationRounds: 1,
      history,
    });
    expect(again).toEqual(result);
  });

  it('balances the load when everyone is eligible', () => {
    const officers: DirectoryOfficer[] = Array.from({ length: 10 }, (_, i) => ({
      id: `o${i}`,
      department: 'SAMR',
      certificate: { number: `C${i}`, validFrom: '2020-01-01', validUntil: '2030-01-01' },
    }));
    const visits = Array.from({ length: 20 }, (_, i) => ({
      visitId: `v${i}`,
      entityId: `e${i}`,
      departments: ['SAMR'],
      items: [],
      date: '2026-04-10',
    }));
    const r = assignOfficers(visits, officers, { seed: '1' });
    expect(r.infeasible).toEqual([]);
    expect(Object.values(r.load)).toEqual(Array(10).fill(4));
  });

  it('refuses malformed visits, officers and options with typed errors and field paths', () => {
    const officer = {
      id: 'o1',
      department: 'SAMR',
      certificate: { number: 'C1', validFrom: '2020-01-01', validUntil: '2030-01-01' },
    };
    const visit = { visitId: 'v', entityId: 'e', departments: ['SAMR'], items: [], date: '2026-04-10' };
    const path = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as { name: string; path: unknown }).name === 'SamplingInputError'
          ? (error as { path: unknown }).path
          : error;
      }
      return 'no throw';
    };
    expect(
      path(() => assignOfficers([{ ...visit, items: null }] as never, [officer], { seed: '1' })),
    ).toEqual(['visits', 0, 'items']);
    expect(
      path(() => assignOfficers([visit], [{ ...officer, certificate: {} }] as never, { seed: '1' })),
    ).toEqual(['officers', 0, 'certificate', 'number']);
    expect(path(() => assignOfficers([visit], [officer], { seed: '1', history: { e: 5 } } as never))).toEqual(
      ['options', 'history', 'e'],
    );
    // Inherited keys are not history or load entries.
    const r = assignOfficers([{ ...visit, entityId: 'constructor' }], [officer, { ...officer, id: 'o2' }], {
      seed: '1',
      rotationRounds: 1,
      existingLoad: {},
      history: {},
    });
    expect(r.load).toEqual({ o1: 1, o2: 1 });
  });

  it('explains ineligibility and reports infeasible visits instead of breaking a rule', () => {
    const officers: DirectoryOfficer[] = [
      {
        id: 'ok',
        department: 'SAMR',
        certificate: { number: '1', validFrom: '2020-01-01', validUntil: '2030-01-01' },
      },
      { id: 'aux', department: 'SAMR', kind: 'auxiliary' },
      {
        id: 'old',
        department: 'SAMR',
        certificate: { number: '2', validFrom: '2020-01-01', validUntil: '2025-01-01' },
      },
      {
        id: 'kin',
        department: 'SAMR',
        conflicts: ['e1'],
        certificate: { number: '3', validFrom: '2020-01-01', validUntil: '2030-01-01' },
      },
    ];
    const r = assignOfficers(
      [{ visitId: 'v1', entityId: 'e1', departments: ['SAMR'], items: [], date: '2026-04-10' }],
      officers,
      { seed: 's' },
    );
    expect(r.assignments).toEqual([]);
    expect(r.infeasible[0]).toMatchObject({ problem: 'not_enough_officers', missing: { officers: 1 } });
    expect(
      Object.fromEntries(r.infeasible[0]!.ineligible.map((i) => [i.officerId, i.reasons.map((x) => x.code)])),
    ).toEqual({
      aux: ['forbidden_kind', 'no_certificate'],
      old: ['certificate_expired'],
      kin: ['declared_conflict'],
    });
  });

  it('applies avoidance rules given as data', () => {
    const cert = { number: '1', validFrom: '2020-01-01', validUntil: '2030-01-01' };
    const officers: DirectoryOfficer[] = [
      { id: 'a', department: 'S', certificate: cert, attributes: { homeArea: '330102' } },
      { id: 'b', department: 'S', certificate: cert, attributes: { homeArea: '330105' } },
      { id: 'c', department: 'S', certificate: cert, attributes: { homeArea: '330106' } },
    ];
    const r = assignOfficers(
      [
        {
          visitId: 'v',
          entityId: 'e',
          departments: ['S'],
          items: [],
          date: '2026-04-10',
          entity: { areaCode: '330102' },
        },
      ],
      officers,
      {
        seed: 's',
        avoidanceRules: [
          {
            id: 'home-area',
            officerField: 'homeArea',
            entityField: 'areaCode',
            relation: 'equals',
            description: { zh: '居住地回避', en: 'home-area avoidance' },
          },
        ],
      },
    );
    expect(r.assignments[0]!.team.map((t) => t.officerId).sort()).toEqual(['b', 'c']);
    expect(r.assignments[0]!.ineligible).toEqual([
      { officerId: 'a', reasons: [{ code: 'avoidance_rule', ruleId: 'home-area' }] },
    ]);
  });

  it('staffs a real draw from synthetic directories', () => {
    const entities = [...syntheticEntities({ count: 400, seed: 'd' })];
    const record = drawTask(
      {
        id: 'T',
        department: 'SAMR',
        items: ['F'],
        asOf: '2026-04-01',
        inspectionStart: '2026-04-10',
        strata: [{ key: 'all', where: {}, ratio: 0.05 }],
      },
      entities,
      { seed: '123' },
    );
    const officers = syntheticOfficers({
      count: 30,
      seed: 'o',
      departments: ['SAMR'],
      entityIds: entities.map((e) => e.id),
    });
    const r = assignOfficers(visitsFromRecord(record), officers, { seed: record.seed, items });
    expect(r.assignments.length + r.infeasible.length).toBe(20);
    expect(r.assignments.length).toBeGreaterThan(0);
  });
});
