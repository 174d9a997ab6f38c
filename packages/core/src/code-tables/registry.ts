import type { z } from 'zod';
import { loadZod } from '#zod';
import { describeValue } from '../errors/describe.js';
import { InvalidArgumentError } from '../errors/invalid-argument.js';
import { InvalidOptionsError } from '../errors/invalid-options.js';
import { describeZodError, localizeZodIssue, zodIssuePath } from '../errors/zod-issue.js';
import { lazySchema, materialise } from '../internal/lazy.js';
import { NATIONAL_CODE_TABLES, VARIANT_TABLES } from './data/national.js';
import { InvalidCodeTableError, UnknownCodeTableError } from './errors.js';
import { LIST_SEPARATORS, labelKey, normalizeCode } from './normalize.js';
import type { CodeTable, CodeTableEntry, CodeTableInput } from './types.js';

const A_REGISTRY = { en: 'a code table registry', zh: '代码表注册表' } as const;

/**
 * The data of the national tables, by id (the literal types behind {@link CodeTableId} and {@link CodeOf}).
 *
 * @example
 * type CheckTypeInput = NationalCodeTables['checkType'];
 */
export type NationalCodeTables = typeof NATIONAL_CODE_TABLES;

/**
 * The ids of the tables in the default registry.
 *
 * @example
 * const id: CodeTableId = 'punishType';
 */
export type CodeTableId = keyof NationalCodeTables;

/**
 * The code union of a built-in table, e.g. `CodeOf<'checkType'>` is `'01' | '02'`.
 *
 * @example
 * const form: CodeOf<'checkForm'> = '01';
 */
export type CodeOf<Id extends CodeTableId> = NationalCodeTables[Id]['entries'][number]['code'];

/** Options for lookups. */
export interface CodeLookupOptions {
  /** Only entries valid on this day (`YYYY-MM-DD`) match; default: all entries. */
  readonly asOf?: string;
  /** The registry to use; default {@link codeTables}. */
  readonly registry?: CodeTableRegistry;
}

/**
 * The result of {@link CodeTableRegistry.lookupList}: the entries found and the pieces that matched nothing.
 *
 * @example
 * const r: CodeListLookup = codeTables.lookupList('punishType', '01,罚款；99');
 * // r.entries → [警告, 罚款], r.unknown → ['99']
 */
export interface CodeListLookup {
  readonly entries: readonly CodeTableEntry[];
  readonly unknown: readonly string[];
}

/**
 * A set of code tables by id, immutable: {@link CodeTableRegistry.with} returns a new registry, so a provincial
 * variant never changes the default {@link codeTables}.
 *
 * @example
 * const zj = codeTables.with(codeTableVariants.punishTypePre2021);
 * zj.isCode('punishType', '14'); // false
 * codeTables.isCode('punishType', '14'); // true
 */
export interface CodeTableRegistry {
  /** The ids held, in registration order. */
  readonly ids: readonly string[];
  /** Whether a table with this id is held. */
  has(id: string): boolean;
  /** The table, or throws {@link UnknownCodeTableError}. */
  get(id: string): CodeTable;
  /** Every table held. */
  list(): readonly CodeTable[];
  /** The entry for a code or label (tolerant of width, case, punctuation and spaces), or `undefined`. */
  lookup(id: string, value: unknown, options?: { readonly asOf?: string }): CodeTableEntry | undefined;
  /** Splits a multi-value field on `,，、;；|` and looks every piece up. */
  lookupList(id: string, value: unknown, options?: { readonly asOf?: string }): CodeListLookup;
  /** Whether `code` is exactly a code of the table (after trimming and full-width → ASCII only). */
  isCode(id: string, code: unknown, options?: { readonly asOf?: string }): boolean;
  /** A zod enum of the table's codes. */
  enum(id: string): z.ZodEnum<Record<string, string>>;
  /** A new registry with these tables added, replacing tables with the same id. */
  with(...tables: readonly (CodeTableInput | CodeTable)[]): CodeTableRegistry;
}

