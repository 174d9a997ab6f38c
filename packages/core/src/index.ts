/**
 * `@jianguan/core` — the 互联网+监管 data standard.
 *
 * @packageDocumentation
 */
export type { FieldPath, JianguanErrorOptions, LocalizedMessage } from './errors/index.js';
export { isJianguanError, JianguanError } from './errors/index.js';
