/**
 * One value of a code table (代码项).
 *
 * @example
 * const entry: CodeTableEntry = { code: '01', label: '日常检查', labelEn: 'routine inspection', aliases: ['日常'] };
 */
export interface CodeTableEntry<C extends string = string> {
  /** The code as exchanged (`'01'`, `'111'`, `'A'`). */
  readonly code: C;
  /** The canonical Chinese label (规范名称). */
  readonly label: string;
  /** An English label for developers and logs. */
  readonly labelEn: string;
  /** Other spellings seen in real data (older wording, short forms); matched by {@link lookupCode}. */
  readonly aliases: readonly string[];
  /** First day the code is valid (`YYYY-MM-DD`), when known. */
  readonly validFrom?: string;
  /** Last day the code is valid (`YYYY-MM-DD`), when it was retired. */
  readonly validTo?: string;
  /** A remark about provenance or meaning. */
  readonly note?: string;
}

/**
 * A versioned code table (代码表): identity, provenance and entries.
 *
 * @example
 * const table: CodeTable = getCodeTable('checkType');
 * table.version; // 'S6-2020'
 */
export interface CodeTable<Id extends string = string, C extends string = string> {
  /** Stable machine id, camelCase (`'punishType'`). A provincial variant reuses the id it replaces. */
  readonly id: Id;
  /** Chinese name of the table (`'处罚种类'`). */
  readonly name: string;
  /** English name. */
  readonly nameEn: string;
  /** Version of this table's content; bump it whenever entries change. */
  readonly version: string;
  /** Where the values come from (standard, seed file, reference section). */
  readonly source: string;
  /** Whether one field may hold several codes of this table (a comma-separated list). */
  readonly multiValued: boolean;
  readonly entries: readonly CodeTableEntry<C>[];
}

/**
 * What {@link defineCodeTable} and {@link registerCodeTable} accept: a {@link CodeTable} whose `aliases` and
 * `multiValued` may be omitted.
 *
 * @example
 * const input: CodeTableInput = {
 *   id: 'punishType', name: '处罚种类', nameEn: 'penalty kinds', version: 'zj-2019', source: 'provincial notice',
 *   entries: [{ code: '01', label: '警告', labelEn: 'warning' }],
 * };
 */
export interface CodeTableInput<Id extends string = string, C extends string = string> {
  readonly id: Id;
  readonly name: string;
  readonly nameEn: string;
  readonly version: string;
  readonly source: string;
  readonly multiValued?: boolean;
  readonly entries: readonly {
    readonly code: C;
    readonly label: string;
    readonly labelEn: string;
    readonly aliases?: readonly string[];
    readonly validFrom?: string;
    readonly validTo?: string;
    readonly note?: string;
  }[];
}
