/**
 * `@jianguan/kpi`.
 *
 * @packageDocumentation
 */
export {};
