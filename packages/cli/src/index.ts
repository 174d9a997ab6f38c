/**
 * `@jianguan/cli`.
 *
 * @packageDocumentation
 */
export {};
