export { describeValue } from './describe.js';
export type { Expected, ExpectedMessageOptions } from './expected.js';
export { EXPECTED, expectedFailure, expectedMessage, isRecord } from './expected.js';
export { InvalidArgumentError } from './invalid-argument.js';
export { InvalidOptionsError } from './invalid-options.js';
export type { FieldPath, JianguanErrorOptions, LocalizedMessage } from './jianguan-error.js';
export { isJianguanError, JianguanError } from './jianguan-error.js';
