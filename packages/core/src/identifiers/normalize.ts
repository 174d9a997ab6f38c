import { InvalidFormatError } from './errors.js';

const CLEAN = /^[0-9A-Z]*$/;
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const SEPARATORS = /[\s\u00A0\u200B-\u200D\u2060\uFEFF\u3000\-\u2010-\u2015\u2212\uFE58\uFE63_.·•/]/g;
const LEADING_LABEL = /^[\p{Script=Han}\p{P}\s]+/u;
const TRAILING_PUNCT = /[\p{Script=Han}\p{P}\s]+$/u;

/**
 * Turns what people paste into the bare identifier characters: full-width forms → ASCII (the NFKC mapping of
 * the full-width block only, so other Unicode digits stay and fail later), a label before a colon
 * (`统一社会信用代码：`, `身份证号:`, `USCC:`) or a leading Chinese label, spaces, hyphens, dots and
 * underscores are removed, and letters are upper-cased. Non-strings throw {@link InvalidFormatError}.
 *
 * @internal
 */
export function compactIdentifier(value: unknown, identifier: string): string {
  if (typeof value !== 'string') {
    throw new InvalidFormatError(
      { zh: '代码必须是字符串', en: `${identifier} must be a string` },
      { details: { identifier, type: value === null ? 'null' : typeof value } },
    );
  }
  if (CLEAN.test(value)) return value;
  let text = value.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const colon = text.lastIndexOf(':');
  if (colon >= 0) text = text.slice(colon + 1);
  text = text.replace(LEADING_LABEL, '').replace(TRAILING_PUNCT, '').replace(SEPARATORS, '');
  return text.toUpperCase();
}

/** @internal A short, safe rendering of an input for error details. */
export function preview(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
