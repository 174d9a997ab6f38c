/**
 * 行政区划代码 — administrative division code, GB/T 2260.
 *
 * Six digits, three levels of two digits each:
 *
 * | positions | level | values |
 * |---|---|---|
 * | 1–2 | province 省级 | 11 北京 … 65 新疆, 71 台湾, 81 香港, 82 澳门 |
 * | 3–4 | prefecture 地级 | 01–20, 51–70 市; 21–50 地区/州/盟; 90 省直辖县级行政区划 |
 * | 5–6 | county 县级 | 01–20 市辖区; 21–80 县/旗; 81–99 县级市 |
 *
 * `XX0000` is a province, `XXXX00` a prefecture. Feeds also carry 9-digit (+ township, GB/T 10114) and
 * 12-digit (+ village) forms; {@link parse} accepts those and reports the 6-digit part.
 *
 * Codes change every year, so a well-formed code that is not in the shipped table is a **warning**
 * (`unknown_region` from {@link check}), never an error. Only the structure and the province are errors.
 * The shipped table is versioned ({@link REGION_TABLE_VERSION}) and lists every current code down to the
 * county level; it also knows the **former** codes (no longer in force, e.g. 110228 密云县 before it became
 * 110118 密云区): {@link check} warns `former_region` for those, while the address code of a resident ID and
 * the region of a USCC accept them (those numbers keep the code they were issued with). See the data
 * file's header for sources.
 *
 * Standard: GB/T 2260-2007 《中华人民共和国行政区划代码》; 民政部 yearly code list.
 *
 * @example
 * regionCode.validate('330100'); // '330100'
 * regionCode.lookup('330106')?.name; // '西湖区'
 * regionCode.check('330199').warnings[0]?.code; // 'unknown_region'
 *
 * @module
 */

// The table itself comes through `#region-source`: imported statically under Node.js, loaded on demand
// (`loadTable()`) in browser builds, so that `uscc.isValid` alone bundles small.
import { loadRegionSource, regionSource } from '#region-source';
import { REGION_TABLE_SOURCE, REGION_TABLE_VERSION } from './data/gb2260.js';
import { InvalidComponentError, InvalidFormatError, InvalidLengthError } from './errors.js';
import { compactIdentifier, preview } from './normalize.js';
import { toIssue } from './result.js';
import type { IdentifierCheckResult, IdentifierIssue } from './types.js';

export { REGION_TABLE_SOURCE, REGION_TABLE_VERSION };

/** Machine name of this identifier module. */
export const name = 'regionCode';
/** The standard that defines the code. */
export const standard = 'GB/T 2260-2007';

/** The level a 6-digit region code denotes. */
export type RegionLevel = 'province' | 'prefecture' | 'county';

/** A region code with its name, as found in the table. */
export interface RegionUnit {
  readonly code: string;
  readonly name: string;
}

/**
 * What a 6-digit region code denotes: its level, the names of each level found in the table, and whether
 * the code itself is a current code (`'known'`), a former code no longer in force (`'former'`, with its last
 * name), or missing (`'unknown'`). `'not_covered'` (a county of a prefecture whose counties the table does
 * not list) is no longer produced since the table lists every county; it stays in the type for
 * compatibility.
 */
export interface RegionInfo {
  /** The 6-digit code. */
  readonly code: string;
  readonly level: RegionLevel;
  /** The name of the code itself, when known. */
  readonly name: string | undefined;
  readonly province: RegionUnit | undefined;
  readonly prefecture: RegionUnit | undefined;
  readonly county: RegionUnit | undefined;
  readonly status: 'known' | 'former' | 'unknown' | 'not_covered';
  /** The table version the lookup used. */
  readonly tableVersion: string;
}

/** The province-level prefixes of GB/T 2260 (a closed list: anything else is an error). */
export const PROVINCE_PREFIXES: readonly string[] = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
];
const PROVINCES = new Set(PROVINCE_PREFIXES);
let complete: ReadonlySet<string> | undefined;
const EMPTY_TABLE: ReadonlyMap<string, string> = new Map();

