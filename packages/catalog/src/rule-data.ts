import { z } from 'zod';

/**
 * How sure a number or rule in versioned data is (核实状态): `verified` against the cited source,
 * `seed-stated` (stated by one of the government plans the project starts from), or `inferred` (a reasoned
 * default or a third-party copy whose publisher is not identified).
 *
 * @example
 * const s: DataStatus = 'inferred';
 */
export type DataStatus = 'verified' | 'seed-stated' | 'inferred';

/** @internal */
export const dataStatusSchema = z.enum(['verified', 'seed-stated', 'inferred']);

/** @internal */
export const provenanceShape = {
  /** The quoted source (document, article, URL). */
  source: z.string().min(1),
  status: dataStatusSchema,
  /** The date the source was checked (China civil date). */
  checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
};