function buildCodeTableSchema() {
  const z = loadZod();
  const civilDate = z
    .string()
    .regex(
      /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
      'expected YYYY-MM-DD (应为 YYYY-MM-DD 格式的日期)',
    );

  const entrySchema = z
    .object({
      code: z.string().min(1).max(20).regex(/^\S+$/, 'a code has no spaces (代码不能含空格)'),
      label: z.string().min(1),
      labelEn: z.string().min(1),
      aliases: z.array(z.string().min(1)).readonly().default([]),
      validFrom: civilDate.optional(),
      validTo: civilDate.optional(),
      note: z.string().optional(),
    })
    .refine((e) => e.validFrom === undefined || e.validTo === undefined || e.validFrom <= e.validTo, {
      message: 'validFrom is after validTo (validFrom 晚于 validTo)',
    });

  return z
    .object({
      id: z
        .string()
        .regex(/^[a-z][A-Za-z0-9]*$/, 'a table id is camelCase (代码表编号须为小驼峰形式，如 punishType)'),
      name: z.string().min(1),
      nameEn: z.string().min(1),
      version: z.string().min(1),
      source: z.string().min(1),
      multiValued: z.boolean().default(false),
      entries: z.array(entrySchema).min(1),
    })
    .superRefine((t, ctx) => {
      const codes = new Set<string>();
      const keys = new Map<string, string>();
      t.entries.forEach((e, i) => {
        if (codes.has(e.code))
          ctx.addIssue({
            code: 'custom',
            path: ['entries', i, 'code'],
            message: `duplicate code ${e.code} (代码重复：${e.code})`,
          });
        codes.add(e.code);
        for (const text of new Set([e.label, e.labelEn, ...e.aliases].map(labelKey))) {
          const other = keys.get(text);
          if (other !== undefined && other !== e.code) {
            ctx.addIssue({
              code: 'custom',
              path: ['entries', i],
              message: `label or alias "${text}" of ${e.code} also names ${other} (代码 ${e.code} 的名称或别名“${text}”也指代码 ${other})`,
            });
          }
          keys.set(text, e.code);
        }
      });
    });
}

/** The zod schema code tables are validated with at registration. Built on first use. */
export const codeTableSchema: ReturnType<typeof buildCodeTableSchema> = lazySchema(buildCodeTableSchema);

/**
 * Validates table data and returns it frozen, with defaults filled in (`aliases: []`, `multiValued: false`).
 *
 * @throws {InvalidCodeTableError} with the zod issues in `details.issues`.
 * @example
 * const table = defineCodeTable({
 *   id: 'punishType', name: '处罚种类', nameEn: 'penalty kinds', version: 'zj-2019', source: '浙江省 notice',
 *   entries: [{ code: '01', label: '警告', labelEn: 'warning' }],
 * });
 */
export function defineCodeTable<Id extends string, C extends string>(
  input: CodeTableInput<Id, C>,
): CodeTable<Id, C> {
  if (builtIns.has(input)) return input as unknown as CodeTable<Id, C>;
  const parsed = materialise(codeTableSchema).safeParse(input);
  if (!parsed.success) {
    throw new InvalidCodeTableError(
      {
        zh: `代码表 ${describeValue((input as { id?: unknown } | null)?.id)} 数据不合法：${describeZodError(parsed.error).zh}`,
        en: `code table ${describeValue((input as { id?: unknown } | null)?.id)} is invalid: ${describeZodError(parsed.error).en}`,
      },
      {
        details: {
          issues: parsed.error.issues.map((i) => ({ path: zodIssuePath(i), message: localizeZodIssue(i) })),
        },
      },
    );
  }
  const data = parsed.data;
  const entries = data.entries.map((e) => Object.freeze({ ...e, aliases: Object.freeze([...e.aliases]) }));
  return Object.freeze({ ...data, entries: Object.freeze(entries) }) as unknown as CodeTable<Id, C>;
}

/**
 * The shipped tables without zod: the same frozen result as {@link defineCodeTable} (defaults filled in, keys in
 * schema order), for data the tests validate (test/code-tables/built-in-tables.test.ts), so that importing
 * `@jianguan/core` loads no zod.
 */
function builtInTable<Id extends string, C extends string>(input: CodeTableInput<Id, C>): CodeTable<Id, C> {
  const table = freezeTable(input);
  builtIns.add(table);
  return table;
}

/** The tables {@link builtInTable} made: {@link defineCodeTable} returns them as they are. */
const builtIns = new WeakSet<object>();

