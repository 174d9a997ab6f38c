import { basename, extname } from 'node:path';
import type { CatalogLoad, ClaimSet } from '@jianguan/catalog';
import { defineClaimSet, readCatalogCsv } from '@jianguan/catalog';
import type { RecordType } from '@jianguan/core';
import { chinaToday, fromExchangeRow, resolveExchangeHeaders } from '@jianguan/core';
import { InputFileError } from '@jianguan/core/io';
import { inputError } from '../../runtime/errors.js';
import { assertReadableFile, detectFormat, readJsonFile } from '../../runtime/files.js';
import type { LoadedRecord } from '../../runtime/records.js';
import { loadRecords } from '../../runtime/records.js';

/**
 * Load a catalog version (监管事项目录) from a Chinese-header CSV (UTF-8 or GBK) with `@jianguan/catalog`'s
 * reader. The version is named after the file; a file with no item-code column or no usable row is an input
 * error (exit 3), rows that cannot be taken (bad code, duplicate) are kept in `rejected` and reported.
 */
export async function loadCatalogFile(cwd: string, file: string, level: 'provincial' | 'county') {
  const full = await assertReadableFile(cwd, file);
  const name = basename(file, extname(file));
  let load: CatalogLoad;
  try {
    load = await readCatalogCsv(full, {
      id: name,
      version: name,
      level,
      publisher: file,
      publishedDate: chinaToday(),
      source: file,
    });
  } catch (error) {
    if (error instanceof InputFileError) {
      throw inputError(
        error.code,
        { zh: `${file}：${error.messages.zh}`, en: `${file}: ${error.messages.en}` },
        { details: { ...error.details, file }, cause: error },
      );
    }
    throw error;
  }
  if (load.missingColumns.includes('itemCode')) {
    throw inputError(
      'catalog_no_item_code',
      {
        zh: `${file} 不是监管事项目录：没有“监管事项目录编码”列`,
        en: `${file} is not a catalog: it has no item code column ("监管事项目录编码" or itemCode)`,
      },
      { details: { file, headers: load.unknownHeaders } },
    );
  }
  if (load.catalog.items.length === 0) {
    throw inputError(
      'catalog_empty',
      {
        zh: `${file} 没有可用的目录事项（文件为空、只有表头或每行都被拒绝）`,
        en: `${file} has no usable catalog item (empty, header only, or every row rejected)`,
      },
      { details: { file, rejected: load.rejected.length } },
    );
  }
  return load;
}

/** A catalog row that was not taken, as printed and as in `--json`. */
export function rejectedRows(load: CatalogLoad, file: string) {
  return load.rejected.map((r) => ({
    file,
    line: r.line,
    code: (r.error as { code?: string }).code ?? 'invalid_row',
    message:
      'messages' in r.error
        ? (r.error as { messages: { zh: string; en: string } }).messages
        : { zh: r.error.message, en: r.error.message },
  }));
}

const CLAIM_COLUMNS = {
  subItemCode: ['子项编码', '子项目录编码', 'subItemCode'],
  claimedDate: ['认领日期', '认领时间', 'claimedDate'],
  department: ['认领部门', '部门名称', 'department'],
  departmentCode: ['认领部门编码', '部门编码', 'departmentCode'],
} as const;

