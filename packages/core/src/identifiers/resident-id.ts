/**
 * 公民身份号码 — resident identity card number, GB 11643-1999.
 *
 * Eighteen characters:
 *
 * | positions | part | content |
 * |---|---|---|
 * | 1–6 | 地址码 address | GB/T 2260 region of first registration |
 * | 7–14 | 出生日期码 birth date | `YYYYMMDD`, a real calendar date, not in the future |
 * | 15–17 | 顺序码 sequence | the 17th digit is odd for men, even for women |
 * | 18 | 校验码 check | ISO 7064 MOD 11-2: weights `2^(18-i) mod 11`, `"10X98765432"[Σ mod 11]` |
 *
 * The legacy 15-digit number (GB 11643-1989: address + `YYMMDD` + 3-digit sequence, no check) converts
 * with {@link to18}, which inserts `19` and computes the check; {@link validate} accepts 15 digits only with
 * `allowLegacy: true`. A lower-case `x` is accepted and upper-cased.
 *
 * The first two digits must be a GB/T 2260 province (81/82/83 for the 港澳台居民居住证 only with
 * `residencePermits: true`); a well-formed address code missing from the table is a warning, not an error.
 *
 * Sources: GB 11643-1999; reference data-standards §6.2 (S13 `sndnvaps/CheckID_card`, `jayknoxqu/id-number-util`).
 *
 * @example
 * residentId.isValid('34052419800101001X'); // true
 * residentId.birthDate('34052419800101001X'); // '1980-01-01'
 * residentId.sex('34052419800101001X'); // 'male'
 * residentId.to18('340524800101001'); // '34052419800101001X'
 *
 * @module
 */

import { chinaToday, isValidYmd } from '../calendar/civil-date.js';
import { mod11_2CheckChar } from './checksum.js';
import {
  InvalidChecksumError,
  InvalidComponentError,
  InvalidFormatError,
  InvalidLengthError,
} from './errors.js';
import { compactIdentifier, optionError, optionsObject, preview } from './normalize.js';
import { lookup as lookupRegion, PROVINCE_PREFIXES, type RegionInfo, regionWarnings } from './region-code.js';
import { runCheck } from './result.js';
import type { IdentifierCheckResult, IdentifierIssue } from './types.js';

/** Machine name of this identifier module. */
export const name = 'residentId';
/** The standard that defines the number. */
export const standard = 'GB 11643-1999';

/**
 * Options for {@link validate}, {@link isValid} and {@link check}.
 *
 * @example
 * const options: ResidentIdOptions = { allowLegacy: true, asOf: '2024-01-01' };
 */
export interface ResidentIdOptions {
  /** Accept 15-digit GB 11643-1989 numbers (with a `legacy_15_digit` warning). Default `false`. */
  readonly allowLegacy?: boolean;
  /** Accept the 81/82/83 prefixes of 港澳台居民居住证 (same algorithm). Default `false`. */
  readonly residencePermits?: boolean;
  /** The day "the future" starts after, as `YYYY-MM-DD`; default today in Asia/Shanghai. */
  readonly asOf?: string;
}

const PROVINCES = new Set(PROVINCE_PREFIXES);
const PERMIT_PREFIXES = new Set(['81', '82', '83']);

/**
 * Normalises a pasted number: full-width → ASCII, a label such as `身份证号：` removed, spaces and hyphens
 * removed, `x` → `X`.
 *
 * @example
 * residentId.compact('身份证号: 340524 19800101 001x'); // '34052419800101001X'
 */
export function compact(value: unknown): string {
  return compactIdentifier(value, 'resident ID');
}

/**
 * The MOD 11-2 check character for the first 17 digits.
 *
 * @throws {InvalidFormatError} fewer than 17 digits.
 * @example
 * residentId.calcCheckDigit('34052419800101001'); // 'X'
 */
export function calcCheckDigit(value: string): string {
  const body = compact(value).slice(0, 17);
  const c = body.length === 17 ? mod11_2CheckChar(body) : undefined;
  if (c === undefined) {
    throw new InvalidFormatError(
      { zh: '前17位应为数字', en: 'need 17 digits' },
      { details: { identifier: 'residentId', value: preview(body) } },
    );
  }
  return c;
}

/**
 * Converts a 15-digit GB 11643-1989 number to 18 digits: `19` is inserted before the two-digit year and the
 * check character appended. An 18-digit number is validated and returned as is.
 *
 * @throws {InvalidLengthError} / {@link InvalidFormatError} / {@link InvalidComponentError} for bad input.
 * @example
 * residentId.to18('340524800101001'); // '34052419800101001X'
 */
