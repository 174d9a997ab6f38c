/**
 * Check-character algorithms used by the Chinese identifiers.
 *
 * - ISO 7064 MOD 11-2 (GB 11643 resident ID).
 * - ISO 7064 MOD 31-3 over the 31-character GB 32100 alphabet (USCC).
 * - The GB 11714 organisation-code check (weights 3,7,9,10,5,8,4,2; modulus 11).
 *
 * @internal
 */

/** The 31 characters of GB 32100-2015, in value order 0–30 (no I, O, S, V, Z). */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** The GB 32100 weights `3^i mod 31` of positions 1–17. */
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** GB 32100 character values (0–30) by char code below 128; -1 = not in the alphabet. */
export const USCC_VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < USCC_ALPHABET.length; i++) USCC_VALUES[USCC_ALPHABET.charCodeAt(i)] = i;

/**
 * The char code of the GB 32100 check character for the 17 USCC characters of `s` from `at`, or -1 when a
 * character is outside the alphabet. Allocation-free: the quality check's hot path calls it directly.
 */
export function mod31CheckCode(s: string, at = 0): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = s.charCodeAt(at + i);
    // c < 128 also rules out NaN (past the end): no out-of-bounds typed-array read on the hot path.
    const v = c < 128 ? USCC_VALUES[c]! : -1;
    if (v < 0) return -1;
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET.charCodeAt((31 - (sum % 31)) % 31);
}

/** The check character for 17 USCC characters, or `undefined` when a character is outside the alphabet. */
export function mod31CheckChar(body: string): string | undefined {
  const code = mod31CheckCode(body);
  return code < 0 ? undefined : String.fromCharCode(code);
}

/** The GB 11714 weights of the 8 body characters of an organisation code. */
export const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** The GB 11714 value of a character code: `0`–`9` = 0–9, `A`–`Z` = 10–35, else -1. */
function alnumValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return -1;
}

/**
 * The char code of the GB 11714 check character for the 8-character organisation-code body of `s` from
 * `at`, or -1 if malformed. Allocation-free (a USCC carries the code at positions 9–17).
 */
export function orgCheckCode(s: string, at = 0): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = alnumValue(s.charCodeAt(at + i));
    if (v < 0) return -1;
    sum += v * ORG_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 88 /* X */ : c === 11 ? 48 : 48 + c;
}

/** The GB 11714 check character for an 8-character organisation-code body, or `undefined` if malformed. */
export function orgCheckChar(body: string): string | undefined {
  const code = orgCheckCode(body);
  return code < 0 ? undefined : String.fromCharCode(code);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** The ISO 7064 MOD 11-2 check character for 17 digits, or `undefined` if a character is not 0–9. */
export function mod11_2CheckChar(body: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const code = body.charCodeAt(i);
    if (!(code >= 48 && code <= 57)) return undefined;
    sum += (code - 48) * ID_WEIGHTS[i]!;
  }
  return ID_CHECK.charAt(sum % 11);
}
