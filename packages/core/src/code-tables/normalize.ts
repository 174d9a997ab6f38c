const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const NOISE = /[\p{P}\p{S}\p{Z}\s\u200B-\u200D\uFEFF]/gu;

/** @internal Full-width → ASCII and trim: the form codes are compared in. */
export function normalizeCode(value: string): string {
  return value.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
}

/**
 * @internal The key labels are compared by: NFKC, lower case, with every punctuation mark, symbol and space
 * removed — so `公示信息隐瞒真实情况、弄虚作假`, `公示信息隐瞒真实情况弄虚作假` and `（）`/`()` variants meet.
 */
export function labelKey(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(NOISE, '');
}

/** @internal Separators between several codes or labels in one field. */
export const LIST_SEPARATORS = /[,，、;；|\n]+/;