export function to18(value: unknown): string {
  const code = compact(value);
  if (code.length === 18) return validate(code);
  if (code.length !== 15) throw lengthError(code);
  validateLegacy(code);
  const body = `${code.slice(0, 6)}19${code.slice(6)}`;
  return body + mod11_2CheckChar(body)!;
}

/** Checks the options (JSON junk included); throws {@link InvalidFormatError} at `['options', …]`. */
function resolveOptions(options: unknown): ResidentIdOptions {
  const o = optionsObject(options, 'residentId');
  for (const key of ['allowLegacy', 'residencePermits'] as const) {
    if (o[key] !== undefined && typeof o[key] !== 'boolean') {
      throw optionError('residentId', [key], 'a boolean', o[key]);
    }
  }
  const asOf = o.asOf;
  if (asOf !== undefined) {
    const m = typeof asOf === 'string' ? /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(asOf) : null;
    if (m === null || !isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]))) {
      throw optionError('residentId', ['asOf'], 'a date YYYY-MM-DD', asOf);
    }
  }
  return o as ResidentIdOptions;
}

function lengthError(code: string): InvalidLengthError {
  return new InvalidLengthError(
    { zh: '公民身份号码应为18位（旧号码为15位）', en: 'a resident ID has 18 characters (legacy numbers 15)' },
    { details: { identifier: 'residentId', value: preview(code), length: code.length, expected: 18 } },
  );
}

function checkAddressAndDate(code: string, birth: string, options: ResidentIdOptions): void {
  const province = code.slice(0, 2);
  if (!(PROVINCES.has(province) || (options.residencePermits === true && PERMIT_PREFIXES.has(province)))) {
    throw new InvalidComponentError(
      {
        zh: `地址码的省级代码 ${province} 不存在`,
        en: `address code starts with ${province}, which is not a province`,
      },
      { details: { identifier: 'residentId', component: 'address', value: code.slice(0, 6) } },
    );
  }
  const y = Number(birth.slice(0, 4));
  const m = Number(birth.slice(4, 6));
  const d = Number(birth.slice(6, 8));
  const iso = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;
  if (!isValidYmd(y, m, d) || y < 1850) {
    throw new InvalidComponentError(
      { zh: `出生日期 ${iso} 不是有效日期`, en: `birth date ${iso} is not a real date` },
      { details: { identifier: 'residentId', component: 'birthDate', value: birth } },
    );
  }
  const today = options.asOf ?? chinaToday();
  if (iso > today) {
    throw new InvalidComponentError(
      { zh: `出生日期 ${iso} 晚于今天`, en: `birth date ${iso} is in the future` },
      { details: { identifier: 'residentId', component: 'birthDate', value: birth, asOf: today } },
    );
  }
}

function validateLegacy(code: string, options: ResidentIdOptions = {}): string {
  if (!/^[0-9]{15}$/.test(code)) {
    throw new InvalidFormatError(
      { zh: '15位身份号码只能包含数字', en: 'a 15-digit resident ID contains only digits' },
      { details: { identifier: 'residentId', value: preview(code) } },
    );
  }
  checkAddressAndDate(code, `19${code.slice(6, 12)}`, options);
  return code;
}

function validateCompact(code: string, options: ResidentIdOptions): string {
  if (code.length === 15 && options.allowLegacy === true) return validateLegacy(code, options);
  if (code.length !== 18) throw lengthError(code);
  if (!/^[0-9]{17}[0-9X]$/.test(code)) {
    throw new InvalidFormatError(
      {
        zh: '公民身份号码前17位为数字，末位为数字或X',
        en: 'a resident ID is 17 digits and a check character 0-9 or X',
      },
      { details: { identifier: 'residentId', value: preview(code) } },
    );
  }
  checkAddressAndDate(code, code.slice(6, 14), options);
  const expected = mod11_2CheckChar(code)!;
  if (expected !== code.charAt(17)) {
    throw new InvalidChecksumError(
      { zh: `公民身份号码校验码错误，应为 ${expected}`, en: `check character should be ${expected}` },
      { details: { identifier: 'residentId', value: code, expected, actual: code.charAt(17) } },
    );
  }
  return code;
}

/**
 * Checks length, characters, the province, the birth date (a real date, not in the future) and the check
 * character; returns the compact number.
 *
 * @throws {InvalidLengthError} not 18 characters. {@link InvalidFormatError}: bad characters.
 * {@link InvalidComponentError}: bad province or birth date. {@link InvalidChecksumError}: wrong check.
 * @example
 * residentId.validate('34052419800101001x'); // '34052419800101001X'
 */
