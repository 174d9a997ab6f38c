import { describeValue } from '../errors/describe.js';
import { InvalidArgumentError } from '../errors/invalid-argument.js';

/**
 * Characters that make a spreadsheet (Excel, WPS, LibreOffice) read a cell as a formula or a command
 * (公式注入): `=`, `+`, `-`, `@`, tab, carriage return, line feed, and their full-width forms `＝＋－＠`, which
 * the spreadsheets of a Chinese locale also accept as formula starters.
 */
const FORMULA_LEADING = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Whether a text cell would start a spreadsheet formula (CSV 公式注入风险).
 *
 * @example
 * startsFormula('=HYPERLINK("http://x")'); // true
 * startsFormula('－1'); // true (full-width minus)
 * startsFormula('某公司'); // false
 */
export function startsFormula(text: string): boolean {
  return typeof text === 'string' && FORMULA_LEADING.test(text);
}

/**
 * Neutralises a text cell against CSV/formula injection (OWASP "CSV Injection"): a cell starting with a
 * formula-leading character ({@link startsFormula}) is prefixed with `'`, which spreadsheets show as text.
 * Other text is returned unchanged.
 *
 * @example
 * neutraliseFormula('-2+3'); // "'-2+3"
 * neutraliseFormula('某公司'); // '某公司'
 */
export function neutraliseFormula(text: string): string {
  if (typeof text !== 'string') return csvCell(text);
  return FORMULA_LEADING.test(text) ? `'${text}` : text;
}

/**
 * Options of {@link csvCell}.
 *
 * @example
 * const options: CsvCellOptions = { quote: 'always' };
 */
export interface CsvCellOptions {
  /** `'needed'` (default): quote only cells holding a quote, the delimiter or a line break; `'always'`: quote every cell. */
  readonly quote?: 'needed' | 'always';
  /** The field separator the row uses (default `,`), so a cell holding it is quoted. */
  readonly delimiter?: string;
}

/**
 * One CSV cell as every SDK CSV writer writes it (RFC 4180 quoting, formula-safe): `null`/`undefined` and
 * non-finite numbers are empty; finite numbers, booleans and bigints are written as they are (a negative
 * number stays a number); every other value is turned into text and neutralised with
 * {@link neutraliseFormula}, then quoted when needed (or always).
 *
 * @example
 * csvCell('=1+1'); // "'=1+1"
 * csvCell(-3); // '-3'
 * csvCell('a,"b"'); // '"a,""b"""'
 */
export function csvCell(value: unknown, options: CsvCellOptions = {}): string {
  if (value === null || value === undefined) return options?.quote === 'always' ? '""' : '';
  let text: string;
  if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean' || typeof value === 'bigint') text = String(value);
  else {
    let raw: string;
    try {
      raw = String(value);
    } catch {
      raw = describeValue(value); // an object whose own toString is broken, e.g. JSON {"toString": 1}
    }
    text = neutraliseFormula(raw);
  }
  const delimiter =
    typeof options?.delimiter === 'string' && options.delimiter !== '' ? options.delimiter : ',';
  const mustQuote = options?.quote === 'always' || /["\r\n]/.test(text) || text.includes(delimiter);
  return mustQuote ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One CSV line (without its line break) from cells, with {@link csvCell} for each.
 *
 * @example
 * csvLine(['名称', '=cmd', 2]); // "名称,'=cmd,2"
 */
export function csvLine(values: readonly unknown[], options: CsvCellOptions = {}): string {
  const delimiter =
    typeof options?.delimiter === 'string' && options.delimiter !== '' ? options.delimiter : ',';
  if (!Array.isArray(values)) {
    throw new InvalidArgumentError('values', { en: 'an array of cells', zh: '单元格数组' }, values);
  }
  return Array.from(values, (v) => csvCell(v, options)).join(delimiter);
}
