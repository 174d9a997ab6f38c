import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, neutraliseFormula, startsFormula } from '../../src/index.js';

describe('CSV writing (shared by every SDK CSV writer)', () => {
  it('neutralises every formula-leading character, ASCII and full-width', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠']) {
      const text = `${lead}HYPERLINK("http://evil","x")`;
      expect(startsFormula(text)).toBe(true);
      expect(neutraliseFormula(text)).toBe(`'${text}`);
      expect(csvCell(text).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(neutraliseFormula('-1+2')).toBe("'-1+2");
    expect(neutraliseFormula('某公司')).toBe('某公司');
    expect(neutraliseFormula("'=x")).toBe("'=x");
  });

  it('keeps numbers numeric, quotes per RFC 4180, and can quote always', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('-a,b')).toBe(`"'-a,b"`);
    expect(csvCell('x', { quote: 'always' })).toBe('"x"');
    expect(csvCell('a\tb', { delimiter: '\t' })).toBe('"a\tb"');
    expect(csvLine(['名称', '=cmd', 2, '＝1'])).toBe("名称,'=cmd,2,'＝1");
  });
});
