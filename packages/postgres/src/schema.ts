import {
  behaviourRecordSchema,
  catalogItemSchema,
  clueFeedbackSchema,
  complaintSchema,
  creditRecordSchema,
  drawnObjectSchema,
  inspectionListSchema,
  jointTaskSchema,
  officerSchema,
  regulatedEntitySchema,
  riskClueSchema,
  spotCheckPlanSchema,
} from '@jianguan/core';
import type { z } from 'zod';
import { badArgument, requireString, requireZodType } from './boundary.js';
import { PostgresError } from './errors.js';

/**
 * One generated column (生成列): the record field it stores, its SQL name and type, and whether the schema
 * requires it in every variant.
 *
 * @example
 * const c: ColumnSpec = { field: 'recordId', column: 'record_id', type: 'text', required: true };
 */
export interface ColumnSpec {
  readonly field: string;
  readonly column: string;
  readonly type: 'text' | 'numeric' | 'boolean' | 'text[]';
  readonly required: boolean;
}

/**
 * A topic table (主题表) generated from one of core's record schemas.
 *
 * @example
 * TOPIC_TABLES.find((t) => t.table === 'behaviour_records')?.columns.length;
 */
export interface TopicTable {
  /** Table name inside the `jianguan` schema. */
  readonly table: string;
  /** The core export the columns come from, e.g. `behaviourRecordSchema`. */
  readonly schemaName: string;
  readonly schema: z.ZodType;
  readonly columns: readonly ColumnSpec[];
}

type Def = {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  shape?: Record<string, z.ZodType>;
  values?: unknown[];
  entries?: Record<string, unknown>;
};
const defOf = (t: z.ZodType): Def => (t as unknown as { _zod: { def: Def } })._zod.def;

/** camelCase → snake_case (`recordId` → `record_id`, `areaCode2` → `area_code2`). */
export function columnName(field: string): string {
  requireString(field, ['field']);
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * Maps one zod field type to its PostgreSQL column type (字段类型映射): strings, literals and enums → `text`,
 * numbers → `numeric` (exact), booleans → `boolean`, string arrays → `text[]`; optional/nullable unwrap. Any other
 * zod type throws a {@link PostgresError} `unmapped_field`, so a new kind of field cannot slip into the schema
 * without a column.
 *
 * @example
 * columnType(z.string().optional()); // 'text'
 */
export function columnType(type: z.ZodType, path: readonly string[] = []): ColumnSpec['type'] {
  requireZodType(type, ['type']);
  if (!Array.isArray(path) || !path.every((p) => typeof p === 'string'))
    badArgument(['path'], { en: 'an array of field names', zh: '字段名数组' }, path);
  const def = defOf(type);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
      return columnType(def.innerType as z.ZodType, path);
    case 'string':
    case 'literal':
    case 'enum':
      if (def.type === 'literal' && !(def.values ?? []).every((v) => typeof v === 'string')) break;
      return 'text';
    case 'number':
      return 'numeric';
    case 'boolean':
      return 'boolean';
    case 'array':
      if (columnType(def.element as z.ZodType, [...path, '[]']) === 'text') return 'text[]';
      break;
  }
  throw new PostgresError(
    'unmapped_field',
    {
      zh: `字段 ${path.join('.')} 的类型 ${def.type} 没有对应的列类型`,
      en: `field ${path.join('.')} of zod type ${def.type} has no column type`,
    },
    { path: [...path], details: { zodType: def.type } },
  );
}

const isOptional = (t: z.ZodType): boolean => ['optional', 'default'].includes(defOf(t).type);

/**
 * The fields of an object schema or of every variant of a (discriminated) union, with their zod types; a field
 * is required only when every variant requires it.
 *
 * @example
 * Object.keys(schemaFields(behaviourRecordSchema)).includes('kind'); // true
 */
export function schemaFields(schema: z.ZodType): Record<string, { type: z.ZodType; required: boolean }> {
  requireZodType(schema, ['schema']);
  const def = defOf(schema);
  if (def.type === 'object') {
    const out: Record<string, { type: z.ZodType; required: boolean }> = {};
    for (const [k, t] of Object.entries(def.shape ?? {})) {
      requireZodType(t, ['schema', 'shape', k]);
      out[k] = { type: t, required: !isOptional(t) };
    }
    return out;
  }
  if (def.type === 'union') {
    const options: unknown = def.options ?? [];
    if (!Array.isArray(options))
      badArgument(['schema', 'options'], { en: 'an array of zod schemas', zh: 'zod 结构数组' }, options);
    const variants = options.map((o: z.ZodType) => schemaFields(o));
    const out: Record<string, { type: z.ZodType; required: boolean }> = {};
    for (const v of variants) {
      for (const [k, f] of Object.entries(v)) {
        const seen = out[k];
        out[k] = { type: seen?.type ?? f.type, required: (seen?.required ?? true) && f.required };
      }
    }
    for (const k of Object.keys(out))
      if (!variants.every((v) => k in v)) out[k] = { ...out[k]!, required: false };
    return out;
  }
  throw new PostgresError(
    'unmapped_schema',
    { zh: `不支持的记录结构 ${def.type}`, en: `unsupported record schema of zod type ${def.type}` },
    { details: { zodType: def.type } },
  );
}

