export type { FieldPath, JianguanErrorOptions, LocalizedMessage } from './jianguan-error.js';
export { isJianguanError, JianguanError } from './jianguan-error.js';
