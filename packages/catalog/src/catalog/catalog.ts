import {
  catalogItemSchema,
  describeValue,
  fromExchangeRow,
  type InputSource,
  isCivilDate,
  isRecord,
  type QualityCheckOptions,
  type QualityResult,
  qualityCheck,
  resolveExchangeHeaders,
} from '@jianguan/core';
import { type ReadCsvOptions, readCsv } from '@jianguan/core/io';
import { z } from 'zod';
import { badInput, requireOptions } from '../boundary.js';
import { CatalogError, fromZodIssues } from '../errors.js';
import { isItemCode } from './item-code.js';

/**
 * The level that compiled a catalog (编制层级): 国务院部门 (national), 省 (provincial), 市 (city), 县 (county).
 *
 * @example
 * const level: CatalogLevel = 'provincial';
 */
export type CatalogLevel = 'national' | 'provincial' | 'city' | 'county';

/**
 * The zod schema of one catalog entry (目录事项): core's `catalogItemSchema` with every field optional
 * except the item code — types are checked here, completeness of the mandatory elements by 质检
 * ({@link checkCatalog}), so an incomplete item can still be loaded, diffed and reported.
 *
 * @example
 * catalogEntrySchema.safeParse({ itemCode: '31000000100000' }).success; // true
 */
export const catalogEntrySchema = catalogItemSchema.partial().extend({ itemCode: z.string() });

/**
 * One catalog entry: a core's `CatalogItem` whose elements may be incomplete; see {@link catalogEntrySchema}.
 *
 * @example
 * const e: CatalogEntry = { itemCode: '31000000100000', mainItemName: '对食品经营者的监督检查' };
 */
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

const civilDate = z.string().refine(isCivilDate, { message: 'expected a China civil date YYYY-MM-DD' });

/**
 * The zod schema of a catalog's metadata (目录版本信息): id, version, level, region, publisher, publication
 * date (China civil date) and where it comes from.
 *
 * @example
 * catalogMetaSchema.parse({ id: 'cq-scjg', version: '2023.2', level: 'provincial', publisher: '重庆市市场监督管理局',
 *   publishedDate: '2023-01-31', source: 'https://…' });
 */
export const catalogMetaSchema = z.object({
  id: z.string().min(1),
  version: z.string().min(1),
  level: z.enum(['national', 'provincial', 'city', 'county']),
  /** GB/T 2260 code of the region the catalog covers, e.g. `500000`. */
  region: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  publisher: z.string().min(1),
  publishedDate: civilDate,
  /** Where the catalog comes from (document number, URL, export file). */
  source: z.string().min(1),
});

/**
 * A catalog's metadata; see {@link catalogMetaSchema}.
 *
 * @example
 * const meta: CatalogMeta = { id: 'cq', version: '1', level: 'provincial', publisher: '市局', publishedDate: '2023-01-31', source: 'x' };
 */
export type CatalogMeta = z.infer<typeof catalogMetaSchema>;

/**
 * A versioned 监管事项目录清单: metadata plus its items ({@link CatalogEntry}: core's catalog item — main item,
 * sub-item and the 10 elements — possibly incomplete). Built by {@link defineCatalog} or {@link readCatalogCsv}: every item code is 14 digits and
 * every item key (item code + sub-item code) is unique. Element completeness is 质检's job ({@link checkCatalog}).
 *
 * @example
 * const c: Catalog = defineCatalog({ ...meta, items: [] });
 */
export interface Catalog extends CatalogMeta {
  readonly items: readonly CatalogEntry[];
}

/**
 * The key of a catalog item (事项键): the item code, plus `/` and the sub-item code when there is one —
 * core's business key for catalog items (`itemCode`, `subItemCode`).
 *
 * @example
 * catalogItemKey({ itemCode: '31000000100001', subItemCode: '01' }); // '31000000100001/01'
 */
export function catalogItemKey(item: {
  readonly itemCode: string;
  readonly subItemCode?: string | undefined;
}): string {
  if (!isRecord(item)) badInput('invalid_input', ['item'], ITEM, item);
  const { itemCode, subItemCode } = item;
  if (typeof itemCode !== 'string') badInput('invalid_input', ['item', 'itemCode'], STRING, itemCode);
  if (subItemCode != null && typeof subItemCode !== 'string')
    badInput('invalid_input', ['item', 'subItemCode'], STRING, subItemCode);
  return subItemCode ? `${itemCode}/${subItemCode}` : itemCode;
}

