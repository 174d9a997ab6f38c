import { defaultQualityRuleSet, describeValue } from '@jianguan/core';
import { CatalogError } from '../errors.js';

/**
 * The layout of the 14-digit 监管事项目录编码 (事项编码结构), as data. The length (14 digits) is confirmed
 * (data-standards.md §1.2, S6 rule `length: 14`, digits only; core's `params.itemCodeLength`). The split into
 * segments is **inferred**: no published source gives it (data-standards.md §1.2 “Not found”). This layout
 * follows the analogy there — a 2-digit 监管部门 code (the S6 `监管部门` table: 31 市场监管, 23 卫健委, …), a
 * 9-digit 主项 sequence and a 3-digit 子项 sequence with `000` for the main item itself (as Guizhou's
 * 行政许可 code DB52/T 1264-2018 does, S19). Use it to group sub-items under their main item; never reject a
 * code because its segments look odd — only the 14 digits are a rule.
 *
 * @example
 * ITEM_CODE_LAYOUT.segments.map((s) => s.length); // [2, 9, 3]
 */
export const ITEM_CODE_LAYOUT = {
  id: 'item-code-layout',
  version: '2026.1',
  length: defaultQualityRuleSet.params.itemCodeLength,
  segments: [
    { name: 'department', zh: '监管部门代码', length: 2 },
    { name: 'mainItem', zh: '主项顺序码', length: 9 },
    { name: 'subItem', zh: '子项顺序码（000 为主项本身）', length: 3 },
  ],
  status: 'inferred',
  source:
    'data-standards.md §1.2: 14 digits confirmed (S6); segment layout inferred from the S6 监管部门 table and the DB52/T 1264-2018 主项/子项 analogy (S19)',
  checked: '2026-12-02',
} as const;

/**
 * The parts of a catalog item code under {@link ITEM_CODE_LAYOUT} (inferred layout).
 *
 * @example
 * const parts: ItemCodeParts = parseItemCode('31000000100002');
 */
export interface ItemCodeParts {
  readonly code: string;
  /** 2-digit 监管部门 code (inferred position). */
  readonly department: string;
  /** 9-digit 主项 sequence (inferred position). */
  readonly mainItem: string;
  /** 3-digit 子项 sequence; `'000'` is the main item itself (inferred). */
  readonly subItem: string;
  /** The code of the main item: the same code with the 子项 segment `000`. */
  readonly mainItemCode: string;
  /** Whether this code names a main item (子项 segment `000`). */
  readonly isMainItem: boolean;
}

/**
 * Whether `value` is a well-formed catalog item code: exactly 14 ASCII digits (the confirmed rule).
 *
 * @example
 * isItemCode('31000000100000'); // true
 * isItemCode('3100000010000'); // false
 */
export function isItemCode(value: unknown): value is string {
  return typeof value === 'string' && value.length === ITEM_CODE_LAYOUT.length && /^\d+$/.test(value);
}

/**
 * Splits a 14-digit catalog item code (监管事项目录编码) into department, 主项 and 子项 segments
 * (the layout is inferred — see {@link ITEM_CODE_LAYOUT}).
 *
 * @throws {CatalogError} `invalid_item_code` unless the code is exactly 14 digits.
 * @example
 * parseItemCode('31000000100002').mainItemCode; // '31000000100000'
 */
export function parseItemCode(code: unknown): ItemCodeParts {
  if (!isItemCode(code)) {
    throw new CatalogError(
      'invalid_item_code',
      {
        zh: `监管事项目录编码须为${ITEM_CODE_LAYOUT.length}位数字：${describeValue(code)}`,
        en: `a catalog item code must be ${ITEM_CODE_LAYOUT.length} digits: ${describeValue(code)}`,
      },
      { details: { code: describeValue(code) } },
    );
  }
  const [d, m, s] = ITEM_CODE_LAYOUT.segments;
  const department = code.slice(0, d.length);
  const mainItem = code.slice(d.length, d.length + m.length);
  const subItem = code.slice(d.length + m.length, d.length + m.length + s.length);
  return {
    code,
    department,
    mainItem,
    subItem,
    mainItemCode: `${department}${mainItem}${'0'.repeat(s.length)}`,
    isMainItem: /^0+$/.test(subItem),
  };
}
