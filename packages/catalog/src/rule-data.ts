import { SOURCE_STATUSES, type SourceStatus } from '@jianguan/core';
import { z } from 'zod';

/**
 * How sure a number or rule in versioned catalog data is (核实状态): the subset of core's {@link SourceStatus}
 * the catalog accepts — `verified` against the cited source, `seed-stated` (stated by one of the government
 * plans the project starts from), or `inferred` (a reasoned default or a third-party copy whose publisher is not
 * identified).
 *
 * @deprecated Use `SourceStatus` from `@jianguan/core` (this alias is `Extract<SourceStatus, 'verified' |
 * 'seed-stated' | 'inferred'>`, the values catalog data accepts).
 * @example
 * const s: DataStatus = 'inferred';
 */
export type DataStatus = Extract<SourceStatus, 'verified' | 'seed-stated' | 'inferred'>;

/** @internal The catalog's statuses: core's {@link SOURCE_STATUSES} restricted to `verified`, `seed-stated`, `inferred`. */
export const dataStatusSchema = z.enum(SOURCE_STATUSES).extract(['verified', 'seed-stated', 'inferred']);

/** @internal */
export const provenanceShape = {
  /** The quoted source (document, article, URL). */
  source: z.string().min(1),
  status: dataStatusSchema,
  /** The date the source was checked (China civil date). */
  checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
};