/**
 * The columns generated for a record schema, in field order.
 *
 * @example
 * columnsOf(officerSchema).map((c) => `${c.column} ${c.type}`);
 */
export function columnsOf(schema: z.ZodType): ColumnSpec[] {
  return Object.entries(schemaFields(schema)).map(([field, f]) => {
    // Variants of a union must agree on a field's column type.
    return { field, column: columnName(field), type: columnType(f.type, [field]), required: f.required };
  });
}

const topic = (table: string, schemaName: string, schema: z.ZodType): TopicTable => ({
  table,
  schemaName,
  schema,
  columns: columnsOf(schema),
});

/**
 * The standard's topic tables (主题库表), each generated from a core record schema — one source of truth: a field
 * added to a core schema becomes a column at the next migration.
 *
 * @example
 * TOPIC_TABLES.map((t) => t.table); // ['catalog_items', 'inspection_lists', …]
 */
export const TOPIC_TABLES: readonly TopicTable[] = Object.freeze([
  topic('catalog_items', 'catalogItemSchema', catalogItemSchema),
  topic('inspection_lists', 'inspectionListSchema', inspectionListSchema),
  topic('regulated_entities', 'regulatedEntitySchema', regulatedEntitySchema),
  topic('officers', 'officerSchema', officerSchema),
  topic('behaviour_records', 'behaviourRecordSchema', behaviourRecordSchema),
  topic('complaints', 'complaintSchema', complaintSchema),
  topic('risk_clues', 'riskClueSchema', riskClueSchema),
  topic('clue_feedback', 'clueFeedbackSchema', clueFeedbackSchema),
  topic('credit_records', 'creditRecordSchema', creditRecordSchema),
  topic('spot_check_plans', 'spotCheckPlanSchema', spotCheckPlanSchema),
  topic('drawn_objects', 'drawnObjectSchema', drawnObjectSchema),
  topic('joint_tasks', 'jointTaskSchema', jointTaskSchema),
]);

const COLUMN_TYPES: readonly string[] = ['text', 'numeric', 'boolean', 'text[]'];

/** A topic table as far as {@link topicTableSql} reads it: a table name and columns with a name and a type. */
function requireTopicTable(t: unknown): asserts t is TopicTable {
  if (t === null || typeof t !== 'object' || Array.isArray(t))
    badArgument(['table'], { en: 'a topic table object', zh: '主题表对象' }, t);
  const { table, columns } = t as Record<string, unknown>;
  requireString(table, ['table', 'table']);
  if (!Array.isArray(columns)) badArgument(['table', 'columns'], { en: 'an array', zh: '数组' }, columns);
  columns.forEach((c: unknown, i) => {
    const column = (c as Record<string, unknown> | null)?.column;
    const type = (c as Record<string, unknown> | null)?.type;
    requireString(column, ['table', 'columns', i, 'column']);
    if (typeof type !== 'string' || !COLUMN_TYPES.includes(type))
      badArgument(
        ['table', 'columns', i, 'type'],
        { en: COLUMN_TYPES.join(' | '), zh: COLUMN_TYPES.join('、') },
        type,
      );
  });
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * The DDL of one topic table: a surrogate key, the full record as `jg_record jsonb`, one nullable column per
 * field (records are lenient; 质检 rules stay in core), and `jg_inserted_at`. Columns added to the schema later
 * are added with `add column if not exists`.
 *
 * @example
 * topicTableSql(TOPIC_TABLES[0]!);
 */
export function topicTableSql(t: TopicTable): string {
  requireTopicTable(t);
  const name = `jianguan.${quote(t.table)}`;
  const lines = [
    `create table if not exists ${name} (jg_id bigint generated always as identity primary key, jg_record jsonb not null, jg_inserted_at timestamptz not null default now());`,
  ];
  for (const c of t.columns)
    lines.push(`alter table ${name} add column if not exists ${quote(c.column)} ${c.type};`);
  return lines.join('\n');
}
