import { describe, expect, it } from 'vitest';
import { type LabelledRow, LOCAL, UPPER } from '../bench/labelled-set.js';
import {
  CatalogError,
  confirmMapping,
  defineMappingSet,
  evaluateProposals,
  type MatchableItem,
  nameSimilarity,
  proposeMappings,
} from '../src/index.js';

const asItem = (row: LabelledRow, prefix: string): MatchableItem => ({
  itemCode: `${prefix}${row.id.slice(1).padStart(13, '0')}`,
  mainItemName: row.name,
  legalBasis: row.legalBasis,
});
const upper = UPPER.map((r) => asItem(r, '5'));
const local = LOCAL.map((r) => asItem(r, '9'));
const code = (id: string) =>
  (id.startsWith('U')
    ? upper[UPPER.findIndex((r) => r.id === id)]!
    : local[LOCAL.findIndex((r) => r.id === id)]!
  ).itemCode;

describe('nameSimilarity', () => {
  it('ignores generic words and brackets', () => {
    expect(nameSimilarity('营业执照（登记证）规范使用情况的检查', '对营业执照(登记证)的监督检查')).toBe(1);
    expect(nameSimilarity('卷烟抽查', '食盐专营工作检查')).toBe(0);
    expect(nameSimilarity('检查', '监督检查')).toBe(0);
  });
});

describe('proposeMappings on published rows', () => {
  const proposals = proposeMappings(local, upper, { top: 3 });
  const byId = (id: string) => proposals.find((p) => p.itemCode === code(id))!;

  it('ranks the renewed 2023 edition of the same item first, with shared citations as evidence', () => {
    const first = byId('L01').candidates[0]!;
    expect(first.itemCode).toBe(code('U01'));
    expect(first.evidence.sharedCitations).toEqual([
      '外商投资合伙企业登记管理规定#57',
      '外商投资合伙企业登记管理规定#58',
      '个人独资企业法#35',
      '外国企业常驻代表机构登记管理条例#18',
      '外国企业常驻代表机构登记管理条例#19',
      '外国企业常驻代表机构登记管理条例#36.3',
      '外国企业常驻代表机构登记管理条例#38',
      '电子商务法#15',
    ]);
    expect(first.evidence.localOnlyLaws).toContain('企业法人登记管理条例');
    expect(first.evidence.candidateOnlyLaws).toEqual(['市场主体登记管理条例']);
  });

  it('separates two upper rows with the identical basis by name (U03 vs U05)', () => {
    const [a, b] = byId('L11').candidates;
    expect([a?.itemCode, b?.itemCode]).toEqual([code('U05'), code('U03')]);
    expect(a!.score).toBeGreaterThan(b!.score);
    expect(b!.evidence.sharedCitations).toEqual(['安全生产法#62.2']);
  });

  it('matches a re-spelled basis (abbreviation, Arabic numerals, range, no 《》)', () => {
    expect(byId('L12').candidates[0]?.itemCode).toBe(code('U06'));
    expect(byId('L12').candidates[0]?.evidence.citationScore).toBe(1);
  });

  it('proposes nothing for rows without a counterpart in the pool', () => {
    for (const id of ['L02', 'L05', 'L07', 'L08', 'L10']) expect(byId(id).candidates).toEqual([]);
  });

  it('known misses, as the benchmark reports them: a one-article item over-matches; no basis, no match', () => {
    expect(byId('L04').candidates[0]?.itemCode).toBe(code('U01')); // labelled: no counterpart
    expect(byId('L09').candidates).toEqual([]); // labelled: U08
    const truth = new Map(LOCAL.map((r) => [code(r.id), r.truth === null ? null : code(r.truth)] as const));
    const e = evaluateProposals(proposals, truth);
    expect([e.correct, e.proposed, e.positives]).toEqual([5, 6, 6]);
  });

  it('rejects bad options with a typed error', () => {
    for (const options of [{ top: 0 }, { minScore: 2 }, { weights: { citation: -1, law: 1, name: 1 } }]) {
      expect(() => proposeMappings(local, upper, options)).toThrow(CatalogError);
    }
  });
});

describe('confirmed mappings are versioned data', () => {
  const [proposal] = proposeMappings([local[0]!], upper);
  const mapping = confirmMapping(proposal!, proposal!.candidates[0]!, {
    by: '法制科 张三',
    date: '2026-12-02',
  });
  const set = {
    id: 'rc-cq',
    version: '2026.1',
    local: { id: 'rc', version: '2021.1' },
    provincial: { id: 'cq', version: '2023.2' },
    mappings: [mapping],
  };

  it('records who, when and the shared basis', () => {
    expect(mapping).toMatchObject({
      provincialItemCode: code('U01'),
      confirmedBy: '法制科 张三',
      confirmedDate: '2026-12-02',
    });
    expect(mapping.sharedBasis).toContain('电子商务法#15');
    expect(defineMappingSet(set).mappings).toHaveLength(1);
  });

  it('rejects a local item mapped twice, a bad date and an empty confirmer', () => {
    expect(() => defineMappingSet({ ...set, mappings: [mapping, mapping] })).toThrow(/mapped twice/);
    expect(() =>
      defineMappingSet({ ...set, mappings: [{ ...mapping, confirmedDate: '2026-13-01' }] }),
    ).toThrow(CatalogError);
    expect(() =>
      confirmMapping(proposal!, proposal!.candidates[0]!, { by: ' ', date: '2026-12-02' }),
    ).toThrow(CatalogError);
  });
});
