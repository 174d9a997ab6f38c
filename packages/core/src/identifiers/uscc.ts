/**
 * 统一社会信用代码 — Unified Social Credit Code (USCC), GB 32100-2015.
 *
 * Eighteen characters from the 31-character alphabet `0123456789ABCDEFGHJKLMNPQRTUWXY` (no I, O, S, V, Z):
 *
 * | positions | part | content |
 * |---|---|---|
 * | 1 | 登记管理部门码 registration authority | `1`–`9`, `A`, `N`, `Y` (GB 32100 Table 1) |
 * | 2 | 机构类别码 organisation type | per authority, e.g. `91` 企业, `92` 个体工商户 |
 * | 3–8 | 登记管理机关行政区划码 region | 6 digits, GB/T 2260 (`100000` = national) |
 * | 9–17 | 主体标识码 organisation code | GB 11714: 8 characters + its own check character |
 * | 18 | 校验码 check character | ISO 7064 MOD 31-3 style: weights `3^(i-1) mod 31`, `c = (31 − Σ mod 31) mod 31` |
 *
 * **Policy (reference data-standards §6.1).** The check character decides validity, with two escape hatches:
 * codes on an allow-list of really issued codes that fail the check ({@link KNOWN_CHECKSUM_EXCEPTIONS}, or
 * your own list) are accepted with a `checksum_allow_listed` warning; and `checksumPolicy: 'warn'` accepts
 * any wrong check character with a `checksum_policy_warn` warning. Everything that is not a hard format rule
 * — an unknown authority/type pair, an unknown region, a failing embedded organisation code — is a warning
 * from {@link check}, never an error. Passing the check does not prove the entity exists.
 *
 * Sources: GB 32100-2015; reference data-standards §6.1 (S13 hutool `CreditCodeUtil`, S15).
 *
 * @example
 * uscc.isValid('91330100799655058B'); // true
 * uscc.calcCheckDigit('91110000710925462'); // 'X'
 * uscc.validate('９１３３０１００７９９６５５０５８Ｂ'); // '91330100799655058B'
 * uscc.decode('91330100799655058B').organisationType?.label; // '企业'
 *
 * @module
 */

import { mod31CheckChar, orgCheckChar, USCC_ALPHABET } from './checksum.js';
import { InvalidFormatError } from './errors.js';
import { compactIdentifier, optionError, optionsObject, preview } from './normalize.js';
import { lookup as lookupRegion, type RegionInfo, regionWarnings } from './region-code.js';
import { errorFromIssue, toIssue } from './result.js';
import type { IdentifierCheckResult, IdentifierIssue } from './types.js';
import { KNOWN_CHECKSUM_EXCEPTIONS, USCC_AUTHORITIES, type UsccAuthorityEntry } from './uscc-tables.js';

export { KNOWN_CHECKSUM_EXCEPTIONS, USCC_ALPHABET, USCC_AUTHORITIES, type UsccAuthorityEntry };

/** Machine name of this identifier module. */
export const name = 'uscc';
/** The standard that defines the code. */
export const standard = 'GB 32100-2015';

/**
 * Options for {@link validate}, {@link isValid} and {@link check}.
 *
 * @example
 * const options: UsccOptions = { checksumPolicy: 'warn', allowList: ['91350211M0000XUF46'] };
 */
export interface UsccOptions {
  /**
   * How a wrong check character counts: `'error'` (default) makes the code invalid; `'warn'` accepts it
   * with a `checksum_policy_warn` warning (for intake of legacy data that will be corrected later).
   */
  readonly checksumPolicy?: 'error' | 'warn';
  /**
   * Codes accepted although their check character is wrong because they were really issued. Defaults to
   * {@link KNOWN_CHECKSUM_EXCEPTIONS}; pass `[]` to accept none.
   */
  readonly allowList?: Iterable<string>;
}

const FORMAT = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const DEFAULT_ALLOW = new Set(KNOWN_CHECKSUM_EXCEPTIONS);

/**
 * Normalises a pasted USCC: full-width → ASCII, a label such as `统一社会信用代码：` removed, spaces and
 * hyphens removed, upper case. Does not validate.
 *
 * @throws {InvalidFormatError} the value is not a string.
 * @example
 * uscc.compact('统一社会信用代码：９１３３ ０１００-７９９６５５０５８ｂ'); // '91330100799655058B'
 */
export function compact(value: unknown): string {
  return compactIdentifier(value, 'USCC');
}

