/*
 * The quality check's view of identifiers and code tables. Everything the rules need from the
 * `identifiers/` and `code-tables/` modules goes through here, so the hot path stays small and fast:
 * canonical, valid values are accepted by a few integer operations plus a cached look-up of their
 * region/authority prefix; only suspicious values pay for the full never-throwing `check` verdict with
 * its bilingual messages.
 */

import { isValidYmd } from '../calendar/civil-date.js';
import { type CodeTableRegistry, codeTables } from '../code-tables/registry.js';
import type { LocalizedMessage } from '../errors/index.js';
import {
  mod11_2CheckChar,
  ORG_WEIGHTS,
  USCC_ALPHABET,
  USCC_VALUES,
  USCC_WEIGHTS,
} from '../identifiers/checksum.js';
import * as regionCode from '../identifiers/region-code.js';
import { regionWarnings } from '../identifiers/region-code.js';
import * as residentId from '../identifiers/resident-id.js';
import type { IdentifierCheckResult } from '../identifiers/types.js';
import * as uscc from '../identifiers/uscc.js';

/** A verdict on one identifier value. */
export interface IdVerdict {
  readonly valid: boolean;
  readonly errors: readonly LocalizedMessage[];
  readonly warnings: readonly LocalizedMessage[];
}

const OK: IdVerdict = { valid: true, errors: [], warnings: [] };
const CACHE_LIMIT = 20_000;

function toVerdict(result: IdentifierCheckResult): IdVerdict {
  if (result.valid && result.warnings.length === 0) return OK;
  return {
    valid: result.valid,
    errors: result.errors.map((e) => e.message),
    warnings: result.warnings.map((w) => w.message),
  };
}

/**
 * Whether the 18 characters of `value` from `at` form a canonical USCC whose GB 32100 check character and
 * embedded GB 11714 organisation-code check both pass; with no allocation and in one pass over the
 * characters. The alphabet values and weights are those of `identifiers/checksum.ts` (`mod31CheckCode`,
 * `orgCheckCode`); test/quality/one-path.test.ts holds the verdicts equal to `uscc.check`'s. Returns the
 * numeric key of positions 1–8 (authority, type, region) for the prefix cache, or -1.
 */
function fastUscc(value: string, at: number): number {
  let sum = 0;
  let prefix = 0;
  for (let i = 0; i < 17; i++) {
    const c = value.charCodeAt(at + i);
    const v = c < 128 ? USCC_VALUES[c]! : -1;
    if (v < 0 || (i >= 2 && i < 8 && v > 9)) return -1;
    sum += v * USCC_WEIGHTS[i]!;
    // Positions 1–2 are base-31 characters, 3–8 digits: the key stays below 2^30 (a small integer).
    if (i < 2) prefix = prefix * 31 + v;
    else if (i < 8) prefix = prefix * 10 + v;
  }
  if (USCC_ALPHABET.charCodeAt((31 - (sum % 31)) % 31) !== value.charCodeAt(at + 17)) return -1;
  let org = 0;
  for (let i = 0; i < 8; i++) {
    const c = value.charCodeAt(at + 8 + i);
    org += (c <= 57 ? c - 48 : c - 55) * ORG_WEIGHTS[i]!; // USCC alphabet: digits and capitals only
  }
  const o = 11 - (org % 11);
  const expected = o === 10 ? 88 /* X */ : o === 11 ? 48 : 48 + o;
  return expected === value.charCodeAt(at + 16) ? prefix : -1;
}

/** Whether a USCC prefix (positions 1–8: authority, type, region) raises no warning; cached per prefix. */
const cleanUsccPrefix = new Map<number, boolean>();

/** Checks a USCC (GB 32100-2015, with the allow-list of really issued exceptions); never throws. */
export function checkUscc(value: string): IdVerdict {
  const prefix = value.length === 18 ? fastUscc(value, 0) : -1;
  if (prefix >= 0) {
    // Both checks pass, so the only possible warnings come from positions 1–8.
    const clean = cleanUsccPrefix.get(prefix);
    if (clean === true) return OK;
    const verdict = toVerdict(uscc.check(value));
    if (cleanUsccPrefix.size >= CACHE_LIMIT) cleanUsccPrefix.clear();
    cleanUsccPrefix.set(prefix, verdict === OK);
    return verdict;
  }
  return toVerdict(uscc.check(value));
}

