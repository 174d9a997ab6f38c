import { describe, expect, it } from 'vitest';
import {
  CatalogError,
  catalogChangelog,
  catalogItemKey,
  claimGapReport,
  confirmMapping,
  diffCatalogs,
  evaluateProposals,
  formatChineseNumber,
  normaliseLawName,
  parseLegalBasis,
  proposeMappings,
} from '../src/index.js';

/** The code and path of the CatalogError `fn` throws (fails the test on any other outcome). */
function caught(fn: () => unknown): [string, readonly (string | number)[]] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    const e = error as CatalogError;
    expect(e.messages.zh).not.toBe('');
    expect(e.messages.en).not.toBe('');
    return [e.code, e.path];
  }
  throw new Error('did not throw');
}

describe('catalog boundary: junk arguments throw CatalogError with the field path', () => {
  it('item helpers, numerals and law names', () => {
    expect(caught(() => catalogItemKey(null as never))).toEqual(['invalid_input', ['item']]);
    expect(caught(() => catalogItemKey({ itemCode: 1 } as never))).toEqual([
      'invalid_input',
      ['item', 'itemCode'],
    ]);
    expect(caught(() => formatChineseNumber(null as never))).toEqual(['invalid_input', ['n']]);
    expect(caught(() => formatChineseNumber(10000))).toEqual(['invalid_input', ['n']]);
    expect(caught(() => normaliseLawName({ toString: 1 } as never))).toEqual(['invalid_input', ['text']]);
    expect(caught(() => parseLegalBasis('食品安全法第1条', { maxRange: 'x' } as never))).toEqual([
      'invalid_options',
      ['options', 'maxRange'],
    ]);
  });

  it('an abbreviation table lookup ignores inherited keys', () => {
    expect(normaliseLawName('constructor')).toBe('constructor');
    expect(normaliseLawName('__proto__')).toBe('__proto__');
  });

  it('catalogs, diffs, claims and proposals', () => {
    expect(caught(() => diffCatalogs(null as never, null as never))).toEqual(['invalid_input', ['before']]);
    const catalog = { id: 'c', version: '1', publishedDate: '2025-01-01', items: [{ itemCode: 5 }] };
    expect(caught(() => diffCatalogs(catalog as never, catalog as never))).toEqual([
      'invalid_input',
      ['before', 'items', 0, 'itemCode'],
    ]);
    expect(caught(() => catalogChangelog({} as never))).toEqual(['invalid_input', ['diff', 'from']]);
    // A frozen value checked once for one shape is still checked for another.
    const frozen = Object.freeze({ id: 'c', version: '1', publishedDate: '2025-01-01', items: [] });
    diffCatalogs(frozen as never, frozen as never);
    expect(caught(() => catalogChangelog(frozen as never))).toEqual(['invalid_input', ['diff', 'from']]);
    expect(caught(() => claimGapReport(null as never))).toEqual(['invalid_input', ['input']]);
    expect(caught(() => proposeMappings([], 'x' as never))).toEqual(['invalid_input', ['provincial']]);
    expect(caught(() => evaluateProposals([], {} as never))).toEqual(['invalid_input', ['truth']]);
    expect(
      caught(() =>
        confirmMapping({ key: 'a', itemCode: 'b', candidates: [] } as never, {} as never, {} as never),
      ),
    ).toEqual(['invalid_input', ['candidate', 'key']]);
  });
});