/**
 * The check character for the first 17 characters (an 18th character, if given, is ignored).
 *
 * @throws {InvalidFormatError} fewer than 17 characters or a character outside the 31-character alphabet.
 * @example
 * uscc.calcCheckDigit('91110000710925462'); // 'X'
 */
export function calcCheckDigit(value: string): string {
  const body = compact(value).slice(0, 17);
  const c = body.length === 17 ? mod31CheckChar(body) : undefined;
  if (c === undefined) {
    throw new InvalidFormatError(
      { zh: '前17位应为GB 32100字符集中的字符', en: 'need 17 characters from the GB 32100 alphabet' },
      { details: { identifier: 'uscc', value: preview(body) } },
    );
  }
  return c;
}

function formatIssue(code: string): IdentifierIssue | undefined {
  if (code.length !== 18) {
    return {
      code: 'invalid_length',
      severity: 'error',
      message: { zh: '统一社会信用代码应为18位', en: 'a USCC has 18 characters' },
      details: { identifier: 'uscc', value: preview(code), length: code.length, expected: 18 },
    };
  }
  if (!FORMAT.test(code)) {
    const bad = [...code].findIndex((c, i) =>
      i >= 2 && i < 8 ? !/[0-9]/.test(c) : !USCC_ALPHABET.includes(c),
    );
    return {
      code: 'invalid_format',
      severity: 'error',
      message: {
        zh: '统一社会信用代码含有不允许的字符（第3-8位为数字，其余不含I、O、S、V、Z）',
        en: 'a USCC uses 0-9 and A-Z without I, O, S, V, Z, with digits in positions 3-8',
      },
      details: { identifier: 'uscc', value: code, position: bad + 1, character: code.charAt(bad) },
    };
  }
  return undefined;
}

interface Verdict {
  readonly code: string;
  readonly errors: IdentifierIssue[];
  readonly warnings: IdentifierIssue[];
}

const NO_ISSUES: IdentifierIssue[] = Object.freeze([]) as unknown as IdentifierIssue[];

interface ResolvedOptions {
  readonly warn: boolean;
  readonly allow: ReadonlySet<string>;
}

const DEFAULT_OPTIONS: ResolvedOptions = { warn: false, allow: DEFAULT_ALLOW };
const allowCache = new WeakMap<object, ReadonlySet<string>>();