/**
 * The display name of a catalog item: the sub-item name when it differs from the main item, else the main item.
 *
 * @example
 * catalogItemName({ mainItemName: '对食品经营者的监督检查', subItemName: '对餐饮服务的监督检查' }); // '对餐饮服务的监督检查'
 */
export function catalogItemName(item: {
  readonly mainItemName?: string | undefined;
  readonly subItemName?: string | undefined;
}): string {
  if (!isRecord(item)) badInput('invalid_input', ['item'], ITEM, item);
  const { mainItemName, subItemName } = item;
  for (const [key, value] of [
    ['mainItemName', mainItemName],
    ['subItemName', subItemName],
  ] as const)
    if (value != null && typeof value !== 'string') badInput('invalid_input', ['item', key], STRING, value);
  return subItemName?.trim() || mainItemName?.trim() || '';
}

const ITEM = { en: 'a catalog item object', zh: '目录事项对象' } as const;
const STRING = { en: 'a string', zh: '字符串' } as const;

function structuralProblem(
  item: Record<string, unknown>,
  seen: Map<string, number>,
  index: number,
): CatalogError | undefined {
  if (!isItemCode(item.itemCode)) {
    return new CatalogError(
      'invalid_item_code',
      {
        zh: `第 ${index + 1} 个事项：监管事项目录编码须为14位数字（${describeValue(item.itemCode)}）`,
        en: `item ${index + 1}: the catalog item code must be 14 digits (${describeValue(item.itemCode)})`,
      },
      { path: ['items', index, 'itemCode'], details: { value: describeValue(item.itemCode) } },
    );
  }
  const key = catalogItemKey(item as { itemCode: string; subItemCode?: string });
  const first = seen.get(key);
  if (first !== undefined) {
    return new CatalogError(
      'invalid_catalog',
      {
        zh: `第 ${index + 1} 个事项与第 ${first + 1} 个事项重复（${key}）`,
        en: `item ${index + 1} duplicates item ${first + 1} (${key})`,
      },
      { path: ['items', index], details: { key, first } },
    );
  }
  seen.set(key, index);
  return undefined;
}

/**
 * Validates and freezes a catalog version (定义目录版本): metadata per {@link catalogMetaSchema}, items per core's
 * `catalogItemSchema` (types), 14-digit codes and unique item keys.
 *
 * @throws {CatalogError} `invalid_catalog` (bad metadata, item types or a duplicate key), `invalid_item_code`.
 * @example
 * const catalog = defineCatalog({
 *   id: 'cq-scjg', version: '2023.2', level: 'provincial', publisher: '重庆市市场监督管理局',
 *   publishedDate: '2023-01-31', source: '渝市监办发〔2023〕', items: [item],
 * });
 */
export function defineCatalog(input: unknown): Catalog {
  const meta = catalogMetaSchema.safeParse(input);
  if (!meta.success)
    throw fromZodIssues('invalid_catalog', { zh: '目录信息', en: 'catalog metadata' }, meta.error.issues);
  const rawItems = (input as { items?: unknown }).items;
  if (!Array.isArray(rawItems)) {
    throw new CatalogError(
      'invalid_catalog',
      { zh: '目录须有事项列表 items', en: 'a catalog needs an items array' },
      {
        path: ['items'],
      },
    );
  }
  const seen = new Map<string, number>();
  const items = rawItems.map((raw, i) => {
    const parsed = catalogEntrySchema.safeParse(raw);
    if (!parsed.success) {
      throw fromZodIssues('invalid_catalog', { zh: '目录事项', en: 'catalog item' }, parsed.error.issues, [
        'items',
        i,
      ]);
    }
    const problem = structuralProblem(parsed.data as Record<string, unknown>, seen, i);
    if (problem) throw problem;
    return Object.freeze(parsed.data);
  });
  return Object.freeze({ ...meta.data, items: Object.freeze(items) });
}

