/**
 * `@jianguan/core` — the 互联网+监管 data standard: record schemas, identifiers, code tables,
 * batch quality checks (质检), entity linking, input files and the working-day calendar.
 *
 * @packageDocumentation
 */

// --- errors (shared) ---
export type { FieldPath, JianguanErrorOptions, LocalizedMessage } from './errors/index.js';
export { isJianguanError, JianguanError } from './errors/index.js';

// --- identifiers ---

// --- code-tables ---

// --- schemas ---

// --- quality ---

// --- linking ---

// --- io ---

// --- calendar ---
