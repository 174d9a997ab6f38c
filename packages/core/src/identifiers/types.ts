import type { LocalizedMessage } from '../errors/jianguan-error.js';
import type { IdentifierErrorCode } from './errors.js';

/** How serious an identifier finding is: an `error` makes the value invalid, a `warning` does not. */
export type IdentifierSeverity = 'error' | 'warning';

/**
 * One finding about an identifier (校验结论): an error (the same code as the error `validate` throws) or a
 * warning such as an unknown region code or an allow-listed checksum failure.
 *
 * @example
 * const issue: IdentifierIssue = {
 *   code: 'unknown_region',
 *   severity: 'warning',
 *   message: { zh: '行政区划代码不在代码表中', en: 'region code not in the table' },
 * };
 */
export interface IdentifierIssue {
  /** An {@link IdentifierErrorCode} for errors, or a snake_case warning code such as `unknown_region`. */
  readonly code: IdentifierErrorCode | IdentifierWarningCode;
  readonly severity: IdentifierSeverity;
  readonly message: LocalizedMessage;
  /** Extra facts: the expected check character, the offending component, … */
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * Warning codes reported by the `check` functions. They never make a value invalid.
 *
 * - `unknown_region`: the region code is well formed but not in the shipped GB/T 2260 table.
 * - `former_region`: the region code is a former GB/T 2260 code, no longer in force (regionCode.check only).
 * - `unknown_registration_authority` / `unknown_organisation_type`: USCC positions 1–2 not in GB 32100 Table 1.
 * - `org_code_checksum`: the organisation code inside a USCC fails its own GB 11714 check.
 * - `checksum_allow_listed`: a wrong USCC check character accepted because the code is on the allow-list.
 * - `checksum_policy_warn`: a wrong check character accepted because the caller chose `checksumPolicy: 'warn'`.
 * - `legacy_15_digit`: a 15-digit resident ID (GB 11643-1989) accepted with `allowLegacy`.
 *
 * @example
 * const code: IdentifierWarningCode = 'unknown_region';
 */
export type IdentifierWarningCode =
  | 'unknown_region'
  | 'former_region'
  | 'unknown_registration_authority'
  | 'unknown_organisation_type'
  | 'org_code_checksum'
  | 'checksum_allow_listed'
  | 'checksum_policy_warn'
  | 'legacy_15_digit';

/**
 * The never-throwing verdict of a `check` function: the compact value, whether it is valid, and every
 * error and warning found.
 *
 * @example
 * const result = uscc.check('91350211M0000XUF46');
 * // { value: '91350211M0000XUF46', valid: true, errors: [], warnings: [{ code: 'checksum_allow_listed', … }] }
 */
export interface IdentifierCheckResult {
  /** The compact form of the input, or `undefined` when the input was not a string. */
  readonly value: string | undefined;
  readonly valid: boolean;
  readonly errors: readonly IdentifierIssue[];
  readonly warnings: readonly IdentifierIssue[];
}

/**
 * The shape every identifier namespace has (python-stdnum's `NumberValidationModule`): `compact`,
 * `validate` (throws), `isValid` (never throws), `format`, `check` (never throws, with warnings), and
 * `calcCheckDigit` where the standard defines a check character.
 *
 * @example
 * const modules: IdentifierModule[] = [uscc, orgCode, residentId, regionCode];
 * modules.map((m) => m.isValid('91330100799655058B'));
 */
export interface IdentifierModule {
  /** Short machine name, e.g. `uscc`. */
  readonly name: string;
  /** The standard that defines the identifier, e.g. `GB 32100-2015`. */
  readonly standard: string;
  compact(value: unknown): string;
  validate(value: unknown): string;
  isValid(value: unknown): boolean;
  format(value: unknown): string;
  check(value: unknown): IdentifierCheckResult;
  calcCheckDigit?(value: string): string;
}