/**
 * 质检 of a catalog's items with core's quality check (recordType `catalogItem`): every mandatory element
 * (the 10 elements of seed 001 among them), lengths, code tables, the 14-digit code and duplicate keys.
 *
 * @example
 * const result = checkCatalog(catalog, { today: '2026-12-02' });
 * result.issues.filter((i) => i.rule === 'required');
 */
export function checkCatalog(
  catalog: Pick<Catalog, 'items'>,
  options: Omit<QualityCheckOptions, 'recordType'> = {},
): QualityResult {
  if (!isRecord(catalog) || !Array.isArray(catalog.items))
    badInput('invalid_input', ['catalog', 'items'], { en: 'an array of items', zh: '事项数组' }, catalog);
  requireOptions(options);
  return qualityCheck(catalog.items, { ...options, recordType: 'catalogItem' });
}

/**
 * A catalog row that {@link readCatalogCsv} could not take into the catalog: unreadable, a bad code or a
 * duplicate key. Its 质检 issues are in the load's `quality` too.
 *
 * @example
 * for (const r of load.rejected) console.log(r.line, r.error.messages.zh);
 */
export interface RejectedCatalogRow {
  readonly line: number;
  readonly error: CatalogError | Error;
}

/**
 * The result of {@link readCatalogCsv}.
 *
 * @example
 * const { catalog, quality, rejected, unknownHeaders } = await readCatalogCsv('catalog.csv', meta);
 */
export interface CatalogLoad {
  /** The items that are structurally sound (14-digit code, unique key). */
  readonly catalog: Catalog;
  /** 质检 of every data row (issue `index` is the row's position; see `lines`). */
  readonly quality: QualityResult;
  /** The 1-based file line of each checked row (`lines[issue.index]`). */
  readonly lines: readonly number[];
  readonly rejected: readonly RejectedCatalogRow[];
  /** Headers that match no catalog field (ignored). */
  readonly unknownHeaders: readonly string[];
  /** Mandatory fields with no column at all. */
  readonly missingColumns: readonly string[];
}

/**
 * Options of {@link readCatalogCsv}: core's CSV reader options plus the quality-check options.
 *
 * @example
 * const o: ReadCatalogCsvOptions = { encoding: 'auto', quality: { today: '2026-12-02' } };
 */
export interface ReadCatalogCsvOptions extends Omit<ReadCsvOptions, 'errors' | 'mapHeader'> {
  readonly quality?: Omit<QualityCheckOptions, 'recordType'>;
}

/**
 * Loads a catalog version from a CSV exported from Excel or the provincial system, with Chinese headers
 * (监管事项目录编码, 主项名称, 子项名称, 监管方式, …; aliases and `*` required-markers tolerated): UTF-8 or GBK
 * (autodetected by core's reader), each row mapped with core's `fromExchangeRow('catalogItem', …)`, 质检 on
 * every row, and the structurally sound rows assembled into a {@link Catalog}. Nothing is dropped silently:
 * unreadable rows, bad codes and duplicates are in `rejected` with their line.
 *
 * @throws {CatalogError} `invalid_catalog` for bad metadata; core's `InputFileError` for an unreadable file.
 * @example
 * const load = await readCatalogCsv('cq-catalog-gbk.csv', {
 *   id: 'cq-scjg', version: '2023.2', level: 'provincial', publisher: '重庆市市场监督管理局',
 *   publishedDate: '2023-01-31', source: '渝市监办发〔2023〕',
 * });
 * console.log(load.catalog.items.length, load.quality.failed);
 */
export async function readCatalogCsv(
  source: InputSource,
  meta: CatalogMeta,
  options: ReadCatalogCsvOptions = {},
): Promise<CatalogLoad> {
  requireOptions(options);
  const { quality: qualityOptions, ...csvOptions } = options;
  checkMeta(meta);
  const rows: { line: number; record?: Readonly<Record<string, unknown>>; error?: Error }[] = [];
  for await (const entry of readCsv(source, { ...csvOptions, errors: 'yield' })) {
    rows.push(
      'error' in entry
        ? { line: entry.line, error: entry.error }
        : { line: entry.line, record: entry.record },
    );
  }
  return assemble(rows, meta, qualityOptions);
}