function cell(row: Readonly<Record<string, unknown>>, names: readonly string[]): string | undefined {
  for (const n of names) {
    const v = row[n];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return undefined;
}

/**
 * Load a claim list (认领清单): a JSON claim set as `@jianguan/catalog` defines it, or a CSV with one claimed
 * item per row (监管事项目录编码, optional 子项编码, 认领日期, 认领部门, 认领部门编码, and any catalog element
 * column such as 监管流程 or 监管结果 filled by the department, which overrides the catalog's). The department
 * comes from `--department`/`--department-code`, else from the CSV's columns.
 */
export async function loadClaims(
  cwd: string,
  file: string,
  overrides: { department?: string | undefined; departmentCode?: string | undefined },
): Promise<ClaimSet> {
  const format = detectFormat(file, undefined);
  const name = basename(file, extname(file));
  if (format !== 'csv') {
    // JSON: a claim set object, or an array of claims; JSONL: one claim per line.
    const value =
      format === 'json'
        ? await readJsonFile(cwd, file)
        : (await loadRecords(cwd, file, { format })).records.map((r) => r.record);
    const input =
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : { id: name, version: name, claims: value };
    return defineClaimSet({
      ...input,
      ...(overrides.department === undefined ? {} : { department: overrides.department }),
      ...(overrides.departmentCode === undefined ? {} : { departmentCode: overrides.departmentCode }),
    });
  }
  const { records } = await loadRecords(cwd, file, { format });
  let department = overrides.department;
  let departmentCode = overrides.departmentCode;
  const claims = records.map(({ record }) => {
    const row = record as Readonly<Record<string, unknown>>;
    department ??= cell(row, CLAIM_COLUMNS.department);
    departmentCode ??= cell(row, CLAIM_COLUMNS.departmentCode);
    const local = fromExchangeRow('catalogItem', row);
    const itemCode = typeof local.itemCode === 'string' ? local.itemCode : cell(row, ['itemCode']);
    delete local.itemCode;
    delete local.subItemCode;
    // The department's identity is not an element of the item.
    delete local.supervisionDept;
    delete local.supervisionDeptCode;
    const subItemCode = cell(row, CLAIM_COLUMNS.subItemCode);
    const claimedDate = cell(row, CLAIM_COLUMNS.claimedDate);
    return {
      itemCode,
      ...(subItemCode === undefined ? {} : { subItemCode }),
      ...(claimedDate === undefined ? {} : { claimedDate }),
      ...(Object.keys(local).length === 0 ? {} : { local }),
    };
  });
  if (department === undefined) {
    throw inputError(
      'claims_no_department',
      {
        zh: `${file} 没有写明认领部门：请加“认领部门”列或用 --department 指定`,
        en: `${file} does not name the claiming department: add a "认领部门" column or pass --department`,
      },
      { details: { file } },
    );
  }
  return defineClaimSet({
    id: name,
    version: name,
    department,
    ...(departmentCode === undefined ? {} : { departmentCode }),
    claims,
  });
}

const BEHAVIOUR_TYPES = ['inspection', 'penalty', 'compulsion', 'other'] as const;

/** The behaviour type of a CSV row: its `kind`/记录类型 column, else the type whose headers fit best. */
function behaviourType(row: Readonly<Record<string, unknown>>, headers: readonly string[]): RecordType {
  const named = cell(row, ['kind', '记录类型', 'recordType']);
  if (named !== undefined && (BEHAVIOUR_TYPES as readonly string[]).includes(named))
    return named as RecordType;
  let best: RecordType = 'inspection';
  let bestMatched = -1;
  for (const type of BEHAVIOUR_TYPES) {
    const matched = Object.keys(resolveExchangeHeaders(type, headers).fields).length;
    if (matched > bestMatched) {
      best = type;
      bestMatched = matched;
    }
  }
  return best;
}

/**
 * Load behaviour records (监管行为: inspection, penalty, compulsion, other) from CSV (Chinese headers, a
 * `kind`/记录类型 column or the type inferred from the headers), JSON (an array) or JSONL.
 */
export async function loadBehaviours(cwd: string, file: string): Promise<readonly LoadedRecord[]> {
  const loaded = await loadRecords(cwd, file);
  if (loaded.format !== 'csv') return loaded.records;
  const first = loaded.records[0]?.record;
  const headers = first !== null && typeof first === 'object' ? Object.keys(first) : [];
  return loaded.records.map(({ line, record }) => {
    const row = record as Readonly<Record<string, unknown>>;
    return { line, record: fromExchangeRow(behaviourType(row, headers), row) };
  });
}

/**
 * Load 检查实施清单 (inspection implementation lists): any CSV/JSON/JSONL whose rows carry the item code
 * (监管事项目录编码 or `itemCode`).
 */
export async function loadInspectionLists(cwd: string, file: string): Promise<{ itemCode?: unknown }[]> {
  const loaded = await loadRecords(cwd, file);
  return loaded.records.map(({ record }) => {
    const row = (record ?? {}) as Readonly<Record<string, unknown>>;
    const code = row.itemCode ?? row.监管事项目录编码 ?? row['*监管事项目录编码'];
    return { itemCode: typeof code === 'string' ? code.trim() : code };
  });
}
