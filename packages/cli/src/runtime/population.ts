import type { DirectoryEntity } from '@jianguan/sampling';
import type { CommandContext, OptionSpec } from './args.js';
import { stringOption, valueOption } from './args.js';
import { inputError } from './errors.js';
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

/** Read a population file into the entity directory, honouring {@link populationOptions}. */
export async function readPopulation(ctx: CommandContext, file: string): Promise<DirectoryEntity[]> {
  const loaded = await loadRecords(ctx.io.cwd, file, {
    format: stringOption(ctx.values, 'format'),
    progress: ctx.progress(`read ${file}`, 0),
  });
  return toDirectory(loaded, stringOption(ctx.values, 'id-field'));
}

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
};
const TAG_COLUMNS = new Set(['tags', '标签']);

/**
 * Turn the rows of a population file into the entity directory (检查对象名录) the sampler reads. CSV
 * columns `id` (or `uscc`, `统一社会信用代码`, … or `--id-field`), `name`, `grade`, `riskLevel`, `industry`,
 * `areaCode`, `status` and `tags` (a `,`/`;`/`、` list) map to the directory fields; any other column
 * becomes an attribute usable in strata. JSON records are taken as directory entries, with the id read
 * the same way. Empty cells are left out. The same file always gives the same directory.
 */
export function toDirectory(loaded: LoadedFile, idField: string | undefined): DirectoryEntity[] {
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
    entities.push(
      loaded.format === 'csv'
        ? fromCsvRow(row, idKey as string, trimmed)
        : fromJson(row, idKey as string, trimmed),
    );
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
  return { ...rest, id } as DirectoryEntity;
}