function freezeTable<Id extends string, C extends string>(input: CodeTableInput<Id, C>): CodeTable<Id, C> {
  const entries = input.entries.map((e) => {
    const entry: Record<string, unknown> = {
      code: e.code,
      label: e.label,
      labelEn: e.labelEn,
      aliases: Object.freeze([...(e.aliases ?? [])]),
    };
    if (e.validFrom !== undefined) entry.validFrom = e.validFrom;
    if (e.validTo !== undefined) entry.validTo = e.validTo;
    if (e.note !== undefined) entry.note = e.note;
    return Object.freeze(entry);
  });
  return Object.freeze({
    id: input.id,
    name: input.name,
    nameEn: input.nameEn,
    version: input.version,
    source: input.source,
    multiValued: input.multiValued ?? false,
    entries: Object.freeze(entries),
  }) as unknown as CodeTable<Id, C>;
}

/** A table and, once it has been looked into, its index (built on first lookup, not at import). */
interface Slot {
  readonly table: CodeTable;
  indexed?: Indexed;
}

interface Indexed {
  readonly table: CodeTable;
  readonly byCode: ReadonlyMap<string, CodeTableEntry>;
  readonly byNumber: ReadonlyMap<number, CodeTableEntry>;
  readonly byKey: ReadonlyMap<string, CodeTableEntry>;
  zodEnum?: z.ZodEnum<Record<string, string>>;
}

function index(table: CodeTable): Indexed {
  const byCode = new Map<string, CodeTableEntry>();
  const byNumber = new Map<number, CodeTableEntry>();
  const byKey = new Map<string, CodeTableEntry>();
  for (const e of table.entries) {
    byCode.set(e.code, e);
    if (/^\d+$/.test(e.code)) byNumber.set(Number(e.code), e);
    for (const text of [e.label, e.labelEn, ...e.aliases]) byKey.set(labelKey(text), e);
  }
  return { table, byCode, byNumber, byKey };
}

function validOn(entry: CodeTableEntry, asOf: string | undefined): boolean {
  if (asOf === undefined) return true;
  return (
    (entry.validFrom === undefined || entry.validFrom <= asOf) &&
    (entry.validTo === undefined || asOf <= entry.validTo)
  );
}

const CODE_PREFIX = /^([0-9A-Za-z]{1,4})\s*[-.、:：\s]\s*(.+)$/;

function find(ix: Indexed, raw: string): CodeTableEntry | undefined {
  const text = normalizeCode(raw);
  if (text === '') return undefined;
  const exact = ix.byCode.get(text) ?? ix.byCode.get(text.toUpperCase());
  if (exact) return exact;
  if (/^\d+$/.test(text) && text.length <= 6) {
    const numeric = ix.byNumber.get(Number(text));
    if (numeric) return numeric;
  }
  const byLabel = ix.byKey.get(labelKey(text));
  if (byLabel) return byLabel;
  // "01 警告" / "01-警告": a code and its own label.
  const m = CODE_PREFIX.exec(text);
  if (m) {
    const entry = find(ix, m[1]!);
    if (entry && ix.byKey.get(labelKey(m[2]!)) === entry) return entry;
  }
  return undefined;
}

class Registry implements CodeTableRegistry {
  #source: ReadonlyMap<string, Slot> | (() => ReadonlyMap<string, Slot>);

  /** `tables`, or a function building them on first use (the default registry: not at import). */
  constructor(tables: ReadonlyMap<string, Slot> | (() => ReadonlyMap<string, Slot>)) {
    this.#source = tables;
  }

  get #tables(): ReadonlyMap<string, Slot> {
    if (typeof this.#source === 'function') this.#source = this.#source();
    return this.#source;
  }

  get ids(): readonly string[] {
    return [...this.#tables.keys()];
  }

  has(id: string): boolean {
    return this.#tables.has(id);
  }

  #slot(id: string): Slot {
    const slot = typeof id === 'string' ? this.#tables.get(id) : undefined;
    if (slot === undefined) {
      const label = typeof id === 'string' ? id : describeValue(id);
      throw new UnknownCodeTableError(
        { zh: `未知代码表 ${label}`, en: `unknown code table ${label}` },
        { details: { id: label, known: this.ids } },
      );
    }
    return slot;
  }

