import { describeValue, JianguanError } from '../errors/index.js';
import { parseDateText } from './date-text.js';
import { type EntityClass, fieldDictionary, type RecordType } from './dictionary.js';
import type { FieldSpec } from './field-spec.js';

const BEHAVIOUR = new Set<string>(['inspection', 'penalty', 'compulsion', 'other']);
const ENTITY = new Set<string>(['enterprise', 'individualBusiness', 'otherOrganisation', 'naturalPerson']);

/**
 * A row of the Chinese-header exchange shape (交换格式行): column header → cell text, as a CSV or
 * spreadsheet export has it.
 *
 * @example
 * const row: ExchangeRow = { 检查时间: '2024-03-05', 检查人员: '张三,李四' };
 */
export type ExchangeRow = Record<string, string>;

/**
 * Options of {@link fromExchangeRow}.
 *
 * @example
 * const o: FromExchangeRowOptions = { normalizeDates: true };
 */
export interface FromExchangeRowOptions {
  /**
   * Rewrite spreadsheet-style dates (`2024/3/5`, `2024年3月5日`, `2024.3.5`, Excel serials such as `45356`) to
   * `YYYY-MM-DD` ({@link parseDateText}). Default `false`,
   * so the quality check reports them (日期格式有误) as the province would.
   */
  readonly normalizeDates?: boolean;
}

/**
 * How a header row maps onto a record type's fields.
 *
 * @example
 * const m: HeaderMapping = resolveExchangeHeaders('inspection', ['检查时间', '备注']);
 * m.unknown; // ['备注']
 */
export interface HeaderMapping {
  /** Header (as given) → camelCase field. */
  readonly fields: Readonly<Record<string, string>>;
  /** Headers that match no field (ignored by {@link fromExchangeRow}). */
  readonly unknown: readonly string[];
  /** Required fields with no column. */
  readonly missingRequired: readonly string[];
}

/** Normalises a header for matching: BOM, spaces, full-width forms, required-markers (*), case. */
function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000*＊]/g, '')
    .replace(/[:：]$/, '')
    .toLowerCase();
}

const headerIndex = new Map<RecordType, Map<string, string>>();

function indexFor(type: RecordType): Map<string, string> {
  let index = headerIndex.get(type);
  if (index) return index;
  index = new Map();
  const specs = fieldDictionary[type] as Readonly<Record<string, FieldSpec>>;
  // Own names first, then aliases (an alias never shadows another field's own name).
  for (const [name, spec] of Object.entries(specs)) {
    index.set(normalizeHeader(spec.zh), name);
    index.set(normalizeHeader(name), name);
  }
  for (const [name, spec] of Object.entries(specs)) {
    for (const alias of spec.aliases ?? []) {
      const key = normalizeHeader(alias);
      if (!index.has(key)) index.set(key, name);
    }
    const en = normalizeHeader(spec.en);
    if (!index.has(en)) index.set(en, name);
  }
  headerIndex.set(type, index);
  return index;
}

/** Text of a cell value; a value whose own `toString` is broken (JSON `{"toString": 1}`) is described instead. */
function textOf(v: unknown): string {
  try {
    return String(v);
  } catch {
    return describeValue(v);
  }
}

function assertType(type: unknown): asserts type is RecordType {
  if (typeof type !== 'string' || !Object.hasOwn(fieldDictionary, type)) {
    const label = typeof type === 'string' ? type : describeValue(type);
    throw new JianguanError(
      'unknown_record_type',
      { zh: `未知的记录类型：${label}`, en: `unknown record type: ${label}` },
      { path: ['type'], details: { type: label } },
    );
  }
}

/**
 * The Chinese column headers of a record type, in dictionary order (the header row of an export).
 *
 * @example
 * exchangeHeaders('inspection').includes('检查时间'); // true
 */
export function exchangeHeaders(type: RecordType): string[] {
  assertType(type);
  return Object.values(fieldDictionary[type] as Readonly<Record<string, FieldSpec>>).map((s) => s.zh);
}

/**
 * Maps a header row onto a record type's fields, tolerating aliases, full-width characters, spaces,
 * `*` required-markers and English/camelCase headers.
 *
 * @example
 * resolveExchangeHeaders('penalty', ['行政相对人（单位/个人）名称']).fields; // { '行政相对人（单位/个人）名称': 'adminCounterpartName' }
 */
