/**
 * Boundary checks for untyped callers (issue #11, total functions): junk becomes a {@link CatalogError} with a
 * field path (`invalid_input` for an argument, `invalid_options` for an options object) instead of a
 * `TypeError` from deep inside. Shapes are checked as far as the function reads them, with zod; a frozen value
 * (what `defineCatalog` and the other `define*` functions return) is checked once per object.
 */
import type { Expected, FieldPath } from '@jianguan/core';
import { EXPECTED, expectedFailure, isRecord, localizeZodIssue, zodIssuePath } from '@jianguan/core';
import { z } from 'zod';
import { CatalogError, type CatalogErrorCode } from './errors.js';

/** Throws {@link CatalogError} `code` at `path`: `what` in English and Chinese, and the value. */
export function badInput(code: CatalogErrorCode, path: FieldPath, what: Expected, value: unknown): never {
  throw new CatalogError(code, ...expectedFailure(path, what, value));
}

/** An options argument: `undefined` (the defaults) or an object; else `invalid_options`. */
export function requireOptions(options: unknown, path: FieldPath = ['options']): void {
  if (options !== undefined && !isRecord(options))
    badInput('invalid_options', path, EXPECTED.object, options);
}

/** `value` is a string; else `invalid_input`. */
export function requireString(value: unknown, path: FieldPath): void {
  if (typeof value !== 'string') badInput('invalid_input', path, EXPECTED.string, value);
}

/** Frozen values already found to match a schema, per schema. */
const checked = new WeakMap<z.ZodType, WeakSet<object>>();

/**
 * `value` matches `schema` (as far as the caller reads it); else `code` at `path` plus the issue's path, with
 * core's bilingual zod message.
 */
export function requireShape(
  schema: z.ZodType,
  value: unknown,
  path: FieldPath,
  code: CatalogErrorCode = 'invalid_input',
): void {
  const frozen = value !== null && typeof value === 'object' && Object.isFrozen(value);
  let seen = checked.get(schema);
  if (frozen && seen?.has(value)) return;
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const at = [...path, ...zodIssuePath(issue)];
    const text = localizeZodIssue(issue);
    throw new CatalogError(
      code,
      { zh: `${at.join('.') || '输入'}：${text.zh}`, en: `${at.join('.') || 'input'}: ${text.en}` },
      { path: at },
    );
  }
  if (frozen) {
    if (seen === undefined) {
      seen = new WeakSet();
      checked.set(schema, seen);
    }
    seen.add(value);
  }
}

const text = z.string();

/** A function (a callback option). */
export const functionShape = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', {
  message: 'expected a function (须为函数)',
});

/** A catalog item as `catalogItemKey` and `catalogItemName` read it. */
export const itemKeyShape = z.looseObject({ itemCode: text, subItemCode: z.string().nullish() });
export const itemNameShape = z.looseObject({
  mainItemName: z.string().nullish(),
  subItemName: z.string().nullish(),
});
const itemShape = z.looseObject({
  itemCode: text,
  subItemCode: z.string().nullish(),
  mainItemName: z.string().nullish(),
  subItemName: z.string().nullish(),
});

/** A catalog as `diffCatalogs` and `claimGapReport` read it. */
export const catalogShape = z.looseObject({
  id: text,
  version: text,
  publishedDate: text,
  items: z.array(itemShape),
});

const versionRef = z.looseObject({ id: text, version: text, publishedDate: text });

/** A catalog diff as `catalogChangelog` reads it. */
export const catalogDiffShape = z.looseObject({
  from: versionRef,
  to: versionRef,
  added: z.array(itemShape),
  removed: z.array(itemShape),
  changed: z.array(
    z.looseObject({
      key: text,
      name: text,
      changes: z.array(
        z.looseObject({
          field: text,
          zh: text,
          citations: z.looseObject({ removed: z.array(text), added: z.array(text) }).optional(),
        }),
      ),
    }),
  ),
  possiblyRecoded: z.array(
    z.looseObject({ from: text, to: text, reason: z.enum(['same_name', 'same_citations']) }),
  ),
});

/** A citation as `formatCitation` reads it: article numbers are integers in [0, 9999]. */
const articleNumber = z.number().int().min(0).max(9999).optional();
export const citationShape = z.looseObject({
  law: text,
  article: articleNumber,
  articleSuffix: articleNumber,
  paragraph: articleNumber,
  item: articleNumber,
});

/** An item to match as `proposeMappings` reads it. */
export const matchableShape = z.looseObject({
  itemCode: text,
  subItemCode: z.string().nullish(),
  mainItemName: z.string().nullish(),
  subItemName: z.string().nullish(),
});

/** A match candidate as `confirmMapping` and `evaluateProposals` read it. */
export const candidateShape = z.looseObject({
  key: text,
  itemCode: text,
  score: z.number(),
  evidence: z.looseObject({ sharedCitations: z.array(text), sharedLaws: z.array(text) }),
});

/** A match proposal as `confirmMapping` and `evaluateProposals` read it. */
export const proposalShape = z.looseObject({
  key: text,
  itemCode: text,
  candidates: z.array(candidateShape),
});

/** The options of `parseLegalBasis` / `normaliseLawName` as they read them. */
export const parseOptionsShape = z.looseObject({
  maxRange: z.number().optional(),
  abbreviations: z.record(z.string(), z.string()).optional(),
});
