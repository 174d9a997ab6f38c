/**
 * `@jianguan/credit-rules`.
 *
 * @packageDocumentation
 */
export {};
