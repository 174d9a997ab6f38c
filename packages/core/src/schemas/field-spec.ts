import type { z } from 'zod';
import { loadZod } from '#zod';

/**
 * How a field's value is typed in a record (字段类型). Everything arrives as text in an exchange file;
 * `fromExchangeRow` turns `number`, `boolean` and `list` columns into numbers, booleans and arrays.
 *
 * - `string`: free text or a code; `date`: a China civil date `'YYYY-MM-DD'`;
 *   `datetime`: ISO 8601 with offset (e.g. `2024-03-05T09:30:00+08:00`) or a bare date;
 *   `number`: a JSON number; `boolean`: `true`/`false` (是/否 in exchange files);
 *   `list`: an array of strings (a comma list in exchange files).
 *
 * @example
 * const kind: FieldKind = 'date';
 */
export type FieldKind = 'string' | 'date' | 'datetime' | 'number' | 'boolean' | 'list';

/**
 * Every national data-check type code (数据检核类型), `'01'`–`'10'` in order, from the provincial 质检
 * taxonomy (data-standards.md §7); labels in the `qualityCheckType` code table. The one list of these codes:
 * schemas that accept a check type build their enum from it.
 *
 * @example
 * CHECK_TYPES.length; // 10
 * CHECK_TYPES.includes('06'); // true
 */
export const CHECK_TYPES = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'] as const;

/**
 * The national data-check type (数据检核类型) an issue belongs to, one of {@link CHECK_TYPES}:
 * `'01'` 代码检查 · `'02'` 数据源标识检查 · `'03'` 监管事项目录编码检查 ·
 * `'04'` 检查实施清单编码检查 · `'05'` 数据归并 · `'06'` 统一社会信用代码编码规则检查 ·
 * `'07'` 身份证号码编码规则检查 · `'08'` 数据关联性检查 · `'09'` 业务主键检查 · `'10'` 时间信息检查.
 *
 * @example
 * const type: CheckType = '06';
 */
export type CheckType = (typeof CHECK_TYPES)[number];

/**
 * One field in the field dictionary (字段字典条目): its Chinese and English names, whether the
 * standard requires it, its maximum length and, for coded fields, the code table it draws from.
 *
 * @example
 * const spec: FieldSpec = { zh: '检查时间', en: 'inspection date', kind: 'date', required: true };
 */
export interface FieldSpec {
  /** The Chinese name (中文名), also the exchange-file column header. */
  readonly zh: string;
  /** The English name, for messages and documentation. */
  readonly en: string;
  /** The value type. */
  readonly kind: FieldKind;
  /** Whether the standard requires a non-empty value (必填). */
  readonly required: boolean;
  /** Maximum length in characters (值超长 above it). */
  readonly maxLength?: number;
  /** The code table (代码表) id in `@jianguan/core` code tables, e.g. `'certType'`. */
  readonly codeTable?: string;
  /** Other column headers that mean this field (表头别名), e.g. an older name. */
  readonly aliases?: readonly string[];
  /** The national check type issues on this field belong to; defaults by kind (dates → '10', else '01'). */
  readonly checkType?: CheckType;
  /** A date that may legitimately lie in the future (validity end, planned date, …). */
  readonly allowFuture?: boolean;
  /** Where the field comes from (reference section or source). */
  readonly source?: string;
}

/**
 * The fields of one record type, keyed by camelCase field name.
 *
 * @example
 * const fields: FieldSpecs = { name: { zh: '姓名', en: 'name', kind: 'string', required: true } };
 */
export type FieldSpecs = Readonly<Record<string, FieldSpec>>;

/**
 * The zod type a field kind maps to.
 *
 * @example
 * type T = ZodForKind<'number'>; // z.ZodNumber
 */
export type ZodForKind<K extends FieldKind> = K extends 'number'
  ? z.ZodNumber
  : K extends 'boolean'
    ? z.ZodBoolean
    : K extends 'list'
      ? z.ZodArray<z.ZodString>
      : z.ZodString;

/**
 * The zod object shape built from a field dictionary: required fields as-is, others optional.
 *
 * @example
 * type S = ShapeOf<{ a: { zh: '甲'; en: 'a'; kind: 'string'; required: true } }>;
 */
export type ShapeOf<S extends FieldSpecs> = {
  -readonly [K in keyof S]: S[K]['required'] extends true
    ? ZodForKind<S[K]['kind']>
    : z.ZodOptional<ZodForKind<S[K]['kind']>>;
};

function zodFor(kind: FieldKind): z.ZodType {
  const z = loadZod();
  switch (kind) {
    case 'number':
      return z.number();
    case 'boolean':
      return z.boolean();
    case 'list':
      return z.array(z.string());
    default:
      return z.string();
  }
}

/** Builds the lenient zod shape (types only; business rules live in the quality check). Loads zod. */
export function shapeOf<const S extends FieldSpecs>(specs: S): ShapeOf<S> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const base = zodFor(spec.kind);
    shape[name] = spec.required ? base : base.optional();
  }
  return shape as ShapeOf<S>;
}

/** Field-spec helpers used by the dictionary (keep the literal `kind` and `required` types). */
export function req<const K extends FieldKind>(
  kind: K,
  zh: string,
  en: string,
  extra: Omit<FieldSpec, 'zh' | 'en' | 'kind' | 'required'> = {},
): { readonly zh: string; readonly en: string; readonly kind: K; readonly required: true } & Omit<
  FieldSpec,
  'zh' | 'en' | 'kind' | 'required'
> {
  return { zh, en, kind, required: true, ...extra };
}

/** An optional field (see {@link req}). */
export function opt<const K extends FieldKind>(
  kind: K,
  zh: string,
  en: string,
  extra: Omit<FieldSpec, 'zh' | 'en' | 'kind' | 'required'> = {},
): { readonly zh: string; readonly en: string; readonly kind: K; readonly required: false } & Omit<
  FieldSpec,
  'zh' | 'en' | 'kind' | 'required'
> {
  return { zh, en, kind, required: false, ...extra };
}