/**
 * Builds a catalog version from rows already read as Chinese-header objects — e.g. an `.xlsx` sheet read with
 * the spreadsheet library of your choice (`sheet_to_json`-style rows: header → cell) — with the same mapping,
 * 质检 and structural checks as {@link readCatalogCsv}. `line` in the result is the row's 1-based position + 1
 * (the header being line 1), unless rows come as `{ line, record }`.
 *
 * @throws {CatalogError} `invalid_catalog` for bad metadata.
 * @example
 * const load = catalogFromRows(XLSX.utils.sheet_to_json(sheet, { raw: false }), meta);
 */
export function catalogFromRows(
  rows: readonly (
    | Readonly<Record<string, unknown>>
    | { readonly line: number; readonly record: Readonly<Record<string, unknown>> }
  )[],
  meta: CatalogMeta,
  options: { readonly quality?: Omit<QualityCheckOptions, 'recordType'> } = {},
): CatalogLoad {
  if (!Array.isArray(rows))
    badInput('invalid_input', ['rows'], { en: 'an array of rows', zh: '行数组' }, rows);
  requireOptions(options);
  checkMeta(meta);
  return assemble(
    rows.map((r, i) =>
      r !== null && typeof r === 'object' && 'record' in r && typeof r.line === 'number'
        ? { line: r.line, record: r.record as Readonly<Record<string, unknown>> }
        : { line: i + 2, record: r as Readonly<Record<string, unknown>> },
    ),
    meta,
    options.quality,
  );
}

function checkMeta(meta: CatalogMeta): void {
  const parsedMeta = catalogMetaSchema.safeParse(meta);
  if (!parsedMeta.success) {
    throw fromZodIssues(
      'invalid_catalog',
      { zh: '目录信息', en: 'catalog metadata' },
      parsedMeta.error.issues,
    );
  }
}

function assemble(
  input: readonly {
    line: number;
    record?: Readonly<Record<string, unknown>> | undefined;
    error?: Error | undefined;
  }[],
  meta: CatalogMeta,
  qualityOptions: Omit<QualityCheckOptions, 'recordType'> | undefined,
): CatalogLoad {
  const parsedMeta = catalogMetaSchema.parse(meta);
  const rows: Record<string, unknown>[] = [];
  const lines: number[] = [];
  const rejected: RejectedCatalogRow[] = [];
  const headers = new Set<string>();
  for (const entry of input) {
    if (entry.error || !entry.record || typeof entry.record !== 'object') {
      rejected.push({
        line: entry.line,
        error:
          entry.error ??
          new CatalogError(
            'invalid_catalog',
            { zh: `第 ${entry.line} 行不是表格行`, en: `line ${entry.line} is not a row` },
            {
              path: ['items'],
            },
          ),
      });
      continue;
    }
    for (const h of Object.keys(entry.record)) headers.add(h);
    rows.push(fromExchangeRow('catalogItem', entry.record));
    lines.push(entry.line);
  }
  const mapping = resolveExchangeHeaders('catalogItem', [...headers]);
  const quality = qualityCheck(rows, { ...qualityOptions, recordType: 'catalogItem' });
  const seen = new Map<string, number>();
  const items: CatalogEntry[] = [];
  rows.forEach((row, i) => {
    const problem = structuralProblem(row, seen, i);
    if (problem) {
      rejected.push({ line: lines[i]!, error: problem });
      return;
    }
    const parsed = catalogEntrySchema.safeParse(row);
    if (parsed.success) items.push(Object.freeze(parsed.data));
    else {
      rejected.push({
        line: lines[i]!,
        error: fromZodIssues('invalid_catalog', { zh: '目录事项', en: 'catalog item' }, parsed.error.issues, [
          'items',
          i,
        ]),
      });
    }
  });
  rejected.sort((a, b) => a.line - b.line);
  return {
    catalog: Object.freeze({ ...parsedMeta, items: Object.freeze(items) }),
    quality,
    lines,
    rejected,
    unknownHeaders: mapping.unknown,
    missingColumns: mapping.missingRequired,
  };
}
