import { civilFromDays, daysFromCivil } from '../calendar/civil-date.js';
import { InvalidOptionsError } from '../errors/invalid-options.js';

/**
 * Options of {@link parseDateText}.
 *
 * @example
 * const o: ParseDateTextOptions = { excelSerial: false };
 */
export interface ParseDateTextOptions {
  /** Accept an Excel serial day number (`46000` = 2025-12-09, 1900 date system). Default `true`. */
  readonly excelSerial?: boolean;
}

const SPREADSHEET = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{1,5}(?:\.0+)?$/;
/** Day number of 1899-12-30, day 0 of Excel's 1900 date system for serials ≥ 61. */
const EXCEL_EPOCH = daysFromCivil(1899, 12, 30);

function ymd(y: number, m: number, d: number): string | undefined {
  if (y < 1 || m < 1 || m > 12 || d < 1) return undefined;
  const back = civilFromDays(daysFromCivil(y, m, d));
  if (back.year !== y || back.month !== m || back.day !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Reads a date as people and spreadsheets write it (日期文本解析) — `2026-12-01`, `2026/12/1`, `2026.12.1`,
 * `2026年12月1日`, `20261201`, or an Excel serial day number (`46357`) — and returns the civil date
 * `YYYY-MM-DD`, or `undefined` when the text is not a real calendar day. The one date reader of the CLI and the
 * exchange-row import (`fromExchangeRow(…, { normalizeDates: true })`).
 *
 * Excel serials use the 1900 date system: serial 1 is 1900-01-01, and serial 60 (Excel's non-existent
 * 1900-02-29) is refused.
 *
 * @throws {InvalidOptionsError} when `options` is not an object or `excelSerial` not a boolean.
 * @example
 * parseDateText('2026/12/1'); // '2026-12-01'
 * parseDateText('2025年9月30日'); // '2025-09-30'
 * parseDateText('45930'); // '2025-09-30' (Excel serial)
 * parseDateText('2025-02-29'); // undefined
 */
export function parseDateText(text: string, options: ParseDateTextOptions = {}): string | undefined {
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new InvalidOptionsError(undefined, { en: 'an object', zh: '对象' }, options);
  if (options.excelSerial !== undefined && typeof options.excelSerial !== 'boolean')
    throw new InvalidOptionsError('excelSerial', { en: 'a boolean', zh: '布尔值' }, options.excelSerial);
  if (typeof text !== 'string') return undefined;
  const t = text.trim();
  const m = SPREADSHEET.exec(t) ?? COMPACT.exec(t);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((options.excelSerial ?? true) && SERIAL.test(t)) {
    const serial = Number.parseInt(t, 10);
    if (serial < 1 || serial === 60) return undefined;
    const day = serial < 60 ? EXCEL_EPOCH + serial + 1 : EXCEL_EPOCH + serial;
    const c = civilFromDays(day);
    return ymd(c.year, c.month, c.day);
  }
  return undefined;
}
