/**
 * 组织机构代码 — organisation code, GB 11714-1997.
 *
 * Nine characters: an 8-character body (本体代码, digits and upper-case letters) and a check character
 * (校验码, `0`–`9` or `X`). Printed as `XXXXXXXX-X`. Since 2015 the code lives on as positions 9–17 of the
 * 统一社会信用代码 (see `uscc`), where the body uses the 31-character GB 32100 alphabet.
 *
 * Check character: values `0`–`9` = 0–9, `A`–`Z` = 10–35; weights `3,7,9,10,5,8,4,2`;
 * `c = 11 − (Σ vᵢ·wᵢ mod 11)`; 10 → `X`, 11 → `0`.
 *
 * Sources: GB 11714-1997 §5; reference data-standards §6.3 (hutool `CreditCodeUtil`, HAODA `checkOrganization`).
 *
 * @example
 * orgCode.validate('79965505-8'); // '799655058'
 * orgCode.format('799655058'); // '79965505-8'
 * orgCode.calcCheckDigit('71526726'); // 'X'
 *
 * @module
 */

import { orgCheckChar } from './checksum.js';
import { InvalidChecksumError, InvalidFormatError, InvalidLengthError } from './errors.js';
import { compactIdentifier, preview } from './normalize.js';
import { runCheck } from './result.js';
import type { IdentifierCheckResult } from './types.js';

/** Machine name of this identifier module. */
export const name = 'orgCode';
/** The standard that defines the code. */
export const standard = 'GB 11714-1997';

/**
 * Normalises a pasted organisation code: full-width → ASCII, label, spaces and the hyphen removed, upper case.
 *
 * @example
 * orgCode.compact('组织机构代码：７９９６５５０５－８'); // '799655058'
 */
export function compact(value: unknown): string {
  return compactIdentifier(value, 'organisation code');
}

/**
 * The check character for an 8-character body (a 9-character code's last character is ignored).
 *
 * @throws {InvalidFormatError} the body is not 8 characters of `0-9A-Z`.
 * @example
 * orgCode.calcCheckDigit('79965505'); // '8'
 */
export function calcCheckDigit(value: string): string {
  const body = compact(value).slice(0, 8);
  const c = body.length === 8 ? orgCheckChar(body) : undefined;
  if (c === undefined) {
    throw new InvalidFormatError(
      { zh: '组织机构代码本体应为8位数字或大写字母', en: 'the body is 8 characters of 0-9 and A-Z' },
      { details: { identifier: 'orgCode', value: preview(body) } },
    );
  }
  return c;
}

function validateCompact(code: string): string {
  if (code.length !== 9) {
    throw new InvalidLengthError(
      { zh: '组织机构代码应为9位', en: 'an organisation code has 9 characters' },
      { details: { identifier: 'orgCode', value: preview(code), length: code.length, expected: 9 } },
    );
  }
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(code)) {
    throw new InvalidFormatError(
      {
        zh: '组织机构代码本体应为数字或大写字母，校验码为数字或X',
        en: 'an organisation code is 8 characters of 0-9/A-Z and a check character 0-9 or X',
      },
      { details: { identifier: 'orgCode', value: preview(code) } },
    );
  }
  const expected = orgCheckChar(code.slice(0, 8));
  if (expected !== code.charAt(8)) {
    throw new InvalidChecksumError(
      { zh: `组织机构代码校验码错误，应为 ${expected}`, en: `check character should be ${expected}` },
      { details: { identifier: 'orgCode', value: code, expected, actual: code.charAt(8) } },
    );
  }
  return code;
}

/**
 * Checks length, characters and the check character; returns the compact code.
 *
 * @throws {InvalidLengthError} not 9 characters. {@link InvalidFormatError}: bad characters.
 * {@link InvalidChecksumError}: wrong check character.
 * @example
 * orgCode.validate('71526726-X'); // '71526726X'
 */
export function validate(value: unknown): string {
  return validateCompact(compact(value));
}

/**
 * Whether the value is a valid organisation code. Never throws.
 *
 * @example
 * orgCode.isValid('79965505-8'); // true
 * orgCode.isValid(null); // false
 */
export function isValid(value: unknown): boolean {
  return check(value).valid;
}

/**
 * Full verdict without throwing.
 *
 * @example
 * orgCode.check('79965505-9').errors[0]?.code; // 'invalid_checksum'
 */
export function check(value: unknown): IdentifierCheckResult {
  return runCheck(value, compact, validateCompact);
}

/**
 * The printed form `XXXXXXXX-X` (the compact form when it is not 9 characters).
 *
 * @example
 * orgCode.format('799655058'); // '79965505-8'
 */
export function format(value: unknown): string {
  const code = compact(value);
  return code.length === 9 ? `${code.slice(0, 8)}-${code.charAt(8)}` : code;
}