function parseTable(data: string): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const line of data.split('\n')) {
    const space = line.indexOf(' ');
    if (space === 6) map.set(line.slice(0, 6), line.slice(7).trim());
  }
  return map;
}

let table: ReadonlyMap<string, string> | undefined;
function regionTable(): ReadonlyMap<string, string> {
  if (table === undefined) {
    const source = regionSource();
    if (source === undefined) return EMPTY_TABLE;
    table = parseTable(source.current);
  }
  return table;
}

let formerTable: ReadonlyMap<string, string> | undefined;
function formerRegionTable(): ReadonlyMap<string, string> {
  if (formerTable === undefined) {
    const source = regionSource();
    if (source === undefined) return EMPTY_TABLE;
    formerTable = parseTable(source.former);
  }
  return formerTable;
}

function completePrefectures(): ReadonlySet<string> {
  complete ??= new Set(regionSource()?.completePrefectures);
  return complete;
}

/**
 * Whether the GB/T 2260 table is available for lookups. Always `true` under Node.js; in a browser build the
 * table (~100 KB) is loaded only by {@link loadTable}, and until then {@link lookup} reports
 * `status: 'unknown'` with `tableVersion: 'not-loaded'` and the region checks of `regionCode`, `uscc` and
 * `residentId` warn that the region was not checked.
 *
 * @example
 * regionCode.isTableLoaded(); // true (Node.js)
 */
export function isTableLoaded(): boolean {
  return regionSource() !== undefined;
}

/**
 * Loads the GB/T 2260 table if it is not loaded yet (a no-op under Node.js, where it always is). In a browser
 * build, call it once before relying on region names or unknown-region warnings.
 *
 * @example
 * await regionCode.loadTable();
 * regionCode.lookup('330106')?.name; // '西湖区'
 */
export async function loadTable(): Promise<void> {
  await loadRegionSource();
  complete = undefined;
}

/**
 * Every former code the table knows (no longer in force), with its last name, in code order.
 *
 * @example
 * regionCode.formerEntries().find((r) => r.code === '110228')?.name; // '密云县'
 */
export function formerEntries(): readonly RegionUnit[] {
  return [...formerRegionTable()].map(([code, n]) => ({ code, name: n }));
}

/**
 * Every current entry of the shipped table, in code order.
 *
 * @example
 * regionCode.entries().find((r) => r.code === '110000')?.name; // '北京市'
 */
export function entries(): readonly RegionUnit[] {
  return [...regionTable()].map(([code, n]) => ({ code, name: n }));
}

/**
 * Normalises a pasted region code: full-width digits, spaces, hyphens and a leading label are removed.
 *
 * @example
 * regionCode.compact('区划代码：３３０１００'); // '330100'
 */
export function compact(value: unknown): string {
  return compactIdentifier(value, 'region code');
}

function structuralErrors(code: string): InvalidFormatError | undefined {
  if (code.length !== 6) {
    return new InvalidLengthError(
      { zh: '行政区划代码应为6位数字', en: 'a region code has 6 digits' },
      { details: { identifier: 'regionCode', value: preview(code), length: code.length, expected: 6 } },
    );
  }
  if (!/^[0-9]{6}$/.test(code)) {
    return new InvalidFormatError(
      { zh: '行政区划代码只能包含数字', en: 'a region code contains only digits 0-9' },
      { details: { identifier: 'regionCode', value: preview(code) } },
    );
  }
  if (!PROVINCES.has(code.slice(0, 2))) {
    return new InvalidComponentError(
      { zh: '省级代码不存在', en: `"${code.slice(0, 2)}" is not a province code` },
      { details: { identifier: 'regionCode', component: 'province', value: code.slice(0, 2) } },
    );
  }
  if (code.slice(2, 4) === '00' && code.slice(4) !== '00') {
    return new InvalidComponentError(
      { zh: '地级代码为00时县级代码必须为00', en: 'a county part needs a prefecture part' },
      { details: { identifier: 'regionCode', component: 'prefecture', value: code } },
    );
  }
  return undefined;
}

