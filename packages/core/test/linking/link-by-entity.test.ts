import { linkByEntity } from '@jianguan/core';
import { describe, expect, it } from 'vitest';
import {
  ENTERPRISE,
  ENTERPRISE_2,
  entities,
  inspection,
  others,
  PERSON,
  penalty,
} from '../quality/fixtures.js';

describe('linkByEntity (一码关联)', () => {
  it('groups behaviours, entities, credit records, complaints, clues and drawn objects by USCC', () => {
    const records = [
      penalty(),
      inspection(),
      entities.enterprise,
      others.creditRecord,
      others.complaint,
      others.riskClue,
      others.drawnObject,
      inspection({ recordId: 'x', adminCounterpartCertNo: ENTERPRISE_2, adminCounterpartName: '另一家公司' }),
    ];
    const { entities: chains, unlinked } = linkByEntity(records);
    expect(unlinked).toEqual([]);
    expect(chains.map((c) => [c.id, c.idKind, c.records.length])).toEqual([
      [ENTERPRISE, 'uscc', 7],
      [ENTERPRISE_2, 'uscc', 1],
    ]);
    const chain = chains[0]!;
    expect(chain.names).toEqual(['阿里巴巴（中国）有限公司']);
    // Dated records in date order (the entity by its establishment date), the undated drawn object last.
    expect(chain.records.map((r) => r.index)).toEqual([2, 3, 5, 4, 1, 0, 6]);
    expect(chain.records.map((r) => r.date)).toEqual([
      '2007-03-26',
      '2023-07-01',
      '2024-01-15',
      '2024-02-01',
      '2024-03-05',
      '2024-04-10',
      undefined,
    ]);
  });

  it('normalises pasted identifiers, converts 15-digit IDs and follows the certificate type', () => {
    const fullWidth = '９１３３０１００７９９６５５０５８ｂ';
    const legacy = '340524800101001'; // 15-digit form of 34052419800101001X
    const { entities: chains } = linkByEntity([
      inspection({ adminCounterpartCertNo: `统一社会信用代码：${fullWidth}` }),
      inspection({ adminCounterpartCertNo: '9133 0100 7996 5505 8B' }),
      { ...entities.naturalPerson, idCardNo: legacy },
      inspection({ adminCounterpartCertType: '111', adminCounterpartCertNo: '34052419800101001x' }),
      { ...entities.naturalPerson, objectId: 'p2', idCardNo: PERSON },
    ]);
    expect(chains.map((c) => [c.id, c.idKind, c.records.map((r) => r.index)])).toEqual([
      [ENTERPRISE, 'uscc', [0, 1]],
      ['34052419800101001X', 'residentId', [3, 2]],
      [PERSON, 'residentId', [4]],
    ]);
  });

  it('reports records without a usable identifier', () => {
    const { entities: chains, unlinked } = linkByEntity([
      null,
      others.officer,
      inspection({ adminCounterpartCertNo: '91330100799655058A' }),
      inspection({ adminCounterpartCertType: '111', adminCounterpartCertNo: ENTERPRISE }),
    ]);
    expect(chains).toEqual([]);
    expect(unlinked.map((u) => [u.index, u.reason, u.field])).toEqual([
      [0, 'not_object', undefined],
      [1, 'no_identifier', undefined],
      [2, 'invalid_identifier', 'adminCounterpartCertNo'],
      [3, 'invalid_identifier', 'adminCounterpartCertNo'],
    ]);
  });

  it('never throws and never mutates', () => {
    const frozen = Object.freeze([Object.freeze(inspection()), 42, 'x', Object.freeze({ uscc: {} })]);
    const r = linkByEntity(frozen);
    expect(r.entities).toHaveLength(1);
    expect(r.unlinked.map((u) => u.reason)).toEqual(['not_object', 'not_object', 'no_identifier']);
    expect(linkByEntity(null as never)).toEqual({ entities: [], unlinked: [] });
  });
});