/** Whether the first 18 characters of `value` are a valid USCC (used by the inspection-list code rule). */
export function isUsccPrefixValid(value: string): boolean {
  if (value.length < 18) return false;
  if (fastUscc(value, 0) >= 0) return true;
  return uscc.check(value.slice(0, 18)).valid;
}

/** Whether a resident ID's address code (positions 1–6) raises no warning; cached per numeric code. */
const cleanAddresses = new Map<number, boolean>();
function cleanAddress(value: string): boolean {
  let key = 0;
  for (let i = 0; i < 6; i++) key = key * 10 + (value.charCodeAt(i) - 48);
  let clean = cleanAddresses.get(key);
  if (clean === undefined) {
    clean = regionWarnings(value.slice(0, 6), 'address code', true).length === 0;
    if (cleanAddresses.size >= CACHE_LIMIT) cleanAddresses.clear();
    cleanAddresses.set(key, clean);
  }
  return clean;
}

/** Checks a resident ID number (GB 11643-1999); never throws. */
export function checkResidentId(value: string, today: string): IdVerdict {
  if (value.length === 18 && fastResidentId(value, today)) {
    const prefix = value.slice(0, 2);
    if (prefix === '81' || prefix === '82' || prefix === '83')
      return toVerdict(residentId.check(value, { asOf: today }));
    return cleanAddress(value) ? OK : toVerdict(residentId.check(value, { asOf: today }));
  }
  return toVerdict(residentId.check(value, { asOf: today }));
}

function fastResidentId(v: string, today: string): boolean {
  for (let i = 0; i < 17; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  if (mod11_2CheckChar(v) !== v.charAt(17)) return false;
  const y =
    (v.charCodeAt(6) - 48) * 1000 +
    (v.charCodeAt(7) - 48) * 100 +
    (v.charCodeAt(8) - 48) * 10 +
    v.charCodeAt(9) -
    48;
  const m = (v.charCodeAt(10) - 48) * 10 + v.charCodeAt(11) - 48;
  const day = (v.charCodeAt(12) - 48) * 10 + v.charCodeAt(13) - 48;
  if (!isValidYmd(y, m, day)) return false;
  const ty =
    (today.charCodeAt(0) - 48) * 1000 +
    (today.charCodeAt(1) - 48) * 100 +
    (today.charCodeAt(2) - 48) * 10 +
    today.charCodeAt(3) -
    48;
  const tmd =
    ((today.charCodeAt(5) - 48) * 10 + today.charCodeAt(6) - 48) * 100 +
    (today.charCodeAt(8) - 48) * 10 +
    today.charCodeAt(9) -
    48;
  return y >= 1850 && (y < ty || (y === ty && m * 100 + day <= tmd));
}

type RegionStatus = 'known' | 'former' | 'unknown' | 'invalid';
const regionStatuses = new Map<number, RegionStatus>();

/**
 * The status of a 6-digit region code (cached by its numeric value): `known` (in the shipped GB/T 2260
 * table), `unknown` (well formed, not in the table: a warning) or `invalid` (no such province / impossible
 * structure). The caller guarantees six ASCII digits.
 */
export function regionStatus(code: string): RegionStatus {
  let key = 0;
  for (let i = 0; i < 6; i++) key = key * 10 + code.charCodeAt(i) - 48;
  let status = regionStatuses.get(key);
  if (status === undefined) {
    const r = regionCode.check(code);
    status = !r.valid
      ? 'invalid'
      : r.warnings.length === 0
        ? 'known'
        : r.warnings[0]?.code === 'former_region'
          ? 'former'
          : 'unknown';
    if (regionStatuses.size >= CACHE_LIMIT) regionStatuses.clear();
    regionStatuses.set(key, status);
  }
  return status;
}

const tableCodes = new WeakMap<CodeTableRegistry, Map<string, ReadonlySet<string> | null>>();

/**
 * The codes of a code table by id in a registry (default: the national tables), or `undefined` when the
 * registry has no such table (membership is then not checked).
 */
export function codeTableCodes(
  id: string,
  registry: CodeTableRegistry = codeTables,
): ReadonlySet<string> | undefined {
  let byId = tableCodes.get(registry);
  if (!byId) {
    byId = new Map();
    tableCodes.set(registry, byId);
  }
  let codes = byId.get(id);
  if (codes === undefined) {
    codes = registry.has(id) ? new Set(registry.get(id).entries.map((e) => e.code)) : null;
    byId.set(id, codes);
  }
  return codes ?? undefined;
}