/** Checks the options (JSON junk included) once; throws {@link InvalidFormatError} at `['options', …]`. */
function resolveOptions(options: unknown): ResolvedOptions {
  if (options === undefined) return DEFAULT_OPTIONS;
  const o = optionsObject(options, 'uscc');
  const policy = o.checksumPolicy;
  if (policy !== undefined && policy !== 'error' && policy !== 'warn') {
    throw optionError('uscc', ['checksumPolicy'], "'error' or 'warn'", policy);
  }
  const list = o.allowList;
  let allow = DEFAULT_ALLOW as ReadonlySet<string>;
  if (list !== undefined) {
    if (
      typeof list !== 'object' ||
      list === null ||
      typeof (list as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function'
    ) {
      throw optionError('uscc', ['allowList'], 'an iterable of strings', list);
    }
    const cached = allowCache.get(list);
    if (cached !== undefined) allow = cached;
    else {
      const set = new Set<string>();
      let i = 0;
      for (const item of list as Iterable<unknown>) {
        if (typeof item !== 'string') throw optionError('uscc', ['allowList', i], 'a string', item);
        set.add(compact(item));
        i++;
      }
      // A list may change between calls: only frozen arrays are cached by identity.
      if (Array.isArray(list) && Object.isFrozen(list)) allowCache.set(list, set);
      allow = set;
    }
  }
  return { warn: policy === 'warn', allow };
}

/** Judges a compact code. Builds plain issue objects only; an Error is made only when one is thrown. */
function evaluate(code: string, options: ResolvedOptions, withWarnings: boolean): Verdict {
  const fmt = formatIssue(code);
  if (fmt) return { code, errors: [fmt], warnings: NO_ISSUES };
  const expected = mod31CheckChar(code)!;
  let errors = NO_ISSUES;
  const warnings: IdentifierIssue[] = [];
  if (expected !== code.charAt(17)) {
    const allow = options.allow;
    const details = { identifier: 'uscc', value: code, expected, actual: code.charAt(17) };
    if (allow.has(code)) {
      warnings.push({
        code: 'checksum_allow_listed',
        severity: 'warning',
        message: {
          zh: `校验码应为 ${expected}，但该代码在已核实的例外名单中，予以接受`,
          en: `check character should be ${expected}; accepted because the code is on the allow-list`,
        },
        details,
      });
    } else if (options.warn) {
      warnings.push({
        code: 'checksum_policy_warn',
        severity: 'warning',
        message: {
          zh: `校验码应为 ${expected}（按警告处理）`,
          en: `check character should be ${expected} (accepted: checksum policy is warn)`,
        },
        details,
      });
    } else {
      errors = [
        {
          code: 'invalid_checksum',
          severity: 'error',
          message: {
            zh: `统一社会信用代码校验码错误，应为 ${expected}`,
            en: `check character should be ${expected}`,
          },
          details,
        },
      ];
    }
  }
  if (!withWarnings) return { code, errors, warnings };
  const component = componentWarnings(code);
  return { code, errors, warnings: warnings.length === 0 ? component : [...warnings, ...component] };
}

const KNOWN_PAIRS: ReadonlySet<string> = new Set(
  USCC_AUTHORITIES.flatMap((a) => a.types.map((t) => a.code + t.code)),
);

function componentWarnings(code: string): IdentifierIssue[] {
  const region = code.slice(2, 8);
  if (
    KNOWN_PAIRS.has(code.slice(0, 2)) &&
    orgCheckChar(code.slice(8, 16)) === code.charAt(16) &&
    (region === '100000' || regionWarnings(region, 'registration region', true).length === 0)
  ) {
    return NO_ISSUES;
  }
  const warnings: IdentifierIssue[] = [];
  const authority = USCC_AUTHORITIES.find((a) => a.code === code.charAt(0));
  if (authority === undefined) {
    warnings.push({
      code: 'unknown_registration_authority',
      severity: 'warning',
      message: {
        zh: `登记管理部门码 ${code.charAt(0)} 不在 GB 32100 表1中`,
        en: `registration authority ${code.charAt(0)} is not in GB 32100 Table 1`,
      },
      details: { position: 1, value: code.charAt(0) },
    });
  } else if (!authority.types.some((t) => t.code === code.charAt(1))) {
    warnings.push({
      code: 'unknown_organisation_type',
      severity: 'warning',
      message: {
        zh: `机构类别码 ${code.slice(0, 2)} 不在 GB 32100 表1中`,
        en: `organisation type ${code.slice(0, 2)} is not in GB 32100 Table 1`,
      },
      details: { position: 2, value: code.slice(0, 2) },
    });
  }
  if (region !== '100000') warnings.push(...regionWarnings(region, 'registration region', true));
  const org = code.slice(8, 17);
  const orgExpected = orgCheckChar(org.slice(0, 8));
  if (orgExpected !== org.charAt(8)) {
    warnings.push({
      code: 'org_code_checksum',
      severity: 'warning',
      message: {
        zh: `内嵌组织机构代码 ${org} 的校验码应为 ${orgExpected}`,
        en: `embedded organisation code ${org} should end in ${orgExpected}`,
      },
      details: { orgCode: org, expected: orgExpected },
    });
  }
  return warnings;
}

/**
 * Checks length, alphabet and check character; returns the compact code. Allow-listed codes pass (see the
 * module policy); with `checksumPolicy: 'warn'` a wrong check character passes too.
 *
 * @throws {InvalidLengthError} not 18 characters. {@link InvalidFormatError}: a forbidden character.
 * {@link InvalidChecksumError}: wrong check character.
 * @example
 * uscc.validate('91330100799655058B'); // '91330100799655058B'
 * uscc.validate('91330100799655058A'); // throws InvalidChecksumError (expected 'B')
 */
export function validate(value: unknown, options: UsccOptions = {}): string {
  const resolved = resolveOptions(options);
  const verdict = evaluate(compact(value), resolved, false);
  const issue = verdict.errors[0];
  if (issue) throw errorFromIssue(issue);
  return verdict.code;
}

/**
 * Whether the value is a valid USCC under the given policy. Never throws, whatever the input.
 *
 * @example
 * uscc.isValid('91330100799655058B'); // true
 * uscc.isValid(undefined); // false
 */
export function isValid(value: unknown, options: UsccOptions = {}): boolean {
  let code: string;
  let resolved: ResolvedOptions;
  try {
    resolved = resolveOptions(options);
    code = compact(value);
  } catch {
    return false;
  }
  return evaluate(code, resolved, false).errors.length === 0;
}

/**
 * The full verdict without throwing: errors that make the code invalid, and warnings that do not (unknown
 * authority/type, unknown region, failing embedded organisation code, accepted checksum failures).
 *
 * @example
 * uscc.check('91350211M0000XUF46').warnings.map((w) => w.code); // ['checksum_allow_listed', …]
 */
export function check(value: unknown, options: UsccOptions = {}): IdentifierCheckResult {
  let code: string;
  let resolved: ResolvedOptions;
  try {
    resolved = resolveOptions(options);
    code = compact(value);
  } catch (error) {
    return { value: undefined, valid: false, errors: [toIssue(error as InvalidFormatError)], warnings: [] };
  }
  const verdict = evaluate(code, resolved, true);
  return {
    value: code,
    valid: verdict.errors.length === 0,
    errors: verdict.errors,
    warnings: verdict.warnings,
  };
}

/**
 * The standard presentation: the 18 characters without separators.
 *
 * @example
 * uscc.format('9133 0100 7996 5505 8b'); // '91330100799655058B'
 */
export function format(value: unknown): string {
  return compact(value);
}

/** A code-table value decoded from a USCC position. */
export interface UsccCodeLabel {
  readonly code: string;
  readonly label: string;
  readonly labelEn: string;
}

/**
 * Everything a USCC says about its holder.
 *
 * @example
 * const d: UsccDecoded = uscc.decode('91330100799655058B');
 * d.region?.prefecture?.name; // '杭州市'
 */
export interface UsccDecoded {
  readonly value: string;
  /** Position 1, GB 32100 Table 1; `undefined` when not in the table. */
  readonly registrationAuthority: UsccCodeLabel | undefined;
  /** Positions 1–2; `undefined` when not in the table. */
  readonly organisationType: UsccCodeLabel | undefined;
  /** Positions 3–8 as written. */
  readonly regionCode: string;
  /** Whether the region is `100000` (registered at national level). */
  readonly national: boolean;
  /** The GB/T 2260 lookup of positions 3–8 (`undefined` for `100000` or an invalid province). */
  readonly region: RegionInfo | undefined;
  /** Positions 9–17: the GB 11714 organisation code. */
  readonly orgCode: string;
  /** Whether the organisation code passes its own GB 11714 check (reported separately; not an error). */
  readonly orgCodeValid: boolean;
  /** Position 18. */
  readonly checkDigit: string;
  /** Whether position 18 matches the computed check character. */
  readonly checksumValid: boolean;
  /** Whether the code is on the default allow-list of really issued codes that fail the check. */
  readonly allowListed: boolean;
}

/**
 * Splits a USCC into its parts and decodes each. Needs a well-formed code (length and alphabet) but decodes
 * codes with a wrong check character too, reporting `checksumValid: false`.
 *
 * @throws {InvalidLengthError} / {@link InvalidFormatError} for malformed input.
 * @example
 * uscc.decode('9144030071526726XG');
 * // { registrationAuthority: { code: '9', label: '工商', … }, organisationType: { code: '91', label: '企业', … },
 * //   regionCode: '440300', region: { name: '深圳市', … }, orgCode: '71526726X', orgCodeValid: true, checksumValid: true, … }
 */
export function decode(value: unknown): UsccDecoded {
  const code = compact(value);
  const fmt = formatIssue(code);
  if (fmt) throw errorFromIssue(fmt);
  const authority = USCC_AUTHORITIES.find((a) => a.code === code.charAt(0));
  const type = authority?.types.find((t) => t.code === code.charAt(1));
  const regionCode = code.slice(2, 8);
  const orgCode = code.slice(8, 17);
  return {
    value: code,
    registrationAuthority: authority && {
      code: authority.code,
      label: authority.label,
      labelEn: authority.labelEn,
    },
    organisationType: type && { code: code.slice(0, 2), label: type.label, labelEn: type.labelEn },
    regionCode,
    national: regionCode === '100000',
    region: regionCode === '100000' ? undefined : lookupRegion(regionCode),
    orgCode,
    orgCodeValid: orgCheckChar(orgCode.slice(0, 8)) === orgCode.charAt(8),
    checkDigit: code.charAt(17),
    checksumValid: mod31CheckChar(code) === code.charAt(17),
    allowListed: DEFAULT_ALLOW.has(code),
  };
}
