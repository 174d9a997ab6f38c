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
 * underscores are removed, and ASCII letters are upper-cased. Only these characters are mapped: any other
 * non-ASCII character (dotless ı, the ﬀ ligature, other scripts' digits) stays as it is and fails validation —
 * `String#toUpperCase` is not used because it maps such characters into the code alphabet. Non-strings throw
 * {@link InvalidFormatError}.
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
  return text.replace(ASCII_LOWER, (c) => String.fromCharCode(c.charCodeAt(0) - 0x20));
}

const ASCII_LOWER = /[a-z]/g;

/**
 * @internal The options object of an identifier function: `undefined`/`null` mean the defaults; anything
 * else that is not a plain object throws {@link InvalidFormatError} at path `['options']`.
 */
export function optionsObject(options: unknown, identifier: string): Readonly<Record<string, unknown>> {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw optionError(identifier, [], 'an object', options);
  }
  return options as Readonly<Record<string, unknown>>;
}

/** @internal The typed error for a bad option value. */
export function optionError(
  identifier: string,
  path: readonly (string | number)[],
  expected: string,
  actual: unknown,
): InvalidFormatError {
  const where = ['options', ...path].join('.');
  return new InvalidFormatError(
    { zh: `选项 ${where} 无效，应为 ${expected}`, en: `${identifier}: ${where} must be ${expected}` },
    {
      path: ['options', ...path],
      details: { identifier, option: where, expected, type: actual === null ? 'null' : typeof actual },
    },
  );
}

/** @internal A short, safe rendering of an input for error details. */
export function preview(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
