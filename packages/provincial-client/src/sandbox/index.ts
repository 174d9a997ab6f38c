/**
 * `@jianguan/provincial-client`.
 *
 * @packageDocumentation
 */
export {};