export function resolveExchangeHeaders(type: RecordType, headers: readonly string[]): HeaderMapping {
  assertType(type);
  const index = indexFor(type);
  const fields: Record<string, string> = {};
  const unknown: string[] = [];
  const found = new Set<string>();
  for (const header of headers) {
    const field = typeof header === 'string' ? index.get(normalizeHeader(header)) : undefined;
    if (field === undefined || found.has(field))
      unknown.push(typeof header === 'string' ? header : describeValue(header));
    else {
      fields[header] = field;
      found.add(field);
    }
  }
  const specs = fieldDictionary[type] as Readonly<Record<string, FieldSpec>>;
  const missingRequired = Object.entries(specs)
    .filter(([name, spec]) => spec.required && !found.has(name))
    .map(([name]) => name);
  return { fields, unknown, missingRequired };
}

const TRUE = new Set(['是', 'y', 'yes', 'true', '1', '√']);
const FALSE = new Set(['否', 'n', 'no', 'false', '0', '×']);
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

function parseCell(spec: FieldSpec, text: string, options: FromExchangeRowOptions): unknown {
  switch (spec.kind) {
    case 'number':
      return NUMBER.test(text) ? Number(text.replace(/,/g, '')) : text;
    case 'boolean': {
      const t = text.toLowerCase();
      return TRUE.has(t) ? true : FALSE.has(t) ? false : text;
    }
    case 'list':
      return text
        .split(/[,，、;；]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
    case 'date': {
      if (!options.normalizeDates) return text;
      return parseDateText(text) ?? text;
    }
    default:
      return text;
  }
}

/**
 * Turns a Chinese-header exchange row (e.g. a CSV line exported from Excel) into a record of `type`:
 * headers are matched by Chinese name, alias or camelCase name; cells are trimmed; empty cells are
 * left out; 是/否 become booleans, numbers become numbers, comma lists (`,，、;；`) become arrays.
 * Cells that do not parse are kept as text so {@link qualityCheck} can report them precisely. Behaviour
 * kinds get `kind`, entity classes get `entityClass`. Never mutates `row`.
 *
 * @throws {JianguanError} `unknown_record_type` for an unknown record type.
 * @example
 * fromExchangeRow('inspection', { 检查时间: '2024-03-05', 检查人员: '张三、李四' });
 * // { kind: 'inspection', checkDate: '2024-03-05', checkPersonnel: ['张三', '李四'] }
 */
export function fromExchangeRow(
  type: RecordType,
  row: Readonly<Record<string, unknown>>,
  options: FromExchangeRowOptions = {},
): Record<string, unknown> {
  assertType(type);
  const index = indexFor(type);
  const specs = fieldDictionary[type] as Readonly<Record<string, FieldSpec>>;
  const record: Record<string, unknown> = {};
  if (BEHAVIOUR.has(type)) record.kind = type;
  if (ENTITY.has(type)) record.entityClass = type as EntityClass;
  if (row === null || typeof row !== 'object') return record;
  for (const [header, cell] of Object.entries(row)) {
    const field = index.get(normalizeHeader(header));
    if (field === undefined || field in record) continue;
    const spec = specs[field]!;
    if (cell === undefined || cell === null) continue;
    if (typeof cell !== 'string') {
      record[field] = cell;
      continue;
    }
    const text = cell.trim();
    if (text === '') continue;
    record[field] = parseCell(spec, text, options);
  }
  return record;
}

/**
 * Turns a record into the Chinese-header exchange shape: every dictionary column in order, booleans as
 * 是/否, lists joined with `,`, numbers as text and missing values as `''`. The inverse of
 * {@link fromExchangeRow} for well-formed records.
 *
 * @throws {JianguanError} `unknown_record_type` for an unknown record type.
 * @example
 * toExchangeRow('inspection', { kind: 'inspection', checkDate: '2024-03-05', checkPersonnel: ['张三', '李四'] })['检查人员']; // '张三,李四'
 */
export function toExchangeRow(type: RecordType, record: Readonly<Record<string, unknown>>): ExchangeRow {
  assertType(type);
  const specs = fieldDictionary[type] as Readonly<Record<string, FieldSpec>>;
  const row: ExchangeRow = {};
  for (const [name, spec] of Object.entries(specs)) {
    const v = record === null || typeof record !== 'object' ? undefined : record[name];
    row[spec.zh] =
      v === undefined || v === null
        ? ''
        : typeof v === 'boolean'
          ? v
            ? '是'
            : '否'
          : Array.isArray(v)
            ? v.map(textOf).join(',')
            : textOf(v);
  }
  return row;
}
