import { lookupCode } from '@jianguan/core';
import type { DirectoryEntity } from '@jianguan/sampling';
import type { CommandContext, OptionSpec } from './args.js';
import { stringOption, valueOption } from './args.js';
import { inputError } from './errors.js';
import { writeLine } from './io.js';
import type { LoadedFile } from './records.js';
import { loadRecords } from './records.js';

/** The options that say how to read a population file (`draw`, `verify`): `--id-field`, `--format`. */
export const populationOptions: Readonly<Record<string, OptionSpec>> = {
  'id-field': valueOption('<column>', { zh: '对象标识所在列', en: 'the column holding the entity id' }),
  format: valueOption('csv|json|jsonl', {
    zh: '名录文件格式（默认按扩展名）',
    en: 'population file format (default: from the extension)',
  }),
};

/** Read a population file into the entity directory, honouring {@link populationOptions}; warns on stderr about status values it does not know. */
export async function readPopulation(ctx: CommandContext, file: string): Promise<DirectoryEntity[]> {
  const loaded = await loadRecords(ctx.io.cwd, file, {
    format: stringOption(ctx.values, 'format'),
    progress: ctx.progress(`read ${file}`, 0),
  });
  const unknownStatuses = new Map<string, number>();
  const entities = toDirectory(loaded, stringOption(ctx.values, 'id-field'), unknownStatuses);
  for (const [value, count] of unknownStatuses) {
    writeLine(
      ctx.io.stderr,
      `jianguan: 警告：${file}：${count} 个对象的状态“${value}”无法识别，仍留在抽取名录中；请使用登记状态代码表中的状态（存续、注销、吊销、撤销、迁出、停业等），或用 --task 排除`,
    );
    writeLine(
      ctx.io.stderr,
      `jianguan: warning: ${file}: unrecognised status "${value}" on ${count} entities; they stay in the frame. Use a status of the entityStatus code table (docs/guides/code-tables.md) or exclude them with --task`,
    );
  }
  return entities;
}

/**
 * The status code (`entityStatus` code table, 登记状态) of a status cell — `存续`, `在业`, `开业`, `正常`, `注销`,
 * `吊销，未注销`, `撤销`, `迁出`, `停业`, `active`, `revoked`, … — or `undefined` if the table does not know it.
 *
 * @example
 * entityStatusCode('吊销，未注销'); // 'revoked'
 */
export function entityStatusCode(value: string): string | undefined {
  return lookupCode('entityStatus', value)?.code ?? lookupCode('entityStatus', value.toLowerCase())?.code;
}

/**
 * The statuses a CLI draw leaves out (non-operating entities): every code of the `entityStatus` table but
 * `active` — closed, deregistered, revoked, withdrawn and moved out.
 */
export const NON_OPERATING_STATUSES: readonly string[] = [
  'closed',
  'deregistered',
  'revoked',
  'withdrawn',
  'moved_out',
];

/** Columns tried, in order, for the entity id when `--id-field` is not given. */
export const ID_COLUMNS = [
  'id',
  'uscc',
  'unifiedSocialCreditCode',
  'entityId',
  '统一社会信用代码',
  '主体身份代码',
];
const KNOWN: Readonly<Record<string, keyof DirectoryEntity>> = {
  name: 'name',
  名称: 'name',
  企业名称: 'name',
  grade: 'grade',
  信用等级: 'grade',
  riskLevel: 'riskLevel',
  风险等级: 'riskLevel',
  industry: 'industry',
  行业: 'industry',
  areaCode: 'areaCode',
  行政区划代码: 'areaCode',
  status: 'status',
  状态: 'status',
  entityStatus: 'status',
  registrationStatus: 'status',
  登记状态: 'status',
  经营状态: 'status',
  企业状态: 'status',
  企业登记状态: 'status',
  存续状态: 'status',
  主体状态: 'status',
  营业状态: 'status',
};
const TAG_COLUMNS = new Set(['tags', '标签']);

/**
 * The directory field a column header stands for (`信用等级` → `grade`, `行业` → `industry`), or the header itself
 * for any other column: what `--by <column>` stratifies on.
 */
export function directoryField(column: string): string {
  return Object.hasOwn(KNOWN, column) ? (KNOWN[column] as string) : column;
}

