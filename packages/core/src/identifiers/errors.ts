import { JianguanError, type JianguanErrorOptions, type LocalizedMessage } from '../errors/jianguan-error.js';

/** The stable codes of identifier validation errors (python-stdnum's exception hierarchy, in snake_case). */
export type IdentifierErrorCode =
  | 'invalid_format'
  | 'invalid_length'
  | 'invalid_checksum'
  | 'invalid_component';

/** The literal class names of identifier validation errors. */
export type IdentifierErrorName =
  | 'InvalidFormatError'
  | 'InvalidLengthError'
  | 'InvalidChecksumError'
  | 'InvalidComponentError';

/**
 * The value is not a well-formed identifier (格式错误): wrong characters, not a string, bad structure.
 * The base class of {@link InvalidLengthError}, {@link InvalidChecksumError} and {@link InvalidComponentError},
 * so `catch (e) { if (e instanceof InvalidFormatError) … }` catches every identifier failure.
 *
 * @example
 * try {
 *   uscc.validate('9133010079965505-8B!');
 * } catch (error) {
 *   if (error instanceof InvalidFormatError) console.log(error.code); // 'invalid_format'
 * }
 */
export class InvalidFormatError extends JianguanError {
  override readonly name: IdentifierErrorName = 'InvalidFormatError';
  declare readonly code: IdentifierErrorCode;

  constructor(
    messages: LocalizedMessage,
    options: JianguanErrorOptions = {},
    code: IdentifierErrorCode = 'invalid_format',
  ) {
    super(code, messages, options);
  }
}

/**
 * The identifier has the wrong number of characters (长度错误).
 *
 * @example
 * try { uscc.validate('12345'); } catch (error) { (error as InvalidLengthError).code; } // 'invalid_length'
 */
export class InvalidLengthError extends InvalidFormatError {
  override readonly name = 'InvalidLengthError' as const;
  declare readonly code: 'invalid_length';

  constructor(messages: LocalizedMessage, options: JianguanErrorOptions = {}) {
    super(messages, options, 'invalid_length');
  }
}

/**
 * The check character does not match the rest of the identifier (校验码错误).
 *
 * @example
 * try { uscc.validate('91330100799655058A'); } catch (error) { (error as InvalidChecksumError).details; } // { expected: 'B', … }
 */
export class InvalidChecksumError extends InvalidFormatError {
  override readonly name = 'InvalidChecksumError' as const;
  declare readonly code: 'invalid_checksum';

  constructor(messages: LocalizedMessage, options: JianguanErrorOptions = {}) {
    super(messages, options, 'invalid_checksum');
  }
}

/**
 * A part of the identifier has an impossible value (组成部分错误): a birth date that does not exist,
 * a province code that is not a province, …
 *
 * @example
 * try { residentId.validate('110101198002300014'); } catch (error) { (error as InvalidComponentError).code; } // 'invalid_component'
 */
export class InvalidComponentError extends InvalidFormatError {
  override readonly name = 'InvalidComponentError' as const;
  declare readonly code: 'invalid_component';

  constructor(messages: LocalizedMessage, options: JianguanErrorOptions = {}) {
    super(messages, options, 'invalid_component');
  }
}
