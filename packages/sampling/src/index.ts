/**
 * `@jianguan/sampling`.
 *
 * @packageDocumentation
 */
export {};