  #indexed(id: string): Indexed {
    const slot = this.#slot(id);
    slot.indexed ??= index(slot.table);
    return slot.indexed;
  }

  get(id: string): CodeTable {
    return this.#slot(id).table;
  }

  list(): readonly CodeTable[] {
    return [...this.#tables.values()].map((slot) => slot.table);
  }

  lookup(id: string, value: unknown, options: { readonly asOf?: string } = {}): CodeTableEntry | undefined {
    const ix = this.#indexed(id);
    const text = typeof value === 'number' && Number.isInteger(value) && value >= 0 ? String(value) : value;
    if (typeof text !== 'string') return undefined;
    const entry = find(ix, text);
    return entry && validOn(entry, options.asOf) ? entry : undefined;
  }

  lookupList(id: string, value: unknown, options: { readonly asOf?: string } = {}): CodeListLookup {
    const whole = this.lookup(id, value, options);
    if (whole) return { entries: [whole], unknown: [] };
    if (typeof value !== 'string')
      return { entries: [], unknown: value === undefined || value === null ? [] : [describeValue(value)] };
    const entries: CodeTableEntry[] = [];
    const unknown: string[] = [];
    for (const piece of value
      .split(LIST_SEPARATORS)
      .map((p) => p.trim())
      .filter((p) => p !== '')) {
      const entry = this.lookup(id, piece, options);
      if (entry) {
        if (!entries.includes(entry)) entries.push(entry);
      } else unknown.push(piece);
    }
    return { entries, unknown };
  }

  isCode(id: string, code: unknown, options: { readonly asOf?: string } = {}): boolean {
    const ix = this.#indexed(id);
    if (typeof code !== 'string') return false;
    const entry = ix.byCode.get(normalizeCode(code));
    return entry !== undefined && validOn(entry, options.asOf);
  }

  enum(id: string): z.ZodEnum<Record<string, string>> {
    const ix = this.#indexed(id);
    ix.zodEnum ??= loadZod().enum(ix.table.entries.map((e) => e.code) as [string, ...string[]]);
    return ix.zodEnum;
  }

  with(...tables: readonly (CodeTableInput | CodeTable)[]): CodeTableRegistry {
    return this.withDefined(tables.map((t) => defineCodeTable(t)));
  }

  /** @internal A new registry with these (already defined) tables added. */
  withDefined(tables: readonly CodeTable[]): Registry {
    const next = new Map(this.#tables);
    for (const table of tables) next.set(table.id, { table });
    return new Registry(next);
  }
}

/**
 * Creates a registry. By default it starts from the national tables; pass `base: null` for an empty one or
 * another registry to extend it. Every table is validated with zod.
 *
 * @throws {InvalidCodeTableError} when a table's data is invalid.
 * @example
 * const jiangsu = createCodeTableRegistry({ tables: [codeTableVariants.punishTypePre2021] });
 * jiangsu.get('punishType').entries.length; // 7
 */
export function createCodeTableRegistry(
  options: {
    readonly base?: CodeTableRegistry | null;
    readonly tables?: readonly (CodeTableInput | CodeTable)[];
  } = {},
): CodeTableRegistry {
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new InvalidOptionsError(undefined, { en: 'an object', zh: '对象' }, options);
  const base = options.base === undefined ? codeTables : options.base;
  if (base !== null) requireRegistry(base, 'base', 'options');
  if (options.tables !== undefined && !Array.isArray(options.tables))
    throw new InvalidOptionsError(
      'tables',
      { en: 'an array of code tables', zh: '代码表数组' },
      options.tables,
    );
  const start = base ?? new Registry(new Map());
  return start.with(...(options.tables ?? []));
}

/**
 * The default registry: every national table (data-standards §5 and the spot-check vocabularies of
 * sampling-and-credit §A5). It is immutable; use {@link registerCodeTable} or `codeTables.with(…)` for variants.
 *
 * @example
 * codeTables.lookup('checkResult', '发现问题,行政处罚决定')?.code; // '04'
 */
export const codeTables: CodeTableRegistry = new Registry(
  () =>
    new Map(
      (Object.values(NATIONAL_CODE_TABLES) as readonly CodeTableInput[]).map((input) => {
        const table = builtInTable(input);
        return [table.id, { table }];
      }),
    ),
);

/**
 * Shipped variants that are not in the default registry, e.g. the pre-2021 penalty kinds 01–07.
 *
 * @example
 * const registry = registerCodeTable(codeTableVariants.punishTypePre2021);
 */
export const codeTableVariants: { readonly punishTypePre2021: CodeTable<'punishType'> } = {
  punishTypePre2021: builtInTable(VARIANT_TABLES.punishTypePre2021),
};

/**
 * Returns a new registry: `base` (default {@link codeTables}) plus `table`, replacing a table with the same id.
 * The base is not changed.
 *
 * @example
 * const jiangsu = registerCodeTable(codeTableVariants.punishTypePre2021);
 * jiangsu.get('punishType').version; // 'S6-2020'
 */
export function registerCodeTable(
  table: CodeTableInput | CodeTable,
  base: CodeTableRegistry = codeTables,
): CodeTableRegistry {
  requireRegistry(base, 'base');
  return base.with(table);
}

/**
 * A registry from an untyped caller: anything without the registry methods is a typed error — an
 * {@link InvalidArgumentError} for a positional argument, an {@link InvalidOptionsError} for an option.
 */
function requireRegistry(
  registry: unknown,
  name: string,
  where: 'argument' | 'options' = 'argument',
): asserts registry is CodeTableRegistry {
  const r = registry as Record<string, unknown> | null;
  if (
    r === null ||
    typeof r !== 'object' ||
    typeof r.with !== 'function' ||
    typeof r.get !== 'function' ||
    typeof r.enum !== 'function'
  )
    throw where === 'options'
      ? new InvalidOptionsError(name, A_REGISTRY, registry)
      : new InvalidArgumentError(name, A_REGISTRY, registry);
}

/**
 * A table by id from the default registry (or `registry`).
 *
 * @throws {UnknownCodeTableError}
 * @example
 * getCodeTable('certType').entries.find((e) => e.code === '111')?.label; // '居民身份证'
 */
export function getCodeTable<Id extends CodeTableId>(id: Id): CodeTable<Id, CodeOf<Id>>;
export function getCodeTable(id: string, registry?: CodeTableRegistry): CodeTable;
export function getCodeTable(id: string, registry: CodeTableRegistry = codeTables): CodeTable {
  if (typeof (registry as { get?: unknown } | null)?.get !== 'function') {
    throw new InvalidArgumentError('registry', A_REGISTRY, registry);
  }
  return registry.get(id);
}

/**
 * Finds the entry for a code or a label: exact code, a number for a zero-padded code (`1` → `'01'`), the
 * label, English label or an alias compared without punctuation, spaces, width or case differences, or
 * `"01 警告"`.
 *
 * @example
 * lookupCode('spotCheckResult', '公示信息隐瞒真实情况弄虚作假')?.code; // 'C'
 * lookupCode('checkForm', 1)?.label; // '日常检查'
 */
export function lookupCode(
  tableId: string,
  value: unknown,
  options: CodeLookupOptions = {},
): CodeTableEntry | undefined {
  const { registry = codeTables, ...rest } = lookupOptions(options);
  return registry.lookup(tableId, value, rest);
}

/** Options from untyped callers: `null` means the defaults; anything else malformed is a typed error. */
function lookupOptions(options: unknown): CodeLookupOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new InvalidOptionsError(undefined, { en: 'an object', zh: '对象' }, options);
  }
  const o = options as { readonly asOf?: unknown; readonly registry?: unknown };
  if (o.asOf !== undefined && typeof o.asOf !== 'string') {
    throw new InvalidOptionsError('asOf', { en: 'a date YYYY-MM-DD', zh: 'YYYY-MM-DD 日期' }, o.asOf);
  }
  const registry = o.registry;
  if (
    registry !== undefined &&
    (typeof registry !== 'object' ||
      registry === null ||
      typeof (registry as { lookup?: unknown }).lookup !== 'function' ||
      typeof (registry as { isCode?: unknown }).isCode !== 'function')
  ) {
    throw new InvalidOptionsError('registry', A_REGISTRY, registry);
  }
  return o as CodeLookupOptions;
}

/**
 * Whether `code` is a code of the table (codes only, not labels).
 *
 * @example
 * isCode('checkType', '02'); // true
 * isCode('checkType', '现场检查'); // false
 */
export function isCode(tableId: string, code: unknown, options: CodeLookupOptions = {}): boolean {
  const { registry = codeTables, ...rest } = lookupOptions(options);
  return registry.isCode(tableId, code, rest);
}

/**
 * A zod enum of a table's codes, for schemas.
 *
 * @example
 * const schema = z.object({ checkType: codeTableEnum('checkType') });
 * schema.parse({ checkType: '01' });
 */
export function codeTableEnum<Id extends CodeTableId>(tableId: Id): z.ZodEnum<{ [K in CodeOf<Id>]: K }>;
export function codeTableEnum(
  tableId: string,
  registry?: CodeTableRegistry,
): z.ZodEnum<Record<string, string>>;
export function codeTableEnum(
  tableId: string,
  registry: CodeTableRegistry = codeTables,
): z.ZodEnum<Record<string, string>> {
  requireRegistry(registry, 'registry');
  return registry.enum(tableId);
}