/**
 * Turn the rows of a population file into the entity directory (检查对象名录) the sampler reads. CSV
 * columns `id` (or `uscc`, `统一社会信用代码`, … or `--id-field`), `name`, `grade`, `riskLevel`, `industry`,
 * `areaCode`, `status` (also `登记状态`, `经营状态`, `状态`, …) and `tags` (a `,`/`;`/`、` list) map to the directory
 * fields; any other column becomes an attribute usable in strata. Status words (存续, 注销, 吊销, …) become the
 * codes of the `entityStatus` code table; values it does not know are kept as given and counted in
 * `unknownStatuses`. JSON records are taken as directory entries, with the id and status read the same way.
 * Empty cells are left out. The same file always gives the same directory.
 */
export function toDirectory(
  loaded: LoadedFile,
  idField: string | undefined,
  unknownStatuses: Map<string, number> = new Map(),
): DirectoryEntity[] {
  const entities: DirectoryEntity[] = [];
  const seen = new Map<string, number>();
  for (const { line, record } of loaded.records) {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      throw inputError(
        'invalid_population_row',
        { zh: `${loaded.file} 第 ${line} 行不是对象`, en: `${loaded.file} line ${line} is not an object` },
        { details: { file: loaded.file, line } },
      );
    }
    const row = record as Record<string, unknown>;
    const idKey =
      idField ?? ID_COLUMNS.find((c) => typeof row[c] === 'string' && (row[c] as string).trim() !== '');
    const id = idKey === undefined ? undefined : row[idKey];
    if (typeof id !== 'string' || id.trim() === '') {
      throw inputError(
        'missing_entity_id',
        {
          zh: `${loaded.file} 第 ${line} 行缺少对象标识（列 ${idField ?? ID_COLUMNS.join('/')}）；可用 --id-field 指定`,
          en: `${loaded.file} line ${line} has no entity id (column ${idField ?? ID_COLUMNS.join('/')}); name it with --id-field`,
        },
        { details: { file: loaded.file, line } },
      );
    }
    const trimmed = id.trim();
    const previous = seen.get(trimmed);
    if (previous !== undefined) {
      throw inputError(
        'duplicate_entity_id',
        {
          zh: `${loaded.file} 第 ${line} 行的对象标识 ${trimmed} 与第 ${previous} 行重复`,
          en: `${loaded.file} line ${line}: entity id ${trimmed} repeats line ${previous}`,
        },
        { details: { file: loaded.file, line, id: trimmed } },
      );
    }
    seen.set(trimmed, line);
    const entity =
      loaded.format === 'csv'
        ? fromCsvRow(row, idKey as string, trimmed)
        : fromJson(row, idKey as string, trimmed);
    entities.push(normalizeStatus(entity, unknownStatuses));
  }
  return entities;
}

function fromCsvRow(row: Record<string, unknown>, idKey: string, id: string): DirectoryEntity {
  const entity: Record<string, unknown> = { id };
  const attributes: Record<string, string> = {};
  for (const [column, raw] of Object.entries(row)) {
    if (column === idKey || typeof raw !== 'string') continue;
    const value = raw.trim();
    if (value === '') continue;
    const known = KNOWN[column];
    if (known !== undefined) entity[known] = value;
    else if (TAG_COLUMNS.has(column)) {
      entity.tags = value
        .split(/[,，;；、]/)
        .map((t) => t.trim())
        .filter((t) => t !== '');
    } else attributes[column] = value;
  }
  if (Object.keys(attributes).length > 0) entity.attributes = attributes;
  return entity as unknown as DirectoryEntity;
}

function fromJson(row: Record<string, unknown>, idKey: string, id: string): DirectoryEntity {
  const { [idKey]: _id, ...rest } = row;
  if (rest.status === undefined) {
    // A status under a Chinese or other common header (登记状态, 经营状态, …).
    const key = Object.keys(rest).find((k) => KNOWN[k] === 'status' && typeof rest[k] === 'string');
    if (key !== undefined) {
      const { [key]: status, ...others } = rest;
      return { ...others, status, id } as DirectoryEntity;
    }
  }
  return { ...rest, id } as DirectoryEntity;
}

function normalizeStatus(entity: DirectoryEntity, unknown: Map<string, number>): DirectoryEntity {
  const raw = entity.status;
  if (typeof raw !== 'string') return entity;
  const code = entityStatusCode(raw);
  if (code === undefined) {
    unknown.set(raw, (unknown.get(raw) ?? 0) + 1);
    return entity;
  }
  return code === raw ? entity : { ...entity, status: code };
}