/**
 * Checks the structure of a 6-digit code (length, digits, a real province, no county without prefecture) and
 * returns its compact form. A code missing from the table does not throw; use {@link check} to see that.
 *
 * @throws {InvalidLengthError} not 6 digits. {@link InvalidFormatError}: not digits.
 * {@link InvalidComponentError}: the province prefix does not exist.
 * @example
 * regionCode.validate('３３０１０６'); // '330106'
 */
export function validate(value: unknown): string {
  const code = compact(value);
  const error = structuralErrors(code);
  if (error) throw error;
  return code;
}

/**
 * Whether the value is a structurally valid region code. Never throws.
 *
 * @example
 * regionCode.isValid('330106'); // true
 * regionCode.isValid('990000'); // false
 */
export function isValid(value: unknown): boolean {
  try {
    validate(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The standard presentation (the 6 digits).
 *
 * @example
 * regionCode.format(' 330 106 '); // '330106'
 */
export function format(value: unknown): string {
  return compact(value);
}

/**
 * The level a valid code denotes: `XX0000` province, `XXXX00` prefecture, otherwise county.
 *
 * @example
 * regionCode.level('330100'); // 'prefecture'
 */
export function level(value: unknown): RegionLevel {
  const code = validate(value);
  return code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'prefecture' : 'county';
}

/**
 * Looks a code up in the shipped table and names every level. Returns `undefined` for a structurally
 * invalid code; an unknown but valid code gives `status: 'unknown'`.
 *
 * @example
 * regionCode.lookup('440305');
 * // { code: '440305', level: 'county', name: '南山区', province: { code: '440000', name: '广东省' },
 * //   prefecture: { code: '440300', name: '深圳市' }, county: { code: '440305', name: '南山区' }, status: 'known', … }
 */
export function lookup(value: unknown): RegionInfo | undefined {
  let code: string;
  try {
    code = validate(value);
  } catch {
    return undefined;
  }
  const t = regionTable();
  const lvl: RegionLevel = code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'prefecture' : 'county';
  const unit = (c: string): RegionUnit | undefined => {
    const n = t.get(c);
    return n === undefined ? undefined : { code: c, name: n };
  };
  const province = unit(`${code.slice(0, 2)}0000`);
  const prefecture = lvl === 'province' ? undefined : unit(`${code.slice(0, 4)}00`);
  const county = lvl === 'county' ? unit(code) : undefined;
  const own = t.get(code);
  const former = own === undefined ? formerRegionTable().get(code) : undefined;
  let status: RegionInfo['status'] =
    own !== undefined ? 'known' : former !== undefined ? 'former' : 'unknown';
  if (
    status === 'unknown' &&
    lvl === 'county' &&
    prefecture !== undefined &&
    !completePrefectures().has(code.slice(0, 4))
  ) {
    status = 'not_covered';
  }
  return {
    code,
    level: lvl,
    name: own ?? former,
    province,
    prefecture,
    county,
    status,
    tableVersion: isTableLoaded() ? REGION_TABLE_VERSION : 'not-loaded',
  };
}

/**
 * Full verdict without throwing: structure errors, plus an `unknown_region` warning when a valid code is not
 * in the shipped table, or a `former_region` warning when it is a former code no longer in force.
 *
 * @example
 * regionCode.check('330199'); // { value: '330199', valid: true, errors: [], warnings: [{ code: 'unknown_region', … }] }
 * regionCode.check('110228').warnings[0]?.code; // 'former_region' (密云县, now 110118 密云区)
 */
export function check(value: unknown): IdentifierCheckResult {
  let code: string;
  try {
    code = compact(value);
  } catch (error) {
    return { value: undefined, valid: false, errors: [toIssue(error as InvalidFormatError)], warnings: [] };
  }
  const error = structuralErrors(code);
  if (error) return { value: code, valid: false, errors: [toIssue(error)], warnings: [] };
  return { value: code, valid: true, errors: [], warnings: regionWarnings(code) };
}

/**
 * @internal Warnings for a structurally valid 6-digit code. `acceptFormer`: a former code is fine (the
 * address code of a resident ID, the region of a USCC: numbers that keep the code they were issued with).
 */
export function regionWarnings(
  code: string,
  context = 'region code',
  acceptFormer = false,
): IdentifierIssue[] {
  if (!isTableLoaded()) {
    return [
      {
        code: 'unknown_region',
        severity: 'warning',
        message: {
          zh: `行政区划代码 ${code} 未核对：本构建未加载 GB/T 2260 代码表（请先调用 regionCode.loadTable()）`,
          en: `${context} ${code} was not checked: the GB/T 2260 table is not loaded in this build (call regionCode.loadTable() first)`,
        },
        details: { region: code, tableVersion: 'not-loaded' },
      },
    ];
  }
  const t = regionTable();
  if (t.has(code)) return [];
  const prefecture = `${code.slice(0, 4)}00`;
  if (!code.endsWith('00') && t.has(prefecture) && !completePrefectures().has(code.slice(0, 4))) return []; // not covered
  const former = formerRegionTable().get(code);
  if (former !== undefined) {
    if (acceptFormer) return [];
    return [
      {
        code: 'former_region',
        severity: 'warning',
        message: {
          zh: `行政区划代码 ${code}（${former}）已撤销或变更，不是现行代码（GB/T 2260，${REGION_TABLE_VERSION} 版）`,
          en: `${context} ${code} (${former}) is a former code, no longer in force (GB/T 2260, version ${REGION_TABLE_VERSION})`,
        },
        details: { region: code, formerName: former, tableVersion: REGION_TABLE_VERSION },
      },
    ];
  }
  return [
    {
      code: 'unknown_region',
      severity: 'warning',
      message: {
        zh: `行政区划代码 ${code} 不在 GB/T 2260 代码表（${REGION_TABLE_VERSION} 版）中`,
        en: `${context} ${code} is not in the GB/T 2260 table (version ${REGION_TABLE_VERSION})`,
      },
      details: { region: code, tableVersion: REGION_TABLE_VERSION },
    },
  ];
}

/** A parsed 6-, 9- or 12-digit region code. */
export interface ParsedRegionCode {
  /** The 6-digit county-or-higher code. */
  readonly code: string;
  /** The 3-digit township (乡级, GB/T 10114) part of a 9- or 12-digit code. */
  readonly township: string | undefined;
  /** The 3-digit village (村级) part of a 12-digit code. */
  readonly village: string | undefined;
  /** Township type from its first digit: 0 街道, 1 镇, 2–3 乡, 4–5 政企合一单位. */
  readonly townshipType: 'subdistrict' | 'town' | 'township' | 'enterprise_unit' | 'other' | undefined;
}

/**
 * Splits a 6-, 9- or 12-digit code (as found in 民政/统计 feeds) into the GB/T 2260 code and the township and
 * village parts. Throws {@link InvalidLengthError} for other lengths.
 *
 * @example
 * regionCode.parse('330213000000'); // { code: '330213', township: '000', village: '000', townshipType: 'subdistrict' }
 * regionCode.parse('130821106'); // { code: '130821', township: '106', village: undefined, townshipType: 'town' }
 */
export function parse(value: unknown): ParsedRegionCode {
  const text = compact(value);
  if (text.length !== 6 && text.length !== 9 && text.length !== 12) {
    throw new InvalidLengthError(
      { zh: '行政区划代码应为6、9或12位数字', en: 'a region code has 6, 9 or 12 digits' },
      { details: { identifier: 'regionCode', value: preview(text), length: text.length } },
    );
  }
  const code = validate(text.slice(0, 6));
  if (!/^[0-9]*$/.test(text)) {
    throw new InvalidFormatError(
      { zh: '行政区划代码只能包含数字', en: 'a region code contains only digits 0-9' },
      { details: { identifier: 'regionCode', value: preview(text) } },
    );
  }
  const township = text.length >= 9 ? text.slice(6, 9) : undefined;
  const village = text.length === 12 ? text.slice(9, 12) : undefined;
  const d = township?.charAt(0);
  const townshipType =
    d === undefined
      ? undefined
      : d === '0'
        ? 'subdistrict'
        : d === '1'
          ? 'town'
          : d === '2' || d === '3'
            ? 'township'
            : d === '4' || d === '5'
              ? 'enterprise_unit'
              : 'other';
  return { code, township, village, townshipType };
}
