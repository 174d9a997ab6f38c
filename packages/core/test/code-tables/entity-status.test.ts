import { describe, expect, it } from 'vitest';
import { getCodeTable, lookupCode } from '../../src/index.js';

describe('entityStatus (登记状态)', () => {
  it.each([
    ['存续', 'active'],
    ['在业', 'active'],
    ['开业', 'active'],
    ['在营', 'active'],
    ['正常', 'active'],
    ['存续（在营、开业、在册）', 'active'],
    ['in business', 'active'],
    ['停业', 'closed'],
    ['清算', 'closed'],
    ['注销', 'deregistered'],
    ['吊销，已注销', 'deregistered'],
    ['吊销', 'revoked'],
    ['吊销，未注销', 'revoked'],
    ['吊销未注销', 'revoked'],
    ['撤销', 'withdrawn'],
    ['迁出', 'moved_out'],
    ['revoked', 'revoked'],
  ])('reads %s as %s', (value, code) => {
    expect(lookupCode('entityStatus', value)?.code).toBe(code);
  });

  it('does not guess an unknown word', () => {
    expect(lookupCode('entityStatus', '待核实')).toBeUndefined();
  });

  it('cites its source and marks it inferred', () => {
    const table = getCodeTable('entityStatus');
    expect(table.source).toMatch(/国家企业信用信息公示系统/);
    expect(table.source).toMatch(/inferred/);
    expect(table.source).toMatch(/2026-12-02/);
  });
});