export function validate(value: unknown, options: ResidentIdOptions = {}): string {
  const resolved = resolveOptions(options);
  return validateCompact(compact(value), resolved);
}

/**
 * Whether the value is a valid resident ID. Never throws.
 *
 * @example
 * residentId.isValid('34052419800101001X'); // true
 * residentId.isValid({}); // false
 */
export function isValid(value: unknown, options: ResidentIdOptions = {}): boolean {
  return check(value, options).valid;
}

/**
 * Full verdict without throwing; warns on an address code missing from the GB/T 2260 table and on legacy
 * 15-digit numbers.
 *
 * @example
 * residentId.check('110101198001010010'); // { valid: true, errors: [], warnings: [], value: '110101198001010010' }
 */
export function check(value: unknown, options: ResidentIdOptions = {}): IdentifierCheckResult {
  return runCheck(
    value,
    compact,
    (c) => validateCompact(c, resolveOptions(options)),
    (c) => {
      const warnings: IdentifierIssue[] = [];
      if (c.length === 15) {
        warnings.push({
          code: 'legacy_15_digit',
          severity: 'warning',
          message: { zh: '15位旧身份号码，应升位为18位', en: 'legacy 15-digit number; convert with to18()' },
          details: { to18: to18(c) },
        });
      }
      if (!PERMIT_PREFIXES.has(c.slice(0, 2)))
        warnings.push(...regionWarnings(c.slice(0, 6), 'address code', true));
      return warnings;
    },
  );
}

/**
 * The standard presentation: 18 characters, upper-case `X`.
 *
 * @example
 * residentId.format('340524 19800101 001x'); // '34052419800101001X'
 */
export function format(value: unknown): string {
  return compact(value);
}

/**
 * The birth date as `YYYY-MM-DD` (from an 18- or 15-digit number).
 *
 * @example
 * residentId.birthDate('34052419800101001X'); // '1980-01-01'
 */
export function birthDate(value: unknown, options: ResidentIdOptions = {}): string {
  const code = validate(value, { ...resolveOptions(options), allowLegacy: true });
  const b = code.length === 15 ? `19${code.slice(6, 12)}` : code.slice(6, 14);
  return `${b.slice(0, 4)}-${b.slice(4, 6)}-${b.slice(6, 8)}`;
}

/**
 * The holder's sex from the sequence code: odd → `'male'`, even → `'female'` (GB/T 2261.1 codes 1 / 2).
 *
 * @example
 * residentId.sex('34052419800101001X'); // 'male'
 */
export function sex(value: unknown, options: ResidentIdOptions = {}): 'male' | 'female' {
  const code = validate(value, { ...resolveOptions(options), allowLegacy: true });
  const digit = Number(code.charAt(code.length === 15 ? 14 : 16));
  return digit % 2 === 1 ? 'male' : 'female';
}

/**
 * The address code (positions 1–6) looked up in the GB/T 2260 table.
 *
 * @example
 * residentId.region('110101198001010010')?.county?.name; // '东城区'
 */
export function region(value: unknown, options: ResidentIdOptions = {}): RegionInfo | undefined {
  return lookupRegion(validate(value, { ...resolveOptions(options), allowLegacy: true }).slice(0, 6));
}

/**
 * Everything the number says about its holder.
 *
 * @example
 * const d: ResidentIdDecoded = residentId.decode('34052419800101001X');
 */
export interface ResidentIdDecoded {
  readonly value: string;
  readonly addressCode: string;
  readonly region: RegionInfo | undefined;
  readonly birthDate: string;
  readonly sex: 'male' | 'female';
  readonly sequence: string;
  readonly checkDigit: string | undefined;
  readonly legacy: boolean;
}

/**
 * Validates and decodes a number (15-digit legacy numbers included).
 *
 * @example
 * residentId.decode('34052419800101001X');
 * // { value: '34052419800101001X', addressCode: '340524', birthDate: '1980-01-01', sex: 'male', sequence: '001', checkDigit: 'X', legacy: false, region: … }
 */
export function decode(value: unknown, options: ResidentIdOptions = {}): ResidentIdDecoded {
  const code = validate(value, { ...resolveOptions(options), allowLegacy: true });
  const legacy = code.length === 15;
  return {
    value: code,
    addressCode: code.slice(0, 6),
    region: lookupRegion(code.slice(0, 6)),
    birthDate: birthDate(code, options),
    sex: sex(code, options),
    sequence: legacy ? code.slice(12, 15) : code.slice(14, 17),
    checkDigit: legacy ? undefined : code.charAt(17),
    legacy,
  };
}
